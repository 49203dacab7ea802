//! Walk order: the sequence a canvasser knocks a list's doors in.
//!
//! Street by street. On each street the odd side going up, then the even
//! side coming back down, so the walker never crosses back and forth; houses
//! without a number come last. A building's doors stay together (same
//! number, fraction and street), the door without a unit first, then by
//! floor, then by unit in natural order (2 before 10, 10 before 10A).
//!
//! Streets are ordered by place when any of their doors has coordinates,
//! else by name; placed streets come first, since an unplaced one could be
//! anywhere.

use crate::address::street_sort_key;
use crate::domain::Household;
use crate::fold::fold;
use std::cmp::Reverse;
use uuid::Uuid;

/// Where a unit is in its building, as far as its name tells.
///
/// Ordered as a canvasser climbs: numbered floors from the bottom, the
/// penthouse above them, then units whose floor the name does not give,
/// which have to be looked for once the rest are done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Floor {
    Numbered(i32),
    Penthouse,
    Unknown,
}

/// The floor a unit's name gives: "3B" → 3, "402" → 4, "1205" → 12, "PH" and
/// "PH2" → penthouse, "BSMT" → -1.
///
/// One or two bare digits ("7", "12") say no floor: small buildings number
/// their units 1, 2, 3… whatever floor they are on. Three or more digits
/// carry the floor before the last two, the way most US buildings number
/// them. Digits then letters ("3B", "12C") are floor then door, unless the
/// digits are themselves a three-digit unit ("402A" → 4).
pub fn floor(unit: &str) -> Floor {
    let unit = unit.trim().trim_start_matches('#').trim();
    let upper = unit.to_ascii_uppercase();
    if upper.starts_with("PH") || upper.starts_with("PENTHOUSE") {
        return Floor::Penthouse;
    }
    if upper.starts_with("BSMT") || upper.starts_with("BASEMENT") {
        return Floor::Numbered(-1);
    }
    let digits = unit.bytes().take_while(u8::is_ascii_digit).count();
    let Ok(n) = unit[..digits].parse::<i32>() else { return Floor::Unknown };
    let rest = unit[digits..].trim_start_matches(['-', ' ']);
    let letters_only = !rest.is_empty() && rest.len() <= 2 && rest.bytes().all(|b| b.is_ascii_alphabetic());
    match (n, rest.is_empty(), letters_only) {
        (100.., true, _) | (100.., _, true) => Floor::Numbered(n / 100),
        (_, false, true) => Floor::Numbered(n),
        _ => Floor::Unknown,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Chunk {
    Number(u64),
    Text(String),
}

/// Splits "10A" into [10, "a"] so units sort as people expect.
fn natural_key(s: &str) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut digits = String::new();
    let mut text = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            if !text.is_empty() {
                out.push(Chunk::Text(std::mem::take(&mut text)));
            }
            digits.push(c);
        } else {
            if !digits.is_empty() {
                out.push(Chunk::Number(digits.parse().unwrap_or(u64::MAX)));
                digits.clear();
            }
            text.extend(c.to_lowercase());
        }
    }
    if !digits.is_empty() {
        out.push(Chunk::Number(digits.parse().unwrap_or(u64::MAX)));
    }
    if !text.is_empty() {
        out.push(Chunk::Text(text));
    }
    out
}

/// A street as the walker meets it: its name without the pre-direction (so
/// "N MAIN ST" sorts beside "MAIN ST"), the pre-direction, then the five-digit
/// zip, or the city where there is none, since one name in two towns is two
/// streets.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct StreetKey {
    name: String,
    direction: String,
    area: String,
}

fn street_key(h: &Household) -> StreetKey {
    let (name, direction) = street_sort_key(&h.address.street);
    let zip: String = h.address.zip.chars().filter(char::is_ascii_digit).take(5).collect();
    StreetKey { name, direction, area: if zip.is_empty() { fold(&h.address.city) } else { zip } }
}

/// A building's place along its street: number, fraction, then the number as
/// written (12, 12 1/2, 12A).
type Position = (i64, String, Vec<Chunk>);

/// Where a door is on its street.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Along {
    /// The odd side, walked up.
    Up(Position),
    /// The even side, walked back down. The building's place is reversed,
    /// but not its units: a building is still climbed from the bottom.
    Down(Reverse<Position>),
    Unnumbered(Vec<Chunk>),
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct DoorKey {
    along: Along,
    /// The building's own door (no unit) before its units.
    has_unit: bool,
    floor: Floor,
    unit: Vec<Chunk>,
    /// Only so that equal addresses come out the same whatever order they
    /// came in (the store returns rows in no promised order).
    id: Uuid,
}

fn door_key(h: &Household) -> DoorKey {
    let a = &h.address;
    let along = match a.number_value {
        Some(n) => {
            let position = (n, a.fraction.clone(), natural_key(&a.house_number));
            if n % 2 == 1 { Along::Up(position) } else { Along::Down(Reverse(position)) }
        }
        None => Along::Unnumbered(natural_key(&a.house_number)),
    };
    let unit = a.unit.trim().trim_start_matches('#').trim();
    DoorKey { along, has_unit: !unit.is_empty(), floor: floor(unit), unit: natural_key(unit), id: h.id }
}

/// Longitude and latitude, in degrees.
type Point = (f64, f64);

/// A usable position, or None. (0, 0) is what a failed
/// geocode leaves behind far more often than a door in the Gulf of Guinea.
fn place(h: &Household) -> Option<Point> {
    let (lat, lon) = (h.latitude?, h.longitude?);
    let valid = lat.is_finite() && lon.is_finite() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
    (valid && (lat, lon) != (0.0, 0.0)).then_some((lon, lat))
}

