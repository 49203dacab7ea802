//! Phone numbers: read as people write them, kept as E.164, and found by
//! their national digits whatever way a query writes them.
//!
//! A family's phones are not all American: a voter file or a canvasser may
//! write "+52 55 1234 5678", "011 84 90 123 4567" or "(415) 555-0134 x23".
//! [`normalize`] reads them with `phonenumber` (libphonenumber's metadata)
//! against a default region, the one a number without its country code
//! belongs to: US unless an import's mapping says otherwise
//! (`phone_region = "MX"`). Imports and device edits (`person::check_field`,
//! `person::check_new`) both keep what it gives, so one number folds alike
//! however it arrived.
//!
//! What the store indexes and search looks up is [`index_key`]: the
//! national significant number ("4155550134" for +1 415 555 0134,
//! "5512345678" for +52 55 1234 5678), which is what stores made before
//! this module held for US numbers too.
//!
//! A number that no country's plan knows is kept as written and found by
//! its digits; text with fewer than seven digits is not a phone number.

use phonenumber::metadata::DATABASE;

/// A region as CLDR names it (`Region::US`, `Region::MX`, `Region::VN`).
pub use phonenumber::country::Id as Region;

/// The region a number written without its country code belongs to, when
/// nothing says otherwise.
pub const DEFAULT_REGION: Region = Region::US;

/// A phone number as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// "+14155550134": a plus, the country's calling code, the national number.
    pub e164: String,
    /// Digits dialled after the call connects, never part of the number.
    pub extension: Option<String>,
    /// How many digits of `e164` (after the plus) are the calling code.
    code_len: usize,
}

impl Normalized {
    /// The calling code's digits: "1", "52", "855".
    pub fn country_code(&self) -> &str {
        &self.e164[1..1 + self.code_len]
    }

    /// The national significant number: what is indexed and searched.
    pub fn national(&self) -> &str {
        &self.e164[1 + self.code_len..]
    }

    /// As the store keeps it: E.164, with an extension in RFC 3966's form
    /// (";ext=23"), which tel: links and [`split_extension`] read.
    pub fn stored(&self) -> String {
        match &self.extension {
            None => self.e164.clone(),
            Some(ext) => format!("{};ext={ext}", self.e164),
        }
    }
}

/// Why a text is not kept as E.164. Like every entry error, it never
/// repeats the value: a wrong number is still somebody's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Fewer than seven digits or more than fifteen: nothing to dial.
    #[error("not a phone number: fewer than seven digits or more than fifteen")]
    NotANumber,
    /// Digits among letters ("call 919 555 0101 after 6").
    #[error("a phone number with other text")]
    OtherText,
    /// Digits that no country's numbering plan knows as a number (a local
    /// number without its area code, a country code written without "+").
    #[error("not a number of any country's numbering plan")]
    Unrecognized,
}

/// Reads one phone number. A number without its country code belongs to
/// `default_region`; one with "+" or an international prefix ("011", "00")
/// to the country it names.
pub fn normalize(raw: &str, default_region: Region) -> Result<Normalized, PhoneError> {
    let (number, extension) = split_extension(raw);
    if digits(number).is_empty() {
        return Err(PhoneError::NotANumber);
    }
    if number.chars().any(char::is_alphabetic) {
        return Err(PhoneError::OtherText);
    }
    let extension = extension.map(str::to_owned);
    if let Some(national) = north_american(number, default_region) {
        return Ok(Normalized { e164: format!("+1{national}"), extension, code_len: 1 });
    }
    let parsed = phonenumber::parse(Some(default_region), number).map_err(|_| PhoneError::Unrecognized)?;
    let code = parsed.code().value();
    let national = parsed.national().to_string();
    let e164 = |national: &str| Normalized { e164: format!("+{code}{national}"), extension: extension.clone(), code_len: code.to_string().len() };
    if diallable(code, &national) {
        return Ok(e164(&national));
    }
    // `phonenumber` strips what it takes for a trunk or carrier prefix from
    // some numbers written with their country code (a Chinese mobile's
    // leading 1, a Cambodian 12): read what follows the code as written.
    if number.trim_start().starts_with('+') {
        let all = digits_of(number);
        if let Some(rest) = all.strip_prefix(&code.to_string()) {
            for national in [rest, rest.strip_prefix('0').unwrap_or(rest)] {
                if diallable(code, national) {
                    return Ok(e164(national));
                }
            }
        }
    }
    Err(PhoneError::Unrecognized)
}

/// A region by its two-letter code, in any case ("mx", "VN").
pub fn region(code: &str) -> Option<Region> {
    code.trim().to_ascii_uppercase().parse().ok()
}

/// What the store indexes a kept phone by: the national number of one
/// that [`normalize`] reads (as written in the default region, so "+1…"
/// and "(415) 555-0134" agree), else its [`digits`].
pub fn index_key(stored: &str) -> String {
    match normalize(stored, DEFAULT_REGION) {
        Ok(n) => n.national().to_owned(),
        Err(_) => digits(stored),
    }
}

