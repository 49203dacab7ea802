//! Language tags: turning what voter files and people write ("VIETNAMESE",
//! "spa", "Tiếng Việt", "zh-TW") into the BCP-47 tags Doorstep stores.
//!
//! Every language Doorstep knows is one entry of `schema/languages.json`,
//! which the UI reads too (ui/src/i18n/match.ts), so a tag typed on a phone
//! and one imported from a voter file land on the same language.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;
use unic_langid::LanguageIdentifier;

/// One language Doorstep knows.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// The tag Doorstep stores.
    pub tag: String,
    /// Its name in itself, never translated.
    pub endonym: String,
    /// What people and voter files write for it, matched after folding.
    pub names: Vec<String>,
    /// Tags that mean it, whole or as the language subtag.
    pub aliases: Vec<String>,
    /// A UI catalog ships for it under `locales/<tag>/`.
    pub ui: bool,
    /// Shown on the "I speak…" card and in pickers.
    pub card: bool,
    #[serde(default)]
    pub dir: Direction,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

#[derive(Deserialize)]
struct File {
    unknown: Vec<String>,
    languages: Vec<Language>,
}

struct Table {
    languages: Vec<Language>,
    /// Folded name → index.
    names: HashMap<String, usize>,
    /// Lowercased tag or alias → index.
    aliases: HashMap<String, usize>,
    unknown: Vec<String>,
}

/// The table, parsed once; the file is part of the build, so a bad entry is
/// a build mistake that every test using the table reports.
static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let file: File = serde_json::from_str(include_str!("../../../schema/languages.json")).expect("schema/languages.json is valid");
    let mut names = HashMap::new();
    let mut aliases = HashMap::new();
    for (i, l) in file.languages.iter().enumerate() {
        for name in l.names.iter().chain([&l.endonym]) {
            names.insert(crate::fold::fold(name), i);
        }
        for alias in l.aliases.iter().chain([&l.tag]) {
            aliases.insert(alias.to_lowercase(), i);
        }
    }
    let unknown = file.unknown.iter().map(|u| crate::fold::fold(u)).collect();
    Table { languages: file.languages, names, aliases, unknown }
});

/// Every language Doorstep knows, in the card's order.
pub fn languages() -> &'static [Language] {
    &TABLE.languages
}

/// Normalizes a language written in a voter file or typed by a person.
/// `Ok(None)` means the source recorded nothing; `Err` quotes what was not understood.
pub fn normalize(value: &str) -> Result<Option<String>, String> {
    let table = &*TABLE;
    let folded = crate::fold::fold(value);
    if table.unknown.contains(&folded) {
        return Ok(None);
    }
    if let Some(&i) = table.names.get(&folded) {
        return Ok(Some(table.languages[i].tag.clone()));
    }
    let trimmed = value.trim();
    if ((2..=3).contains(&trimmed.len()) || trimmed.contains(['-', '_']))
        && let Ok(id) = trimmed.parse::<LanguageIdentifier>()
    {
        return Ok(Some(canonical_tag(&id)));
    }
    Err(format!("{value:?} is not a language Doorstep knows (use a name such as \"Vietnamese\" or a BCP-47 tag such as \"vi\")"))
}

/// A tag with the table's aliases applied: a whole tag (zh-TW → zh-Hant), or
/// its language subtag, keeping the script and region people wrote
/// (fil-PH → tl-PH, hmn-US → hmn-Latn-US).
pub fn canonical_tag(id: &LanguageIdentifier) -> String {
    let table = &*TABLE;
    let s = id.to_string();
    if let Some(&i) = table.aliases.get(&s.to_lowercase()) {
        return table.languages[i].tag.clone();
    }
    let Some(&i) = table.aliases.get(id.language.as_str()) else { return s };
    let target: LanguageIdentifier = table.languages[i].tag.parse().expect("table tags parse");
    let merged = LanguageIdentifier::from_parts(target.language, id.script.or(target.script), id.region.or(target.region), &id.variants().cloned().collect::<Vec<_>>());
    merged.to_string()
}

/// [`canonical_tag`] of a tag given as text; text that is no tag is returned trimmed.
pub fn canonical(tag: &str) -> String {
    let t = tag.trim();
    match t.parse::<LanguageIdentifier>() {
        Ok(id) => canonical_tag(&id),
        Err(_) => t.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{languages, normalize};
    use serde::Deserialize;
    use std::collections::HashMap;

    #[test]
    fn voter_file_values() {
        assert_eq!(normalize("VIETNAMESE").unwrap().as_deref(), Some("vi"));
        assert_eq!(normalize("Tiếng Việt").unwrap().as_deref(), Some("vi"));
        assert_eq!(normalize("spa").unwrap().as_deref(), Some("es"));
        assert_eq!(normalize("zh-TW").unwrap().as_deref(), Some("zh-Hant"));
        assert_eq!(normalize("ko").unwrap().as_deref(), Some("ko"));
        assert_eq!(normalize("fil").unwrap().as_deref(), Some("tl"));
        assert_eq!(normalize("OTHER").unwrap(), None);
        assert!(normalize("Klingonese").unwrap_err().contains("Klingonese"));
    }

    /// One case of schema/fixtures/languages.json, which vitest runs too
    /// (ui/src/i18n/languages.fixture.test.ts).
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(crate) struct Case {
        pub input: String,
        /// The stored tag; absent for "not recorded" and for errors.
        pub tag: Option<String>,
        /// The UI locale that tag gets, if one ships.
        pub ui: Option<String>,
        #[serde(default)]
        pub error: bool,
        #[allow(dead_code)]
        pub note: String,
    }

    pub(crate) fn cases() -> Vec<Case> {
        serde_json::from_str(include_str!("../../../schema/fixtures/languages.json")).expect("schema/fixtures/languages.json parses")
    }

    #[test]
    fn normalizes_the_shared_fixture() {
        let cases = cases();
        assert!(cases.len() > 40);
        let mut wrong = Vec::new();
        for c in &cases {
            let got = normalize(&c.input);
            let ok = match &got {
                Err(e) => c.error && e.contains(&format!("{:?}", c.input)),
                Ok(tag) => !c.error && *tag == c.tag,
            };
            let ui = got.ok().flatten().and_then(|t| crate::l10n::ui_locale(&t));
            if !ok || ui != c.ui.as_deref() {
                wrong.push(format!("{:?}: tag {:?}, ui {ui:?}; expected {:?}, ui {:?}{}", c.input, normalize(&c.input), c.tag, c.ui, if c.error { " (an error)" } else { "" }));
            }
        }
        assert!(wrong.is_empty(), "{} of {} cases differ:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
    }

    #[test]
    fn every_name_and_alias_means_one_language() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for l in languages() {
            assert_eq!(normalize(&l.tag).unwrap().as_deref(), Some(l.tag.as_str()), "{} is its own tag", l.tag);
            for n in l.names.iter().chain(&l.aliases).chain([&l.endonym]) {
                let key = crate::fold::fold(n);
                if let Some(other) = seen.insert(key, &l.tag) {
                    assert_eq!(other, l.tag, "{n:?} means both {other} and {}", l.tag);
                }
                assert_eq!(normalize(n).unwrap().as_deref(), Some(l.tag.as_str()), "{n:?}");
            }
        }
    }
}
