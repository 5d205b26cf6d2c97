//! JSON text to [`Json`]: a small reader of RFC 8259 JSON, as `JSON.parse`
//! reads it, that can also skip a value without building it and read an
//! object or array member by member (the snapshot reader keeps only the
//! keys the rules read, and takes items one at a time).
//!
//! It replaced `serde_json`'s deserializer: its generic visitors, their
//! error formatting and the `core::fmt` paths they pulled in cost the
//! product-page wasm 6 KB gzip (BENCHMARKS.md, issue 14).
//!
//! Numbers read as `f64`, as in JavaScript. Integers up to 2^53 and
//! decimals of up to 15 significant digits with exponents within ±22 — all
//! a snapshot holds — are exact (correctly rounded, as `JSON.parse`); a
//! longer mantissa or a larger exponent is within a relative 1e-14. A number
//! beyond `f64` reads as ±infinity, as `JSON.parse` reads it: the field
//! readers then refuse it at its path, so one such item fails alone.

use std::borrow::Cow;
use std::fmt;

use crate::read::json::{Entries, Json};

/// Where a text stops being JSON: what was wrong, at which line and column
/// (both from 1; the column counts characters).
///
/// ```
/// use storefront_availability::internals::parse_json;
/// assert_eq!(parse_json("{\"a\": [1, 2,]}").unwrap_err().to_string(), "trailing comma at line 1 column 13");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub what: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.what, self.line, self.column)
    }
}

impl std::error::Error for SyntaxError {}

/// Reads a whole JSON text (whitespace around it allowed) into [`Json`].
///
/// ```
/// use storefront_availability::internals::{parse_json, Json};
/// assert_eq!(parse_json(" [true, \"\\u00e9\", -1.5e1] ").unwrap(),
///     Json::Array(vec![Json::Bool(true), Json::String("é".into()), Json::Number(-15.0)]));
/// ```
pub fn parse_json(text: &str) -> Result<Json, SyntaxError> {
    let mut parser = Parser::new(text);
    let value = parser.value()?;
    parser.end()?;
    Ok(value)
}

/// Arrays and objects nested deeper than this are refused (a hostile
/// snapshot cannot exhaust the stack); skipped values have no limit.
const MAX_DEPTH: usize = 128;

/// A cursor over JSON text.
pub(crate) struct Parser<'t> {
    text: &'t str,
    at: usize,
    depth: usize,
}

/// The bytes that end a string's plain run: a quote, a backslash or a
/// control character. One table lookup a byte instead of three comparisons:
/// loading and updating 10k items 3–5 % faster in the page build (side by
/// side in Node), the same size. Built at compile time: an index out of
/// range here fails the build, never the page.
const STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        stops[b] = true;
        b += 1;
    }
    stops[b'"' as usize] = true;
    stops[b'\\' as usize] = true;
    stops
};

