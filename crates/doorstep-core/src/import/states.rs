//! The statewide voter-file layouts states publish, as data: each state's
//! columns in their published order, what each one holds, and how the file
//! is written (separator, header row, quoting, line endings, date form).
//!
//! The importer recognizes a headed file by its columns and reads a
//! headerless one by position (`--layout fl`); the generator
//! (`doorstep gen-voters --layout STATE`) writes synthetic files from the
//! same tables, so the two can never disagree about a layout.
//!
//! Sources: each state's published file description where one was found,
//! else the column lists of open-source loaders of that state's file
//! (national-voter-file's per-state transformers), else a county's export
//! description. Where a source is thin it says so at the state. Columns
//! past the ones a canvass could use (vote history, most districts) are
//! left out of the longer layouts only where the file puts them last; a
//! headerless layout lists every column, since positions count.

use super::layout::Field;

/// What one column of a state's file holds, as far as the import cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    /// Becomes this field of the person or their door.
    F(Field),
    /// The state's voter id: the external id a re-import finds people by.
    Id,
    /// Part of the mailing address: never the door, kept aside.
    Mail,
    /// Carried by the file but of no use to a canvass (status, districts,
    /// registration dates, vote history).
    No,
}

/// How a state writes its dates of birth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// 03/27/1961
    MonthDayYear,
    /// 19610327
    Compact,
    /// 1961-03-27
    Iso,
}

#[derive(Debug)]
pub struct StateLayout {
    /// What `--layout` takes and the import reports.
    pub code: &'static str,
    /// Other names `--layout` takes.
    pub aliases: &'static [&'static str],
    pub state: &'static str,
    pub description: &'static str,
    pub delimiter: u8,
    /// False: the file starts with data; its columns are known by position.
    pub has_header: bool,
    /// Every value in double quotes, as the state writes them.
    pub quote_all: bool,
    pub crlf: bool,
    pub dates: DateForm,
    /// The scheme the voter id is stored under.
    pub id_scheme: &'static str,
    pub columns: &'static [(&'static str, Col)],
}

impl StateLayout {
    /// The header the state publishes (or, headerless, documents) for a column.
    pub fn headers(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.columns.iter().map(|(h, _)| *h)
    }

    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|(_, c)| *c == Col::F(field))
    }

    pub fn has(&self, field: Field) -> bool {
        self.column_of(field).is_some()
    }

    pub fn by_code(code: &str) -> Option<&'static StateLayout> {
        let code = code.to_ascii_lowercase();
        STATES.iter().copied().find(|s| s.code == code || s.aliases.contains(&code.as_str()))
    }
}

use Col::{F, Id, Mail, No};
use Field::*;

/// California's statewide Voter Registration Data extract (VoteCal): tab
/// separated, header row, address in USPS parts. Source: the SOS's VRD
/// description as loaders of it quote it; the order past the address is thin.
pub static CA: StateLayout = StateLayout {
    code: "ca",
    aliases: &[],
    state: "California",
    description: "California VoteCal voter registration data",
    delimiter: b'\t',
    has_header: true,
    quote_all: false,
    crlf: true,
    dates: DateForm::Iso,
    id_scheme: "ca_registrant",
    columns: &[
        ("CountyCode", No),
        ("RegistrantID", Id),
        ("ExtractDate", No),
        ("LastName", F(FamilyName)),
        ("FirstName", F(GivenName)),
        ("MiddleName", F(MiddleName)),
        ("Suffix", F(NameSuffix)),
        ("AddressNumber", F(HouseNumber)),
        ("HouseFractionNumber", F(HouseFraction)),
        ("AddressNumberSuffix", F(NumberSuffix)),
        ("StreetDirPrefix", F(StreetDirPrefix)),
        ("StreetName", F(StreetName)),
        ("StreetType", F(StreetType)),
        ("StreetDirSuffix", F(StreetDirSuffix)),
        ("UnitType", F(UnitType)),
        ("UnitNumber", F(Unit)),
        ("City", F(City)),
        ("State", F(State)),
        ("Zip", F(Zip)),
        ("Phone", F(Phone)),
        ("Email", F(Email)),
        ("DOB", F(BirthDate)),
        ("Gender", F(Gender)),
        ("PartyCode", F(Party)),
        ("Status", No),
        ("RegistrationDate", No),
        ("Precinct", F(Precinct)),
        ("PrecinctNumber", No),
        ("RegistrationMethodCode", No),
        ("PlaceOfBirth", No),
        ("Language", F(Language)),
        ("MailingAddressLine1", Mail),
        ("MailingAddressLine2", Mail),
        ("MailingAddressLine3", Mail),
        ("MailingCity", Mail),
        ("MailingState", Mail),
        ("MailingZip5", Mail),
        ("MailingCountry", Mail),
    ],
};

