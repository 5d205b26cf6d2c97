//! Message templates: plain text with named placeholders, `{date}`.
//!
//! A template is checked once, when the snapshot loads ([`check`]): every
//! placeholder must be one its key provides. Rendering ([`fill`]) only
//! substitutes values, so the output is exactly the template's text plus
//! those values: plain text, never markup.

/// Fills the placeholders of an already checked template `source` straight
/// into the output (no intermediate pieces: this runs for every decision).
pub fn fill(source: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(source.len() + 32);
    let mut rest = source;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        out.push_str(&value(&after[..close]).unwrap_or_default());
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Checks a template `source`: every `{placeholder}` must be one of
/// `allowed`, and every `{` closed. Rendering is [`fill`].
///
/// ```
/// use storefront_availability::message::template::{check, fill};
/// check("Ships by {date}", &["date"]).unwrap();
/// assert_eq!(fill("Ships by {date}", |_| Some("Friday".into())), "Ships by Friday");
/// assert_eq!(check("{when}", &["date"]).unwrap_err(), "unknown placeholder {when}; this message has {date}");
/// assert_eq!(check("Ships {date", &["date"]).unwrap_err(), "unclosed \"{\" at character 7");
/// ```
pub fn check(source: &str, allowed: &[&str]) -> Result<(), String> {
    let mut rest = source;
    let mut offset = 0;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(format!("unclosed \"{{\" at character {}", source[..offset + open].chars().count() + 1));
        };
        let name = &after[..close];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(format!("invalid placeholder {{{name}}}: names are letters only, like {{date}}"));
        }
        if !allowed.contains(&name) {
            let known: Vec<String> = allowed.iter().map(|a| format!("{{{a}}}")).collect();
            let has = if known.is_empty() { "no placeholders".to_owned() } else { known.join(", ") };
            return Err(format!("unknown placeholder {{{name}}}; this message has {has}"));
        }
        offset += open + 1 + close + 1;
        rest = &after[close + 1..];
    }
    Ok(())
}