impl<'t> Parser<'t> {
    pub(crate) fn new(text: &'t str) -> Parser<'t> {
        Parser { text, at: 0, depth: 0 }
    }

    /// A parser of one value that a larger document holds `depth` arrays
    /// and objects deep: its nesting counts from there, as if read in place.
    pub(crate) fn at_depth(text: &'t str, depth: usize) -> Parser<'t> {
        Parser { text, at: 0, depth }
    }

    /// The next byte that is not whitespace, not consumed.
    pub(crate) fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    /// The text being read.
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    /// Where the next value starts (past any whitespace), as a byte offset.
    pub(crate) fn value_start(&mut self) -> usize {
        self.peek();
        self.at
    }

    /// Goes back to `at` (a [`Parser::value_start`] of this parser, at the same depth).
    pub(crate) fn rewind(&mut self, at: usize) {
        self.at = at;
    }

    /// The byte offset reached (right after the last value read or skipped).
    pub(crate) fn position(&self) -> usize {
        self.at
    }

    /// An error at the current position.
    #[cold]
    fn fail<T>(&self, what: &'static str) -> Result<T, SyntaxError> {
        let before = self.text.as_bytes().get(..self.at).unwrap_or_default();
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = self.text.get(line_start..self.at).map_or(0, |line| line.chars().count()) + 1;
        Err(SyntaxError { what, line: before.iter().filter(|&&b| b == b'\n').count() + 1, column })
    }

    /// Checks that nothing but whitespace follows.
    pub(crate) fn end(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("trailing characters"),
        }
    }

    /// One value, built.
    pub(crate) fn value(&mut self) -> Result<Json, SyntaxError> {
        match self.peek() {
            Some(b'{') => {
                let mut entries = Entries::default();
                self.object(|parser, key| {
                    entries.insert(key.into_owned(), parser.value()?);
                    Ok(())
                })?;
                Ok(Json::Object(entries.into_vec()))
            }
            Some(b'[') => {
                let mut items = Vec::new();
                self.array(|parser| {
                    items.push(parser.value()?);
                    Ok(())
                })?;
                Ok(Json::Array(items))
            }
            Some(b'"') => self.string().map(Json::String),
            _ => self.scalar(),
        }
    }

    /// One value, built, except that an object keeps only the keys in
    /// `keys`: every other key is skipped unbuilt, so data the rules never
    /// read costs no memory however large it is (20 MB under an unknown key
    /// once grew the wasm memory to 500 MB).
    pub(crate) fn value_keeping(&mut self, keys: &[&str]) -> Result<Json, SyntaxError> {
        if self.peek() != Some(b'{') {
            return self.value();
        }
        let mut entries = Entries::default();
        self.object(|parser, key| {
            match keys.contains(&key.as_ref()) {
                true => entries.insert(key.into_owned(), parser.value()?),
                false => parser.skip()?,
            }
            Ok(())
        })?;
        Ok(Json::Object(entries.into_vec()))
    }

    /// `true`, `false`, `null` or a number (anything else is an error).
    fn scalar(&mut self) -> Result<Json, SyntaxError> {
        match self.peek() {
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Json::Number),
            Some(_) => self.fail("expected a value"),
            None => self.fail("the text ended where a value was expected"),
        }
    }

    fn word(&mut self, word: &'static str, value: Json) -> Result<Json, SyntaxError> {
        match self.text.get(self.at..self.at + word.len()) {
            Some(found) if found == word => {
                self.at += word.len();
                Ok(value)
            }
            _ => self.fail("expected a value"),
        }
    }

    /// The members of an object (the parser is on its `{`): `member` is
    /// called with each key and must read or skip its value.
    pub(crate) fn object(
        &mut self,
        mut member: impl FnMut(&mut Parser<'t>, Cow<'t, str>) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        self.members(b'}', |parser| {
            let key = parser.key()?;
            member(parser, key)
        })
    }

    /// The elements of an array (the parser is on its `[`): `element` is
    /// called for each and must read or skip it.
    pub(crate) fn array(
        &mut self,
        element: impl FnMut(&mut Parser<'t>) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        self.members(b']', element)
    }

    /// An object's or array's members up to `close`, each read by `each`.
    fn members(
        &mut self,
        close: u8,
        mut each: impl FnMut(&mut Parser<'t>) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        self.enter()?;
        if self.peek() == Some(close) {
            self.at += 1;
        } else {
            loop {
                each(self)?;
                if !self.next_member(close)? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Steps into an array or object, within [`MAX_DEPTH`].
    fn enter(&mut self) -> Result<(), SyntaxError> {
        if self.depth + 1 >= MAX_DEPTH {
            return self.fail("nested too deeply (more than 127 arrays and objects)");
        }
        self.depth += 1;
        self.at += 1;
        Ok(())
    }

    /// After a member: `true` past a comma (another member follows), `false`
    /// past the `close`.
    fn next_member(&mut self, close: u8) -> Result<bool, SyntaxError> {
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                match self.peek() {
                    Some(b']' | b'}') => self.fail("trailing comma"),
                    _ => Ok(true),
                }
            }
            Some(found) if found == close => {
                self.at += 1;
                Ok(false)
            }
            Some(_) if close == b'}' => self.fail("expected `,` or `}`"),
            Some(_) => self.fail("expected `,` or `]`"),
            None if close == b'}' => self.fail("the text ended inside an object"),
            None => self.fail("the text ended inside an array"),
        }
    }

    /// An object's key and its colon.
    fn key(&mut self) -> Result<Cow<'t, str>, SyntaxError> {
        if self.peek() != Some(b'"') {
            return self.fail("expected a key (a string in double quotes)");
        }
        let key = self.text_string()?;
        if self.peek() != Some(b':') {
            return self.fail("expected `:`");
        }
        self.at += 1;
        Ok(key)
    }

    /// Skips one value, checking that it is JSON, without building it.
    /// Iterative, so however deeply it nests it costs no stack.
    pub(crate) fn skip(&mut self) -> Result<(), SyntaxError> {
        self.skip_nested(usize::MAX)
    }

    /// [`Parser::skip`], refusing what [`Parser::value`] would refuse as
    /// nested too deeply: a value read later must not fail where loading passed.
    pub(crate) fn skip_checked(&mut self) -> Result<(), SyntaxError> {
        self.skip_nested(MAX_DEPTH)
    }

    fn skip_nested(&mut self, max_depth: usize) -> Result<(), SyntaxError> {
        let mut closes = Vec::new();
        loop {
            match self.peek() {
                Some(open @ (b'{' | b'[')) => {
                    if self.depth + closes.len() + 1 >= max_depth {
                        return self.fail("nested too deeply (more than 127 arrays and objects)");
                    }
                    self.at += 1;
                    let close = if open == b'{' { b'}' } else { b']' };
                    if self.peek() == Some(close) {
                        self.at += 1;
                    } else {
                        closes.push(close);
                        if close == b'}' {
                            self.key()?;
                        }
                        continue;
                    }
                }
                Some(b'"') => self.read_string(None)?,
                _ => {
                    self.scalar()?;
                }
            }
            // A value ended: close what it ends, until a comma or the outermost.
            loop {
                let Some(&close) = closes.last() else { return Ok(()) };
                if self.next_member(close)? {
                    if close == b'}' {
                        self.key()?;
                    }
                    break;
                }
                closes.pop();
            }
        }
    }

    /// A string (the parser is on its opening quote), escapes decoded.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.text_string().map(Cow::into_owned)
    }

