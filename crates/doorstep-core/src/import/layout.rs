//! Which column holds which field: the states' layouts (`states`), the
//! header vocabulary for any other file, and explicit TOML mappings, by
//! header or by position. Worked out once per file, never per row.

use super::states::{self, Col, STATES, StateLayout};
use serde::{Deserialize, Serialize};
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
    /// The whole name in one column ("GARCIA, ANA M" or "Ana M. Garcia Jr"),
    /// split on import when the file has no split name columns.
    FullName,
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
    /// A phone's area code in a column of its own (Florida's extract), put
    /// in front of a seven-digit number.
    PhoneAreaCode,
    /// A phone's extension in a column of its own, kept as the extension.
    PhoneExtension,
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
        (Field::FullName, "full_name"),
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
        (Field::PhoneAreaCode, "phone_area_code"),
        (Field::PhoneExtension, "phone_extension"),
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

impl serde::Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// Which layout a file is read in: a state's, or the generic vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutKind {
    /// North Carolina's ncvoter, the layout `states::NC` describes.
    Ncvoter,
    /// Headers matched against the vocabulary, whatever their order.
    Csv,
    State(&'static StateLayout),
}

// A layout is its code: there is one table per state.
impl PartialEq for StateLayout {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}
impl Eq for StateLayout {}
impl std::hash::Hash for StateLayout {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.code.hash(state);
    }
}

impl std::str::FromStr for LayoutKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "ncvoter" | "nc" => Ok(LayoutKind::Ncvoter),
            "csv" => Ok(LayoutKind::Csv),
            other => StateLayout::by_code(other).map(LayoutKind::State).ok_or_else(|| {
                format!("unknown layout {s:?}; expected csv or one of: {}", LayoutKind::names().join(", "))
            }),
        }
    }
}

impl LayoutKind {
    pub fn name(self) -> &'static str {
        match self {
            LayoutKind::Csv => "csv",
            other => other.state().map_or("csv", |s| s.code),
        }
    }

    pub fn state(self) -> Option<&'static StateLayout> {
        match self {
            LayoutKind::Ncvoter => Some(&states::NC),
            LayoutKind::Csv => None,
            LayoutKind::State(s) => Some(s),
        }
    }

    /// Every name `--layout` takes.
    pub fn names() -> Vec<&'static str> {
        let mut names = vec!["csv"];
        for s in STATES {
            names.push(s.code);
            names.extend(s.aliases);
        }
        names
    }
}

/// An explicit mapping file. Columns are named by header, or by position
/// (1 for the first column) in files without a header row:
///
/// ```toml
/// delimiter = ";"            # optional; guessed from the first line otherwise
/// header = false             # optional; false when every column is a position
/// [columns]
/// given_name = "FNAME"       # by header
/// family_name = 3            # by position
/// street_line = { position = 7 }
/// phone = ["HOME_PH", "CELL_PH"]
/// [external_ids]
/// county_voter_id = "VOTER_NO"
/// ```
///
/// A top-level `phone_region = "MX"` reads phones written without their
/// country code as numbers of that region.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub delimiter: Option<String>,
    pub header: Option<bool>,
    #[serde(default)]
    pub columns: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    pub external_ids: BTreeMap<String, ColumnRef>,
    /// The region of a phone written without its country code, as two
    /// letters ("MX" for a file from Mexico); US when not said.
    pub phone_region: Option<String>,
}

/// One column of a mapping: its header, or its position (1-based).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ColumnRef {
    Header(String),
    Position(usize),
    Table { position: usize },
}

impl ColumnRef {
    fn position(&self) -> Option<usize> {
        match self {
            ColumnRef::Header(_) => None,
            ColumnRef::Position(p) | ColumnRef::Table { position: p } => Some(*p),
        }
    }
}

