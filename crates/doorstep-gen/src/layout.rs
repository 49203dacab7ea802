//! The two file layouts an importer has to read.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use deunicode::deunicode;

use crate::household::{Generator, Mail, REFERENCE_YEAR, Record, Status, model};

/// Bigger than csv's 8 KiB default: fewer syscalls on million-row files.
const BUFFER: usize = 1 << 16;

/// North Carolina's public ncvoter header, in the published order.
pub const NCVOTER_HEADER: [&str; 67] = [
    "county_id",
    "county_desc",
    "voter_reg_num",
    "ncid",
    "last_name",
    "first_name",
    "middle_name",
    "name_suffix_lbl",
    "status_cd",
    "voter_status_desc",
    "reason_cd",
    "voter_status_reason_desc",
    "res_street_address",
    "res_city_desc",
    "state_cd",
    "zip_code",
    "mail_addr1",
    "mail_addr2",
    "mail_addr3",
    "mail_addr4",
    "mail_city",
    "mail_state",
    "mail_zipcode",
    "full_phone_number",
    "confidential_ind",
    "registr_dt",
    "race_code",
    "ethnic_code",
    "party_cd",
    "gender_code",
    "birth_year",
    "age_at_year_end",
    "birth_state",
    "drivers_lic",
    "precinct_abbrv",
    "precinct_desc",
    "municipality_abbrv",
    "municipality_desc",
    "ward_abbrv",
    "ward_desc",
    "cong_dist_abbrv",
    "super_court_abbrv",
    "judic_dist_abbrv",
    "nc_senate_abbrv",
    "nc_house_abbrv",
    "county_commiss_abbrv",
    "county_commiss_desc",
    "township_abbrv",
    "township_desc",
    "school_dist_abbrv",
    "school_dist_desc",
    "fire_dist_abbrv",
    "fire_dist_desc",
    "water_dist_abbrv",
    "water_dist_desc",
    "sewer_dist_abbrv",
    "sewer_dist_desc",
    "sanit_dist_abbrv",
    "sanit_dist_desc",
    "rescue_dist_abbrv",
    "rescue_dist_desc",
    "munic_dist_abbrv",
    "munic_dist_desc",
    "dist_1_abbrv",
    "dist_1_desc",
    "vtd_abbrv",
    "vtd_desc",
];

/// VoteCal-like CSV header.
pub const CSV_HEADER: [&str; 25] = [
    "RegistrantID",
    "LastName",
    "FirstName",
    "MiddleName",
    "NameSuffix",
    "NativeName",
    "AddressNumber",
    "HouseFractionNumber",
    "AddressNumberSuffix",
    "StreetDirPrefix",
    "StreetName",
    "StreetType",
    "StreetDirSuffix",
    "UnitType",
    "UnitNumber",
    "City",
    "State",
    "Zip",
    "Phone1",
    "Email",
    "Language",
    "DOB",
    "Gender",
    "PartyCode",
    "Precinct",
];

