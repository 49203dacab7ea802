//! Street addresses: parsing the one-string form voter files use, and the
//! normalized key that groups people into households.

use crate::address_words::canonical;
pub use crate::address_words::canonical_word;
use crate::domain::Address;
use crate::fold::fold;
use std::borrow::Cow;

/// Words that introduce a unit within a building.
const UNIT_DESIGNATORS: &[&str] =
    &["apt", "apartment", "unit", "ste", "suite", "spc", "space", "lot", "rm", "room", "fl", "floor", "bldg", "#", "no"];

const DIRECTIONS: &[&str] = &["n", "s", "e", "w", "ne", "nw", "se", "sw"];

/// Upper-cased canonical street: "north main street" → "N MAIN ST".
pub fn normalize_street(street: &str) -> String {
    let folded = fold(street);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        push_upper(&mut out, canonical(word));
    }
    out
}

/// The leading digits of a house number: "123A" → 123, "12-B" → 12.
pub fn number_value(house_number: &str) -> Option<i64> {
    let end = house_number.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(house_number.len());
    house_number[..end].parse().ok()
}

fn normalize_unit(unit: &str) -> String {
    let mut out = String::new();
    push_upper(&mut out, unit_text(unit));
    out
}

fn unit_text(unit: &str) -> &str {
    unit.trim().trim_start_matches('#').trim()
}

fn push_upper(out: &mut String, s: &str) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_uppercase() as char));
    } else {
        out.push_str(&s.to_uppercase());
    }
}

fn is_unit_designator(token: &str) -> bool {
    if token.is_ascii() {
        UNIT_DESIGNATORS.iter().any(|d| d.eq_ignore_ascii_case(token))
    } else {
        UNIT_DESIGNATORS.contains(&token.to_lowercase().as_str())
    }
}

/// An address as state files split it (USPS parts), before assembly.
#[derive(Debug, Default, Clone, Copy)]
pub struct Parts<'a> {
    pub number: &'a str,
    /// A letter ("123A"), or in some states' files a fraction.
    pub number_suffix: &'a str,
    pub fraction: &'a str,
    pub pre_direction: &'a str,
    pub street_name: &'a str,
    pub street_type: &'a str,
    pub post_direction: &'a str,
}

/// Assembles parts into the address a one-line form of them parses to,
/// so a state that splits its addresses and one that does not agree on
/// every door: "77" "1/2" "N" "ELM" "ST" is "77 1/2 N ELM ST". A fraction
/// may come in its own column, as the number's suffix, or in the number.
pub fn from_parts(p: &Parts<'_>) -> Address {
    let mut addr = Address::default();
    let mut number = p.number.trim();
    let mut fraction = p.fraction.trim();
    // "12 1/2" or "12½" in the number column.
    let split;
    if let Some((n, f)) = number.split_once(' ').filter(|(_, f)| is_fraction(f.trim())) {
        (number, fraction) = (n, f.trim());
    } else if let Some(n) = number.strip_suffix('½') {
        number = n.trim();
        fraction = "1/2";
    }
    let suffix = p.number_suffix.trim();
    if is_fraction(suffix) {
        fraction = suffix;
        split = number.to_owned();
    } else {
        split = format!("{number}{suffix}");
    }
    push_upper(&mut addr.house_number, &split);
    addr.number_value = number_value(&split);
    addr.fraction = fraction.to_owned();
    let mut street = String::with_capacity(p.street_name.len() + 16);
    for part in [p.pre_direction, p.street_name, p.street_type, p.post_direction] {
        let part = part.trim();
        if !part.is_empty() {
            if !street.is_empty() {
                street.push(' ');
            }
            street.push_str(part);
        }
    }
    addr.street = normalize_street(&street);
    addr
}

/// A unit column's value as the unit alone: state files write "APT 12",
/// "# 12", "#12" or "12" for the same door, as a one-line address would.
pub fn unit_of(value: &str) -> String {
    let mut tokens = value.split_whitespace();
    let rest: Vec<&str> = match tokens.next() {
        None => return String::new(),
        Some(first) if first.starts_with('#') && first.len() > 1 => std::iter::once(&first[1..]).chain(tokens).collect(),
        Some(first) if is_unit_designator(first) => {
            let rest: Vec<&str> = tokens.collect();
            // "LOT" alone, or "APT" with nothing after it, is the unit itself.
            if rest.is_empty() { vec![first] } else { rest }
        }
        Some(first) => std::iter::once(first).chain(tokens).collect(),
    };
    normalize_unit(&rest.join(" "))
}

/// Parses a one-string street address such as ncvoter's `res_street_address`
/// ("1234  OAK HILL DR   APT 12", "77 1/2 N ELM ST #B", "12½ Pine Rd").
/// City, state and zip are separate columns in every layout we read.
pub fn parse_street_line(line: &str) -> Address {
    let line = if line.contains('½') { Cow::Owned(line.replace('½', " 1/2")) } else { Cow::Borrowed(line) };
    let mut tokens: Vec<&str> = line.split_whitespace().collect();
    let mut addr = Address::default();

    // Unit: from the last designator onwards ("APT 12", "# 4", "#4B").
    if let Some(pos) = tokens.iter().rposition(|t| is_unit_designator(t) || (t.starts_with('#') && t.len() > 1))
        && pos > 0
    {
        let unit_tokens = &tokens[pos..];
        let first = unit_tokens[0];
        let rest = if first.starts_with('#') && first.len() > 1 {
            std::iter::once(&first[1..]).chain(unit_tokens[1..].iter().copied()).collect::<Vec<_>>()
        } else {
            unit_tokens[1..].to_vec()
        };
        // "LOT" and "SPC" with no number after them are street words, not units.
        if !rest.is_empty() {
            addr.unit = normalize_unit(&rest.join(" "));
            tokens.truncate(pos);
        }
    }

    if let Some(first) = tokens.first()
        && first.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        push_upper(&mut addr.house_number, first);
        addr.number_value = number_value(first);
        tokens.remove(0);
        if let Some(next) = tokens.first()
            && is_fraction(next)
        {
            addr.fraction = (*next).to_owned();
            tokens.remove(0);
        }
    }
    addr.street = normalize_street(&tokens.join(" "));
    addr
}

