//! What a device may say about a person when it enters: someone added at a
//! door ([`check_new`]) and one field corrected ([`check_field`]). The
//! device runs these before it queues the change and the endpoint when a
//! push brings it, so what one accepts the other does.
//!
//! Like [`crate::attempt`], errors name the field and the limit, never the
//! value: a wrong phone number is still somebody's phone number.
//!
//! Also the organizer's [`delete`]: a voter who asked to be removed.

use crate::attempt::{EntryError, MAX_LANGUAGE_TAG_CHARS, Rule, language, text};
use crate::domain::{Household, Person};
use crate::sync::proto::PersonField;
use serde_json::Value;

/// Generous for any name in any script; a name is one line on a door screen.
pub const MAX_NAME_CHARS: usize = 200;
/// Gender and party as a source labels them.
pub const MAX_LABEL_CHARS: usize = 64;
/// A person has a few phones and emails; more is a paste gone wrong.
pub const MAX_PHONES: usize = 10;
/// "+1 (310) 555-0100 ext. 12345" with room to spare.
pub const MAX_PHONE_CHARS: usize = 40;
pub const MAX_EMAILS: usize = 10;
/// RFC 5321's limit on an address.
pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_LANGUAGES: usize = 10;
pub use crate::household::{MAX_ADDRESS_CHARS, MAX_PRECINCT_CHARS};

/// What a field's JSON value must be, in words for an error. It lives
/// with the store's reading of the field (`records`), which names it too,
/// so that `records` uses nothing here.
pub use crate::records::expected_value as expected;

/// Checks one field edit, and cleans its value in place as a device writes
/// it: phones and emails trimmed with empty ones dropped, languages as
/// tags without repeats.
pub fn check_field(field: PersonField, value: &mut Value) -> Result<(), EntryError> {
    let name = field.column();
    let wrong = || EntryError::new(name, Rule::Expected(expected(field)));
    match field {
        PersonField::Phones | PersonField::Emails | PersonField::SpokenLanguages => {
            let mut list = strings(value).ok_or_else(wrong)?;
            match field {
                PersonField::Phones => phones(&mut list)?,
                PersonField::Emails => emails(&mut list)?,
                _ => languages(name, &mut list)?,
            }
            *value = Value::from(list);
        }
        PersonField::PreferredLanguage => {
            let Value::String(tag) = value else { return Err(wrong()) };
            language(name, tag)?;
        }
        PersonField::DoNotContact => {
            value.as_bool().ok_or_else(wrong)?;
        }
    }
    Ok(())
}

/// Checks someone a device adds, with the new household they were met at,
/// cleaning their phones, emails and languages as [`check_field`] does.
pub fn check_new(person: &mut Person, household: Option<&mut Household>) -> Result<(), EntryError> {
    if [&person.given_name, &person.family_name, &person.native_name].iter().all(|n| n.trim().is_empty()) {
        return Err(EntryError::new("given_name", Rule::Expected("given, with a family or native name, for a new person")));
    }
    for (field, name) in [
        ("given_name", &person.given_name),
        ("middle_name", &person.middle_name),
        ("family_name", &person.family_name),
        ("name_suffix", &person.name_suffix),
        ("native_name", &person.native_name),
    ] {
        text(field, name, MAX_NAME_CHARS)?;
    }
    text("gender", &person.gender, MAX_LABEL_CHARS)?;
    text("party", &person.party, MAX_LABEL_CHARS)?;
    phones(&mut person.phones)?;
    emails(&mut person.emails)?;
    language(PersonField::PreferredLanguage.column(), &mut person.preferred_language)?;
    languages(PersonField::SpokenLanguages.column(), &mut person.spoken_languages)?;
    if let Some(h) = household {
        crate::household::check_new(h)?;
    }
    Ok(())
}

fn strings(value: &Value) -> Option<Vec<String>> {
    value.as_array()?.iter().map(|v| v.as_str().map(str::to_owned)).collect()
}

/// Trims each entry and drops the empty ones, then holds the rest to a
/// count and a length.
fn cleaned(field: &str, list: &mut Vec<String>, max: usize, max_chars: usize) -> Result<(), EntryError> {
    list.retain(|s| !s.trim().is_empty());
    if list.len() > max {
        return Err(EntryError::new(field, Rule::TooMany { max }));
    }
    for s in list.iter_mut() {
        text(field, s, max_chars)?;
        if s.trim().len() != s.len() {
            *s = s.trim().to_owned();
        }
    }
    Ok(())
}