/// The index keys a search by phone tries, each as a prefix: the query as a
/// number of `default_region`; failing that, its digits as a number with
/// its country code ("52 55 1234 5678" typed without the plus); and its
/// plain [`digits`], which find numbers kept as written and a number typed
/// in part.
pub fn search_keys(query: &str, default_region: Region) -> Vec<String> {
    let mut keys = Vec::new();
    match normalize(query, default_region) {
        Ok(n) => keys.push(n.national().to_owned()),
        Err(PhoneError::Unrecognized) => {
            if let Ok(n) = normalize(&format!("+{}", digits_of(split_extension(query).0)), default_region) {
                keys.push(n.national().to_owned());
            }
        }
        Err(_) => {}
    }
    let plain = digits(query);
    if !plain.is_empty() && !keys.contains(&plain) {
        keys.push(plain);
    }
    keys
}

/// A number's digits without an extension, and without the leading 1 of
/// eleven: "(415) 555-0134", "+1 415.555.0134" and "4155550134" all give
/// "4155550134". Fewer than seven digits, or more than fifteen, is not a
/// phone number and gives "".
pub fn digits(text: &str) -> String {
    let (number, _) = split_extension(text);
    let mut digits = digits_of(number);
    if digits.len() == 11 && digits.starts_with('1') {
        digits.remove(0);
    }
    if digits.len() < 7 || digits.len() > 15 {
        digits.clear();
    }
    digits
}

fn digits_of(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// How voter files and people write an extension after a number: RFC 3966's
/// ";ext=23" (the form the store keeps), "ext. 23", "extension 23",
/// "x23" and "#23". Longest first, so "ext" is not read as "x".
const EXTENSION_MARKS: &[&str] = &["extension", "ext", "x", "#"];

/// Splits a trailing extension (1 to 6 digits after one of
/// [`EXTENSION_MARKS`]) off a phone number: "919-555-0100 x23" gives
/// ("919-555-0100", Some("23")). Text with no extension comes back whole.
pub fn split_extension(text: &str) -> (&str, Option<&str>) {
    let text = text.trim_end();
    let digits_start = text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let ext = &text[digits_start..];
    if ext.is_empty() || ext.len() > 6 {
        return (text, None);
    }
    let before = text[..digits_start].trim_end_matches([' ', ':', '.', '=']);
    for mark in EXTENSION_MARKS {
        let Some(start) = before.len().checked_sub(mark.len()) else { continue };
        if before.is_char_boundary(start) && before[start..].eq_ignore_ascii_case(mark) {
            let number = before[..start].trim_end_matches([' ', ';', ',']);
            if number.bytes().any(|b| b.is_ascii_digit()) {
                return (number, Some(ext));
            }
        }
    }
    (text, None)
}

/// The ten national digits of a North American number written plainly
/// (digits, spaces, "-", ".", "()", a leading "+1" or "1"), read as the
/// importer always has: most of a voter file's phones, read without
/// `phonenumber`'s pattern matching, which would cost an import of a
/// million rows seconds. Ten digits written without "+" are North American
/// only in a US default region.
fn north_american(number: &str, default_region: Region) -> Option<String> {
    let number = number.trim();
    let (plus, rest) = match number.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    if !rest.bytes().all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'-' | b'.' | b'(' | b')')) {
        return None;
    }
    let count = rest.bytes().filter(u8::is_ascii_digit).count();
    let first = rest.bytes().find(u8::is_ascii_digit)?;
    match (plus, count, first) {
        (true, 11, b'1') => {}
        (false, 11, b'1') | (false, 10, _) if default_region == Region::US => {}
        _ => return None,
    }
    let mut digits = digits_of(rest);
    digits.drain(..count - 10);
    Some(digits)
}

