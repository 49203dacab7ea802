//! `doorstep bench`: the speed and memory figures the README quotes, each
//! measured against its reference in the same run.

use crate::print_json;
use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use doorstep_core::Store;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

#[derive(Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    what: BenchWhat,
}

#[derive(Subcommand)]
enum BenchWhat {
    /// Import a generated voter file; compare with sqlite3's `.import`.
    Import {
        #[arg(long, default_value_t = 1_000_000)]
        count: u64,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        #[arg(long)]
        json: bool,
    },
    /// Name, phone and address search latency over a generated store.
    Search {
        #[arg(long, default_value_t = 1_000_000)]
        count: u64,
        #[arg(long, default_value_t = 2000)]
        queries: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        #[arg(long)]
        json: bool,
    },
    /// Push, first pull, the end-of-shift storm, and PouchDB side by side.
    Sync(crate::bench_sync::SyncBenchArgs),
    /// Push latency and failures while a large import runs into the live store.
    ImportLive(crate::bench_live::ImportLiveArgs),
    /// `list cut --split` of a generated organization into turfs, beside a
    /// plain SELECT of the same filter.
    ListCut(ListCutArgs),
}

#[derive(Args)]
pub struct ListCutArgs {
    /// People in the generated organization.
    #[arg(long, alias = "count", default_value_t = 1_000_000)]
    voters: u64,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    #[arg(long, default_value_t = 50)]
    max_doors: usize,
    /// Cut only people who prefer or speak this language (default: everyone).
    #[arg(long)]
    language: Option<String>,
    /// Times each step runs; the medians are reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    #[arg(long)]
    json: bool,
}

pub fn run(args: BenchArgs) -> Result<()> {
    match args.what {
        BenchWhat::Sync(args) => crate::bench_sync::run(args),
        BenchWhat::ImportLive(args) => crate::bench_live::run(args),
        BenchWhat::Import { count, seed, json } => import(count, seed, json),
        BenchWhat::Search { count, queries, seed, json } => search(count, queries, seed, json),
        BenchWhat::ListCut(args) => list_cut(args),
    }
}

fn generate(dir: &Path, count: u64, seed: u64, layout: doorstep_gen::Layout) -> Result<std::path::PathBuf> {
    let path = dir.join("voters.txt");
    let out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&path)?);
    doorstep_gen::write_voters(&doorstep_gen::GenOptions { count, seed, layout }, out)?;
    Ok(path)
}

