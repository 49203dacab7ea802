//! The field's own vocabulary: organizations, people, households, lists,
//! efforts, scripts, surveys and contact attempts.
//!
//! These types are what every layer passes around; the store persists them
//! and the sync protocol carries them. They hold no behaviour that needs a
//! database.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;
use uuid::Uuid;

/// Every record's id is a UUIDv7: made offline on any device without
/// coordination, and ordered by creation time.
pub fn new_id() -> Uuid {
    Uuid::now_v7()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    pub id: Uuid,
    pub name: String,
}

/// An address as the field walks it. `house_number` keeps the text as written
/// ("123A"); `number_value` is its numeric part, which walk order sorts on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    pub house_number: String,
    pub number_value: Option<i64>,
    pub fraction: String,
    pub street: String,
    pub unit: String,
    pub city: String,
    pub state: String,
    pub zip: String,
}

impl Address {
    /// One line as a canvasser reads it on the door screen.
    pub fn line(&self) -> String {
        let mut s = String::new();
        for part in [&self.house_number, &self.fraction, &self.street] {
            if !part.is_empty() {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(part);
            }
        }
        if !self.unit.is_empty() {
            s.push_str(" #");
            s.push_str(&self.unit);
        }
        s
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Household {
    pub id: Uuid,
    pub address: Address,
    pub precinct: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: Uuid,
    pub household_id: Option<Uuid>,
    /// Names exactly as written in the source, never folded or reordered.
    pub given_name: String,
    pub middle_name: String,
    pub family_name: String,
    pub name_suffix: String,
    /// The name in its own script, where the source has it (阮文安, 김민준).
    pub native_name: String,
    pub birth_year: Option<i32>,
    /// As given by the source; never used to guess anything.
    pub gender: String,
    pub party: String,
    /// BCP-47 tags.
    pub preferred_language: String,
    pub spoken_languages: Vec<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    /// Ids other systems give this person, by scheme: "ncid", "nc_voter_reg",
    /// "ca_registrant", or whatever a mapping file names.
    pub external_ids: std::collections::BTreeMap<String, String>,
    pub do_not_contact: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    Walk,
    Call,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum EffortKind {
    Canvass,
    PhoneBank,
    Event,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Door,
    Phone,
    Event,
}

/// How a contact attempt ended. The codes are the ones VAN and OpenVPB users
/// already know; `LanguageBarrier` carries the language heard at the door so
/// the door can be routed to someone who speaks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum ContactResult {
    Contacted,
    NotHome,
    Refused,
    Moved,
    WrongAddress,
    Inaccessible,
    Deceased,
    ComeBackLater,
    LanguageBarrier { language: String },
    WrongNumber,
    Disconnected,
    LeftMessage,
    Busy,
}

impl ContactResult {
    pub const CODES: &'static [&'static str] = &[
        "contacted",
        "not_home",
        "refused",
        "moved",
        "wrong_address",
        "inaccessible",
        "deceased",
        "come_back_later",
        "language_barrier",
        "wrong_number",
        "disconnected",
        "left_message",
        "busy",
    ];

    pub fn code(&self) -> &'static str {
        use ContactResult::*;
        match self {
            Contacted => "contacted",
            NotHome => "not_home",
            Refused => "refused",
            Moved => "moved",
            WrongAddress => "wrong_address",
            Inaccessible => "inaccessible",
            Deceased => "deceased",
            ComeBackLater => "come_back_later",
            LanguageBarrier { .. } => "language_barrier",
            WrongNumber => "wrong_number",
            Disconnected => "disconnected",
            LeftMessage => "left_message",
            Busy => "busy",
        }
    }

    /// Rebuilds a result from its stored code and the language column.
    pub fn from_code(code: &str, barrier_language: &str) -> Result<Self, UnknownCode> {
        use ContactResult::*;
        Ok(match code {
            "contacted" => Contacted,
            "not_home" => NotHome,
            "refused" => Refused,
            "moved" => Moved,
            "wrong_address" => WrongAddress,
            "inaccessible" => Inaccessible,
            "deceased" => Deceased,
            "come_back_later" => ComeBackLater,
            "language_barrier" => LanguageBarrier { language: barrier_language.to_owned() },
            "wrong_number" => WrongNumber,
            "disconnected" => Disconnected,
            "left_message" => LeftMessage,
            "busy" => Busy,
            other => return Err(UnknownCode(other.to_owned())),
        })
    }

    pub fn barrier_language(&self) -> &str {
        match self {
            ContactResult::LanguageBarrier { language } => language,
            _ => "",
        }
    }
}

