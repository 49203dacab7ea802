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
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tauri::Manager;

/// How often the background loop syncs when nothing happens.
const SYNC_INTERVAL: Duration = Duration::from_secs(10);
/// The longest wait between retries while offline, so a returning network
/// is noticed within seconds.
const SYNC_MAX_BACKOFF: Duration = Duration::from_secs(5);

/// The device, once open. Where the store's key comes from a PIN (no
/// keychain, no `DOORSTEP_DEVICE_PIN`), it opens when the UI sends the PIN
/// typed on its lock screen (`unlock`); until then every command answers
/// "locked".
struct Shell {
    home: PathBuf,
    device: Mutex<Option<Arc<Device>>>,
}

impl Shell {
    fn open(&self, pin: Option<&str>) -> Result<Arc<Device>, ApiError> {
        let device = Arc::new(Device::open_with_pin(&self.home, pin)?);
        device.start_background_sync(SYNC_INTERVAL, SYNC_MAX_BACKOFF);
        *self.device.lock().unwrap_or_else(|e| e.into_inner()) = Some(Arc::clone(&device));
        Ok(device)
    }

    fn handle(&self, request: Request) -> Result<Response, ApiError> {
        let open = self.device.lock().unwrap_or_else(|e| e.into_inner()).clone();
        match (open, request) {
            (Some(device), request) => device.handle(request),
            (None, Request::Unlock { pin }) => self.open(Some(&pin))?.handle(Request::Status),
            (None, _) => Err(doorstep_core::device::locked()),
        }
    }
}

/// The one command. Runs on a blocking thread so a slow store or network
/// never stalls the UI (or Tauri's async runtime).
#[tauri::command]
async fn rpc(
    shell: tauri::State<'_, Arc<Shell>>,
    request: Request,
) -> Result<Response, ApiError> {
    let shell = Arc::clone(&shell);
    tauri::async_runtime::spawn_blocking(move || shell.handle(request))
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
            let shell = Arc::new(Shell { home: home.clone(), device: Mutex::new(None) });
            if doorstep_core::store::key::pin_needed(&home) {
                tracing::info!(home = %home.display(), "the device store waits for its PIN");
            } else {
                tracing::info!(home = %home.display(), "opening the device store");
                shell
                    .open(None)
                    .map_err(|e| format!("cannot open the device store in {}: {}", home.display(), e.message))?;
            }
            app.manage(shell);
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
