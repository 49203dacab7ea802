//! Language routing in a real store: a language barrier puts the door on a
//! follow-up for that language, teaches the person's language when it was
//! unknown, suggests users who speak it, and closes when a later attempt
//! reaches the person; follow-ups become walk and call lists.
//!
//! The attempts are stored and handed to `followup::on_attempt` as the
//! endpoint's push does. The tests sit in a module named `followup` so
//! `cargo test -p doorstep-core followup` runs them.

mod followup {
    use chrono::{DateTime, Duration, SubsecRound, Utc};
    use doorstep_core::domain::{Attempt, ContactResult, Effort, EffortKind, ListKind, PersonField};
    use doorstep_core::followup::{self, FollowUp, LanguageFollowUps};
    use doorstep_core::hlc::Hlc;
    use doorstep_core::import::{ImportOptions, import_file};
    use doorstep_core::{Error, Store, accounts, lists, records};
    use expect_test::expect;
    use std::collections::BTreeSet;
    use uuid::Uuid;

    const HEADER: &str = "first_name,last_name,address,zip,precinct,phone,language,dnc\n";

    /// Doors 1-3 Aster St hold a Khmer-speaking family (one without a
    /// phone), a Vietnamese speaker and someone who asked not to be
    /// contacted; doors on Cedar St hold the closing cases.
    const VOTERS: &str = "\
Sokun,Chea,1 ASTER ST,27601,01-01,919-555-0101,,
Dara,Chea,1 ASTER ST,27601,01-01,,,
Minh,Tran,2 ASTER ST,27601,01-01,919-555-0102,Vietnamese,
Rosa,Diaz,3 ASTER ST,27601,01-01,919-555-0103,,yes
Kim,Sok,4 ASTER ST,27601,01-01,919-555-0104,,
";

    struct Org {
        _dir: tempfile::TempDir,
        store: Store,
        org: Uuid,
        canvasser: Uuid,
    }