impl fmt::Display for ColumnRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColumnRef::Header(h) => write!(f, "{h:?}"),
            ColumnRef::Position(p) | ColumnRef::Table { position: p } => write!(f, "position {p}"),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(ColumnRef),
    Many(Vec<ColumnRef>),
}

impl OneOrMany {
    fn refs(&self) -> &[ColumnRef] {
        match self {
            OneOrMany::One(c) => std::slice::from_ref(c),
            OneOrMany::Many(cs) => cs,
        }
    }
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
        let zero: Vec<&str> = mapping
            .columns
            .iter()
            .filter(|(_, c)| c.refs().iter().any(|r| r.position() == Some(0)))
            .map(|(k, _)| k.as_str())
            .chain(mapping.external_ids.iter().filter(|(_, r)| r.position() == Some(0)).map(|(k, _)| k.as_str()))
            .collect();
        if !zero.is_empty() {
            return Err(format!("{source}: position 0 for {}; positions count from 1, the first column", zero.join(", ")));
        }
        if let Some(r) = &mapping.phone_region
            && crate::phone::region(r).is_none()
        {
            return Err(format!("{source}: phone_region {r:?} is not a region's two-letter code, such as \"US\" or \"MX\""));
        }
        Ok(mapping)
    }

    /// The region of a phone written without its country code.
    pub fn phone_region(&self) -> crate::phone::Region {
        self.phone_region.as_deref().and_then(crate::phone::region).unwrap_or(crate::phone::DEFAULT_REGION)
    }

    fn refs(&self) -> impl Iterator<Item = &ColumnRef> {
        self.columns.values().flat_map(OneOrMany::refs).chain(self.external_ids.values())
    }

    /// Whether the file's first line is a header: as the mapping says, else
    /// yes unless it names every column by position.
    pub fn has_header(&self) -> bool {
        self.header.unwrap_or_else(|| self.refs().any(|r| r.position().is_none()))
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

/// What the import makes of one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "use", content = "as")]
pub enum ColumnUse {
    Field(Field),
    /// An external id, stored under this scheme.
    VoterId(String),
    /// A mailing-address column: the residential address is the door.
    Mailing,
    Ignored,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecognizedColumn {
    /// 0-based; problems and previews show it plus one.
    pub index: usize,
    /// As the file heads it, or as the layout documents a headerless column.
    pub header: String,
    #[serde(flatten)]
    pub role: ColumnUse,
}

/// A file's layout as recognized from its first line: which layout, and
/// what becomes of each column. Worked out once per file.
#[derive(Debug, Clone, Serialize)]
pub struct Recognized {
    /// "csv", "mapping", or a state layout's code ("fl", "ncvoter").
    pub layout: String,
    pub description: String,
    /// False: the first line is already a voter.
    pub has_header: bool,
    /// One per column of the file, in order.
    pub columns: Vec<RecognizedColumn>,
    /// Columns a mapping names for a second use (one column, two fields).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<RecognizedColumn>,
}

impl Recognized {
    pub fn headers(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.header.clone()).collect()
    }

    pub fn column_map(&self) -> ColumnMap {
        let mut map = ColumnMap::default();
        for c in self.columns.iter().chain(&self.extra) {
            match &c.role {
                ColumnUse::Field(f) => map.fields.push((*f, c.index)),
                ColumnUse::VoterId(scheme) => map.external_ids.push((scheme.clone(), c.index)),
                ColumnUse::Mailing | ColumnUse::Ignored => {}
            }
        }
        map
    }

    fn has(&self, field: Field) -> bool {
        self.columns.iter().any(|c| c.role == ColumnUse::Field(field))
    }

    /// A street line beside a house number is the street's name (Utah heads
    /// it "Street"): read as a whole line it would override the number, and
    /// a whole street would become one door. Beside a street name it repeats
    /// the parts (Colorado's RESIDENTIAL_ADDRESS), which are the door.
    fn settle_address(&mut self) {
        let has_number = self.has(Field::HouseNumber);
        let has_name = self.has(Field::StreetName);
        if !has_number || !self.has(Field::StreetLine) {
            return;
        }
        for c in &mut self.columns {
            if c.role == ColumnUse::Field(Field::StreetLine) {
                c.role = if has_name { ColumnUse::Ignored } else { ColumnUse::Field(Field::StreetName) };
            }
        }
    }

    fn check(self) -> Result<Recognized, MissingColumns> {
        let has_name = self.has(Field::GivenName) || self.has(Field::FamilyName) || self.has(Field::FullName);
        let has_address = self.has(Field::StreetLine) || self.has(Field::StreetName);
        if has_name && has_address {
            return Ok(self);
        }
        let mut what = Vec::new();
        if !has_name {
            what.push("a name (first or last name)");
        }
        if !has_address {
            what.push("an address (a street address, or a street name)");
        }
        Err(MissingColumns(format!(
            "no column recognized as {}; the file's columns are: {}. Name the layout (--layout {}) or write a mapping file (--mapping) to name them",
            what.join(" or "),
            self.headers().join(", "),
            LayoutKind::names().join("|"),
        )))
    }
}

/// A name written whole, split as people write it: "FAMILY, GIVEN MIDDLE"
/// when a comma says where the family name ends (voter files print names
/// so), else "GIVEN MIDDLE FAMILY". A generational suffix (JR, SR, II…)
/// is taken out wherever it stands.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct WholeName {
    pub given: String,
    pub middle: String,
    pub family: String,
    pub suffix: String,
}

