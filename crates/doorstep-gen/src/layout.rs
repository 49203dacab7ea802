//! The file layouts an importer has to read: ncvoter and the generic CSV
//! written by hand, and every state's layout written from its table in
//! `doorstep_core::import::states`, the same one the importer reads by.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use deunicode::deunicode;
use doorstep_core::import::Field;
use doorstep_core::import::states::{Col, DateForm, StateLayout};

use crate::household::{Address, Generator, Mail, REFERENCE_YEAR, Status, model};

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

/// Per-city column values, formatted once instead of once per row.
struct CityText {
    upper: String,
    county_id: String,
    county_desc: String,
    cong: String,
    senate: String,
    assembly: String,
    school: String,
    school_desc: String,
    /// Some county systems pad addresses with double spaces and some do
    /// not; importers must cope with both.
    double_spaced: bool,
}

impl CityText {
    fn all() -> Vec<CityText> {
        model()
            .cities
            .iter()
            .map(|c| {
                let def = c.def;
                let upper = def.name.to_ascii_uppercase();
                CityText {
                    county_id: def.county.0.to_string(),
                    county_desc: def.county.1.to_ascii_uppercase(),
                    cong: def.districts.0.to_string(),
                    senate: def.districts.1.to_string(),
                    assembly: def.districts.2.to_string(),
                    school: format!("{}USD", def.code),
                    school_desc: format!("{upper} UNIFIED"),
                    double_spaced: def.county.0 % 2 == 1,
                    upper,
                }
            })
            .collect()
    }
}

/// Tab-delimited, every value quoted, LF endings, ASCII upper case: as the
/// state publishes it.
///
/// Written by hand rather than through `csv`: with every field quoted the
/// format is trivial, and this layout is the one benchmarks stream by the
/// million.
pub(crate) fn write_ncvoter<W: Write>(records: Generator, count: u64, out: W) -> io::Result<u64> {
    let mut w = QuotedTsv::new(out);
    w.row(&NCVOTER_HEADER)?;
    let cities = CityText::all();
    let supervisors: Vec<(String, String)> = (0..=5)
        .map(|d| (d.to_string(), format!("SUPERVISORIAL DISTRICT {d}")))
        .collect();
    let ids = records.ids().clone();
    let (mut street, mut mail1, mut phone, mut registr_dt, mut precinct_desc) = (
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    );
    let (mut birth_year, mut age, mut reg_num, mut ncid) =
        (String::new(), String::new(), String::new(), String::new());
    let (mut last, mut first, mut middle) = (String::new(), String::new(), String::new());
    let mut written = 0;
    for rec in records.take(count as usize) {
        let a = &*rec.addr;
        let city = model().cities[a.city].def;
        let text = &cities[a.city];
        nc_street_address(a, text.double_spaced, true, &mut street);
        let (status_cd, status_desc, reason_cd, reason_desc) = match rec.status {
            Status::Active => ("A", "ACTIVE", "AV", "VERIFIED"),
            Status::Inactive if rec.index % 2 == 0 => {
                ("I", "INACTIVE", "IN", "CONFIRMATION NOT RETURNED")
            }
            Status::Inactive => ("I", "INACTIVE", "IU", "CONFIRMATION RETURNED UNDELIVERABLE"),
            Status::Temporary => ("S", "TEMPORARY", "SM", "MILITARY"),
        };
        let (mail_city, mail_state, mail_zip) = match rec.mail {
            Mail::SameAsResidence => {
                nc_street_address(a, false, true, &mut mail1);
                (text.upper.as_str(), "CA", a.zip)
            }
            Mail::PoBox(n) => {
                mail1.clear();
                let _ = write!(mail1, "PO BOX {n}");
                (text.upper.as_str(), "CA", a.zip)
            }
            Mail::Missing => {
                mail1.clear();
                ("", "", "")
            }
        };
        phone.clear();
        if let Some(p) = rec.phone {
            p.write_digits(&mut phone);
        }
        let (ry, rm, rd) = rec.registered;
        reformat(&mut registr_dt, format_args!("{rm:02}/{rd:02}/{ry}"));
        let precinct_num = a.precinct.rsplit('-').next().unwrap_or_default();
        reformat(
            &mut precinct_desc,
            format_args!("{} {precinct_num}", text.upper),
        );
        let (sup, sup_desc) = &supervisors[a.supervisor_district as usize];
        reformat(&mut birth_year, format_args!("{}", rec.birth_year));
        reformat(
            &mut age,
            format_args!("{}", REFERENCE_YEAR - rec.birth_year),
        );
        reformat(&mut reg_num, format_args!("{}", ids.reg_num(rec.index)));
        reformat(&mut ncid, format_args!("{}", ids.ncid(rec.index)));
        nc_upper(&rec.family, &mut last);
        nc_upper(rec.given, &mut first);
        nc_upper(rec.middle, &mut middle);
        w.row(&[
            &text.county_id,                         // county_id
            &text.county_desc,                       // county_desc
            &reg_num,                                // voter_reg_num
            &ncid,                                   // ncid
            &last,                                   // last_name
            &first,                                  // first_name
            &middle,                                 // middle_name
            rec.name_suffix,                         // name_suffix_lbl
            status_cd,                               // status_cd
            status_desc,                             // voter_status_desc
            reason_cd,                               // reason_cd
            reason_desc,                             // voter_status_reason_desc
            &street,                                 // res_street_address
            &text.upper,                             // res_city_desc
            "CA",                                    // state_cd
            a.zip,                                   // zip_code
            &mail1,                                  // mail_addr1
            "",                                      // mail_addr2
            "",                                      // mail_addr3
            "",                                      // mail_addr4
            mail_city,                               // mail_city
            mail_state,                              // mail_state
            mail_zip,                                // mail_zipcode
            &phone,                                  // full_phone_number
            "N",                                     // confidential_ind
            &registr_dt,                             // registr_dt
            rec.race,                                // race_code
            rec.ethnic,                              // ethnic_code
            rec.party,                               // party_cd
            rec.gender,                              // gender_code
            &birth_year,                             // birth_year
            &age,                                    // age_at_year_end
            rec.birth_state,                         // birth_state
            if rec.drivers_lic { "Y" } else { "N" }, // drivers_lic
            &a.precinct,                             // precinct_abbrv
            &precinct_desc,                          // precinct_desc
            city.code,                               // municipality_abbrv
            &text.upper,                             // municipality_desc
            "",                                      // ward_abbrv
            "",                                      // ward_desc
            &text.cong,                              // cong_dist_abbrv
            "",                                      // super_court_abbrv
            "",                                      // judic_dist_abbrv
            &text.senate,                            // nc_senate_abbrv
            &text.assembly,                          // nc_house_abbrv
            sup,                                     // county_commiss_abbrv
            sup_desc,                                // county_commiss_desc
            "",                                      // township_abbrv
            "",                                      // township_desc
            &text.school,                            // school_dist_abbrv
            &text.school_desc,                       // school_dist_desc
            "",                                      // fire_dist_abbrv
            "",                                      // fire_dist_desc
            "",                                      // water_dist_abbrv
            "",                                      // water_dist_desc
            "",                                      // sewer_dist_abbrv
            "",                                      // sewer_dist_desc
            "",                                      // sanit_dist_abbrv
            "",                                      // sanit_dist_desc
            "",                                      // rescue_dist_abbrv
            "",                                      // rescue_dist_desc
            "",                                      // munic_dist_abbrv
            "",                                      // munic_dist_desc
            "",                                      // dist_1_abbrv
            "",                                      // dist_1_desc
            &a.precinct,                             // vtd_abbrv
            &precinct_desc,                          // vtd_desc
        ])?;
        written += 1;
    }
    w.finish()?;
    Ok(written)
}

