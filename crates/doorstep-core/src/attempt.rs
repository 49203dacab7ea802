//! What an attempt may hold when it enters: recorded on a device, or
//! brought to the endpoint by a push. Both run [`check`], so a device never
//! queues what the endpoint will refuse, and once an attempt is stored
//! (append-only, nobody can fix it from the app) every device can read it.
//!
//! Errors name the field and the limit, never the value: a note or an
//! answer is what a voter said, and errors travel to devices and logs.

use crate::domain::{Attempt, ContactResult};
use crate::sync::hlc;
use chrono::{DateTime, Datelike, TimeDelta, Utc};
use serde_json::Value;
use std::collections::BTreeMap;

/// The earliest year an attempt may carry. A phone whose clock was reset
/// (flat battery, no network) reads 1970, and writes it: that is a wrong
/// clock, clamped below, not a reason to refuse. Nothing earlier comes
/// from a phone's clock.
pub const MIN_YEAR: i32 = 1970;
/// The latest year RFC 3339 can write: chrono writes a later one with a
/// sign and more digits ("+262142-12-31T23:59:59Z"), which every reader in
/// the codebase (`DateTime::parse_from_rfc3339`, and SQL that orders the
/// stored text) cannot read or sort.
pub const MAX_YEAR: i32 = 9999;
/// How far behind the endpoint's clock an attempt's time may be before it
/// is clamped. A device whose token went 120 days without a sync is shut
/// out, so no honest attempt arrives much older; the margin is for
/// organizers who restore a device's backup.
pub const MAX_BEHIND: TimeDelta = TimeDelta::days(400);
/// How far ahead of the endpoint's clock an attempt's time may be: the same
/// bound the endpoint puts on edit clocks ([`hlc::MAX_AHEAD_MS`]).
pub const MAX_AHEAD: TimeDelta = TimeDelta::milliseconds(hlc::MAX_AHEAD_MS as i64);

/// A canvasser's note is a sentence or two typed on a phone at a door;
/// this is a page of text, in characters so that every script gets as many.
pub const MAX_NOTE_CHARS: usize = 4000;
/// RFC 5646 §4.4.1: a tag of up to 35 characters is enough for any language.
pub const MAX_LANGUAGE_TAG_CHARS: usize = 35;
/// Survey answers: a script has a handful of questions, each keyed by a
/// short name and answered by an option key, a number, yes/no, a list of
/// option keys, or (a text question) a few sentences.
pub const MAX_ANSWERS: usize = 64;
pub const MAX_ANSWER_KEY_CHARS: usize = 64;
pub const MAX_ANSWER_TEXT_CHARS: usize = 1000;
pub const MAX_ANSWER_CHOICES: usize = 64;
/// All answers of one attempt as JSON: what a pull carries for them.
pub const MAX_ANSWERS_BYTES: usize = 8 * 1024;

/// One field of something entered that breaks a rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {rule}")]
pub struct EntryError {
    /// The field as the wire names it ("note", "household.street").
    pub field: String,
    pub rule: Rule,
}

/// The rule a field broke, with its limit. Never holds the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Rule {
    #[error("longer than {max} characters")]
    TooLong { max: usize },
    #[error("more than {max} bytes")]
    TooBig { max: usize },
    #[error("more than {max} entries")]
    TooMany { max: usize },
    #[error("must be {0}")]
    Expected(&'static str),
}

impl EntryError {
    pub fn new(field: impl Into<String>, rule: Rule) -> EntryError {
        EntryError { field: field.into(), rule }
    }
}

impl From<EntryError> for crate::Error {
    fn from(e: EntryError) -> Self {
        crate::Error::Invalid(e.to_string())
    }
}

/// Checks an attempt as it enters, at `now` by the clock of whoever checks:
/// refuses what breaks a rule, and clamps a time that is merely off (a
/// phone's wrong clock) into `[now - MAX_BEHIND, now]`, normalizing
/// language tags in place.
pub fn check(attempt: &mut Attempt, now: DateTime<Utc>) -> Result<(), EntryError> {
    check_time("attempted_at", &mut attempt.attempted_at, now)?;
    text("note", &attempt.note, MAX_NOTE_CHARS)?;
    language("language_used", &mut attempt.language_used)?;
    if let ContactResult::LanguageBarrier { language: heard } = &mut attempt.result {
        language("result.language", heard)?;
    }
    check_answers(&attempt.answers)
}

