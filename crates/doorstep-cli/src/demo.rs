//! `doorstep demo`: a whole organization to try Doorstep with, made from
//! generated voters (no real person), with multilingual scripts, lists,
//! canvassers and a pairing code.

use crate::{open_store, print_json};
use anyhow::{Context, Result, bail};
use clap::Args;
use doorstep_core::domain::ListKind;
use doorstep_core::import::{ImportOptions, import_file};
use doorstep_core::{accounts, lists, scripts};
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct DemoArgs {
    /// How many voters to generate.
    #[arg(long, default_value_t = 5000)]
    people: u64,
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// The folder holding the demo's script files.
    #[arg(long, default_value = "demo")]
    scripts: PathBuf,
    /// The endpoint's address as devices will reach it (for the QR payload).
    #[arg(long, default_value = "http://127.0.0.1:8480")]
    url: String,
    #[arg(long)]
    json: bool,
}

pub fn run(data: &Path, args: DemoArgs) -> Result<()> {
    let mut store = open_store(data)?;
    if !store.orgs()?.is_empty() {
        bail!("{} already holds an organization; the demo needs an empty --data folder", data.display());
    }
    let org = store.create_org("Eastside Community Alliance")?;

    let voters = data.join("demo-voters.csv");
    let out = std::io::BufWriter::new(std::fs::File::create(&voters)?);
    doorstep_gen::write_voters(&doorstep_gen::GenOptions { count: args.people, seed: args.seed, layout: doorstep_gen::Layout::Csv }, out)?;
    let imported = import_file(&mut store, &org, &voters, &ImportOptions::default(), &mut |_| {})?;

    let mut efforts = Vec::new();
    for name in ["canvass.toml", "phonebank.toml"] {
        let path = args.scripts.join(name);
        let text = std::fs::read_to_string(&path).with_context(|| format!("reading the demo script {}", path.display()))?;
        efforts.push(scripts::import(store.conn_mut(), org.id, &text, &path.display().to_string())?);
    }
    let (canvass, phonebank) = (&efforts[0].effort, &efforts[1].effort);

    let conn = store.conn();
    let mai = accounts::add_user(conn, org.id, "Mai Trần", "canvasser", &["vi".into(), "en".into()])?;
    let jose = accounts::add_user(conn, org.id, "José Ramírez", "canvasser", &["es".into(), "en".into()])?;
    let ani = accounts::add_user(conn, org.id, "Ani Petrosyan", "phone_banker", &["hy".into(), "ru".into(), "en".into()])?;
    accounts::add_user(conn, org.id, "Rosa Organizer", "organizer", &["es".into(), "en".into(), "tl".into()])?;

    // The busiest precincts make the walk lists: real doors close together.
    let precincts = lists::busiest_precincts(conn, org.id, 2)?;
    let mut made = Vec::new();
    for (i, (user, precinct)) in [&mai, &jose].into_iter().zip(&precincts).enumerate() {
        let spec = lists::ListSpec {
            name: format!("Turf {} · {precinct}", i + 1),
            kind: ListKind::Walk,
            precinct: Some(precinct.clone()),
            limit: Some(120),
            effort_id: Some(canvass.id),
        };
        let list = lists::create(store.conn_mut(), org.id, &spec)?;
        accounts::assign_list(store.conn(), list.list.id, user.id)?;
        made.push((list, user.name.clone()));
    }
    let spec = lists::ListSpec { name: "Phone bank · GOTV".into(), kind: ListKind::Call, precinct: None, limit: Some(200), effort_id: Some(phonebank.id) };
    let calls = lists::create(store.conn_mut(), org.id, &spec)?;
    accounts::assign_list(store.conn(), calls.list.id, ani.id)?;
    accounts::assign_list(store.conn(), calls.list.id, mai.id)?;
    made.push((calls, format!("{}, {}", ani.name, mai.name)));

    let mut codes = Vec::new();
    for user in [&mai, &jose, &ani] {
        let code = accounts::make_pairing_code(store.conn(), org.id, user.id, Some(&args.url))?;
        codes.push(serde_json::json!({ "user": user.name, "code": code.code, "qr_payload": code.qr_payload }));
    }
    let report = serde_json::json!({
        "organization": org,
        "people": imported.people_created,
        "households": imported.households_created,
        "lists": made.iter().map(|(l, who)| serde_json::json!({ "id": l.list.id, "name": l.list.name, "kind": l.list.kind,
            "people": l.people, "doors": l.doors, "assigned_to": who })).collect::<Vec<_>>(),
        "pairing": codes,
    });
    if args.json {
        return print_json(&report);
    }
    println!("demo organization {:?}: {} people at {} doors", org.name, imported.people_created, imported.households_created);
    for (l, who) in &made {
        println!("  list {:<28} {:>4} people, {:>4} doors → {who}", l.list.name, l.people, l.doors);
    }
    for c in &codes {
        println!("  pairing code for {}: {}   ({})", c["user"].as_str().unwrap_or(""), c["code"].as_str().unwrap_or(""), c["qr_payload"].as_str().unwrap_or(""));
    }
    Ok(())
}