/// Comma-delimited, RFC 4180 quoting, CRLF, UTF-8 without BOM.
pub(crate) fn write_csv<W: Write>(records: Generator, count: u64, out: W) -> io::Result<u64> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .buffer_capacity(BUFFER)
        .from_writer(out);
    w.write_record(CSV_HEADER)?;
    let ids = records.ids().clone();
    let cities = &model().cities;
    let (mut id, mut number, mut phone, mut dob) =
        (String::new(), String::new(), String::new(), String::new());
    let mut written = 0;
    for rec in records.take(count as usize) {
        let a = &*rec.addr;
        let keep = rec.keep_diacritics;
        let (last, first, middle) = (
            csv_name(&rec.family, keep),
            csv_name(rec.given, keep),
            csv_name(rec.middle, keep),
        );
        reformat(&mut id, format_args!("{}", ids.registrant(rec.index)));
        reformat(&mut number, format_args!("{}", a.house_number));
        reformat(
            &mut dob,
            format_args!(
                "{:04}-{:02}-{:02}",
                rec.birth_year, rec.birth_month, rec.birth_day
            ),
        );
        phone.clear();
        if let Some(p) = rec.phone {
            p.write_as_keyed(&mut phone);
        }
        w.write_record([
            id.as_str(),
            &last,
            &first,
            &middle,
            rec.name_suffix,
            &rec.native,
            &number,
            a.fraction,
            a.number_suffix,
            a.street_dir,
            a.street.name,
            a.street.kind,
            "", // StreetDirSuffix: none of our streets carry one
            a.unit_type,
            &a.unit,
            cities[a.city].def.name,
            "CA",
            a.zip,
            &phone,
            &rec.email,
            rec.language,
            &dob,
            rec.gender,
            rec.party,
            &a.precinct,
        ])?;
        written += 1;
    }
    w.flush()?;
    Ok(written)
}

