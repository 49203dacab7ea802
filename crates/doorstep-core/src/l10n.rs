//! Localization: loading the Fluent catalogs under `locales/`, choosing a
//! locale for a person, and proving every catalog matches the source.
//!
//! The UI formats its own strings (in TypeScript); this module serves the
//! core's own messages and the completeness check that keeps 16 catalogs
//! honest: same messages, same attributes, same variables as English.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The locale every other one is checked against.
pub const SOURCE_LOCALE: &str = "en";
/// The file each locale folder holds.
pub const CATALOG_FILE: &str = "main.ftl";

/// The UI locales Doorstep ships (`ui` in `schema/languages.json`), in the
/// table's order.
pub fn ui_locales() -> impl Iterator<Item = &'static str> {
    crate::lang::languages().iter().filter(|l| l.ui).map(|l| l.tag.as_str())
}

/// The shipped UI locale for a tag, as the UI's `bestMatch` picks it: the
/// locale itself or the nearest one covering it (zh-Hant for zh-Hant-TW,
/// tl for fil-PH), else one of the same language, since a Chinese reader
/// handed the other script still beats English.
pub fn ui_locale(tag: &str) -> Option<&'static str> {
    let want = crate::lang::canonical(&tag.replace('_', "-")).to_lowercase();
    if want.is_empty() {
        return None;
    }
    let covers = |l: &str| {
        let l = l.to_lowercase();
        want == l || want.starts_with(&format!("{l}-"))
    };
    let primary = |t: &str| t.split('-').next().unwrap_or(t).to_lowercase();
    ui_locales()
        .filter(|l| covers(l))
        .max_by_key(|l| l.len())
        .or_else(|| ui_locales().find(|l| primary(l) == primary(&want)))
}

/// The UI locale for a tag, or its language subtag when none ships.
pub fn canonical_locale(tag: &str) -> String {
    match ui_locale(tag) {
        Some(l) => l.to_owned(),
        None => {
            let canon = crate::lang::canonical(tag);
            canon.split(['-', '_']).next().unwrap_or(&canon).to_ascii_lowercase()
        }
    }
}

/// What one message declares: its attributes and the variables it uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shape {
    pub attributes: BTreeSet<String>,
    pub variables: BTreeSet<String>,
}

/// Parses a catalog into message id → shape; syntax errors are reported
/// with their byte offsets, since Fluent otherwise drops bad entries silently.
pub fn shapes(source: &str) -> Result<BTreeMap<String, Shape>, Vec<String>> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => {
            return Err(errors.iter().map(|e| format!("at byte {}: {:?}", e.pos.start, e.kind)).collect());
        }
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
            _ => continue,
        };
        let mut shape = Shape::default();
        if let Some(p) = &value {
            collect_pattern(p, &mut shape.variables);
        }
        for a in &attributes {
            shape.attributes.insert(a.id.name.to_owned());
            collect_pattern(&a.value, &mut shape.variables);
        }
        out.insert(id, shape);
    }
    Ok(out)
}

fn collect_pattern(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            collect_expression(expression, vars);
        }
    }
}

fn collect_expression(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => collect_inline(i, vars),
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, vars);
            for v in variants {
                collect_pattern(&v.value, vars);
            }
        }
    }
}

fn collect_inline(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                collect_inline(a, vars);
            }
            for a in &arguments.named {
                collect_inline(&a.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, vars),
        _ => {}
    }
}

/// Every difference between a locale's catalog and the source's.
pub fn compare(source: &BTreeMap<String, Shape>, other: &BTreeMap<String, Shape>) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, want) in source {
        match other.get(id) {
            None => problems.push(format!("missing message {id}")),
            Some(got) => {
                if got.attributes != want.attributes {
                    problems.push(format!("{id}: attributes {:?}, expected {:?}", got.attributes, want.attributes));
                }
                if got.variables != want.variables {
                    problems.push(format!("{id}: variables {:?}, expected {:?}", got.variables, want.variables));
                }
            }
        }
    }
    for id in other.keys().filter(|id| !source.contains_key(*id)) {
        problems.push(format!("extra message {id}"));
    }
    problems
}

/// Checks every locale folder under `dir` against the source locale.
/// Returns the locales checked, or every problem found, by file.
pub fn check_catalogs(dir: &Path) -> Result<Vec<String>, Vec<String>> {
    let read = |tag: &str| std::fs::read_to_string(dir.join(tag).join(CATALOG_FILE));
    let source_text = read(SOURCE_LOCALE).map_err(|e| vec![format!("{SOURCE_LOCALE}/{CATALOG_FILE}: {e}")])?;
    let source = shapes(&source_text).map_err(|e| e.into_iter().map(|m| format!("{SOURCE_LOCALE}: {m}")).collect::<Vec<_>>())?;
    let mut locales = Vec::new();
    let mut problems = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir).map_err(|e| vec![format!("{}: {e}", dir.display())])?.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let tag = entry.file_name().to_string_lossy().into_owned();
        if !entry.path().is_dir() {
            continue;
        }
        let file = format!("{tag}/{CATALOG_FILE}");
        match read(&tag) {
            Err(e) => problems.push(format!("{file}: {e}")),
            Ok(text) => match shapes(&text) {
                Err(errors) => problems.extend(errors.into_iter().map(|m| format!("{file}: syntax error {m}"))),
                Ok(shape) => problems.extend(compare(&source, &shape).into_iter().map(|m| format!("{file}: {m}"))),
            },
        }
        locales.push(tag);
    }
    if problems.is_empty() { Ok(locales) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_missing_messages_attributes_and_variables() {
        let en = shapes("a = A { $n }\nb = B\n    .title = T\nc = { $count ->\n    [one] one\n   *[other] { $count } many\n}\n").unwrap();
        let xx = shapes("a = A { $m }\nb = B\nd = D\nc = { $count ->\n   *[other] { $count }\n}\n").unwrap();
        let problems = compare(&en, &xx);
        assert!(problems.iter().any(|p| p.contains("a: variables")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("b: attributes")), "{problems:?}");
        assert!(problems.iter().any(|p| p == "extra message d"), "{problems:?}");
        assert!(!problems.iter().any(|p| p.starts_with("c:")), "{problems:?}");
        assert!(shapes("a = {").is_err());
    }

    #[test]
    fn aliases() {
        assert_eq!(canonical_locale("zh-TW"), "zh-Hant");
        assert_eq!(canonical_locale("fil"), "tl");
        assert_eq!(canonical_locale("vi-VN"), "vi");
        assert_eq!(canonical_locale("fil-PH"), "tl");
        assert_eq!(canonical_locale("zh-Hant-TW"), "zh-Hant");
        assert_eq!(canonical_locale("de-AT"), "de");
    }

    /// The table's `ui` flags are the catalogs that ship, so neither side
    /// offers a locale it cannot load.
    #[test]
    fn ui_flags_match_the_locale_folders() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
        let mut folders: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .filter(|e| e.path().join(CATALOG_FILE).is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        folders.sort();
        let mut flagged: Vec<String> = ui_locales().map(str::to_owned).collect();
        flagged.sort();
        assert_eq!(flagged, folders);
    }
}
