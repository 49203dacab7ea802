//! Properties the importer tests, benchmarks and demo rely on.

use std::collections::{HashMap, HashSet};

use doorstep_gen::{CSV_HEADER, GenOptions, Layout, NCVOTER_HEADER, Voter, voters, write_voters};

const ROWS: u64 = 20_000;

fn generate(layout: Layout, count: u64, seed: u64) -> Vec<u8> {
    let mut out = Vec::new();
    let written = write_voters(
        &GenOptions {
            count,
            seed,
            layout,
        },
        &mut out,
    )
    .unwrap();
    assert_eq!(written, count);
    out
}

fn reader(layout: Layout, bytes: &[u8]) -> csv::Reader<&[u8]> {
    let mut b = csv::ReaderBuilder::new();
    if layout == Layout::Ncvoter {
        b.delimiter(b'\t');
    }
    b.from_reader(bytes)
}

/// Parsed rows as header-name -> value maps.
fn rows(layout: Layout, bytes: &[u8]) -> Vec<HashMap<String, String>> {
    let mut r = reader(layout, bytes);
    let header = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .map(str::to_string)
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect()
}

#[test]
fn same_options_same_bytes_and_seed_matters() {
    for layout in [Layout::Ncvoter, Layout::Csv] {
        let a = generate(layout, 2_000, 42);
        let b = generate(layout, 2_000, 42);
        let c = generate(layout, 2_000, 43);
        assert_eq!(a, b, "{layout}: same options must give identical bytes");
        assert_ne!(a, c, "{layout}: a different seed must change the data");
    }
}

#[test]
fn longer_file_extends_shorter_one() {
    for layout in [Layout::Ncvoter, Layout::Csv] {
        for n in [1, 7, 1_000] {
            let short = generate(layout, n, 9);
            let long = generate(layout, 2 * n, 9);
            assert!(long.len() > short.len());
            assert_eq!(
                &long[..short.len()],
                &short[..],
                "{layout}: first {n} rows changed"
            );
        }
    }
}

#[test]
fn zero_rows_is_just_the_header() {
    let csv = generate(Layout::Csv, 0, 1);
    assert_eq!(csv, format!("{}\r\n", CSV_HEADER.join(",")).into_bytes());
    let nc = generate(Layout::Ncvoter, 0, 1);
    let quoted: Vec<String> = NCVOTER_HEADER.iter().map(|h| format!("\"{h}\"")).collect();
    assert_eq!(nc, format!("{}\n", quoted.join("\t")).into_bytes());
}

#[test]
fn ncvoter_parses_with_67_fields_and_unique_ids() {
    let bytes = generate(Layout::Ncvoter, ROWS, 5);
    assert_eq!(NCVOTER_HEADER.len(), 67);
    assert!(!bytes.contains(&b'\r'), "ncvoter uses LF line endings");
    assert!(bytes.is_ascii(), "ncvoter names are ASCII upper case");
    // Every value is quoted, including empty ones.
    let first_row = bytes.split(|&b| b == b'\n').nth(1).unwrap();
    for field in first_row.split(|&b| b == b'\t') {
        assert!(field.len() >= 2 && field.starts_with(b"\"") && field.ends_with(b"\""));
    }

    let mut r = reader(Layout::Ncvoter, &bytes);
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        NCVOTER_HEADER
    );
    let rows = rows(Layout::Ncvoter, &bytes);
    assert_eq!(rows.len() as u64, ROWS);
    let mut r = reader(Layout::Ncvoter, &bytes);
    for rec in r.records() {
        assert_eq!(rec.unwrap().len(), 67);
    }

    let ncids: HashSet<_> = rows.iter().map(|r| r["ncid"].clone()).collect();
    let regs: HashSet<_> = rows.iter().map(|r| r["voter_reg_num"].clone()).collect();
    assert_eq!(ncids.len(), rows.len(), "ncid must be unique");
    assert_eq!(regs.len(), rows.len(), "voter_reg_num must be unique");
    for row in &rows {
        let ncid = row["ncid"].as_bytes();
        assert!(ncid.len() == 8 && ncid[..2].iter().all(u8::is_ascii_uppercase));
        assert!(ncid[2..].iter().all(u8::is_ascii_digit));
        assert_eq!(row["state_cd"], "CA");
        assert_eq!(row["zip_code"].len(), 5);
        assert!(row["res_street_address"].starts_with(|c: char| c.is_ascii_digit()));
        for name in ["last_name", "first_name", "middle_name"] {
            assert_eq!(row[name], row[name].to_ascii_uppercase());
        }
        let year: i32 = row["birth_year"].parse().unwrap();
        assert!((1930..=2006).contains(&year));
        let phone = &row["full_phone_number"];
        assert!(
            phone.is_empty() || (phone.len() == 10 && phone[3..8] == *"55501"),
            "{phone}"
        );
    }
    assert!(
        rows.iter().any(|r| r["res_street_address"].contains("  ")),
        "some addresses are double-spaced"
    );
    assert!(
        rows.iter().any(|r| r["last_name"] == "NGUYEN"),
        "diacritics stripped for ncvoter"
    );
}

