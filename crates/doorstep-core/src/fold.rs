//! Folding text so that what a canvasser types finds what the voter file says.
//!
//! One function, [`fold`], turns both the stored names and the typed query
//! into the same form. It is script-aware: marks are dropped only where they
//! are optional decoration (Latin, Greek and Cyrillic diacritics, Arabic and
//! Hebrew vowel points); in Devanagari, Gurmukhi, Khmer or Thai a vowel sign
//! is part of the letter and dropping it would destroy the word.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_script::{Script, UnicodeScript};

/// Scripts whose combining marks are optional for matching.
fn marks_are_optional(base: Script) -> bool {
    matches!(
        base,
        Script::Latin | Script::Greek | Script::Cyrillic | Script::Arabic | Script::Hebrew
    )
}

/// Letters with no canonical decomposition that people still type without
/// their stroke (đ is the common one: Đặng is typed "dang").
fn fold_letter(c: char, out: &mut String) -> bool {
    let s = match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ł' | 'Ł' => "l",
        'ø' | 'Ø' => "o",
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ı' => "i",
        // Final sigma is only a spelling of sigma.
        'ς' => "σ",
        'þ' | 'Þ' => "th",
        // Arabic and Persian keyboards give different code points for the
        // same yeh and kaf; a Persian name typed on an Arabic keyboard must match.
        'ي' | 'ى' => "ی",
        'ك' => "ک",
        'ة' => "ه",
        'أ' | 'إ' | 'آ' | 'ٱ' => "ا",
        // Tatweel only stretches a word to fit a line: محـــمد is محمد.
        '\u{0640}' => "",
        _ => return false,
    };
    out.push_str(s);
    true
}

/// Folds text for matching: NFD, optional marks dropped, case folded,
/// punctuation turned into word breaks (apostrophes join: O'Brien → obrien),
/// then recomposed to NFC so kept marks sit on their letters again.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`] into `out`, replacing what it held, so that a caller folding
/// many fields can reuse one buffer.
fn fold_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        fold_ascii(text, out);
    } else {
        fold_unicode(text, out);
    }
}

