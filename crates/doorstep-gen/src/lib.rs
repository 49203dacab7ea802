//! Synthetic California voter files for tests, benchmarks and the demo, in
//! ncvoter's layout, a VoteCal-like CSV, or any state's published layout.
//!
//! Output is a pure function of `(count, seed, layout)`: the same options give
//! byte-identical files, and row `i` never depends on `count`, so a longer
//! file is the shorter one plus more rows (handy for "import an updated file"
//! tests). Nobody in the output is a real person: names are drawn
//! independently from community pools, house numbers are random, phones sit
//! in the 555-01xx fiction block and emails at example.com/example.org.
//!
//! ```
//! use doorstep_gen::{GenOptions, Layout, write_voters};
//! let mut out = Vec::new();
//! let opts = GenOptions { count: 3, seed: 42, layout: Layout::Csv };
//! assert_eq!(write_voters(&opts, &mut out).unwrap(), 3);
//! assert!(out.starts_with(b"RegistrantID,LastName,FirstName,"));
//! ```

mod household;
mod ids;
mod layout;
mod names;
mod places;

use std::fmt;
use std::io;
use std::str::FromStr;

use doorstep_core::import::states::{STATES, StateLayout};

pub use layout::{CSV_HEADER, NCVOTER_HEADER};

/// Which file layout [`write_voters`] produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// North Carolina's public ncvoter layout (67 columns, tab-delimited,
    /// every value double-quoted, LF) carrying California data.
    Ncvoter,
    /// VoteCal-like CSV (25 columns, RFC 4180, CRLF, UTF-8 without BOM) with
    /// native-script names and a preferred-language column.
    Csv,
    /// A state's published layout, from the table the importer reads it by
    /// (`doorstep_core::import::states`), carrying the same synthetic voters.
    State(&'static StateLayout),
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Ncvoter => "ncvoter",
            Layout::Csv => "csv",
            Layout::State(s) => s.code,
        }
    }
}

impl Layout {
    /// Every name [`Layout::from_str`] takes: ncvoter, csv and each state's code.
    pub fn names() -> Vec<&'static str> {
        let mut names = vec!["ncvoter", "csv"];
        names.extend(STATES.iter().map(|s| s.code).filter(|c| *c != "ncvoter"));
        names
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Layout {
    type Err = String;

    fn from_str(s: &str) -> Result<Layout, String> {
        match s.to_ascii_lowercase().as_str() {
            "ncvoter" | "nc" => Ok(Layout::Ncvoter),
            "csv" => Ok(Layout::Csv),
            code => StateLayout::by_code(code).map(Layout::State).ok_or_else(|| {
                format!("unknown layout {s:?} (expected one of: {})", Layout::names().join(", "))
            }),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenOptions {
    /// Data rows to write (the header is extra).
    pub count: u64,
    pub seed: u64,
    pub layout: Layout,
}

/// Largest `count` for which every row's ids are unique.
pub const MAX_COUNT: u64 = ids::MAX_UNIQUE_ROWS;

/// Writes the header and `count` rows to `out`. Returns rows written.
///
/// Rows are streamed; memory use does not grow with `count`. `out` is
/// buffered internally, so passing a raw `File` is fine.
pub fn write_voters<W: io::Write>(opts: &GenOptions, out: W) -> io::Result<u64> {
    if opts.count > MAX_COUNT {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "count {} exceeds {MAX_COUNT}: voter ids would repeat",
                opts.count
            ),
        ));
    }
    let records = household::Generator::new(opts.seed);
    match opts.layout {
        Layout::Ncvoter => layout::write_ncvoter(records, opts.count, out),
        Layout::Csv => layout::write_csv(records, opts.count, out),
        Layout::State(state) => layout::write_state(state, records, opts.count, out),
    }
}

/// One synthetic voter, for callers that want structured data.
///
/// Names are in natural case with the community's diacritics ("Nguyễn",
/// "Muñoz"); the ncvoter layout upper-cases and strips them, the CSV layout
/// strips them on a share of rows. Address parts are as a registrar splits
/// them; `street_type`, `street_dir` and `unit_type` are USPS-style codes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Voter {
    /// VoteCal-style RegistrantID, "CA" + 9 digits; unique within a seed's
    /// first [`MAX_COUNT`] rows.
    pub voter_id: String,
    pub given_name: String,
    pub middle_name: String,
    pub family_name: String,
    /// Full name in the community's own script (family-first for zh, ko, ja
    /// and vi; given-first otherwise), or "" for Latin-script communities and
    /// voters who go by an English name.
    pub native_name: String,
    pub birth_year: i32,
    /// "M", "F", "U" or "" as voter files carry it.
    pub gender: String,
    /// California party code: DEM, REP, NPP, AIP, GRN, LIB, PF.
    pub party: String,
    /// Preferred language as a BCP-47 tag ("es", "zh-Hant", "hmn-Latn"...),
    /// "" for English.
    pub language: String,
    /// As hand-keyed on the registration form, in varied formats
    /// ("(626) 555-0134", "626-555-0134", "+1 626 555 0134"...), or "".
    pub phone: String,
    /// "" or an address at example.com / example.org.
    pub email: String,
    pub house_number: u32,
    /// "" or "1/2".
    pub fraction: String,
    /// "" or a letter such as "A".
    pub number_suffix: String,
    /// "" or N/S/E/W.
    pub street_dir: String,
    pub street_name: String,
    /// ST, AVE, BLVD, ... or "" (e.g. "Broadway").
    pub street_type: String,
    /// "", APT, UNIT, "#" or SPC.
    pub unit_type: String,
    pub unit: String,
    pub city: String,
    pub zip: String,
    /// City code and precinct number, e.g. "LA-0412".
    pub precinct: String,
}

/// An endless, deterministic stream of voters: the same rows, in the same
/// order, that [`write_voters`] writes for this seed.
pub fn voters(seed: u64) -> impl Iterator<Item = Voter> {
    let records = household::Generator::new(seed);
    let ids = records.ids().clone();
    records.map(move |record| record.to_voter(&ids))
}
