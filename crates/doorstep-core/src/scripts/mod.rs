//! Scripts and surveys as organizers write them: one TOML file per script,
//! every language side by side, so a translator sees exactly what the
//! English says and a reviewer can diff one language's change.
//!
//! A script's words are plain texts (`[texts]`, one body per language, with
//! `{given_name}`-style variables), or Fluent (`[fluent]`, one resource per
//! language, each message a paragraph), whose selectors word a message for
//! the voter (`render`). A script is published only when it passes the
//! check (`check`); a published version's languages are reviewed by people
//! who speak them (`review`).

mod check;
mod render;

pub use check::{Failure, Failures, Place, Problem, check};
pub use render::{AgeBand, Formality, Gender, NAME_VARIABLES, SELECTORS, Voter, message_ids, render, render_all, variables};

use crate::domain::*;
use crate::error::{Error, Result};
use crate::records;
use crate::store::now_text;
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
    /// The language the others are checked against; "en" when the script has English.
    base_language: Option<String>,
    #[serde(default)]
    texts: BTreeMap<String, String>,
    #[serde(default)]
    fluent: BTreeMap<String, String>,
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
    show_if: Option<ShowIf>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionFile {
    key: String,
    label: BTreeMap<String, String>,
}

fn tag(tag: &str, where_: &str) -> Result<String> {
    crate::lang::normalize(tag)
        .map_err(|e| Error::Invalid(format!("{where_}: {e}")))?
        .ok_or_else(|| Error::Invalid(format!("{where_}: {tag:?} is not a language tag")))
}