/// Phones as an import keeps them ([`normalize_phone`]), so that a number
/// typed at a door and the same number in the voter file are one number.
fn phones(list: &mut Vec<String>) -> Result<(), EntryError> {
    cleaned("phones", list, MAX_PHONES, MAX_PHONE_CHARS)?;
    for p in list.iter_mut() {
        *p = normalize_phone(p).ok_or_else(|| EntryError::new("phones", Rule::Expected("phone numbers, each with digits")))?;
    }
    let mut seen = Vec::with_capacity(list.len());
    list.retain(|p| if seen.contains(p) { false } else { seen.push(p.clone()); true });
    Ok(())
}

/// One phone as a device edit or an import keeps it: E.164 when
/// [`crate::phone::normalize`] reads it in the default region (US), with
/// its extension; as written when it has a number's digits but no country's
/// plan knows it, or other text around them; None with too few digits.
/// Device and endpoint both run it, so both keep the same text.
pub fn normalize_phone(text: &str) -> Option<String> {
    use crate::phone::{self, PhoneError};
    match phone::normalize(text, phone::DEFAULT_REGION) {
        Ok(n) => Some(n.stored()),
        Err(PhoneError::NotANumber) => None,
        Err(PhoneError::OtherText | PhoneError::Unrecognized) => Some(text.to_owned()),
    }
}

fn emails(list: &mut Vec<String>) -> Result<(), EntryError> {
    cleaned("emails", list, MAX_EMAILS, MAX_EMAIL_CHARS)?;
    if list.iter().any(|e| !e.contains('@')) {
        return Err(EntryError::new("emails", Rule::Expected("email addresses, each with an @")));
    }
    Ok(())
}