#[test]
fn csv_parses_with_25_fields_and_unique_ids() {
    let bytes = generate(Layout::Csv, ROWS, 5);
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM");
    assert!(std::str::from_utf8(&bytes).is_ok());
    // Every line ends in CRLF.
    assert!(bytes.ends_with(b"\r\n"));
    assert_eq!(
        bytes.windows(2).filter(|w| w == b"\r\n").count() as u64,
        ROWS + 1
    );

    let mut r = reader(Layout::Csv, &bytes);
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), CSV_HEADER);
    let mut count = 0;
    for rec in r.records() {
        assert_eq!(rec.unwrap().len(), 25);
        count += 1;
    }
    assert_eq!(count, ROWS);

    let rows = rows(Layout::Csv, &bytes);
    let ids: HashSet<_> = rows.iter().map(|r| r["RegistrantID"].clone()).collect();
    assert_eq!(ids.len(), rows.len(), "RegistrantID must be unique");
    const PARTIES: [&str; 7] = ["DEM", "REP", "NPP", "AIP", "GRN", "LIB", "PF"];
    for row in &rows {
        let id = &row["RegistrantID"];
        assert!(
            id.len() == 11 && id.starts_with("CA") && id[2..].bytes().all(|b| b.is_ascii_digit())
        );
        let dob = &row["DOB"];
        assert!(
            dob.len() == 10 && &dob[4..5] == "-" && &dob[7..8] == "-",
            "{dob}"
        );
        assert!(["M", "F", "U", ""].contains(&row["Gender"].as_str()));
        assert!(PARTIES.contains(&row["PartyCode"].as_str()));
        let email = &row["Email"];
        assert!(
            email.is_empty() || email.ends_with("@example.com") || email.ends_with("@example.org")
        );
        let digits: String = row["Phone1"].chars().filter(char::is_ascii_digit).collect();
        let digits = digits
            .strip_prefix('1')
            .filter(|d| d.len() == 10)
            .unwrap_or(&digits);
        assert!(
            digits.is_empty() || (digits.len() == 10 && &digits[3..8] == "55501"),
            "{digits}"
        );
    }

    let share = |pred: &dyn Fn(&HashMap<String, String>) -> bool| {
        rows.iter().filter(|r| pred(r)).count() as f64 / rows.len() as f64
    };
    let phones = share(&|r| !r["Phone1"].is_empty());
    let emails = share(&|r| !r["Email"].is_empty());
    assert!((0.6..0.8).contains(&phones), "phone share {phones}");
    assert!((0.2..0.4).contains(&emails), "email share {emails}");
    let formats: HashSet<_> = rows
        .iter()
        .filter(|r| !r["Phone1"].is_empty())
        .map(|r| {
            r["Phone1"]
                .chars()
                .map(|c| if c.is_ascii_digit() { '9' } else { c })
                .collect::<String>()
        })
        .collect();
    assert!(formats.len() >= 4, "phone formats vary: {formats:?}");

    // Accents kept on part of the rows, dropped on others.
    let names: HashSet<&str> = rows.iter().map(|r| r["LastName"].as_str()).collect();
    assert!(names.contains("Nguyễn") && names.contains("Nguyen"));
    assert!(
        rows.iter()
            .any(|r| r["LastName"].contains('ñ') || r["FirstName"].contains('é'))
    );
    assert!(
        rows.iter().any(|r| r["LastName"].starts_with('Đ')),
        "Đặng/Đỗ occur"
    );
    assert!(
        rows.iter().any(|r| r["LastName"].contains('\'')),
        "O'Brien-style names occur"
    );
    assert!(
        rows.iter().any(|r| r["LastName"].contains('-')),
        "hyphenated surnames occur"
    );
    assert!(
        rows.iter()
            .any(|r| r["LastName"].contains(' ') && r["Language"] == "es"),
        "Spanish double surnames occur"
    );
}

