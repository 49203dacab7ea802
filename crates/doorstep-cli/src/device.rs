//! `doorstep device`: a canvasser's device without a window, for tests and
//! by hand. Every subcommand goes through the same core `Device` the app uses.

use crate::print_json;
use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Subcommand};
use doorstep_core::device::{Device, WipeReason};
use doorstep_core::device::api::{ApiError, NewAttempt, Request};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Args)]
pub struct DeviceArgs {
    /// The device's own folder (its store and identity).
    #[arg(long, default_value = "./doorstep-device")]
    home: PathBuf,
    #[command(subcommand)]
    command: DeviceCommand,
}

#[derive(Subcommand)]
enum DeviceCommand {
    /// Redeem a pairing code (or a whole QR payload) with an endpoint.
    Pair {
        url: String,
        code: String,
        /// Trust this CA certificate (PEM) for the endpoint's TLS.
        #[arg(long)]
        ca_cert: Option<PathBuf>,
    },
    /// The people held on this device.
    People {
        #[arg(long)]
        json: bool,
    },
    /// Record a contact attempt, offline.
    Attempt {
        #[arg(long)]
        person: uuid::Uuid,
        #[arg(long)]
        result: String,
        /// A survey answer, QUESTION=ANSWER (repeatable).
        #[arg(long = "answer")]
        answers: Vec<String>,
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        list: Option<uuid::Uuid>,
        #[arg(long)]
        json: bool,
    },
    /// Push the outbox and pull assigned lists now.
    Sync {
        #[arg(long)]
        json: bool,
    },
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Unpair and erase everything this device holds (a phone passed to
    /// another volunteer). Work not yet sent is pushed first where the
    /// endpoint still takes it, else kept in an encrypted unsent-*.db here.
    Wipe {
        #[arg(long)]
        json: bool,
    },
    /// Serve the app's UI and its commands over loopback HTTP (for browser tests).
    Ui {
        #[arg(long, default_value = "127.0.0.1:0")]
        listen: std::net::SocketAddr,
        /// The built UI (ui/dist).
        #[arg(long, default_value = "ui/dist")]
        assets: PathBuf,
        /// Seconds between background syncs.
        #[arg(long, default_value_t = 30)]
        sync_interval: u64,
    },
}

fn api(e: ApiError) -> anyhow::Error {
    anyhow!("{} ({})", e.message, e.code)
}

pub fn run(args: DeviceArgs) -> Result<()> {
    // Where there is no keychain the store's PIN comes from DOORSTEP_DEVICE_PIN;
    // without it the error says so.
    let device = Device::open(&args.home).with_context(|| format!("opening the device in {}", args.home.display()))?;
    match args.command {
        DeviceCommand::Pair { url, code, ca_cert } => {
            let pem = ca_cert.map(|p| std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))).transpose()?;
            let status = device.pair(&code, Some(&url), pem.as_deref()).map_err(api)?;
            println!("paired with {} as {}", status.org_name.unwrap_or_default(), status.user_name.unwrap_or_default());
            if let Some(e) = status.last_error {
                eprintln!("the first sync did not finish yet: {e}");
            }
            Ok(())
        }
        DeviceCommand::People { json } => {
            let people = device.people().map_err(api)?;
            if json {
                return print_json(&people);
            }
            for p in people {
                println!("{}  {} {}  {}", p.id, p.given_name, p.family_name, p.native_name);
            }
            Ok(())
        }
        DeviceCommand::Attempt { person, result, answers, note, list, json } => {
            let mut parsed = BTreeMap::new();
            for a in answers {
                let (q, v) = a.split_once('=').ok_or_else(|| anyhow!("--answer {a:?}: expected QUESTION=ANSWER"))?;
                parsed.insert(q.trim().to_owned(), serde_json::Value::String(v.trim().to_owned()));
            }
            let (result, barrier) = match result.split_once(':') {
                Some((r, l)) => (r.to_owned(), Some(l.to_owned())),
                None => (result, None),
            };
            let attempt = device
                .record_attempt(NewAttempt {
                    person_id: Some(person),
                    list_id: list,
                    result,
                    barrier_language: barrier,
                    answers: parsed,
                    note: note.unwrap_or_default(),
                    ..Default::default()
                })
                .map_err(api)?;
            if json { print_json(&attempt) } else { println!("recorded {} ({})", attempt.result, attempt.id); Ok(()) }
        }
        DeviceCommand::Sync { json } => {
            let report = device.sync_now();
            let status = device.status().map_err(api)?;
            match report {
                Ok(report) => {
                    if json {
                        print_json(&serde_json::json!({ "ok": true, "report": report, "status": status }))
                    } else {
                        println!("pushed {}, pulled {} items for {} lists; {} pending", report.pushed, report.pulled_items, report.lists, report.pending);
                        Ok(())
                    }
                }
                Err(e) => {
                    if json {
                        print_json(&serde_json::json!({ "ok": false, "error": e.to_string(), "status": status }))?;
                    }
                    bail!("sync did not finish: {e}")
                }
            }
        }
        DeviceCommand::Status { json } => {
            let status = device.status().map_err(api)?;
            if json {
                return print_json(&status);
            }
            if let Some(reason) = &status.wiped {
                println!("wiped ({}){}", if reason == "revoked" { "the organization revoked this device" } else { "by hand" },
                    status.unsent_export.as_deref().map(|p| format!("; work not sent is kept in {p}")).unwrap_or_default());
            }
            println!(
                "{}; {} pending; last sync {}; {} people, {} attempts{}",
                if status.paired { "paired" } else { "not paired" },
                status.pending,
                status.last_sync.as_deref().unwrap_or("never"),
                status.people,
                status.attempts,
                status.last_error.map(|e| format!("; last error: {e}")).unwrap_or_default()
            );
            Ok(())
        }
        DeviceCommand::Wipe { json } => {
            let status = device.wipe(WipeReason::ByHand).map_err(api)?;
            if json {
                return print_json(&status);
            }
            println!("wiped: {} people, {} attempts left", status.people, status.attempts);
            if let Some(p) = status.unsent_export {
                println!("work not sent is kept, encrypted with this device's key, in {p}");
            }
            Ok(())
        }
        DeviceCommand::Ui { listen, assets, sync_interval } => {
            if !listen.ip().is_loopback() {
                bail!("{listen}: the UI adapter listens on loopback only");
            }
            let device = Arc::new(device);
            device.start_background_sync(std::time::Duration::from_secs(sync_interval), std::time::Duration::from_secs(8));
            let rt = tokio::runtime::Runtime::new()?;
            rt.block_on(crate::ui_http::serve(device, listen, assets))
        }
    }
}

/// Lets `handle` be called the way the HTTP adapter does, for symmetry in tests.
#[allow(dead_code)]
pub fn handle(device: &Device, req: Request) -> Result<serde_json::Value> {
    Ok(serde_json::to_value(device.handle(req).map_err(api)?)?)
}