/// A time outside the years RFC 3339 writes is refused: no device's clock
/// wrote it. One merely off is clamped: refusing it would block that
/// device's outbox for good, since it would send the same attempt forever.
/// Ahead beyond [`MAX_AHEAD`] it becomes `now`, as `hlc::clamp` does an edit's
/// clock (nothing happened later than it arrived); behind beyond
/// [`MAX_BEHIND`] it becomes the window's start. The device keeps the time
/// it wrote; it is never sent its own attempts back.
pub fn check_time(field: &str, at: &mut DateTime<Utc>, now: DateTime<Utc>) -> Result<(), EntryError> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&at.year()) {
        return Err(EntryError::new(field, Rule::Expected("a time between the years 1970 and 9999")));
    }
    if *at > now + MAX_AHEAD {
        *at = now;
    } else if *at < now - MAX_BEHIND {
        *at = now - MAX_BEHIND;
    }
    Ok(())
}

/// At most `max` characters. Counted only when the bytes could be more.
pub fn text(field: &str, s: &str, max: usize) -> Result<(), EntryError> {
    if s.len() > max && s.chars().count() > max {
        return Err(EntryError::new(field, Rule::TooLong { max }));
    }
    Ok(())
}

/// A BCP-47 tag, or a language name `lang::normalize` knows, rewritten to
/// its tag; empty (or "unknown") for none.
pub fn language(field: &str, tag: &mut String) -> Result<(), EntryError> {
    if tag.is_empty() {
        return Ok(());
    }
    // Checked first: `normalize` folds the whole text, and quotes it when
    // it fails.
    text(field, tag, MAX_LANGUAGE_TAG_CHARS)?;
    *tag = crate::lang::normalize(tag)
        .map_err(|_| EntryError::new(field, Rule::Expected("a language tag such as \"vi\" or \"zh-Hant\"")))?
        .unwrap_or_default();
    Ok(())
}

/// Keys short, values flat (text, a number, yes/no, or a list of option
/// keys), and all of it small: answers are carried to every device on the
/// list.
pub fn check_answers(answers: &BTreeMap<String, Value>) -> Result<(), EntryError> {
    const FIELD: &str = "answers";
    let value_rule = Rule::Expected("text, a number, true or false, or a list of option keys, for each question");
    if answers.len() > MAX_ANSWERS {
        return Err(EntryError::new(FIELD, Rule::TooMany { max: MAX_ANSWERS }));
    }
    for (key, value) in answers {
        if key.is_empty() {
            return Err(EntryError::new(FIELD, Rule::Expected("keyed by question keys")));
        }
        text("answers (a question key)", key, MAX_ANSWER_KEY_CHARS)?;
        match value {
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
            Value::String(s) => text(FIELD, s, MAX_ANSWER_TEXT_CHARS)?,
            Value::Array(choices) => {
                if choices.len() > MAX_ANSWER_CHOICES {
                    return Err(EntryError::new(FIELD, Rule::TooMany { max: MAX_ANSWER_CHOICES }));
                }
                for c in choices {
                    let c = c.as_str().ok_or_else(|| EntryError::new(FIELD, value_rule.clone()))?;
                    text("answers (an option key)", c, MAX_ANSWER_KEY_CHARS)?;
                }
            }
            Value::Object(_) => return Err(EntryError::new(FIELD, value_rule)),
        }
    }
    if json_len(answers) > MAX_ANSWERS_BYTES {
        return Err(EntryError::new(FIELD, Rule::TooBig { max: MAX_ANSWERS_BYTES }));
    }
    Ok(())
}

