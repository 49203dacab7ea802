//! Organizer and admin commands on the endpoint's store: organizations,
//! users, pairing codes, list assignment, and what the field sent back.

use crate::{open_store, print_json};
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use doorstep_core::{accounts, lists, records};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum OrgCommand {
    /// Make an organization (a tenant).
    Create {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// List the organizations in this store.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn org(data: &Path, cmd: OrgCommand) -> Result<()> {
    let store = open_store(data)?;
    match cmd {
        OrgCommand::Create { name, json } => {
            let org = store.create_org(&name)?;
            if json { print_json(&org) } else { println!("made organization {} ({})", org.name, org.id); Ok(()) }
        }
        OrgCommand::List { json } => {
            let orgs = store.orgs()?;
            if json {
                return print_json(&orgs);
            }
            for o in orgs {
                println!("{}  {}", o.id, o.name);
            }
            Ok(())
        }
    }
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a person who organizes, canvasses or phone banks.
    Add {
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        name: String,
        /// admin, organizer, canvasser or phone_banker
        #[arg(long)]
        role: String,
        /// Languages they speak, comma-separated ("vi,en" or "Vietnamese,English").
        #[arg(long, value_delimiter = ',')]
        speaks: Vec<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn user(data: &Path, cmd: UserCommand) -> Result<()> {
    let store = open_store(data)?;
    match cmd {
        UserCommand::Add { org, name, role, speaks, json } => {
            let org = store.resolve_org(org.as_deref())?;
            let user = accounts::add_user(store.conn(), org.id, &name, &role.replace('-', "_"), &speaks)?;
            if json { print_json(&user) } else { println!("added {} ({}) as {}", user.name, user.id, user.role); Ok(()) }
        }
    }
}

#[derive(Args)]
pub struct PairingCodeArgs {
    #[arg(long)]
    org: Option<String>,
    #[arg(long)]
    user: String,
    /// The endpoint's address as phones will reach it; adds a QR payload.
    #[arg(long)]
    url: Option<String>,
    /// Also write the QR payload as a QR code image (SVG) to FILE.
    #[arg(long, value_name = "FILE", requires = "url")]
    qr: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn pairing_code(data: &Path, args: PairingCodeArgs) -> Result<()> {
    let store = open_store(data)?;
    let org = store.resolve_org(args.org.as_deref())?;
    let user = accounts::resolve_user(store.conn(), org.id, &args.user)?;
    // The code is kept only once its image is written, so a failed write
    // leaves no code nobody was given.
    let tx = store.conn().unchecked_transaction()?;
    let code = accounts::make_pairing_code(&tx, org.id, user.id, args.url.as_deref())?;
    if let (Some(file), Some(payload)) = (&args.qr, &code.qr_payload) {
        write_qr_svg(file, payload)?;
    }
    tx.commit()?;
    if args.json {
        let mut out = serde_json::to_value(&code)?;
        if let Some(file) = &args.qr {
            out["qr_file"] = file.display().to_string().into();
        }
        return print_json(&out);
    }
    println!("{}", code.code);
    if let Some(qr) = &code.qr_payload {
        eprintln!("QR payload: {qr}");
    }
    if let Some(file) = &args.qr {
        eprintln!("QR code image: {}", file.display());
    }
    eprintln!("for {}; valid once, until {}", user.name, code.expires_at);
    Ok(())
}

/// Writes `payload` as a QR code in SVG, whole or not at all (a temporary
/// file beside it, renamed into place).
fn write_qr_svg(file: &Path, payload: &str) -> Result<()> {
    let qr = qrcode::QrCode::new(payload.as_bytes()).context("the QR payload is too long for a QR code")?;
    let svg = qr.render::<qrcode::render::svg::Color>().min_dimensions(256, 256).build();
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| format!("--qr {}: cannot write in its folder", file.display()))?;
    tmp.write_all(svg.as_bytes()).with_context(|| format!("--qr {}: cannot write", file.display()))?;
    tmp.persist(file).with_context(|| format!("--qr {}: cannot write", file.display()))?;
    Ok(())
}

pub fn assign(data: &Path, org: Option<&str>, list: &str, user: &str, unassign: bool) -> Result<()> {
    let store = open_store(data)?;
    let org = store.resolve_org(org)?;
    let list = lists::resolve(store.conn(), org.id, list)?;
    let user = accounts::resolve_user(store.conn(), org.id, user)?;
    if unassign {
        accounts::unassign_list(store.conn(), list.id, user.id)?;
        println!("unassigned {} from {}", list.name, user.name);
    } else {
        accounts::assign_list(store.conn(), list.id, user.id)?;
        println!("assigned {} to {}", list.name, user.name);
    }
    Ok(())
}

#[derive(Args)]
pub struct AttemptsArgs {
    #[arg(long)]
    org: Option<String>,
    #[arg(long)]
    json: bool,
}

/// What the endpoint holds: every attempt of the organization.
pub fn attempts(data: &Path, args: AttemptsArgs) -> Result<()> {
    let store = open_store(data)?;
    let org = store.resolve_org(args.org.as_deref())?;
    let rows = records::org_attempts(store.conn(), org.id)?;
    if args.json {
        let out: Vec<serde_json::Value> = rows
            .iter()
            .map(|a| {
                serde_json::json!({
                    "id": a.id, "person": a.person_id, "household": a.household_id, "list": a.list_id,
                    "channel": a.channel, "result": a.result.code(), "barrier_language": a.result.barrier_language(),
                    "answers": a.answers, "note": a.note, "language_used": a.language_used,
                    "canvasser": a.canvasser, "device": a.device_id, "attempted_at": a.attempted_at,
                })
            })
            .collect();
        return print_json(&out);
    }
    for a in rows {
        println!("{}  {}  {}  {}", a.attempted_at.format("%Y-%m-%d %H:%M"), a.id, a.person_id.map(|p| p.to_string()).unwrap_or_default(), a.result.code());
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum ScriptCommand {
    /// Load or update a script file; its lists' devices get it at their next sync.
    Import {
        file: std::path::PathBuf,
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn script(data: &Path, cmd: ScriptCommand) -> Result<()> {
    let mut store = open_store(data)?;
    match cmd {
        ScriptCommand::Import { file, org, json } => {
            let org = store.resolve_org(org.as_deref())?;
            let text = std::fs::read_to_string(&file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let imported = doorstep_core::scripts::import(store.conn_mut(), org.id, &text, &file.display().to_string())?;
            if json {
                return print_json(&imported);
            }
            println!(
                "{} script {:?} for {:?}: version {}, {} languages, {} questions",
                if imported.changed { "loaded" } else { "unchanged:" },
                imported.script.name, imported.effort.name, imported.script.version,
                imported.script.texts.len(), imported.script.questions.len()
            );
            Ok(())
        }
    }
}

/// Revokes a device's token: its next sync is refused.
pub fn revoke(data: &Path, org: Option<&str>, device: &str) -> Result<()> {
    let store = open_store(data)?;
    let org = store.resolve_org(org)?;
    let id = uuid::Uuid::parse_str(device).map_err(|_| anyhow::anyhow!("{device:?} is not a device id"))?;
    accounts::revoke_device(store.conn(), org.id, id)?;
    println!("revoked device {id}");
    Ok(())
}

/// Deletes a person for good (a voter asked to be removed): a tombstone that
/// every device holding them receives, with identifying data erased.
pub fn delete_person(data: &Path, org: Option<&str>, person: &str) -> Result<()> {
    let mut store = open_store(data)?;
    let org = store.resolve_org(org)?;
    let id = uuid::Uuid::parse_str(person).map_err(|_| anyhow::anyhow!("{person:?} is not a person id"))?;
    doorstep_core::person::delete(store.conn_mut(), org.id, id).map_err(|e| match e {
        doorstep_core::Error::NotFound { .. } => anyhow::anyhow!("no person {id} in {}", org.name),
        e => e.into(),
    })?;
    println!("deleted person {id}");
    Ok(())
}

/// Drops change-log rows older than the tombstone window.
pub fn prune(data: &Path, org: Option<&str>, days: i64) -> Result<()> {
    let mut store = open_store(data)?;
    let org = store.resolve_org(org)?;
    let n = doorstep_core::sync::changes::prune(store.conn_mut(), org.id, chrono::Duration::days(days))?;
    println!("pruned {n} change(s) older than {days} day(s)");
    Ok(())
}
