//! Walk order, checked door by door on small lists a canvasser could walk,
//! and through a real store's walk list.
//!
//! Each case is a list of doors, one a line: `street line ; zip ; lat lon`,
//! the zip and the place optional. The expected order is a snapshot
//! (`UPDATE_EXPECT=1 cargo test -p doorstep-core --test walk` rewrites it;
//! read the diff before keeping it).

use doorstep_core::address::parse_street_line;
use doorstep_core::domain::{Household, ListKind};
use doorstep_core::import::{ImportOptions, import_file};
use doorstep_core::lists::{self, ListSpec};
use doorstep_core::{Store, walk};
use expect_test::{Expect, expect};
use uuid::Uuid;

fn households(doors: &str) -> Vec<Household> {
    doors
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, line)| {
            let mut fields = line.split(';').map(str::trim);
            let mut address = parse_street_line(fields.next().unwrap());
            address.zip = fields.next().unwrap_or("").to_owned();
            let place: Vec<f64> =
                fields.next().unwrap_or("").split_whitespace().map(|n| n.parse().expect("lat lon")).collect();
            let (latitude, longitude) = match place[..] {
                [lat, lon] => (Some(lat), Some(lon)),
                [] => (None, None),
                _ => panic!("line {}: a place is `lat lon`", i + 1),
            };
            Household { id: Uuid::from_u128(i as u128 + 1), address, precinct: String::new(), latitude, longitude }
        })
        .collect()
}

fn render(doors: &[Household]) -> String {
    doors.iter().map(|h| format!("{:<24}{}", h.address.line(), h.address.zip).trim_end().to_owned() + "\n").collect()
}

/// Sorts the doors as written and backwards, which must agree, and checks
/// the order against the snapshot.
fn check(doors: &str, want: Expect) {
    let mut list = households(doors);
    walk::sort(&mut list);
    let mut backwards = households(doors);
    backwards.reverse();
    walk::sort(&mut backwards);
    assert_eq!(render(&list), render(&backwards), "the order must not depend on the order doors came in");
    want.assert_eq(&render(&list));
}

