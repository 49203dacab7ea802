//! Cutting lists in a real store: turfs of a small generated neighbourhood
//! shown door by door (a snapshot: `UPDATE_EXPECT=1 cargo test -p
//! doorstep-core --test list_cut` rewrites it; read the diff before keeping
//! it), the rules every split keeps, and each filter.
//!
//! The tests sit in a module named `lists` so `cargo test -p doorstep-core
//! lists` runs them.

mod lists {
    use doorstep_core::domain::{Attempt, ContactResult, Household, ListKind};
    use doorstep_core::import::{ImportOptions, import_file};
    use doorstep_core::lists::{self, CutSpec, Near, cut};
    use doorstep_core::{Store, records, walk};
    use expect_test::{Expect, expect};
    use std::collections::{BTreeMap, HashMap, HashSet};
    use uuid::Uuid;

    const HEADER: &str = "first_name,last_name,address,zip,precinct,phone,language,spoken_languages,dnc,latitude,longitude\n";

    fn store_with(dir: &std::path::Path, csv: &str) -> (Store, Uuid) {
        let mut store = Store::open(&dir.join("doorstep.db")).unwrap();
        let file = dir.join("voters.csv");
        std::fs::write(&file, format!("{HEADER}{csv}")).unwrap();
        let org = store.org_for_import(None, "Test org").unwrap();
        import_file(&mut store, &org, &file, &ImportOptions::default(), &mut |_| {}).unwrap();
        (store, org.id)
    }

    /// A small neighbourhood, the same every run: streets of 5, 3, 14 (a
    /// five-unit building among its houses), 2 and 4 doors, one to three
    /// people a door, one of whom asked not to be contacted.
    fn neighbourhood() -> String {
        let mut rows = String::new();
        let mut person = 0;
        let mut door = |rows: &mut String, address: String| {
            for _ in 0..1 + (person * 7 % 11) % 3 {
                person += 1;
                let dnc = if person == 9 { "yes" } else { "" };
                rows.push_str(&format!("P{person},Family{person},{address},27601,01-01,919-555-{person:04},,,{dnc},,\n"));
            }
        };
        for (street, houses) in [("ASTER ST", 5), ("BIRCH ST", 3), ("CEDAR ST", 9), ("DOGWOOD ST", 2), ("ELDER ST", 4)] {
            for n in 1..=houses {
                door(&mut rows, format!("{n} {street}"));
            }
        }
        for unit in ["1A", "1B", "2A", "2B", "3A"] {
            door(&mut rows, format!("10 CEDAR ST APT {unit}"));
        }
        rows
    }

    /// Each list's doors in walk order, one a line.
    fn render(store: &Store, org: Uuid, made: &[lists::CutList]) -> String {
        let mut out = String::new();
        for l in made {
            out.push_str(&format!("{}: {} doors, {} people\n", l.name, l.doors, l.people));
            for d in lists::doors(store.conn(), org, l.id.unwrap()).unwrap() {
                out.push_str(&format!("  {:<22}{}\n", d.household.address.line(), d.people.len()));
            }
        }
        out
    }

    fn split(max_doors: usize) -> CutSpec {
        let mut spec = CutSpec::new("Turf", ListKind::Walk);
        spec.max_doors = max_doors;
        spec.split = true;
        spec
    }

