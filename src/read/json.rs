//! A small JSON value tree and a path-aware reader over it.
//!
//! The snapshot is first read into [`Json`] (from text by the parser next
//! to this file; the JavaScript layer turns snapshot objects into text
//! first), then validated field
//! by field with [`Fields`], which records every problem with its JSON path.
//! Reading in two steps is what lets one bad item fail alone.

use std::borrow::Cow;

use crate::model::problem::Problem;
use crate::model::value::{number_text, quoted, MAX_DAYS, MAX_SAFE_INTEGER};

/// A parsed JSON value. Objects keep their keys in order, each key once:
/// when a key repeats, the last value wins at the first position, as with
/// `JSON.parse`.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// How a value is described in an error: its type, and short values verbatim.
    pub fn describe(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(true) => "true".into(),
            Json::Bool(false) => "false".into(),
            Json::Number(n) if n.is_finite() => number_text(*n),
            Json::Number(n) => format!("non-finite number {}", number_text(*n)),
            Json::String(s) if s.chars().count() <= 40 => quoted(s),
            Json::String(s) => format!("a string of {} characters", s.chars().count()),
            Json::Array(_) => "an array".into(),
            Json::Object(_) => "an object".into(),
        }
    }
}

/// An object's entries as `JSON.parse` keeps them: a repeated key keeps
/// its first position and takes the last value, so every reader (`get`
/// and `Fields::entries` alike) sees each key once. Small objects are
/// searched in place; past [`Entries::INDEXED`] keys a hash index keeps
/// a hostile object with many keys linear.
#[derive(Default)]
pub(crate) struct Entries {
    list: Vec<(String, Json)>,
    index: Option<std::collections::HashMap<String, usize>>,
}

impl Entries {
    const INDEXED: usize = 16;

    pub(crate) fn insert(&mut self, key: String, value: Json) {
        if self.index.is_none() && self.list.len() >= Self::INDEXED {
            self.index = Some(self.list.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)).collect());
        }
        let found = match &self.index {
            Some(index) => index.get(&key).copied(),
            None => self.list.iter().position(|(k, _)| *k == key),
        };
        match found.and_then(|i| self.list.get_mut(i)) {
            Some(slot) => slot.1 = value,
            None => {
                if let Some(index) = &mut self.index {
                    index.insert(key.clone(), self.list.len());
                }
                self.list.push((key, value));
            }
        }
    }

    pub(crate) fn into_vec(self) -> Vec<(String, Json)> {
        self.list
    }
}

/// A key of an object, three ways: absent (or `null`), present, or set to
/// `null` explicitly (only `maxShipDays` gives `null` a meaning).
pub enum Slot<'a> {
    Absent,
    Null,
    Value(&'a Json),
}

/// Reads the fields of one JSON object, recording a [`Problem`] with its
/// path for every missing or mistyped field.
///
/// ```
/// use storefront_availability::internals::{Fields, Json};
/// let value = Json::Object(vec![("onHand".into(), Json::Number(2.5))]);
/// let mut problems = Vec::new();
/// let mut item = Fields::new(&value, "items[0]".into(), &mut problems).unwrap();
/// assert_eq!(item.integer("onHand", i64::MIN), None);
/// assert_eq!(problems[0].to_string(), "items[0].onHand: expected an integer from -9007199254740991 to 9007199254740991, got 2.5");
/// ```
pub struct Fields<'a, 'p> {
    value: &'a Json,
    path: String,
    problems: &'p mut Vec<Problem>,
}

impl<'a, 'p> Fields<'a, 'p> {
    /// Starts reading `value`, which must be an object (else a problem is
    /// recorded and `None` returned).
    pub fn new(value: &'a Json, path: String, problems: &'p mut Vec<Problem>) -> Option<Self> {
        if let Json::Object(_) = value {
            Some(Fields { value, path, problems })
        } else {
            problems.push(Problem { message: format!("expected an object, got {}", value.describe()), path });
            None
        }
    }

