//! The loopback HTTP adapter: the same device commands the Tauri app sends
//! over IPC, as `POST /rpc`, plus the built UI. Browser tests use it.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use doorstep_core::device::Device;
use doorstep_core::device::api::{ApiError, Request};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

async fn rpc(State(device): State<Arc<Device>>, body: axum::body::Bytes) -> Response {
    let req: Request = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            let err = ApiError { code: "invalid".into(), message: format!("not a command: {e}") };
            return (StatusCode::BAD_REQUEST, Json(err)).into_response();
        }
    };
    match tokio::task::spawn_blocking(move || device.handle(req)).await {
        Ok(Ok(resp)) => Json(resp).into_response(),
        Ok(Err(err)) => {
            let status = match err.code.as_str() {
                "not_found" => StatusCode::NOT_FOUND,
                "invalid" | "not_paired" => StatusCode::BAD_REQUEST,
                "offline" => StatusCode::SERVICE_UNAVAILABLE,
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            (status, Json(err)).into_response()
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, Json(ApiError { code: "internal".into(), message: e.to_string() })).into_response(),
    }
}

pub async fn serve(device: Arc<Device>, listen: SocketAddr, assets: PathBuf) -> anyhow::Result<()> {
    if !assets.join("index.html").exists() {
        anyhow::bail!("{} has no index.html; build the UI first (cd ui && npm run build)", assets.display());
    }
    let app = Router::new()
        .route("/rpc", post(rpc))
        .with_state(device)
        .fallback_service(tower_http::services::ServeDir::new(&assets));
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let local = listener.local_addr()?;
    println!("ui on http://{local}/");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