/// Colorado's statewide voter list (CE-068): comma separated with a header,
/// the address both whole (RESIDENTIAL_ADDRESS) and in parts; the parts are
/// the door. Source: national-voter-file's Colorado loader and the list's
/// column names as the Secretary of State publishes them.
pub static CO: StateLayout = StateLayout {
    code: "co",
    aliases: &[],
    state: "Colorado",
    description: "Colorado statewide voter list (CE-068)",
    delimiter: b',',
    has_header: true,
    quote_all: true,
    crlf: true,
    dates: DateForm::MonthDayYear,
    id_scheme: "co_voter_id",
    columns: &[
        ("VOTER_ID", Id),
        ("COUNTY_CODE", No),
        ("COUNTY", No),
        ("LAST_NAME", F(FamilyName)),
        ("FIRST_NAME", F(GivenName)),
        ("MIDDLE_NAME", F(MiddleName)),
        ("NAME_SUFFIX", F(NameSuffix)),
        ("VOTER_NAME", No),
        ("STATUS_CODE", No),
        ("PRECINCT_NAME", No),
        ("ADDRESS_LIBRARY_ID", No),
        ("HOUSE_NUM", F(HouseNumber)),
        ("HOUSE_SUFFIX", F(NumberSuffix)),
        ("PRE_DIR", F(StreetDirPrefix)),
        ("STREET_NAME", F(StreetName)),
        ("STREET_TYPE", F(StreetType)),
        ("POST_DIR", F(StreetDirSuffix)),
        ("UNIT_TYPE", F(UnitType)),
        ("UNIT_NUM", F(Unit)),
        ("ADDRESS_NON_STD", No),
        ("RESIDENTIAL_ADDRESS", No),
        ("RESIDENTIAL_CITY", F(City)),
        ("RESIDENTIAL_STATE", F(State)),
        ("RESIDENTIAL_ZIP_CODE", F(Zip)),
        ("RESIDENTIAL_ZIP_PLUS", No),
        ("EFFECTIVE_DATE", No),
        ("REGISTRATION_DATE", No),
        ("STATUS", No),
        ("STATUS_REASON", No),
        ("BIRTH_YEAR", F(BirthYear)),
        ("GENDER", F(Gender)),
        ("PRECINCT", F(Precinct)),
        ("SPLIT", No),
        ("PARTY", F(Party)),
        ("PHONE_NUM", F(Phone)),
        ("MAIL_ADDR1", Mail),
        ("MAIL_ADDR2", Mail),
        ("MAIL_ADDR3", Mail),
        ("MAILING_CITY", Mail),
        ("MAILING_STATE", Mail),
        ("MAILING_ZIP_CODE", Mail),
        ("MAILING_COUNTRY", Mail),
        ("CONGRESSIONAL", No),
        ("STATE_SENATE", No),
        ("STATE_HOUSE", No),
    ],
};

/// Delaware's statewide voter file: comma separated with COBOL-style
/// hyphenated headers; the street (HOME-STREET) carries its type, and
/// HOME-DEV names the development, not the door. Only a birth year.
/// Source: national-voter-file's Delaware loader; the order is thin.
pub static DE: StateLayout = StateLayout {
    code: "de",
    aliases: &[],
    state: "Delaware",
    description: "Delaware statewide voter file",
    delimiter: b',',
    has_header: true,
    quote_all: false,
    crlf: true,
    dates: DateForm::Compact,
    id_scheme: "de_unique_id",
    columns: &[
        ("UNIQUE-ID", Id),
        ("LAST-NAME", F(FamilyName)),
        ("FIRST-NAME", F(GivenName)),
        ("MID-INIT", F(MiddleName)),
        ("SUFFIX", F(NameSuffix)),
        ("YEAR-OF-BIRTH", F(BirthYear)),
        ("HOME-NO", F(HouseNumber)),
        ("HOME-APT", F(Unit)),
        ("HOME-STREET", F(StreetName)),
        ("HOME-DEV", No),
        ("HOME-CITY", F(City)),
        ("HOME-ZIPCODE", F(Zip)),
        ("COUNTY", No),
        ("ED", F(Precinct)),
        ("RD", No),
        ("SD", No),
        ("CNLEVY", No),
        ("WILM", No),
        ("CODE-HOME-CITY", No),
        ("SCH-DIST", No),
        ("PARTY", F(Party)),
        ("DATE-REG", No),
        ("MAIL-NO", Mail),
        ("MAIL-APT", Mail),
        ("MAIL-STR", Mail),
        ("MAIL-CITY", Mail),
        ("MAIL-STATE", Mail),
        ("MAIL-ZIP", Mail),
        ("STATUS", No),
    ],
};

