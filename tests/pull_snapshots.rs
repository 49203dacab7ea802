//! What a device receives, shown whole: every pull page of a tiny list, as
//! lines a reader can check by eye. Ids become labels in the order they
//! first appear (P1 a person, H1 a household, L1 a list, A1 an attempt…);
//! times and cursors, which differ from run to run, are masked. The list is
//! three people at two doors, pulled two changes a page, then an attempt, an
//! edit and a member taken off it. Update with `UPDATE_EXPECT=1`.

use doorstep_core::accounts::DeviceAuth;
use doorstep_core::store::Store;
use doorstep_core::sync::changes::{self, Entity};
use doorstep_core::sync::client::{self, EncodedPush, SyncError, Transport};
use doorstep_core::sync::hlc::{Hlc, now_ms};
use doorstep_core::sync::proto::*;
use doorstep_server::sqlite::SqliteBackend;
use doorstep_tests::{InProcess, not_home, sync_error};
use expect_test::expect;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Mutex;
use uuid::Uuid;

/// The real backend, called in-process, asking for pages of `limit`
/// changes and keeping every answer it hands the device.
struct Recording<'a> {
    backend: &'a SqliteBackend,
    auth: DeviceAuth,
    limit: u32,
    answers: Mutex<Vec<PullResponse>>,
}

impl Transport for Recording<'_> {
    fn push(&self, req: &EncodedPush) -> Result<PushResponse, SyncError> {
        self.backend.push(&self.auth, req.decode()?).map_err(sync_error)
    }
    fn pull(&self, req: &PullRequest) -> Result<PullResponse, SyncError> {
        let resp = self.backend.pull(&self.auth, PullRequest { limit: Some(self.limit), ..req.clone() }).map_err(sync_error)?;
        self.answers.lock().unwrap().push(resp.clone());
        Ok(resp)
    }
}

impl Recording<'_> {
    /// Syncs the device and returns the answers it was given.
    fn sync(&self, device: &mut Store) -> Vec<PullResponse> {
        client::sync(device, self).unwrap();
        std::mem::take(&mut self.answers.lock().unwrap())
    }
}

/// Stable names for ids, by kind and order of first appearance.
#[derive(Default)]
struct Labels {
    names: HashMap<Uuid, String>,
    counts: HashMap<&'static str, usize>,
}

impl Labels {
    fn of(&mut self, kind: &'static str, id: Uuid) -> String {
        if let Some(name) = self.names.get(&id) {
            return name.clone();
        }
        let n = self.counts.entry(kind).or_default();
        *n += 1;
        let name = format!("{kind}{n}");
        self.names.insert(id, name.clone());
        name
    }

    fn opt(&mut self, kind: &'static str, id: Option<Uuid>) -> String {
        id.map_or_else(|| "-".to_owned(), |id| self.of(kind, id))
    }
}

/// A cursor's kind (`s:` snapshot, `c:` change log) is shown, its position
/// is not: it counts rows of a log other tests share nothing with, but its
/// marks are ids.
fn cursor(c: &str) -> String {
    match c.split_once(':') {
        Some((kind, _)) => format!("{kind}:…"),
        None => "…".to_owned(),
    }
}

fn render(answers: &[PullResponse], labels: &mut Labels) -> String {
    let mut out = String::new();
    for (n, answer) in answers.iter().enumerate() {
        let assigned: Vec<String> = answer.assigned.iter().map(|l| labels.of("L", *l)).collect();
        writeln!(out, "pull {}: assigned [{}]", n + 1, assigned.join(", ")).unwrap();
        for page in &answer.pages {
            let list = labels.of("L", page.list_id);
            writeln!(out, "  page {list}: reset={} more={} cursor={}", page.reset, page.more, cursor(&page.cursor)).unwrap();
            for item in &page.items {
                let line = match item {
                    Item::List { list, effort, script } => format!(
                        "list {} {:?} {:?} effort={} script={}",
                        labels.of("L", list.id), list.name, list.kind, labels.opt("E", effort.as_ref().map(|e| e.id)),
                        labels.opt("S", script.as_ref().map(|s| s.id)),
                    ),
                    Item::Household { household } => format!(
                        "household {} {:?} precinct={:?}",
                        labels.of("H", household.id), household.address.line(), household.precinct,
                    ),
                    Item::Person { person, versions, deleted } => format!(
                        "person {} {} {} at {} phones={:?} emails={:?} versions={:?} deleted={deleted}",
                        labels.of("P", person.id), person.given_name, person.family_name, labels.opt("H", person.household_id),
                        person.phones, person.emails, versions.keys().collect::<Vec<_>>(),
                    ),
                    Item::Member { list_id, person_id, removed } => {
                        format!("member {} {} removed={removed}", labels.of("L", *list_id), labels.of("P", *person_id))
                    }
                };
                writeln!(out, "    {line}").unwrap();
            }
            let table = &page.attempts;
            for row in &table.rows {
                let attempt = labels.of("A", row.id);
                let mut by_index = |kind, i: Option<u32>| labels.opt(kind, i.map(|i| table.ids[i as usize]));
                let (person, door, list) = (by_index("P", row.person), by_index("H", row.household), by_index("L", row.list));
                let (canvasser, device) = (by_index("U", row.canvasser), by_index("D", row.device));
                writeln!(
                    out,
                    "    attempt {attempt} person={person} door={door} list={list} {} {} by={canvasser} device={device} at=…",
                    row.channel, row.result,
                )
                .unwrap();
            }
        }
    }
    out
}