    fn check_split(max_doors: usize, want: Expect) {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, org) = store_with(dir.path(), &neighbourhood());
        let preview = cut::preview(store.conn(), org, &split(max_doors)).unwrap();
        let made = cut::cut(store.conn_mut(), org, &split(max_doors)).unwrap();
        let counts = |c: &lists::Cut| c.lists.iter().map(|l| (l.name.clone(), l.doors, l.people)).collect::<Vec<_>>();
        assert_eq!(counts(&preview), counts(&made), "the preview shows what the cut makes");
        assert!(preview.lists.iter().all(|l| l.id.is_none()) && made.lists.iter().all(|l| l.id.is_some()));
        assert_eq!(made.doors_left, 0, "a split lists every door");
        keeps_the_rules(&store, org, &made.lists, max_doors);
        want.assert_eq(&render(&store, org, &made.lists));
    }

    /// What every split must hold, whatever the snapshot says.
    fn keeps_the_rules(store: &Store, org: Uuid, made: &[lists::CutList], max_doors: usize) {
        let turfs: Vec<Vec<Household>> = made
            .iter()
            .map(|l| lists::doors(store.conn(), org, l.id.unwrap()).unwrap().into_iter().map(|d| d.household).collect())
            .collect();
        // Every door with someone to contact is on exactly one turf.
        let mut seen = HashMap::new();
        for (i, t) in turfs.iter().enumerate() {
            for h in t {
                assert!(seen.insert(h.id, i).is_none(), "{} is on two turfs", h.address.line());
            }
        }
        let contactable: HashSet<Uuid> = store
            .conn()
            .prepare("SELECT DISTINCT household_id FROM people WHERE do_not_contact = 0")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(seen.keys().copied().collect::<HashSet<_>>(), contactable, "every door, once");
        // A household's people on its door's turf, whole (all but the one
        // who asked not to be contacted).
        let members: usize = made.iter().map(|l| l.people).sum();
        let people: usize =
            store.conn().query_row("SELECT count(*) FROM people WHERE do_not_contact = 0", [], |r| r.get(0)).unwrap();
        assert_eq!(members, people);
        for (t, l) in turfs.iter().zip(made) {
            assert_eq!(t.len(), l.doors);
            assert!(t.len() <= max_doors, "{} has {} doors, over {max_doors}", l.name, t.len());
        }
        // A building on one turf; a street on consecutive turfs, and on more
        // than one only when it alone is over the cap.
        let all: Vec<&Household> = turfs.iter().flatten().collect();
        let mut by_street: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if walk::same_building(a, b) {
                    assert_eq!(seen[&a.id], seen[&b.id], "{} and {} are one building", a.address.line(), b.address.line());
                }
            }
            by_street.entry(a.address.street.clone()).or_default().push(seen[&a.id]);
        }
        for (street, on) in by_street {
            let (first, last) = (on[0], on[on.len() - 1]);
            assert!(on.windows(2).all(|w| w[0] <= w[1]), "{street} comes back after another turf");
            if first != last {
                assert!(on.len() > max_doors, "{street} ({} doors) fits one turf but was split", on.len());
            }
        }
    }

    #[test]
    fn lists_split_into_turfs_of_eight() {
        // Aster (5) and Birch (3) fill one turf. Cedar (14) is over the cap:
        // it is cut between buildings into pieces of at most 7 (14 in two
        // halves), which its five-unit building makes three: up the odd
        // side, the building and back down to 6, then 4 and 2. That last
        // piece stays open, and Dogwood (2) and Elder (4) fill it to 8.
        check_split(
            8,
            expect![[r#"
                Turf 1: 8 doors, 15 people
                  1 ASTER ST            1
                  3 ASTER ST            2
                  5 ASTER ST            1
                  4 ASTER ST            3
                  2 ASTER ST            2
                  1 BIRCH ST            2
                  3 BIRCH ST            2
                  2 BIRCH ST            2
                Turf 2: 5 doors, 11 people
                  1 CEDAR ST            3
                  3 CEDAR ST            2
                  5 CEDAR ST            2
                  7 CEDAR ST            2
                  9 CEDAR ST            2
                Turf 3: 7 doors, 16 people
                  10 CEDAR ST #1A       3
                  10 CEDAR ST #1B       2
                  10 CEDAR ST #2A       2
                  10 CEDAR ST #2B       2
                  10 CEDAR ST #3A       2
                  8 CEDAR ST            2
                  6 CEDAR ST            3
                Turf 4: 8 doors, 17 people
                  4 CEDAR ST            2
                  2 CEDAR ST            2
                  1 DOGWOOD ST          2
                  2 DOGWOOD ST          3
                  1 ELDER ST            2
                  3 ELDER ST            2
                  4 ELDER ST            2
                  2 ELDER ST            2
            "#]],
        );
    }

    #[test]
    fn lists_split_into_turfs_of_twenty() {
        check_split(20, expect![[r#"
            Turf 1: 8 doors, 15 people
              1 ASTER ST            1
              3 ASTER ST            2
              5 ASTER ST            1
              4 ASTER ST            3
              2 ASTER ST            2
              1 BIRCH ST            2
              3 BIRCH ST            2
              2 BIRCH ST            2
            Turf 2: 20 doors, 44 people
              1 CEDAR ST            3
              3 CEDAR ST            2
              5 CEDAR ST            2
              7 CEDAR ST            2
              9 CEDAR ST            2
              10 CEDAR ST #1A       3
              10 CEDAR ST #1B       2
              10 CEDAR ST #2A       2
              10 CEDAR ST #2B       2
              10 CEDAR ST #3A       2
              8 CEDAR ST            2
              6 CEDAR ST            3
              4 CEDAR ST            2
              2 CEDAR ST            2
              1 DOGWOOD ST          2
              2 DOGWOOD ST          3
              1 ELDER ST            2
              3 ELDER ST            2
              4 ELDER ST            2
              2 ELDER ST            2
        "#]]);
    }

    #[test]
    fn lists_one_cut_stops_at_the_cap_and_writes_its_log_row() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, org) = store_with(dir.path(), &neighbourhood());
        let mut spec = CutSpec::new("Saturday", ListKind::Walk);
        spec.max_doors = 10;
        let made = cut::cut(store.conn_mut(), org, &spec).unwrap();
        assert_eq!(made.lists.len(), 1);
        // Aster and Birch (8); Cedar (14) would not fit whole, so it is left.
        assert_eq!(made.lists[0].doors, 8);
        assert_eq!(made.doors_left, 28 - 8);
        assert!(made.warnings.iter().any(|w| w.contains("20 more door(s)")), "{:?}", made.warnings);
        let id = made.lists[0].id.unwrap();
        let logged: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM changes WHERE entity = 'list' AND entity_id = ?1 AND list_id = ?1", [id], |r| r.get(0))
            .unwrap();
        assert_eq!(logged, 1, "devices hear of the list through the change log");
        // A name taken refuses the whole cut, and writes nothing.
        let mut again = split(5);
        again.name = "Saturday".into();
        assert!(cut::cut(store.conn_mut(), org, &again).is_ok(), "\"Saturday 1\"... are other names");
        let count = |store: &Store| -> i64 { store.conn().query_row("SELECT count(*) FROM lists", [], |r| r.get(0)).unwrap() };
        let before = count(&store);
        let err = cut::cut(store.conn_mut(), org, &again).unwrap_err().to_string();
        assert!(err.contains("\"Saturday 1\" already exists"), "{err}");
        assert_eq!(count(&store), before, "nothing was written by the refused cut");
    }

    #[test]
    fn lists_a_building_over_the_cap_stays_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut csv = String::from("Ann,Lee,1 OAK ST,27601,,,,,,,\n");
        for unit in 1..=6 {
            csv.push_str(&format!("U{unit},Kim,5 OAK ST APT {unit}0{unit},27601,,,,,,,\n"));
        }
        csv.push_str("Bo,Ng,7 OAK ST,27601,,,,,,,\n");
        let (mut store, org) = store_with(dir.path(), &csv);
        let made = cut::cut(store.conn_mut(), org, &split(4)).unwrap();
        let doors: Vec<usize> = made.lists.iter().map(|l| l.doors).collect();
        assert_eq!(doors, vec![1, 6, 1]);
        assert!(made.warnings.iter().any(|w| w.contains("Turf 2 holds one building of 6 doors")), "{:?}", made.warnings);
    }

    /// People for the filter tests: languages preferred and spoken, zips,
    /// places, phones.
    const PEOPLE: &str = "\
An,Nguyen,1 ASTER ST,27601,A,919-555-0001,vi,en,,35.7796,-78.6382
Binh,Tran,1 ASTER ST,27601,A,,en,vi,,35.7796,-78.6382
Carmen,Ruiz,3 ASTER ST,27601,A,919-555-0003,es,,,35.7797,-78.6383
Dara,Sok,2 BIRCH ST,27603,B,919-555-0004,km,,,35.8100,-78.6382
Eun,Park,4 BIRCH ST,27603,B,919-555-0005,,ko;en,,35.8101,-78.6381
Feng,Li,6 BIRCH ST,27603,B,919-555-0006,zh-Hant,,,,
Gia,Pham,8 BIRCH ST,27603,B,919-555-0007,vi,,yes,35.8102,-78.6380
Hui,Wong,10 BIRCH ST,27603,B,919-555-0008,zh-Hans,,,0,0
";

    /// The given names a cut would list, sorted.
    fn cut_names(store: &mut Store, org: Uuid, spec: CutSpec) -> Vec<String> {
        let made = cut::cut(store.conn_mut(), org, &spec).unwrap();
        let mut out = Vec::new();
        for l in made.lists {
            for d in lists::doors(store.conn(), org, l.id.unwrap()).unwrap() {
                out.extend(d.people.into_iter().map(|p| p.given_name));
            }
        }
        out.sort();
        out
    }

    fn filtered(name: &str, f: impl FnOnce(&mut CutSpec)) -> CutSpec {
        let mut spec = CutSpec::new(name, ListKind::Walk);
        spec.split = true;
        f(&mut spec);
        spec
    }

    #[test]
    fn lists_filter_by_language_preferred_or_spoken() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, org) = store_with(dir.path(), PEOPLE);
        // Binh speaks Vietnamese; Gia prefers it but asked not to be contacted.
        assert_eq!(cut_names(&mut store, org, filtered("vi", |s| s.filter.language = Some("Vietnamese".into()))), ["An", "Binh"]);
        assert_eq!(cut_names(&mut store, org, filtered("ko", |s| s.filter.language = Some("ko".into()))), ["Eun"]);
        // A language takes in its more specific tags, not its siblings.
        assert_eq!(cut_names(&mut store, org, filtered("zh", |s| s.filter.language = Some("zh".into()))), ["Feng", "Hui"]);
        assert_eq!(cut_names(&mut store, org, filtered("zh-Hant", |s| s.filter.language = Some("zh-Hant".into()))), ["Feng"]);
        let none = cut::preview(store.conn(), org, &filtered("hy", |s| s.filter.language = Some("Armenian".into()))).unwrap();
        assert!(none.lists.is_empty());
        assert!(none.warnings.iter().any(|w| w == "no one in the voter file prefers or speaks language \"hy\""), "{:?}", none.warnings);
        let err = cut::preview(store.conn(), org, &filtered("x", |s| s.filter.language = Some("Klingonese".into()))).unwrap_err();
        assert!(err.to_string().starts_with("language: "), "{err}");
    }

    #[test]
    fn lists_filter_by_zip_precinct_and_street() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, org) = store_with(dir.path(), PEOPLE);
        assert_eq!(cut_names(&mut store, org, filtered("z", |s| s.filter.zip = Some("27601".into()))), ["An", "Binh", "Carmen"]);
        assert_eq!(cut_names(&mut store, org, filtered("p", |s| s.filter.precinct = Some("B".into()))), ["Dara", "Eun", "Feng", "Hui"]);
        assert_eq!(cut_names(&mut store, org, filtered("s", |s| s.filter.street = Some("aster street".into()))), ["An", "Binh", "Carmen"]);
        // An unknown precinct is no one, with a warning that says why.
        let none = cut::cut(store.conn_mut(), org, &filtered("none", |s| s.filter.precinct = Some("Z-99".into()))).unwrap();
        assert!(none.lists.is_empty());
        assert!(none.warnings.iter().any(|w| w == "precinct \"Z-99\" is not in the voter file"), "{:?}", none.warnings);
        let err = cut::preview(store.conn(), org, &filtered("z", |s| s.filter.zip = Some("2760".into()))).unwrap_err();
        assert!(err.to_string().starts_with("zip: "), "{err}");
    }

    #[test]
    fn lists_filter_by_distance() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, org) = store_with(dir.path(), PEOPLE);
        // Aster St is at the point; Birch St is about 3.4 km north. Feng's
        // door has no coordinates and Hui's a failed geocode (0, 0).
        let near = |radius_m| Some(Near { latitude: 35.7796, longitude: -78.6382, radius_m });
        let spec = filtered("near", |s| s.filter.near = near(500.0));
        let made = cut::preview(store.conn(), org, &spec).unwrap();
        assert!(made.warnings.iter().any(|w| w.starts_with("2 matching door(s) have no coordinates")), "{:?}", made.warnings);
        assert_eq!(cut_names(&mut store, org, spec), ["An", "Binh", "Carmen"]);
        assert_eq!(cut_names(&mut store, org, filtered("far", |s| s.filter.near = near(5000.0))), ["An", "Binh", "Carmen", "Dara", "Eun"]);
        let err = cut::preview(store.conn(), org, &filtered("bad", |s| s.filter.near = near(0.0))).unwrap_err();
        assert!(err.to_string().starts_with("radius: "), "{err}");
    }

    #[test]
    fn lists_filter_people_not_yet_contacted_in_the_effort() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, org) = store_with(dir.path(), PEOPLE);
        let effort = doorstep_core::domain::Effort {
            id: Uuid::now_v7(),
            name: "Spring".into(),
            kind: doorstep_core::domain::EffortKind::Canvass,
        };
        let other = doorstep_core::domain::Effort { id: Uuid::now_v7(), name: "Fall".into(), ..effort.clone() };
        records::upsert_effort(store.conn(), org, &effort).unwrap();
        records::upsert_effort(store.conn(), org, &other).unwrap();
        let id_of = |name: &str| -> (Uuid, Uuid) {
            store
                .conn()
                .query_row("SELECT id, household_id FROM people WHERE given_name = ?1", [name], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
        };
        let (an, _) = id_of("An");
        let (_, birch4) = id_of("Eun");
        let (carmen, _) = id_of("Carmen");
        // An was tried in this effort; Eun's door as a whole; Carmen only
        // in another effort.
        let mut tried = Attempt::knock(an, ContactResult::NotHome);
        tried.effort_id = Some(effort.id);
        let mut door = Attempt::knock(an, ContactResult::NotHome);
        door.person_id = None;
        door.household_id = Some(birch4);
        door.effort_id = Some(effort.id);
        let mut elsewhere = Attempt::knock(carmen, ContactResult::Refused);
        elsewhere.effort_id = Some(other.id);
        for a in [&tried, &door, &elsewhere] {
            records::insert_attempt(store.conn(), org, a).unwrap();
        }
        let spec = filtered("fresh", |s| {
            s.filter.not_contacted = true;
            s.effort_id = Some(effort.id);
        });
        assert_eq!(cut_names(&mut store, org, spec), ["Binh", "Carmen", "Dara", "Feng", "Hui"]);
        let err = cut::preview(store.conn(), org, &filtered("no effort", |s| s.filter.not_contacted = true)).unwrap_err();
        assert!(err.to_string().contains("effort"), "{err}");
    }

    #[test]
    fn lists_call_lists_hold_people_with_a_phone() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, org) = store_with(dir.path(), PEOPLE);
        let spec = filtered("calls", |s| s.kind = ListKind::Call);
        // Binh has no phone; Gia asked not to be contacted.
        assert_eq!(cut_names(&mut store, org, spec), ["An", "Carmen", "Dara", "Eun", "Feng", "Hui"]);
    }

    #[test]
    fn lists_assign_again_to_reassign() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, org) = store_with(dir.path(), PEOPLE);
        let made = cut::cut(store.conn_mut(), org, &CutSpec::new("Turf", ListKind::Walk)).unwrap();
        let list = made.lists[0].id.unwrap().to_string();
        for name in ["Mai", "Binh"] {
            doorstep_core::accounts::add_user(store.conn(), org, name, "canvasser", &[]).unwrap();
        }
        let first = lists::assign(store.conn_mut(), org, &list, "Mai").unwrap();
        assert!(first.previous.is_empty());
        let second = lists::assign(store.conn_mut(), org, "Turf", "Binh").unwrap();
        assert_eq!(second.previous.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["Mai"]);
        let holders: Vec<String> = store
            .conn()
            .prepare("SELECT u.name FROM list_assignments la JOIN users u ON u.id = la.user_id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(holders, ["Binh"]);
        let ended: i64 = store.conn().query_row("SELECT count(*) FROM list_assignments_ended", [], |r| r.get(0)).unwrap();
        assert_eq!(ended, 1, "Mai's device may still send what she recorded");
        let err = lists::assign(store.conn_mut(), org, "Turf", "Nobody").unwrap_err();
        assert_eq!(err.to_string(), "no user matches \"Nobody\"");
    }
}
