//! The central endpoint behind `doorstep serve`: devices pair with it, push
//! their outboxes to it and pull their lists from it.
//!
//! The HTTP layer (`http`) is a transport over the core's command surface,
//! [`doorstep_core::endpoint::Endpoint`]; storage lives below that, behind
//! [`doorstep_core::endpoint::Storage`] (`sqlite` today, through `backend`).

pub mod backend;
pub mod http;
pub mod inbox;
pub mod limits;
pub mod sqlite;

pub use backend::{ApiError, Code, SqliteStorage};
pub use doorstep_core::endpoint::{Caller, Endpoint};
pub use limits::Limits;

use anyhow::{Context, Result, bail};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The endpoint over the embedded store in `data` (`doorstep.db`), as a
/// command on the endpoint's own machine opens it.
pub fn open_local(data: &std::path::Path) -> Result<Endpoint> {
    let db = data.join("doorstep.db");
    let backend = sqlite::SqliteBackend::open_local(&db).with_context(|| format!("opening the store in {}", data.display()))?;
    Ok(Endpoint::new(Arc::new(SqliteStorage(Arc::new(backend)))))
}

#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub data: PathBuf,
    pub listen: SocketAddr,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    pub limits: Limits,
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
    let endpoint = Endpoint::new(Arc::new(SqliteStorage(Arc::new(backend))));
    let limits = config.limits.clone();
    let app = http::router(endpoint, &limits, tls.is_some());

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
    let service = limits::CapConnections::new(app.into_make_service_with_connect_info::<SocketAddr>(), limits.max_connections);
    match tls {
        Some((cert, key)) => {
            let rustls = axum_server::tls_rustls::RustlsConfig::from_pem_file(&cert, &key)
                .await
                .with_context(|| format!("reading TLS certificate {} and key {}", cert.display(), key.display()))?;
            // HTTP/1.1 only (see `http1`), so offer nothing else in the handshake.
            let mut only_http1 = (*rustls.get_inner()).clone();
            only_http1.alpn_protocols = vec![b"http/1.1".to_vec()];
            let rustls = axum_server::tls_rustls::RustlsConfig::from_config(Arc::new(only_http1));
            // The TLS handshake has its own limit (10 s) in the acceptor.
            http1(axum_server::from_tcp_rustls(std_listener, rustls)?, &limits).handle(handle).serve(service).await?;
        }
        None => http1(axum_server::from_tcp(std_listener)?, &limits).handle(handle).serve(service).await?,
    }
    Ok(())
}

/// HTTP/1.1 only: devices speak nothing else, and hyper's header-read
/// timeout, the guard against headers trickled in, exists only for it.
fn http1<A>(server: axum_server::Server<SocketAddr, A>, limits: &Limits) -> axum_server::Server<SocketAddr, A> {
    let mut server = server.http1_only();
    // axum_server installs the timer this needs.
    server.http_builder().http1().header_read_timeout(limits.header_read);
    // Also covers a connection that sends nothing at all, before hyper
    // knows it is HTTP and starts its own clock.
    server.first_request_timeout(limits.header_read)
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
