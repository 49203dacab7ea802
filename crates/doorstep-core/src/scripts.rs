//! Scripts and surveys as organizers write them: one TOML file per script,
//! every language side by side, so a translator sees exactly what the
//! English says and a reviewer can diff one language's change.

use crate::domain::*;
use crate::error::{Error, Result};
use crate::records;
use crate::sync::changes::{self, Entity};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use uuid::Uuid;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScriptFile {
    name: String,
    effort: String,
    effort_kind: Option<String>,
    texts: BTreeMap<String, String>,
    #[serde(default)]
    questions: Vec<QuestionFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    key: String,
    kind: String,
    prompt: BTreeMap<String, String>,
    #[serde(default)]
    options: Vec<OptionFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionFile {
    key: String,
    label: BTreeMap<String, String>,
}

fn tags(map: BTreeMap<String, String>, where_: &str) -> Result<Translations> {
    let mut out = Translations::new();
    for (tag, text) in map {
        let canonical = crate::lang::normalize(&tag)
            .map_err(|e| Error::Invalid(format!("{where_}: {e}")))?
            .ok_or_else(|| Error::Invalid(format!("{where_}: {tag:?} is not a language tag")))?;
        out.insert(canonical, text.trim().to_owned());
    }
    Ok(out)
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportedScript {
    pub effort: Effort,
    pub script: Script,
    /// False when the file matched what the store already had.
    pub changed: bool,
}

/// Loads a script file into `org`, making its effort if needed. A changed
/// text bumps the version; every list of the effort is marked changed so
/// devices in the field get the new script at their next sync.
pub fn import(conn: &mut Connection, org: Uuid, text: &str, source: &str) -> Result<ImportedScript> {
    let file: ScriptFile = toml::from_str(text).map_err(|e| Error::Invalid(format!("{source}: {e}")))?;
    if file.texts.is_empty() {
        return Err(Error::Invalid(format!("{source}: [texts] needs at least one language")));
    }
    let kind: EffortKind = file
        .effort_kind
        .as_deref()
        .unwrap_or("canvass")
        .parse()
        .map_err(|e: UnknownCode| Error::Invalid(format!("{source}: effort_kind: {e}")))?;
    let texts = tags(file.texts, &format!("{source}: [texts]"))?;
    let mut seen = HashSet::new();
    let mut questions = Vec::new();
    for q in file.questions {
        let at = format!("{source}: question {:?}", q.key);
        if !seen.insert(q.key.clone()) {
            return Err(Error::Invalid(format!("{at} appears twice")));
        }
        let kind: QuestionKind = q.kind.parse().map_err(|e: UnknownCode| Error::Invalid(format!("{at}: kind: {e}")))?;
        if kind != QuestionKind::Text && q.options.is_empty() {
            return Err(Error::Invalid(format!("{at}: a {} question needs options", kind.as_str())));
        }
        let options = q
            .options
            .into_iter()
            .map(|o| Ok(SurveyOption { label: tags(o.label, &format!("{at}: option {:?}", o.key))?, key: o.key }))
            .collect::<Result<Vec<_>>>()?;
        questions.push((q.key, kind, tags(q.prompt, &at)?, options));
    }

    let tx = conn.transaction()?;
    let effort_id: Option<Uuid> = tx
        .query_row("SELECT id FROM efforts WHERE org_id = ?1 AND name = ?2", params![org, file.effort], |r| r.get(0))
        .optional()?;
    let effort = Effort { id: effort_id.unwrap_or_else(new_id), name: file.effort.clone(), kind };
    records::upsert_effort(&tx, org, &effort)?;
    let existing = records::script_for_effort(&tx, org, effort.id)?;
    // Question ids stay stable across versions, so answers keep their meaning.
    let question_id = |key: &str| {
        existing.as_ref().and_then(|s| s.questions.iter().find(|q| q.key == key)).map(|q| q.id).unwrap_or_else(new_id)
    };
    let mut script = Script {
        id: existing.as_ref().map(|s| s.id).unwrap_or_else(new_id),
        effort_id: Some(effort.id),
        name: file.name.trim().to_owned(),
        version: 1,
        texts,
        questions: questions
            .into_iter()
            .map(|(key, kind, prompt, options)| SurveyQuestion { id: question_id(&key), key, kind, prompt, options })
            .collect(),
    };
    let changed = match &existing {
        Some(old) => {
            let same = old.name == script.name && old.texts == script.texts && old.questions == script.questions;
            script.version = if same { old.version } else { old.version + 1 };
            !same
        }
        None => true,
    };
    if changed {
        records::upsert_script(&tx, org, &script)?;
        let lists: Vec<Uuid> = tx
            .prepare("SELECT id FROM lists WHERE org_id = ?1 AND effort_id = ?2")?
            .query_map(params![org, effort.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for l in lists {
            changes::record(&tx, org, Entity::List, l, Some(l), false)?;
        }
    }
    tx.commit()?;
    Ok(ImportedScript { effort, script, changed })
}

/// Finds an effort of `org` by id or name.
pub fn resolve_effort(conn: &Connection, org: Uuid, key: &str) -> Result<Effort> {
    let by_id = Uuid::parse_str(key).ok();
    let id: Option<Uuid> = conn
        .query_row("SELECT id FROM efforts WHERE org_id = ?1 AND (id = ?2 OR name = ?3)", params![org, by_id, key], |r| r.get(0))
        .optional()?;
    match id {
        Some(id) => Ok(records::load_effort(conn, org, id)?.expect("just found")),
        None => Err(Error::NotFound { what: "effort", key: key.to_owned() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    const FILE: &str = r#"
name = "Canvass"
effort = "Fall canvass"
[texts]
en = "Hi {given_name}"
vi = "Chào {given_name}"
[[questions]]
key = "volunteer"
kind = "single"
prompt = { en = "Volunteer?", vi = "Tình nguyện?" }
  [[questions.options]]
  key = "yes"
  label = { en = "Yes", vi = "Có" }
"#;

    #[test]
    fn versions_bump_only_on_change() {
        let mut store = Store::open_in_memory().unwrap();
        let org = store.create_org("Org").unwrap().id;
        let a = import(store.conn_mut(), org, FILE, "s.toml").unwrap();
        assert_eq!((a.script.version, a.changed), (1, true));
        let b = import(store.conn_mut(), org, FILE, "s.toml").unwrap();
        assert_eq!((b.script.version, b.changed, b.script.id), (1, false, a.script.id));
        let c = import(store.conn_mut(), org, &FILE.replace("Chào", "Xin chào"), "s.toml").unwrap();
        assert_eq!((c.script.version, c.script.questions[0].id), (2, a.script.questions[0].id));
    }

    #[test]
    fn errors_name_the_file_and_the_place() {
        let mut store = Store::open_in_memory().unwrap();
        let org = store.create_org("Org").unwrap().id;
        let err = import(store.conn_mut(), org, &FILE.replace("kind = \"single\"", "kind = \"pick\""), "s.toml").unwrap_err();
        assert!(err.to_string().contains("s.toml: question \"volunteer\": kind"), "{err}");
        let err = import(store.conn_mut(), org, &FILE.replace("vi = \"Chào", "xx-bad-tag-that-is-long = \"Chào"), "s.toml").unwrap_err();
        assert!(err.to_string().contains("s.toml: [texts]"), "{err}");
    }
}