fn tags(map: BTreeMap<String, String>, where_: &str) -> Result<Translations> {
    let mut out = Translations::new();
    for (t, text) in map {
        out.insert(tag(&t, where_)?, text.trim().to_owned());
    }
    Ok(out)
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportedScript {
    pub effort: Effort,
    pub script: Script,
    /// False when the file matched what the store already had.
    pub changed: bool,
    /// Languages of this version no speaker has reviewed yet.
    pub unreviewed: Vec<String>,
}

/// What `publish` answers: the script as stored, and what is left to review.
pub type Published = ImportedScript;

/// Why a script was not published.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The file reads, but fails the publish check: every failure, each
    /// naming the language, the message or question, and the variable.
    #[error("{file}: not published, {} problem(s):\n{failures}", failures.0.len())]
    Refused { file: String, failures: Failures },
    /// The file does not read (TOML, a tag, a question), or the store failed.
    #[error(transparent)]
    Other(#[from] Error),
}

impl From<rusqlite::Error> for PublishError {
    fn from(e: rusqlite::Error) -> Self {
        PublishError::Other(e.into())
    }
}

/// A script file read into a script not yet stored: ids are fresh.
struct Draft {
    effort: String,
    kind: EffortKind,
    script: Script,
}

fn read(text: &str, source: &str) -> Result<Draft> {
    let file: ScriptFile = toml::from_str(text).map_err(|e| Error::Invalid(format!("{source}: {e}")))?;
    if file.texts.is_empty() && file.fluent.is_empty() {
        return Err(Error::Invalid(format!("{source}: [texts] or [fluent] needs at least one language")));
    }
    if !file.texts.is_empty() && !file.fluent.is_empty() {
        return Err(Error::Invalid(format!("{source}: write the script as [texts] or as [fluent], not both")));
    }
    let kind: EffortKind = file
        .effort_kind
        .as_deref()
        .unwrap_or("canvass")
        .parse()
        .map_err(|e: UnknownCode| Error::Invalid(format!("{source}: effort_kind: {e}")))?;
    let texts = tags(file.texts, &format!("{source}: [texts]"))?;
    // Fluent source is kept as written: its whitespace is its syntax.
    let mut fluent = BTreeMap::new();
    for (t, body) in file.fluent {
        fluent.insert(tag(&t, &format!("{source}: [fluent]"))?, body);
    }
    let base_language = match file.base_language {
        Some(b) => tag(&b, &format!("{source}: base_language"))?,
        None if texts.contains_key("en") || fluent.contains_key("en") => "en".to_owned(),
        None => return Err(Error::Invalid(format!("{source}: base_language: name the language the others are checked against"))),
    };
    let mut seen = HashSet::new();
    let mut questions: Vec<SurveyQuestion> = Vec::new();
    for q in file.questions {
        let at = format!("{source}: question {:?}", q.key);
        if !seen.insert(q.key.clone()) {
            return Err(Error::Invalid(format!("{at} appears twice")));
        }
        let kind: QuestionKind = q.kind.parse().map_err(|e: UnknownCode| Error::Invalid(format!("{at}: kind: {e}")))?;
        if kind != QuestionKind::Text && q.options.is_empty() {
            return Err(Error::Invalid(format!("{at}: a {} question needs options", kind.as_str())));
        }
        if let Some(cond) = &q.show_if {
            // Only an earlier question: the survey is asked top to bottom.
            let Some(earlier) = questions.iter().find(|e| e.key == cond.question) else {
                return Err(Error::Invalid(format!("{at}: show_if names {:?}, which is not an earlier question", cond.question)));
            };
            if earlier.kind != QuestionKind::Text && !earlier.options.iter().any(|o| o.key == cond.equals) {
                return Err(Error::Invalid(format!(
                    "{at}: show_if: {:?} is not an option of question {:?}",
                    cond.equals, cond.question
                )));
            }
        }
        let options = q
            .options
            .into_iter()
            .map(|o| Ok(SurveyOption { label: tags(o.label, &format!("{at}: option {:?}", o.key))?, key: o.key }))
            .collect::<Result<Vec<_>>>()?;
        questions.push(SurveyQuestion { id: new_id(), prompt: tags(q.prompt, &at)?, key: q.key, kind, options, show_if: q.show_if });
    }
    let mut script = Script {
        id: new_id(),
        effort_id: None,
        name: file.name.trim().to_owned(),
        version: 1,
        texts,
        questions,
        fluent,
        base_language,
        reviewed: Vec::new(),
    };
    if !script.fluent.is_empty() {
        // What devices built before Fluent scripts show: neutral variants,
        // names left for the UI to fill.
        script.texts = render_all(&script, &Voter::default());
    }
    Ok(Draft { effort: file.effort, kind, script })
}

/// A language's words in a script: what a review of that language vouches for.
type Words = (Option<String>, Option<String>, Vec<(String, Option<String>, Vec<(String, Option<String>)>)>);

fn words(s: &Script, language: &str) -> Words {
    let questions = s
        .questions
        .iter()
        .map(|q| {
            let options = q.options.iter().map(|o| (o.key.clone(), o.label.get(language).cloned())).collect();
            (q.key.clone(), q.prompt.get(language).cloned(), options)
        })
        .collect();
    (s.texts.get(language).cloned(), s.fluent.get(language).cloned(), questions)
}

/// The languages of `script` not in `script.reviewed`.
pub fn unreviewed(script: &Script) -> Vec<String> {
    let mut all: Vec<String> = script.texts.keys().chain(script.fluent.keys()).cloned().collect();
    all.sort();
    all.dedup();
    all.retain(|l| !script.reviewed.contains(l));
    all
}

/// Publishes a script file into `org`, making its effort if needed, once
/// it passes the publish check (every failure is in the error). A changed
/// text bumps the version; every list of the effort is marked changed so
/// devices in the field get the new version at their next sync. A language
/// whose words did not change keeps its review.
pub fn publish(conn: &mut Connection, org: Uuid, text: &str, source: &str) -> Result<Published, PublishError> {
    let Draft { effort: effort_name, kind, mut script } = read(text, source)?;
    check(&script).map_err(|failures| PublishError::Refused { file: source.to_owned(), failures })?;

    let tx = conn.transaction()?;
    let effort_id: Option<Uuid> = tx
        .query_row("SELECT id FROM efforts WHERE org_id = ?1 AND name = ?2", params![org, effort_name], |r| r.get(0))
        .optional()?;
    let effort = Effort { id: effort_id.unwrap_or_else(new_id), name: effort_name, kind };
    records::upsert_effort(&tx, org, &effort).map_err(PublishError::Other)?;
    let existing = records::script_for_effort(&tx, org, effort.id).map_err(PublishError::Other)?;
    script.effort_id = Some(effort.id);
    if let Some(old) = &existing {
        script.id = old.id;
        // Question ids stay stable across versions, so answers keep their meaning.
        for q in &mut script.questions {
            if let Some(o) = old.questions.iter().find(|o| o.key == q.key) {
                q.id = o.id;
            }
        }
    }
    let changed = match &existing {
        Some(old) => {
            let same = old.name == script.name
                && old.texts == script.texts
                && old.fluent == script.fluent
                && old.base_language == script.base_language
                && old.questions == script.questions;
            script.version = if same { old.version } else { old.version + 1 };
            script.reviewed = if same {
                old.reviewed.clone()
            } else {
                old.reviewed.iter().filter(|l| words(old, l) == words(&script, l)).cloned().collect()
            };
            !same
        }
        None => true,
    };
    if changed {
        script.reviewed.sort();
        let carried = std::mem::take(&mut script.reviewed);
        records::upsert_script(&tx, org, &script).map_err(PublishError::Other)?;
        if let Some(old) = &existing {
            for language in &carried {
                tx.execute(
                    "INSERT OR IGNORE INTO script_reviews(script_id, version, language, reviewer_id, reviewed_at)
                     SELECT script_id, ?3, language, reviewer_id, reviewed_at FROM script_reviews
                     WHERE script_id = ?1 AND version = ?2 AND language = ?4",
                    params![script.id, old.version, script.version, language],
                )?;
            }
        }
        script.reviewed = carried;
        mark_lists_changed(&tx, org, effort.id)?;
    }
    tx.commit()?;
    let unreviewed = unreviewed(&script);
    Ok(ImportedScript { effort, script, changed, unreviewed })
}

/// Loads a script file: [`publish`], its refusal as one error.
pub fn import(conn: &mut Connection, org: Uuid, text: &str, source: &str) -> Result<ImportedScript> {
    publish(conn, org, text, source).map_err(|e| match e {
        PublishError::Other(e) => e,
        refused => Error::Invalid(refused.to_string()),
    })
}

/// Every list of the effort changed: devices holding one pull its script anew.
fn mark_lists_changed(conn: &Connection, org: Uuid, effort: Uuid) -> Result<()> {
    let lists: Vec<Uuid> = conn
        .prepare("SELECT id FROM lists WHERE org_id = ?1 AND effort_id = ?2")?
        .query_map(params![org, effort], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for l in lists {
        changes::record(conn, org, Entity::List, l, Some(l), false)?;
    }
    Ok(())
}

/// A language of a script's version, marked reviewed.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Reviewed {
    pub script_id: Uuid,
    pub script_name: String,
    pub version: i64,
    pub language: String,
    pub reviewer: String,
    /// False when that language of that version was reviewed already.
    pub newly: bool,
    /// Languages of this version still to review.
    pub unreviewed: Vec<String>,
}

/// Whether someone who speaks `spoken` can vouch for a text in `language`:
/// the same tag, or the language without a script or region (a speaker of
/// "es" reviews "es-MX"). A script differs in what a reader reads, so
/// "zh-Hant" does not review "zh-Hans".
fn speaks(spoken: &str, language: &str) -> bool {
    if spoken.eq_ignore_ascii_case(language) {
        return true;
    }
    let mut subtags = language.split('-');
    let primary = subtags.next().unwrap_or_default();
    let has_script = subtags.any(|t| t.len() == 4 && t.chars().all(|c| c.is_ascii_alphabetic()));
    !spoken.contains('-') && primary.eq_ignore_ascii_case(spoken) && !has_script
}

/// Marks `language` of the current version of `script` (an id or a name in
/// `org`) reviewed by `reviewer`, a user of `org` who speaks it. Devices get
/// the mark at their next sync.
pub fn review(conn: &mut Connection, org: Uuid, script: &str, language: &str, reviewer: Uuid) -> Result<Reviewed> {
    let language = tag(language, "language")?;
    let user = crate::accounts::user(conn, reviewer)?;
    if user.org_id != org {
        return Err(Error::NotFound { what: "user", key: reviewer.to_string() });
    }
    if !user.languages.iter().any(|l| speaks(l, &language)) {
        return Err(Error::Invalid(format!(
            "{} does not speak {language} (they speak: {}); a review needs a speaker",
            user.name,
            if user.languages.is_empty() { "no language given".to_owned() } else { user.languages.join(", ") }
        )));
    }
    let by_id = Uuid::parse_str(script).ok();
    let tx = conn.transaction()?;
    let found: Option<Uuid> = tx
        .query_row(
            "SELECT effort_id FROM scripts WHERE org_id = ?1 AND (id = ?2 OR name = ?3) AND effort_id IS NOT NULL ORDER BY id DESC LIMIT 1",
            params![org, by_id, script],
            |r| r.get(0),
        )
        .optional()?;
    let effort = found.ok_or_else(|| Error::NotFound { what: "script", key: script.to_owned() })?;
    let mut s = records::script_for_effort(&tx, org, effort)?.ok_or_else(|| Error::NotFound { what: "script", key: script.to_owned() })?;
    if !s.texts.contains_key(&language) && !s.fluent.contains_key(&language) {
        return Err(Error::Invalid(format!("script {:?} version {} has no {language} text to review", s.name, s.version)));
    }
    let newly = tx.execute(
        "INSERT OR IGNORE INTO script_reviews(script_id, version, language, reviewer_id, reviewed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![s.id, s.version, language, reviewer, now_text()],
    )? == 1;
    if newly {
        mark_lists_changed(&tx, org, effort)?;
        s.reviewed.push(language.clone());
        s.reviewed.sort();
    }
    tx.commit()?;
    tracing::info!(script = %s.id, version = s.version, %language, "script language reviewed");
    Ok(Reviewed { script_id: s.id, script_name: s.name.clone(), version: s.version, language, reviewer: user.name, newly, unreviewed: unreviewed(&s) })
}

/// Checks an attempt's survey answers against the script it names, when
/// this store holds that version of it (an attempt made with an older
/// version, or none, has nothing here to be checked against).
pub fn check_attempt_answers(conn: &Connection, org: Uuid, attempt: &Attempt) -> Result<()> {
    let (Some(script_id), Some(effort)) = (attempt.script_id, attempt.effort_id) else { return Ok(()) };
    let Some(script) = records::script_for_effort(conn, org, effort)? else { return Ok(()) };
    if script.id != script_id || attempt.script_version.is_some_and(|v| v != script.version) {
        return Ok(());
    }
    crate::attempt::check_survey_answers(&script.questions, &attempt.answers)?;
    Ok(())
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
