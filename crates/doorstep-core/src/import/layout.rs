//! Which column holds which field: the built-in layouts (ncvoter, generic
//! CSV with headers matched automatically) and explicit TOML mappings.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// Every field an import can fill. Mapping files name these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    GivenName,
    MiddleName,
    FamilyName,
    NameSuffix,
    NativeName,
    /// One string holding number, street and unit, parsed on import.
    StreetLine,
    HouseNumber,
    HouseFraction,
    NumberSuffix,
    StreetDirPrefix,
    StreetName,
    StreetType,
    StreetDirSuffix,
    UnitType,
    Unit,
    City,
    State,
    Zip,
    Phone,
    Email,
    Language,
    SpokenLanguages,
    BirthYear,
    BirthDate,
    Gender,
    Party,
    Precinct,
    Latitude,
    Longitude,
    DoNotContact,
}

impl Field {
    pub const ALL: &'static [(Field, &'static str)] = &[
        (Field::GivenName, "given_name"),
        (Field::MiddleName, "middle_name"),
        (Field::FamilyName, "family_name"),
        (Field::NameSuffix, "name_suffix"),
        (Field::NativeName, "native_name"),
        (Field::StreetLine, "street_line"),
        (Field::HouseNumber, "house_number"),
        (Field::HouseFraction, "house_fraction"),
        (Field::NumberSuffix, "number_suffix"),
        (Field::StreetDirPrefix, "street_dir_prefix"),
        (Field::StreetName, "street_name"),
        (Field::StreetType, "street_type"),
        (Field::StreetDirSuffix, "street_dir_suffix"),
        (Field::UnitType, "unit_type"),
        (Field::Unit, "unit"),
        (Field::City, "city"),
        (Field::State, "state"),
        (Field::Zip, "zip"),
        (Field::Phone, "phone"),
        (Field::Email, "email"),
        (Field::Language, "language"),
        (Field::SpokenLanguages, "spoken_languages"),
        (Field::BirthYear, "birth_year"),
        (Field::BirthDate, "birth_date"),
        (Field::Gender, "gender"),
        (Field::Party, "party"),
        (Field::Precinct, "precinct"),
        (Field::Latitude, "latitude"),
        (Field::Longitude, "longitude"),
        (Field::DoNotContact, "do_not_contact"),
    ];

    pub fn name(self) -> &'static str {
        Field::ALL.iter().find(|(f, _)| *f == self).map(|(_, n)| *n).unwrap_or("?")
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.iter().find(|(_, n)| *n == name).map(|(f, _)| *f)
    }

    /// Fields that may come from several columns (Phone1…Phone4).
    pub fn repeats(self) -> bool {
        matches!(self, Field::Phone | Field::Email)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutKind {
    Ncvoter,
    Csv,
}

impl std::str::FromStr for LayoutKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "ncvoter" => Ok(LayoutKind::Ncvoter),
            "csv" => Ok(LayoutKind::Csv),
            other => Err(format!("unknown layout {other:?}; expected ncvoter or csv")),
        }
    }
}

impl LayoutKind {
    pub fn name(self) -> &'static str {
        match self {
            LayoutKind::Ncvoter => "ncvoter",
            LayoutKind::Csv => "csv",
        }
    }
}

/// An explicit mapping file:
///
/// ```toml
/// delimiter = ";"            # optional; guessed from the header otherwise
/// [columns]
/// given_name = "FNAME"
/// family_name = "LNAME"
/// street_line = "ADDR1"
/// phone = ["HOME_PH", "CELL_PH"]
/// [external_ids]
/// county_voter_id = "VOTER_NO"
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub delimiter: Option<String>,
    #[serde(default)]
    pub columns: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    pub external_ids: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl Mapping {
    pub fn parse(text: &str, source: &str) -> Result<Mapping, String> {
        let mapping: Mapping = toml::from_str(text).map_err(|e| format!("{source}: {e}"))?;
        let unknown: Vec<&str> =
            mapping.columns.keys().map(String::as_str).filter(|k| Field::from_name(k).is_none()).collect();
        if !unknown.is_empty() {
            return Err(format!(
                "{source}: unknown field(s) {}; the fields are: {}",
                unknown.join(", "),
                Field::ALL.iter().map(|(_, n)| *n).collect::<Vec<_>>().join(", ")
            ));
        }
        Ok(mapping)
    }
}

