//! The organizer's data commands: generate, import, search, lists.

use crate::{open_store, peak_memory_mb, print_json};
use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use doorstep_core::domain::ListKind;
use doorstep_core::import::{ImportOptions, LayoutKind, Mapping};
use doorstep_core::{Error, lists, search};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct GenVotersArgs {
    #[arg(long)]
    count: u64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// ncvoter, csv, or a state's published layout: ca, co, de, fl, mi, ny,
    /// nj, oh, ok, pa, tx, ut, vt, wa.
    #[arg(long, default_value = "ncvoter", value_parser = clap::value_parser!(doorstep_gen::Layout))]
    layout: doorstep_gen::Layout,
    #[arg(long)]
    out: PathBuf,
}

pub fn gen_voters(args: GenVotersArgs) -> Result<()> {
    let layout = args.layout;
    let file = std::fs::File::create(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let out = std::io::BufWriter::with_capacity(1 << 20, file);
    let rows = doorstep_gen::write_voters(&doorstep_gen::GenOptions { count: args.count, seed: args.seed, layout }, out)
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {rows} voters to {}", args.out.display());
    Ok(())
}

#[derive(Args)]
pub struct ImportArgs {
    file: PathBuf,
    /// Organization id or name; may be left out while the store holds one.
    #[arg(long)]
    org: Option<String>,
    /// The file's layout when it cannot be recognized (a headerless file):
    /// csv, ncvoter, or a state's code (fl, ny, pa, nj, ...).
    #[arg(long)]
    layout: Option<String>,
    /// A TOML file naming which column holds which field.
    #[arg(long)]
    mapping: Option<PathBuf>,
    /// Import the good rows; write the rejected ones, with reasons, to a side file.
    #[arg(long)]
    skip_bad_rows: bool,
    /// Where rejected rows go (default: FILE.rejected.csv).
    #[arg(long)]
    rejects: Option<PathBuf>,
    /// Show the layout recognized, what each column becomes and the first
    /// rows as they would be stored; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// How many rows --dry-run shows.
    #[arg(long, default_value_t = 5, requires = "dry_run")]
    rows: usize,
    #[arg(long)]
    json: bool,
}

pub fn import(data: &Path, args: ImportArgs) -> Result<()> {
    let mapping = match &args.mapping {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            Some(Mapping::parse(&text, &path.display().to_string()).map_err(anyhow::Error::msg)?)
        }
        None => None,
    };
    let opts = ImportOptions {
        layout: args.layout.as_deref().map(|l| l.parse::<LayoutKind>()).transpose().map_err(anyhow::Error::msg)?,
        mapping,
        skip_bad_rows: args.skip_bad_rows,
        rejects_path: args.rejects.clone(),
        max_errors: None,
    };
    if args.dry_run {
        // Before the store is opened: a preview neither makes nor touches one.
        return match doorstep_core::import::preview(&args.file, &opts, args.rows) {
            Ok(preview) if args.json => print_json(&preview),
            Ok(preview) => {
                print_preview(&preview);
                Ok(())
            }
            Err(Error::Import(rejection)) => rejected(&rejection, args.json),
            Err(e) => Err(e.into()),
        };
    }
    let mut store = open_store(data)?;
    let default_org = "My organization";
    let org = store.org_for_import(args.org.as_deref(), default_org)?;

    let bar = ProgressBar::new(std::fs::metadata(&args.file).map(|m| m.len()).unwrap_or(0));
    bar.set_style(
        ProgressStyle::with_template("{spinner} importing {msg} [{bar:30}] {bytes}/{total_bytes} ({eta})")
            .expect("static template")
            .progress_chars("=> "),
    );
    bar.set_message(args.file.display().to_string());
    let result = doorstep_core::import::import_file(&mut store, &org, &args.file, &opts, &mut |p| {
        bar.set_position(p.bytes);
    });
    bar.finish_and_clear();
    match result {
        Ok(summary) => {
            if args.json {
                let mut value = serde_json::to_value(&summary)?;
                value["peak_memory_mb"] = serde_json::json!(peak_memory_mb());
                print_json(&value)?;
            } else {
                println!(
                    "imported {} rows into {}: {} people new, {} updated, {} new households, {} rejected ({:.0} rows/s)",
                    summary.rows, summary.organization, summary.people_created, summary.people_updated,
                    summary.households_created, summary.rejected, summary.rows_per_second
                );
                if let Some(f) = &summary.rejects_file {
                    println!("rejected rows and their reasons: {f}");
                }
                if summary.warnings > 0 {
                    let kinds: Vec<String> = summary.warnings_by_kind.iter().map(|(k, n)| format!("{n} {k}")).collect();
                    println!("{} value(s) kept as written or left out ({}); the first:", summary.warnings, kinds.join(", "));
                    for w in &summary.first_warnings {
                        println!("  {}: {w}", summary.file);
                    }
                }
            }
            Ok(())
        }
        Err(Error::Import(rejection)) => rejected(&rejection, args.json),
        Err(e) => Err(e.into()),
    }
}

