//! Doorstep's app shell: one window around `ui/dist`, and one command, `rpc`,
//! that hands every UI request to the core's [`Device`]. No business logic
//! lives here; the loopback HTTP adapter and the `doorstep device` CLI drive
//! the same `Device::handle`.
//!
//! Network calls (pairing, sync) happen only in the core, in Rust: the app
//! grants the web view no http, fs or shell plugin.

use doorstep_core::device::Device;
use doorstep_core::device::api::{ApiError, Request, Response};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tauri::Manager;

/// How often the background loop syncs when nothing happens.
const SYNC_INTERVAL: Duration = Duration::from_secs(10);
/// The longest wait between retries while offline, so a returning network
/// is noticed within seconds.
const SYNC_MAX_BACKOFF: Duration = Duration::from_secs(5);

/// The one command. Runs on a blocking thread so a slow store or network
/// never stalls the UI (or Tauri's async runtime).
#[tauri::command]
async fn rpc(
    device: tauri::State<'_, Arc<Device>>,
    request: Request,
) -> Result<Response, ApiError> {
    let device = Arc::clone(&device);
    tauri::async_runtime::spawn_blocking(move || device.handle(request))
        .await
        .map_err(|e| ApiError {
            code: "internal".into(),
            message: format!("the command did not finish: {e}"),
        })?
}

/// `--home DIR` (or `--home=DIR`) from the command line, then `DOORSTEP_HOME`.
fn home_from_env() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--home" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--home=")) {
            return Some(PathBuf::from(dir));
        }
    }
    std::env::var_os("DOORSTEP_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();

    let result = tauri::Builder::default()
        .setup(|app| {
            let home = match home_from_env() {
                Some(dir) => dir,
                None => app.path().app_data_dir()?,
            };
            tracing::info!(home = %home.display(), "opening the device store");
            let device = Device::open(&home)
                .map_err(|e| format!("cannot open the device store in {}: {e}", home.display()))?;
            let device = Arc::new(device);
            device.start_background_sync(SYNC_INTERVAL, SYNC_MAX_BACKOFF);
            app.manage(device);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![rpc])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!(error = %e, "Doorstep could not start");
        eprintln!("doorstep-app: {e}");
        std::process::exit(1);
    }
}
