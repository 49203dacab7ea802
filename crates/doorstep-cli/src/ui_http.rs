//! The loopback HTTP adapter: the same device commands the Tauri app sends
//! over IPC, as `POST /rpc`, plus the built UI. Browser tests use it.
//!
//! Any web page the canvasser opens can send requests to a loopback port, so
//! `/rpc` (which answers with voters' names, phones and emails) takes only
//! requests that carry this run's secret, name a loopback Host with the
//! listening port (a DNS-rebinding page names its own host) and come from no
//! other origin. The secret reaches the app's page inside the `index.html`
//! this adapter serves, which another origin cannot read.

use axum::extract::{Request as HttpRequest, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine as _;
use doorstep_core::device::Device;
use doorstep_core::device::api::{ApiError, Request};
use rand::RngCore as _;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use subtle::ConstantTimeEq as _;

/// The header the UI's HTTP transport sends the secret in
/// (`ui/src/api/transport.ts` names it too).
pub const SECRET_HEADER: &str = "x-doorstep-secret";
/// The `<meta name>` that carries the secret in the served `index.html`.
pub const SECRET_META: &str = "doorstep-rpc-secret";

struct Adapter {
    device: Arc<Device>,
    secret: String,
    port: u16,
    assets: PathBuf,
}

fn forbidden(message: &str) -> Response {
    let err = ApiError { code: "forbidden".into(), message: message.into() };
    (StatusCode::FORBIDDEN, Json(err)).into_response()
}

/// The request's host and port: the Host header, or the URI's authority
/// (HTTP/2 may send only `:authority`).
fn authority(req: &HttpRequest) -> Option<axum::http::uri::Authority> {
    match req.headers().get(header::HOST) {
        Some(h) => h.to_str().ok()?.parse().ok(),
        None => req.uri().authority().cloned(),
    }
}

/// Whether `host:port` names this adapter: localhost or a loopback address,
/// on the port it listens on. Any other name is a page that rebound its own
/// domain to 127.0.0.1.
fn is_own_host(authority: &axum::http::uri::Authority, port: u16) -> bool {
    let host = authority.host();
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    loopback && authority.port_u16().unwrap_or(80) == port
}

/// Every request must name this adapter as its host: nothing it serves,
/// least of all the page that carries the secret, goes to a rebinding page.
async fn own_host_only(State(adapter): State<Arc<Adapter>>, req: HttpRequest, next: Next) -> Response {
    if !authority(&req).is_some_and(|a| is_own_host(&a, adapter.port)) {
        tracing::warn!(method = %req.method(), path = req.uri().path(), "refused: Host is not this loopback adapter");
        return forbidden("the Host header does not name this loopback adapter");
    }
    next.run(req).await
}

/// `/rpc` also needs the page's secret and no other origin. A cross-site
/// form or `text/plain` POST carries neither the header nor our Origin.
async fn app_page_only(State(adapter): State<Arc<Adapter>>, req: HttpRequest, next: Next) -> Response {
    let headers = req.headers();
    // The Host passed `own_host_only`, so the adapter's own origin is
    // `http://` + that Host; a same-origin fetch says exactly that, if anything.
    let own_origin = authority(&req).map(|a| format!("http://{a}")).unwrap_or_default();
    if let Some(origin) = headers.get(header::ORIGIN)
        && !origin.to_str().is_ok_and(|o| o.eq_ignore_ascii_case(&own_origin))
    {
        tracing::warn!(method = %req.method(), path = req.uri().path(), "refused: request from another origin");
        return forbidden("the request comes from another origin");
    }
    if !secret_matches(headers, &adapter.secret) {
        tracing::warn!(method = %req.method(), path = req.uri().path(), "refused: missing or wrong secret");
        return forbidden(&format!("missing or wrong {SECRET_HEADER} header: only the page this adapter serves may call /rpc"));
    }
    next.run(req).await
}

fn secret_matches(headers: &HeaderMap, secret: &str) -> bool {
    headers.get(SECRET_HEADER).is_some_and(|given| bool::from(given.as_bytes().ct_eq(secret.as_bytes())))
}

async fn rpc(State(adapter): State<Arc<Adapter>>, body: axum::body::Bytes) -> Response {
    let req: Request = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            let err = ApiError { code: "invalid".into(), message: format!("not a command: {e}") };
            return (StatusCode::BAD_REQUEST, Json(err)).into_response();
        }
    };
    let device = adapter.device.clone();
    match tokio::task::spawn_blocking(move || device.handle(req)).await {
        Ok(Ok(resp)) => Json(resp).into_response(),
        Ok(Err(err)) => {
            let status = match err.code.as_str() {
                "not_found" => StatusCode::NOT_FOUND,
                "invalid" | "not_paired" => StatusCode::BAD_REQUEST,
                "offline" => StatusCode::SERVICE_UNAVAILABLE,
                "locked" => StatusCode::LOCKED,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            (status, Json(err)).into_response()
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, Json(ApiError { code: "internal".into(), message: e.to_string() })).into_response(),
    }
}

/// `index.html` with this run's secret in a `<meta>`, read on each request
/// (a rebuilt UI is served as it is now) and never written back to disk.
async fn index(State(adapter): State<Arc<Adapter>>) -> Response {
    let path = adapter.assets.join("index.html");
    let html = match tokio::fs::read_to_string(&path).await {
        Ok(html) => html,
        Err(e) => {
            let err = ApiError { code: "internal".into(), message: format!("{}: {e}", path.display()) };
            return (StatusCode::INTERNAL_SERVER_ERROR, Json(err)).into_response();
        }
    };
    let Some(page) = with_secret(&html, &adapter.secret) else {
        let err = ApiError { code: "internal".into(), message: format!("{}: no </head> to put the secret before", path.display()) };
        return (StatusCode::INTERNAL_SERVER_ERROR, Json(err)).into_response();
    };
    // The secret lasts one run: a cached copy would only fail later.
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], page).into_response()
}

fn with_secret(html: &str, secret: &str) -> Option<String> {
    let at = html.to_ascii_lowercase().find("</head>")?;
    // The secret is URL-safe base64: nothing in it needs escaping in an attribute.
    Some(format!("{}<meta name=\"{SECRET_META}\" content=\"{secret}\">\n{}", &html[..at], &html[at..]))
}

pub async fn serve(device: Arc<Device>, listen: SocketAddr, assets: PathBuf) -> anyhow::Result<()> {
    let index_path = assets.join("index.html");
    if !index_path.exists() {
        anyhow::bail!("{} has no index.html; build the UI first (cd ui && npm run build)", assets.display());
    }
    if with_secret(&std::fs::read_to_string(&index_path)?, "").is_none() {
        anyhow::bail!("{}: no </head> to put the /rpc secret before", index_path.display());
    }
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let local = listener.local_addr()?;
    let mut secret = [0u8; 32];
    rand::rng().fill_bytes(&mut secret);
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret);
    let adapter = Arc::new(Adapter { device, secret, port: local.port(), assets: assets.clone() });
    // No CORS layer: a preflight for the secret header gets no Allow-Origin,
    // so no other origin's page may send it.
    let app = Router::new()
        .route("/rpc", post(rpc).route_layer(middleware::from_fn_with_state(adapter.clone(), app_page_only)))
        .route("/", get(index))
        .route("/index.html", get(index))
        .fallback_service(tower_http::services::ServeDir::new(&assets))
        .layer(middleware::from_fn_with_state(adapter.clone(), own_host_only))
        .with_state(adapter);
    println!("ui on http://{local}/");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