fn fold_unicode(text: &str, out: &mut String) {
    let mut folded = String::with_capacity(text.len());
    let mut base_script = Script::Common;
    for c in text.nfd() {
        if is_combining_mark(c) {
            if marks_are_optional(base_script) {
                continue;
            }
            folded.push(c);
            continue;
        }
        base_script = c.script();
        if fold_letter(c, &mut folded) {
            continue;
        }
        if c.is_alphanumeric() {
            folded.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’' | 'ʼ' | '`') || is_format_char(c) {
            // Joiners (ZWNJ in Persian) and apostrophes vanish rather than split.
        } else if !folded.ends_with(' ') && !folded.is_empty() {
            folded.push(' ');
        }
    }
    out.extend(folded.trim_end().nfc());
}

/// [`fold`] for ASCII text, which is nearly every row of a US voter file:
/// it has no marks, no scripts to tell apart and nothing to normalize, so
/// the same rules reduce to a byte loop.
fn fold_ascii(text: &str, out: &mut String) {
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(b.to_ascii_lowercase() as char);
        } else if matches!(b, b'\'' | b'`') {
            // Apostrophes vanish, as above.
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
}

fn is_format_char(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Scripts written with spaces between words, where a typed prefix of a word
/// is the natural query. Everything else (Han, Kana, Hangul, Thai, Khmer,
/// Arabic, Armenian…) is searched by substring through character n-grams,
/// because a given name is often typed without the family name and CJK names
/// have no separator at all.
pub fn is_prefix_script(word: &str) -> bool {
    word.is_ascii()
        || word.chars().all(|c| {
            matches!(c.script(), Script::Latin | Script::Greek | Script::Cyrillic | Script::Common)
                || is_combining_mark(c)
        })
}

/// Surname spellings that the same family gets in different transliterations.
/// Each group is indexed under every member so any spelling finds the others.
const SURNAME_VARIANTS: &[&[&str]] = &[
    &["lee", "li", "ly", "yi", "rhee", "lie"],
    &["kim", "gim"],
    &["park", "pak", "bak", "pack"],
    &["choi", "choe", "chwe"],
    &["chen", "chan", "tran", "chin"],
    &["wong", "huang", "hwang", "vuong"],
    &["ng", "ngo", "wu", "woo", "vu"],
    &["zhang", "cheung", "chang", "jang"],
    &["liu", "lau", "lao", "luu"],
    &["yang", "yeung", "duong"],
    &["zhou", "chow", "chau"],
    &["lin", "lam", "lim"],
    &["mohammad", "mohammed", "muhammad", "mohamed", "muhammed"],
    &["hossein", "hussein", "husain", "hosseini"],
];

fn variants_of(word: &str) -> Option<&'static [&'static str]> {
    SURNAME_VARIANTS.iter().copied().find(|group| group.contains(&word))
}

/// Pushes a non-prefix-script word as itself plus its character unigrams and
/// bigrams, so that any substring of it can be found.
fn push_ngrams(word: &str, terms: &mut String) {
    push_term(word, terms);
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 2 {
        return;
    }
    let mut buf = String::new();
    for (i, c) in chars.iter().enumerate() {
        buf.clear();
        buf.push(*c);
        push_term(&buf, terms);
        if let Some(next) = chars.get(i + 1) {
            buf.push(*next);
            push_term(&buf, terms);
        }
    }
}

fn push_term(term: &str, terms: &mut String) {
    if !terms.is_empty() {
        terms.push(' ');
    }
    terms.push_str(term);
}

/// The search document for one person: every folded word of every name, the
/// n-grams of words in scripts searched by substring, a Latin transliteration
/// of those words as a secondary key, and the other spellings of a family name.
pub fn search_terms(given: &str, middle: &str, family: &str, native: &str) -> String {
    let mut terms = String::with_capacity(64);
    let mut folded = String::new();
    for (field, is_family) in [(given, false), (middle, false), (family, true), (native, false)] {
        if field.is_empty() {
            continue;
        }
        fold_into(field, &mut folded);
        for word in folded.split(' ').filter(|w| !w.is_empty()) {
            if is_prefix_script(word) {
                push_term(word, &mut terms);
                if is_family && let Some(group) = variants_of(word) {
                    for v in group.iter().filter(|v| **v != word) {
                        push_term(v, &mut terms);
                    }
                }
            } else {
                push_ngrams(word, &mut terms);
                let latin = fold(&deunicode::deunicode(word));
                for w in latin.split(' ').filter(|w| !w.is_empty()) {
                    push_term(w, &mut terms);
                }
            }
        }
    }
    terms
}

/// The search document for one household's address.
pub fn address_terms(house_number: &str, street: &str, unit: &str, city: &str, zip: &str) -> String {
    let mut terms = String::new();
    let mut folded = String::new();
    for field in [house_number, street, unit, city, zip] {
        fold_into(field, &mut folded);
        for word in folded.split(' ').filter(|w| !w.is_empty()) {
            push_term(crate::address_words::canonical(word), &mut terms);
        }
    }
    terms
}

/// What the store indexes a phone by: its national digits, "4155550134"
/// for "(415) 555-0134" and "+1 415.555.0134", "5512345678" for
/// "+52 55 1234 5678"; "" for text with fewer than seven digits. Kept here
/// for the search index's SQL function; [`crate::phone`] reads numbers.
pub fn phone_digits(text: &str) -> String {
    crate::phone::index_key(text)
}

/// An extension split off a phone number; see [`crate::phone::split_extension`].
pub fn split_phone_extension(text: &str) -> (&str, Option<&str>) {
    crate::phone::split_extension(text)
}

/// Quotes one term for an FTS5 MATCH expression.
pub(crate) fn fts_quote(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// Turns a typed name query into an FTS5 MATCH expression over
/// [`search_terms`] documents. Prefix-script words match as prefixes; other
/// words must contain all of the query's bigrams (the caller checks the
/// substring itself, since bigrams alone allow false positives).
pub fn name_match_expression(query: &str) -> Option<String> {
    let folded = fold(query);
    let mut clauses = Vec::new();
    for word in folded.split(' ').filter(|w| !w.is_empty()) {
        if is_prefix_script(word) {
            clauses.push(format!("{}*", fts_quote(word)));
        } else {
            let chars: Vec<char> = word.chars().collect();
            if chars.len() == 1 {
                clauses.push(fts_quote(word));
            } else {
                for pair in chars.windows(2) {
                    clauses.push(fts_quote(&pair.iter().collect::<String>()));
                }
            }
        }
    }
    if clauses.is_empty() { None } else { Some(clauses.join(" AND ")) }
}

/// The words of a query that must appear as substrings of a candidate's
/// folded names (the non-prefix-script words).
pub fn substring_words(query: &str) -> Vec<String> {
    fold(query)
        .split(' ')
        .filter(|w| !w.is_empty() && !is_prefix_script(w) && w.chars().count() > 2)
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_latin_diacritics_and_case() {
        assert_eq!(fold("Nguyễn Thị Đặng"), "nguyen thi dang");
        assert_eq!(fold("José"), "jose");
        assert_eq!(fold("MÜLLER"), "muller");
        assert_eq!(fold("Muñoz-Ibáñez"), "munoz ibanez");
        assert_eq!(fold("O'Brien"), "obrien");
        assert_eq!(fold("  Straße  "), "strasse");
    }

    #[test]
    fn keeps_vowel_signs_of_indic_and_southeast_asian_scripts() {
        // Dropping these would turn the name into different letters.
        assert_eq!(fold("ਗੁਰਪ੍ਰੀਤ"), "ਗੁਰਪ੍ਰੀਤ");
        assert_eq!(fold("सिंह"), "सिंह");
        assert_eq!(fold("សុខា"), "សុខា");
        assert_eq!(fold("สมชาย"), "สมชาย");
    }

    #[test]
    fn unifies_arabic_and_persian_code_points() {
        assert_eq!(fold("علي"), fold("علی"));
        assert_eq!(fold("مُحَمَّد"), "محمد");
        // ZWNJ inside a Persian name does not split it.
        assert_eq!(fold("مهرآ\u{200C}سا"), "مهراسا");
    }

    #[test]
    fn cyrillic_and_greek_lowercase() {
        assert_eq!(fold("Ёлкин"), "елкин");
        assert_eq!(fold("Σωκράτης"), fold("ΣΩΚΡΆΤΗΣ"));
    }

    /// The fixture the UI's `fold.ts` runs too (`ui/src/lib/fold.fixture.test.ts`),
    /// so the phone's as-you-type filter and the store's index fold alike.
    #[test]
    fn folds_the_shared_fixture() {
        #[derive(serde::Deserialize)]
        struct Case {
            input: String,
            fold: String,
            note: String,
        }
        let cases: Vec<Case> = serde_json::from_str(include_str!("../../../schema/fixtures/fold.json")).expect("schema/fixtures/fold.json");
        assert!(cases.len() > 30, "the fixture lost its cases");
        let wrong: Vec<String> = cases
            .iter()
            .filter(|c| fold(&c.input) != c.fold)
            .map(|c| format!("{}: {:?} folds to {:?}, not {:?}", c.note, c.input, fold(&c.input), c.fold))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    proptest::proptest! {
        #[test]
        fn ascii_shortcut_folds_like_the_general_path(text in "[ -~\t\r\n\x00-\x1f\x7f]{0,40}") {
            let (mut ascii, mut unicode) = (String::new(), String::new());
            fold_ascii(&text, &mut ascii);
            fold_unicode(&text, &mut unicode);
            proptest::prop_assert_eq!(ascii, unicode);
            // What lets `is_prefix_script` answer for ASCII without looking.
            for c in text.chars() {
                proptest::prop_assert!(matches!(c.script(), Script::Latin | Script::Common), "{c:?}");
            }
        }
    }

    #[test]
    fn phone_digits_ignore_formatting() {
        for s in ["(415) 555-0134", "+1 415.555.0134", "4155550134", "1-415-555-0134"] {
            assert_eq!(phone_digits(s), "4155550134", "{s}");
        }
        assert_eq!(phone_digits("555"), "");
    }

    #[test]
    fn phone_extensions_are_not_part_of_the_number() {
        for s in ["919-555-0100 x23", "919-555-0100x23", "(919) 555-0100 ext. 23", "919.555.0100 EXT 23",
            "919 555 0100 extension 23", "919-555-0100 #23", "+19195550100;ext=23", "919-555-0100, ext: 23"]
        {
            assert_eq!(split_phone_extension(s).1, Some("23"), "{s}");
            assert_eq!(phone_digits(s), "9195550100", "{s}");
        }
        for s in ["919-555-0100", "919 555 0100", "#23", "ext 23", "9195550100 x"] {
            assert_eq!(split_phone_extension(s).1, None, "{s}");
        }
    }

    #[test]
    fn cjk_terms_hold_every_bigram() {
        let t = search_terms("", "", "", "李小龍");
        for term in ["李小龍", "李", "小", "龍", "李小", "小龍"] {
            assert!(t.split(' ').any(|w| w == term), "{term} missing from {t}");
        }
    }

    #[test]
    fn family_name_variants_are_indexed() {
        let t = search_terms("Min-jun", "", "Lee", "");
        assert!(t.split(' ').any(|w| w == "yi"));
        assert!(t.split(' ').any(|w| w == "min"));
    }

    #[test]
    fn match_expressions() {
        assert_eq!(name_match_expression("Ngu").unwrap(), "\"ngu\"*");
        assert_eq!(name_match_expression("小龍").unwrap(), "\"小龍\"");
        assert_eq!(name_match_expression("李小龍").unwrap(), "\"李小\" AND \"小龍\"");
        assert_eq!(name_match_expression(" ,, "), None);
    }
}
