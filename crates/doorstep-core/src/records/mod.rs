//! Reading and writing whole domain records in a store: the pieces that the
//! endpoint, the device and the CLI all need, written once, one file per
//! entity. Everything is re-exported here, so callers name `records::x`.
//!
//! Lookups by id write `+org_id`: the unary plus keeps SQLite from choosing
//! the organization index (every person of the org) over the primary key.

mod attempt;
mod household;
mod list;
mod person;

pub use attempt::*;
pub use household::*;
pub use list::*;
pub use person::*;

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serializable")
}

fn from_json<T: serde::de::DeserializeOwned + Default>(s: &str) -> T {
    serde_json::from_str(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;
    use crate::store::Store;
    use crate::attempt_table::AttemptTableBuilder;
    use crate::hlc::Hlc;
    use rusqlite::params;
    use std::collections::BTreeMap;
    use uuid::Uuid;

    fn attempt(person: Uuid) -> Attempt {
        Attempt {
            result: ContactResult::LanguageBarrier { language: "km".into() },
            answers: [("issue".to_owned(), serde_json::json!("rent"))].into(),
            note: "spoke with daughter".into(),
            language_used: "km".into(),
            script_version: Some(3),
            // The store keeps microseconds.
            attempted_at: chrono::DateTime::from_timestamp_micros(chrono::Utc::now().timestamp_micros()).unwrap(),
            ..Attempt::knock(person, ContactResult::NotHome)
        }
    }

    fn store_with_a_person() -> (Store, Organization, Person) {
        let store = Store::open_in_memory().unwrap();
        let org = store.create_org("Org").unwrap();
        let person = Person { id: Uuid::now_v7(), given_name: "Sokha".into(), ..Default::default() };
        upsert_person(store.conn(), org.id, &person, &BTreeMap::new(), false).unwrap();
        (store, org, person)
    }

    #[test]
    fn an_attempt_row_taken_straight_from_the_store_reads_back_as_the_attempt() {
        let (store, org, person) = store_with_a_person();
        // Micros that are not whole milliseconds: serde writes all six digits, as the store keeps them.
        let at = |micros: i64| chrono::DateTime::from_timestamp_micros(1_764_000_000_123_457 + micros).unwrap();
        let everything = Attempt {
            household_id: Some(Uuid::now_v7()),
            list_id: Some(Uuid::now_v7()),
            effort_id: Some(Uuid::now_v7()),
            channel: Channel::Phone,
            answers: [
                ("issues".to_owned(), serde_json::json!(["rent", "ইমিগ্রেশন"])),
                ("volunteer".to_owned(), serde_json::json!(true)),
                ("quote\"d".to_owned(), serde_json::json!({ "n": 3 })),
            ]
            .into(),
            note: "said \"come back\" —\nline two\t\u{1}".into(),
            canvasser: Some(Uuid::now_v7()),
            device_id: Some(Uuid::now_v7()),
            script_id: Some(Uuid::now_v7()),
            attempted_at: at(1),
            ..attempt(person.id)
        };
        let bare = Attempt { person_id: None, household_id: Some(Uuid::now_v7()), attempted_at: at(2), ..Attempt::knock(person.id, ContactResult::Refused) };
        let barrier_without_language = Attempt { result: ContactResult::LanguageBarrier { language: String::new() }, attempted_at: at(3), ..attempt(person.id) };
        let cases = [everything, bare, barrier_without_language, Attempt { attempted_at: at(4), ..attempt(person.id) }];
        let refs: Vec<&Attempt> = cases.iter().collect();
        insert_attempts(store.conn(), org.id, &refs).unwrap();
        let (mut from_rows, mut from_attempts) = (AttemptTableBuilder::default(), AttemptTableBuilder::default());
        for a in &cases {
            let read = store
                .conn()
                .query_row(&format!("SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE id = ?1"), [a.id], |r| {
                    let row = attempt_row_at(r, 0, &mut from_rows)?;
                    from_rows.push(row);
                    attempt_from_row(r)
                })
                .unwrap();
            assert_eq!(&read, a);
            from_attempts.push_attempt(a);
        }
        let table = from_rows.finish();
        assert_eq!(table, from_attempts.finish(), "read from the store or from the attempts, a table is the same");
        assert_eq!(table.attempts().unwrap(), cases);
        // Every id but the attempts' own is written once.
        let named = cases.iter().flat_map(|a| [a.person_id, a.household_id, a.list_id, a.effort_id, a.canvasser, a.device_id, a.script_id]);
        let distinct: std::collections::HashSet<Uuid> = named.flatten().collect();
        assert_eq!(table.ids.len(), distinct.len());
        let json = serde_json::to_string(&table).unwrap();
        assert_eq!(serde_json::from_str::<crate::attempt_table::AttemptTable>(&json).unwrap(), table);
        assert_eq!(json.matches(&cases[0].person_id.unwrap().to_string()).count(), 1, "{json}");

        // Answers damaged in the store fail their row, and say which column.
        let damaged = Uuid::now_v7();
        store
            .conn()
            .execute(
                "INSERT INTO attempts(id, org_id, person_id, channel, result, answers, attempted_at)
                 VALUES (?1, ?2, ?3, 'door', 'refused', '{\"issues\": [', '2026-11-26T10:00:00.000000Z')",
                params![damaged, org.id, person.id],
            )
            .unwrap();
        let err = store
            .conn()
            .query_row(&format!("SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE id = ?1"), [damaged], |r| {
                attempt_row_at(r, 0, &mut AttemptTableBuilder::default())
            })
            .unwrap_err();
        assert!(matches!(err, rusqlite::Error::FromSqlConversionFailure(8, ..)), "{err:?}");
    }

    #[test]
    fn attempts_written_together_read_back_and_repeats_are_told_apart() {
        let (store, org, person) = store_with_a_person();

        let first: Vec<Attempt> = (0..100).map(|_| attempt(person.id)).collect();
        let refs: Vec<&Attempt> = first.iter().collect();
        assert_eq!(insert_attempts(store.conn(), org.id, &refs).unwrap(), vec![true; 100]);
        for a in &first {
            assert_eq!(load_attempt(store.conn(), org.id, a.id).unwrap().as_ref(), Some(a));
        }

        // A page delivered again, with one new attempt in it.
        let fresh = attempt(person.id);
        let again = vec![&first[0], &fresh, &first[1]];
        assert_eq!(insert_attempts(store.conn(), org.id, &again).unwrap(), vec![false, true, false]);
        let count: i64 = store.conn().query_row("SELECT count(*) FROM attempts", [], |r| r.get(0)).unwrap();
        assert_eq!(count, 101);
    }

    #[test]
    fn a_field_of_the_wrong_type_is_named_and_never_quoted() {
        let (store, _, person) = store_with_a_person();
        let hlc = Hlc { wall_ms: 1, counter: 0, node: Uuid::now_v7() };
        for (field, value) in [
            (PersonField::Phones, serde_json::json!({ "home": "+13105550199" })),
            (PersonField::PreferredLanguage, serde_json::json!(["+13105550199"])),
            (PersonField::DoNotContact, serde_json::json!("+13105550199")),
        ] {
            let err = merge_person_field(store.conn(), person.id, field, &value, hlc).unwrap_err().to_string();
            assert!(err.starts_with(field.column()) && !err.contains("555"), "{err}");
        }
        assert_eq!(person_versions(store.conn(), person.id).unwrap(), BTreeMap::new(), "nothing was written");
    }
}
