//! Message templates: plain text with named placeholders, `{date}`.
//!
//! A template is checked once, when the snapshot loads: every
//! placeholder must be one its key provides (`read::messages`). Rendering ([`fill`]) only
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