const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "v", "vi", "2nd", "3rd"];

impl WholeName {
    pub fn split(whole: &str) -> WholeName {
        let is_suffix = |t: &str| SUFFIXES.contains(&t.trim_end_matches('.').to_lowercase().as_str());
        let mut name = WholeName::default();
        let mut words = |part: &str| -> Vec<String> {
            part.split_whitespace()
                .filter(|t| {
                    if is_suffix(t) && name.suffix.is_empty() {
                        name.suffix = t.trim_end_matches('.').to_owned();
                        false
                    } else {
                        true
                    }
                })
                .map(str::to_owned)
                .collect()
        };
        let (family, rest) = match whole.split_once(',') {
            Some((family, rest)) => (words(family).join(" "), words(rest)),
            None => {
                let mut all = words(whole);
                let family = if all.len() > 1 { all.pop().unwrap_or_default() } else { String::new() };
                (family, all)
            }
        };
        let mut rest = rest.into_iter();
        let given = rest.next().unwrap_or_default();
        let middle = rest.collect::<Vec<_>>().join(" ");
        WholeName { given, middle, family, ..name }
    }
}

/// Lower case, letters and digits only: "RES_HOUSE_NUMBER" → "reshousenumber".
fn header_key(h: &str) -> String {
    h.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Header spellings the vocabulary recognizes, compared as [`header_key`]s:
/// the generic ones, and those of the states' files (residential parts).
const VOCABULARY: &[(Field, &[&str])] = &[
    (Field::GivenName, &["firstname", "first", "givenname", "fname", "forename", "namefirst"]),
    (Field::MiddleName, &["middlename", "middle", "mname", "middleinitial", "namemiddle", "midinit"]),
    (Field::FamilyName, &["lastname", "last", "surname", "familyname", "lname", "namelast"]),
    (Field::NameSuffix, &["suffix", "namesuffix", "namesuffixlbl", "namestyle"]),
    (Field::NativeName, &["nativename", "nameinnativescript", "localname", "namenative"]),
    (Field::FullName, &["name", "fullname", "votername", "namefull", "registrantname", "formattedname"]),
    (Field::StreetLine, &[
        "address", "streetaddress", "address1", "addressline1", "resaddress", "residentialaddress",
        "resstreetaddress", "street", "residentialaddress1", "residentialaddressline1", "residenceaddress",
        "residenceaddress1", "residenceaddressline1", "resaddress1", "resaddressline1", "legaladdressline1",
        "homeaddress", "homeaddress1",
    ]),
    (Field::HouseNumber, &[
        "addressnumber", "housenumber", "streetnumber", "houseno", "housenum", "reshousenumber", "resstreetnumber",
        "streetnum", "regstnum", "raddnumber", "homeno", "residencehousenumber", "residentialhousenumber",
    ]),
    (Field::HouseFraction, &["housefractionnumber", "housefraction", "fraction", "regstfrac", "rhalfcode", "resfraction"]),
    (Field::NumberSuffix, &["addressnumbersuffix", "housenumbersuffix", "housesuffix", "reshousenumbersuffix", "streetbldg"]),
    (Field::StreetDirPrefix, &[
        "streetdirprefix", "predirection", "streetpredirection", "predir", "directionprefix", "streetpredir",
        "regstpredirection", "rpredirection", "respredirection", "resdirectionprefix", "streetdir",
    ]),
    (Field::StreetName, &["streetname", "resstreetname", "regstname", "rstreetname", "homestreet", "residencestreetname"]),
    (Field::StreetType, &["streettype", "streetsuffix", "resstreettype", "regsttype", "residencestreettype"]),
    (Field::StreetDirSuffix, &[
        "streetdirsuffix", "postdirection", "streetpostdirection", "postdir", "directionsuffix", "streetpostdir",
        "regstpostdirection", "rpostdirection", "respostdirection",
    ]),
    (Field::UnitType, &["unittype", "resunittype", "regunittype", "apartmenttype"]),
    (Field::Unit, &[
        "unitnumber", "unit", "apt", "apartment", "aptnumber", "suite", "unitnum", "resunitnumber", "regunitnum",
        "rapartment", "homeapt", "aptunitno", "apartmentnumber", "residentialsecondaryaddr", "residenceaddressline2",
        "residentialaddressline2", "legaladdressline2", "address2", "addressline2",
    ]),
    (Field::City, &["city", "rescity", "town", "rescitydesc", "residentialcity", "residencecity", "residencecityusps", "regcity", "rcity", "homecity", "legaladdresscity"]),
    (Field::State, &["state", "st", "statecd", "residentialstate", "residencestate", "regstate", "legaladdressstate"]),
    (Field::Zip, &[
        "zip", "zipcode", "postalcode", "zip5", "postcode", "residentialzip", "residentialzipcode", "residencezipcode",
        "regzipcode", "rzip5", "homezipcode", "legaladdresszip", "reszip", "reszipcode",
    ]),
    (Field::Phone, &[
        "phone", "phonenumber", "phone1", "phone2", "phone3", "phone4", "cell", "cellphone", "mobile", "homephone",
        "telephone", "fullphonenumber", "phonenum", "daytimephonenumber",
    ]),
    (Field::Email, &["email", "emailaddress", "email1", "email2"]),
    (Field::Language, &["language", "preferredlanguage", "lang", "languagepreference"]),
    (Field::SpokenLanguages, &["spokenlanguages", "languages", "languagesspoken"]),
    (Field::BirthYear, &["birthyear", "yob", "yearofbirth"]),
    (Field::BirthDate, &["dob", "dateofbirth", "birthdate"]),
    (Field::Gender, &["gender", "sex", "gendercode"]),
    (Field::Party, &["party", "partycode", "partyaffiliation", "partycd", "enrollment", "politalaff"]),
    (Field::Precinct, &["precinct", "precinctname", "precinctcode", "precinctabbrv"]),
    (Field::Latitude, &["latitude", "lat"]),
    (Field::Longitude, &["longitude", "lon", "lng", "long"]),
    (Field::DoNotContact, &["donotcontact", "dnc"]),
];

/// Headers taken as voter ids, with the scheme each is stored under. A
/// column headed just "ID" is not one: files carry row numbers, county
/// codes and precinct ids under that name.
const VOTER_IDS: &[(&str, &str)] = &[
    ("ncid", "ncid"),
    ("registrantid", "ca_registrant"),
    ("voterid", "voter_id"),
    ("statevoterid", "state_voter_id"),
    ("vanid", "van_id"),
    ("externalid", "external_id"),
    ("sosid", "sos_id"),
    ("sosvoterid", "oh_sos_voterid"),
    ("vuid", "tx_vuid"),
    ("sboeid", "ny_sboeid"),
    ("voterregistrationnumber", "voter_id"),
    ("voterregnumber", "voter_id"),
];

/// Mailing-address headers: kept aside, never the door.
fn is_mailing(key: &str) -> bool {
    key.starts_with("mail") || key.contains("mailing")
}

fn vocabulary(key: &str) -> Option<Field> {
    VOCABULARY.iter().find(|(_, names)| names.contains(&key)).map(|(f, _)| *f)
}

/// Reads headers with the vocabulary alone.
fn by_vocabulary(headers: &[String]) -> Recognized {
    let mut rec = Recognized {
        layout: "csv".into(),
        description: "columns recognized by their headers".into(),
        has_header: true,
        columns: Vec::with_capacity(headers.len()),
        extra: Vec::new(),
    };
    let mut taken: Vec<Field> = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        let key = header_key(header);
        let role = if is_mailing(&key) {
            ColumnUse::Mailing
        } else if let Some(field) = vocabulary(&key) {
            if field.repeats() || !taken.contains(&field) {
                taken.push(field);
                ColumnUse::Field(field)
            } else {
                ColumnUse::Ignored
            }
        } else if let Some((_, scheme)) = VOTER_IDS.iter().find(|(name, _)| *name == key) {
            ColumnUse::VoterId((*scheme).to_owned())
        } else {
            ColumnUse::Ignored
        };
        rec.columns.push(RecognizedColumn { index, header: header.clone(), role });
    }
    rec
}

