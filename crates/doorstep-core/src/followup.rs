//! Language routing: a "language barrier" at a door becomes a follow-up
//! for someone who speaks that language, instead of a dead end.
//!
//! A follow-up is not stored: it is read from the attempts, so it is right
//! whatever order a shift's attempts arrive in. A household (with the
//! person, when the attempt named one) is on a follow-up for language L in
//! an effort when its latest barrier attempt in that effort heard L, and
//! the follow-up closes when a later attempt reaches that person (a result
//! that [counts as contact](counts_as_contact)). The endpoint calls
//! [`on_attempt`] for every attempt it stores, which gives a person whose
//! language was unknown the one heard at their door.

use crate::domain::{Attempt, ContactResult, Household, List, ListKind, PersonField, new_id};
use crate::error::{Error, Result};
use crate::hlc::{self, Hlc};
use crate::lists::CreatedList;
use crate::records::{self, household_from_row};
use crate::store::now_text;
use crate::sync::changes::{self, Entity};
use crate::walk;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;
use ts_rs::TS;
use unic_langid::LanguageIdentifier;
use uuid::Uuid;

/// One household (or, when the attempt named someone, one person there)
/// waiting for a speaker of `language`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct FollowUp {
    /// None only for a person with no door (met at an event, then called).
    pub household_id: Option<Uuid>,
    /// The door as a canvasser reads it ("12 MAIN ST #2"); empty without one.
    pub address: String,
    pub city: String,
    /// The person the barrier attempt named; None when it named only the door.
    pub person_id: Option<Uuid>,
    /// As the voter file writes them; empty when no person is known.
    pub given_name: String,
    pub family_name: String,
    /// The name in its own script, where the voter file has it.
    pub native_name: String,
    /// The BCP-47 tag heard at the door.
    pub language: String,
    pub effort_id: Option<Uuid>,
    /// The barrier attempt this follow-up stands on.
    pub attempt_id: Uuid,
    /// When the barrier was recorded, and by whom.
    pub recorded_at: chrono::DateTime<chrono::Utc>,
    pub canvasser_id: Option<Uuid>,
    /// The canvasser's name; empty when the attempt names no user of the organization.
    pub canvasser_name: String,
}

/// A user who could take a follow-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct Speaker {
    pub user_id: Uuid,
    pub name: String,
    pub role: String,
    /// Every language they speak, as given with `user add --speaks`.
    pub languages: Vec<String>,
}

/// The organizer's view of one language: how many follow-ups wait for it
/// and how many users could take them (zero says: recruit one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "endpoint/")]
pub struct LanguageFollowUps {
    pub language: String,
    pub open: usize,
    pub speakers: usize,
}

/// Results that reach the person: they answered and spoke for themselves.
/// A refusal counts: they were reached and said no, and sending a speaker
/// back would be the unwanted knock. Everything else (not home, moved,
/// come back later, another barrier...) leaves the follow-up open.
pub const CONTACT_CODES: &[&str] = &["contacted", "refused"];

pub fn counts_as_contact(result: &ContactResult) -> bool {
    CONTACT_CODES.contains(&result.code())
}

