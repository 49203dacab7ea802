//! The crate's error type. It names no other module of the crate: the
//! import's rejection report is defined here and re-exported by `import`,
//! so `error` sits below everything that returns it.

use serde::Serialize;
use std::fmt;
use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("no {what} matches {key:?}")]
    NotFound { what: &'static str, key: String },
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }
}

/// A file that was rejected: nothing from it was written.
#[derive(Debug, Serialize)]
pub struct ImportError {
    pub file: String,
    pub problems: Vec<RowProblem>,
    /// More problems exist than were reported.
    pub truncated: bool,
}

impl std::error::Error for ImportError {}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: rejected, nothing was imported ({} problem(s){}):", self.file, self.problems.len(),
            if self.truncated { ", stopped counting" } else { "" })?;
        for p in &self.problems {
            write!(f, "  {}:{}", self.file, p.line)?;
            if let Some((n, name)) = &p.column {
                write!(f, ": column {n} ({name})")?;
            }
            writeln!(f, ": {}", p.message)?;
        }
        if self.truncated {
            writeln!(f, "  … further problems not shown")?;
        }
        Ok(())
    }
}

/// What went wrong in one cell of a voter file (or in the whole row when
/// `column` is None); `import::RowProblem`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowProblem {
    pub line: u64,
    /// 1-based column number and its header.
    pub column: Option<(usize, String)>,
    pub message: String,
}
