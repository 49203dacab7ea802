//! Cutting lists: the people a filter picks, gathered by door and put in
//! walk order, made into one list of at most so many doors, or split into
//! turfs of at most that many, each one canvasser's shift.
//!
//! A turf is a contiguous stretch of the walk, so it is walkable the way
//! the walk goes. A door (household) and a building are never split; a
//! street is split only when it alone holds more doors than the cap, and
//! then into pieces as even as its buildings allow, so that a 51-door
//! street makes two turfs of about 26 rather than one of 50 and one of 1.
//! A building with more doors than the cap is one turf over the cap: a
//! canvasser climbs one building, and the preview says so.

use crate::domain::{Household, ListKind, new_id};
use crate::error::{Error, Result};
use crate::records::{HOUSEHOLD_COLUMNS, household_from_row};
use crate::store::now_text;
use crate::sync::changes::{self, Entity};
use crate::walk;
use rusqlite::{Connection, params};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::time::Instant;
use uuid::Uuid;

/// What one canvasser walks in a shift (40-50 houses is a couple of hours).
pub const DEFAULT_MAX_DOORS: usize = 50;

/// Which people a cut picks. Every filter given must hold.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub precinct: Option<String>,
    /// Five digits; a door whose zip is ZIP+4 matches its first five.
    pub zip: Option<String>,
    /// As written on a voter file or typed ("north main street" is "N MAIN ST").
    pub street: Option<String>,
    /// A language's tag or name. Matches a person who prefers it or speaks
    /// it, and more specific tags of it: "zh" takes in "zh-Hant" (RFC 4647
    /// basic filtering), "zh-Hant" does not take in "zh-Hans".
    pub language: Option<String>,
    pub near: Option<Near>,
    /// Only people with no attempt in the cut's effort, at a door with no
    /// attempt naming no one in that effort.
    pub not_contacted: bool,
}

/// Doors within `radius_m` metres of a point. Doors without coordinates
/// are left out, and counted in a warning.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Near {
    pub latitude: f64,
    pub longitude: f64,
    pub radius_m: f64,
}

#[derive(Debug, Clone)]
pub struct CutSpec {
    /// The list's name; turfs of a split are "NAME 1", "NAME 2", ...
    pub name: String,
    pub kind: ListKind,
    pub filter: Filter,
    /// At most this many doors a list (on a call list, households).
    pub max_doors: usize,
    /// Every door the filter picks, in as many turfs as it takes; without
    /// it one list of the first doors in walk order.
    pub split: bool,
    /// The effort the lists belong to, whose script they use; "not yet
    /// contacted" is counted in it.
    pub effort_id: Option<Uuid>,
}

impl CutSpec {
    pub fn new(name: impl Into<String>, kind: ListKind) -> CutSpec {
        CutSpec { name: name.into(), kind, filter: Filter::default(), max_doors: DEFAULT_MAX_DOORS, split: false, effort_id: None }
    }
}

/// One list a cut made, or would make.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CutList {
    /// None in a preview: nothing was written.
    pub id: Option<Uuid>,
    pub name: String,
    pub kind: ListKind,
    pub doors: usize,
    pub people: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cut {
    pub lists: Vec<CutList>,
    /// Doors the filter picked that no list holds: a cut without split
    /// stops at its cap.
    pub doors_left: usize,
    /// Said to the organizer: a filter that matched nothing, doors without
    /// coordinates, a building over the cap. Never names a person.
    pub warnings: Vec<String>,
}

/// What a cut would make, written nowhere.
pub fn preview(conn: &Connection, org: Uuid, spec: &CutSpec) -> Result<Cut> {
    Ok(plan(conn, org, spec)?.1)
}

