//! Lists, the efforts they serve and the scripts those efforts use.

use super::{from_json, json};
use crate::domain::*;
use crate::error::Result;
use crate::store::now_text;
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

pub fn load_list(conn: &Connection, org: Uuid, id: Uuid) -> Result<Option<List>> {
    Ok(conn
        .prepare_cached("SELECT id, name, kind, effort_id FROM lists WHERE id = ?1 AND +org_id = ?2")?
        .query_row(params![id, org], |r| {
            let kind: String = r.get(2)?;
            Ok(List { id: r.get(0)?, name: r.get(1)?, kind: kind.parse().unwrap_or(ListKind::Walk), effort_id: r.get(3)? })
        })
        .optional()?)
}

pub fn load_effort(conn: &Connection, org: Uuid, id: Uuid) -> Result<Option<Effort>> {
    Ok(conn
        .prepare_cached("SELECT id, name, kind FROM efforts WHERE id = ?1 AND +org_id = ?2")?
        .query_row(params![id, org], |r| {
            let kind: String = r.get(2)?;
            Ok(Effort { id: r.get(0)?, name: r.get(1)?, kind: kind.parse().unwrap_or(EffortKind::Canvass) })
        })
        .optional()?)
}

/// The script an effort uses (the newest, if several were written).
pub fn script_for_effort(conn: &Connection, org: Uuid, effort: Uuid) -> Result<Option<Script>> {
    let found: Option<(Uuid, String, i64, String)> = conn
        .prepare_cached(
            "SELECT id, name, version, base_language FROM scripts WHERE effort_id = ?1 AND +org_id = ?2 ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![effort, org], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let Some((id, name, version, base_language)) = found else { return Ok(None) };
    let rows: Vec<(String, String, Option<String>)> = conn
        .prepare_cached("SELECT language, body, fluent FROM script_texts WHERE script_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut texts = std::collections::BTreeMap::new();
    let mut fluent = std::collections::BTreeMap::new();
    for (language, body, source) in rows {
        if let Some(source) = source {
            fluent.insert(language.clone(), source);
        }
        texts.insert(language, body);
    }
    let reviewed = conn
        .prepare_cached("SELECT language FROM script_reviews WHERE script_id = ?1 AND version = ?2 ORDER BY language")?
        .query_map(params![id, version], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut questions = Vec::new();
    let mut q =
        conn.prepare_cached("SELECT id, key, kind, prompt, show_if FROM survey_questions WHERE script_id = ?1 ORDER BY position")?;
    let mut o = conn.prepare_cached("SELECT key, label FROM survey_options WHERE question_id = ?1 ORDER BY position")?;
    let rows: Vec<(Uuid, String, String, String, Option<String>)> =
        q.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?.collect::<rusqlite::Result<_>>()?;
    for (qid, key, kind, prompt, show_if) in rows {
        let options = o
            .query_map([qid], |r| Ok(SurveyOption { key: r.get(0)?, label: from_json(&r.get::<_, String>(1)?) }))?
            .collect::<rusqlite::Result<_>>()?;
        questions.push(SurveyQuestion {
            id: qid,
            key,
            kind: kind.parse().unwrap_or(QuestionKind::Text),
            prompt: from_json(&prompt),
            options,
            show_if: show_if.and_then(|s| serde_json::from_str(&s).ok()),
        });
    }
    Ok(Some(Script { id, effort_id: Some(effort), name, version, texts, questions, fluent, base_language, reviewed }))
}

pub fn upsert_effort(conn: &Connection, org: Uuid, e: &Effort) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO efforts(id, org_id, name, kind) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind",
    )?
    .execute(params![e.id, org, e.name, e.kind.as_str()])?;
    Ok(())
}

/// Writes a script with its texts and survey, replacing what it had.
pub fn upsert_script(conn: &Connection, org: Uuid, s: &Script) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO scripts(id, org_id, effort_id, name, version, base_language) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(id) DO UPDATE SET effort_id = excluded.effort_id, name = excluded.name, version = excluded.version,
           base_language = excluded.base_language",
    )?
    .execute(params![s.id, org, s.effort_id, s.name, s.version, s.base_language])?;
    conn.prepare_cached("DELETE FROM script_texts WHERE script_id = ?1")?.execute([s.id])?;
    conn.prepare_cached("DELETE FROM survey_questions WHERE script_id = ?1")?.execute([s.id])?;
    for (lang, body) in &s.texts {
        conn.prepare_cached("INSERT INTO script_texts(script_id, language, body, fluent) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![s.id, lang, body, s.fluent.get(lang)])?;
    }
    // Reviews are kept per version (an endpoint's history); a device learns
    // of them with the script, not who reviewed.
    for lang in &s.reviewed {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO script_reviews(script_id, version, language, reviewer_id, reviewed_at) VALUES (?1, ?2, ?3, NULL, ?4)",
        )?
        .execute(params![s.id, s.version, lang, now_text()])?;
    }
    for (i, q) in s.questions.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO survey_questions(id, org_id, script_id, key, position, kind, prompt, show_if)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![q.id, org, s.id, q.key, i as i64, q.kind.as_str(), json(&q.prompt), q.show_if.as_ref().map(json)])?;
        for (j, opt) in q.options.iter().enumerate() {
            conn.prepare_cached("INSERT INTO survey_options(question_id, key, position, label) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![q.id, opt.key, j as i64, json(&opt.label)])?;
        }
    }
    Ok(())
}

pub fn upsert_list(conn: &Connection, org: Uuid, l: &List) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO lists(id, org_id, effort_id, name, kind, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(id) DO UPDATE SET effort_id = excluded.effort_id, name = excluded.name, kind = excluded.kind",
    )?
    .execute(params![l.id, org, l.effort_id, l.name, l.kind.as_str(), now_text()])?;
    Ok(())
}
