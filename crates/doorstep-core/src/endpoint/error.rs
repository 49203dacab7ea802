//! What the endpoint answers when it refuses: a code a program can match on,
//! a sentence a person can act on, and, on a refused push, where the
//! device's numbering stands.
//!
//! Every code has exactly one HTTP status, given by [`Code::status`]; the
//! transports never choose one themselves.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why the endpoint refused. Serialized as its snake_case name, the
/// `error` field of every error body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "endpoint/")]
pub enum Code {
    /// A request that is well-formed JSON but says something impossible.
    Invalid,
    /// The body is not the JSON the route takes; the message says where.
    InvalidBody,
    /// One field of an operation fails its entry check; the message names it.
    InvalidField,
    InvalidPairingCode,
    Unauthorized,
    /// The caller's role may not do this.
    Forbidden,
    /// Also the answer for another organization's ids, so that whether
    /// they exist stays hidden.
    NotFound,
    NoSuchRoute,
    /// A push reused a sequence number for a different operation.
    SequenceReused,
    /// A push skipped sequence numbers.
    SequenceGap,
    /// The name is taken (an organization, a user).
    Conflict,
    RequestTimeout,
    TooLarge,
    TooManyOps,
    TooManyAttempts,
    /// The store's write lock is held elsewhere (an import); try again.
    Busy,
    Internal,
}

impl Code {
    /// The one place a code becomes an HTTP status.
    pub fn status(self) -> u16 {
        match self {
            Code::Invalid | Code::InvalidBody | Code::InvalidField | Code::InvalidPairingCode => 400,
            Code::Unauthorized => 401,
            Code::Forbidden => 403,
            Code::NotFound | Code::NoSuchRoute => 404,
            Code::RequestTimeout => 408,
            Code::SequenceReused | Code::SequenceGap | Code::Conflict => 409,
            Code::TooLarge | Code::TooManyOps => 413,
            Code::TooManyAttempts => 429,
            Code::Internal => 500,
            Code::Busy => 503,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Invalid => "invalid",
            Code::InvalidBody => "invalid_body",
            Code::InvalidField => "invalid_field",
            Code::InvalidPairingCode => "invalid_pairing_code",
            Code::Unauthorized => "unauthorized",
            Code::Forbidden => "forbidden",
            Code::NotFound => "not_found",
            Code::NoSuchRoute => "no_such_route",
            Code::SequenceReused => "sequence_reused",
            Code::SequenceGap => "sequence_gap",
            Code::Conflict => "conflict",
            Code::RequestTimeout => "request_timeout",
            Code::TooLarge => "too_large",
            Code::TooManyOps => "too_many_ops",
            Code::TooManyAttempts => "too_many_attempts",
            Code::Busy => "busy",
            Code::Internal => "internal",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error the endpoint reports to a device or an organizer.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{code}: {message}")]
pub struct ApiError {
    pub code: Code,
    /// `code.status()`, kept beside it for callers that only want a number.
    pub status: u16,
    pub message: String,
    /// On a refused push: the last operation the endpoint applied from this
    /// device, so the device can line its numbering up with it.
    pub applied_seq: Option<i64>,
    /// On a refused push: the operation that was refused.
    pub op_seq: Option<i64>,
}

impl ApiError {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        ApiError { code, status: code.status(), message: message.into(), applied_seq: None, op_seq: None }
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(Code::Forbidden, message)
    }
    /// Says which operation was refused, and where the device's numbering
    /// stands at the endpoint.
    pub fn in_op(self, seq: i64, applied_seq: i64) -> Self {
        ApiError { message: format!("operation {seq}: {}", self.message), op_seq: Some(seq), applied_seq: Some(applied_seq), ..self }
    }
    pub fn applied(self, applied_seq: i64) -> Self {
        ApiError { applied_seq: Some(applied_seq), ..self }
    }
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(Code::Invalid, message)
    }
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(Code::Unauthorized, message)
    }
    pub fn not_found(what: &str, id: impl std::fmt::Display) -> Self {
        Self::new(Code::NotFound, format!("no {what} {id}"))
    }
    pub fn busy() -> Self {
        Self::new(Code::Busy, "the endpoint's store is busy (an import is running); try again in a moment")
    }
    /// Logs the cause, which may name what failed inside, and answers with
    /// a sentence that names nothing.
    pub fn internal(e: impl std::fmt::Display) -> Self {
        tracing::error!(error = %e, "internal error");
        Self::new(Code::Internal, "the endpoint failed; try again")
    }
}

impl From<crate::Error> for ApiError {
    fn from(e: crate::Error) -> Self {
        match e {
            crate::Error::NotFound { what, key } => ApiError::not_found(what, key),
            crate::Error::Invalid(m) => ApiError::bad_request(m),
            crate::Error::Sqlite(e) => e.into(),
            other => ApiError::internal(other),
        }
    }
}

/// The embedded store's errors: a busy store is worth a retry, anything
/// else is the endpoint's failure.
impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        match &e {
            rusqlite::Error::SqliteFailure(f, _) if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                ApiError::busy()
            }
            _ => ApiError::internal(e),
        }
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl From<Code> for String {
    fn from(code: Code) -> String {
        code.as_str().to_owned()
    }
}