/// Called by the endpoint inside the push transaction, right after
/// `attempt` is stored. A language barrier that names a person whose
/// preferred language is unknown makes the language heard theirs, written
/// as a last-writer-wins edit and logged in the change log, so every device
/// holding them receives it at its next pull.
///
/// The edit's clock is the attempt's time (bounded by the endpoint's clock,
/// as a pushed edit's is), not the time it arrives: a canvasser who typed
/// the person's language after that knock, on a phone that syncs later,
/// still wins, while one who cleared it before the knock does not.
pub fn on_attempt(tx: &Connection, org: Uuid, attempt: &Attempt) -> Result<()> {
    // Runs for every attempt pushed: nearly all of them stop here.
    let ContactResult::LanguageBarrier { language } = &attempt.result else { return Ok(()) };
    let Some(person) = attempt.person_id else { return Ok(()) };
    // The entry check already normalized it; one it could not read
    // teaches nothing.
    let Ok(Some(tag)) = crate::lang::normalize(language) else { return Ok(()) };
    let known: Option<(String, bool)> = tx
        .prepare_cached("SELECT preferred_language, deleted_at IS NOT NULL FROM people WHERE id = ?1 AND +org_id = ?2")?
        .query_row(params![person, org], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match known {
        Some((preferred, false)) if preferred.trim().is_empty() => {}
        // Already known (what a canvasser or the voter file said stands),
        // deleted, or not this organization's.
        _ => return Ok(()),
    }
    let wall_ms = attempt.attempted_at.timestamp_millis().max(0) as u64;
    let clock = hlc::clamp(Hlc { wall_ms, counter: 0, node: attempt.device_id.unwrap_or_default() }, hlc::now_ms());
    if records::merge_person_field(tx, person, PersonField::PreferredLanguage, &serde_json::Value::from(tag), clock)? {
        changes::record(tx, org, Entity::Person, person, None, false)?;
    }
    Ok(())
}

/// Whether someone who speaks `spoken` can take a follow-up in `needed`.
/// Regions never matter (a speaker of "es-MX" takes "es", and of "es" takes
/// "es-MX"). A script matters only when both name one: the table writes
/// Cantonese as zh-Hant and Mandarin as zh-Hans, so those do not match,
/// while "zh" matches either.
pub fn speaks(spoken: &str, needed: &str) -> bool {
    let parse = |t: &str| crate::lang::canonical(t).parse::<LanguageIdentifier>().ok();
    let (Some(a), Some(b)) = (parse(spoken), parse(needed)) else {
        return spoken.trim().eq_ignore_ascii_case(needed.trim());
    };
    a.language == b.language
        && match (a.script, b.script) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

/// A language as an organizer types it ("km", "Khmer", "ខ្មែរ"), as a tag.
fn wanted_language(language: &str) -> Result<String> {
    match crate::lang::normalize(language) {
        Ok(Some(tag)) => Ok(tag),
        Ok(None) => Err(Error::Invalid(format!("language: {language:?} names no language"))),
        Err(e) => Err(Error::Invalid(format!("language: {e}"))),
    }
}

fn check_effort(conn: &Connection, org: Uuid, effort: Option<Uuid>) -> Result<()> {
    if let Some(e) = effort
        && records::load_effort(conn, org, e)?.is_none()
    {
        return Err(Error::NotFound { what: "effort", key: e.to_string() });
    }
    Ok(())
}

/// The attempts a follow-up is read from, in one pass over the
/// organization's attempts: barriers, and the contacts that may close them.
/// A follow-up is keyed by its door (the attempt's, else the person's), or
/// the person when there is no door. A contact closes a follow-up on a
/// person when it names that person; one on a door alone (the attempt named
/// no one: whoever answered could not be asked their name) when it reaches
/// anyone at that door.
static OPEN_SQL: LazyLock<String> = LazyLock::new(|| {
    let contact = CONTACT_CODES.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ");
    format!(
        "
-- One pass over the table (`+`: not by the org index, which visits every
-- attempt of the organization out of order; with one organization a
-- store, a scan was 15 times faster at 300,000 attempts).
WITH relevant AS MATERIALIZED (
    SELECT a.id, a.person_id, coalesce(a.household_id, p.household_id) AS household_id, a.effort_id, a.result,
           a.barrier_language, a.attempted_at, a.canvasser
    FROM attempts a LEFT JOIN people p ON p.id = a.person_id
    WHERE +a.org_id = ?1 AND a.result IN ('language_barrier', {contact})
),
-- The latest contact with each person, and at each door, beside every
-- row: windows over the one pass, not a lookup per follow-up.
marked AS (
    SELECT *,
           max(CASE WHEN result <> 'language_barrier' THEN attempted_at END) OVER (PARTITION BY person_id) AS person_contact,
           max(CASE WHEN result <> 'language_barrier' THEN attempted_at END) OVER (PARTITION BY household_id) AS door_contact
    FROM relevant
),
barrier AS (
    SELECT *, row_number() OVER (
               PARTITION BY coalesce(household_id, person_id), effort_id ORDER BY attempted_at DESC, id DESC) AS latest
    FROM marked
    WHERE result = 'language_barrier' AND barrier_language <> '' AND (?2 IS NULL OR effort_id = ?2)
)
SELECT b.household_id, h.house_number, h.number_value, h.fraction, h.street, h.unit, h.city, h.state, h.zip,
       h.precinct, h.latitude, h.longitude,
       b.person_id, p.given_name, p.family_name, p.native_name, b.barrier_language, b.effort_id, b.id,
       b.attempted_at, b.canvasser, u.name
FROM barrier b
LEFT JOIN households h ON h.id = b.household_id AND h.org_id = ?1
LEFT JOIN people p ON p.id = b.person_id AND p.org_id = ?1
LEFT JOIN users u ON u.id = b.canvasser AND u.org_id = ?1
WHERE b.latest = 1
  AND (b.person_id IS NULL OR (p.deleted_at IS NULL AND p.do_not_contact = 0))
  AND CASE WHEN b.person_id IS NOT NULL THEN coalesce(b.person_contact, '') <= b.attempted_at
           ELSE coalesce(b.door_contact, '') <= b.attempted_at END"
    )
});

/// The open follow-ups of the organization: in `language` (a tag or a name;
/// regions ignored, see [`speaks`]) and `effort` when given. Sorted by
/// language, then in walk order, so a speaker's doors read as they walk.
/// Nobody who asked not to be contacted, and nobody deleted, is on one.
pub fn open(conn: &Connection, org: Uuid, language: Option<&str>, effort: Option<Uuid>) -> Result<Vec<FollowUp>> {
    let wanted = language.map(wanted_language).transpose()?;
    check_effort(conn, org, effort)?;
    let mut stmt = conn.prepare_cached(&OPEN_SQL)?;
    let mut rows = stmt.query(params![org, effort])?;
    let mut out: Vec<(Option<Household>, FollowUp)> = Vec::new();
    while let Some(r) = rows.next()? {
        let language: String = r.get(16)?;
        if wanted.as_deref().is_some_and(|w| !speaks(&language, w)) {
            continue;
        }
        // Columns 0-11 are a door as `household_from_row` reads it; its
        // street (never NULL in the table) is NULL when there is no door.
        let household = match r.get::<_, Option<String>>(4)? {
            Some(_) => Some(household_from_row(r)?),
            None => None,
        };
        let when: String = r.get(19)?;
        let recorded_at = chrono::DateTime::parse_from_rfc3339(&when)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(19, rusqlite::types::Type::Text, e.into()))?
            .to_utc();
        let text = |i: usize| -> rusqlite::Result<String> { Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default()) };
        let follow_up = FollowUp {
            household_id: r.get(0)?,
            address: household.as_ref().map(|h| h.address.line()).unwrap_or_default(),
            city: household.as_ref().map(|h| h.address.city.clone()).unwrap_or_default(),
            person_id: r.get(12)?,
            given_name: text(13)?,
            family_name: text(14)?,
            native_name: text(15)?,
            language,
            effort_id: r.get(17)?,
            attempt_id: r.get(18)?,
            recorded_at,
            canvasser_id: r.get(20)?,
            canvasser_name: text(21)?,
        };
        out.push((household, follow_up));
    }
    Ok(in_walk_order(out))
}

