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
    // `split_once` rather than slicing by index: no panic path in the wasm.
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let Some((name, tail)) = after.split_once('}') else {
            out.push('{');
            out.push_str(after);
            return out;
        };
        out.push_str(&value(name).unwrap_or_default());
        rest = tail;
    }
    out.push_str(rest);
    out
}
