//! The storage interface behind the endpoint. The HTTP layer knows only
//! this trait; the embedded SQLite backend implements it today, and a
//! PostgreSQL backend will implement the same contract.

use doorstep_core::accounts::DeviceAuth;
use doorstep_core::sync::proto::{PairResponse, PullRequest, PullResponse, PushRequest, PushResponse};

/// An error the endpoint reports to a device. `status` is the HTTP status.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{code}: {message}")]
pub struct ApiError {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
    /// On a refused push: the last operation the endpoint applied from this
    /// device, so the device can line its numbering up with it.
    pub applied_seq: Option<i64>,
    /// On a refused push: the operation that was refused.
    pub op_seq: Option<i64>,
}

impl ApiError {
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status, code, message: message.into(), applied_seq: None, op_seq: None }
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(403, "forbidden", message)
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
        Self::new(400, "invalid", message)
    }
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(401, "unauthorized", message)
    }
    /// Also the answer for another organization's ids, so that whether they
    /// exist stays hidden.
    pub fn not_found(what: &str, id: impl std::fmt::Display) -> Self {
        Self::new(404, "not_found", format!("no {what} {id}"))
    }
    pub fn internal(e: impl std::fmt::Display) -> Self {
        tracing::error!(error = %e, "internal error");
        Self::new(500, "internal", "the endpoint failed; try again")
    }
}

impl From<doorstep_core::Error> for ApiError {
    fn from(e: doorstep_core::Error) -> Self {
        match e {
            doorstep_core::Error::NotFound { what, key } => ApiError::not_found(what, key),
            doorstep_core::Error::Invalid(m) => ApiError::bad_request(m),
            doorstep_core::Error::Sqlite(e) => e.into(),
            other => ApiError::internal(other),
        }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        match &e {
            // The store's write lock is held elsewhere (an import): a moment
            // later the same request goes through. Devices retry a 503.
            rusqlite::Error::SqliteFailure(f, _) if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                ApiError::new(503, "busy", "the endpoint's store is busy (an import is running); try again in a moment")
            }
            _ => ApiError::internal(e),
        }
    }
}

/// What a storage backend must do. Every method checks tenancy itself:
/// nothing outside `auth.org_id` is read or written.
pub trait Backend: Send + Sync + 'static {
    fn pair(&self, code: &str) -> Result<PairResponse, ApiError>;
    /// The device behind a bearer token, unless unknown or revoked.
    fn authenticate(&self, token: &str) -> Result<DeviceAuth, ApiError>;
    /// Applies a batch in one transaction; a batch already applied changes nothing.
    fn push(&self, auth: &DeviceAuth, req: PushRequest) -> Result<PushResponse, ApiError>;
    /// One page per assigned list, from each list's cursor.
    fn pull(&self, auth: &DeviceAuth, req: PullRequest) -> Result<PullResponse, ApiError>;
    fn health(&self) -> Result<(), ApiError>;
}