/// By language, then each language's doors in walk order; follow-ups with
/// no door last, oldest first.
fn in_walk_order(items: Vec<(Option<Household>, FollowUp)>) -> Vec<FollowUp> {
    let mut by_language: BTreeMap<String, (Vec<Household>, Vec<FollowUp>, Vec<FollowUp>)> = BTreeMap::new();
    for (household, f) in items {
        let entry = by_language.entry(f.language.clone()).or_default();
        match household {
            Some(h) => {
                entry.0.push(h);
                entry.1.push(f);
            }
            None => entry.2.push(f),
        }
    }
    let mut out = Vec::new();
    for (_, (mut doors, with_door, mut doorless)) in by_language {
        walk::sort(&mut doors);
        // A door may hold follow-ups of more than one effort.
        let mut by_door: BTreeMap<Uuid, Vec<FollowUp>> = BTreeMap::new();
        for f in with_door {
            by_door.entry(f.household_id.expect("a follow-up with a door")).or_default().push(f);
        }
        let mut seen = HashSet::new();
        for d in doors {
            if seen.insert(d.id) {
                let mut here = by_door.remove(&d.id).unwrap_or_default();
                here.sort_by_key(|f| f.recorded_at);
                out.extend(here);
            }
        }
        doorless.sort_by_key(|f| f.recorded_at);
        out.extend(doorless);
    }
    out
}

/// The organization's users who speak `language` (see [`speaks`]), by name.
pub fn speakers(conn: &Connection, org: Uuid, language: &str) -> Result<Vec<Speaker>> {
    let wanted = wanted_language(language)?;
    Ok(users(conn, org)?.into_iter().filter(|u| u.languages.iter().any(|l| speaks(l, &wanted))).collect())
}

