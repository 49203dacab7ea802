//! The canonical spellings of address words ("street" → "st"), below both
//! `address` (which parses and keys doors) and `fold` (which indexes them
//! for search), so neither depends on the other: `address` uses `fold`, and
//! both use this.

/// USPS-style abbreviations, so "123 Main Street" and "123 MAIN ST" are one door.
const WORDS: &[(&str, &str)] = &[
    ("street", "st"), ("avenue", "ave"), ("av", "ave"), ("road", "rd"), ("drive", "dr"),
    ("boulevard", "blvd"), ("lane", "ln"), ("court", "ct"), ("place", "pl"),
    ("circle", "cir"), ("terrace", "ter"), ("parkway", "pkwy"), ("highway", "hwy"),
    ("square", "sq"), ("trail", "trl"), ("way", "way"), ("north", "n"), ("south", "s"),
    ("east", "e"), ("west", "w"), ("northeast", "ne"), ("northwest", "nw"),
    ("southeast", "se"), ("southwest", "sw"), ("apartment", "apt"), ("suite", "ste"),
    ("space", "spc"), ("building", "bldg"), ("floor", "fl"),
];

/// The canonical spelling of one folded address word.
pub fn canonical_word(word: &str) -> String {
    canonical(word).to_owned()
}

/// [`canonical_word`], borrowed.
pub(crate) fn canonical(word: &str) -> &str {
    WORDS.iter().find(|(long, _)| *long == word).map_or(word, |(_, short)| short)
}