fn role_in(state: &StateLayout, col: Col) -> ColumnUse {
    match col {
        Col::F(f) => ColumnUse::Field(f),
        Col::Id => ColumnUse::VoterId(state.id_scheme.to_owned()),
        Col::Mail => ColumnUse::Mailing,
        Col::No => ColumnUse::Ignored,
    }
}

/// The headers without which a file is not in `state`'s layout.
fn required(state: &StateLayout) -> impl Iterator<Item = &'static str> + '_ {
    state.columns.iter().filter(|(_, c)| match c {
        Col::Id => true,
        Col::F(f) => matches!(f, Field::GivenName | Field::FamilyName | Field::StreetLine | Field::HouseNumber | Field::StreetName),
        _ => false,
    }).map(|(h, _)| *h)
}

/// Reads headers as `state` heads them; headers it does not know go
/// through the vocabulary (a county may add columns).
fn by_state(state: &'static StateLayout, headers: &[String]) -> Result<Recognized, MissingColumns> {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let missing: Vec<&str> = required(state).filter(|r| !keys.contains(&header_key(r))).collect();
    if !missing.is_empty() {
        return Err(MissingColumns(format!("not a {} file: missing column(s) {}", state.description, missing.join(", "))));
    }
    let generic = by_vocabulary(headers);
    let of_state = |key: &str| state.columns.iter().find(|(h, _)| header_key(h) == key).map(|(_, col)| *col);
    // Fields the state's own columns in this file fill: another column the
    // vocabulary would read as one of them is not it.
    let filled: Vec<Field> = keys.iter().filter_map(|k| match of_state(k) {
        Some(Col::F(f)) => Some(f),
        _ => None,
    }).collect();
    let mut rec = Recognized { layout: state.code.into(), description: state.description.into(), has_header: true, columns: Vec::new(), extra: Vec::new() };
    for (column, key) in generic.columns.into_iter().zip(&keys) {
        let role = match of_state(key) {
            Some(col) => role_in(state, col),
            None => match column.role {
                ColumnUse::Field(f) if !f.repeats() && filled.contains(&f) => ColumnUse::Ignored,
                ColumnUse::VoterId(_) => ColumnUse::Ignored,
                role => role,
            },
        };
        rec.columns.push(RecognizedColumn { role, ..column });
    }
    Ok(rec)
}