/// Florida's Voter Extract Disk: one tab-separated file per county, no
/// header, the residential address as two lines. The daytime phone comes
/// as area code, number and extension, which the import joins into one.
/// Source: the Division of Elections' extract file layout (38 columns).
pub static FL: StateLayout = StateLayout {
    code: "fl",
    aliases: &[],
    state: "Florida",
    description: "Florida voter extract (headerless, tab separated)",
    delimiter: b'\t',
    has_header: false,
    quote_all: false,
    crlf: true,
    dates: DateForm::MonthDayYear,
    id_scheme: "fl_voter_id",
    columns: &[
        ("County Code", No),
        ("Voter ID", Id),
        ("Name Last", F(FamilyName)),
        ("Name Suffix", F(NameSuffix)),
        ("Name First", F(GivenName)),
        ("Name Middle", F(MiddleName)),
        ("Requested public records exemption", No),
        ("Residence Address Line 1", F(StreetLine)),
        ("Residence Address Line 2", F(Unit)),
        ("Residence City (USPS)", F(City)),
        ("Residence State", F(State)),
        ("Residence Zipcode", F(Zip)),
        ("Mailing Address Line 1", Mail),
        ("Mailing Address Line 2", Mail),
        ("Mailing Address Line 3", Mail),
        ("Mailing City", Mail),
        ("Mailing State", Mail),
        ("Mailing Zipcode", Mail),
        ("Mailing Country", Mail),
        ("Gender", F(Gender)),
        ("Race", No),
        ("Birth Date", F(BirthDate)),
        ("Registration Date", No),
        ("Party Affiliation", F(Party)),
        ("Precinct", F(Precinct)),
        ("Precinct Group", No),
        ("Precinct Split", No),
        ("Precinct Suffix", No),
        ("Voter Status", No),
        ("Congressional District", No),
        ("House District", No),
        ("Senate District", No),
        ("County Commission District", No),
        ("School Board District", No),
        ("Daytime Area Code", F(PhoneAreaCode)),
        ("Daytime Phone Number", F(Phone)),
        ("Daytime Phone Extension", F(PhoneExtension)),
        ("Email address", F(Email)),
    ],
};

/// Michigan's Qualified Voter File as the Bureau of Elections has published
/// it since 2023 (EntireStateVoters): a header row, the address in parts,
/// EXTENSION holding the unit ("APT 4", "LOT 12"), only a birth year, no
/// party. STREET_NUMBER_PREFIX (a letter before the number) has no field of
/// its own and is not read. Source: the column list Michigan loaders use;
/// the separator is thin in the sources (comma here). The older statewide
/// extract (entire_state_v.lst) is fixed-width, by byte offset: not read.
pub static MI: StateLayout = StateLayout {
    code: "mi",
    aliases: &[],
    state: "Michigan",
    description: "Michigan Qualified Voter File",
    delimiter: b',',
    has_header: true,
    quote_all: false,
    crlf: true,
    dates: DateForm::MonthDayYear,
    id_scheme: "mi_voter_id",
    columns: &[
        ("LAST_NAME", F(FamilyName)),
        ("FIRST_NAME", F(GivenName)),
        ("MIDDLE_NAME", F(MiddleName)),
        ("NAME_SUFFIX", F(NameSuffix)),
        ("YEAR_OF_BIRTH", F(BirthYear)),
        ("GENDER", F(Gender)),
        ("REGISTRATION_DATE", No),
        ("STREET_NUMBER_PREFIX", No),
        ("STREET_NUMBER", F(HouseNumber)),
        ("STREET_NUMBER_SUFFIX", F(NumberSuffix)),
        ("DIRECTION_PREFIX", F(StreetDirPrefix)),
        ("STREET_NAME", F(StreetName)),
        ("STREET_TYPE", F(StreetType)),
        ("DIRECTION_SUFFIX", F(StreetDirSuffix)),
        ("EXTENSION", F(Unit)),
        ("CITY", F(City)),
        ("STATE", F(State)),
        ("ZIP_CODE", F(Zip)),
        ("MAILING_ADDRESS_LINE_ONE", Mail),
        ("MAILING_ADDRESS_LINE_TWO", Mail),
        ("MAILING_ADDRESS_LINE_THREE", Mail),
        ("MAILING_ADDRESS_LINE_FOUR", Mail),
        ("MAILING_ADDRESS_LINE_FIVE", Mail),
        ("VOTER_IDENTIFICATION_NUMBER", Id),
        ("COUNTY_CODE", No),
        ("COUNTY_NAME", No),
        ("JURISDICTION_CODE", No),
        ("JURISDICTION_NAME", No),
        ("PRECINCT", F(Precinct)),
        ("WARD", No),
        ("SCHOOL_DISTRICT_CODE", No),
        ("SCHOOL_DISTRICT_NAME", No),
        ("STATE_HOUSE_DISTRICT_CODE", No),
        ("STATE_HOUSE_DISTRICT_NAME", No),
        ("STATE_SENATE_DISTRICT_CODE", No),
        ("STATE_SENATE_DISTRICT_NAME", No),
        ("US_CONGRESS_DISTRICT_CODE", No),
        ("US_CONGRESS_DISTRICT_NAME", No),
        ("COUNTY_COMMISSIONER_DISTRICT_CODE", No),
        ("COUNTY_COMMISSIONER_DISTRICT_NAME", No),
        ("VILLAGE_DISTRICT_CODE", No),
        ("VILLAGE_DISTRICT_NAME", No),
        ("VILLAGE_PRECINCT", No),
        ("SCHOOL_PRECINCT", No),
        ("IS_PERMANENT_ABSENTEE_VOTER", No),
        ("VOTER_STATUS_TYPE_CODE", No),
        ("UOCAVA_STATUS_CODE", No),
        ("UOCAVA_STATUS_NAME", No),
    ],
};