/// One street's doors, already in walk order, and where its walk begins and
/// ends (its first and last door that has coordinates).
struct Street {
    doors: std::ops::Range<usize>,
    ends: Option<(Point, Point)>,
}

/// Orders placed streets as a nearest-neighbour chain: start at the street
/// whose walk begins furthest west (then south), and go each time to the
/// street whose walk begins nearest to where the last one's ended.
///
/// A street is walked up one side and back down the other, so it ends near
/// where it began when both sides have doors, and at its far end when only
/// one does: chaining from each street's real end point, rather than its
/// centroid, follows the walker. Greedy nearest-neighbour is not the shortest
/// route, but it is predictable to a canvasser, deterministic (ties go to the
/// first street by name), and its O(streets²) stays small: 5,000 doors each
/// on its own street is 12.5 million distances, tens of milliseconds.
/// Distances use an equirectangular projection at the streets' mean
/// latitude: exact enough within a walkable turf.
fn chain(streets: &[Street]) -> Vec<usize> {
    let placed: Vec<(usize, Point, Point)> =
        streets.iter().enumerate().filter_map(|(i, s)| s.ends.map(|(start, end)| (i, start, end))).collect();
    if placed.is_empty() {
        return Vec::new();
    }
    let mean_lat = placed.iter().map(|(_, start, _)| start.1).sum::<f64>() / placed.len() as f64;
    let x_scale = mean_lat.to_radians().cos();
    let distance = |a: Point, b: Point| {
        let (dx, dy) = ((a.0 - b.0) * x_scale, a.1 - b.1);
        dx * dx + dy * dy
    };
    let mut left = placed;
    let first = (0..left.len())
        .min_by(|&i, &j| {
            let (a, b) = (left[i].1, left[j].1);
            a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)).then(i.cmp(&j))
        })
        .expect("placed is not empty");
    let (street, _, mut at) = left.remove(first);
    let mut order = vec![street];
    while !left.is_empty() {
        // Strictly nearer only, so a tie goes to the first by name.
        let mut next = 0;
        let mut nearest = distance(at, left[0].1);
        for (i, candidate) in left.iter().enumerate().skip(1) {
            let d = distance(at, candidate.1);
            if d < nearest {
                (next, nearest) = (i, d);
            }
        }
        let (street, _, end) = left.remove(next);
        order.push(street);
        at = end;
    }
    order
}

/// Puts households in walk order. The order depends only on the set, not on
/// the order they came in.
pub fn sort(households: &mut [Household]) {
    let mut keyed: Vec<(StreetKey, DoorKey, usize)> =
        households.iter().enumerate().map(|(i, h)| (street_key(h), door_key(h), i)).collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));

    let mut streets: Vec<Street> = Vec::new();
    let mut start = 0;
    while start < keyed.len() {
        let end = start + keyed[start..].iter().take_while(|k| k.0 == keyed[start].0).count();
        let mut placed = keyed[start..end].iter().filter_map(|k| place(&households[k.2]));
        let first = placed.next();
        let ends = first.map(|first| (first, placed.next_back().unwrap_or(first)));
        streets.push(Street { doors: start..end, ends });
        start = end;
    }

    let mut street_order = chain(&streets);
    street_order.extend(streets.iter().enumerate().filter(|(_, s)| s.ends.is_none()).map(|(i, _)| i));

    // target[i]: where the household now at i goes.
    let mut target = vec![0; households.len()];
    let walked = street_order.iter().flat_map(|&s| keyed[streets[s].doors.clone()].iter().map(|k| k.2));
    for (to, from) in walked.enumerate() {
        target[from] = to;
    }
    for i in 0..households.len() {
        while target[i] != i {
            let t = target[i];
            households.swap(i, t);
            target.swap(i, t);
        }
    }
}

/// Whether two doors are on the same street, as walk order groups them (the
/// same name and pre-direction in the same zip, or city where there is none).
/// Cutting turfs uses it to keep a street on one turf.
pub fn same_street(a: &Household, b: &Household) -> bool {
    street_key(a) == street_key(b)
}

/// Whether two doors are in one building: the same street, number and
/// fraction, units apart. A door with no house number is a building of its
/// own, since nothing says which others share it.
pub fn same_building(a: &Household, b: &Household) -> bool {
    !a.address.house_number.trim().is_empty() && same_street(a, b) && door_key(a).along == door_key(b).along
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floors_from_unit_names() {
        let cases = [
            ("3B", Floor::Numbered(3)),
            ("3-B", Floor::Numbered(3)),
            ("12C", Floor::Numbered(12)),
            ("402", Floor::Numbered(4)),
            ("402A", Floor::Numbered(4)),
            ("1205", Floor::Numbered(12)),
            ("#301", Floor::Numbered(3)),
            ("BSMT", Floor::Numbered(-1)),
            ("PH", Floor::Penthouse),
            ("ph2", Floor::Penthouse),
            ("7", Floor::Unknown),
            ("12", Floor::Unknown),
            ("B", Floor::Unknown),
            ("A3", Floor::Unknown),
            ("3-12", Floor::Unknown),
            ("", Floor::Unknown),
            ("99999999999", Floor::Unknown),
        ];
        for (unit, want) in cases {
            assert_eq!(floor(unit), want, "unit {unit:?}");
        }
        assert!(Floor::Numbered(40) < Floor::Penthouse && Floor::Penthouse < Floor::Unknown);
    }
}