    fn org_with(extra: &str) -> Org {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("doorstep.db")).unwrap();
        let file = dir.path().join("voters.csv");
        std::fs::write(&file, format!("{HEADER}{VOTERS}{extra}")).unwrap();
        let org = store.org_for_import(None, "Test org").unwrap();
        import_file(&mut store, &org, &file, &ImportOptions::default(), &mut |_| {}).unwrap();
        let canvasser = accounts::add_user(store.conn(), org.id, "Jamie", "canvasser", &[]).unwrap().id;
        Org { _dir: dir, store, org: org.id, canvasser }
    }

    /// The first attempt's time; each step after is a minute later. In
    /// microseconds, as the store keeps it.
    fn at(minute: i64) -> DateTime<Utc> {
        (Utc::now() - Duration::hours(3) + Duration::minutes(minute)).trunc_subsecs(6)
    }

    impl Org {
        fn person(&self, given: &str) -> Uuid {
            self.store.conn().query_row("SELECT id FROM people WHERE given_name = ?1", [given], |r| r.get(0)).unwrap()
        }

        fn door_of(&self, given: &str) -> Uuid {
            self.store.conn().query_row("SELECT household_id FROM people WHERE given_name = ?1", [given], |r| r.get(0)).unwrap()
        }

        fn preferred(&self, given: &str) -> String {
            self.store.conn().query_row("SELECT preferred_language FROM people WHERE given_name = ?1", [given], |r| r.get(0)).unwrap()
        }

        fn changes(&self) -> i64 {
            self.store.conn().query_row("SELECT count(*) FROM changes", [], |r| r.get(0)).unwrap()
        }

        fn effort(&self, name: &str) -> Uuid {
            let e = Effort { id: Uuid::now_v7(), name: name.into(), kind: EffortKind::Canvass };
            records::upsert_effort(self.store.conn(), self.org, &e).unwrap();
            e.id
        }

        /// Checks and stores an attempt on `given` (or on the door alone,
        /// given as "door:NAME") and runs the follow-up hook, in one
        /// transaction, as a push does.
        fn knock(&mut self, who: &str, result: &str, minute: i64, effort: Option<Uuid>) -> Attempt {
            let result: ContactResult = result.parse().unwrap();
            let (person, door) = match who.strip_prefix("door:") {
                Some(resident) => (None, self.door_of(resident)),
                None => (Some(self.person(who)), self.door_of(who)),
            };
            let mut attempt = Attempt {
                person_id: person,
                household_id: Some(door),
                effort_id: effort,
                canvasser: Some(self.canvasser),
                device_id: Some(Uuid::from_u128(0xd0)),
                attempted_at: at(minute),
                ..Attempt::knock(Uuid::nil(), result)
            };
            // The endpoint's entry check, which writes a language's name as its tag.
            doorstep_core::attempt::check(&mut attempt, Utc::now()).unwrap();
            let (org, tx) = (self.org, self.store.conn_mut().transaction().unwrap());
            assert!(records::insert_attempt(&tx, org, &attempt).unwrap());
            followup::on_attempt(&tx, org, &attempt).unwrap();
            tx.commit().unwrap();
            attempt
        }

        fn open(&self, language: Option<&str>, effort: Option<Uuid>) -> Vec<FollowUp> {
            followup::open(self.store.conn(), self.org, language, effort).unwrap()
        }
    }

    /// One follow-up a line: language, door, person (or "the door").
    fn render(follow_ups: &[FollowUp]) -> String {
        follow_ups
            .iter()
            .map(|f| {
                let who = if f.person_id.is_some() { format!("{} {}", f.given_name, f.family_name) } else { "the door".into() };
                format!("{} {} {who}\n", f.language, f.address)
            })
            .collect()
    }

    #[test]
    fn a_khmer_barrier_is_routed_until_a_later_contact_closes_it() {
        let mut o = org_with("");
        let barrier = o.knock("Sokun", "language_barrier:Khmer", 0, None);

        let open = o.open(None, None);
        assert_eq!(open.len(), 1, "{open:?}");
        let f = &open[0];
        assert_eq!((f.language.as_str(), f.address.as_str()), ("km", "1 ASTER ST"), "the name heard is stored as its tag");
        assert_eq!((f.person_id, f.household_id), (Some(o.person("Sokun")), Some(o.door_of("Sokun"))));
        assert_eq!((f.given_name.as_str(), f.family_name.as_str()), ("Sokun", "Chea"));
        assert_eq!((f.attempt_id, f.recorded_at, f.effort_id), (barrier.id, barrier.attempted_at, None));
        assert_eq!((f.canvasser_id, f.canvasser_name.as_str()), (Some(o.canvasser), "Jamie"), "who heard it");

        o.knock("Sokun", "not_home", 1, None);
        o.knock("Sokun", "come_back_later", 2, None);
        assert_eq!(o.open(Some("km"), None).len(), 1, "not home and come back later reach no one");
        o.knock("Dara", "contacted", 3, None);
        assert_eq!(o.open(Some("km"), None).len(), 1, "reaching someone else at the door does not reach Sokun");
        o.knock("Sokun", "contacted", 4, None);
        assert_eq!(o.open(None, None), Vec::new(), "a later contact closes it");
    }

    /// Each case: the attempts at one door in order ("WHO RESULT"; WHO is a
    /// resident, A or B, or "door" for an attempt naming no one), and what
    /// is open afterwards.
    #[test]
    fn which_attempts_open_and_close_a_follow_up() {
        let cases: &[(&str, &[&str], &str)] = &[
            ("a barrier opens one", &["A language_barrier:km"], "km A"),
            ("not home keeps it open", &["A language_barrier:km", "A not_home"], "km A"),
            ("moved keeps it open", &["A language_barrier:km", "A moved"], "km A"),
            ("a wrong number keeps it open", &["A language_barrier:km", "A wrong_number"], "km A"),
            ("a left message keeps it open", &["A language_barrier:km", "A left_message"], "km A"),
            ("a contact closes it", &["A language_barrier:km", "A contacted"], ""),
            ("a refusal reached them too", &["A language_barrier:km", "A refused"], ""),
            ("a contact before the barrier does not", &["A contacted", "A language_barrier:km"], "km A"),
            ("the latest barrier says the language", &["A language_barrier:km", "A language_barrier:vi"], "vi A"),
            ("a barrier after a contact reopens it", &["A language_barrier:km", "A contacted", "A language_barrier:km"], "km A"),
            ("another resident reached: still open", &["A language_barrier:km", "B contacted"], "km A"),
            ("a door's barrier names no one", &["door language_barrier:hmn"], "hmn-Latn door"),
            ("anyone reached closes a door's", &["door language_barrier:km", "B contacted"], ""),
            ("the door reached as a whole closes it", &["door language_barrier:km", "door refused"], ""),
            ("a door's later barrier on a person", &["door language_barrier:km", "B language_barrier:ko"], "ko B"),
        ];
        let extra: String = (1..=cases.len()).map(|i| format!("A{i},Case,{i} CEDAR ST,27601,01-02,,,\nB{i},Case,{i} CEDAR ST,27601,01-02,,,\n")).collect();
        let mut o = org_with(&extra);
        for (i, (_, steps, _)) in cases.iter().enumerate() {
            for (minute, step) in steps.iter().enumerate() {
                let (who, result) = step.split_once(' ').unwrap();
                let who = match who {
                    "door" => format!("door:A{}", i + 1),
                    resident => format!("{resident}{}", i + 1),
                };
                o.knock(&who, result, minute as i64, None);
            }
        }
        let open = o.open(None, None);
        let mut wrong = Vec::new();
        for (i, (case, _, want)) in cases.iter().enumerate() {
            let door = format!("{} CEDAR ST", i + 1);
            let got: Vec<String> = open
                .iter()
                .filter(|f| f.address == door)
                .map(|f| format!("{} {}", f.language, f.given_name.strip_suffix(&(i + 1).to_string()).unwrap_or("door")))
                .collect();
            if got.join(", ") != *want {
                wrong.push(format!("{case}: open {got:?}, expected {want:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn an_unknown_language_becomes_the_persons_and_reaches_devices() {
        let mut o = org_with("");
        let before = o.changes();
        o.knock("Kim", "not_home", 0, None);
        assert_eq!((o.preferred("Kim"), o.changes()), (String::new(), before), "only a barrier teaches a language");

        let barrier = o.knock("Kim", "language_barrier:km", 1, None);
        assert_eq!(o.preferred("Kim"), "km");
        let logged: Vec<(String, Uuid)> = o
            .store
            .conn()
            .prepare("SELECT entity, entity_id FROM changes WHERE seq > ?1 ORDER BY seq")
            .unwrap()
            .query_map([before], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(logged, vec![("person".to_owned(), o.person("Kim"))], "logged, so every device holding Kim pulls it");
        // Versioned at the knock's time, so a device's edit orders against it.
        let versions = records::person_versions(o.store.conn(), o.person("Kim")).unwrap();
        let clock = versions[&PersonField::PreferredLanguage];
        assert_eq!((clock.wall_ms as i64, clock.node), (barrier.attempted_at.timestamp_millis(), Uuid::from_u128(0xd0)));
        let edit = |minutes: i64, value: &str| {
            let hlc = Hlc { wall_ms: at(minutes).timestamp_millis() as u64, counter: 0, node: Uuid::from_u128(0xe1) };
            records::merge_person_field(o.store.conn(), o.person("Kim"), PersonField::PreferredLanguage, &value.into(), hlc).unwrap()
        };
        assert!(!edit(0, "vi"), "an edit made before the knock, synced late, loses to it");
        assert!(edit(2, "th"), "one made after it wins");

        // Known languages stand: the voter file's and a canvasser's.
        let before = o.changes();
        o.knock("Minh", "language_barrier:km", 3, None);
        o.knock("Kim", "language_barrier:lo", 4, None);
        assert_eq!((o.preferred("Minh"), o.preferred("Kim"), o.changes()), ("vi".into(), "th".into(), before));
        // A door's barrier names no one whose language it could be.
        o.knock("door:Sokun", "language_barrier:km", 5, None);
        assert_eq!((o.preferred("Sokun"), o.preferred("Dara")), (String::new(), String::new()));
    }

    #[test]
    fn another_organizations_person_is_not_taught() {
        let mut o = org_with("");
        let other = o.store.create_org("Other org").unwrap().id;
        let attempt = Attempt { attempted_at: at(0), ..Attempt::knock(o.person("Kim"), "language_barrier:km".parse().unwrap()) };
        followup::on_attempt(o.store.conn_mut(), other, &attempt).unwrap();
        assert_eq!(o.preferred("Kim"), "");
        assert_eq!(followup::open(o.store.conn(), other, None, None).unwrap(), Vec::new());
    }

    #[test]
    fn speakers_are_suggested_across_regions() {
        let mut o = org_with("");
        let conn = o.store.conn();
        for (name, role, speaks) in [
            ("Sophea", "canvasser", &["km"][..]),
            ("Maria", "phone_banker", &["es-MX", "en"][..]),
            ("Ana", "organizer", &["Spanish"][..]),
            ("Wei", "canvasser", &["zh-Hans"][..]),
            ("Bao", "canvasser", &["yue"][..]),
        ] {
            accounts::add_user(conn, o.org, name, role, &speaks.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
        }
        let names = |language: &str| -> Vec<String> {
            followup::speakers(o.store.conn(), o.org, language).unwrap().into_iter().map(|s| format!("{} ({})", s.name, s.role)).collect()
        };
        assert_eq!(names("km"), ["Sophea (canvasser)"]);
        assert_eq!(names("Khmer"), ["Sophea (canvasser)"], "a language's name works as well as its tag");
        assert_eq!(names("es"), ["Ana (organizer)", "Maria (phone_banker)"], "es-MX speaks for es");
        assert_eq!(names("es-US"), ["Ana (organizer)", "Maria (phone_banker)"], "and es for any region of it");
        assert_eq!(names("zh-Hant"), ["Bao (canvasser)"], "Cantonese (zh-Hant) is not Mandarin (zh-Hans)");
        assert_eq!(names("hy"), Vec::<String>::new());
        let err = followup::speakers(o.store.conn(), o.org, "Klingonese").unwrap_err().to_string();
        assert!(err.contains("language") && err.contains("Klingonese"), "{err}");

        o.knock("Sokun", "language_barrier:km", 0, None);
        o.knock("Kim", "language_barrier:km", 1, None);
        o.knock("Minh", "language_barrier:es-MX", 2, None);
        o.knock("door:Rosa", "language_barrier:hy", 3, None);
        let summary = followup::by_language(o.store.conn(), o.org).unwrap();
        let row = |language: &str, open, speakers| LanguageFollowUps { language: language.into(), open, speakers };
        assert_eq!(summary, vec![row("km", 2, 1), row("es-MX", 1, 2), row("hy", 1, 0)], "most waiting first; no Armenian speaker");
    }

    #[test]
    fn open_follow_ups_by_effort_and_language() {
        let mut o = org_with("");
        let (spring, fall) = (o.effort("Spring"), o.effort("Fall"));
        o.knock("Sokun", "language_barrier:km", 0, Some(spring));
        o.knock("Sokun", "language_barrier:km", 1, Some(fall));
        o.knock("Minh", "language_barrier:es-MX", 2, Some(fall));
        o.knock("Kim", "language_barrier:km", 3, Some(fall));
        o.knock("door:Rosa", "language_barrier:km", 4, None);

        expect![[r#"
            es-MX 2 ASTER ST Minh Tran
            km 1 ASTER ST Sokun Chea
            km 1 ASTER ST Sokun Chea
            km 3 ASTER ST the door
            km 4 ASTER ST Kim Sok
        "#]]
        .assert_eq(&render(&o.open(None, None)));
        expect![[r#"
            km 1 ASTER ST Sokun Chea
        "#]]
        .assert_eq(&render(&o.open(Some("km"), Some(spring))));
        expect![[r#"
            es-MX 2 ASTER ST Minh Tran
        "#]]
        .assert_eq(&render(&o.open(Some("Spanish"), Some(fall))));

        // One contact reaches Sokun whichever effort asked.
        o.knock("Sokun", "contacted", 5, Some(fall));
        assert_eq!(o.open(Some("km"), Some(spring)), Vec::new());

        // Someone who asks not to be contacted, or is deleted, leaves the follow-ups.
        o.store.conn().execute("UPDATE people SET do_not_contact = 1 WHERE given_name = 'Kim'", []).unwrap();
        records::tombstone_person(o.store.conn(), o.person("Minh")).unwrap();
        assert_eq!(render(&o.open(None, Some(fall))), "", "{:?}", o.open(None, Some(fall)));

        let unknown = Uuid::now_v7();
        match followup::open(o.store.conn(), o.org, None, Some(unknown)) {
            Err(Error::NotFound { what: "effort", key }) => assert_eq!(key, unknown.to_string()),
            other => panic!("another organization's effort: {other:?}"),
        }
        let err = followup::open(o.store.conn(), o.org, Some("Elvish"), None).unwrap_err().to_string();
        assert!(err.contains("Elvish"), "{err}");
    }

    /// The doors (by address) and people (by given name) a list holds.
    fn list_contents(o: &Org, list: Uuid) -> (Vec<String>, BTreeSet<String>) {
        let doors = lists::doors(o.store.conn(), o.org, list).unwrap();
        let people: BTreeSet<String> = o
            .store
            .conn()
            .prepare("SELECT p.given_name FROM list_people lp JOIN people p ON p.id = lp.person_id WHERE lp.list_id = ?1")
            .unwrap()
            .query_map([list], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        (doors.iter().map(|d| d.household.address.line()).collect(), people)
    }

    #[test]
    fn follow_ups_become_walk_and_call_lists() {
        let mut o = org_with("Lan,Chea,5 ASTER ST,27601,01-01,919-555-0105,,\n");
        let effort = o.effort("Fall");
        o.knock("door:Sokun", "language_barrier:km", 0, Some(effort));
        o.knock("Kim", "language_barrier:km", 1, Some(effort));
        o.knock("door:Rosa", "language_barrier:km", 2, Some(effort));
        o.knock("Lan", "language_barrier:km", 3, Some(effort));
        o.knock("Lan", "contacted", 4, Some(effort));
        o.knock("Minh", "language_barrier:vi", 5, Some(effort));
        let open_doors: BTreeSet<Uuid> =
            o.open(Some("km"), Some(effort)).iter().filter_map(|f| f.household_id).collect();

        let walk = followup::to_list(o.store.conn_mut(), o.org, Some("km"), ListKind::Walk, "Khmer follow-ups", Some(effort)).unwrap();
        assert_eq!((walk.list.kind, walk.list.effort_id, walk.doors, walk.people), (ListKind::Walk, Some(effort), 2, 3));
        let (doors, people) = list_contents(&o, walk.list.id);
        let listed: BTreeSet<Uuid> = lists::doors(o.store.conn(), o.org, walk.list.id).unwrap().iter().map(|d| d.household.id).collect();
        // Rosa's door is open but she asked not to be contacted: no one
        // there to knock for. Lan was reached; Minh needs Vietnamese.
        assert_eq!(open_doors.len(), 3);
        assert_eq!(listed, open_doors.iter().copied().filter(|d| *d != o.door_of("Rosa")).collect(), "exactly the open doors");
        assert_eq!(doors, ["1 ASTER ST", "4 ASTER ST"], "in walk order");
        assert_eq!(people, ["Dara", "Kim", "Sokun"].map(String::from).into(), "everyone at the door who may be contacted");
        let logged: i64 = o
            .store
            .conn()
            .query_row("SELECT count(*) FROM changes WHERE entity = 'list' AND list_id = ?1", [walk.list.id], |r| r.get(0))
            .unwrap();
        assert_eq!(logged, 1, "logged as a cut's lists are");
        let sophea = accounts::add_user(o.store.conn(), o.org, "Sophea", "canvasser", &["km".into()]).unwrap();
        let assigned = lists::assign(o.store.conn_mut(), o.org, "Khmer follow-ups", "Sophea").unwrap();
        assert_eq!((assigned.list.id, assigned.user.id), (walk.list.id, sophea.id));

        let call = followup::to_list(o.store.conn_mut(), o.org, Some("Khmer"), ListKind::Call, "Khmer calls", Some(effort)).unwrap();
        let (_, people) = list_contents(&o, call.list.id);
        assert_eq!(people, ["Kim", "Sokun"].map(String::from).into(), "people with a phone: Dara has none, Rosa asked not to be");
        assert_eq!((call.people, call.doors), (2, 2));

        let err = followup::to_list(o.store.conn_mut(), o.org, Some("km"), ListKind::Walk, "Khmer follow-ups", Some(effort)).unwrap_err();
        assert!(err.to_string().contains("already exists"), "{err}");
        let err = followup::to_list(o.store.conn_mut(), o.org, Some("hy"), ListKind::Walk, "Armenian", Some(effort)).unwrap_err();
        assert!(err.to_string().contains("no open follow-up in hy"), "{err}");
        let made: i64 = o.store.conn().query_row("SELECT count(*) FROM lists", [], |r| r.get(0)).unwrap();
        assert_eq!(made, 2, "a refused list writes nothing");
    }
}