/// New York's statewide file (AllNYSVoters): comma separated, every value
/// quoted, no header, the address in parts (RSTREETNAME carries the street
/// type). Source: the State Board of Elections' file layout as
/// national-voter-file reads it (45 columns; newer extracts add columns
/// after these, which a mapping by position can still read).
pub static NY: StateLayout = StateLayout {
    code: "ny",
    aliases: &[],
    state: "New York",
    description: "New York statewide voter file (headerless, comma separated)",
    delimiter: b',',
    has_header: false,
    quote_all: true,
    crlf: true,
    dates: DateForm::Compact,
    id_scheme: "ny_sboeid",
    columns: &[
        ("LASTNAME", F(FamilyName)),
        ("FIRSTNAME", F(GivenName)),
        ("MIDDLENAME", F(MiddleName)),
        ("NAMESUFFIX", F(NameSuffix)),
        ("RADDNUMBER", F(HouseNumber)),
        ("RHALFCODE", F(HouseFraction)),
        ("RAPARTMENT", F(Unit)),
        ("RPREDIRECTION", F(StreetDirPrefix)),
        ("RSTREETNAME", F(StreetName)),
        ("RPOSTDIRECTION", F(StreetDirSuffix)),
        ("RCITY", F(City)),
        ("RZIP5", F(Zip)),
        ("RZIP4", No),
        ("MAILADD1", Mail),
        ("MAILADD2", Mail),
        ("MAILADD3", Mail),
        ("MAILADD4", Mail),
        ("DOB", F(BirthDate)),
        ("GENDER", F(Gender)),
        ("ENROLLMENT", F(Party)),
        ("OTHERPARTY", No),
        ("COUNTYCODE", No),
        ("ED", F(Precinct)),
        ("LD", No),
        ("TOWNCITY", No),
        ("WARD", No),
        ("CD", No),
        ("SD", No),
        ("AD", No),
        ("LASTVOTEDDATE", No),
        ("PREVYEARVOTED", No),
        ("PREVCOUNTY", No),
        ("PREVADDRESS", No),
        ("PREVNAME", No),
        ("COUNTYVRNUMBER", No),
        ("REGDATE", No),
        ("VRSOURCE", No),
        ("IDREQUIRED", No),
        ("IDMET", No),
        ("STATUS", No),
        ("REASONCODE", No),
        ("INACT_DATE", No),
        ("PURGE_DATE", No),
        ("SBOEID", Id),
        ("VoterHistory", No),
    ],
};

/// North Carolina's ncvoter: tab separated, header row, every value
/// quoted, the address as one line. Source: the State Board's
/// layout_ncvoter.txt (67 columns; the import needs only these).
pub static NC: StateLayout = StateLayout {
    code: "ncvoter",
    aliases: &["nc"],
    state: "North Carolina",
    description: "North Carolina ncvoter",
    delimiter: b'\t',
    has_header: true,
    quote_all: true,
    crlf: false,
    dates: DateForm::MonthDayYear,
    id_scheme: "ncid",
    columns: &[
        ("county_id", No),
        ("county_desc", No),
        ("voter_reg_num", No),
        ("ncid", Id),
        ("last_name", F(FamilyName)),
        ("first_name", F(GivenName)),
        ("middle_name", F(MiddleName)),
        ("name_suffix_lbl", F(NameSuffix)),
        ("status_cd", No),
        ("voter_status_desc", No),
        ("reason_cd", No),
        ("voter_status_reason_desc", No),
        ("res_street_address", F(StreetLine)),
        ("res_city_desc", F(City)),
        ("state_cd", F(State)),
        ("zip_code", F(Zip)),
        ("mail_addr1", Mail),
        ("mail_addr2", Mail),
        ("mail_addr3", Mail),
        ("mail_addr4", Mail),
        ("mail_city", Mail),
        ("mail_state", Mail),
        ("mail_zipcode", Mail),
        ("full_phone_number", F(Phone)),
        ("confidential_ind", No),
        ("registr_dt", No),
        ("race_code", No),
        ("ethnic_code", No),
        ("party_cd", F(Party)),
        ("gender_code", F(Gender)),
        ("birth_year", F(BirthYear)),
        ("age_at_year_end", No),
        ("birth_state", No),
        ("drivers_lic", No),
        ("precinct_abbrv", F(Precinct)),
        ("precinct_desc", No),
    ],
};