#[test]
fn odd_side_up_even_side_down() {
    check(
        "
        14 MAPLE AVE
        1 MAPLE AVE
        8 MAPLE AVE
        7A MAPLE AVE
        MAPLE AVE
        3 MAPLE AVE
        2 MAPLE AVE
        9 1/2 MAPLE AVE
        11 MAPLE AVE
        10 MAPLE AVE
        10A MAPLE AVE
        7 MAPLE AVE
        4 MAPLE AVE
        5 MAPLE AVE
        9 MAPLE AVE
        ",
        expect![[r#"
            1 MAPLE AVE
            3 MAPLE AVE
            5 MAPLE AVE
            7 MAPLE AVE
            7A MAPLE AVE
            9 MAPLE AVE
            9 1/2 MAPLE AVE
            11 MAPLE AVE
            14 MAPLE AVE
            10A MAPLE AVE
            10 MAPLE AVE
            8 MAPLE AVE
            4 MAPLE AVE
            2 MAPLE AVE
            MAPLE AVE
        "#]],
    );
}

#[test]
fn buildings_by_floor_then_unit() {
    // 400 has its own door, a basement, numbered floors, two penthouses and
    // units whose names give no floor; 402 and 400 are on the even side, so
    // they come in descending order, each still climbed from the bottom.
    check(
        "
        400 PARK AVE APT 2
        400 PARK AVE APT PH
        400 PARK AVE APT 1205
        402 PARK AVE UNIT 12C
        400 PARK AVE APT 402
        400 PARK AVE APT 3B
        401 PARK AVE APT 2
        400 PARK AVE APT 10
        400 PARK AVE
        400 PARK AVE APT 301
        400 PARK AVE APT 3A
        400 PARK AVE APT 101
        400 PARK AVE APT B
        401 PARK AVE APT 1
        400 PARK AVE APT PH2
        402 PARK AVE UNIT 2A
        400 PARK AVE APT BSMT
        ",
        expect![[r#"
            401 PARK AVE #1
            401 PARK AVE #2
            402 PARK AVE #2A
            402 PARK AVE #12C
            400 PARK AVE
            400 PARK AVE #BSMT
            400 PARK AVE #101
            400 PARK AVE #3A
            400 PARK AVE #3B
            400 PARK AVE #301
            400 PARK AVE #402
            400 PARK AVE #1205
            400 PARK AVE #PH
            400 PARK AVE #PH2
            400 PARK AVE #2
            400 PARK AVE #10
            400 PARK AVE #B
        "#]],
    );
}

#[test]
fn streets_with_coordinates_by_place_not_name() {
    // Zinnia is furthest west, so the walk starts there; Aster begins nearer
    // to where Zinnia's walk ends than Yarrow does. By name it would be
    // Aster, Yarrow, Zinnia; west to east, Zinnia, Yarrow, Aster.
    check(
        "
        1 ASTER ST ; 27601 ; 35.7790 -78.6380
        2 ASTER ST ; 27601 ; 35.7791 -78.6381
        3 ASTER ST ; 27601 ; 35.7795 -78.6380
        1 YARROW ST ; 27601 ; 35.7550 -78.6390
        2 YARROW ST ; 27601 ; 35.7551 -78.6391
        1 ZINNIA ST ; 27601 ; 35.7700 -78.6400
        3 ZINNIA ST ; 27601 ; 35.7705 -78.6400
        2 ZINNIA ST ; 27601 ; 35.7701 -78.6401
        ",
        expect![[r#"
            1 ZINNIA ST             27601
            3 ZINNIA ST             27601
            2 ZINNIA ST             27601
            1 ASTER ST              27601
            3 ASTER ST              27601
            2 ASTER ST              27601
            1 YARROW ST             27601
            2 YARROW ST             27601
        "#]],
    );
}

#[test]
fn streets_without_coordinates_by_name() {
    // A pre-direction sorts after the bare name; one name in two zips is two
    // streets; an address with no number is a street of its own.
    check(
        "
        5 N MAIN ST ; 27601
        RURAL ROUTE 2 ; 27601
        12 MAIN ST ; 27601
        3 S MAIN ST ; 27601
        7 OAK ST ; 27603
        7 OAK ST ; 27601
        2 ELM ST APT 4 ; 27601
        9 MAIN ST ; 27601
        1 ELM ST ; 27601
        ",
        expect![[r#"
            1 ELM ST                27601
            2 ELM ST #4             27601
            9 MAIN ST               27601
            12 MAIN ST              27601
            5 N MAIN ST             27601
            3 S MAIN ST             27601
            7 OAK ST                27601
            7 OAK ST                27603
            RURAL ROUTE 2           27601
        "#]],
    );
}

#[test]
fn placed_streets_before_unplaced_ones() {
    // One door with a place puts its street on the map; (0, 0) is a failed
    // geocode, not a place.
    check(
        "
        1 BIRCH ST ; 27601
        1 CEDAR ST ; 27601 ; 35.7700 -78.6400
        3 CEDAR ST ; 27601
        1 ALDER ST ; 27601 ; 0 0
        1 DOGWOOD ST ; 27601 ; 35.7600 -78.6500
        ",
        expect![[r#"
            1 DOGWOOD ST            27601
            1 CEDAR ST              27601
            3 CEDAR ST              27601
            1 ALDER ST              27601
            1 BIRCH ST              27601
        "#]],
    );
}

/// A walk list made in a real store gives its doors in walk order, with the
/// coordinates the voter file carried.
#[test]
fn a_walk_list_in_the_store_follows_the_street() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("doorstep.db")).unwrap();
    let file = dir.path().join("voters.csv");
    std::fs::write(
        &file,
        "first_name,last_name,address,zip,latitude,longitude
An,Nguyen,2 ASTER ST,27601,35.7791,-78.6381
Binh,Tran,1 ZINNIA ST APT 3B,27601,35.7700,-78.6400
Chi,Le,1 ZINNIA ST APT 12,27601,35.7700,-78.6400
Dana,Smith,1 ASTER ST,27601,35.7790,-78.6380
Eli,Cohen,1 ZINNIA ST APT 2A,27601,35.7700,-78.6400
Fay,Ortiz,4 ZINNIA ST,27601,35.7702,-78.6401
",
    )
    .unwrap();
    let org = store.org_for_import(None, "Test org").unwrap();
    import_file(&mut store, &org, &file, &ImportOptions::default(), &mut |_| {}).unwrap();
    let spec = ListSpec { name: "Turf 1".into(), kind: ListKind::Walk, precinct: None, limit: None, effort_id: None };
    let list = lists::create(store.conn_mut(), org.id, &spec).unwrap();
    let doors = lists::doors(store.conn(), org.id, list.list.id).unwrap();
    let households: Vec<Household> = doors.into_iter().map(|d| d.household).collect();
    expect![[r#"
        1 ZINNIA ST #2A         27601
        1 ZINNIA ST #3B         27601
        1 ZINNIA ST #12         27601
        4 ZINNIA ST             27601
        1 ASTER ST              27601
        2 ASTER ST              27601
    "#]]
    .assert_eq(&render(&households));
}