    /// A string (the parser is on its opening quote): borrowed from the
    /// text when it holds no escape, as keys and SKUs nearly always do, so
    /// reading it allocates nothing.
    pub(crate) fn text_string(&mut self) -> Result<Cow<'t, str>, SyntaxError> {
        let start = self.at + 1;
        if let Some(stop) = self.special_from(start).filter(|&at| self.text.as_bytes().get(at) == Some(&b'"')) {
            self.at = stop + 1;
            // Quotes are ASCII: the slice is on character boundaries.
            return Ok(Cow::Borrowed(self.text.get(start..stop).unwrap_or_default()));
        }
        let mut out = String::new();
        self.read_string(Some(&mut out))?;
        Ok(Cow::Owned(out))
    }

    /// Where, from `at` on, the next quote, backslash or control character is.
    fn special_from(&self, at: usize) -> Option<usize> {
        let rest = self.text.as_bytes().get(at..)?;
        rest.iter().position(|&b| STOPS[usize::from(b)]).map(|stop| at + stop)
    }

    /// Reads a string into `out`, or only checks it (`None`).
    fn read_string(&mut self, mut out: Option<&mut String>) -> Result<(), SyntaxError> {
        self.at += 1;
        loop {
            let start = self.at;
            let Some(stop) = self.special_from(start) else {
                self.at = self.text.len();
                return self.fail("the text ended inside a string");
            };
            self.at = stop;
            if let Some(out) = &mut out {
                // Quotes and backslashes are ASCII: the slice is on character boundaries.
                out.push_str(self.text.get(start..stop).unwrap_or_default());
            }
            match self.text.as_bytes().get(stop) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    match &mut out {
                        Some(out) => out.push(self.escape()?),
                        None => self.skip_escape()?,
                    }
                }
                _ => return self.fail("a control character (U+0000 to U+001F) inside a string; write it escaped"),
            }
        }
    }

    /// The character an escape stands for (the parser is past its backslash).
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(&letter) = self.text.as_bytes().get(self.at) else {
            return self.fail("the text ended inside a string");
        };
        self.at += 1;
        Ok(match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                let code = match unit {
                    0xd800..=0xdbff if self.text.as_bytes().get(self.at..self.at + 2) == Some(b"\\u") => {
                        self.at += 2;
                        match self.hex4()? {
                            low @ 0xdc00..=0xdfff => {
                                0x10000 + ((u32::from(unit) - 0xd800) << 10) + (u32::from(low) - 0xdc00)
                            }
                            _ => {
                                return self
                                    .fail("half a character: a \\u escape of a UTF-16 surrogate without its pair")
                            }
                        }
                    }
                    0xd800..=0xdfff => {
                        return self.fail("half a character: a \\u escape of a UTF-16 surrogate without its pair")
                    }
                    _ => u32::from(unit),
                };
                match char::from_u32(code) {
                    Some(c) => c,
                    None => return self.fail("invalid \\u escape"),
                }
            }
            _ => {
                self.at -= 1;
                return self.fail("invalid escape (a backslash must be followed by one of \"\\/bfnrtu)");
            }
        })
    }

    /// Skips an escape (the parser is past its backslash), checking its
    /// form only: half a character (a lone surrogate) passes, as in
    /// `JSON.parse`. A value skipped is never read, and a snapshot's text
    /// may hold such escapes where its reader put U+FFFD (patches splice
    /// the text as loaded).
    fn skip_escape(&mut self) -> Result<(), SyntaxError> {
        match self.text.as_bytes().get(self.at) {
            Some(b'u') => {
                self.at += 1;
                self.hex4().map(drop)
            }
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.at += 1;
                Ok(())
            }
            _ => self.escape().map(drop),
        }
    }

    /// The four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u16, SyntaxError> {
        let digits = self.text.get(self.at..self.at + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|d| u16::from_str_radix(d, 16).ok()) {
            Some(unit) => {
                self.at += 4;
                Ok(unit)
            }
            None => self.fail("invalid \\u escape: expected four hex digits"),
        }
    }

    /// A number: `-`, integer part, fraction, exponent, as RFC 8259 writes them.
    fn number(&mut self) -> Result<f64, SyntaxError> {
        let bytes = self.text.as_bytes();
        let negative = bytes.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        let digit = |at: usize| bytes.get(at).filter(|b| b.is_ascii_digit()).map(|b| u64::from(b - b'0'));
        // The first 19 significant digits make the mantissa; later ones
        // only move the decimal point.
        let (mut mantissa, mut digits, mut exponent) = (0u64, 0u32, 0i64);
        let mut take = |d: u64, fraction: bool, exponent: &mut i64| {
            if digits < 19 {
                mantissa = mantissa * 10 + d;
                if mantissa > 0 {
                    digits += 1;
                }
                if fraction {
                    *exponent -= 1;
                }
            } else if !fraction {
                *exponent += 1;
            }
        };
        match digit(self.at) {
            Some(0) => {
                self.at += 1;
                if digit(self.at).is_some() {
                    return self.fail("invalid number: a leading zero");
                }
            }
            Some(_) => {
                while let Some(d) = digit(self.at) {
                    take(d, false, &mut exponent);
                    self.at += 1;
                }
            }
            None => return self.fail("invalid number"),
        }
        if bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if digit(self.at).is_none() {
                return self.fail("invalid number: expected a digit after the decimal point");
            }
            while let Some(d) = digit(self.at) {
                take(d, true, &mut exponent);
                self.at += 1;
            }
        }
        if let Some(b'e' | b'E') = bytes.get(self.at) {
            self.at += 1;
            let sign = match bytes.get(self.at) {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            if sign != 0 {
                self.at += 1;
            }
            if digit(self.at).is_none() {
                return self.fail("invalid number: expected a digit in the exponent");
            }
            let mut written = 0i64;
            while let Some(d) = digit(self.at) {
                written = (written * 10 + d as i64).min(1_000_000);
                self.at += 1;
            }
            exponent += if sign < 0 { -written } else { written };
        }
        let magnitude = decimal(mantissa, exponent);
        Ok(if negative { -magnitude } else { magnitude })
    }
}

/// `mantissa × 10^exponent` as the nearest `f64` when the mantissa fits
/// 53 bits and the power of ten is exact (Clinger's fast path: one
/// rounding); within a relative 1e-14 otherwise.
fn decimal(mut mantissa: u64, mut exponent: i64) -> f64 {
    const EXACT: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];
    const EXACT_INTEGER: u64 = 1 << 53;
    if mantissa == 0 {
        return 0.0;
    }
    // `4.50` is `45 × 10^-1`, and `1e30` is `10^8 × 10^22`: both exact.
    while mantissa % 10 == 0 {
        mantissa /= 10;
        exponent += 1;
    }
    while exponent > 22 && mantissa <= EXACT_INTEGER / 10 {
        mantissa *= 10;
        exponent -= 1;
    }
    let mut value = mantissa as f64;
    while exponent != 0 && value.is_finite() && value != 0.0 {
        let step = exponent.clamp(-22, 22);
        let power = EXACT.get(step.unsigned_abs() as usize).copied().unwrap_or(1e22);
        value = if step > 0 { value * power } else { value / power };
        exponent -= step;
    }
    value
}
