//! Organizer and admin commands: a thin transport over the endpoint's
//! command surface ([`doorstep_core::endpoint::Endpoint::organize`]). Each
//! parses its arguments into one [`Organize`] command and prints the reply.
//! The command runs in process on the endpoint's store under `--data`, or,
//! with `--endpoint URL`, at a remote endpoint as an organizer's paired
//! device (its token in `DOORSTEP_TOKEN`), through `POST /v1/organize`.

use crate::print_json;
use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use doorstep_core::endpoint::{Caller, Organize, OrganizeReply};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where organizer commands run.
#[derive(Debug, Clone)]
pub enum Target {
    /// In process, on the endpoint's store in this folder.
    Local(PathBuf),
    /// At a remote endpoint, as the organizer whose device token this is.
    Remote { url: String, token: String },
}

impl Target {
    /// `--endpoint URL` (with `DOORSTEP_TOKEN`) or else `--data DIR`.
    pub fn new(data: &Path, endpoint: Option<&str>) -> Result<Target> {
        let Some(url) = endpoint else { return Ok(Target::Local(data.to_owned())) };
        let url = url.trim_end_matches('/').to_owned();
        doorstep_core::sync::client::check_url(&url).with_context(|| format!("--endpoint {url}"))?;
        let token = std::env::var("DOORSTEP_TOKEN").ok().filter(|t| !t.trim().is_empty()).ok_or_else(|| {
            anyhow::anyhow!("--endpoint needs an organizer's token in DOORSTEP_TOKEN; get one with `doorstep organizer-pair --endpoint {url} CODE`")
        })?;
        Ok(Target::Remote { url, token: token.trim().to_owned() })
    }
}

/// Runs one organizer command at `target`, in the organization named by
/// `org` (or the only one; a remote endpoint acts in the token's own).
pub fn organize(target: &Target, org: Option<&str>, cmd: Organize) -> Result<OrganizeReply> {
    match target {
        Target::Local(data) => {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
            runtime.block_on(async {
                let endpoint = doorstep_server::open_local(data)?;
                Ok(endpoint.organize(&Caller::Local { org: org.map(str::to_owned) }, cmd).await?)
            })
        }
        Target::Remote { url, token } => {
            let resp = http_client()?.post(format!("{url}/v1/organize")).bearer_auth(token).json(&cmd).send().map_err(|e| offline(url, e))?;
            answer(resp)
        }
    }
}

fn http_client() -> Result<reqwest::blocking::Client> {
    Ok(reqwest::blocking::Client::builder().timeout(std::time::Duration::from_secs(120)).build()?)
}

/// Nothing was written anywhere: the command can simply be run again.
fn offline(url: &str, e: reqwest::Error) -> anyhow::Error {
    anyhow::anyhow!("you are offline: {url} could not be reached ({e}); nothing was changed, run the command again when online")
}

/// The endpoint's answer, or its error as `code: message`.
fn answer<T: serde::de::DeserializeOwned>(resp: reqwest::blocking::Response) -> Result<T> {
    let status = resp.status();
    let text = resp.text()?;
    if status.is_success() {
        return serde_json::from_str(&text).with_context(|| format!("the endpoint's answer is not what this doorstep understands: {text:.200}"));
    }
    match serde_json::from_str::<doorstep_core::sync::proto::ErrorBody>(&text) {
        Ok(e) => anyhow::bail!("{}: {}", e.error, e.message),
        Err(_) => anyhow::bail!("the endpoint answered {status}"),
    }
}

