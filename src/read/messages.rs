//! The snapshot's `messages`: the merchant's templates, checked.

use crate::model::message::placeholders;
use crate::model::message::{Overrides, MAX_LOCALES, MAX_TEMPLATE_CHARS};
use crate::model::problem::Diagnostic;
use crate::read::json::{as_str, Json};

/// Reads `messages`; a template that is not usable becomes a diagnostic
/// (code `invalid_template`) and the built-in text is used instead.
/// Reads the snapshot's `messages`. A template longer than
/// [`MAX_TEMPLATE_CHARS`], or past the first [`MAX_LOCALES`] locales,
/// is refused with an `invalid_template` diagnostic and the built-in
/// text is used: every message stays short whatever the data says.
pub(crate) fn read_messages(messages: Option<&Json>, diagnostics: &mut Vec<Diagnostic>) -> Overrides {
    let mut bad = |path: String, message: String| {
        diagnostics.push(Diagnostic { code: "invalid_template", sku: None, path, message });
    };
    let Some(messages) = messages else { return Overrides::default() };
    let Json::Object(locales) = messages else {
        bad("messages".into(), format!("expected an object of locales, got {}", messages.describe()));
        return Overrides::default();
    };
    let mut overrides = Vec::new();
    for (i, (locale, templates)) in locales.iter().enumerate() {
        let path = format!("messages.{locale}");
        if i >= MAX_LOCALES {
            bad(path, format!("more than {MAX_LOCALES} locales of templates; this one is not used"));
            continue;
        }
        let Json::Object(templates) = templates else {
            bad(path, format!("expected an object of templates, got {}", templates.describe()));
            continue;
        };
        let mut valid = Vec::new();
        for (key, source) in templates {
            let path = format!("{path}.{key}");
            let Some(allowed) = placeholders(key) else {
                bad(path, format!("unknown message key {}", crate::model::value::quoted(key)));
                continue;
            };
            let Some(source) = as_str(source) else {
                bad(path, format!("expected a template string, got {}", source.describe()));
                continue;
            };
            let length = source.chars().count();
            if length > MAX_TEMPLATE_CHARS {
                bad(path, format!("a template of {length} characters; the most is {MAX_TEMPLATE_CHARS}"));
                continue;
            }
            match check_template(source, allowed) {
                Ok(_) => valid.push((key.clone(), source.to_owned())),
                Err(problem) => bad(path, problem),
            }
        }
        overrides.push((locale.to_ascii_lowercase(), valid));
    }
    Overrides(overrides)
}

/// Checks a template `source`: every `{placeholder}` must be one of
/// `allowed`, and every `{` closed. Rendering is `text::template::fill`.
///
/// ```
/// use storefront_availability::internals::check_template as check;
/// check("Ships by {date}", &["date"]).unwrap();
/// assert_eq!(check("{when}", &["date"]).unwrap_err(), "unknown placeholder {when}; this message has {date}");
/// assert_eq!(check("Ships {date", &["date"]).unwrap_err(), "unclosed \"{\" at character 7");
/// ```
pub fn check_template(source: &str, allowed: &[&str]) -> Result<(), String> {
    let mut rest = source;
    // Characters before `rest`, for the position of an unclosed brace.
    let mut read = 0;
    while let Some((before, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            return Err(format!("unclosed \"{{\" at character {}", read + before.chars().count() + 1));
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(format!("invalid placeholder {{{name}}}: names are letters only, like {{date}}"));
        }
        if !allowed.contains(&name) {
            let known: Vec<String> = allowed.iter().map(|a| format!("{{{a}}}")).collect();
            let has = if known.is_empty() { "no placeholders".to_owned() } else { known.join(", ") };
            return Err(format!("unknown placeholder {{{name}}}; this message has {has}"));
        }
        read += before.chars().count() + name.chars().count() + 2;
        rest = tail;
    }
    Ok(())
}