/// Imports `file` with this very binary in a child process, so its peak
/// memory is the import's alone.
fn child_import(data: &Path, file: &Path) -> Result<(f64, serde_json::Value)> {
    let exe = std::env::current_exe()?;
    let started = Instant::now();
    let out = Command::new(exe).arg("--data").arg(data).arg("import").arg(file).arg("--json").output()?;
    let seconds = started.elapsed().as_secs_f64();
    if !out.status.success() {
        bail!("import failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok((seconds, serde_json::from_slice(&out.stdout)?))
}

fn import(count: u64, seed: u64, json: bool) -> Result<()> {
    let dir = tempfile_dir()?;
    eprintln!("generating {count} voters…");
    let file = generate(dir.path(), count, seed, doorstep_gen::Layout::Ncvoter)?;
    let bytes = std::fs::metadata(&file)?.len();

    // The reference: sqlite3 loading the same file into a plain table.
    eprintln!("sqlite3 .import…");
    let plain = dir.path().join("plain.db");
    let started = Instant::now();
    let status = Command::new("sqlite3")
        .arg(&plain)
        .arg(".mode tabs")
        .arg(format!(".import {} voters", file.display()))
        .status()
        .context("running sqlite3 (apt-get install sqlite3)")?;
    let sqlite_seconds = started.elapsed().as_secs_f64();
    if !status.success() {
        bail!("sqlite3 .import failed");
    }

    eprintln!("doorstep import…");
    let (seconds, summary) = child_import(&dir.path().join("store"), &file)?;
    let rows = summary["rows"].as_u64().unwrap_or(0);
    let rate = rows as f64 / seconds;
    let ratio = seconds / sqlite_seconds;
    let peak = summary["peak_memory_mb"].as_f64().unwrap_or(f64::NAN);
    let report = serde_json::json!({
        "rows": rows, "file_bytes": bytes,
        "doorstep_seconds": seconds, "rows_per_second": rate,
        "sqlite3_import_seconds": sqlite_seconds, "ratio_to_sqlite3": ratio,
        "peak_memory_mb": peak,
        "targets": { "rows_per_second_at_least_200000": rate >= 200_000.0,
                     "ratio_at_most_3": ratio <= 3.0, "peak_memory_at_most_200_mb": peak <= 200.0 },
    });
    if json {
        return print_json(&report);
    }
    println!("import of {rows} rows ({:.0} MB):", bytes as f64 / 1e6);
    println!("  doorstep import    {seconds:>7.2} s  {rate:>9.0} rows/s  (target ≥ 200000)");
    println!("  sqlite3 .import    {sqlite_seconds:>7.2} s  (plain table, same file)");
    println!("  ratio              {ratio:>7.2}×  (target ≤ 3×)");
    println!("  peak memory        {peak:>7.1} MB (target ≤ 200 MB)");
    Ok(())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn search(count: u64, queries: usize, seed: u64, json: bool) -> Result<()> {
    let dir = tempfile_dir()?;
    eprintln!("generating and importing {count} voters…");
    // The California layout carries names in their own scripts, which the
    // substring queries need.
    let file = generate(dir.path(), count, seed, doorstep_gen::Layout::Csv)?;
    child_import(&dir.path().join("store"), &file)?;
    let store = Store::open(&dir.path().join("store").join("doorstep.db"))?;
    let org = store.resolve_org(None)?;

    // Queries a canvasser or organizer would type, drawn from the same voters:
    // family-name prefixes, whole given names, names in their own script
    // (a substring), and phone numbers.
    let mut qs: Vec<(&'static str, String)> = Vec::with_capacity(queries);
    for (i, v) in doorstep_gen::voters(seed).take(count.min(200_000) as usize).enumerate() {
        if qs.len() >= queries {
            break;
        }
        let q = match i % 4 {
            0 => ("family prefix", v.family_name.chars().take(3).collect::<String>()),
            1 => ("given + family", format!("{} {}", v.given_name, v.family_name)),
            2 if !v.native_name.is_empty() => {
                let chars: Vec<char> = v.native_name.chars().filter(|c| !c.is_whitespace()).collect();
                ("native substring", chars.iter().skip(1).take(2).collect())
            }
            3 if !v.phone.is_empty() => ("phone", v.phone.clone()),
            _ => ("family name", v.family_name.clone()),
        };
        if !q.1.trim().is_empty() {
            qs.push(q);
        }
    }
    let mut all = Vec::with_capacity(qs.len());
    let mut by_kind: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
    let mut empty = 0;
    for (kind, q) in &qs {
        let started = Instant::now();
        let found = doorstep_core::search::search(store.conn(), org.id, q, 20)?;
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        if found.is_empty() {
            empty += 1;
        }
        all.push(ms);
        by_kind.entry(kind).or_default().push(ms);
    }
    all.sort_by(f64::total_cmp);
    let kinds: serde_json::Map<String, serde_json::Value> = by_kind
        .iter_mut()
        .map(|(k, v)| {
            v.sort_by(f64::total_cmp);
            (k.to_string(), serde_json::json!({ "queries": v.len(), "p50_ms": percentile(v, 0.5), "p99_ms": percentile(v, 0.99) }))
        })
        .collect();
    let report = serde_json::json!({
        "people": count, "queries": all.len(), "queries_without_results": empty,
        "p50_ms": percentile(&all, 0.5), "p95_ms": percentile(&all, 0.95), "p99_ms": percentile(&all, 0.99),
        "max_ms": all.last(), "by_kind": kinds,
        "targets": { "p99_at_most_5_ms": percentile(&all, 0.99) <= 5.0 },
    });
    if json {
        return print_json(&report);
    }
    println!("search over {count} people, {} queries ({empty} found no one):", all.len());
    println!("  p50 {:.3} ms   p95 {:.3} ms   p99 {:.3} ms (target ≤ 5 ms)   max {:.3} ms",
        percentile(&all, 0.5), percentile(&all, 0.95), percentile(&all, 0.99), all.last().copied().unwrap_or(0.0));
    for (k, v) in &by_kind {
        println!("  {k:<18} p50 {:.3} ms  p99 {:.3} ms", percentile(v, 0.5), percentile(v, 0.99));
    }
    Ok(())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    percentile(&v, 0.5)
}

/// Times, in the same run and on the same store: the plain SELECT a cut
/// reads its people with (every row stepped through), the cut as a preview
/// (read, walk order, turfs; nothing written), and the cut itself (the
/// same, written in one transaction).
fn list_cut(args: ListCutArgs) -> Result<()> {
    use doorstep_core::domain::ListKind;
    use doorstep_core::lists::{self, CutSpec};
    let dir = tempfile_dir()?;
    eprintln!("generating and importing {} voters…", args.voters);
    let file = generate(dir.path(), args.voters, args.seed, doorstep_gen::Layout::Csv)?;
    child_import(&dir.path().join("store"), &file)?;
    let mut store = Store::open(&dir.path().join("store").join("doorstep.db"))?;
    let org = store.resolve_org(None)?;
    let spec = |name: String| {
        let mut spec = CutSpec::new(name, ListKind::Walk);
        spec.filter.language = args.language.clone();
        spec.max_doors = args.max_doors;
        spec.split = true;
        spec
    };
    let runs = args.runs.max(1);
    let (mut select_s, mut preview_s, mut cut_s) = (Vec::new(), Vec::new(), Vec::new());
    let (mut rows, mut made) = (0usize, None);
    for run in 1..=runs {
        eprintln!("run {run} of {runs}…");
        let (sql, params) = lists::cut::filter_sql(org.id, &spec(String::new()))?;
        let started = Instant::now();
        let mut stmt = store.conn().prepare(&sql)?;
        let mut found = stmt.query(rusqlite::params_from_iter(params))?;
        rows = 0;
        while let Some(r) = found.next()? {
            let _person: uuid::Uuid = r.get(12)?;
            rows += 1;
        }
        drop(found);
        drop(stmt);
        select_s.push(started.elapsed().as_secs_f64());

        let started = Instant::now();
        lists::cut::preview(store.conn(), org.id, &spec(format!("Preview {run}")))?;
        preview_s.push(started.elapsed().as_secs_f64());

        let started = Instant::now();
        let cut = lists::cut::cut(store.conn_mut(), org.id, &spec(format!("Turf r{run}")))?;
        cut_s.push(started.elapsed().as_secs_f64());
        made = Some(cut);
    }
    let made = made.expect("at least one run");
    let turfs = made.lists.len();
    let doors: usize = made.lists.iter().map(|l| l.doors).sum();
    let people: usize = made.lists.iter().map(|l| l.people).sum();
    let over = made.lists.iter().filter(|l| l.doors > args.max_doors).count();
    let (select, preview, cut) = (median(select_s), median(preview_s), median(cut_s));
    let peak = crate::peak_memory_mb();
    let report = serde_json::json!({
        "voters": args.voters, "language": args.language, "max_doors": args.max_doors, "runs": runs,
        "select_rows": rows, "turfs": turfs, "doors": doors, "people": people, "turfs_over_cap": over,
        "select_seconds": select, "preview_seconds": preview, "cut_seconds": cut,
        "cut_to_select": cut / select, "peak_memory_mb": peak,
    });
    if args.json {
        return print_json(&report);
    }
    println!("list cut --split of {} voters into turfs of at most {} doors (medians of {runs}):", args.voters, args.max_doors);
    println!("  plain SELECT of the filter  {select:>7.3} s  ({rows} rows)");
    println!("  cut, preview (nothing kept) {preview:>7.3} s");
    println!("  cut, written                {cut:>7.3} s  ({turfs} turfs, {doors} doors, {people} people; {over} over the cap)");
    println!("  ratio cut / SELECT          {:>7.2}×", cut / select);
    if let Some(peak) = peak {
        println!("  peak memory                 {peak:>7.1} MB");
    }
    Ok(())
}

fn tempfile_dir() -> Result<tempfile::TempDir> {
    Ok(tempfile::Builder::new().prefix("doorstep-bench").tempdir()?)
}