/// New Jersey's statewide file: pipe separated, no header. SUFF A and
/// SUFF B follow the house number; which holds a fraction is thin in the
/// sources, so SUFF A is read as a letter suffix and SUFF B as a fraction.
/// Source: national-voter-file's New Jersey loader (26 columns).
pub static NJ: StateLayout = StateLayout {
    code: "nj",
    aliases: &[],
    state: "New Jersey",
    description: "New Jersey statewide voter file (headerless, pipe separated)",
    delimiter: b'|',
    has_header: false,
    quote_all: false,
    crlf: true,
    dates: DateForm::MonthDayYear,
    id_scheme: "nj_voter_id",
    columns: &[
        ("COUNTY", No),
        ("VOTER ID", Id),
        ("LEGACY ID", No),
        ("LAST NAME", F(FamilyName)),
        ("FIRST NAME", F(GivenName)),
        ("MIDDLE NAME", F(MiddleName)),
        ("SUFFIX", F(NameSuffix)),
        ("STREET NUMBER", F(HouseNumber)),
        ("SUFF A", F(NumberSuffix)),
        ("SUFF B", F(HouseFraction)),
        ("STREET NAME", F(StreetName)),
        ("APT/UNIT NO", F(Unit)),
        ("CITY", F(City)),
        ("MUNICIPALITY", No),
        ("ZIP", F(Zip)),
        ("DOB", F(BirthDate)),
        ("PARTY CODE", F(Party)),
        ("WARD", No),
        ("DISTRICT", F(Precinct)),
        ("STATUS", No),
        ("CONGRESSIONAL", No),
        ("LEGISLATIVE", No),
        ("FREEHOLDER", No),
        ("SCHOOL", No),
        ("REGIONAL SCHOOL", No),
        ("FIRE", No),
    ],
};

/// Ohio's statewide voter files (SWVF): comma separated, header row,
/// quoted; the address as one line plus a secondary line (the unit).
/// Vote-history columns follow these. Source: the Secretary of State's
/// file layout as Ohio loaders use it.
pub static OH: StateLayout = StateLayout {
    code: "oh",
    aliases: &[],
    state: "Ohio",
    description: "Ohio statewide voter file",
    delimiter: b',',
    has_header: true,
    quote_all: true,
    crlf: true,
    dates: DateForm::Iso,
    id_scheme: "oh_sos_voterid",
    columns: &[
        ("SOS_VOTERID", Id),
        ("COUNTY_NUMBER", No),
        ("COUNTY_ID", No),
        ("LAST_NAME", F(FamilyName)),
        ("FIRST_NAME", F(GivenName)),
        ("MIDDLE_NAME", F(MiddleName)),
        ("SUFFIX", F(NameSuffix)),
        ("DATE_OF_BIRTH", F(BirthDate)),
        ("REGISTRATION_DATE", No),
        ("VOTER_STATUS", No),
        ("PARTY_AFFILIATION", F(Party)),
        ("RESIDENTIAL_ADDRESS1", F(StreetLine)),
        ("RESIDENTIAL_SECONDARY_ADDR", F(Unit)),
        ("RESIDENTIAL_CITY", F(City)),
        ("RESIDENTIAL_STATE", F(State)),
        ("RESIDENTIAL_ZIP", F(Zip)),
        ("RESIDENTIAL_ZIP_PLUS4", No),
        ("RESIDENTIAL_COUNTRY", No),
        ("RESIDENTIAL_POSTALCODE", No),
        ("MAILING_ADDRESS1", Mail),
        ("MAILING_SECONDARY_ADDRESS", Mail),
        ("MAILING_CITY", Mail),
        ("MAILING_STATE", Mail),
        ("MAILING_ZIP", Mail),
        ("MAILING_ZIP_PLUS4", Mail),
        ("MAILING_COUNTRY", Mail),
        ("MAILING_POSTAL_CODE", Mail),
        ("CAREER_CENTER", No),
        ("CITY", No),
        ("CITY_SCHOOL_DISTRICT", No),
        ("COUNTY_COURT_DISTRICT", No),
        ("CONGRESSIONAL_DISTRICT", No),
        ("COURT_OF_APPEALS", No),
        ("EDU_SERVICE_CENTER_DISTRICT", No),
        ("EXEMPTED_VILL_SCHOOL_DISTRICT", No),
        ("LIBRARY", No),
        ("LOCAL_SCHOOL_DISTRICT", No),
        ("MUNICIPAL_COURT_DISTRICT", No),
        ("PRECINCT_NAME", No),
        ("PRECINCT_CODE", F(Precinct)),
        ("STATE_BOARD_OF_EDUCATION", No),
        ("STATE_REPRESENTATIVE_DISTRICT", No),
        ("STATE_SENATE_DISTRICT", No),
        ("TOWNSHIP", No),
        ("VILLAGE", No),
        ("WARD", No),
    ],
};