fn has(s: &str, ranges: &[std::ops::RangeInclusive<u32>]) -> bool {
    s.chars()
        .any(|c| ranges.iter().any(|r| r.contains(&(c as u32))))
}

#[test]
fn communities_and_scripts_are_diverse() {
    let bytes = generate(Layout::Csv, ROWS, 5);
    let rows = rows(Layout::Csv, &bytes);
    let natives: Vec<&str> = rows
        .iter()
        .map(|r| r["NativeName"].as_str())
        .filter(|n| !n.is_empty())
        .collect();

    let han = 0x4E00..=0x9FFF;
    let scripts: [(&str, Vec<std::ops::RangeInclusive<u32>>); 9] = [
        ("Han", vec![han.clone()]),
        ("Hangul", vec![0xAC00..=0xD7AF]),
        ("Arabic", vec![0x0600..=0x06FF]),
        ("Armenian", vec![0x0530..=0x058F]),
        ("Khmer", vec![0x1780..=0x17FF]),
        ("Gurmukhi", vec![0x0A00..=0x0A7F]),
        ("Cyrillic", vec![0x0400..=0x04FF]),
        ("Devanagari", vec![0x0900..=0x097F]),
        ("Thai", vec![0x0E00..=0x0E7F]),
    ];
    for (script, ranges) in &scripts {
        assert!(
            natives.iter().any(|n| has(n, ranges)),
            "no {script} native names"
        );
    }
    // Japanese: kana, or Han family and given names separated by a space
    // (Chinese names are written without one).
    let kana = [0x3040..=0x30FF];
    assert!(
        natives.iter().any(|n| has(n, &kana)),
        "no kana native names"
    );
    assert!(
        natives.iter().any(|n| n.split(' ').count() == 2
            && n.split(' ').all(|p| has(p, std::slice::from_ref(&han)))),
        "no Han-Japanese native names"
    );
    // Traditional and Simplified Chinese both appear.
    assert!(natives.iter().any(|n| n.contains('陳')) && natives.iter().any(|n| n.contains('陈')));

    let tags: HashSet<&str> = rows.iter().map(|r| r["Language"].as_str()).collect();
    assert!(tags.len() >= 11, "language tags: {tags:?}"); // 10 + English ("")
    for tag in ["es", "zh-Hans", "zh-Hant", "vi", "ko", "hy", "hmn-Latn"] {
        assert!(tags.contains(tag), "missing {tag}");
    }
    let english = rows.iter().filter(|r| r["Language"].is_empty()).count();
    assert!(english > rows.len() / 2, "most voters prefer English");
    // Some immigrant-community voters still prefer English.
    assert!(
        rows.iter()
            .any(|r| !r["NativeName"].is_empty() && r["Language"].is_empty())
    );
}

