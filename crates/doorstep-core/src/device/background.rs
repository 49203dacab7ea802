//! Sync on the device: on demand, and by itself on a thread of its own
//! that the commands wake when they queue something.

use super::Device;
use crate::error::Error;
use crate::sync::client::{self, HttpTransport, SyncError, SyncReport};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

impl Device {
    /// Syncs now on sync's own connection.
    pub fn sync_now(&self) -> std::result::Result<SyncReport, SyncError> {
        let mut store = self.sync_store.lock().unwrap_or_else(|e| e.into_inner());
        let id = client::identity(store.conn())?.ok_or_else(|| Error::Invalid("this device is not paired".into()))?;
        let transport = HttpTransport::new(&id.server_url, Some(&id.token), id.ca_cert.as_deref())?;
        self.syncing.store(true, Ordering::Relaxed);
        let result = client::sync(&mut store, &transport);
        self.syncing.store(false, Ordering::Relaxed);
        drop(store);
        if let Err(e) = &result {
            tracing::info!(error = %e, "sync did not finish");
            if super::wipe::refusal_wipes(e) {
                // A lost phone: what it holds goes the moment the endpoint
                // says it was revoked. Nothing could be pushed (the token is
                // refused), so what waits is exported.
                if let Err(w) = self.wipe(super::WipeReason::Revoked) {
                    tracing::error!(error = %w.message, "the revoked device could not wipe itself");
                }
            }
        }
        result
    }

    /// Syncs by itself: soon after something is recorded, every `interval`
    /// otherwise, and after a failure with exponential backoff and jitter, so
    /// a crowd of phones regaining signal together does not arrive at once.
    pub fn start_background_sync(self: &Arc<Self>, interval: Duration, max_backoff: Duration) -> std::thread::JoinHandle<()> {
        let device = Arc::clone(self);
        std::thread::Builder::new()
            .name("doorstep-sync".into())
            .spawn(move || {
                let mut backoff = Duration::from_secs(1);
                loop {
                    let paired = device.identity().is_ok();
                    let wait = if !paired {
                        interval
                    } else {
                        match device.sync_now() {
                            Ok(_) => {
                                backoff = Duration::from_secs(1);
                                interval
                            }
                            Err(SyncError::Unauthorized(_)) => interval * 10,
                            Err(_) => {
                                let jittered = backoff.mul_f64(0.5 + rand::random::<f64>());
                                backoff = (backoff * 2).min(max_backoff);
                                jittered
                            }
                        }
                    };
                    let (lock, cvar) = &device.wake;
                    let guard = lock.lock().unwrap_or_else(|e| e.into_inner());
                    let (mut woken, _) = cvar.wait_timeout_while(guard, wait, |w| !*w).unwrap_or_else(|e| e.into_inner());
                    *woken = false;
                }
            })
            .expect("spawning the sync thread")
    }

    pub(super) fn nudge(&self) {
        let (lock, cvar) = &self.wake;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cvar.notify_one();
    }
}