/// Oklahoma's statewide file: comma separated with a header, the address
/// in parts with the unit as BldgNum; vote-history pairs follow. No
/// residential state column. Source: national-voter-file's Oklahoma
/// loader; whether every county extract has the header row is thin.
pub static OK: StateLayout = StateLayout {
    code: "ok",
    aliases: &[],
    state: "Oklahoma",
    description: "Oklahoma statewide voter file",
    delimiter: b',',
    has_header: true,
    quote_all: false,
    crlf: true,
    dates: DateForm::MonthDayYear,
    id_scheme: "ok_voter_id",
    columns: &[
        ("Precinct", F(Precinct)),
        ("LastName", F(FamilyName)),
        ("FirstName", F(GivenName)),
        ("MiddleName", F(MiddleName)),
        ("Suffix", F(NameSuffix)),
        ("VoterID", Id),
        ("PolitalAff", F(Party)),
        ("Status", No),
        ("StreetNum", F(HouseNumber)),
        ("StreetDir", F(StreetDirPrefix)),
        ("StreetName", F(StreetName)),
        ("StreetType", F(StreetType)),
        ("BldgNum", F(Unit)),
        ("City", F(City)),
        ("Zip", F(Zip)),
        ("DateOfBirth", F(BirthDate)),
        ("OriginalRegistration", No),
        ("MailStreet1", Mail),
        ("MailStreet2", Mail),
        ("MailCity", Mail),
        ("MailState", Mail),
        ("MailZip", Mail),
        ("Muni", No),
        ("MuniSub", No),
        ("School", No),
        ("SchoolSub", No),
        ("TechCenter", No),
        ("TechCenterSub", No),
        ("CountyComm", No),
    ],
};

macro_rules! pa_columns {
    ($($district:literal)*; $($history:literal)*) => {
        &[
            ("ID Number", Id),
            ("Title", No),
            ("Last Name", F(FamilyName)),
            ("First Name", F(GivenName)),
            ("Middle Name", F(MiddleName)),
            ("Suffix", F(NameSuffix)),
            ("Gender", F(Gender)),
            ("DOB", F(BirthDate)),
            ("Registration Date", No),
            ("Voter Status", No),
            ("Status Change Date", No),
            ("Party Code", F(Party)),
            ("House Number", F(HouseNumber)),
            ("House Number Suffix", F(NumberSuffix)),
            ("Street Name", F(StreetName)),
            ("Apartment Number", F(Unit)),
            ("Address Line 2", No),
            ("City", F(City)),
            ("State", F(State)),
            ("Zip", F(Zip)),
            ("Mail Address 1", Mail),
            ("Mail Address 2", Mail),
            ("Mail City", Mail),
            ("Mail State", Mail),
            ("Mail Zip", Mail),
            ("Last Vote Date", No),
            ("Precinct Code", F(Precinct)),
            ("Precinct Split ID", No),
            ("Date Last Changed", No),
            ("Customer Assigned ID", No),
            $(($district, No),)*
            $(($history, No),)*
            ("Home Phone", F(Phone)),
            ("County", No),
            ("Mail Country", Mail),
        ]
    };
}

/// Pennsylvania's Full Voter Export: one tab-separated file per county, no
/// header, text values quoted; 30 registration columns, 40 district
/// columns, 40 pairs of vote-history columns, then phone, county and
/// mailing country (153 in all). The street name carries its type and
/// direction. Source: the Department of State's FVE layout as
/// national-voter-file reads it.
pub static PA: StateLayout = StateLayout {
    code: "pa",
    aliases: &[],
    state: "Pennsylvania",
    description: "Pennsylvania Full Voter Export (headerless, tab separated)",
    delimiter: b'\t',
    has_header: false,
    quote_all: true,
    crlf: true,
    dates: DateForm::MonthDayYear,
    id_scheme: "pa_voter_id",
    columns: pa_columns!(
        "District 1" "District 2" "District 3" "District 4" "District 5" "District 6" "District 7" "District 8"
        "District 9" "District 10" "District 11" "District 12" "District 13" "District 14" "District 15"
        "District 16" "District 17" "District 18" "District 19" "District 20" "District 21" "District 22"
        "District 23" "District 24" "District 25" "District 26" "District 27" "District 28" "District 29"
        "District 30" "District 31" "District 32" "District 33" "District 34" "District 35" "District 36"
        "District 37" "District 38" "District 39" "District 40";
        "Election 1 Vote Method" "Election 1 Party" "Election 2 Vote Method" "Election 2 Party"
        "Election 3 Vote Method" "Election 3 Party" "Election 4 Vote Method" "Election 4 Party"
        "Election 5 Vote Method" "Election 5 Party" "Election 6 Vote Method" "Election 6 Party"
        "Election 7 Vote Method" "Election 7 Party" "Election 8 Vote Method" "Election 8 Party"
        "Election 9 Vote Method" "Election 9 Party" "Election 10 Vote Method" "Election 10 Party"
        "Election 11 Vote Method" "Election 11 Party" "Election 12 Vote Method" "Election 12 Party"
        "Election 13 Vote Method" "Election 13 Party" "Election 14 Vote Method" "Election 14 Party"
        "Election 15 Vote Method" "Election 15 Party" "Election 16 Vote Method" "Election 16 Party"
        "Election 17 Vote Method" "Election 17 Party" "Election 18 Vote Method" "Election 18 Party"
        "Election 19 Vote Method" "Election 19 Party" "Election 20 Vote Method" "Election 20 Party"
        "Election 21 Vote Method" "Election 21 Party" "Election 22 Vote Method" "Election 22 Party"
        "Election 23 Vote Method" "Election 23 Party" "Election 24 Vote Method" "Election 24 Party"
        "Election 25 Vote Method" "Election 25 Party" "Election 26 Vote Method" "Election 26 Party"
        "Election 27 Vote Method" "Election 27 Party" "Election 28 Vote Method" "Election 28 Party"
        "Election 29 Vote Method" "Election 29 Party" "Election 30 Vote Method" "Election 30 Party"
        "Election 31 Vote Method" "Election 31 Party" "Election 32 Vote Method" "Election 32 Party"
        "Election 33 Vote Method" "Election 33 Party" "Election 34 Vote Method" "Election 34 Party"
        "Election 35 Vote Method" "Election 35 Party" "Election 36 Vote Method" "Election 36 Party"
        "Election 37 Vote Method" "Election 37 Party" "Election 38 Vote Method" "Election 38 Party"
        "Election 39 Vote Method" "Election 39 Party" "Election 40 Vote Method" "Election 40 Party"
    ),
};

