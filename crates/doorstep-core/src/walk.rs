//! Walk order: the sequence a canvasser knocks a list's doors in.
//!
//! Street by street; on each street the odd side going up, then the even
//! side coming back down, so the walker never crosses back and forth; within
//! a building, units in natural order (2 before 10, 10 before 10A).
//! Houses without a number come last on their street.

use crate::address::street_sort_key;
use crate::domain::Household;
use std::cmp::Ordering;

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
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

/// Compares two households for walking.
pub fn compare(a: &Household, b: &Household) -> Ordering {
    let (street_a, dir_a) = street_sort_key(&a.address.street);
    let (street_b, dir_b) = street_sort_key(&b.address.street);
    let zip = |h: &Household| h.address.zip.chars().take(5).collect::<String>();
    street_a
        .cmp(&street_b)
        .then_with(|| dir_a.cmp(&dir_b))
        .then_with(|| zip(a).cmp(&zip(b)))
        .then_with(|| side_position(a).cmp(&side_position(b)))
        .then_with(|| a.address.fraction.cmp(&b.address.fraction))
        .then_with(|| natural_key(&a.address.house_number).cmp(&natural_key(&b.address.house_number)))
        .then_with(|| natural_key(&a.address.unit).cmp(&natural_key(&b.address.unit)))
}

/// (side, position along the walk): odd houses ascending, then even houses
/// descending, then houses with no number.
fn side_position(h: &Household) -> (u8, i64) {
    match h.address.number_value {
        Some(n) if n % 2 == 1 => (0, n),
        Some(n) => (1, -n),
        None => (2, 0),
    }
}

pub fn sort(households: &mut [Household]) {
    households.sort_by(compare);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::address::parse_street_line;
    use crate::domain::Household;

    fn hh(line: &str) -> Household {
        Household { id: uuid::Uuid::nil(), address: parse_street_line(line), precinct: String::new(), latitude: None, longitude: None }
    }

    #[test]
    fn street_then_side_then_number_then_unit() {
        let mut list: Vec<Household> = [
            "12 OAK ST", "3 ELM ST", "1 OAK ST", "10 OAK ST", "5 OAK ST APT 10", "5 OAK ST APT 2",
            "5 OAK ST APT 10A", "2 ELM ST", "7 OAK ST", "1 ELM ST",
        ]
        .iter()
        .map(|l| hh(l))
        .collect();
        sort(&mut list);
        let got: Vec<String> = list.iter().map(|h| h.address.line()).collect();
        assert_eq!(got, [
            "1 ELM ST", "3 ELM ST", "2 ELM ST",
            "1 OAK ST", "5 OAK ST #2", "5 OAK ST #10", "5 OAK ST #10A", "7 OAK ST", "12 OAK ST", "10 OAK ST",
        ]);
    }
}