/// A state's layout from its table: its separator, header row (or none),
/// quoting and line endings, each column filled from what it holds. Parts
/// a state has no column for go where that state's file puts them: a
/// street type the street name carries, a fraction after the number.
pub(crate) fn write_state<W: Write>(state: &StateLayout, records: Generator, count: u64, out: W) -> io::Result<u64> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(state.delimiter)
        .quote_style(if state.quote_all { csv::QuoteStyle::Always } else { csv::QuoteStyle::Necessary })
        .terminator(if state.crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
        .buffer_capacity(BUFFER)
        .from_writer(out);
    if state.has_header {
        w.write_record(state.headers())?;
    }
    let ids = records.ids().clone();
    let cities = &model().cities;
    let prefix = state.code[..2].to_ascii_uppercase();
    let first_mail = state.columns.iter().position(|(_, c)| *c == Col::Mail);
    let mut cells: Vec<String> = vec![String::new(); state.columns.len()];
    let mut scratch = String::new();
    let mut written = 0;
    for rec in records.take(count as usize) {
        let a = &*rec.addr;
        let city = cities[a.city].def.name.to_ascii_uppercase();
        for (cell, (header, col)) in cells.iter_mut().zip(state.columns) {
            cell.clear();
            match col {
                Col::Id if state.id_scheme == "ncid" => cell.push_str(&ids.ncid(rec.index)),
                Col::Id => {
                    cell.push_str(&prefix);
                    cell.push_str(&ids.registrant(rec.index)[2..]);
                }
                Col::No => {}
                Col::Mail => {
                    let upper = header.to_ascii_uppercase();
                    match rec.mail {
                        Mail::Missing => {}
                        Mail::SameAsResidence | Mail::PoBox(_) if upper.contains("CITY") => cell.push_str(&city),
                        Mail::SameAsResidence | Mail::PoBox(_) if upper.contains("STATE") => cell.push_str(&prefix),
                        Mail::SameAsResidence | Mail::PoBox(_) if upper.contains("ZIP") => cell.push_str(a.zip),
                        _ => {}
                    }
                }
                Col::F(field) => state_field(state, *field, &rec, a, &city, &prefix, &mut scratch, cell),
            }
        }
        // The first mailing column carries the mailing street.
        if let Some(i) = first_mail {
            match rec.mail {
                Mail::SameAsResidence => nc_street_address(a, false, true, &mut cells[i]),
                Mail::PoBox(n) => reformat(&mut cells[i], format_args!("PO BOX {n}")),
                Mail::Missing => cells[i].clear(),
            }
        }
        w.write_record(&cells)?;
        written += 1;
    }
    w.flush()?;
    Ok(written)
}

