//! `doorstep`: the command-line face of Doorstep. Glue only: every command
//! parses its arguments, calls the core (or the endpoint), and prints.

mod admin;
mod bench;
mod bench_live;
mod bench_sync;
mod data;
mod demo;
mod device;
mod ui_http;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "doorstep", version, about = "Field canvassing and phone banking, offline-first and in every language")]
struct Cli {
    /// The organizer's store.
    #[arg(long, global = true, default_value = "./doorstep-data", env = "DOORSTEP_DATA")]
    data: PathBuf,
    /// Run organizer commands at this remote endpoint instead of on `--data`,
    /// as the organizer whose token is in DOORSTEP_TOKEN.
    #[arg(long, global = true, env = "DOORSTEP_ENDPOINT")]
    endpoint: Option<String>,
    /// More logging (repeat for more).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a synthetic voter file (deterministic for a seed; no real person).
    GenVoters(data::GenVotersArgs),
    /// Import a voter file: all of it, or nothing.
    Import(data::ImportArgs),
    /// Find people by name (any script), phone or address.
    Search(data::SearchArgs),
    /// Make, show and assign lists.
    #[command(subcommand)]
    List(data::ListCommand),
    /// Measure import, search or sync speed on generated data.
    Bench(bench::BenchArgs),
    /// Run the central endpoint.
    Serve(ServeArgs),
    /// Organizations (tenants).
    #[command(subcommand)]
    Org(admin::OrgCommand),
    /// Users: organizers, canvassers, phone bankers.
    #[command(subcommand)]
    User(admin::UserCommand),
    /// Make a one-time pairing code for a user's device.
    PairingCode(admin::PairingCodeArgs),
    /// A canvasser's device, without a window.
    Device(device::DeviceArgs),
    /// The attempts the endpoint holds.
    Attempts(admin::AttemptsArgs),
    /// Load a script and its survey (a TOML file, every language side by side).
    #[command(subcommand)]
    Script(admin::ScriptCommand),
    /// The organization's devices, by user and name, with each one's last sync.
    Devices(admin::DevicesArgs),
    /// Revoke a device's token (a lost or stolen phone), by its name or id.
    DeviceRevoke {
        device: String,
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Delete a person for good; devices holding them receive a tombstone.
    PersonDelete {
        person: String,
        #[arg(long)]
        org: Option<String>,
    },
    /// Prune the change log past the tombstone window; devices older than it re-snapshot.
    PruneChanges {
        #[arg(long, default_value_t = 30)]
        older_than_days: i64,
        #[arg(long)]
        org: Option<String>,
    },
    /// Pair this command line as an organizer's device of a remote endpoint
    /// (`--endpoint URL`); prints the token for DOORSTEP_TOKEN, once.
    OrganizerPair {
        code: String,
        /// What organizers will see this pairing called.
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Fill an empty store with a demo organization from generated voters.
    Demo(demo::DemoArgs),
}

#[derive(clap::Args)]
struct ServeArgs {
    #[arg(long, default_value = "127.0.0.1:8480")]
    listen: std::net::SocketAddr,
    #[arg(long)]
    tls_cert: Option<PathBuf>,
    #[arg(long)]
    tls_key: Option<PathBuf>,
    /// Open connections at most (default 1024); for tests.
    #[arg(long, hide = true)]
    max_connections: Option<usize>,
    /// Milliseconds to send a request's headers (default 15 s); for tests.
    #[arg(long, hide = true)]
    header_timeout_ms: Option<u64>,
    /// Milliseconds a request body may stall (default 30 s); for tests.
    #[arg(long, hide = true)]
    body_stall_ms: Option<u64>,
    /// Milliseconds for a whole request (default 120 s); for tests.
    #[arg(long, hide = true)]
    request_timeout_ms: Option<u64>,
    /// Wrong pairing codes per source address, BURST/SECONDS (default 20/3); for tests.
    #[arg(long, hide = true)]
    pair_per_source: Option<doorstep_server::limits::Quota>,
    /// Wrong pairing codes overall, BURST/SECONDS (default 100/1); for tests.
    #[arg(long, hide = true)]
    pair_overall: Option<doorstep_server::limits::Quota>,
}

impl ServeArgs {
    fn limits(&self) -> doorstep_server::Limits {
        let ms = std::time::Duration::from_millis;
        let d = doorstep_server::Limits::default();
        doorstep_server::Limits {
            header_read: self.header_timeout_ms.map_or(d.header_read, ms),
            body_stall: self.body_stall_ms.map_or(d.body_stall, ms),
            request: self.request_timeout_ms.map_or(d.request, ms),
            max_connections: self.max_connections.unwrap_or(d.max_connections),
            pair_per_source: self.pair_per_source.unwrap_or(d.pair_per_source),
            pair_overall: self.pair_overall.unwrap_or(d.pair_overall),
        }
    }
}

fn main() {
    let cli = Cli::parse();
    init_tracing(cli.verbose);
    if let Err(err) = run(cli) {
        // Import rejections print their own detailed report.
        eprintln!("error: {err:#}");
        std::process::exit(1);
    }
}

fn init_tracing(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("DOORSTEP_LOG").unwrap_or_else(|_| default.into());
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
}

fn run(cli: Cli) -> Result<()> {
    let target = || admin::Target::new(&cli.data, cli.endpoint.as_deref());
    match cli.command {
        Command::GenVoters(args) => data::gen_voters(args),
        Command::Import(args) => data::import(&cli.data, args),
        Command::Search(args) => data::search(&cli.data, args),
        Command::List(cmd) => data::list(&cli.data, &target()?, cmd),
        Command::Bench(args) => bench::run(args),
        Command::Serve(args) => {
            let limits = args.limits();
            let config = doorstep_server::ServeConfig { data: cli.data, listen: args.listen, tls_cert: args.tls_cert, tls_key: args.tls_key, limits };
            tokio::runtime::Runtime::new()?.block_on(doorstep_server::serve(config))
        }
        Command::Org(cmd) => admin::org(&target()?, cmd),
        Command::User(cmd) => admin::user(&target()?, cmd),
        Command::PairingCode(args) => admin::pairing_code(&target()?, args),
        Command::OrganizerPair { code, name, json } => {
            let endpoint = cli.endpoint.as_deref().ok_or_else(|| anyhow::anyhow!("organizer-pair needs --endpoint URL"))?;
            admin::organizer_pair(endpoint, &code, name, json)
        }
        Command::Device(args) => device::run(args),
        Command::Attempts(args) => admin::attempts(&target()?, args),
        Command::Script(cmd) => admin::script(&target()?, cmd),
        Command::Demo(args) => demo::run(&cli.data, args),
        Command::Devices(args) => admin::devices(&target()?, args),
        Command::DeviceRevoke { device, org, json } => admin::revoke(&target()?, org.as_deref(), &device, json),
        Command::PersonDelete { person, org } => admin::delete_person(&target()?, org.as_deref(), &person),
        Command::PruneChanges { older_than_days, org } => admin::prune(&target()?, org.as_deref(), older_than_days),
    }
}

/// Opens the organizer's store under `--data`.
fn open_store(data: &std::path::Path) -> Result<doorstep_core::Store> {
    doorstep_core::Store::open(&data.join("doorstep.db")).with_context(|| format!("opening the store in {}", data.display()))
}

/// Prints one JSON value on stdout, for scripts.
fn print_json<T: serde::Serialize>(value: &T) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// The peak resident memory of this process so far, from the kernel's own
/// accounting; None off Linux.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