/// Makes the lists, all of them or none, in one transaction, each logged in
/// the change log. A filter that picks no one makes nothing and says so in
/// a warning.
pub fn cut(conn: &mut Connection, org: Uuid, spec: &CutSpec) -> Result<Cut> {
    let started = Instant::now();
    // Immediate: what was read (who is not yet contacted) is what the lists
    // are written from, with no other writer in between.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let (plan, mut cut) = plan(&tx, org, spec)?;
    if cut.lists.is_empty() {
        return Ok(cut);
    }
    {
        let mut taken = tx.prepare("SELECT EXISTS (SELECT 1 FROM lists WHERE org_id = ?1 AND name = ?2)")?;
        for list in &cut.lists {
            if taken.query_row(params![org, list.name], |r| r.get::<_, bool>(0))? {
                return Err(Error::Invalid(format!("a list named {:?} already exists; nothing was made", list.name)));
            }
        }
        let mut insert =
            tx.prepare("INSERT INTO lists(id, org_id, effort_id, name, kind, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
        let mut members = crate::bulk::ManyRows::new("INSERT INTO list_people(list_id, person_id)", 2);
        let now = now_text();
        for (list, people) in cut.lists.iter_mut().zip(&plan) {
            let id = new_id();
            insert.execute(params![id, org, spec.effort_id, list.name, spec.kind.as_str(), now])?;
            members.insert(&tx, people.iter(), |person, v| {
                v.push((&id).into());
                v.push(person.into());
            })?;
            changes::record(&tx, org, Entity::List, id, Some(id), false)?;
            list.id = Some(id);
        }
    }
    tx.commit()?;
    tracing::info!(
        lists = cut.lists.len(),
        doors = cut.lists.iter().map(|l| l.doors).sum::<usize>(),
        people = cut.lists.iter().map(|l| l.people).sum::<usize>(),
        ms = started.elapsed().as_millis() as u64,
        "cut lists"
    );
    Ok(cut)
}

/// A door the filter picked, or on a call list a person with no door.
struct Stop {
    household: Option<Household>,
    people: Vec<Uuid>,
}

/// Each list's people, and the cut as reported.
fn plan(conn: &Connection, org: Uuid, spec: &CutSpec) -> Result<(Vec<Vec<Uuid>>, Cut)> {
    let name = spec.name.trim();
    if name.is_empty() {
        return Err(Error::Invalid("a list needs a name".into()));
    }
    if spec.max_doors == 0 {
        return Err(Error::Invalid("max doors: a list holds at least 1 door".into()));
    }
    if let Some(effort) = spec.effort_id
        && crate::records::load_effort(conn, org, effort)?.is_none()
    {
        return Err(Error::NotFound { what: "effort", key: effort.to_string() });
    }
    let mut warnings = Vec::new();
    let stops = picked(conn, org, spec, &mut warnings)?;
    if stops.is_empty() {
        warnings.extend(unknown_values(conn, org, &spec.filter)?);
        warnings.push("no one matches the filter; no list was made".into());
        return Ok((Vec::new(), Cut { lists: Vec::new(), doors_left: 0, warnings }));
    }

    // Loose people (a call list's people with no door) come after every
    // door, each a stop of its own.
    let turfs = plan_by(
        stops.len(),
        spec.max_doors,
        spec.split,
        |a, b| match (&stops[a].household, &stops[b].household) {
            (Some(a), Some(b)) => walk::same_street(a, b),
            _ => false,
        },
        |a, b| match (&stops[a].household, &stops[b].household) {
            (Some(a), Some(b)) => walk::same_building(a, b),
            _ => false,
        },
    );
    let turfs = if spec.split { turfs } else { turfs.into_iter().take(1).collect() };
    let held: usize = turfs.iter().map(|t| t.len()).sum();
    let doors_left = stops.len() - held;
    if doors_left > 0 {
        warnings.push(format!(
            "{doors_left} more door(s) match beyond the cap of {}; split the filter into turfs to list them all",
            spec.max_doors
        ));
    }

    let mut lists = Vec::with_capacity(turfs.len());
    let mut people = Vec::with_capacity(turfs.len());
    for (i, turf) in turfs.into_iter().enumerate() {
        let list_name = if spec.split { format!("{name} {}", i + 1) } else { name.to_owned() };
        if turf.len() > spec.max_doors {
            warnings.push(format!(
                "{list_name} holds one building of {} doors, over the cap of {}: a building is never split",
                turf.len(),
                spec.max_doors
            ));
        }
        let ids: Vec<Uuid> = stops[turf.clone()].iter().flat_map(|s| s.people.iter().copied()).collect();
        lists.push(CutList { id: None, name: list_name, kind: spec.kind, doors: turf.len(), people: ids.len() });
        people.push(ids);
    }
    Ok((people, Cut { lists, doors_left, warnings }))
}

/// Turfs of walk-ordered `doors`, as ranges of it: see the module's rules.
/// Without `split` only the first turf is meant, and a street longer than
/// the cap is cut at the cap rather than evenly.
pub fn plan_turfs(doors: &[Household], max_doors: usize, split: bool) -> Vec<Range<usize>> {
    plan_by(
        doors.len(),
        max_doors.max(1),
        split,
        |a, b| walk::same_street(&doors[a], &doors[b]),
        |a, b| walk::same_building(&doors[a], &doors[b]),
    )
}

/// Where the run of `i`'s kind that starts at `i` ends, before `end`.
fn run_end(i: usize, end: usize, same: &impl Fn(usize, usize) -> bool) -> usize {
    let mut j = i + 1;
    while j < end && same(j - 1, j) {
        j += 1;
    }
    j
}

fn plan_by(
    n: usize,
    max: usize,
    even: bool,
    same_street: impl Fn(usize, usize) -> bool,
    same_building: impl Fn(usize, usize) -> bool,
) -> Vec<Range<usize>> {
    let mut turfs = Vec::new();
    // The turf being filled: start..i.
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let end = run_end(i, n, &same_street);
        let street = end - i;
        if street <= max {
            if i > start && i - start + street > max {
                turfs.push(start..i);
                start = i;
            }
        } else {
            // A street no turf holds whole starts turfs of its own, cut
            // between buildings.
            if i > start {
                turfs.push(start..i);
                start = i;
            }
            let limit = if even { street.div_ceil(street.div_ceil(max)) } else { max };
            let mut b = i;
            while b < end {
                let building_end = run_end(b, end, &same_building);
                if b > start && building_end - start > limit {
                    turfs.push(start..b);
                    start = b;
                }
                b = building_end;
            }
            // Its last piece stays open: a short street after it may fit.
        }
        i = end;
    }
    if start < n {
        turfs.push(start..n);
    }
    turfs
}