/// Whether `national` is a number of a fixed line, a mobile or a toll-free
/// service in some region with calling code `code`.
fn diallable(code: u16, national: &str) -> bool {
    let Some(regions) = DATABASE.by_code(&code) else { return false };
    regions.iter().any(|meta| {
        let d = meta.descriptors();
        [d.fixed_line(), d.mobile(), d.toll_free()].into_iter().flatten().any(|desc| desc.is_match(national))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    /// Each input as `normalize` reads it in the default region (US unless
    /// the row says `@XX`), with the key the index keeps for what is stored.
    fn table(inputs: &[&str]) -> String {
        let mut out = String::new();
        for input in inputs {
            let (text, region) = match input.rsplit_once(" @") {
                Some((text, r)) => (text, region(r).expect("a region")),
                None => (*input, DEFAULT_REGION),
            };
            let shown = match normalize(text, region) {
                Ok(n) => format!("{} (key {})", n.stored(), index_key(&n.stored())),
                Err(e) => format!("{e:?} (key {:?})", index_key(text)),
            };
            out.push_str(&format!("{input:32} {shown}\n"));
        }
        out
    }

    #[test]
    fn numbers_families_have() {
        let inputs = [
            // The US, as voter files and canvassers write it.
            "(415) 555-0134",
            "+1 415.555.0134",
            "4155550134",
            "1-415-555-0134",
            "919-555-0100 x23",
            "919-555-0100 ext. 23",
            "+1 (310) 555-0100 ext. 12345",
            "+13105550199;ext=12",
            "123-456-7890",
            // Mexico: with the plus, the old mobile 1, the US exit code, and
            // as written in Mexico.
            "+52 55 1234 5678",
            "+52 1 55 1234 5678",
            "011 52 55 1234 5678",
            "55 1234 5678 @MX",
            // Vietnam, Cambodia, the Philippines, China.
            "+84 90 123 4567",
            "+84 28 3823 4567",
            "090 123 4567 @VN",
            "+855 12 345 678",
            "+855 92 123 456",
            "+63 917 123 4567",
            "0917 123 4567 @PH",
            "+86 138 0013 8000",
            "+86 10 1234 5678",
            // Kept as written, or not a number.
            "555-0134",
            "52 55 1234 5678",
            "call 919 555 0101 after 6",
            "Maria",
            "555",
            "1234567890123456",
        ];
        expect![[r#"
            (415) 555-0134                   +14155550134 (key 4155550134)
            +1 415.555.0134                  +14155550134 (key 4155550134)
            4155550134                       +14155550134 (key 4155550134)
            1-415-555-0134                   +14155550134 (key 4155550134)
            919-555-0100 x23                 +19195550100;ext=23 (key 9195550100)
            919-555-0100 ext. 23             +19195550100;ext=23 (key 9195550100)
            +1 (310) 555-0100 ext. 12345     +13105550100;ext=12345 (key 3105550100)
            +13105550199;ext=12              +13105550199;ext=12 (key 3105550199)
            123-456-7890                     +11234567890 (key 1234567890)
            +52 55 1234 5678                 +525512345678 (key 5512345678)
            +52 1 55 1234 5678               +525512345678 (key 5512345678)
            011 52 55 1234 5678              +525512345678 (key 5512345678)
            55 1234 5678 @MX                 +525512345678 (key 5512345678)
            +84 90 123 4567                  +84901234567 (key 901234567)
            +84 28 3823 4567                 +842838234567 (key 2838234567)
            090 123 4567 @VN                 +84901234567 (key 901234567)
            +855 12 345 678                  +85512345678 (key 12345678)
            +855 92 123 456                  +85592123456 (key 92123456)
            +63 917 123 4567                 +639171234567 (key 9171234567)
            0917 123 4567 @PH                +639171234567 (key 9171234567)
            +86 138 0013 8000                +8613800138000 (key 13800138000)
            +86 10 1234 5678                 +861012345678 (key 1012345678)
            555-0134                         Unrecognized (key "5550134")
            52 55 1234 5678                  Unrecognized (key "525512345678")
            call 919 555 0101 after 6        OtherText (key "91955501016")
            Maria                            NotANumber (key "")
            555                              NotANumber (key "")
            1234567890123456                 NotANumber (key "")
        "#]].assert_eq(&table(&inputs));
    }

    #[test]
    fn search_finds_a_number_however_typed() {
        let stored = normalize("+52 55 1234 5678", DEFAULT_REGION).unwrap().stored();
        let key = index_key(&stored);
        for query in ["+52 55 1234 5678", "52 55 1234 5678", "011 52 55 1234 5678", "55 1234 5678", "5512345678", "+52-55-1234-5678"] {
            assert!(search_keys(query, DEFAULT_REGION).iter().any(|k| key.starts_with(k.as_str())), "{query}: {:?}", search_keys(query, DEFAULT_REGION));
        }
        let us = index_key(&normalize("(415) 555-0134", DEFAULT_REGION).unwrap().stored());
        for query in ["415 555 0134", "+1 415 555 0134", "1-415-555-0134", "4155550134", "415-555-01"] {
            assert!(search_keys(query, DEFAULT_REGION).iter().any(|k| us.starts_with(k.as_str())), "{query}");
        }
    }

    /// The plain North American path agrees with `phonenumber` wherever
    /// both read a number.
    #[test]
    fn the_fast_path_agrees_with_phonenumber() {
        for text in ["(415) 555-0134", "+1 415.555.0134", "1 919 555 0100", "212.555.0100", "+1 (787) 555-0100"] {
            let fast = north_american(text, Region::US).unwrap();
            let slow = phonenumber::parse(Some(Region::US), text).unwrap();
            assert_eq!(fast, slow.national().to_string(), "{text}");
        }
    }

    #[test]
    fn extensions_are_not_part_of_the_number() {
        for s in ["919-555-0100 x23", "919-555-0100 ext. 23", "919-555-0100 extension 23", "919-555-0100 #23", "+19195550100;ext=23"] {
            assert_eq!(split_extension(s).1, Some("23"), "{s}");
            assert_eq!(digits(s), "9195550100", "{s}");
        }
        for s in ["919-555-0100", "box 23"] {
            assert_eq!(split_extension(s).1, None, "{s}");
        }
    }
}
