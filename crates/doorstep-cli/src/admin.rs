//! Organizer and admin commands: a thin transport over the endpoint's
//! command surface ([`doorstep_core::endpoint::Endpoint::organize`]), run in
//! process on the endpoint's store under `--data`. Each parses its
//! arguments into one [`Organize`] command and prints the reply.

use crate::print_json;
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use doorstep_core::endpoint::{Caller, Organize, OrganizeReply};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Runs one organizer command on the endpoint's store in `data`, in the
/// organization named by `org` (or the only one).
pub fn organize(data: &Path, org: Option<&str>, cmd: Organize) -> Result<OrganizeReply> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        let endpoint = doorstep_server::open_local(data)?;
        Ok(endpoint.organize(&Caller::Local { org: org.map(str::to_owned) }, cmd).await?)
    })
}

/// Prints a reply: its data as JSON with `--json`, else a line per row.
fn print(reply: &OrganizeReply, json: bool) -> Result<()> {
    if json {
        return print_json(&reply.data());
    }
    match reply {
        OrganizeReply::Orgs(orgs) => orgs.iter().for_each(|o| println!("{}  {}", o.id, o.name)),
        OrganizeReply::Org(o) => println!("made organization {} ({})", o.name, o.id),
        OrganizeReply::Users(users) => {
            users.iter().for_each(|u| println!("{}  {:<14} {}  {}", u.id, u.role, u.name, u.languages.join(",")))
        }
        OrganizeReply::User(u) => println!("added {} ({}) as {}", u.name, u.id, u.role),
        OrganizeReply::PairingCode(code) => {
            println!("{}", code.code);
            if let Some(qr) = &code.qr_payload {
                eprintln!("QR payload: {qr}");
            }
            eprintln!("for {}; valid once, until {}", code.user_name, code.expires_at);
        }
        OrganizeReply::Assignment(a) if a.assigned => println!("assigned {} to {}", a.list_name, a.user_name),
        OrganizeReply::Assignment(a) => println!("unassigned {} from {}", a.list_name, a.user_name),
        OrganizeReply::Attempts(rows) => rows.iter().for_each(|a| {
            println!("{}  {}  {}  {}", a.attempted_at, a.id, a.person.map(|p| p.to_string()).unwrap_or_default(), a.result)
        }),
        OrganizeReply::Script(s) => println!(
            "{} script {:?} for {:?}: version {}, {} languages, {} questions",
            if s.changed { "loaded" } else { "unchanged:" },
            s.name, s.effort_name, s.version, s.languages.len(), s.questions
        ),
        OrganizeReply::Devices(devices) => devices.iter().for_each(|d| {
            let state = match (&d.revoked_at, &d.last_seen_at) {
                (Some(at), _) => format!("revoked {at}"),
                (None, Some(at)) => format!("last sync {at}"),
                (None, None) => "never synced".to_owned(),
            };
            println!("{}  {:<24} {:<16} {state}", d.id, d.name, d.user_name)
        }),
        OrganizeReply::Device(d) => println!("revoked {} ({}) of {}", d.name, d.id, d.user_name),
        OrganizeReply::PersonDeleted { person } => println!("deleted person {person}"),
        OrganizeReply::Pruned { changes } => println!("pruned {changes} change(s)"),
    }
    Ok(())
}

/// Runs `cmd` and prints its reply.
fn run(data: &Path, org: Option<&str>, cmd: Organize, json: bool) -> Result<()> {
    print(&organize(data, org, cmd)?, json)
}

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
    match cmd {
        OrgCommand::Create { name, json } => run(data, None, Organize::OrgCreate { name }, json),
        OrgCommand::List { json } => run(data, None, Organize::Orgs, json),
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
    /// The organization's users, with their roles and languages.
    List {
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn user(data: &Path, cmd: UserCommand) -> Result<()> {
    match cmd {
        UserCommand::Add { org, name, role, speaks, json } => run(data, org.as_deref(), Organize::UserAdd { name, role, speaks }, json),
        UserCommand::List { org, json } => run(data, org.as_deref(), Organize::Users, json),
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
    // The image's file is made before the code, so a folder that cannot
    // take it leaves no code nobody was given.
    let tmp = args.qr.as_deref().map(|file| {
        let dir = match file.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        tempfile::NamedTempFile::new_in(dir).with_context(|| format!("--qr {}: cannot write in its folder", file.display()))
    });
    let tmp = tmp.transpose()?;
    let cmd = Organize::PairingCode { user: args.user, url: args.url, qr_svg: args.qr.is_some() };
    let reply = organize(data, args.org.as_deref(), cmd)?;
    let OrganizeReply::PairingCode(code) = &reply else { anyhow::bail!("the endpoint answered something else than a pairing code") };
    if let (Some(mut tmp), Some(file), Some(svg)) = (tmp, &args.qr, &code.qr_svg) {
        tmp.write_all(svg.as_bytes()).with_context(|| format!("--qr {}: cannot write", file.display()))?;
        tmp.persist(file).with_context(|| format!("--qr {}: cannot write", file.display()))?;
    }
    if args.json {
        let mut out = reply.data();
        out.as_object_mut().map(|o| o.remove("qr_svg"));
        if let Some(file) = &args.qr {
            out["qr_file"] = file.display().to_string().into();
        }
        return print_json(&out);
    }
    print(&reply, false)?;
    if let Some(file) = &args.qr {
        eprintln!("QR code image: {}", file.display());
    }
    Ok(())
}

pub fn assign(data: &Path, org: Option<&str>, list: &str, user: &str, unassign: bool) -> Result<()> {
    let (list, user) = (list.to_owned(), user.to_owned());
    let cmd = if unassign { Organize::ListUnassign { list, user } } else { Organize::ListAssign { list, user } };
    run(data, org, cmd, false)
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
    run(data, args.org.as_deref(), Organize::Attempts, args.json)
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
    match cmd {
        ScriptCommand::Import { file, org, json } => {
            let text = std::fs::read_to_string(&file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            run(data, org.as_deref(), Organize::ScriptImport { text, source: file.display().to_string() }, json)
        }
    }
}

#[derive(Args)]
pub struct DevicesArgs {
    #[arg(long)]
    org: Option<String>,
    /// Only this user's devices (a name or id).
    #[arg(long)]
    user: Option<String>,
    #[arg(long)]
    json: bool,
}

/// The organization's devices, by user and name, with each one's last sync.
pub fn devices(data: &Path, args: DevicesArgs) -> Result<()> {
    run(data, args.org.as_deref(), Organize::Devices { user: args.user }, args.json)
}

/// Revokes a device's token (by id or name): its next sync is refused.
pub fn revoke(data: &Path, org: Option<&str>, device: &str, json: bool) -> Result<()> {
    run(data, org, Organize::DeviceRevoke { device: device.to_owned() }, json)
}

/// Deletes a person for good (a voter asked to be removed): a tombstone that
/// every device holding them receives, with identifying data erased.
pub fn delete_person(data: &Path, org: Option<&str>, person: &str) -> Result<()> {
    let person = uuid::Uuid::parse_str(person.trim()).map_err(|_| anyhow::anyhow!("{person:?} is not a person id"))?;
    run(data, org, Organize::PersonDelete { person }, false)
}

/// Drops change-log rows older than the tombstone window.
pub fn prune(data: &Path, org: Option<&str>, days: i64) -> Result<()> {
    run(data, org, Organize::PruneChanges { older_than_days: days }, false)
}