/// Accepts "not_home", "not-home" and "language_barrier:hy".
impl FromStr for ContactResult {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (code, lang) = s.split_once(':').unwrap_or((s, ""));
        Self::from_code(&code.trim().replace('-', "_").to_lowercase(), lang.trim())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown result code {0:?}; expected one of: {codes}", codes = ContactResult::CODES.join(", "))]
pub struct UnknownCode(pub String);

macro_rules! text_enum {
    ($ty:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        impl $ty {
            pub fn as_str(&self) -> &'static str {
                match self { $($ty::$variant => $text),+ }
            }
        }
        impl FromStr for $ty {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                match s.trim().replace('-', "_").to_lowercase().as_str() {
                    $($text => Ok($ty::$variant),)+
                    other => Err(UnknownCode(other.to_owned())),
                }
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }
    };
}
text_enum!(ListKind { Walk = "walk", Call = "call" });
text_enum!(EffortKind { Canvass = "canvass", PhoneBank = "phone_bank", Event = "event" });
text_enum!(Channel { Door = "door", Phone = "phone", Event = "event" });

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Effort {
    pub id: Uuid,
    pub name: String,
    pub kind: EffortKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct List {
    pub id: Uuid,
    pub name: String,
    pub kind: ListKind,
    pub effort_id: Option<Uuid>,
}

/// A script's body in each language it has been written in, keyed by BCP-47 tag.
///
/// A script written in Fluent keeps each language's source in `fluent`, and
/// `texts` holds each language rendered for nobody in particular (neutral
/// variants, `{given_name}` left to fill), which is what devices built
/// before Fluent scripts show. The fields added since are left out of the
/// JSON when empty, so older devices and endpoints read and write it as before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Script {
    pub id: Uuid,
    pub effort_id: Option<Uuid>,
    pub name: String,
    pub version: i64,
    pub texts: std::collections::BTreeMap<String, String>,
    pub questions: Vec<SurveyQuestion>,
    /// Fluent source per BCP-47 tag; empty for a script of plain texts.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub fluent: std::collections::BTreeMap<String, String>,
    /// The language every other is checked against, and whose message order
    /// is the script's paragraph order. Empty for scripts published before it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base_language: String,
    /// Languages of this version a speaker has reviewed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewed: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Single,
    Multi,
    Text,
}
text_enum!(QuestionKind { Single = "single", Multi = "multi", Text = "text" });

pub type Translations = std::collections::BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SurveyQuestion {
    pub id: Uuid,
    pub key: String,
    pub kind: QuestionKind,
    pub prompt: Translations,
    pub options: Vec<SurveyOption>,
    /// Skip logic: the question is asked only when an earlier answer has a
    /// given value. None: always asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub show_if: Option<ShowIf>,
}

/// Asked only when the earlier question `question` was answered `equals`
/// (for a multi-choice question: when `equals` is among the choices).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(deny_unknown_fields)]
pub struct ShowIf {
    pub question: String,
    pub equals: String,
}

impl ShowIf {
    /// Whether `answers` (by question key) asks for the question.
    pub fn holds(&self, answers: &std::collections::BTreeMap<String, serde_json::Value>) -> bool {
        match answers.get(&self.question) {
            Some(serde_json::Value::String(s)) => *s == self.equals,
            Some(serde_json::Value::Array(choices)) => choices.iter().any(|c| c.as_str() == Some(self.equals.as_str())),
            Some(serde_json::Value::Bool(b)) => self.equals == if *b { "true" } else { "false" },
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SurveyOption {
    pub key: String,
    pub label: Translations,
}

/// One knock or one call. Once recorded it is never changed: a correction is
/// a new attempt. A reference it does not have is left out of its JSON, not
/// written as null: a shift's attempts are most of what sync carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort_id: Option<Uuid>,
    pub channel: Channel,
    pub result: ContactResult,
    /// Survey answers by question key; a multi-choice answer is an array.
    pub answers: std::collections::BTreeMap<String, serde_json::Value>,
    pub note: String,
    pub language_used: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canvasser: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script_version: Option<i64>,
    pub attempted_at: chrono::DateTime<chrono::Utc>,
}

impl Attempt {
    /// A knock at `person`'s door now with `result` and nothing else said:
    /// no answers, no note, sent by nobody yet (the endpoint stamps who).
    pub fn knock(person: Uuid, result: ContactResult) -> Attempt {
        Attempt {
            id: Uuid::now_v7(),
            person_id: Some(person),
            household_id: None,
            list_id: None,
            effort_id: None,
            channel: Channel::Door,
            result,
            answers: Default::default(),
            note: String::new(),
            language_used: String::new(),
            canvasser: None,
            device_id: None,
            script_id: None,
            script_version: None,
            attempted_at: chrono::Utc::now(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_codes_round_trip() {
        for code in ContactResult::CODES {
            let r: ContactResult = code.parse().unwrap();
            assert_eq!(r.code(), *code);
        }
        let r: ContactResult = "language-barrier:hy".parse().unwrap();
        assert_eq!(r, ContactResult::LanguageBarrier { language: "hy".into() });
        let err = "nothome".parse::<ContactResult>().unwrap_err();
        assert!(err.to_string().contains("not_home"), "{err}");
    }

    #[test]
    fn ids_are_v7_and_ordered() {
        let a = new_id();
        let b = new_id();
        assert_eq!(a.get_version_num(), 7);
        assert!(a < b);
    }
}

/// Person fields a device may change; each merges last-writer-wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonField {
    Phones,
    Emails,
    PreferredLanguage,
    SpokenLanguages,
    DoNotContact,
}

impl PersonField {
    pub const ALL: [PersonField; 5] =
        [PersonField::Phones, PersonField::Emails, PersonField::PreferredLanguage, PersonField::SpokenLanguages, PersonField::DoNotContact];

    pub fn column(self) -> &'static str {
        match self {
            PersonField::Phones => "phones",
            PersonField::Emails => "emails",
            PersonField::PreferredLanguage => "preferred_language",
            PersonField::SpokenLanguages => "spoken_languages",
            PersonField::DoNotContact => "do_not_contact",
        }
    }

    pub fn from_column(c: &str) -> Option<PersonField> {
        PersonField::ALL.into_iter().find(|f| f.column() == c)
    }
}