/// Pairs this command line as an organizer's device of a remote endpoint,
/// and prints its token once, for `DOORSTEP_TOKEN`.
pub fn organizer_pair(endpoint: &str, code: &str, name: Option<String>, json: bool) -> Result<()> {
    let url = endpoint.trim_end_matches('/');
    doorstep_core::sync::client::check_url(url).with_context(|| format!("--endpoint {url}"))?;
    let req = doorstep_core::sync::proto::PairRequest { code: code.to_owned(), device_name: name.or(Some("command line".into())) };
    let resp = http_client()?.post(format!("{url}/v1/pair")).json(&req).send().map_err(|e| offline(url, e))?;
    let paired: doorstep_core::sync::proto::PairResponse = answer(resp)?;
    if !doorstep_core::endpoint::organizes(&paired.user.role) {
        eprintln!("warning: {} is a {}; organizer commands will be refused with this token", paired.user.name, paired.user.role);
    }
    if json {
        return print_json(&serde_json::json!({ "token": paired.token, "device_id": paired.device_id, "org": paired.org.name, "user": paired.user.name }));
    }
    println!("{}", paired.token);
    eprintln!("paired as {} of {}; export DOORSTEP_TOKEN with the line above (it is shown only once)", paired.user.name, paired.org.name);
    Ok(())
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
        OrganizeReply::Assignment(a) if a.assigned => {
            println!("assigned {} to {}", a.list_name, a.user_name);
            if !a.previous.is_empty() {
                let names: Vec<&str> = a.previous.iter().map(|h| h.name.as_str()).collect();
                println!("taken from {}: their devices drop it at their next sync, after sending what they recorded", names.join(", "));
            }
        }
        OrganizeReply::Cut(c) => println!("{} list(s)", c.lists.len()),
        OrganizeReply::Assignment(a) => println!("unassigned {} from {}", a.list_name, a.user_name),
        OrganizeReply::Attempts(rows) => rows.iter().for_each(|a| {
            println!("{}  {}  {}  {}", a.attempted_at, a.id, a.person.map(|p| p.to_string()).unwrap_or_default(), a.result)
        }),
        OrganizeReply::Script(s) => {
            println!(
                "{} script {:?} for {:?}: version {}, {} languages, {} questions",
                if s.changed { "published" } else { "unchanged:" },
                s.name, s.effort_name, s.version, s.languages.len(), s.questions
            );
            if !s.unreviewed.is_empty() {
                eprintln!("not yet reviewed by a speaker: {}", s.unreviewed.join(", "));
            }
        }
        OrganizeReply::Review(r) => {
            println!("{} of {:?} version {} reviewed by {}", r.language, r.script_name, r.version, r.reviewer);
            if !r.unreviewed.is_empty() {
                eprintln!("still to review: {}", r.unreviewed.join(", "));
            }
        }
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
fn run(target: &Target, org: Option<&str>, cmd: Organize, json: bool) -> Result<()> {
    print(&organize(target, org, cmd)?, json)
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

pub fn org(data: &Target, cmd: OrgCommand) -> Result<()> {
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

pub fn user(data: &Target, cmd: UserCommand) -> Result<()> {
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

pub fn pairing_code(data: &Target, args: PairingCodeArgs) -> Result<()> {
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

/// `list assign`: to reassign, assign again (the previous holder loses
/// it), unless `share`.
pub fn assign_at(target: &Target, org: Option<&str>, list: &str, user: &str, unassign: bool, share: bool, json: bool) -> Result<()> {
    let (list, user) = (list.to_owned(), user.to_owned());
    let cmd = if unassign { Organize::ListUnassign { list, user } } else { Organize::ListAssign { list, user, share } };
    run(target, org, cmd, json)
}

#[derive(Args)]
pub struct AttemptsArgs {
    #[arg(long)]
    org: Option<String>,
    #[arg(long)]
    json: bool,
}

/// What the endpoint holds: every attempt of the organization.
pub fn attempts(data: &Target, args: AttemptsArgs) -> Result<()> {
    run(data, args.org.as_deref(), Organize::Attempts, args.json)
}

#[derive(Subcommand)]
pub enum ScriptCommand {
    /// Publish a script file: refused, naming the language, message and
    /// variable, unless every language is complete; devices get it at their next sync.
    #[command(alias = "import")]
    Publish {
        file: std::path::PathBuf,
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Mark one language of a script's current version as reviewed by a speaker.
    Review {
        /// The script's name or id.
        #[arg(long)]
        script: String,
        #[arg(long)]
        language: String,
        /// Who reviewed it (a user who speaks the language), by name or id.
        #[arg(long)]
        reviewer: String,
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn script(data: &Target, cmd: ScriptCommand) -> Result<()> {
    match cmd {
        ScriptCommand::Publish { file, org, json } => {
            let text = std::fs::read_to_string(&file).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            run(data, org.as_deref(), Organize::ScriptImport { text, source: file.display().to_string() }, json)
        }
        ScriptCommand::Review { script, language, reviewer, org, json } => {
            run(data, org.as_deref(), Organize::ScriptReview { script, language, reviewer }, json)
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
pub fn devices(data: &Target, args: DevicesArgs) -> Result<()> {
    run(data, args.org.as_deref(), Organize::Devices { user: args.user }, args.json)
}

/// Revokes a device's token (by id or name): its next sync is refused.
pub fn revoke(data: &Target, org: Option<&str>, device: &str, json: bool) -> Result<()> {
    run(data, org, Organize::DeviceRevoke { device: device.to_owned() }, json)
}

/// Deletes a person for good (a voter asked to be removed): a tombstone that
/// every device holding them receives, with identifying data erased.
pub fn delete_person(data: &Target, org: Option<&str>, person: &str) -> Result<()> {
    let person = uuid::Uuid::parse_str(person.trim()).map_err(|_| anyhow::anyhow!("{person:?} is not a person id"))?;
    run(data, org, Organize::PersonDelete { person }, false)
}

/// Drops change-log rows older than the tombstone window.
pub fn prune(data: &Target, org: Option<&str>, days: i64) -> Result<()> {
    run(data, org, Organize::PruneChanges { older_than_days: days }, false)
}