/// The statement a cut reads its people with, and its parameters: each
/// row a door's columns ([`HOUSEHOLD_COLUMNS`], all NULL for a person with
/// no door) then the person's id. The distance filter and "not yet
/// contacted" are applied to its rows, not in it. Public so that a
/// benchmark can time the same SELECT alone.
pub fn filter_sql(org: Uuid, spec: &CutSpec) -> Result<(String, Vec<rusqlite::types::Value>)> {
    let f = &spec.filter;
    let mut sql = format!(
        "SELECT {HOUSEHOLD_COLUMNS}, p.id FROM people p {} households h ON h.id = p.household_id
         WHERE p.org_id = ?1 AND p.deleted_at IS NULL AND p.do_not_contact = 0",
        // A call needs no door: people added at an event may have none.
        if spec.kind == ListKind::Call { "LEFT JOIN" } else { "JOIN" }
    );
    let mut args: Vec<rusqlite::types::Value> = vec![rusqlite::types::Value::Blob(org.as_bytes().to_vec())];
    // Binds `value` and returns its parameter's name.
    let mut bind = |value: String| {
        args.push(rusqlite::types::Value::Text(value));
        format!("?{}", args.len())
    };
    if spec.kind == ListKind::Call {
        sql.push_str(" AND p.phones <> '[]'");
    }
    if let Some(p) = &f.precinct {
        sql.push_str(&format!(" AND h.precinct = {}", bind(p.trim().to_owned())));
    }
    if let Some(z) = &f.zip {
        sql.push_str(&format!(" AND substr(h.zip, 1, 5) = {}", bind(zip5(z)?)));
    }
    if let Some(s) = &f.street {
        let street = crate::address::normalize_street(s);
        if street.is_empty() {
            return Err(Error::Invalid("street: empty; name a street such as \"Main St\"".into()));
        }
        sql.push_str(&format!(" AND h.street = {}", bind(street)));
    }
    if let Some(l) = &f.language {
        let tag = match crate::lang::normalize(l) {
            Ok(Some(tag)) => tag,
            Ok(None) => return Err(Error::Invalid(format!("language: {l:?} names no language"))),
            Err(e) => return Err(Error::Invalid(format!("language: {e}"))),
        };
        // LIKE's wildcards cannot occur in a canonical tag; '-%' takes in
        // the tag's more specific forms.
        let (exact, wider) = (bind(tag.clone()), bind(format!("{tag}-%")));
        sql.push_str(&format!(
            " AND (p.preferred_language = {exact} COLLATE NOCASE OR p.preferred_language LIKE {wider}
                   OR EXISTS (SELECT 1 FROM json_each(p.spoken_languages) j
                              WHERE j.value = {exact} COLLATE NOCASE OR j.value LIKE {wider}))"
        ));
    }
    Ok((sql, args))
}