/// Texas: the Secretary of State's list goes out through county systems;
/// this is the tab-separated voter export layout counties publish (Tarrant
/// County's "VOTER FILE EXPORT - FILE LAYOUT"), with its header row.
/// District and history columns (dist01… election_code40…) follow these
/// and are left out. Thin: the statewide file's own order is not public.
pub static TX: StateLayout = StateLayout {
    code: "tx",
    aliases: &[],
    state: "Texas",
    description: "Texas county voter export",
    delimiter: b'\t',
    has_header: true,
    quote_all: false,
    crlf: true,
    dates: DateForm::MonthDayYear,
    id_scheme: "tx_vuid",
    columns: &[
        ("SOS_VoterID", Id),
        ("idnumber", No),
        ("status", No),
        ("party", F(Party)),
        ("lastname", F(FamilyName)),
        ("firstname", F(GivenName)),
        ("middlename", F(MiddleName)),
        ("namesuffix", F(NameSuffix)),
        ("streetnumber", F(HouseNumber)),
        ("streetbldg", F(NumberSuffix)),
        ("streetpredir", F(StreetDirPrefix)),
        ("streetname", F(StreetName)),
        ("streettype", F(StreetType)),
        ("streetpostdir", F(StreetDirSuffix)),
        ("unit_type", F(UnitType)),
        ("unit", F(Unit)),
        ("city", F(City)),
        ("zip", F(Zip)),
        ("zip4", No),
        ("mail1", Mail),
        ("mail2", Mail),
        ("mail3", Mail),
        ("mailcity", Mail),
        ("mailstate", Mail),
        ("mailzip", Mail),
        ("mailzip4", Mail),
        ("sex", F(Gender)),
        ("birthdate", F(BirthDate)),
        ("eligible_date", No),
        ("effective_date", No),
        ("precinct", F(Precinct)),
        ("precsub", No),
        ("regdate", No),
        ("phone", F(Phone)),
    ],
};

/// Utah's statewide list: comma separated with a header; the street name is
/// headed just "Street", beside "House Number" (the file that once made a
/// whole street one household). Source: national-voter-file's Utah loader.
pub static UT: StateLayout = StateLayout {
    code: "ut",
    aliases: &[],
    state: "Utah",
    description: "Utah statewide voter list",
    delimiter: b',',
    has_header: true,
    quote_all: false,
    crlf: true,
    dates: DateForm::MonthDayYear,
    id_scheme: "ut_voter_id",
    columns: &[
        ("Voter ID", Id),
        ("Last Name", F(FamilyName)),
        ("First Name", F(GivenName)),
        ("Middle Name", F(MiddleName)),
        ("Name Suffix", F(NameSuffix)),
        ("Status", No),
        ("Absentee", No),
        ("Registration Date", No),
        ("Party", F(Party)),
        ("Phone", F(Phone)),
        ("Mailing Address", Mail),
        ("Mailing city, state  zip", Mail),
        ("County ID", No),
        ("Precinct", F(Precinct)),
        ("House Number", F(HouseNumber)),
        ("House Number Suffix", F(NumberSuffix)),
        ("Direction Prefix", F(StreetDirPrefix)),
        ("Street", F(StreetName)),
        ("Direction Suffix", F(StreetDirSuffix)),
        ("Street Type", F(StreetType)),
        ("Unit Type", F(UnitType)),
        ("Unit Number", F(Unit)),
        ("City", F(City)),
        ("Zip", F(Zip)),
        ("DOB", F(BirthDate)),
        ("Congressional", No),
        ("State House", No),
        ("State Senate", No),
        ("State Schoolboard", No),
    ],
};

