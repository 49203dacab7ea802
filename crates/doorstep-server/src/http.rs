//! The `/v1` HTTP surface. Bodies are JSON, compressed with zstd or gzip
//! either way; every error is `{"error": code, "message": sentence}`.

use crate::backend::{ApiError, Code};
use doorstep_core::endpoint::{Caller, Endpoint, Organize, OrganizeReply};
use crate::limits::{Limits, PairLimiter};
use axum::body::Bytes;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use doorstep_core::accounts::DeviceAuth;
use doorstep_core::sync::hlc;
use doorstep_core::sync::proto::{ErrorBody, MAX_BODY_BYTES, NEXT_PULL_HEADER, PairRequest, PullRequest, PushRequest};
use serde::de::DeserializeOwned;
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::decompression::RequestDecompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;

type Shared = Endpoint;

/// An error as every route answers it: the status its code has
/// ([`Code::status`], the one place statuses are chosen) and the body
/// `{"error": code, "message": sentence}`.
fn answer(e: ApiError) -> Response {
    let status = StatusCode::from_u16(e.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = ErrorBody { error: e.code.as_str().to_owned(), message: e.message, applied_seq: e.applied_seq, op_seq: e.op_seq };
    (status, Json(body)).into_response()
}

/// A route's result, answered as JSON or as its error.
struct Answered(Result<Response, ApiError>);

impl IntoResponse for Answered {
    fn into_response(self) -> Response {
        self.0.unwrap_or_else(answer)
    }
}

/// The `/v1` router. `tls` says whether it is served over TLS (then
/// answers tell browsers to use nothing else). Serve it with
/// `into_make_service_with_connect_info::<SocketAddr>()`: pairing budgets
/// wrong codes per source address.
pub fn router(backend: Shared, limits: &Limits, tls: bool) -> Router {
    let request_limit = limits.request;
    let pair_limiter = Arc::new(PairLimiter::new(limits.pair_per_source, limits.pair_overall));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/v1/pair", post(pair).layer(axum::Extension(pair_limiter)))
        .route("/v1/push", post(push))
        .route("/v1/pull", post(pull))
        .route("/v1/organize", post(organize))
        .fallback(|| async { answer(ApiError::new(Code::NoSuchRoute, "no such endpoint; see schema/openapi.yaml")) })
        .with_state(backend)
        // The limit applies to the decompressed body, so a small zstd bomb
        // cannot make the endpoint inflate gigabytes.
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestDecompressionLayer::new())
        // zstd's fastest level: a pull answer is compressed while the device
        // stores the one before, on the same two cores, and on these JSON
        // pages the default level took a sixth more time for no fewer bytes.
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Fastest))
        .layer(axum::middleware::map_response(stamp_time))
        // Outside decompression, so the clock runs on the bytes as they come.
        .layer(RequestBodyTimeoutLayer::new(limits.body_stall))
        .layer(
            tower::ServiceBuilder::new()
                .layer(HandleErrorLayer::new(move |_: tower::BoxError| async move {
                    answer(ApiError::new(Code::RequestTimeout, format!("the request took longer than {} s to arrive and be answered; try again", request_limit.as_secs())))
                }))
                .timeout(request_limit),
        )
        // Method and path only: bodies hold voter data, headers hold tokens.
        .layer(TraceLayer::new_for_http())
        // Outermost, so every answer has them, errors and timeouts too.
        // Answers hold voter data and tokens: no cache may keep them.
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(header::STRICT_TRANSPORT_SECURITY, move |_: &Response| {
            tls.then(|| HeaderValue::from_static("max-age=31536000"))
        }))
}

/// Every answer carries the endpoint's clock, which devices use to bound theirs.
async fn stamp_time(mut resp: Response) -> Response {
    resp.headers_mut().insert("x-doorstep-server-time", HeaderValue::from(hlc::now_ms()));
    resp
}

/// Parses a JSON body, saying where and what when it is wrong. Tracking the
/// path costs time on every field, so only a body that fails is read again
/// to find where.
fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if let Ok(value) = serde_json::from_slice(bytes) {
        return Ok(value);
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(value) => Ok(value),
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let at = if path == "." { String::new() } else { format!(" at {path}") };
            Err(ApiError::new(Code::InvalidBody, format!("the request body is not valid{at}: {inner}")))
        }
    }
}