/// Tab-delimited, every value quoted, LF endings, ASCII upper case: as the
/// state publishes it.
pub(crate) fn write_ncvoter<W: Write>(records: Generator, count: u64, out: W) -> io::Result<u64> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(BUFFER)
        .from_writer(out);
    w.write_record(NCVOTER_HEADER)?;
    let model = model();
    let ids = records.ids().clone();
    let mut street = String::with_capacity(64);
    let mut mail1 = String::with_capacity(64);
    let mut written = 0;
    for rec in records.take(count as usize) {
        let v = &rec.voter;
        let city = model.cities[rec.city].def;
        let (cong, senate, assembly) = city.districts;
        nc_street_address(&rec, rec.double_spaced, &mut street);
        let city_upper = city.name.to_ascii_uppercase();
        let (status_cd, status_desc, reason_cd, reason_desc) = match rec.status {
            Status::Active => ("A", "ACTIVE", "AV", "VERIFIED"),
            Status::Inactive if rec.index % 2 == 0 => ("I", "INACTIVE", "IN", "CONFIRMATION NOT RETURNED"),
            Status::Inactive => ("I", "INACTIVE", "IU", "CONFIRMATION RETURNED UNDELIVERABLE"),
            Status::Temporary => ("S", "TEMPORARY", "SM", "MILITARY"),
        };
        let (mail_city, mail_state, mail_zip) = match rec.mail {
            Mail::SameAsResidence => {
                nc_street_address(&rec, false, &mut mail1);
                (city_upper.as_str(), "CA", v.zip.as_str())
            }
            Mail::PoBox(n) => {
                mail1.clear();
                let _ = write!(mail1, "PO BOX {n}");
                (city_upper.as_str(), "CA", v.zip.as_str())
            }
            Mail::Missing => {
                mail1.clear();
                ("", "", "")
            }
        };
        let phone: String = v.phone.chars().filter(char::is_ascii_digit).collect();
        // "+1 626 ..." keeps its country code in the digits; NC carries ten.
        let phone = phone.strip_prefix('1').filter(|p| p.len() == 10).unwrap_or(&phone);
        let (ry, rm, rd) = rec.registered;
        let registr_dt = format!("{rm:02}/{rd:02}/{ry}");
        let precinct_num = v.precinct.rsplit('-').next().unwrap_or_default();
        let precinct_desc = format!("{city_upper} {precinct_num}");
        let sup = rec.supervisor_district.to_string();
        let sup_desc = format!("SUPERVISORIAL DISTRICT {sup}");
        let school = format!("{}USD", city.code);
        let school_desc = format!("{city_upper} UNIFIED");
        let (cong, senate, assembly) = (cong.to_string(), senate.to_string(), assembly.to_string());
        let county_id = city.county.0.to_string();
        let county_desc = city.county.1.to_ascii_uppercase();
        let birth_year = v.birth_year.to_string();
        let age = (REFERENCE_YEAR - v.birth_year).to_string();
        let reg_num = ids.reg_num(rec.index);
        let ncid = ids.ncid(rec.index);
        let last = nc_upper(&v.family_name);
        let first = nc_upper(&v.given_name);
        let middle = nc_upper(&v.middle_name);
        w.write_record([
            county_id.as_str(),                  // county_id
            &county_desc,                        // county_desc
            &reg_num,                            // voter_reg_num
            &ncid,                               // ncid
            &last,                               // last_name
            &first,                              // first_name
            &middle,                             // middle_name
            rec.name_suffix,                     // name_suffix_lbl
            status_cd,                           // status_cd
            status_desc,                         // voter_status_desc
            reason_cd,                           // reason_cd
            reason_desc,                         // voter_status_reason_desc
            &street,                             // res_street_address
            &city_upper,                         // res_city_desc
            "CA",                                // state_cd
            &v.zip,                              // zip_code
            &mail1,                              // mail_addr1
            "",                                  // mail_addr2
            "",                                  // mail_addr3
            "",                                  // mail_addr4
            mail_city,                           // mail_city
            mail_state,                          // mail_state
            mail_zip,                            // mail_zipcode
            phone,                               // full_phone_number
            "N",                                 // confidential_ind
            &registr_dt,                         // registr_dt
            rec.race,                            // race_code
            rec.ethnic,                          // ethnic_code
            &v.party,                            // party_cd
            &v.gender,                           // gender_code
            &birth_year,                         // birth_year
            &age,                                // age_at_year_end
            rec.birth_state,                     // birth_state
            if rec.drivers_lic { "Y" } else { "N" }, // drivers_lic
            &v.precinct,                         // precinct_abbrv
            &precinct_desc,                      // precinct_desc
            city.code,                           // municipality_abbrv
            &city_upper,                         // municipality_desc
            "",                                  // ward_abbrv
            "",                                  // ward_desc
            &cong,                               // cong_dist_abbrv
            "",                                  // super_court_abbrv
            "",                                  // judic_dist_abbrv
            &senate,                             // nc_senate_abbrv
            &assembly,                           // nc_house_abbrv
            &sup,                                // county_commiss_abbrv
            &sup_desc,                           // county_commiss_desc
            "",                                  // township_abbrv
            "",                                  // township_desc
            &school,                             // school_dist_abbrv
            &school_desc,                        // school_dist_desc
            "",                                  // fire_dist_abbrv
            "",                                  // fire_dist_desc
            "",                                  // water_dist_abbrv
            "",                                  // water_dist_desc
            "",                                  // sewer_dist_abbrv
            "",                                  // sewer_dist_desc
            "",                                  // sanit_dist_abbrv
            "",                                  // sanit_dist_desc
            "",                                  // rescue_dist_abbrv
            "",                                  // rescue_dist_desc
            "",                                  // munic_dist_abbrv
            "",                                  // munic_dist_desc
            "",                                  // dist_1_abbrv
            "",                                  // dist_1_desc
            &v.precinct,                         // vtd_abbrv
            &precinct_desc,                      // vtd_desc
        ])?;
        written += 1;
    }
    w.flush()?;
    Ok(written)
}