/// Vermont's statewide checklist: pipe separated with a header; the legal
/// (residential) address as two lines, the second holding the unit. Only
/// a birth year. Source: national-voter-file's Vermont loader.
pub static VT: StateLayout = StateLayout {
    code: "vt",
    aliases: &[],
    state: "Vermont",
    description: "Vermont statewide voter checklist",
    delimiter: b'|',
    has_header: true,
    quote_all: false,
    crlf: true,
    dates: DateForm::MonthDayYear,
    id_scheme: "vt_voter_id",
    columns: &[
        ("VoterID", Id),
        ("Last Name", F(FamilyName)),
        ("First Name", F(GivenName)),
        ("Middle Name", F(MiddleName)),
        ("Suffix", F(NameSuffix)),
        ("Legal Address Line 1", F(StreetLine)),
        ("Legal Address Line 2", F(Unit)),
        ("Legal Address City", F(City)),
        ("Legal Address State", F(State)),
        ("Legal Address Zip", F(Zip)),
        ("Mailing Address Line 1", Mail),
        ("Mailing Address Line 2", Mail),
        ("Mailing Address City", Mail),
        ("Mailing Address State", Mail),
        ("Mailing Address Zip", Mail),
        ("Year of Birth", F(BirthYear)),
        ("Date of Registration", No),
        ("Date last Voted", No),
        ("Telephone", F(Phone)),
        ("Status", No),
        ("Town of Registration", No),
        ("County", No),
        ("Senate District", No),
        ("Voting District", F(Precinct)),
        ("School District", No),
    ],
};

/// Washington's VRDB extract: tab separated with a header, the address in
/// USPS parts (RegStFrac is the fraction). No party. Source: the Secretary
/// of State's VRDB extract layout as national-voter-file reads it.
pub static WA: StateLayout = StateLayout {
    code: "wa",
    aliases: &[],
    state: "Washington",
    description: "Washington VRDB extract",
    delimiter: b'\t',
    has_header: true,
    quote_all: false,
    crlf: true,
    dates: DateForm::MonthDayYear,
    id_scheme: "wa_state_voter_id",
    columns: &[
        ("StateVoterID", Id),
        ("CountyVoterID", No),
        ("Title", No),
        ("FName", F(GivenName)),
        ("MName", F(MiddleName)),
        ("LName", F(FamilyName)),
        ("NameSuffix", F(NameSuffix)),
        ("Birthdate", F(BirthDate)),
        ("Gender", F(Gender)),
        ("RegStNum", F(HouseNumber)),
        ("RegStFrac", F(HouseFraction)),
        ("RegStName", F(StreetName)),
        ("RegStType", F(StreetType)),
        ("RegUnitType", F(UnitType)),
        ("RegStPreDirection", F(StreetDirPrefix)),
        ("RegStPostDirection", F(StreetDirSuffix)),
        ("RegUnitNum", F(Unit)),
        ("RegCity", F(City)),
        ("RegState", F(State)),
        ("RegZipCode", F(Zip)),
        ("CountyCode", No),
        ("PrecinctCode", F(Precinct)),
        ("PrecinctPart", No),
        ("LegislativeDistrict", No),
        ("CongressionalDistrict", No),
        ("Mail1", Mail),
        ("Mail2", Mail),
        ("Mail3", Mail),
        ("Mail4", Mail),
        ("MailCity", Mail),
        ("MailZip", Mail),
        ("MailState", Mail),
        ("MailCountry", Mail),
        ("Registrationdate", No),
        ("AbsenteeType", No),
        ("LastVoted", No),
        ("StatusCode", No),
    ],
};

/// Every built-in state layout.
pub static STATES: &[&StateLayout] = &[&CA, &CO, &DE, &FL, &MI, &NY, &NC, &NJ, &OH, &OK, &PA, &TX, &UT, &VT, &WA];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layout_can_make_a_person_and_a_door() {
        for s in STATES {
            let ids = s.columns.iter().filter(|(_, c)| *c == Id).count();
            assert_eq!(ids, 1, "{}: one voter id column", s.code);
            assert!(s.has(GivenName) && s.has(FamilyName), "{}: split names", s.code);
            assert!(s.has(StreetLine) || (s.has(HouseNumber) && s.has(StreetName)), "{}: an address", s.code);
            assert!(s.has(Zip) || s.has(City), "{}: a place", s.code);
            let mut seen = std::collections::HashSet::new();
            for (h, _) in s.columns {
                assert!(seen.insert(h.to_ascii_lowercase()), "{}: {h} twice", s.code);
            }
        }
        assert_eq!(PA.columns.len(), 153);
        assert_eq!(FL.columns.len(), 38);
        assert_eq!(NY.columns.len(), 45);
        assert_eq!(NJ.columns.len(), 26);
    }
}
