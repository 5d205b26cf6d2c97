//! Every problem the library reports: in a snapshot, in an argument.

use std::fmt;

use serde::Serialize;

/// A data problem found while reading a snapshot: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// JSON path of the offending value, e.g. `items[12].restock.date`.
    pub path: String,
    /// What was expected and what was found.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// An item-level data problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// `invalid_item`, `duplicate_sku`, `invalid_template`,
    /// `unknown_channel` (a name in `channels` that is no channel; ignored),
    /// `unknown_location` (stock at a location the store does not list; not
    /// sold) or `invalid_text` (half a character, read as U+FFFD); for an
    /// order history, `invalid_row` (a row left out of every figure).
    pub code: &'static str,
    /// The item's SKU when it could be read (`None` for templates).
    pub sku: Option<String>,
    /// JSON path of the problem, e.g. `items[3].restock.date`.
    pub path: String,
    pub message: String,
}

/// A snapshot rejected as a whole (code `invalid_snapshot`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotError {
    /// Every store-level problem found, first one first.
    pub problems: Vec<Problem>,
}

impl SnapshotError {
    pub const CODE: &'static str = "invalid_snapshot";

    pub(crate) fn at(path: &str, message: String) -> SnapshotError {
        SnapshotError { problems: vec![Problem { path: path.into(), message }] }
    }
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("invalid snapshot: ")?;
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SnapshotError {}

/// An update refused as a whole, so nothing changed: the patch is none or
/// an item it brings is invalid (code `invalid_update`, every problem with
/// its path in the patch), or the snapshot it makes is refused
/// (`invalid_snapshot`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpdateError {
    Patch(Vec<Diagnostic>),
    Snapshot(SnapshotError),
}

impl UpdateError {
    pub const CODE: &'static str = "invalid_update";
}

impl fmt::Display for UpdateError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            UpdateError::Snapshot(e) => e.fmt(f),
            UpdateError::Patch(problems) => {
                f.write_str("invalid update: ")?;
                for (i, p) in problems.iter().enumerate() {
                    let separator = if i > 0 { "; " } else { "" };
                    match p.path.is_empty() {
                        true => write!(f, "{separator}{}", p.message)?,
                        false => write!(f, "{separator}{}: {}", p.path, p.message)?,
                    }
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for UpdateError {}

/// An order history refused as a whole (code `invalid_history`): it is not
/// JSON, not an object, or its `orders` is not an array. Bad rows are not
/// this: they are diagnostics, and the other rows still count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryError {
    pub problems: Vec<Problem>,
}

impl HistoryError {
    pub const CODE: &'static str = "invalid_history";
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("invalid order history: ")?;
        let texts: Vec<String> = self.problems.iter().map(Problem::to_string).collect();
        f.write_str(&texts.join("; "))
    }
}

impl std::error::Error for HistoryError {}

/// A caller's mistake (not a data problem): thrown in JavaScript as an
/// `Error` with a stable `code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgError {
    /// One of the codes of `ErrorCode` in js/error.d.ts, e.g.
    /// `invalid_quantity` (tests/types.rs keeps that list complete).
    pub code: &'static str,
    pub message: String,
    /// Where in the arguments, e.g. `lines[2].unitPrice`; empty when the
    /// whole argument is meant.
    pub path: String,
}

impl ArgError {
    pub fn new(code: &'static str, message: impl Into<String>) -> ArgError {
        ArgError { code, message: message.into(), path: String::new() }
    }

    /// The same error at `path` (a path already set is kept below it).
    pub fn at(mut self, path: impl Into<String>) -> ArgError {
        let path = path.into();
        self.path = match self.path.is_empty() {
            true => path,
            false => format!("{path}.{}", self.path),
        };
        self
    }

    /// The message with its path in front, as an error shows it.
    pub fn text(&self) -> String {
        match self.path.is_empty() {
            true => self.message.clone(),
            false => format!("{}: {}", self.path, self.message),
        }
    }
}

impl std::fmt::Display for ArgError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{} ({})", self.text(), self.code)
    }
}

impl std::error::Error for ArgError {}