/// Comma-delimited, RFC 4180 quoting, CRLF, UTF-8 without BOM.
pub(crate) fn write_csv<W: Write>(records: Generator, count: u64, out: W) -> io::Result<u64> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .buffer_capacity(BUFFER)
        .from_writer(out);
    w.write_record(CSV_HEADER)?;
    let mut written = 0;
    for rec in records.take(count as usize) {
        let v = &rec.voter;
        let keep = rec.keep_diacritics;
        let (last, first, middle) =
            (csv_name(&v.family_name, keep), csv_name(&v.given_name, keep), csv_name(&v.middle_name, keep));
        let number = v.house_number.to_string();
        let dob = format!("{:04}-{:02}-{:02}", v.birth_year, rec.birth_month, rec.birth_day);
        w.write_record([
            v.voter_id.as_str(),
            &last,
            &first,
            &middle,
            rec.name_suffix,
            &v.native_name,
            &number,
            &v.fraction,
            &v.number_suffix,
            &v.street_dir,
            &v.street_name,
            &v.street_type,
            "", // StreetDirSuffix: none of our streets carry one
            &v.unit_type,
            &v.unit,
            &v.city,
            "CA",
            &v.zip,
            &v.phone,
            &v.email,
            &v.language,
            &dob,
            &v.gender,
            &v.party,
            &v.precinct,
        ])?;
        written += 1;
    }
    w.flush()?;
    Ok(written)
}

fn csv_name(s: &str, keep_diacritics: bool) -> Cow<'_, str> {
    if keep_diacritics || s.is_ascii() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(deunicode(s))
    }
}

fn nc_upper(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_uppercase()
    } else {
        deunicode(s).to_ascii_uppercase()
    }
}

/// "1234 1/2  N OAK HILL DR   APT 12": ncvoter's one-string address.
fn nc_street_address(rec: &Record, double: bool, out: &mut String) {
    let v = &rec.voter;
    let gap = if double { "  " } else { " " };
    out.clear();
    let _ = write!(out, "{}{}", v.house_number, v.number_suffix);
    if !v.fraction.is_empty() {
        out.push(' ');
        out.push_str(&v.fraction);
    }
    out.push_str(gap);
    if !v.street_dir.is_empty() {
        out.push_str(&v.street_dir);
        out.push(' ');
    }
    out.push_str(&nc_upper(&v.street_name));
    if !v.street_type.is_empty() {
        out.push(' ');
        out.push_str(&v.street_type);
    }
    if !v.unit.is_empty() {
        out.push_str(if double { "   " } else { " " });
        out.push_str(&v.unit_type);
        out.push(' ');
        out.push_str(&v.unit);
    }
}