/// A headerless file read by `state`'s documented positions.
fn by_position(state: &'static StateLayout, first_row: usize) -> Result<Recognized, MissingColumns> {
    if first_row != state.columns.len() {
        return Err(MissingColumns(format!(
            "a {} has {} columns; the first line has {first_row}",
            state.description,
            state.columns.len()
        )));
    }
    Ok(Recognized {
        layout: state.code.into(),
        description: state.description.into(),
        has_header: false,
        columns: state
            .columns
            .iter()
            .enumerate()
            .map(|(index, (h, col))| RecognizedColumn { index, header: (*h).to_owned(), role: role_in(state, *col) })
            .collect(),
        extra: Vec::new(),
    })
}

/// Recognizes a file from its first line, with no mapping and no layout
/// named: a state's layout when the headers are that state's, else the
/// vocabulary; and when the line is no header at all, a headerless state
/// layout with this separator and as many columns.
pub fn recognize(first_row: &[String], delimiter: u8) -> Recognized {
    let keys: Vec<String> = first_row.iter().map(|h| header_key(h)).collect();
    let state = STATES
        .iter()
        .filter(|s| s.has_header && required(s).all(|r| keys.contains(&header_key(r))))
        .max_by_key(|s| s.columns.iter().filter(|(h, _)| keys.contains(&header_key(h))).count() * 1000 + 999 - s.columns.len());
    let mut rec = match state {
        Some(s) => by_state(s, first_row).expect("required columns checked"),
        None => by_vocabulary(first_row),
    };
    rec.settle_address();
    let usable = rec.has(Field::GivenName) || rec.has(Field::FamilyName);
    if !usable
        && let Some(s) = STATES.iter().find(|s| !s.has_header && s.delimiter == delimiter && s.columns.len() == first_row.len())
    {
        return by_position(s, first_row.len()).expect("length checked");
    }
    rec
}

