//! How an import reports a rejected file: the [`ImportError`] (defined in
//! [`crate::error`], which names it as `Error::Import`, so that the crate's
//! error type uses nothing of the importer) and how its problems read.

pub use crate::error::ImportError;
use crate::error::Error;
use super::RowProblem;

impl ImportError {
    /// A problem with the file as a whole, on `line` (0: not one line).
    pub(super) fn whole_file(file: &str, line: u64, message: String) -> Error {
        Error::Import(ImportError {
            file: file.to_owned(),
            problems: vec![RowProblem { line, column: None, message }],
            truncated: false,
        })
    }
}

/// A problem as a rejects file's "problem" column says it.
pub(super) fn describe(p: &RowProblem) -> String {
    match &p.column {
        Some((n, name)) => format!("column {n} ({name}): {}", p.message),
        None => p.message.clone(),
    }
}

