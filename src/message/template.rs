//! Message templates: plain text with named placeholders, `{date}`.
//!
//! A template is checked once, when the snapshot loads: every placeholder
//! must be one its key provides. Rendering only substitutes values, so the
//! output is exactly the template's text plus those values: plain text,
//! never markup.

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

/// A checked template: literal text and placeholders, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template(Vec<Piece>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Value(String),
}

impl Template {
    /// Parses `source`, accepting only placeholders listed in `allowed`.
    ///
    /// ```
    /// use storefront_availability::message::template::Template;
    /// let t = Template::parse("Ships by {date}", &["date"]).unwrap();
    /// assert_eq!(t.render(|_| Some("Friday".into())), "Ships by Friday");
    /// assert_eq!(Template::parse("{when}", &["date"]).unwrap_err(), "unknown placeholder {when}; this message has {date}");
    /// assert_eq!(Template::parse("Ships {date", &["date"]).unwrap_err(), "unclosed \"{\" at character 7");
    /// ```
    pub fn parse(source: &str, allowed: &[&str]) -> Result<Template, String> {
        let mut pieces = Vec::new();
        let mut rest = source;
        let mut offset = 0;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                pieces.push(Piece::Text(rest[..open].to_owned()));
            }
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
            pieces.push(Piece::Value(name.to_owned()));
            offset += open + 1 + close + 1;
            rest = &after[close + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_owned()));
        }
        Ok(Template(pieces))
    }

    /// Fills in the placeholders; one `value` cannot give is left empty.
    pub fn render(&self, value: impl Fn(&str) -> Option<String>) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Value(name) => out.push_str(&value(name).unwrap_or_default()),
            }
        }
        out
    }
}