#[derive(Debug)]
pub struct MissingColumns(pub String);

/// Works out a file's layout from its first line (`first_row`, split on
/// `delimiter`): as `mapping` names the columns, as layout `kind` places
/// them, or recognized. Errors say which columns are missing.
pub fn plan(
    kind: Option<LayoutKind>,
    mapping: Option<&Mapping>,
    first_row: &[String],
    delimiter: u8,
) -> Result<Recognized, MissingColumns> {
    if let Some(mapping) = mapping {
        return by_mapping(mapping, first_row);
    }
    let mut rec = match kind {
        None => recognize(first_row, delimiter),
        Some(LayoutKind::Csv) => by_vocabulary(first_row),
        Some(kind) => {
            let state = kind.state().expect("a state layout");
            if state.has_header { by_state(state, first_row)? } else { by_position(state, first_row.len())? }
        }
    };
    rec.settle_address();
    rec.check()
}

fn by_mapping(mapping: &Mapping, first_row: &[String]) -> Result<Recognized, MissingColumns> {
    let has_header = mapping.has_header();
    let headers: Vec<String> =
        if has_header { first_row.to_vec() } else { (1..=first_row.len()).map(|n| format!("column {n}")).collect() };
    let find = |r: &ColumnRef| match r {
        ColumnRef::Header(name) => headers
            .iter()
            .position(|h| h.trim() == name)
            .or_else(|| headers.iter().position(|h| header_key(h) == header_key(name))),
        _ => r.position().filter(|p| *p <= headers.len()).map(|p| p - 1),
    };
    let mut rec = Recognized {
        layout: "mapping".into(),
        description: "columns named by a mapping file".into(),
        has_header,
        columns: headers
            .iter()
            .enumerate()
            .map(|(index, h)| RecognizedColumn { index, header: h.clone(), role: ColumnUse::Ignored })
            .collect(),
        extra: Vec::new(),
    };
    let mut missing = Vec::new();
    // Columns a field names twice (phones) are listed once per field.
    let mut extra = Vec::new();
    for (field_name, cols) in &mapping.columns {
        let field = Field::from_name(field_name).expect("checked when parsed");
        for r in cols.refs() {
            match find(r) {
                Some(i) if rec.columns[i].role == ColumnUse::Ignored => rec.columns[i].role = ColumnUse::Field(field),
                Some(i) => extra.push(RecognizedColumn { index: i, header: headers[i].clone(), role: ColumnUse::Field(field) }),
                None => missing.push(format!("{r} (for {field_name})")),
            }
        }
    }
    for (scheme, r) in &mapping.external_ids {
        match find(r) {
            Some(i) if rec.columns[i].role == ColumnUse::Ignored => rec.columns[i].role = ColumnUse::VoterId(scheme.clone()),
            Some(i) => extra.push(RecognizedColumn { index: i, header: headers[i].clone(), role: ColumnUse::VoterId(scheme.clone()) }),
            None => missing.push(format!("{r} (for external id {scheme})")),
        }
    }
    rec.extra = extra;
    if !missing.is_empty() {
        return Err(MissingColumns(format!(
            "the mapping names column(s) the file lacks: {}; the file's {} {}",
            missing.join(", "),
            if has_header { "columns are:" } else { "first line has columns 1 to" },
            if has_header { headers.join(", ") } else { headers.len().to_string() },
        )));
    }
    rec.check()
}