#[test]
fn a_small_list_arrives_page_by_page_then_its_changes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("voters.csv");
    std::fs::write(
        &file,
        "voter_id,first_name,last_name,address,city,zip,phone,precinct\n\
         V1,ANA,GARCIA,12 OAK ST,RALEIGH,27601,919-555-0100,01-07\n\
         V2,BO,GARCIA,12 OAK ST,RALEIGH,27601,,01-07\n\
         V3,CY,PARK,14 OAK ST,RALEIGH,27601,,01-07\n",
    )
    .unwrap();
    let ep = InProcess::from_file(dir.path(), &file, None, "Ana");
    let (auth, mut device) = ep.pair("Ana", &dir.path().join("device.db"));
    let link = Recording { backend: &ep.backend, auth, limit: 2, answers: Mutex::default() };
    let mut labels = Labels::default();

    expect![[r#"
        pull 1: assigned [L1]
          page L1: reset=false more=true cursor=s:…
            list L1 "Walk" Walk effort=- script=-
            household H1 "12 OAK ST" precinct="01-07"
            person P1 ANA GARCIA at H1 phones=["+19195550100"] emails=[] versions=[] deleted=false
            member L1 P1 removed=false
            person P2 BO GARCIA at H1 phones=[] emails=[] versions=[] deleted=false
            member L1 P2 removed=false
        pull 2: assigned [L1]
          page L1: reset=false more=false cursor=c:…
            household H2 "14 OAK ST" precinct="01-07"
            person P3 CY PARK at H2 phones=[] emails=[] versions=[] deleted=false
            member L1 P3 removed=false
    "#]].assert_eq(&render(&link.sync(&mut device), &mut labels));

    // Bao, on the same list, knocks at Ana García's door and gives Bo
    // García's phone number; the organizer takes Cy Park off the list.
    let endpoint = Store::open(&ep.db).unwrap();
    let people: Vec<Uuid> = endpoint.conn().prepare("SELECT id FROM people ORDER BY given_name").unwrap()
        .query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let [ana, bo, cy] = people[..] else { panic!("{people:?}") };
    let bao = doorstep_core::accounts::add_user(endpoint.conn(), ep.org, "Bao", "canvasser", &[]).unwrap();
    doorstep_core::accounts::assign_list(endpoint.conn(), ep.list, bao.id).unwrap();
    let (bao_auth, _) = ep.pair("Bao", &dir.path().join("bao.db"));
    let knock = doorstep_core::domain::Attempt { list_id: Some(ep.list), ..not_home(ana) };
    let edit = OpBody::PersonEdit {
        person_id: bo, field: PersonField::Phones, value: serde_json::json!(["919-555-0123"]),
        hlc: Hlc { wall_ms: now_ms(), counter: 0, node: bao_auth.device_id },
    };
    let ops = [OpBody::Attempt { attempt: knock }, edit].into_iter().enumerate()
        .map(|(i, body)| Op { seq: i as i64 + 1, op_id: Uuid::now_v7(), body }).collect();
    ep.backend.push(&bao_auth, PushRequest { ops }).unwrap();
    endpoint.conn().execute("DELETE FROM list_people WHERE list_id = ?1 AND person_id = ?2", rusqlite::params![ep.list, cy]).unwrap();
    changes::record(endpoint.conn(), ep.org, Entity::Member, cy, Some(ep.list), true).unwrap();

    expect![[r#"
        pull 1: assigned [L1]
          page L1: reset=false more=true cursor=c:…
            household H1 "12 OAK ST" precinct="01-07"
            person P2 BO GARCIA at H1 phones=["+19195550123"] emails=[] versions=[Phones] deleted=false
            attempt A1 person=P1 door=- list=L1 door not_home by=U1 device=D1 at=…
        pull 2: assigned [L1]
          page L1: reset=false more=false cursor=c:…
            member L1 P3 removed=true
    "#]].assert_eq(&render(&link.sync(&mut device), &mut labels));

    // What the device holds now agrees with what it was shown.
    let held: Vec<Uuid> = device.conn().prepare("SELECT person_id FROM list_people WHERE list_id = ?1 ORDER BY person_id").unwrap()
        .query_map([ep.list], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let mut expected = vec![ana, bo];
    expected.sort();
    assert_eq!(held, expected);
}