fn users(conn: &Connection, org: Uuid) -> Result<Vec<Speaker>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, role, languages FROM users WHERE org_id = ?1 ORDER BY name")?;
    let rows = stmt.query_map([org], |r| {
        Ok(Speaker {
            user_id: r.get(0)?,
            name: r.get(1)?,
            role: r.get(2)?,
            languages: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Open follow-ups by language, with how many users speak each: most
/// waiting first. A language nobody speaks shows with 0 speakers.
pub fn by_language(conn: &Connection, org: Uuid) -> Result<Vec<LanguageFollowUps>> {
    let mut open_by: BTreeMap<String, usize> = BTreeMap::new();
    for f in open(conn, org, None, None)? {
        *open_by.entry(f.language).or_default() += 1;
    }
    let users = users(conn, org)?;
    let mut out: Vec<LanguageFollowUps> = open_by
        .into_iter()
        .map(|(language, open)| {
            let speakers = users.iter().filter(|u| u.languages.iter().any(|l| speaks(l, &language))).count();
            LanguageFollowUps { language, open, speakers }
        })
        .collect();
    out.sort_by(|a, b| b.open.cmp(&a.open).then_with(|| a.language.cmp(&b.language)));
    Ok(out)
}

/// Makes the open follow-ups (in `language` and `effort` when given) into a
/// list named `name`, in the effort, as a cut makes one: one transaction,
/// logged in the change log, so a device receives it once the list is
/// assigned (`lists::assign`).
///
/// A walk list holds each follow-up's door with everyone there who may be
/// contacted (the canvasser who speaks the language talks to the door, not
/// one name). A call list holds each follow-up's person if they have a
/// phone and may be contacted; for a door whose barrier named no one, the
/// people there who have a phone. Follow-ups with no one to reach add
/// nothing; a list with no one is not made.
pub fn to_list(
    conn: &mut Connection,
    org: Uuid,
    language: Option<&str>,
    kind: ListKind,
    name: &str,
    effort: Option<Uuid>,
) -> Result<CreatedList> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::Invalid("a list needs a name".into()));
    }
    // Immediate: the follow-ups read are the ones listed, with no attempt
    // closing one in between.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let follow_ups = open(&tx, org, language, effort)?;
    let taken: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM lists WHERE org_id = ?1 AND name = ?2)", params![org, name], |r| r.get(0))?;
    if taken {
        return Err(Error::Invalid(format!("a list named {name:?} already exists; nothing was made")));
    }

    let mut people: Vec<Uuid> = Vec::new();
    let mut listed = HashSet::new();
    let mut doors = HashSet::new();
    {
        let mut residents = tx.prepare_cached(
            "SELECT id FROM people WHERE household_id = ?1 AND org_id = ?2 AND deleted_at IS NULL AND do_not_contact = 0
               AND (?3 = 0 OR phones <> '[]')
             ORDER BY rowid",
        )?;
        let mut callable = tx.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1 AND org_id = ?2 AND deleted_at IS NULL
                 AND do_not_contact = 0 AND phones <> '[]')",
        )?;
        for f in &follow_ups {
            let picked: Vec<Uuid> = match (kind, f.person_id, f.household_id) {
                (ListKind::Walk, _, Some(door)) | (ListKind::Call, None, Some(door)) => residents
                    .query_map(params![door, org, kind == ListKind::Call], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?,
                (ListKind::Walk, _, None) => Vec::new(),
                (ListKind::Call, Some(person), _) => {
                    if callable.query_row(params![person, org], |r| r.get(0))? { vec![person] } else { Vec::new() }
                }
                (ListKind::Call, None, None) => Vec::new(),
            };
            if !picked.is_empty()
                && let Some(door) = f.household_id
            {
                doors.insert(door);
            }
            for p in picked {
                if listed.insert(p) {
                    people.push(p);
                }
            }
        }
    }
    if people.is_empty() {
        let what = language.map(|l| format!(" in {l}")).unwrap_or_default();
        return Err(Error::Invalid(match kind {
            ListKind::Walk => format!("no open follow-up{what} has a door with anyone to contact; the list was not made"),
            ListKind::Call => format!("no open follow-up{what} has anyone with a phone to call; the list was not made"),
        }));
    }

    let list = List { id: new_id(), name: name.to_owned(), kind, effort_id: effort };
    tx.execute(
        "INSERT INTO lists(id, org_id, effort_id, name, kind, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![list.id, org, list.effort_id, list.name, kind.as_str(), now_text()],
    )?;
    {
        let mut add = tx.prepare_cached("INSERT INTO list_people(list_id, person_id) VALUES (?1, ?2)")?;
        for p in &people {
            add.execute(params![list.id, p])?;
        }
    }
    changes::record(&tx, org, Entity::List, list.id, Some(list.id), false)?;
    tx.commit()?;
    tracing::info!(people = people.len(), doors = doors.len(), kind = kind.as_str(), "follow-up list made");
    Ok(CreatedList { list, people: people.len(), doors: doors.len() })
}

#[cfg(test)]
mod tests {
    use super::speaks;

    #[test]
    fn speakers_match_across_regions_not_across_scripts() {
        let cases = [
            ("km", "km", true),
            ("es-MX", "es", true),
            ("es", "es-MX", true),
            ("es-MX", "es-ES", true),
            ("fil", "tl", true),
            ("zh", "zh-Hant", true),
            ("zh-Hant", "zh-Hans", false),
            ("vi", "km", false),
            ("hmn", "hmn-Latn", true),
        ];
        for (spoken, needed, want) in cases {
            assert_eq!(speaks(spoken, needed), want, "{spoken} speaking for {needed}");
        }
    }
}
