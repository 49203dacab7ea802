//! The central endpoint behind `doorstep serve`: devices pair with it, push
//! their outboxes to it and pull their lists from it.
//!
//! The HTTP layer (`http`) speaks only to the [`Backend`] trait; storage
//! lives behind it (`sqlite` today).

pub mod backend;
pub mod http;
pub mod inbox;
pub mod sqlite;

pub use backend::{ApiError, Backend};

use anyhow::{Context, Result, bail};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub data: PathBuf,
    pub listen: SocketAddr,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
}

/// Runs until SIGINT or SIGTERM, then stops taking connections and lets
/// requests in flight finish.
pub async fn serve(config: ServeConfig) -> Result<()> {
    let tls = match (&config.tls_cert, &config.tls_key) {
        (Some(c), Some(k)) => Some((c.clone(), k.clone())),
        (None, None) => None,
        _ => bail!("--tls-cert and --tls-key go together"),
    };
    if tls.is_none() && !config.listen.ip().is_loopback() {
        bail!("{}: plain HTTP is served only on loopback; give --tls-cert and --tls-key to listen elsewhere", config.listen);
    }
    let db = config.data.join("doorstep.db");
    let backend = sqlite::SqliteBackend::open(&db).with_context(|| format!("opening {}", db.display()))?;
    let app = http::router(Arc::new(backend));

    let handle = axum_server::Handle::new();
    let shutdown = handle.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down: finishing requests in flight");
        shutdown.graceful_shutdown(Some(Duration::from_secs(30)));
    });

    let scheme = if tls.is_some() { "https" } else { "http" };
    let std_listener = std::net::TcpListener::bind(config.listen).with_context(|| format!("listening on {}", config.listen))?;
    std_listener.set_nonblocking(true)?;
    let local = std_listener.local_addr()?;
    tracing::info!(%local, "doorstep endpoint listening");
    // Scripts and tests read this line to learn the port.
    println!("listening on {scheme}://{local}");
    let service = app.into_make_service();
    match tls {
        Some((cert, key)) => {
            let rustls = axum_server::tls_rustls::RustlsConfig::from_pem_file(&cert, &key)
                .await
                .with_context(|| format!("reading TLS certificate {} and key {}", cert.display(), key.display()))?;
            axum_server::from_tcp_rustls(std_listener, rustls)?.handle(handle).serve(service).await?;
        }
        None => axum_server::from_tcp(std_listener)?.handle(handle).serve(service).await?,
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