/// Reports a rejected file and exits non-zero.
fn rejected(rejection: &doorstep_core::import::ImportError, json: bool) -> Result<()> {
    if json {
        print_json(&serde_json::json!({ "error": "rejected", "file": rejection.file,
            "problems": rejection.problems, "truncated": rejection.truncated }))?;
    }
    eprint!("{rejection}");
    std::process::exit(1);
}

fn print_preview(p: &doorstep_core::import::Preview) {
    use doorstep_core::import::ColumnUse;
    let header = if p.layout.has_header { "a header row" } else { "no header row" };
    println!("{}: layout {} ({}), {header}", p.file, p.layout.layout, p.layout.description);
    println!("columns:");
    for c in p.layout.columns.iter().chain(&p.layout.extra) {
        let role = match &c.role {
            ColumnUse::Field(f) => f.name().to_owned(),
            ColumnUse::VoterId(scheme) => format!("voter id ({scheme})"),
            ColumnUse::Mailing => "ignored: mailing address (the residential address is the door)".to_owned(),
            ColumnUse::Ignored => "ignored".to_owned(),
        };
        println!("  {:>3}  {:<28} {role}", c.index + 1, c.header);
    }
    if !p.ignored.is_empty() {
        println!("ignored: {}", p.ignored.join(", "));
    }
    println!("the first {} row(s) as they would be stored:", p.rows.len());
    for r in &p.rows {
        println!("  line {}: {}", r.line, r.name);
        println!("    {}, {}  (door {})", r.address, r.city_line, r.household_key);
        let mut facts = Vec::new();
        if let Some((scheme, id)) = &r.voter_id {
            facts.push(format!("voter id {id} ({scheme})"));
        }
        if !r.phones.is_empty() {
            facts.push(format!("phones {}", r.phones.join(", ")));
        }
        if !r.emails.is_empty() {
            facts.push(format!("emails {}", r.emails.join(", ")));
        }
        if let Some(year) = r.birth_year {
            facts.push(format!("born {year}"));
        }
        if !r.party.is_empty() {
            facts.push(format!("party {}", r.party));
        }
        if !facts.is_empty() {
            println!("    {}", facts.join("; "));
        }
        for w in &r.warnings {
            println!("    warning: {w}");
        }
    }
    for problem in &p.problems {
        let column = problem.column.as_ref().map(|(n, name)| format!(": column {n} ({name})")).unwrap_or_default();
        println!("  line {}{column}: {} (this would reject the file, or the row with --skip-bad-rows)", problem.line, problem.message);
    }
    println!("nothing was written (--dry-run)");
}

