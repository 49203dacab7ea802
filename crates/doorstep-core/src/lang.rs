//! Language tags: turning what voter files and people write ("VIETNAMESE",
//! "spa", "Tiếng Việt", "zh-TW") into the BCP-47 tags Doorstep stores.

use unic_langid::LanguageIdentifier;

/// Names and ISO 639-2/3 codes seen in voter files, with their tags.
/// Cantonese maps to Traditional Chinese, as written materials follow script.
const NAMES: &[(&str, &str)] = &[
    ("english", "en"), ("eng", "en"),
    ("spanish", "es"), ("spa", "es"), ("espanol", "es"),
    ("chinese", "zh"), ("chi", "zh"), ("zho", "zh"), ("mandarin", "zh-Hans"), ("cmn", "zh-Hans"),
    ("cantonese", "zh-Hant"), ("yue", "zh-Hant"), ("zh-tw", "zh-Hant"), ("zh-hk", "zh-Hant"), ("zh-cn", "zh-Hans"),
    ("vietnamese", "vi"), ("vie", "vi"), ("tieng viet", "vi"),
    ("korean", "ko"), ("kor", "ko"),
    ("tagalog", "tl"), ("tgl", "tl"), ("filipino", "tl"), ("fil", "tl"),
    ("armenian", "hy"), ("arm", "hy"), ("hye", "hy"),
    ("persian", "fa"), ("farsi", "fa"), ("per", "fa"), ("fas", "fa"), ("dari", "fa"), ("prs", "fa"),
    ("arabic", "ar"), ("ara", "ar"),
    ("khmer", "km"), ("cambodian", "km"), ("khm", "km"),
    ("punjabi", "pa"), ("panjabi", "pa"), ("pan", "pa"),
    ("russian", "ru"), ("rus", "ru"),
    ("japanese", "ja"), ("jpn", "ja"),
    ("hindi", "hi"), ("hin", "hi"),
    ("thai", "th"), ("tha", "th"),
    ("hmong", "hmn-Latn"), ("hmn", "hmn-Latn"),
    ("lao", "lo"), ("laotian", "lo"),
    ("portuguese", "pt"), ("por", "pt"),
    ("french", "fr"), ("fre", "fr"), ("fra", "fr"),
    ("somali", "so"), ("som", "so"),
    ("burmese", "my"), ("bur", "my"), ("mya", "my"),
    ("bengali", "bn"), ("ben", "bn"), ("telugu", "te"), ("tel", "te"),
    ("gujarati", "gu"), ("guj", "gu"), ("indonesian", "id"), ("ind", "id"),
    ("mongolian", "mn"), ("mon", "mn"), ("ukrainian", "uk"), ("ukr", "uk"),
    ("urdu", "ur"), ("urd", "ur"), ("tamil", "ta"), ("tam", "ta"),
];

/// Values that mean "not recorded".
const UNKNOWN: &[&str] = &["", "other", "unknown", "unk", "none", "n/a", "na", "oth", "decline"];

/// Normalizes a language written in a voter file or typed by a person.
/// `Ok(None)` means the source recorded nothing; `Err` quotes what was not understood.
pub fn normalize(value: &str) -> Result<Option<String>, String> {
    let folded = crate::fold::fold(value);
    if UNKNOWN.contains(&folded.as_str()) {
        return Ok(None);
    }
    let lower = value.trim().to_lowercase();
    if let Some((_, tag)) = NAMES.iter().find(|(name, _)| *name == folded || *name == lower) {
        return Ok(Some((*tag).to_owned()));
    }
    if (lower.len() <= 3 && lower.len() >= 2 || value.contains('-'))
        && let Ok(id) = value.trim().parse::<LanguageIdentifier>()
    {
        return Ok(Some(canonical_tag(&id)));
    }
    Err(format!("{value:?} is not a language Doorstep knows (use a name such as \"Vietnamese\" or a BCP-47 tag such as \"vi\")"))
}

/// A tag with the aliases the field needs applied: zh-TW/zh-HK → zh-Hant,
/// zh-CN → zh-Hans, fil → tl, prs → fa.
pub fn canonical_tag(id: &LanguageIdentifier) -> String {
    let s = id.to_string();
    match s.to_lowercase().as_str() {
        "zh-tw" | "zh-hk" | "zh-mo" | "yue" | "zh-hant-tw" => "zh-Hant".into(),
        "zh-cn" | "zh-sg" => "zh-Hans".into(),
        "fil" => "tl".into(),
        "prs" => "fa".into(),
        "hmn" => "hmn-Latn".into(),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

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
}