#[test]
fn households_share_addresses() {
    let all: Vec<Voter> = voters(5).take(ROWS as usize).collect();
    let mut at: HashMap<_, usize> = HashMap::new();
    for v in &all {
        let key = (
            v.house_number,
            v.fraction.as_str(),
            v.number_suffix.as_str(),
            v.street_dir.as_str(),
            v.street_name.as_str(),
            v.street_type.as_str(),
            v.unit_type.as_str(),
            v.unit.as_str(),
            v.city.as_str(),
        );
        *at.entry(key).or_default() += 1;
    }
    let shared = all.len() - at.values().filter(|&&n| n == 1).count();
    assert!(
        shared * 10 >= all.len() * 4,
        "only {shared} of {} voters share an address",
        all.len()
    );

    let units = all.iter().filter(|v| !v.unit.is_empty()).count();
    assert!(
        units * 10 >= all.len() && units * 10 <= all.len() * 7,
        "units: {units}"
    );
    let unit_types: HashSet<&str> = all.iter().map(|v| v.unit_type.as_str()).collect();
    for t in ["APT", "UNIT", "#", "SPC"] {
        assert!(unit_types.contains(t), "unit type {t}");
    }
    assert!(
        all.iter().any(|v| v.house_number % 2 == 0) && all.iter().any(|v| v.house_number % 2 == 1)
    );
    assert!(all.iter().any(|v| v.fraction == "1/2"));
    assert!(all.iter().any(|v| !v.number_suffix.is_empty()));
    assert!(all.iter().any(|v| !v.street_dir.is_empty()));

    // Households often share a family name.
    let same_family = all
        .windows(2)
        .filter(|w| w[0].family_name == w[1].family_name)
        .count();
    assert!(
        same_family * 5 >= all.len(),
        "adjacent same-family pairs: {same_family}"
    );

    // Precincts follow city code + number.
    for v in &all {
        let (code, num) = v.precinct.split_once('-').unwrap();
        assert!(code.chars().all(|c| c.is_ascii_uppercase()) && num.len() == 4);
    }
}

#[test]
fn voters_iterator_matches_csv_rows() {
    let bytes = generate(Layout::Csv, 500, 77);
    let rows = rows(Layout::Csv, &bytes);
    for (v, row) in voters(77).zip(&rows) {
        assert_eq!(v.voter_id, row["RegistrantID"]);
        assert_eq!(v.native_name, row["NativeName"]);
        assert_eq!(v.phone, row["Phone1"]);
        assert_eq!(v.house_number.to_string(), row["AddressNumber"]);
        assert_eq!(v.city, row["City"]);
        assert_eq!(v.precinct, row["Precinct"]);
        assert_eq!(v.language, row["Language"]);
        assert!(row["DOB"].starts_with(&v.birth_year.to_string()));
        // The CSV may drop accents, never anything else.
        assert_eq!(
            deunicode::deunicode(&v.family_name),
            deunicode::deunicode(&row["LastName"])
        );
        assert_eq!(
            deunicode::deunicode(&v.given_name),
            deunicode::deunicode(&row["FirstName"])
        );
    }
}

#[test]
fn ncvoter_and_csv_describe_the_same_people() {
    let nc = rows(Layout::Ncvoter, &generate(Layout::Ncvoter, 300, 3));
    let vs: Vec<Voter> = voters(3).take(300).collect();
    for (v, row) in vs.iter().zip(&nc) {
        assert_eq!(row["birth_year"], v.birth_year.to_string());
        assert_eq!(row["zip_code"], v.zip);
        assert_eq!(row["res_city_desc"], v.city.to_uppercase());
        assert_eq!(row["party_cd"], v.party);
        assert!(row["res_street_address"].starts_with(&v.house_number.to_string()));
    }
}

#[test]
fn absurd_counts_are_refused() {
    let opts = GenOptions {
        count: u64::MAX,
        seed: 1,
        layout: Layout::Csv,
    };
    let err = write_voters(&opts, std::io::sink()).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
}

#[test]
fn layout_parses_from_cli_names() {
    assert_eq!("ncvoter".parse::<Layout>().unwrap(), Layout::Ncvoter);
    assert_eq!("CSV".parse::<Layout>().unwrap(), Layout::Csv);
    assert!("xlsx".parse::<Layout>().is_err());
}