/// The length of `v` as JSON, without writing it anywhere.
fn json_len(v: &impl serde::Serialize) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut n = Count(0);
    serde_json::to_writer(&mut n, v).expect("counting cannot fail");
    n.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn now() -> DateTime<Utc> {
        "2026-06-01T12:00:00Z".parse().unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).map(|t| t.to_utc()).or_else(|_| s.parse()).unwrap()
    }

    /// What a check did: refused naming a field, or passed leaving this time.
    #[derive(Debug, PartialEq)]
    enum Outcome {
        Refused(&'static str),
        Kept,
        ClampedTo(DateTime<Utc>),
    }

    #[test]
    fn times() {
        let cases: Vec<(&str, Outcome)> = vec![
            ("2026-06-01T11:00:00Z", Outcome::Kept),
            ("2026-06-01T12:04:59Z", Outcome::Kept),
            ("2026-06-02T12:00:00Z", Outcome::ClampedTo(now())),
            ("2025-06-01T12:00:00Z", Outcome::Kept),
            ("2024-01-01T00:00:00Z", Outcome::ClampedTo(now() - MAX_BEHIND)),
            ("1970-01-01T00:00:00Z", Outcome::ClampedTo(now() - MAX_BEHIND)),
            ("9999-12-31T23:59:59Z", Outcome::ClampedTo(now())),
            ("1969-12-31T23:59:59Z", Outcome::Refused("attempted_at")),
            ("0001-01-01T00:00:00Z", Outcome::Refused("attempted_at")),
            ("+10000-01-01T00:00:00Z", Outcome::Refused("attempted_at")),
            ("+262142-12-31T23:59:59Z", Outcome::Refused("attempted_at")),
        ];
        for (when, want) in cases {
            // As a push brings it: serde reads what RFC 3339 cannot.
            let mut a: Attempt = serde_json::from_value(json!({
                "id": uuid::Uuid::now_v7(), "channel": "door", "result": {"code": "not_home"},
                "answers": {}, "note": "", "language_used": "", "attempted_at": when,
            }))
            .unwrap();
            let before = a.attempted_at;
            assert_eq!(before, at(when));
            let got = match check(&mut a, now()) {
                Err(e) => {
                    assert!(!e.to_string().contains(when.trim_start_matches('+')), "{e}");
                    Outcome::Refused(if e.field == "attempted_at" { "attempted_at" } else { "?" })
                }
                Ok(()) if a.attempted_at == before => Outcome::Kept,
                Ok(()) => Outcome::ClampedTo(a.attempted_at),
            };
            assert_eq!(got, want, "{when}");
            if got != Outcome::Refused("attempted_at") {
                // What is kept, every reader can read back.
                let written = a.attempted_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
                assert_eq!(DateTime::parse_from_rfc3339(&written).unwrap().to_utc(), a.attempted_at, "{when}");
            }
        }
        // The window's ends are the years RFC 3339 can write and read.
        for year in [MIN_YEAR, MAX_YEAR] {
            let t = chrono::NaiveDate::from_ymd_opt(year, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
            assert!(DateTime::parse_from_rfc3339(&t.to_rfc3339()).is_ok(), "{year}");
        }
        let past = chrono::NaiveDate::from_ymd_opt(MAX_YEAR + 1, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc();
        assert!(DateTime::parse_from_rfc3339(&past.to_rfc3339()).is_err(), "{}", past.to_rfc3339());
    }

    #[test]
    fn texts_tags_and_answers() {
        const SECRET: &str = "Maria Lopez 310-555-0199";
        fn long(n: usize) -> String {
            format!("{SECRET} {}", "x".repeat(n))
        }
        fn many(n: usize) -> BTreeMap<String, Value> {
            (0..n).map(|i| (format!("q{i}"), json!(SECRET))).collect()
        }
        type Edit = Box<dyn Fn(&mut Attempt)>;
        let cases: Vec<(&str, Edit, Option<&str>)> = vec![
            ("plain", Box::new(|_| {}), None),
            ("a note of a few sentences", Box::new(move |a| a.note = long(500)), None),
            ("a note in Khmer at the limit", Box::new(|a| a.note = "ក".repeat(MAX_NOTE_CHARS)), None),
            ("a note past the limit", Box::new(move |a| a.note = long(MAX_NOTE_CHARS)), Some("note")),
            ("a 15 MiB note", Box::new(move |a| a.note = long(15 << 20)), Some("note")),
            ("a language tag", Box::new(|a| a.language_used = "zh-TW".into()), None),
            ("a language name", Box::new(|a| a.language_used = "Vietnamese".into()), None),
            ("not a language", Box::new(move |a| a.language_used = SECRET.into()), Some("language_used")),
            ("a long language", Box::new(move |a| a.language_used = long(100)), Some("language_used")),
            (
                "a barrier in no language",
                Box::new(move |a| a.result = ContactResult::LanguageBarrier { language: SECRET.into() }),
                Some("result.language"),
            ),
            ("flat answers", Box::new(|a| a.answers = BTreeMap::from([
                ("support".into(), json!("strong")), ("age".into(), json!(44)), ("yard_sign".into(), json!(true)),
                ("issues".into(), json!(["housing", "transit"])), ("skipped".into(), json!(null)),
            ])), None),
            ("too many answers", Box::new(move |a| a.answers = many(MAX_ANSWERS + 1)), Some("answers")),
            ("answers too big", Box::new(move |a| a.answers = many(MAX_ANSWERS)
                .into_keys().map(|k| (k, json!(long(500)))).collect()), Some("answers")),
            ("a long answer", Box::new(move |a| a.answers = BTreeMap::from([("why".into(), json!(long(MAX_ANSWER_TEXT_CHARS)))])), Some("answers")),
            ("a nested answer", Box::new(move |a| a.answers = BTreeMap::from([("q".into(), json!({"who": SECRET}))])), Some("answers")),
            ("a choice that is not text", Box::new(|a| a.answers = BTreeMap::from([("q".into(), json!([1]))])), Some("answers")),
            ("a long choice", Box::new(move |a| a.answers = BTreeMap::from([("q".into(), json!([long(100)]))])), Some("answers")),
            ("too many choices", Box::new(|a| a.answers = BTreeMap::from([("q".into(), json!(vec!["a"; MAX_ANSWER_CHOICES + 1]))])), Some("answers")),
            ("a long key", Box::new(move |a| a.answers = BTreeMap::from([(long(100), json!(1))])), Some("answers")),
            ("an empty key", Box::new(|a| a.answers = BTreeMap::from([(String::new(), json!(1))])), Some("answers")),
        ];
        for (what, edit, refused) in cases {
            let mut a = Attempt { attempted_at: now(), ..Attempt::knock(uuid::Uuid::now_v7(), ContactResult::NotHome) };
            edit(&mut a);
            match (check(&mut a, now()), refused) {
                (Ok(()), None) => {}
                (Err(e), Some(field)) => {
                    assert!(e.field.starts_with(field), "{what}: {e}");
                    let message = e.to_string();
                    assert!(!message.contains("Maria") && !message.contains("555") && !message.contains("xxx"), "{what}: {message}");
                }
                (got, _) => panic!("{what}: {got:?}, expected {refused:?}"),
            }
        }
        let mut a = Attempt { attempted_at: now(), ..Attempt::knock(uuid::Uuid::now_v7(), ContactResult::LanguageBarrier { language: "Armenian".into() }) };
        a.language_used = "zh-TW".into();
        check(&mut a, now()).unwrap();
        assert_eq!((a.result.barrier_language(), a.language_used.as_str()), ("hy", "zh-Hant"), "tags are normalized in place");
    }
}

/// Survey answers checked against the survey's questions: every key is a
/// question of the script, a single-choice answer is one of its options, a
/// multi-choice answer a list of them, a text answer text, and a question
/// the skip logic leaves out (`show_if` not met) is left unanswered. An
/// answer of null is a question skipped. Errors name the question, never
/// the value.
pub fn check_survey_answers(questions: &[crate::domain::SurveyQuestion], answers: &BTreeMap<String, Value>) -> Result<(), EntryError> {
    use crate::domain::QuestionKind;
    for (key, value) in answers {
        let field = || format!("answers.{key}");
        let Some(q) = questions.iter().find(|q| q.key == *key) else {
            return Err(EntryError::new(field(), Rule::Expected("a question of the attempt's script")));
        };
        if value.is_null() {
            continue;
        }
        if let Some(cond) = &q.show_if
            && !cond.holds(answers)
        {
            return Err(EntryError::new(field(), Rule::Expected("unanswered: an earlier answer skips this question")));
        }
        let is_option = |v: &Value| v.as_str().is_some_and(|s| q.options.iter().any(|o| o.key == s));
        match q.kind {
            QuestionKind::Single => match value {
                Value::String(_) if is_option(value) => {}
                Value::String(_) => return Err(EntryError::new(field(), Rule::Expected("one of the question's options"))),
                _ => return Err(EntryError::new(field(), Rule::Expected("one option key (a single-choice question)"))),
            },
            QuestionKind::Multi => match value {
                Value::Array(choices) if choices.iter().all(is_option) => {}
                Value::Array(_) => return Err(EntryError::new(field(), Rule::Expected("a list of the question's options"))),
                _ => return Err(EntryError::new(field(), Rule::Expected("a list of option keys (a multi-choice question)"))),
            },
            QuestionKind::Text => {
                if !value.is_string() {
                    return Err(EntryError::new(field(), Rule::Expected("text (a text question)")));
                }
            }
        }
    }
    Ok(())
}
