//! Opening stores, including ones an older Doorstep left behind.

use doorstep_core::Store;
use doorstep_core::store::MIGRATIONS;

#[test]
fn store_from_first_migration_is_upgraded_and_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // A store as the first release left it, with people already in it.
        let old = Store::open_at_version(&path, Some(1)).unwrap();
        assert_eq!(old.schema_version().unwrap(), 1);
        let org = old.create_org("Old org").unwrap();
        old.conn()
            .execute_batch(&format!(
                "INSERT INTO households(id, org_id, address_key, house_number, street, zip)
                   VALUES (x'0000000000000000000000000000000A', x'{org}', 'k', '12', 'OAK ST', '95112');
                 INSERT INTO people(id, org_id, household_id, given_name, family_name, native_name, phones, updated_at)
                   VALUES (x'0000000000000000000000000000000B', x'{org}', x'0000000000000000000000000000000A', 'Minh', 'Đặng', '鄧明', '[\"(408) 555-0199\"]', '2026-01-01T00:00:00Z');
                 INSERT INTO attempts(id, org_id, person_id, household_id, channel, result, barrier_language, note, attempted_at)
                   VALUES (x'0000000000000000000000000000000C', x'{org}', x'0000000000000000000000000000000B', x'0000000000000000000000000000000A',
                           'door', 'language_barrier', 'vi', 'con gái nói tiếng Anh', '2026-01-02T18:30:00.000000Z');",
                org = org.id.simple()
            ))
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), MIGRATIONS.last().unwrap().0);
    let org = store.resolve_org(None).unwrap();
    let found = |q: &str| doorstep_core::search::search(store.conn(), org.id, q, 5).unwrap().len();
    assert_eq!(found("dang"), 1, "existing people are indexed by the upgrade");
    assert_eq!(found("明"), 1);
    assert_eq!(found("408-555-0199"), 1);
    assert_eq!(found("oak"), 1);
    let (result, language, note): (String, String, String) = store
        .conn()
        .query_row("SELECT result, barrier_language, note FROM attempts WHERE id = x'0000000000000000000000000000000C'", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((result.as_str(), language.as_str(), note.as_str()), ("language_barrier", "vi", "con gái nói tiếng Anh"), "attempts survive");
    let edit = store.conn().execute("UPDATE attempts SET note = 'x'", []);
    assert!(edit.is_err(), "attempts stay append-only after the upgrade");
    drop(store);
    // Opening again applies nothing twice.
    let again = Store::open(&path).unwrap();
    let applied: i64 = again.conn().query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0)).unwrap();
    assert_eq!(applied as usize, MIGRATIONS.len());
}

#[test]
fn new_stores_have_large_pages_and_old_ones_keep_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let page_size = |store: &Store| store.conn().query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0)).unwrap();
    let new = Store::open(&dir.path().join("new.db")).unwrap();
    assert_eq!(page_size(&new), 16384);

    // A store an earlier Doorstep made, with SQLite's 4 KiB pages.
    let path = dir.path().join("old.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE made_before(x)").unwrap();
    }
    let old = Store::open(&path).unwrap();
    assert_eq!(page_size(&old), 4096);
    assert_eq!(old.schema_version().unwrap(), MIGRATIONS.last().unwrap().0);
    let org = old.create_org("Org").unwrap();
    assert_eq!(old.resolve_org(None).unwrap().id, org.id);
}

#[test]
fn attempts_are_append_only() {
    let store = Store::open_in_memory().unwrap();
    let org = store.create_org("Org").unwrap();
    store
        .conn()
        .execute(
            "INSERT INTO attempts(id, org_id, channel, result, attempted_at) VALUES (x'03', ?1, 'door', 'not_home', '2026-01-01')",
            [org.id],
        )
        .unwrap();
    let err = store.conn().execute("UPDATE attempts SET result = 'refused'", []).unwrap_err();
    assert!(err.to_string().contains("append-only"), "{err}");
}

#[test]
fn foreign_keys_and_wal_are_on() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s.db")).unwrap();
    let fk: i64 = store.conn().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!((fk, mode.as_str()), (1, "wal"));
    let fts5: i64 = store.conn().query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| r.get(0)).unwrap();
    assert_eq!(fts5, 1);
}

#[test]
fn each_side_keeps_the_attempt_indexes_its_queries_use() {
    use doorstep_core::store::Side;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("s.db")).unwrap();
    let indexes = |store: &Store| -> Vec<String> {
        let mut stmt = store
            .conn()
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'attempts' AND sql IS NOT NULL ORDER BY name")
            .unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    };
    assert_eq!(indexes(&store), ["attempts_door", "attempts_org", "attempts_person"]);
    store.fit_to(Side::Device).unwrap();
    assert_eq!(indexes(&store), ["attempts_door", "attempts_person"]);
    store.fit_to(Side::Device).unwrap();
    assert_eq!(indexes(&store), ["attempts_door", "attempts_person"]);
    // A store that changes sides gets what the new side asks for.
    store.fit_to(Side::Endpoint).unwrap();
    assert_eq!(indexes(&store), ["attempts_org", "attempts_person"]);
    // Both sides' queries still answer, through the indexes they kept.
    let plan: String = store
        .conn()
        .query_row("EXPLAIN QUERY PLAN SELECT id FROM attempts WHERE org_id = x'00' ORDER BY attempted_at", [], |r| r.get(3))
        .unwrap();
    assert!(plan.contains("attempts_org"), "{plan}");
    // A device finds a door's attempts through both arms of the view, by index.
    store.fit_to(Side::Device).unwrap();
    let plan: Vec<String> = store
        .conn()
        .prepare("EXPLAIN QUERY PLAN SELECT result FROM door_attempts WHERE door = x'00' ORDER BY attempted_at DESC LIMIT 1")
        .unwrap()
        .query_map([], |r| r.get(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for index in ["people_household", "attempts_person", "attempts_door"] {
        assert!(plan.iter().any(|step| step.contains(index)), "{index} unused: {plan:?}");
    }
    assert!(!plan.iter().any(|step| step.starts_with("SCAN r") || step.starts_with("SCAN a")), "{plan:?}");
}