/// The doors the filter picks, in walk order, each with its picked people.
fn picked(conn: &Connection, org: Uuid, spec: &CutSpec, warnings: &mut Vec<String>) -> Result<Vec<Stop>> {
    let f = &spec.filter;
    let (sql, args) = filter_sql(org, spec)?;
    if let Some(near) = &f.near {
        check_near(near)?;
    }
    let contacted = if f.not_contacted {
        let Some(effort) = spec.effort_id else {
            return Err(Error::Invalid("not yet contacted: counted within an effort; name the effort".into()));
        };
        Some(contacted(conn, org, effort)?)
    } else {
        None
    };

    let mut households: HashMap<Uuid, (Household, Vec<Uuid>)> = HashMap::new();
    let mut loose = Vec::new();
    let mut unplaced = HashSet::new();
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    while let Some(r) = rows.next()? {
        let person: Uuid = r.get(12)?;
        let household: Option<Uuid> = r.get(0)?;
        if let Some(contacted) = &contacted
            && (contacted.people.contains(&person) || household.is_some_and(|h| contacted.doors.contains(&h)))
        {
            continue;
        }
        match household {
            None => loose.push(person),
            Some(id) => match households.get_mut(&id) {
                Some((_, people)) => people.push(person),
                None => {
                    let h = household_from_row(r)?;
                    if let Some(near) = &f.near {
                        match distance_m(&h, near) {
                            None => {
                                unplaced.insert(id);
                                continue;
                            }
                            Some(d) if d > near.radius_m => continue,
                            Some(_) => {}
                        }
                    }
                    households.insert(id, (h, vec![person]));
                }
            },
        }
    }
    if !unplaced.is_empty() {
        warnings.push(format!("{} matching door(s) have no coordinates, so no distance; they were left out", unplaced.len()));
    }
    // A distance filter has no place for a person with no door.
    if f.near.is_some() {
        loose.clear();
    }

    let mut doors: Vec<Household> = Vec::with_capacity(households.len());
    let mut people: HashMap<Uuid, Vec<Uuid>> = HashMap::with_capacity(households.len());
    for (id, (h, p)) in households {
        doors.push(h);
        people.insert(id, p);
    }
    walk::sort(&mut doors);
    let mut stops: Vec<Stop> = doors
        .into_iter()
        .map(|h| {
            let p = people.remove(&h.id).unwrap_or_default();
            Stop { household: Some(h), people: p }
        })
        .collect();
    // In the order they were added: the store's rowid order.
    stops.extend(loose.into_iter().map(|p| Stop { household: None, people: vec![p] }));
    Ok(stops)
}

/// Who has been tried in an effort: the people attempts name, and the doors
/// of attempts that name no one (a door knocked as a whole).
struct Contacted {
    people: HashSet<Uuid>,
    doors: HashSet<Uuid>,
}

fn contacted(conn: &Connection, org: Uuid, effort: Uuid) -> Result<Contacted> {
    let mut out = Contacted { people: HashSet::new(), doors: HashSet::new() };
    // One pass over the effort's attempts, not a lookup per person: a cut
    // reads a whole organization's people.
    let mut stmt = conn.prepare("SELECT person_id, household_id FROM attempts WHERE org_id = ?1 AND effort_id = ?2")?;
    let mut rows = stmt.query(params![org, effort])?;
    while let Some(r) = rows.next()? {
        match (r.get::<_, Option<Uuid>>(0)?, r.get::<_, Option<Uuid>>(1)?) {
            (Some(p), _) => {
                out.people.insert(p);
            }
            (None, Some(h)) => {
                out.doors.insert(h);
            }
            (None, None) => {}
        }
    }
    Ok(out)
}

fn zip5(z: &str) -> Result<String> {
    let z = z.trim();
    let five = z.split('-').next().unwrap_or("");
    if five.len() != 5 || !five.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::Invalid(format!("zip: {z:?} is not a ZIP code (five digits)")));
    }
    Ok(five.to_owned())
}

fn check_near(near: &Near) -> Result<()> {
    if !(near.latitude.is_finite() && (-90.0..=90.0).contains(&near.latitude)) {
        return Err(Error::Invalid(format!("near: latitude {} is not between -90 and 90", near.latitude)));
    }
    if !(near.longitude.is_finite() && (-180.0..=180.0).contains(&near.longitude)) {
        return Err(Error::Invalid(format!("near: longitude {} is not between -180 and 180", near.longitude)));
    }
    if !(near.radius_m.is_finite() && near.radius_m > 0.0) {
        return Err(Error::Invalid(format!("radius: {} is not a distance in metres above 0", near.radius_m)));
    }
    Ok(())
}

/// Metres from the point to the door along the earth's surface
/// (haversine), or None for a door with no usable coordinates. (0, 0) is
/// what a failed geocode leaves, as walk order also holds.
fn distance_m(h: &Household, near: &Near) -> Option<f64> {
    const EARTH_RADIUS_M: f64 = 6_371_008.8;
    let (lat, lon) = (h.latitude?, h.longitude?);
    if !(lat.is_finite() && lon.is_finite()) || (lat, lon) == (0.0, 0.0) {
        return None;
    }
    let (p1, p2) = (near.latitude.to_radians(), lat.to_radians());
    let dp = p2 - p1;
    let dl = (lon - near.longitude).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    Some(2.0 * EARTH_RADIUS_M * a.sqrt().min(1.0).asin())
}