#[derive(Args)]
pub struct SearchArgs {
    query: String,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long)]
    org: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn search(data: &Path, args: SearchArgs) -> Result<()> {
    let store = open_store(data)?;
    let org = store.resolve_org(args.org.as_deref())?;
    let people = search::search(store.conn(), org.id, &args.query, args.limit)?;
    if args.json {
        return print_json(&people);
    }
    if people.is_empty() {
        println!("no one matches {:?}", args.query);
    }
    for p in people {
        let native = if p.native_name.is_empty() { String::new() } else { format!(" ({})", p.native_name) };
        println!("{} {}{native}  {}, {}  {}", p.given_name, p.family_name, p.address.line(), p.address.city,
            p.phones.first().map(String::as_str).unwrap_or(""));
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum ListCommand {
    /// Cut a list from the voter file.
    Create {
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "walk", value_parser = ["walk", "call"])]
        kind: String,
        #[arg(long)]
        precinct: Option<String>,
        /// At most this many people (a walk list keeps households whole).
        #[arg(long)]
        limit: Option<usize>,
        /// The effort whose script and survey the list uses (id or name).
        #[arg(long)]
        effort: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Cut lists by precinct, ZIP, street, language, distance and whether
    /// people were tried yet: one list of at most --max-doors doors, or with
    /// --split every matching door in walkable turfs of at most that many.
    Cut(CutArgs),
    /// Give a list to a canvasser or phone banker (their devices receive
    /// it). Whoever held it before loses it: to reassign, assign again.
    Assign {
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        list: String,
        #[arg(long)]
        user: String,
        /// Give it to this user as well, keeping it with those who hold it
        /// (two canvassers walking one turf together).
        #[arg(long, conflicts_with = "unassign")]
        share: bool,
        /// Take it back instead; their devices purge it at the next sync.
        #[arg(long)]
        unassign: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show a list's doors in walk order.
    Show {
        #[arg(long)]
        org: Option<String>,
        list: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn list(data: &Path, target: &crate::admin::Target, cmd: ListCommand) -> Result<()> {
    // Cutting and assigning go through the endpoint's command surface (and
    // so also to a remote endpoint); the rest still reads the store here.
    let cmd = match cmd {
        ListCommand::Cut(args) => return cut(target, args),
        ListCommand::Assign { org, list, user, share, unassign, json } => {
            return crate::admin::assign_at(target, org.as_deref(), &list, &user, unassign, share, json);
        }
        other => other,
    };
    let mut store = open_store(data)?;
    match cmd {
        ListCommand::Create { org, name, kind, precinct, limit, effort, json } => {
            let org = store.resolve_org(org.as_deref())?;
            let kind: ListKind = kind.parse().map_err(|e: doorstep_core::domain::UnknownCode| anyhow::anyhow!(e))?;
            let effort_id = effort.map(|e| doorstep_core::scripts::resolve_effort(store.conn(), org.id, &e)).transpose()?.map(|e| e.id);
            let spec = lists::ListSpec { name, kind, precinct, limit, effort_id };
            let created = lists::create(store.conn_mut(), org.id, &spec)?;
            if json {
                print_json(&created)
            } else {
                println!("made list {} ({}): {} people at {} doors", created.list.name, created.list.id, created.people, created.doors);
                Ok(())
            }
        }
        ListCommand::Cut(_) | ListCommand::Assign { .. } => unreachable!("answered above"),
        ListCommand::Show { org, list, json } => {
            let org = store.resolve_org(org.as_deref())?;
            let list = lists::resolve(store.conn(), org.id, &list)?;
            let doors = lists::doors(store.conn(), org.id, list.id)?;
            if json {
                return print_json(&doors);
            }
            if doors.is_empty() {
                bail!("list {} has no doors", list.name);
            }
            for (i, d) in doors.iter().enumerate() {
                let names: Vec<String> = d.people.iter().map(|p| format!("{} {}", p.given_name, p.family_name)).collect();
                println!("{:>4}. {}  {}", i + 1, d.household.address.line(), names.join(", "));
            }
            Ok(())
        }
    }
}

#[derive(Args)]
pub struct CutArgs {
    #[arg(long)]
    org: Option<String>,
    /// The list's name; with --split the turfs are "NAME 1", "NAME 2", ...
    #[arg(long)]
    name: String,
    #[arg(long)]
    precinct: Option<String>,
    /// A five-digit ZIP code.
    #[arg(long)]
    zip: Option<String>,
    /// A street as written ("Main St", "north main street").
    #[arg(long)]
    street: Option<String>,
    /// People who prefer or speak this language (a tag such as vi or
    /// zh-Hant, or a name such as Vietnamese).
    #[arg(long)]
    language: Option<String>,
    /// Doors within --radius-m metres of this point (doors without
    /// coordinates are left out).
    #[arg(long, value_name = "LAT,LON", value_parser = parse_near, requires = "radius_m")]
    near: Option<(f64, f64)>,
    #[arg(long, value_name = "METRES", value_parser = parse_radius, requires = "near")]
    radius_m: Option<f64>,
    /// At most this many doors a list (what one canvasser walks in a shift).
    #[arg(long, default_value_t = lists::cut::DEFAULT_MAX_DOORS as u32, value_parser = clap::value_parser!(u32).range(1..))]
    max_doors: u32,
    /// Cut every matching door into turfs of at most --max-doors each.
    #[arg(long)]
    split: bool,
    /// A call list holds only people with a phone.
    #[arg(long, default_value = "walk", value_parser = ["walk", "call"])]
    kind: String,
    /// The effort whose script and survey the lists use (id or name).
    #[arg(long)]
    effort: Option<String>,
    /// Only people not yet tried in --effort (no attempt in it).
    #[arg(long, requires = "effort")]
    not_contacted: bool,
    /// Show the lists' doors and people; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print each list's id (null on a dry run), name, doors and people.
    #[arg(long)]
    json: bool,
}

/// "35.7796,-78.6382" as latitude and longitude in degrees.
fn parse_near(s: &str) -> std::result::Result<(f64, f64), String> {
    let usage = "expected LAT,LON in decimal degrees, such as 35.7796,-78.6382";
    let (lat, lon) = s.split_once(',').ok_or_else(|| format!("{s:?}: {usage}"))?;
    let number = |v: &str| v.trim().parse::<f64>().ok().filter(|n| n.is_finite());
    let (Some(lat), Some(lon)) = (number(lat), number(lon)) else { return Err(format!("{s:?}: {usage}")) };
    if !(-90.0..=90.0).contains(&lat) {
        return Err(format!("latitude {lat} is not between -90 and 90 ({usage})"));
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(format!("longitude {lon} is not between -180 and 180 ({usage})"));
    }
    Ok((lat, lon))
}

fn parse_radius(s: &str) -> std::result::Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(m) if m.is_finite() && m > 0.0 => Ok(m),
        _ => Err(format!("{s:?}: expected a distance in metres above 0, such as 800")),
    }
}

/// `list cut`: one `list_cut` command of the endpoint's surface.
fn cut(target: &crate::admin::Target, args: CutArgs) -> Result<()> {
    use doorstep_core::endpoint::api::{CutArgs as Cut, NearArgs};
    let near = match (args.near, args.radius_m) {
        (Some((latitude, longitude)), Some(radius_m)) => Some(NearArgs { latitude, longitude, radius_m }),
        _ => None,
    };
    let cut = Cut {
        name: args.name,
        kind: Some(args.kind),
        precinct: args.precinct,
        zip: args.zip,
        street: args.street,
        language: args.language,
        near,
        not_contacted: args.not_contacted,
        max_doors: Some(args.max_doors),
        split: args.split,
        effort: args.effort,
        dry_run: args.dry_run,
    };
    let reply = crate::admin::organize(target, args.org.as_deref(), doorstep_core::endpoint::Organize::ListCut { cut })?;
    let doorstep_core::endpoint::OrganizeReply::Cut(made) = reply else { anyhow::bail!("the endpoint answered something else than a cut") };
    for w in &made.warnings {
        eprintln!("warning: {w}");
    }
    if args.json {
        let out: Vec<serde_json::Value> = made
            .lists
            .iter()
            .map(|l| serde_json::json!({ "id": l.id, "name": l.name, "kind": l.kind, "doors": l.doors, "people": l.people }))
            .collect();
        return print_json(&out);
    }
    let verb = if args.dry_run { "would make" } else { "made" };
    for l in &made.lists {
        let id = l.id.map(|id| format!(" ({id})")).unwrap_or_default();
        println!("{verb} list {}{id}: {} doors, {} people", l.name, l.doors, l.people);
    }
    if !made.lists.is_empty() {
        let (doors, people) = made.lists.iter().fold((0, 0), |(d, p), l| (d + l.doors, p + l.people));
        println!("{} list(s), {doors} doors, {people} people in all", made.lists.len());
    }
    if args.dry_run {
        println!("nothing was written (--dry-run)");
    }
    Ok(())
}