/// Guesses a delimiter from the first line: tab, comma, semicolon or pipe.
pub fn sniff_delimiter(header_line: &[u8]) -> u8 {
    let count = |d: u8| header_line.iter().filter(|b| **b == d).count();
    [b'\t', b',', b';', b'|'].into_iter().max_by_key(|d| count(*d)).unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(s: &str) -> Vec<String> {
        s.split(',').map(str::to_owned).collect()
    }

    fn uses(rec: &Recognized) -> Vec<(String, ColumnUse)> {
        rec.columns.iter().map(|c| (c.header.clone(), c.role.clone())).collect()
    }

    #[test]
    fn a_street_beside_a_house_number_is_the_street_name() {
        let rec = plan(None, None, &row("First Name,Last Name,House Number,Street,Zip"), b',').unwrap();
        let map = rec.column_map();
        assert_eq!(map.column(Field::HouseNumber), Some(2));
        assert_eq!(map.column(Field::StreetName), Some(3));
        assert_eq!(map.column(Field::StreetLine), None);
        // A whole line beside the parts repeats them: the parts are the door.
        let rec = plan(None, None, &row("FNAME,LNAME,HOUSE_NUM,STREET_NAME,RESIDENTIAL_ADDRESS,ZIP"), b',').unwrap();
        assert_eq!(rec.column_map().column(Field::StreetLine), None);
        assert_eq!(rec.column_map().column(Field::StreetName), Some(3));
        // Alone, "Street" is still the whole line.
        let rec = plan(None, None, &row("First,Last,Street,Zip"), b',').unwrap();
        assert_eq!(rec.column_map().column(Field::StreetLine), Some(2));
    }

    #[test]
    fn whole_names_are_split_with_their_suffixes() {
        let split = |s: &str| {
            let n = WholeName::split(s);
            [n.given, n.middle, n.family, n.suffix]
        };
        assert_eq!(split("GARCIA, ANA MARIA"), ["ANA", "MARIA", "GARCIA", ""]);
        assert_eq!(split("SMITH, JR JOHN A"), ["JOHN", "A", "SMITH", "JR"]);
        assert_eq!(split("SMITH JR, JOHN"), ["JOHN", "", "SMITH", "JR"]);
        assert_eq!(split("Ana M. de la Cruz"), ["Ana", "M. de la", "Cruz", ""]);
        assert_eq!(split("Martin Luther King Jr."), ["Martin", "Luther", "King", "Jr"]);
        assert_eq!(split("Cher"), ["Cher", "", "", ""]);
        let rec = plan(None, None, &row("Voter Name,Residential Address,Zip"), b',').unwrap();
        assert_eq!(rec.column_map().column(Field::FullName), Some(0));
    }

    #[test]
    fn a_column_headed_id_is_not_a_voter_id() {
        let rec = plan(None, None, &row("ID,First Name,Last Name,Address,Zip"), b',').unwrap();
        assert!(rec.column_map().external_ids.is_empty(), "{:?}", uses(&rec));
        let rec = plan(None, None, &row("ID,Voter ID,First Name,Last Name,Address,Zip"), b',').unwrap();
        assert_eq!(rec.column_map().external_ids, vec![("voter_id".to_owned(), 1)]);
    }

    #[test]
    fn residential_and_mailing_addresses_are_told_apart() {
        let rec = plan(
            None,
            None,
            &row("Voter ID,First Name,Last Name,Mailing Address Line 1,Residential Address Line 1,Residential Address Line 2,Mail City,City,Zip"),
            b',',
        )
        .unwrap();
        assert_eq!(rec.layout, "csv");
        let map = rec.column_map();
        assert_eq!(map.column(Field::StreetLine), Some(4));
        assert_eq!(map.column(Field::Unit), Some(5));
        assert_eq!(map.column(Field::City), Some(7));
        assert_eq!(rec.columns[3].role, ColumnUse::Mailing);
        assert_eq!(rec.columns[6].role, ColumnUse::Mailing);
    }

    #[test]
    fn states_are_recognized_by_their_headers_and_headerless_ones_by_shape() {
        for state in STATES {
            // A headerless file's first line is a voter.
            let first: Vec<String> =
                state.headers().map(|h| if state.has_header { h.to_owned() } else { "7".to_owned() }).collect();
            let rec = recognize(&first, state.delimiter);
            assert_eq!(rec.layout, state.code, "{:?}", uses(&rec));
            assert_eq!(rec.has_header, state.has_header);
        }
        let ohio = "SOS_VOTERID,LAST_NAME,FIRST_NAME,RESIDENTIAL_ADDRESS1,RESIDENTIAL_CITY,RESIDENTIAL_ZIP";
        assert_eq!(recognize(&row(ohio), b',').layout, "oh");
    }

    #[test]
    fn mappings_name_columns_by_position() {
        let m = Mapping::parse("[columns]\ngiven_name = 2\nfamily_name = { position = 1 }\nstreet_line = 3\n[external_ids]\nx = 4\n", "m").unwrap();
        assert!(!m.has_header());
        let rec = plan(None, Some(&m), &row("LEE,ANA,1 OAK ST,77"), b',').unwrap();
        assert!(!rec.has_header);
        let map = rec.column_map();
        assert_eq!((map.column(Field::GivenName), map.column(Field::FamilyName), map.column(Field::StreetLine)), (Some(1), Some(0), Some(2)));
        assert_eq!(map.external_ids, vec![("x".to_owned(), 3)]);
        let err = plan(None, Some(&m), &row("LEE,ANA"), b',').unwrap_err().0;
        assert!(err.contains("position 3 (for street_line)") && err.contains("columns 1 to 2"), "{err}");
        assert!(Mapping::parse("[columns]\ngiven_name = 0\n", "m").unwrap_err().contains("count from 1"));
        let named = Mapping::parse("header = true\n[columns]\ngiven_name = 2\nfamily_name = \"L\"\nstreet_line = \"A\"\n", "m").unwrap();
        assert!(named.has_header());
    }
}