/// Why a filter that matched no one may have: a precinct, zip or street
/// that no door of the organization has.
fn unknown_values(conn: &Connection, org: Uuid, f: &Filter) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut check = |what: &str, sql: &str, value: &str| -> Result<()> {
        let known: bool = conn.query_row(sql, params![org, value], |r| r.get(0))?;
        if !known {
            out.push(format!("{what} {value:?} is not in the voter file"));
        }
        Ok(())
    };
    if let Some(p) = &f.precinct {
        check("precinct", "SELECT EXISTS (SELECT 1 FROM households WHERE org_id = ?1 AND precinct = ?2)", p.trim())?;
    }
    if let Some(z) = &f.zip {
        check("zip", "SELECT EXISTS (SELECT 1 FROM households WHERE org_id = ?1 AND substr(zip, 1, 5) = ?2)", &zip5(z)?)?;
    }
    if let Some(s) = &f.street {
        check("street", "SELECT EXISTS (SELECT 1 FROM households WHERE org_id = ?1 AND street = ?2)", &crate::address::normalize_street(s))?;
    }
    if let Some(Ok(Some(tag))) = f.language.as_deref().map(crate::lang::normalize) {
        let known: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM people p WHERE p.org_id = ?1 AND (p.preferred_language = ?2 COLLATE NOCASE
                 OR p.preferred_language LIKE ?3 OR EXISTS (SELECT 1 FROM json_each(p.spoken_languages) j
                 WHERE j.value = ?2 COLLATE NOCASE OR j.value LIKE ?3)))",
            params![org, tag, format!("{tag}-%")],
            |r| r.get(0),
        )?;
        if !known {
            out.push(format!("no one in the voter file prefers or speaks language {tag:?}"));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Doors as (street, building) pairs: equal numbers are the same.
    fn plan(doors: &[(u32, u32)], max: usize, even: bool) -> Vec<Range<usize>> {
        plan_by(doors.len(), max, even, |a, b| doors[a].0 == doors[b].0, |a, b| doors[a] == doors[b])
    }

    #[test]
    fn short_streets_share_a_turf_until_the_next_one_does_not_fit() {
        // Streets of 3, 2 and 4 doors, a cap of 5.
        let doors = [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (3, 1), (3, 2), (3, 3), (3, 4)];
        assert_eq!(plan(&doors, 5, true), vec![0..5, 5..9]);
    }

    #[test]
    fn a_long_street_splits_evenly_between_buildings() {
        // A street of 7 doors (a 3-door building in the middle), a cap of 4:
        // two pieces of at most 4, the building whole.
        let doors = [(1, 1), (1, 2), (1, 3), (1, 3), (1, 3), (1, 4), (1, 5)];
        assert_eq!(plan(&doors, 4, true), vec![0..2, 2..6, 6..7]);
        // Cut at the cap when not split evenly.
        let doors = [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7)];
        assert_eq!(plan(&doors, 4, false), vec![0..4, 4..7]);
        assert_eq!(plan(&doors, 4, true), vec![0..4, 4..7]);
        let doors = [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5)];
        assert_eq!(plan(&doors, 4, true), vec![0..3, 3..5]);
    }

    #[test]
    fn a_building_over_the_cap_is_one_turf() {
        let doors = [(1, 1), (1, 2), (1, 2), (1, 2), (1, 2), (1, 2), (1, 3)];
        assert_eq!(plan(&doors, 3, true), vec![0..1, 1..6, 6..7]);
    }

    #[test]
    fn distances_in_metres() {
        let h = |lat: f64, lon: f64| Household {
            id: Uuid::nil(),
            address: Default::default(),
            precinct: String::new(),
            latitude: Some(lat),
            longitude: Some(lon),
        };
        let here = Near { latitude: 35.7796, longitude: -78.6382, radius_m: 1.0 };
        // 0.01 degree of latitude is about 1112 m.
        let d = distance_m(&h(35.7896, -78.6382), &here).unwrap();
        assert!((d - 1112.0).abs() < 2.0, "{d}");
        assert_eq!(distance_m(&h(0.0, 0.0), &here), None);
        assert_eq!(distance_m(&Household { latitude: None, ..h(1.0, 1.0) }, &here), None);
    }
}