fn body_bytes(body: Result<Bytes, axum::extract::rejection::BytesRejection>) -> Result<Bytes, ApiError> {
    body.map_err(|e| {
        let status = e.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(Code::TooLarge, format!("the request body is larger than {MAX_BODY_BYTES} bytes"))
        } else if stalled(&e) {
            ApiError::new(Code::RequestTimeout, "the request body stopped arriving; try again")
        } else {
            ApiError::new(Code::InvalidBody, format!("the request body could not be read: {}", e.body_text()))
        }
    })
}

/// Whether reading the body failed because it stopped arriving.
fn stalled(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(e);
    while let Some(c) = cause {
        if c.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        cause = c.source();
    }
    false
}

async fn authenticate(endpoint: &Shared, headers: &HeaderMap) -> Result<DeviceAuth, ApiError> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| ApiError::unauthorized("missing bearer token"))?;
    endpoint.authenticate(token).await
}

async fn healthz(State(endpoint): State<Shared>) -> Answered {
    Answered(async move {
        endpoint.health().await?;
        Ok(Json(serde_json::json!({ "ok": true, "server_time_ms": hlc::now_ms() })).into_response())
    }.await)
}

/// Codes are short enough to type, so guessing is held back: each source
/// address, and all of them together, may get only so many wrong (429 with
/// `Retry-After` beyond), and each wrong one is logged with its source,
/// never the code.
async fn pair(
    State(endpoint): State<Shared>,
    axum::Extension(limiter): axum::Extension<Arc<PairLimiter>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Answered {
    let allowance = match limiter.begin(peer.ip()) {
        Ok(a) => a,
        Err(wait) => {
            tracing::debug!(source = %peer.ip(), "pairing refused: too many wrong codes");
            // Whole seconds, rounded up: a client waiting that long is let in.
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            let mut refused = answer(ApiError::new(Code::TooManyAttempts, format!("too many wrong pairing codes; try again in {secs} s")));
            refused.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
            return Answered(Ok(refused));
        }
    };
    Answered(async move {
        let req: PairRequest = parse(&body_bytes(body)?)?;
        match endpoint.pair(req).await {
            Ok(resp) => {
                limiter.succeeded(allowance);
                Ok(Json(resp).into_response())
            }
            Err(e) => {
                if e.code == Code::InvalidPairingCode {
                    tracing::warn!(source = %peer.ip(), "wrong pairing code");
                }
                Err(e)
            }
        }
    }.await)
}

async fn push(State(endpoint): State<Shared>, headers: HeaderMap, body: Result<Bytes, axum::extract::rejection::BytesRejection>) -> Answered {
    Answered(async move {
        let auth = authenticate(&endpoint, &headers).await?;
        let req: PushRequest = parse(&body_bytes(body)?)?;
        Ok(Json(endpoint.push(&auth, req).await?).into_response())
    }.await)
}

async fn pull(State(endpoint): State<Shared>, headers: HeaderMap, body: Result<Bytes, axum::extract::rejection::BytesRejection>) -> Answered {
    Answered(async move {
        let auth = authenticate(&endpoint, &headers).await?;
        let req: PullRequest = parse(&body_bytes(body)?)?;
        let resp = endpoint.pull(&auth, req).await?;
        // Ahead of the body: the device asks for the next page while it reads this one.
        let next = HeaderValue::from_str(&serde_json::to_string(&resp.next()).map_err(ApiError::internal)?).map_err(ApiError::internal)?;
        let mut answer = Json(resp).into_response();
        answer.headers_mut().insert(NEXT_PULL_HEADER, next);
        Ok(answer)
    }.await)
}

/// The organizer's commands from a paired organizer's device: the same
/// JSON the CLI runs in process (`{"cmd": "users"}`), answered as
/// `{"reply": kind, "data": …}`.
async fn organize(State(endpoint): State<Shared>, headers: HeaderMap, body: Result<Bytes, axum::extract::rejection::BytesRejection>) -> Answered {
    Answered(async move {
        let auth = authenticate(&endpoint, &headers).await?;
        let cmd: Organize = parse(&body_bytes(body)?)?;
        let reply: OrganizeReply = endpoint.organize(&Caller::Device(auth), cmd).await?;
        Ok(Json(reply).into_response())
    }.await)
}