#[allow(clippy::too_many_arguments)]
fn state_field(
    state: &StateLayout,
    field: Field,
    rec: &crate::household::Record,
    a: &Address,
    city: &str,
    prefix: &str,
    scratch: &mut String,
    cell: &mut String,
) {
    match field {
        Field::GivenName => nc_upper(rec.given, cell),
        Field::MiddleName => nc_upper(rec.middle, cell),
        Field::FamilyName => nc_upper(&rec.family, cell),
        Field::NameSuffix => cell.push_str(rec.name_suffix),
        Field::NativeName => cell.push_str(&rec.native),
        Field::FullName => {
            nc_upper(&rec.family, scratch);
            cell.push_str(scratch);
            cell.push_str(", ");
            nc_upper(rec.given, scratch);
            cell.push_str(scratch);
        }
        // Beside a unit column the line stops before the unit.
        Field::StreetLine => nc_street_address(a, false, !state.has(Field::Unit), cell),
        Field::HouseNumber => {
            let _ = write!(cell, "{}", a.house_number);
            if !state.has(Field::NumberSuffix) {
                cell.push_str(a.number_suffix);
            }
            if !a.fraction.is_empty() && !state.has(Field::HouseFraction) && !state.has(Field::NumberSuffix) {
                cell.push(' ');
                cell.push_str(a.fraction);
            }
        }
        Field::NumberSuffix => {
            cell.push_str(a.number_suffix);
            if cell.is_empty() && !state.has(Field::HouseFraction) {
                cell.push_str(a.fraction);
            }
        }
        Field::HouseFraction => cell.push_str(a.fraction),
        Field::StreetDirPrefix => cell.push_str(a.street_dir),
        Field::StreetName => {
            if !state.has(Field::StreetDirPrefix) && !a.street_dir.is_empty() {
                cell.push_str(a.street_dir);
                cell.push(' ');
            }
            nc_upper(a.street.name, scratch);
            cell.push_str(scratch);
            if !state.has(Field::StreetType) && !a.street.kind.is_empty() {
                cell.push(' ');
                cell.push_str(a.street.kind);
            }
        }
        Field::StreetType => cell.push_str(a.street.kind),
        Field::StreetDirSuffix => {}
        Field::UnitType => cell.push_str(a.unit_type),
        Field::Unit => {
            // Without a unit-type column the unit says what it is ("APT 4").
            if !a.unit.is_empty() && !state.has(Field::UnitType) {
                cell.push_str(a.unit_type);
                cell.push(' ');
            }
            cell.push_str(&a.unit);
        }
        Field::City => cell.push_str(city),
        Field::State => cell.push_str(prefix),
        Field::Zip => cell.push_str(a.zip),
        Field::Phone => {
            if let Some(p) = rec.phone {
                // Where the area code has a column of its own, the number
                // column holds the seven digits after it.
                if state.has(Field::PhoneAreaCode) {
                    let mut ten = String::new();
                    p.write_digits(&mut ten);
                    cell.push_str(&ten[3..]);
                } else {
                    p.write_digits(cell);
                }
            }
        }
        Field::PhoneAreaCode => {
            if let Some(p) = rec.phone {
                cell.push_str(p.area);
            }
        }
        Field::PhoneExtension => {}
        Field::Email => cell.push_str(&rec.email),
        Field::Language => cell.push_str(rec.language),
        Field::BirthYear => {
            let _ = write!(cell, "{}", rec.birth_year);
        }
        Field::BirthDate => {
            let (y, m, d) = (rec.birth_year, rec.birth_month, rec.birth_day);
            let _ = match state.dates {
                DateForm::MonthDayYear => write!(cell, "{m:02}/{d:02}/{y}"),
                DateForm::Compact => write!(cell, "{y}{m:02}{d:02}"),
                DateForm::Iso => write!(cell, "{y}-{m:02}-{d:02}"),
            };
        }
        Field::Gender => cell.push_str(rec.gender),
        Field::Party => cell.push_str(rec.party),
        Field::Precinct => cell.push_str(&a.precinct),
        Field::SpokenLanguages | Field::Latitude | Field::Longitude | Field::DoNotContact => {}
    }
}

/// Writes quoted, tab-separated rows, doubling any embedded quote.
struct QuotedTsv<W: Write> {
    out: W,
    buf: Vec<u8>,
}

impl<W: Write> QuotedTsv<W> {
    fn new(out: W) -> Self {
        QuotedTsv {
            out,
            buf: Vec::with_capacity(BUFFER + 4096),
        }
    }

    fn row(&mut self, fields: &[&str]) -> io::Result<()> {
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.buf.push(b'\t');
            }
            self.buf.push(b'"');
            for (j, part) in field.split('"').enumerate() {
                if j > 0 {
                    self.buf.extend_from_slice(b"\"\"");
                }
                self.buf.extend_from_slice(part.as_bytes());
            }
            self.buf.push(b'"');
        }
        self.buf.push(b'\n');
        if self.buf.len() >= BUFFER {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.out.flush()
    }
}

fn reformat(buf: &mut String, args: std::fmt::Arguments<'_>) {
    buf.clear();
    let _ = buf.write_fmt(args);
}

fn csv_name(s: &str, keep_diacritics: bool) -> Cow<'_, str> {
    if keep_diacritics || s.is_ascii() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(deunicode(s))
    }
}

/// ncvoter names and streets: upper-case ASCII, accents dropped.
fn nc_upper(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
    } else {
        out.push_str(&deunicode(s));
    }
    out.make_ascii_uppercase();
}

/// "1234 1/2  N OAK HILL DR   APT 12": ncvoter's one-string address.
fn nc_street_address(a: &Address, double: bool, with_unit: bool, out: &mut String) {
    let gap = if double { "  " } else { " " };
    out.clear();
    let _ = write!(out, "{}{}", a.house_number, a.number_suffix);
    if !a.fraction.is_empty() {
        out.push(' ');
        out.push_str(a.fraction);
    }
    out.push_str(gap);
    if !a.street_dir.is_empty() {
        out.push_str(a.street_dir);
        out.push(' ');
    }
    let start = out.len();
    out.push_str(a.street.name);
    out[start..].make_ascii_uppercase();
    if !a.street.kind.is_empty() {
        out.push(' ');
        out.push_str(a.street.kind);
    }
    if with_unit && !a.unit.is_empty() {
        out.push_str(if double { "   " } else { " " });
        out.push_str(a.unit_type);
        out.push(' ');
        out.push_str(&a.unit);
    }
}
