//! Scripts as an organizer publishes them and a canvasser reads them: the
//! publish check's report, Fluent wording for the voter (Vietnamese kinship
//! pronouns, Spanish tú/usted), survey skip logic, answers checked against
//! the questions, and reviews by speakers. Update with `UPDATE_EXPECT=1`.

use doorstep_core::attempt::check_survey_answers;
use doorstep_core::domain::Script;
use doorstep_core::scripts::{self, AgeBand, Formality, Gender, PublishError, Voter};
use doorstep_core::{Store, accounts, records};
use expect_test::expect;
use serde_json::json;
use std::collections::BTreeMap;
use uuid::Uuid;

const OUTREACH: &str = include_str!("../../../demo/vietnamese-outreach.toml");
const CANVASS: &str = include_str!("../../../demo/canvass.toml");

fn store() -> (Store, Uuid) {
    let store = Store::open_in_memory().unwrap();
    let org = store.create_org("Org").unwrap().id;
    (store, org)
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

/// Shows Fluent's isolation marks around a name, so a snapshot says where they are.
fn visible(text: &str) -> String {
    text.replace('\u{2068}', "⁅").replace('\u{2069}', "⁆")
}

fn first_paragraph(script: &Script, language: &str, voter: &Voter) -> String {
    let text = scripts::render(script, language, voter).unwrap();
    visible(text.split("\n\n").next().unwrap())
}

#[test]
fn a_vietnamese_script_addresses_an_older_man_and_a_younger_woman_with_different_pronouns() {
    let (mut store, org) = store();
    let published = scripts::publish(store.conn_mut(), org, OUTREACH, "vietnamese-outreach.toml").unwrap();
    let script = &published.script;
    let voter = |given: &str, born: Option<i32>, gender: Gender| Voter {
        given_name: Some(given.into()),
        canvasser_name: Some("Mai".into()),
        org_name: Some("ECA".into()),
        age_band: AgeBand::from_birth_year(born, today()),
        gender,
        ..Voter::default()
    };
    let older_man = voter("Hùng", Some(1962), Gender::Male);
    let younger_woman = voter("Lan", Some(2001), Gender::Female);
    assert_eq!((older_man.age_band, younger_woman.age_band), (AgeBand::Older, AgeBand::Young));
    assert!(first_paragraph(script, "vi", &older_man).starts_with("Chào bác ⁅Hùng⁆ ạ, cháu tên là"));
    assert!(first_paragraph(script, "vi", &younger_woman).starts_with("Chào em ⁅Lan⁆ ạ, tôi tên là"));

    let people = [
        ("older man", voter("Hùng", Some(1962), Gender::Male)),
        ("younger woman", voter("Lan", Some(2001), Gender::Female)),
        ("woman of 40", voter("Thảo", Some(1986), Gender::Female)),
        ("man of 40", voter("Minh", Some(1986), Gender::Male)),
        ("elderly woman", voter("Sáu", Some(1940), Gender::Female)),
        ("elderly, gender not said", voter("Sáu", Some(1940), Gender::Other)),
        ("no birth year", voter("An", None, Gender::Other)),
    ];
    let shown: Vec<String> = people
        .iter()
        .map(|(who, v)| {
            let thanks = visible(scripts::render(script, "vi", v).unwrap().rsplit("\n\n").next().unwrap());
            format!("{who}: {} | {thanks}", first_paragraph(script, "vi", v).split(',').next().unwrap())
        })
        .collect();
    expect![[r#"
        older man: Chào bác ⁅Hùng⁆ ạ | Xin chân thành cảm ơn bác ⁅Hùng⁆ đã dành thời gian ạ!
        younger woman: Chào em ⁅Lan⁆ ạ | Xin chân thành cảm ơn em ⁅Lan⁆ đã dành thời gian ạ!
        woman of 40: Chào chị ⁅Thảo⁆ ạ | Xin chân thành cảm ơn chị ⁅Thảo⁆ đã dành thời gian ạ!
        man of 40: Chào anh ⁅Minh⁆ ạ | Xin chân thành cảm ơn anh ⁅Minh⁆ đã dành thời gian ạ!
        elderly woman: Chào bà ⁅Sáu⁆ ạ | Xin chân thành cảm ơn bà ⁅Sáu⁆ đã dành thời gian ạ!
        elderly, gender not said: Chào bác ⁅Sáu⁆ ạ | Xin chân thành cảm ơn bác ⁅Sáu⁆ đã dành thời gian ạ!
        no birth year: Chào anh/chị ⁅An⁆ ạ | Xin chân thành cảm ơn anh/chị ⁅An⁆ đã dành thời gian ạ!"#]]
    .assert_eq(&shown.join("\n"));

    // Spanish: usted unless the canvasser chooses tú.
    let formal = voter("Rosa", Some(1950), Gender::Female);
    let informal = Voter { formality: Formality::Informal, ..formal.clone() };
    expect!["Hola, ¿es usted ⁅Rosa⁆? Me llamo ⁅Mai⁆ y hago trabajo voluntario con ⁅ECA⁆, una organización comunitaria aquí en nuestro vecindario."]
        .assert_eq(&first_paragraph(script, "es", &formal));
    expect!["Hola, ¿eres ⁅Rosa⁆? Me llamo ⁅Mai⁆ y hago trabajo voluntario con ⁅ECA⁆, una organización comunitaria aquí en nuestro vecindario."]
        .assert_eq(&first_paragraph(script, "es", &informal));

    // What a device built before Fluent scripts shows: the neutral wording,
    // names left for the UI to fill, a paragraph per message.
    expect![[r#"
        Chào anh/chị {given_name} ạ, tôi tên là {canvasser_name}, tình nguyện viên của {org_name}, một tổ chức cộng đồng ngay tại khu phố mình.

        Chúng tôi đang hỏi thăm bà con trong khu phố về những vấn đề mà gia đình họ quan tâm nhất. Hiện nay, anh/chị quan tâm nhất đến vấn đề nào ạ?

        Cuộc bầu cử sắp diễn ra, và lá phiếu của anh/chị rất quan trọng. Xin hỏi anh/chị có dự định đi bầu không ạ?

        Xin chân thành cảm ơn anh/chị {given_name} đã dành thời gian ạ!"#]]
    .assert_eq(&script.texts["vi"]);
}

#[test]
fn publish_refuses_a_missing_translation_and_a_misspelt_variable_naming_each() {
    let (mut store, org) = store();
    let broken = OUTREACH
        // Vietnamese loses a message and a survey prompt.
        .replace("thanks = Xin chân thành cảm ơn { ban } { $given_name } đã dành thời gian ạ!\n", "")
        .replace(r#"vi = "Quý vị dự định bỏ phiếu bằng cách nào?", "#, "")
        // Spanish misspells a variable, and a selector value.
        .replace("¿eres { $given_name }?", "¿eres { $given_nmae }?")
        .replace("[older] bác", "[olderr] bác")
        // English names a message no other language has.
        .replace("thanks = Thank you so much", "thank = Thank you so much");
    let err = scripts::publish(store.conn_mut(), org, &broken, "outreach.toml").unwrap_err();
    expect![[r#"
        outreach.toml: not published, 6 problem(s):
          es: message "greeting": unknown variable $given_nmae (a script can use $given_name, $family_name, $full_name, $canvasser_name, $org_name, $age_band, $gender, $formality)
          es: message "thank": missing (the base language has it)
          es: message "thanks": not in the base language
          vi: message "ban": $age_band has no value [olderr] (it is one of: young, adult, older, elder, unknown)
          vi: message "thank": missing (the base language has it)
          vi: question "how_vote": not translated"#]]
    .assert_eq(&err.to_string());
    let PublishError::Refused { failures, .. } = &err else { panic!("{err}") };
    assert_eq!(
        serde_json::to_value(&failures.0[0]).unwrap(),
        json!({"language": "es", "kind": "message", "id": "greeting", "problem": "unknown_variable", "variable": "given_nmae"})
    );
    let stored: i64 = store.conn().query_row("SELECT count(*) FROM scripts", [], |r| r.get(0)).unwrap();
    assert_eq!(stored, 0, "a refused script is not stored");

    // A syntax error names its line.
    let bad = OUTREACH.replace("vote = Cuộc bầu cử", "vote = { Cuộc bầu cử");
    let err = scripts::publish(store.conn_mut(), org, &bad, "outreach.toml").unwrap_err().to_string();
    expect![[r#"
        outreach.toml: not published, 2 problem(s):
          vi: line 23: Expected a token starting with "}"
          vi: message "vote": missing (the base language has it)"#]]
    .assert_eq(&err);

    // A language may use other variables than English: Vietnamese thanks by full name.
    let full = OUTREACH.replace("{ $given_name } đã dành", "{ $full_name } đã dành");
    let ok = scripts::publish(store.conn_mut(), org, &full, "outreach.toml").unwrap();
    assert_eq!((ok.script.version, ok.unreviewed.clone()), (1, vec!["en".to_owned(), "es".into(), "vi".into()]));
}

#[test]
fn plain_text_scripts_still_load_and_are_checked_too() {
    let (mut store, org) = store();
    let canvass = scripts::publish(store.conn_mut(), org, CANVASS, "canvass.toml").unwrap();
    assert!(canvass.script.fluent.is_empty() && canvass.script.texts.len() == 16);
    assert_eq!(canvass.script.base_language, "en");
    let err = scripts::publish(store.conn_mut(), org, &CANVASS.replace("Hi, is this {given_name}?", "Hi, is this {given_nmae}?"), "canvass.toml")
        .unwrap_err()
        .to_string();
    expect![[r#"
        canvass.toml: not published, 1 problem(s):
          en: unknown variable $given_nmae (a script can use $given_name, $family_name, $full_name, $canvasser_name, $org_name, $age_band, $gender, $formality)"#]]
    .assert_eq(&err);
}

#[test]
fn answers_are_checked_against_the_questions_with_skip_logic() {
    let (mut store, org) = store();
    let script = scripts::publish(store.conn_mut(), org, OUTREACH, "outreach.toml").unwrap().script;
    assert_eq!(script.questions[1].show_if.as_ref().map(|s| (s.question.as_str(), s.equals.as_str())), Some(("plan_to_vote", "yes")));
    const SECRET: &str = "Maria 310-555-0199";
    let cases = [
        ("plans to vote, by mail", json!({"plan_to_vote": "yes", "how_vote": "mail"})),
        ("does not plan to vote: how is skipped", json!({"plan_to_vote": "no"})),
        ("skipped question answered", json!({"plan_to_vote": "no", "how_vote": "mail"})),
        ("skipped, no first answer", json!({"how_vote": "mail"})),
        ("a question left null", json!({"plan_to_vote": null})),
        ("several choices", json!({"volunteer": ["volunteer", "updates"]})),
        ("unknown question", json!({"favourite_colour": SECRET})),
        ("not an option", json!({"plan_to_vote": SECRET})),
        ("a list for one choice", json!({"plan_to_vote": ["yes"]})),
        ("one choice for a list", json!({"volunteer": "updates"})),
        ("a choice not among the options", json!({"volunteer": ["updates", SECRET]})),
    ];
    let shown: Vec<String> = cases
        .iter()
        .map(|(what, answers)| {
            let answers: BTreeMap<String, serde_json::Value> = serde_json::from_value(answers.clone()).unwrap();
            let outcome = match check_survey_answers(&script.questions, &answers) {
                Ok(()) => "ok".to_owned(),
                Err(e) => e.to_string(),
            };
            assert!(!outcome.contains("Maria") && !outcome.contains("555"), "{outcome}");
            format!("{what}: {outcome}")
        })
        .collect();
    expect![[r#"
        plans to vote, by mail: ok
        does not plan to vote: how is skipped: ok
        skipped question answered: answers.how_vote: must be unanswered: an earlier answer skips this question
        skipped, no first answer: answers.how_vote: must be unanswered: an earlier answer skips this question
        a question left null: ok
        several choices: ok
        unknown question: answers.favourite_colour: must be a question of the attempt's script
        not an option: answers.plan_to_vote: must be one of the question's options
        a list for one choice: answers.plan_to_vote: must be one option key (a single-choice question)
        one choice for a list: answers.volunteer: must be a list of option keys (a multi-choice question)
        a choice not among the options: answers.volunteer: must be a list of the question's options"#]]
    .assert_eq(&shown.join("\n"));

    // Skip logic names only an earlier question and one of its options.
    let later = OUTREACH.replace(r#"show_if = { question = "plan_to_vote", equals = "yes" }"#, r#"show_if = { question = "volunteer", equals = "updates" }"#);
    let err = scripts::publish(store.conn_mut(), org, &later, "o.toml").unwrap_err().to_string();
    assert!(err.contains(r#"question "how_vote": show_if names "volunteer", which is not an earlier question"#), "{err}");
    let wrong = OUTREACH.replace(r#"equals = "yes" }"#, r#"equals = "yess" }"#);
    let err = scripts::publish(store.conn_mut(), org, &wrong, "o.toml").unwrap_err().to_string();
    assert!(err.contains(r#"show_if: "yess" is not an option of question "plan_to_vote""#), "{err}");
}

#[test]
fn a_speaker_reviews_a_language_of_a_version() {
    let (mut store, org) = store();
    let first = scripts::publish(store.conn_mut(), org, OUTREACH, "outreach.toml").unwrap();
    let mai = accounts::add_user(store.conn(), org, "Mai Trần", "canvasser", &["vi".into(), "en".into()]).unwrap();
    let jose = accounts::add_user(store.conn(), org, "José", "canvasser", &["es-MX".into()]).unwrap();

    let r = scripts::review(store.conn_mut(), org, "Vietnamese outreach", "Vietnamese", mai.id).unwrap();
    assert_eq!((r.language.as_str(), r.version, r.newly, r.unreviewed.clone()), ("vi", 1, true, vec!["en".to_owned(), "es".into()]));
    assert!(!scripts::review(store.conn_mut(), org, &first.script.id.to_string(), "vi", mai.id).unwrap().newly);
    let err = scripts::review(store.conn_mut(), org, "Vietnamese outreach", "es", mai.id).unwrap_err().to_string();
    expect!["Mai Trần does not speak es (they speak: vi, en); a review needs a speaker"].assert_eq(&err);
    // es-MX is Spanish, but reviews the script's es only as its own tag.
    assert!(scripts::review(store.conn_mut(), org, "Vietnamese outreach", "es", jose.id).is_err());
    let other_org = store.create_org("Other").unwrap().id;
    assert!(scripts::review(store.conn_mut(), other_org, "Vietnamese outreach", "vi", mai.id).is_err(), "another organization's user");

    // The synced script carries its reviewed languages.
    let held = records::script_for_effort(store.conn(), org, first.effort.id).unwrap().unwrap();
    assert_eq!(held.reviewed, vec!["vi".to_owned()]);

    // A new version keeps the review of a language whose words did not change...
    let es_changed = OUTREACH.replace("¿Piensa votar?\n", "¿Va a votar?\n");
    let second = scripts::publish(store.conn_mut(), org, &es_changed, "outreach.toml").unwrap();
    assert_eq!((second.script.version, second.script.reviewed.clone()), (2, vec!["vi".to_owned()]));
    // ...and drops it when they did.
    let vi_changed = es_changed.replace("Xin chân thành cảm ơn", "Cảm ơn");
    let third = scripts::publish(store.conn_mut(), org, &vi_changed, "outreach.toml").unwrap();
    assert_eq!((third.script.version, third.unreviewed.clone()), (3, vec!["en".to_owned(), "es".into(), "vi".into()]));
    assert_eq!(records::script_for_effort(store.conn(), org, first.effort.id).unwrap().unwrap().reviewed, Vec::<String>::new());
}