fn is_fraction(token: &str) -> bool {
    let mut parts = token.split('/');
    matches!((parts.next(), parts.next(), parts.next()),
        (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty()
            && a.chars().all(|c| c.is_ascii_digit()) && b.chars().all(|c| c.is_ascii_digit()))
}

/// The key that makes people one household: number, fraction, street, unit,
/// and the five-digit zip (or the city where there is no zip).
pub fn household_key(addr: &Address) -> String {
    let mut key = String::with_capacity(addr.house_number.len() + addr.street.len() + addr.unit.len() + 16);
    push_upper(&mut key, &addr.house_number);
    for part in [&addr.fraction, &addr.street] {
        key.push('|');
        key.push_str(part);
    }
    key.push('|');
    push_upper(&mut key, unit_text(&addr.unit));
    key.push('|');
    let before = key.len();
    key.extend(addr.zip.chars().filter(|c| c.is_ascii_digit()).take(5));
    if key.len() == before {
        key.push_str(&fold(&addr.city));
    }
    key
}

/// Splits a street into its name and side-independent segment, ignoring the
/// pre-direction so "N MAIN ST" and "MAIN ST" sort near each other.
pub(crate) fn street_sort_key(street: &str) -> (String, String) {
    let mut words = street.split(' ');
    match words.next() {
        Some(first) if DIRECTIONS.contains(&first.to_lowercase().as_str()) => {
            (words.collect::<Vec<_>>().join(" "), first.to_owned())
        }
        _ => (street.to_owned(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ncvoter_street_strings() {
        let a = parse_street_line("1234  OAK HILL DR   APT 12");
        assert_eq!((a.house_number.as_str(), a.street.as_str(), a.unit.as_str()), ("1234", "OAK HILL DR", "12"));
        assert_eq!(a.number_value, Some(1234));

        let a = parse_street_line("77 1/2 North Elm Street #B");
        assert_eq!((a.house_number.as_str(), a.fraction.as_str(), a.street.as_str(), a.unit.as_str()),
            ("77", "1/2", "N ELM ST", "B"));

        let a = parse_street_line("12½ Pine Rd");
        assert_eq!((a.house_number.as_str(), a.fraction.as_str(), a.street.as_str()), ("12", "1/2", "PINE RD"));

        let a = parse_street_line("123A MAIN ST UNIT 4B");
        assert_eq!((a.house_number.as_str(), a.number_value, a.unit.as_str()), ("123A", Some(123), "4B"));

        let a = parse_street_line("500 MOBILE HOME PARK SPC 17");
        assert_eq!((a.street.as_str(), a.unit.as_str()), ("MOBILE HOME PARK", "17"));

        let a = parse_street_line("RURAL ROUTE 2");
        assert_eq!((a.house_number.as_str(), a.street.as_str()), ("", "RURAL ROUTE 2"));
    }

    #[test]
    fn unit_columns_hold_the_unit_alone() {
        for v in ["APT 12", "# 12", "#12", "12", " apt  12 ", "Unit 12"] {
            assert_eq!(unit_of(v), "12", "{v:?}");
        }
        assert_eq!(unit_of("SPC 4B"), "4B");
        assert_eq!(unit_of(""), "");
        // The unit a line carries and the unit its column carries are one.
        assert_eq!(parse_street_line("5 ELM ST APT 12").unit, unit_of("APT 12"));
    }

    #[test]
    fn parts_and_lines_make_one_door() {
        // Parts as a state file splits them, assembled as the import does.
        let mut line = parse_street_line("77 1/2 N ELM ST APT 3");
        line.zip = "95112-0001".into();
        let split = Parts { number: "77", pre_direction: "N", street_name: "Elm", street_type: "Street", ..Default::default() };
        // The fraction in its own column, as the number's suffix, in the number.
        for parts in [
            Parts { fraction: "1/2", ..split },
            Parts { number_suffix: "1/2", ..split },
            Parts { number: "77 1/2", ..split },
            Parts { number: "77½", ..split },
        ] {
            let mut a = from_parts(&parts);
            a.unit = unit_of("APT 3");
            a.zip = "95112".into();
            assert_eq!(household_key(&a), household_key(&line), "{parts:?}");
            assert_eq!((a.house_number.as_str(), a.number_value, a.fraction.as_str()), ("77", Some(77), "1/2"));
        }
        let a = from_parts(&Parts { number: "123", number_suffix: "a", street_name: "MAIN", ..Default::default() });
        assert_eq!((a.house_number.as_str(), a.number_value, a.street.as_str()), ("123A", Some(123), "MAIN"));
    }

    #[test]
    fn same_door_same_key() {
        let mut a = parse_street_line("123 Main Street Apt 4");
        a.zip = "95112-1234".into();
        let mut b = parse_street_line("123  MAIN ST #4");
        b.zip = "95112".into();
        assert_eq!(household_key(&a), household_key(&b));
        let mut c = parse_street_line("123 MAIN ST #5");
        c.zip = "95112".into();
        assert_ne!(household_key(&a), household_key(&c));
    }
}