    /// The path of `key` inside this object.
    pub fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// Records a problem at `key`.
    pub fn problem(&mut self, key: &str, message: String) {
        let path = self.path_of(key);
        self.problems.push(Problem { path, message });
    }

    /// The raw slot of `key`.
    pub fn slot(&self, key: &str) -> Slot<'a> {
        match self.value.get(key) {
            None => Slot::Absent,
            Some(Json::Null) => Slot::Null,
            Some(v) => Slot::Value(v),
        }
    }

    /// The value of `key`, `None` when absent or `null`.
    pub fn value(&self, key: &str) -> Option<&'a Json> {
        match self.slot(key) {
            Slot::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Reads `key` with `parse`; a parse failure is recorded as
    /// "expected {what}, got {value}".
    pub fn read<T>(&mut self, key: &str, what: &str, parse: impl FnOnce(&'a Json) -> Option<T>) -> Option<T> {
        let value = self.value(key)?;
        let parsed = parse(value);
        if parsed.is_none() {
            self.mistyped(key, what, value);
        }
        parsed
    }

    /// Records "expected {what}, got {value}" at `key`. Kept out of line:
    /// `read` has a copy per parser it is given, this has one in all.
    #[inline(never)]
    fn mistyped(&mut self, key: &str, what: &str, value: &Json) {
        let message = format!("expected {what}, got {}", value.describe());
        self.problem(key, message);
    }

    /// Records "missing; expected {what}" at `key` (out of line, as [`Fields::mistyped`]).
    #[inline(never)]
    fn missing(&mut self, key: &str, what: &str) {
        self.problem(key, format!("missing; expected {what}"));
    }

    /// Like [`Fields::read`], and records "missing" when the key is absent.
    pub fn require<T>(&mut self, key: &str, what: &str, parse: impl FnOnce(&'a Json) -> Option<T>) -> Option<T> {
        if self.value(key).is_none() {
            self.missing(key, what);
            return None;
        }
        self.read(key, what, parse)
    }

    pub fn string(&mut self, key: &str) -> Option<String> {
        self.read(key, "a string", |v| as_str(v).map(str::to_owned))
    }

    pub fn boolean(&mut self, key: &str) -> Option<bool> {
        self.read(key, "true or false", |v| match v {
            Json::Bool(b) => Some(*b),
            _ => None,
        })
    }

    /// A safe integer no smaller than `min`.
    pub fn integer(&mut self, key: &str, min: i64) -> Option<i64> {
        // The bounds every reader uses are written out: no text is
        // formatted for each count an item holds.
        let what = match min {
            i64::MIN => Cow::Borrowed("an integer from -9007199254740991 to 9007199254740991"),
            0 => Cow::Borrowed("an integer from 0 to 9007199254740991"),
            1 => Cow::Borrowed("an integer from 1 to 9007199254740991"),
            _ => Cow::Owned(format!("an integer from {min} to 9007199254740991")),
        };
        self.read(key, &what, |v| as_safe_integer(v).filter(|n| *n >= min))
    }

    /// A whole number of days from 0 to [`MAX_DAYS`].
    pub fn days(&mut self, key: &str) -> Option<u32> {
        self.read(key, "a whole number of days from 0 to 3660", |v| {
            as_safe_integer(v).filter(|n| (0..=MAX_DAYS as i64).contains(n)).map(|n| n as u32)
        })
    }

    /// A finite number within `[min, max]`.
    pub fn number_in(&mut self, key: &str, min: f64, max: f64, what: &str) -> Option<f64> {
        self.read(key, what, |v| match v {
            Json::Number(n) if n.is_finite() && *n >= min && *n <= max => Some(*n),
            _ => None,
        })
    }

    /// Reads an array at `key` element by element; each element `parse`
    /// rejects is recorded at its own path (`holidays[2]`).
    pub fn list<T>(&mut self, key: &str, what: &str, parse: impl Fn(&'a Json) -> Option<T>) -> Option<Vec<T>> {
        let Json::Array(values) = self.value(key)? else {
            let found = self.value(key).map(Json::describe).unwrap_or_default();
            self.problem(key, format!("expected an array, each {what}, got {found}"));
            return None;
        };
        let mut parsed = Vec::with_capacity(values.len());
        for (i, value) in values.iter().enumerate() {
            match parse(value) {
                Some(v) => parsed.push(v),
                None => self.mistyped(&format!("{key}[{i}]"), what, value),
            }
        }
        (parsed.len() == values.len()).then_some(parsed)
    }

    /// Reads a nested object at `key` (absent or `null` gives `None`).
    pub fn object<T>(&mut self, key: &str, read: impl FnOnce(&mut Fields<'a, '_>) -> T) -> Option<T> {
        let value = self.value(key)?;
        let path = self.path_of(key);
        let mut nested = Fields::new(value, path, self.problems)?;
        Some(read(&mut nested))
    }

    /// The entries of this object.
    pub fn entries(&self) -> &'a [(String, Json)] {
        match self.value {
            Json::Object(entries) => entries,
            _ => &[],
        }
    }

    /// The problems recorded so far (by every reader sharing the list).
    pub fn problem_count(&self) -> usize {
        self.problems.len()
    }

    /// A reader of a nested value at an explicit path.
    pub fn nested<'b>(&'b mut self, value: &'b Json, path: String) -> Option<Fields<'b, 'b>> {
        Fields::new(value, path, self.problems)
    }
}

/// `text` with every `\uXXXX` escape of a lone UTF-16 surrogate replaced
/// by `\ufffd`, how many were, and where the first was (line and column,
/// from 1); `None` when there is none. A backslash only ever starts an
/// escape in valid JSON, so the scan needs no string tracking; O(n).
///
/// ```
/// use storefront_availability::internals::replace_lone_surrogates;
/// let (text, n, at) = replace_lone_surrogates("[\"ok\",\n \"\\ud83d\", \"\\ud83d\\ude00\", \"\\\\ud83d\"]").unwrap();
/// assert_eq!((text.as_str(), n, at), ("[\"ok\",\n \"\\ufffd\", \"\\ud83d\\ude00\", \"\\\\ud83d\"]", 1, (2, 3)));
/// ```
pub fn replace_lone_surrogates(text: &str) -> Option<(String, usize, (usize, usize))> {
    let bytes = text.as_bytes();
    let unit = |at: usize| -> Option<u16> {
        match (bytes.get(at), bytes.get(at + 1), bytes.get(at + 2..at + 6)) {
            (Some(b'\\'), Some(b'u'), Some(hex)) => u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok(),
            _ => None,
        }
    };
    let mut out = String::new();
    let (mut copied, mut at, mut replaced, mut first) = (0, 0, 0, 0);
    while let Some(offset) = bytes.get(at..).and_then(|rest| rest.iter().position(|&b| b == b'\\')) {
        at += offset;
        let lone = match unit(at) {
            Some(0xd800..=0xdbff) if matches!(unit(at + 6), Some(0xdc00..=0xdfff)) => {
                at += 12; // a whole character
                continue;
            }
            Some(0xd800..=0xdfff) => true,
            _ => false,
        };
        if lone {
            if replaced == 0 {
                first = at;
            }
            out.push_str(text.get(copied..at)?);
            out.push_str("\\ufffd");
            replaced += 1;
            at += 6;
            copied = at;
        } else {
            at += 2; // any other escape: `\\`, `\"`, `\n`, `\u0041` …
        }
    }
    if replaced == 0 {
        return None;
    }
    out.push_str(text.get(copied..)?);
    let before = text.get(..first)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let place = (before.matches('\n').count() + 1, before.get(line_start..)?.chars().count() + 1);
    Some((out, replaced, place))
}

pub(crate) fn as_str(v: &Json) -> Option<&str> {
    match v {
        Json::String(s) => Some(s),
        _ => None,
    }
}

/// A number that is an integer JavaScript represents exactly.
pub(crate) fn as_safe_integer(v: &Json) -> Option<i64> {
    match v {
        Json::Number(n) if n.fract() == 0.0 && n.abs() <= MAX_SAFE_INTEGER as f64 => Some(*n as i64),
        _ => None,
    }
}
