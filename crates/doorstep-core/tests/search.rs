//! Search across scripts, against a real store filled through the importer.

use doorstep_core::import::{ImportOptions, import_file};
use doorstep_core::{Store, search};

fn store_with(rows: &[&str]) -> (tempfile::TempDir, Store, uuid::Uuid) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.db")).unwrap();
    let org = store.org_for_import(None, "Org").unwrap();
    let mut body = String::from("RegistrantID,FirstName,LastName,NativeName,Address,Zip,Phone1\n");
    for r in rows {
        body.push_str(r);
        body.push('\n');
    }
    let path = dir.path().join("v.csv");
    std::fs::write(&path, body).unwrap();
    import_file(&mut store, &org, &path, &ImportOptions::default(), &mut |_| {}).unwrap();
    (dir, store, org.id)
}

const PEOPLE: &[&str] = &[
    "1,Văn An,Nguyễn,Nguyễn Văn An,1 Bolsa Ave,92683,(714) 555-0101",
    "2,José,García,,2 Main St,95112,408.555.0102",
    "3,Hans,Müller,,3 Elm St,94110,",
    "4,Siu Lung,Lee,李小龍,4 Stockton St,94108,+1 415 555 0104",
    "5,Min-jun,Kim,김민준,5 Wilshire Blvd,90010,",
    "6,Aram,Hovhannisyan,Արամ Հովհաննիսյան,6 Brand Blvd,91203,",
    "7,Reza,Mohammadi,رضا محمدی,7 Westwood Blvd,90024,",
    "8,Mohammed,Al-Hassan,محمد الحسن,8 Brookhurst St,92804,",
    "9,Sokha,Chan,សុខា ចាន់,9 Anaheim St,90813,",
    "10,Hanako,Sato,佐藤花子,10 Sawtelle Blvd,90025,",
    "11,Thi Dang,Đặng,Đặng Thị Dung,11 Bolsa Ave,92683,",
    "12,Gurpreet,Singh,ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ,12 Golden State Blvd,93725,",
];

fn hits(store: &Store, org: uuid::Uuid, q: &str) -> Vec<String> {
    search::search(store.conn(), org, q, 20).unwrap().into_iter().map(|p| p.external_ids["ca_registrant"].clone()).collect()
}

#[test]
fn latin_names_ignore_case_and_diacritics() {
    let (_d, s, org) = store_with(PEOPLE);
    assert_eq!(hits(&s, org, "nguyen"), ["1"]);
    assert_eq!(hits(&s, org, "NGUYỄN"), ["1"]);
    assert_eq!(hits(&s, org, "jose"), ["2"]);
    assert_eq!(hits(&s, org, "muller"), ["3"]);
    assert_eq!(hits(&s, org, "Müll"), ["3"], "prefix");
    assert_eq!(hits(&s, org, "dang"), ["11"], "đ folds to d");
    assert_eq!(hits(&s, org, "ngu van"), ["1"], "every word is a prefix");
}

#[test]
fn substrings_in_other_scripts() {
    let (_d, s, org) = store_with(PEOPLE);
    assert_eq!(hits(&s, org, "小龍"), ["4"], "a given name without the family name");
    assert_eq!(hits(&s, org, "龍"), ["4"]);
    assert_eq!(hits(&s, org, "민준"), ["5"]);
    assert_eq!(hits(&s, org, "Հովհաննիս"), ["6"]);
    assert_eq!(hits(&s, org, "محمدی"), ["7"]);
    assert_eq!(hits(&s, org, "حسن"), ["8"]);
    assert_eq!(hits(&s, org, "ចាន់"), ["9"]);
    assert_eq!(hits(&s, org, "花子"), ["10"]);
    assert_eq!(hits(&s, org, "ਸਿੰਘ"), ["12"]);
    assert!(hits(&s, org, "龍小").is_empty(), "bigrams in the wrong order are not a substring");
}

#[test]
fn surname_variants_and_transliteration() {
    let (_d, s, org) = store_with(PEOPLE);
    assert_eq!(hits(&s, org, "yi"), ["4"], "Lee is also Yi");
    assert_eq!(hits(&s, org, "gim"), ["5"], "Kim is also Gim");
}

#[test]
fn phones_in_any_formatting() {
    let (_d, s, org) = store_with(PEOPLE);
    for q in ["7145550101", "(714) 555-0101", "+1 714 555 0101", "714.555.0101"] {
        assert_eq!(hits(&s, org, q), ["1"], "{q}");
    }
    assert_eq!(hits(&s, org, "415-555-0104"), ["4"]);
}

#[test]
fn addresses() {
    let (_d, s, org) = store_with(PEOPLE);
    let mut bolsa = hits(&s, org, "bolsa avenue");
    bolsa.sort();
    assert_eq!(bolsa, ["1", "11"]);
    assert_eq!(hits(&s, org, "4 stockton"), ["4"]);
}

#[test]
fn another_organizations_people_stay_hidden() {
    let (_d, s, _org) = store_with(PEOPLE);
    let other = s.create_org("Other org").unwrap();
    assert!(hits(&s, other.id, "nguyen").is_empty());
}

/// A number families have from home, imported and typed at a door, is one
/// number: kept alike (E.164), and found however a search writes it.
#[test]
fn phones_from_abroad_fold_alike_and_are_found_with_or_without_country_code() {
    let (_dir, store, org) = store_with(&[
        "1,Lupe,Reyes,,1 Main St,95112,+52 55 1234 5678",
        "2,Lan,Tran,,2 Bolsa Ave,92683,011 84 90 123 4567",
        "3,Sokha,Chan,,9 Anaheim St,90813,+855 12 345 678",
        "4,Ana,Cruz,,4 Elm St,94110,(415) 555-0134 x12",
    ]);
    let conn = store.conn();
    let phones = |id: &str| -> Vec<String> {
        let json: String = conn
            .query_row("SELECT p.phones FROM people p JOIN external_ids x ON x.person_id = p.id WHERE x.value = ?1", [id], |r| r.get(0))
            .unwrap();
        serde_json::from_str(&json).unwrap()
    };
    // What a device edit keeps (person::check_field runs on device and endpoint).
    let typed = |text: &str| {
        let mut value = serde_json::json!([text]);
        doorstep_core::person::check_field(doorstep_core::domain::PersonField::Phones, &mut value).unwrap();
        serde_json::from_value::<Vec<String>>(value).unwrap()
    };
    assert_eq!(phones("1"), ["+525512345678"]);
    assert_eq!(typed("+52 1 55-1234-5678"), phones("1"));
    assert_eq!(phones("2"), ["+84901234567"]);
    assert_eq!(typed("+84 90 123 4567"), phones("2"));
    assert_eq!(phones("3"), ["+85512345678"]);
    assert_eq!(phones("4"), ["+14155550134;ext=12"]);
    assert_eq!(typed("415.555.0134 ext 12"), phones("4"));
    for (query, who) in [
        ("+52 55 1234 5678", "1"),
        ("52 55 1234 5678", "1"),
        ("55 1234 5678", "1"),
        ("011 52 55 1234 5678", "1"),
        ("+84 90 123 4567", "2"),
        ("84 901 234 567", "2"),
        ("+855 12 345 678", "3"),
        ("1 415 555 0134", "4"),
        ("+14155550134", "4"),
    ] {
        assert_eq!(hits(&store, org, query), [who], "{query}");
    }
}
