//! Every shipped locale has every message of the English source, with the
//! same attributes and variables, parsed with fluent-syntax.

#[test]
fn every_locale_is_complete() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    match doorstep_core::l10n::check_catalogs(&dir) {
        Ok(locales) => {
            let want = ["ar", "en", "es", "fa", "hi", "hy", "ja", "km", "ko", "pa", "ru", "th", "tl", "vi", "zh-Hans", "zh-Hant"];
            for tag in want {
                assert!(locales.iter().any(|l| l == tag), "locale {tag} is missing; found {locales:?}");
            }
        }
        Err(problems) => panic!("{} problem(s):\n{}", problems.len(), problems.join("\n")),
    }
}

#[test]
fn translations_are_not_copies_of_english() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let en = std::fs::read_to_string(dir.join("en/main.ftl")).unwrap();
    let value_lines = |s: &str| -> Vec<String> {
        s.lines().filter(|l| l.contains(" = ") && !l.trim_start().starts_with('#')).map(|l| l.split_once(" = ").unwrap().1.trim().to_owned()).collect()
    };
    let en_values = value_lines(&en);
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let tag = entry.file_name().to_string_lossy().into_owned();
        if tag == "en" {
            continue;
        }
        let text = std::fs::read_to_string(entry.path().join("main.ftl")).unwrap();
        let same = value_lines(&text).iter().filter(|v| en_values.contains(v) && v.chars().any(char::is_alphabetic) && !v.starts_with('{')).count();
        assert!(same * 10 < en_values.len(), "{tag}: {same} of {} values are the English text", en_values.len());
    }
}