/// Where each field lives in one particular file, once its header is read.
#[derive(Debug, Clone, Default)]
pub struct ColumnMap {
    pub fields: Vec<(Field, usize)>,
    /// (scheme, column) pairs; a person is matched on re-import by the first.
    pub external_ids: Vec<(String, usize)>,
}

impl ColumnMap {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().find(|(f, _)| *f == field).map(|(_, c)| *c)
    }

    pub fn columns(&self, field: Field) -> impl Iterator<Item = usize> + '_ {
        self.fields.iter().filter(move |(f, _)| *f == field).map(|(_, c)| *c)
    }

    pub fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }
}

fn header_key(h: &str) -> String {
    h.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// ncvoter's public layout, by header name.
const NCVOTER: &[(&str, Field)] = &[
    ("first_name", Field::GivenName),
    ("middle_name", Field::MiddleName),
    ("last_name", Field::FamilyName),
    ("name_suffix_lbl", Field::NameSuffix),
    ("res_street_address", Field::StreetLine),
    ("res_city_desc", Field::City),
    ("state_cd", Field::State),
    ("zip_code", Field::Zip),
    ("full_phone_number", Field::Phone),
    ("party_cd", Field::Party),
    ("gender_code", Field::Gender),
    ("birth_year", Field::BirthYear),
    ("precinct_abbrv", Field::Precinct),
];

/// Header spellings the generic CSV layout recognizes, compared after
/// lower-casing and dropping everything but letters and digits.
const CSV_SYNONYMS: &[(Field, &[&str])] = &[
    (Field::GivenName, &["firstname", "first", "givenname", "fname", "forename", "namefirst"]),
    (Field::MiddleName, &["middlename", "middle", "mname", "middleinitial", "namemiddle"]),
    (Field::FamilyName, &["lastname", "last", "surname", "familyname", "lname", "namelast"]),
    (Field::NameSuffix, &["suffix", "namesuffix", "namesuffixlbl"]),
    (Field::NativeName, &["nativename", "nameinnativescript", "localname", "namenative"]),
    (Field::StreetLine, &["address", "streetaddress", "address1", "addressline1", "resaddress", "residentialaddress", "resstreetaddress", "street"]),
    (Field::HouseNumber, &["addressnumber", "housenumber", "streetnumber", "houseno"]),
    (Field::HouseFraction, &["housefractionnumber", "housefraction", "fraction"]),
    (Field::NumberSuffix, &["addressnumbersuffix", "housenumbersuffix"]),
    (Field::StreetDirPrefix, &["streetdirprefix", "predirection", "streetpredirection"]),
    (Field::StreetName, &["streetname"]),
    (Field::StreetType, &["streettype", "streetsuffix"]),
    (Field::StreetDirSuffix, &["streetdirsuffix", "postdirection", "streetpostdirection"]),
    (Field::UnitType, &["unittype"]),
    (Field::Unit, &["unitnumber", "unit", "apt", "apartment", "aptnumber", "suite"]),
    (Field::City, &["city", "rescity", "town", "rescitydesc"]),
    (Field::State, &["state", "st", "statecd"]),
    (Field::Zip, &["zip", "zipcode", "postalcode", "zip5", "postcode"]),
    (Field::Phone, &["phone", "phonenumber", "phone1", "phone2", "phone3", "phone4", "cell", "cellphone", "mobile", "homephone", "telephone", "fullphonenumber"]),
    (Field::Email, &["email", "emailaddress", "email1", "email2"]),
    (Field::Language, &["language", "preferredlanguage", "lang", "languagepreference"]),
    (Field::SpokenLanguages, &["spokenlanguages", "languages", "languagesspoken"]),
    (Field::BirthYear, &["birthyear", "yob", "yearofbirth"]),
    (Field::BirthDate, &["dob", "dateofbirth", "birthdate"]),
    (Field::Gender, &["gender", "sex", "gendercode"]),
    (Field::Party, &["party", "partycode", "partyaffiliation", "partycd"]),
    (Field::Precinct, &["precinct", "precinctname", "precinctcode", "precinctabbrv"]),
    (Field::Latitude, &["latitude", "lat"]),
    (Field::Longitude, &["longitude", "lon", "lng", "long"]),
    (Field::DoNotContact, &["donotcontact", "dnc"]),
];

/// Headers taken as external ids, with the scheme each is stored under.
const CSV_IDS: &[(&str, &str)] = &[
    ("ncid", "ncid"),
    ("registrantid", "ca_registrant"),
    ("voterid", "voter_id"),
    ("statevoterid", "state_voter_id"),
    ("vanid", "van_id"),
    ("externalid", "external_id"),
    ("sosid", "sos_id"),
    ("id", "external_id"),
];

#[derive(Debug)]
pub struct MissingColumns(pub String);

/// Reads a header row into a column map for the chosen layout.
pub fn map_columns(
    kind: LayoutKind,
    mapping: Option<&Mapping>,
    headers: &[String],
) -> Result<ColumnMap, MissingColumns> {
    let mut map = ColumnMap::default();
    let find_exact = |name: &str| headers.iter().position(|h| h.trim() == name);
    let find_loose = |name: &str| {
        let key = header_key(name);
        headers.iter().position(|h| header_key(h) == key)
    };

    if let Some(mapping) = mapping {
        let mut missing = Vec::new();
        for (field_name, cols) in &mapping.columns {
            let field = Field::from_name(field_name).expect("checked when parsed");
            let names = match cols {
                OneOrMany::One(c) => vec![c.clone()],
                OneOrMany::Many(cs) => cs.clone(),
            };
            for name in names {
                match find_exact(&name).or_else(|| find_loose(&name)) {
                    Some(i) => map.fields.push((field, i)),
                    None => missing.push(format!("{name:?} (for {field_name})")),
                }
            }
        }
        for (scheme, col) in &mapping.external_ids {
            match find_exact(col).or_else(|| find_loose(col)) {
                Some(i) => map.external_ids.push((scheme.clone(), i)),
                None => missing.push(format!("{col:?} (for external id {scheme})")),
            }
        }
        if !missing.is_empty() {
            return Err(MissingColumns(format!(
                "the mapping names column(s) the file lacks: {}; the file's columns are: {}",
                missing.join(", "),
                headers.join(", ")
            )));
        }
    } else {
        match kind {
            LayoutKind::Ncvoter => {
                for (name, field) in NCVOTER {
                    if let Some(i) = find_exact(name) {
                        map.fields.push((*field, i));
                    }
                }
                if let Some(i) = find_exact("ncid") {
                    map.external_ids.push(("ncid".into(), i));
                }
                let required = ["ncid", "last_name", "first_name", "res_street_address"];
                let missing: Vec<&str> = required.iter().copied().filter(|n| find_exact(n).is_none()).collect();
                if !missing.is_empty() {
                    return Err(MissingColumns(format!(
                        "not an ncvoter file: missing column(s) {}",
                        missing.join(", ")
                    )));
                }
            }
            LayoutKind::Csv => {
                for (i, h) in headers.iter().enumerate() {
                    let key = header_key(h);
                    if let Some((field, _)) = CSV_SYNONYMS.iter().find(|(_, names)| names.contains(&key.as_str())) {
                        if field.repeats() || !map.has(*field) {
                            map.fields.push((*field, i));
                        }
                    } else if let Some((_, scheme)) = CSV_IDS.iter().find(|(name, _)| *name == key) {
                        map.external_ids.push(((*scheme).to_owned(), i));
                    }
                }
            }
        }
    }

    let has_name = map.has(Field::GivenName) || map.has(Field::FamilyName);
    let has_address = map.has(Field::StreetLine) || map.has(Field::StreetName);
    if !has_name || !has_address {
        let mut what = Vec::new();
        if !has_name {
            what.push("a name (first or last name)");
        }
        if !has_address {
            what.push("an address (a street address, or a street name)");
        }
        return Err(MissingColumns(format!(
            "no column recognized as {}; the file's columns are: {}. Write a mapping file (--mapping) to name them",
            what.join(" or "),
            headers.join(", ")
        )));
    }
    Ok(map)
}

/// Guesses a delimiter from the header line: tab, comma, semicolon or pipe.
pub fn sniff_delimiter(header_line: &[u8]) -> u8 {
    let count = |d: u8| header_line.iter().filter(|b| **b == d).count();
    [b'\t', b',', b';', b'|'].into_iter().max_by_key(|d| count(*d)).unwrap_or(b',')
}