fn languages(field: &str, list: &mut Vec<String>) -> Result<(), EntryError> {
    cleaned(field, list, MAX_LANGUAGES, MAX_LANGUAGE_TAG_CHARS)?;
    let mut tags: Vec<String> = Vec::with_capacity(list.len());
    for mut tag in std::mem::take(list) {
        language(field, &mut tag)?;
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    *list = tags;
    Ok(())
}

/// Deletes a person for good (a voter asked to be removed), in one
/// transaction: a tombstone that every device holding them receives, with
/// everything that identifies them erased; attempts naming them are kept.
pub fn delete(conn: &mut rusqlite::Connection, org: uuid::Uuid, id: uuid::Uuid) -> crate::Result<()> {
    let tx = conn.transaction()?;
    if crate::records::load_person(&tx, org, id)?.is_none() {
        return Err(crate::Error::NotFound { what: "person", key: id.to_string() });
    }
    // The tombstones name the lists first: deleting clears the memberships.
    crate::sync::changes::record_person_deleted(&tx, org, id)?;
    crate::records::tombstone_person(&tx, id)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Address;
    use serde_json::json;

    const SECRET: &str = "+1310 555 0199";

    /// A refused case's message names `field` and never the value.
    fn refused_well(what: &str, e: &EntryError, field: &str) {
        assert_eq!(e.field, field, "{what}: {e}");
        let message = e.to_string();
        for leak in ["555", "0199", "Maria", "xxxx", "example.org", "{"] {
            assert!(!message.contains(leak), "{what}: {message} repeats the value");
        }
    }

    #[test]
    fn field_edits() {
        use PersonField::*;
        let long = |n: usize| format!("Maria {}", "x".repeat(n));
        let cases: Vec<(&str, PersonField, Value, Result<Value, &str>)> = vec![
            ("phones", Phones, json!([" 310-555-0101 ", ""]), Ok(json!(["+13105550101"]))),
            // As an import keeps them: E.164 with the extension, the same number once.
            ("phones as an import keeps them", Phones, json!(["(310) 555-0101 x12", "+52 55 1234 5678", "+1 310 555 0101 ext. 12"]),
                Ok(json!(["+13105550101;ext=12", "+525512345678"]))),
            ("a local number kept as typed", Phones, json!(["555-0101"]), Ok(json!(["555-0101"]))),
            ("no phones", Phones, json!([]), Ok(json!([]))),
            ("phones as an object", Phones, json!({"home": SECRET}), Err("phones")),
            ("phones as text", Phones, json!(SECRET), Err("phones")),
            ("a phone that is a number", Phones, json!([3105550199u64]), Err("phones")),
            ("a phone without digits", Phones, json!(["Maria"]), Err("phones")),
            ("a long phone", Phones, json!([format!("{SECRET}{}", "5".repeat(40))]), Err("phones")),
            ("too many phones", Phones, json!(vec![SECRET; MAX_PHONES + 1]), Err("phones")),
            ("emails", Emails, json!(["maria@example.org"]), Ok(json!(["maria@example.org"]))),
            ("an email without @", Emails, json!(["maria.example.org"]), Err("emails")),
            ("a long email", Emails, json!([format!("{}@example.org", long(300))]), Err("emails")),
            ("emails as text", Emails, json!("maria@example.org"), Err("emails")),
            ("a language", PreferredLanguage, json!("Vietnamese"), Ok(json!("vi"))),
            ("no language", PreferredLanguage, json!(""), Ok(json!(""))),
            ("not a language", PreferredLanguage, json!("Maria xxxx"), Err("preferred_language")),
            ("a language as a list", PreferredLanguage, json!(["vi"]), Err("preferred_language")),
            ("languages", SpokenLanguages, json!(["vi", "Vietnamese", "zh-TW", "other"]), Ok(json!(["vi", "zh-Hant"]))),
            ("a long language", SpokenLanguages, json!([long(50)]), Err("spoken_languages")),
            ("too many languages", SpokenLanguages, json!(vec!["vi"; MAX_LANGUAGES + 1]), Err("spoken_languages")),
            ("do not contact", DoNotContact, json!(true), Ok(json!(true))),
            ("do not contact as text", DoNotContact, json!(SECRET), Err("do_not_contact")),
        ];
        for (what, field, mut value, want) in cases {
            match (check_field(field, &mut value), want) {
                (Ok(()), Ok(clean)) => assert_eq!(value, clean, "{what}"),
                (Err(e), Err(field)) => refused_well(what, &e, field),
                (got, want) => panic!("{what}: {got:?}, expected {want:?}"),
            }
        }
    }

    #[test]
    fn new_people() {
        type Edit = Box<dyn Fn(&mut Person, &mut Household)>;
        let long = |n: usize| format!("Maria {}", "x".repeat(n));
        let cases: Vec<(&str, Edit, Option<&str>)> = vec![
            ("plain", Box::new(|_, _| {}), None),
            ("a name in its own script only", Box::new(|p, _| {
                p.given_name.clear();
                p.family_name.clear();
                p.native_name = "阮文安".into();
            }), None),
            ("no name", Box::new(|p, _| {
                p.given_name = " ".into();
                p.family_name.clear();
            }), Some("given_name")),
            ("a long given name", Box::new(move |p, _| p.given_name = long(MAX_NAME_CHARS)), Some("given_name")),
            ("a long family name", Box::new(move |p, _| p.family_name = long(MAX_NAME_CHARS)), Some("family_name")),
            ("a long native name", Box::new(move |p, _| p.native_name = long(MAX_NAME_CHARS)), Some("native_name")),
            ("a long party", Box::new(move |p, _| p.party = long(MAX_LABEL_CHARS)), Some("party")),
            ("too many phones", Box::new(|p, _| p.phones = vec![SECRET.into(); MAX_PHONES + 1]), Some("phones")),
            ("a phone without digits", Box::new(|p, _| p.phones = vec!["Maria".into()]), Some("phones")),
            ("an email without @", Box::new(|p, _| p.emails = vec!["maria.example.org".into()]), Some("emails")),
            ("not a language", Box::new(|p, _| p.preferred_language = "Maria xxxx".into()), Some("preferred_language")),
            ("a long street", Box::new(move |_, h| h.address.street = long(MAX_ADDRESS_CHARS)), Some("household.street")),
            ("a long zip", Box::new(move |_, h| h.address.zip = long(MAX_ADDRESS_CHARS)), Some("household.zip")),
            ("a long precinct", Box::new(move |_, h| h.precinct = long(MAX_PRECINCT_CHARS)), Some("household.precinct")),
            ("off the globe", Box::new(|_, h| h.latitude = Some(91.0)), Some("household.latitude")),
        ];
        for (what, edit, refused) in cases {
            let mut p = Person {
                given_name: "Maria".into(),
                family_name: "Lopez".into(),
                phones: vec![format!(" {SECRET} ")],
                preferred_language: "Spanish".into(),
                spoken_languages: vec!["es".into(), "spa".into()],
                ..Default::default()
            };
            let mut h = Household {
                id: uuid::Uuid::now_v7(),
                address: Address { house_number: "12".into(), street: "Main St".into(), zip: "90001".into(), ..Default::default() },
                precinct: "0101".into(),
                latitude: None,
                longitude: None,
            };
            edit(&mut p, &mut h);
            match (check_new(&mut p, Some(&mut h)), refused) {
                (Ok(()), None) => {
                    assert_eq!(p.phones, vec!["+13105550199".to_owned()], "{what}");
                    assert_eq!((p.preferred_language.as_str(), p.spoken_languages.as_slice()), ("es", &["es".to_owned()][..]), "{what}");
                }
                (Err(e), Some(field)) => refused_well(what, &e, field),
                (got, _) => panic!("{what}: {got:?}, expected {refused:?}"),
            }
        }
    }
}
