//! The generator proper: addresses, then households at those addresses,
//! then the people in each household.
//!
//! Everything is drawn from one ChaCha8 stream in a fixed order, so the
//! output is a pure function of the seed and any prefix of the stream is
//! stable: asking for more rows only appends.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use deunicode::deunicode;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::Voter;
use crate::ids::Ids;
use crate::names::{self, Community, KAUR, Name, NativeScript, Pool, SINGH};
use crate::places::{self, City, Street};

/// Ages and `age_at_year_end` are computed against this year rather than the
/// clock, so a file generated next year is byte-identical.
pub(crate) const REFERENCE_YEAR: i32 = 2024;
const OLDEST: i32 = 1930;
/// Youngest birth year that is 18 by the end of the reference year.
const YOUNGEST: i32 = REFERENCE_YEAR - 18;

/// Static tables parsed once per process.
pub(crate) struct Model {
    pub pools: Vec<Pool>,
    pub cities: Vec<CityModel>,
    city_dist: WeightedIndex<u32>,
}

pub(crate) struct CityModel {
    pub def: &'static City,
    pub streets: Vec<Street>,
    communities: WeightedIndex<u32>,
}

pub(crate) fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let pools = names::build_pools();
        let cities = places::CITIES
            .iter()
            .map(|def| {
                let weights = pools.iter().map(|p| {
                    let boost = def.boosts.iter().filter(|(c, _)| *c == p.def.community);
                    p.def.weight + boost.map(|(_, w)| w).sum::<u32>()
                });
                CityModel {
                    def,
                    streets: places::parse_streets(def.streets),
                    communities: WeightedIndex::new(weights).expect("community weights"),
                }
            })
            .collect();
        let city_dist =
            WeightedIndex::new(places::CITIES.iter().map(|c| c.weight)).expect("city weights");
        Model {
            pools,
            cities,
            city_dist,
        }
    })
}

/// Voter-registration status as ncvoter codes it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Status {
    Active,
    Inactive,
    Temporary,
}

/// Mailing address as carried by ncvoter's mail_* columns.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Mail {
    SameAsResidence,
    PoBox(u32),
    Missing,
}

/// One generated row. Borrows the static pools and shares its household's
/// address so that streaming a million rows does not allocate a million
/// copies of "Los Angeles"; [`Record::to_voter`] makes the owned form.
pub(crate) struct Record {
    pub index: u64,
    pub addr: Arc<Address>,
    pub given: &'static str,
    pub middle: &'static str,
    pub family: Cow<'static, str>,
    pub native: String,
    pub name_suffix: &'static str,
    pub birth_year: i32,
    pub birth_month: u32,
    pub birth_day: u32,
    pub gender: &'static str,
    pub party: &'static str,
    pub language: &'static str,
    pub phone: Option<Phone>,
    pub email: String,
    pub registered: (i32, u32, u32),
    pub status: Status,
    pub race: &'static str,
    pub ethnic: &'static str,
    pub birth_state: &'static str,
    pub drivers_lic: bool,
    /// Whether the CSV layout keeps accents; registrars differ and importers
    /// must match "Nguyễn" with "Nguyen".
    pub keep_diacritics: bool,
    pub mail: Mail,
}

impl Record {
    pub fn to_voter(&self, ids: &Ids) -> Voter {
        let a = &*self.addr;
        let mut phone = String::new();
        if let Some(p) = self.phone {
            p.write_as_keyed(&mut phone);
        }
        Voter {
            voter_id: ids.registrant(self.index),
            given_name: self.given.to_string(),
            middle_name: self.middle.to_string(),
            family_name: self.family.to_string(),
            native_name: self.native.clone(),
            birth_year: self.birth_year,
            gender: self.gender.to_string(),
            party: self.party.to_string(),
            language: self.language.to_string(),
            phone,
            email: self.email.clone(),
            house_number: a.house_number,
            fraction: a.fraction.to_string(),
            number_suffix: a.number_suffix.to_string(),
            street_dir: a.street_dir.to_string(),
            street_name: a.street.name.to_string(),
            street_type: a.street.kind.to_string(),
            unit_type: a.unit_type.to_string(),
            unit: a.unit.clone(),
            city: model().cities[a.city].def.name.to_string(),
            zip: a.zip.to_string(),
            precinct: a.precinct.clone(),
        }
    }
}

/// A fictional phone number, 555-01xx, and how the voter wrote it down.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Phone {
    pub area: &'static str,
    /// Last two digits of 555-01xx.
    pub line: u8,
    pub style: u8,
}

impl Phone {
    /// Ten digits, as ncvoter carries them.
    pub fn write_digits(self, out: &mut String) {
        let _ = write!(out, "{}55501{:02}", self.area, self.line);
    }

    /// Hand-keyed registration forms: every format occurs.
    pub fn write_as_keyed(self, out: &mut String) {
        let (a, n) = (self.area, self.line);
        let _ = match self.style {
            0 => write!(out, "({a}) 555-01{n:02}"),
            1 => write!(out, "{a}-555-01{n:02}"),
            2 => write!(out, "{a}55501{n:02}"),
            3 => write!(out, "+1 {a} 555 01{n:02}"),
            _ => write!(out, "{a}.555.01{n:02}"),
        };
    }
}

/// A residential address shared by everyone in a household.
#[derive(Clone)]
pub(crate) struct Address {
    pub city: usize,
    pub house_number: u32,
    pub fraction: &'static str,
    pub number_suffix: &'static str,
    pub street_dir: &'static str,
    pub street: Street,
    pub unit_type: &'static str,
    pub unit: String,
    pub zip: &'static str,
    pub precinct: String,
    pub supervisor_district: u32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sex {
    M,
    F,
}

/// A surname as the household carries it (may be a Spanish double surname).
#[derive(Clone)]
struct Surname {
    latin: Cow<'static, str>,
    native: &'static str,
    community: Community,
    base: Name,
}

pub(crate) struct Generator {
    rng: ChaCha8Rng,
    model: &'static Model,
    ids: Ids,
    next_index: u64,
    queue: VecDeque<Record>,
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        Generator {
            rng: ChaCha8Rng::seed_from_u64(seed),
            model: model(),
            ids: Ids::new(seed),
            next_index: 0,
            queue: VecDeque::new(),
        }
    }

    pub fn ids(&self) -> &Ids {
        &self.ids
    }

    /// Generates one building: a house, an apartment block or a mobile-home
    /// park, with one or more households in it.
    fn building(&mut self) {
        let model = self.model;
        let city_idx = model.city_dist.sample(&mut self.rng);
        let city = &model.cities[city_idx];
        let street_idx = self.rng.random_range(0..city.streets.len());
        let street = city.streets[street_idx];
        let street_dir = pick_dir(&mut self.rng, street.dirs);
        let house_number = house_number(&mut self.rng);

        let kind: f64 = self.rng.random();
        let mut base = Address {
            city: city_idx,
            house_number,
            fraction: "",
            number_suffix: "",
            street_dir,
            street,
            unit_type: "",
            unit: String::new(),
            zip: "",
            precinct: String::new(),
            supervisor_district: 0,
        };
        // Precinct, ZIP and supervisorial district follow the street block so
        // neighbours agree, like real precinct lines do.
        let block = house_number / 400;
        let cluster = street_idx as u32 * 97 + block * 13;
        base.precinct = format!("{}-{:04}", city.def.code, 100 + cluster % 900);
        base.zip = city.def.zips[(street_idx + block as usize / 3) % city.def.zips.len()];
        base.supervisor_district = 1 + (street_idx as u32 * 7 + block) % 5;

        if kind < 0.80 {
            // Single-family house; rear units and split lots show up as
            // fractions and letter suffixes.
            let r: f64 = self.rng.random();
            if r < 0.015 {
                base.fraction = "1/2";
            } else if r < 0.035 {
                base.number_suffix = ["A", "B", "C"][self.rng.random_range(0..3)];
            }
            self.household(base);
        } else if kind < 0.97 {
            let (unit_type, labels) = apartment_units(&mut self.rng);
            for unit in labels {
                let mut addr = base.clone();
                addr.unit_type = unit_type;
                addr.unit = unit;
                self.household(addr);
            }
        } else {
            // Mobile-home park: one street address, spaces as units.
            let spaces = self.rng.random_range(1..=3);
            let mut taken = Vec::with_capacity(spaces);
            for _ in 0..spaces {
                let space = loop {
                    let s = self.rng.random_range(1..=150u32);
                    if !taken.contains(&s) {
                        break s;
                    }
                };
                taken.push(space);
                let mut addr = base.clone();
                addr.unit_type = "SPC";
                addr.unit = space.to_string();
                self.household(addr);
            }
        }
    }

    fn household(&mut self, addr: Address) {
        let addr = Arc::new(addr);
        let model = self.model;
        let city = &model.cities[addr.city];
        let size = match self.rng.random_range(0..100) {
            0..30 => 1,
            30..66 => 2,
            66..82 => 3,
            82..93 => 4,
            _ => 5,
        };
        // Shared flats: unrelated adults, each with their own background.
        let roommates = size > 1 && self.rng.random_bool(0.12);
        let community = self.community(city);
        let surname = self.surname(community);
        let head_sex = if self.rng.random_bool(0.5) {
            Sex::M
        } else {
            Sex::F
        };
        let head_year = self.rng.random_range(OLDEST + 2..=YOUNGEST - 3);
        let phone = self.maybe_phone(city);

        let mut members: Vec<(Community, Sex, i32, Surname)> = Vec::with_capacity(size);
        members.push((community, head_sex, head_year, surname.clone()));
        for i in 1..size {
            if roommates {
                let c = self.community(city);
                let s = self.surname(c);
                let sex = self.sex();
                let year = self
                    .rng
                    .random_range((head_year - 6).max(OLDEST)..=(head_year + 6).min(YOUNGEST));
                members.push((c, sex, year, s));
            } else if i == 1 && self.rng.random_bool(0.8) {
                // Spouse: usually the same community, occasionally not.
                let c = if self.rng.random_bool(0.9) {
                    community
                } else {
                    self.community(city)
                };
                let sex = if self.rng.random_bool(0.93) {
                    if head_sex == Sex::M { Sex::F } else { Sex::M }
                } else {
                    head_sex
                };
                let year = (head_year + self.rng.random_range(-8..=8)).clamp(OLDEST, YOUNGEST);
                let takes_name = self.rng.random_bool(takes_spouse_name(c));
                let s = if takes_name {
                    surname.clone()
                } else {
                    self.surname(c)
                };
                members.push((c, sex, year, s));
            } else if head_year + 20 <= YOUNGEST && self.rng.random_bool(0.75) {
                // Adult child living at home.
                let year = (head_year + self.rng.random_range(20..=40)).min(YOUNGEST);
                let sex = self.sex();
                members.push((community, sex, year, surname.clone()));
            } else {
                // Parent or sibling.
                let year = if head_year - 20 >= OLDEST && self.rng.random_bool(0.5) {
                    (head_year - self.rng.random_range(20..=35)).max(OLDEST)
                } else {
                    (head_year + self.rng.random_range(-10..=10)).clamp(OLDEST, YOUNGEST)
                };
                let sex = self.sex();
                members.push((community, sex, year, surname.clone()));
            }
        }

        for (community, sex, year, surname) in members {
            // Households often give one landline to the registrar.
            let phone = match phone {
                Some(p) if !roommates && self.rng.random_bool(0.5) => Some(p),
                _ => self.maybe_phone(city),
            };
            let record = self.person(&addr, community, sex, year, &surname, phone);
            self.queue.push_back(record);
        }
    }

    fn community(&mut self, city: &CityModel) -> Community {
        self.model.pools[city.communities.sample(&mut self.rng)]
            .def
            .community
    }

    fn sex(&mut self) -> Sex {
        if self.rng.random_bool(0.5) {
            Sex::M
        } else {
            Sex::F
        }
    }

    fn surname(&mut self, community: Community) -> Surname {
        let pool = &self.model.pools[community as usize];
        let base = pick(&mut self.rng, &pool.family);
        let mut latin = Cow::Borrowed(base.latin);
        if community == Community::Spanish {
            // Paternal + maternal surname, spaced or hyphenated.
            let r: f64 = self.rng.random();
            if r < 0.18 {
                let second = pick(&mut self.rng, &pool.family).latin;
                let sep = if r < 0.03 { "-" } else { " " };
                latin = Cow::Owned(format!("{latin}{sep}{second}"));
            }
        }
        Surname {
            latin,
            native: base.native,
            community,
            base,
        }
    }

    fn maybe_phone(&mut self, city: &CityModel) -> Option<Phone> {
        if !self.rng.random_bool(0.6) {
            return None;
        }
        Some(Phone {
            area: pick(&mut self.rng, city.def.area_codes),
            // 555-0100..555-0199 is the block reserved for fiction.
            line: self.rng.random_range(0..100),
            style: 0,
        })
    }

    fn person(
        &mut self,
        addr: &Arc<Address>,
        community: Community,
        sex: Sex,
        birth_year: i32,
        surname: &Surname,
        phone: Option<Phone>,
    ) -> Record {
        let model = self.model;
        let pool = &model.pools[community as usize];
        let english = &model.pools[Community::English as usize];
        let rng = &mut self.rng;

        // Voters born here are likelier to carry an English given name and to
        // want English materials.
        let young = birth_year >= 1985;
        let anglicized = match community {
            Community::English => false,
            Community::Spanish => rng.random_bool(if young { 0.25 } else { 0.06 }),
            Community::Tagalog => rng.random_bool(if young { 0.2 } else { 0.05 }),
            _ => rng.random_bool(if young { 0.35 } else { 0.07 }),
        };
        let given_pool = if anglicized { english } else { pool };
        let given = pick(
            rng,
            if sex == Sex::M {
                &given_pool.male
            } else {
                &given_pool.female
            },
        );

        let mut family_latin = surname.latin.clone();
        let mut family_native = Cow::Borrowed(surname.native);
        if surname.community == Community::Russian && sex == Sex::F {
            let (latin, native) = names::russian_feminine(surname.base);
            (family_latin, family_native) = (Cow::Owned(latin), Cow::Owned(native));
        }

        // Middle names follow each community's own convention.
        let mut middle = Name {
            latin: "",
            native: "",
        };
        let mut middle_in_native = false;
        match community {
            Community::English => {
                let r: f64 = rng.random();
                if r < 0.55 {
                    middle = pick_other(
                        rng,
                        if sex == Sex::M {
                            &english.male
                        } else {
                            &english.female
                        },
                        given,
                    );
                } else if r < 0.65 {
                    const INITIALS: [&str; 12] =
                        ["A", "B", "C", "D", "E", "J", "L", "M", "R", "S", "T", "W"];
                    middle.latin = INITIALS[rng.random_range(0..INITIALS.len())];
                }
            }
            Community::Spanish if rng.random_bool(0.4) => {
                middle = pick_other(
                    rng,
                    if sex == Sex::M {
                        &pool.male
                    } else {
                        &pool.female
                    },
                    given,
                );
            }
            // Filipino middle name: the mother's maiden surname.
            Community::Tagalog if rng.random_bool(0.7) => middle = pick(rng, &pool.family),
            Community::Vietnamese if rng.random_bool(0.85) => {
                let m = pick(
                    rng,
                    if sex == Sex::M {
                        names::VI_MIDDLE_M
                    } else {
                        names::VI_MIDDLE_F
                    },
                );
                middle = Name {
                    latin: m,
                    native: m,
                };
                middle_in_native = true;
            }
            Community::Punjabi => {
                let sikh = if sex == Sex::M { SINGH } else { KAUR };
                if rng.random_bool(0.35) {
                    // Singh/Kaur as the family name itself.
                    family_latin = Cow::Borrowed(sikh.latin);
                    family_native = Cow::Borrowed(sikh.native);
                } else {
                    middle = sikh;
                    middle_in_native = true;
                }
            }
            // Arabic: the father's name in the middle.
            Community::Arabic if rng.random_bool(0.3) => {
                middle = pick(rng, &pool.male);
                middle_in_native = true;
            }
            Community::Hindi if sex == Sex::M && rng.random_bool(0.15) => {
                middle = Name {
                    latin: "Kumar",
                    native: "कुमार",
                };
                middle_in_native = true;
            }
            _ => {}
        }

        let native_name = if !anglicized
            && pool.has_native()
            && surname.community == community
            && rng.random_bool(0.9)
        {
            let mid = if middle_in_native { middle.native } else { "" };
            native_full_name(pool.def.script, &family_native, mid, given.native)
        } else {
            String::new()
        };

        let prefers = pool.def.prefers_native
            * if anglicized { 0.15 } else { 1.0 }
            * match birth_year {
                ..1960 => 1.5,
                1960..1985 => 1.0,
                _ => 0.5,
            };
        let language = if rng.random_bool(prefers.min(0.95)) {
            pool.def.tag
        } else {
            ""
        };

        let name_suffix = if sex == Sex::M
            && matches!(community, Community::English | Community::Spanish)
            && rng.random_bool(0.04)
        {
            ["JR", "JR", "JR", "SR", "II", "III", "IV"][rng.random_range(0..7)]
        } else {
            ""
        };

        let gender = match rng.random_range(0..1000) {
            0..25 => "U",
            25..40 => "",
            _ if sex == Sex::M => "M",
            _ => "F",
        };

        let birth_month = rng.random_range(1..=12);
        let birth_day = rng.random_range(1..=days_in_month(birth_year, birth_month));

        let party = match rng.random_range(0..1000) {
            0..460 => "DEM",
            460..700 => "REP",
            700..930 => "NPP",
            930..965 => "AIP",
            965..980 => "LIB",
            980..990 => "GRN",
            _ => "PF",
        };

        // Each person keys even a shared number in their own way.
        let phone = phone.map(|p| Phone {
            style: rng.random_range(0..5),
            ..p
        });

        let email = if rng.random_bool(0.3) {
            email(rng, given.latin, &family_latin, birth_year)
        } else {
            String::new()
        };

        let reg_year = rng.random_range((birth_year + 18).max(1972)..=REFERENCE_YEAR);
        let reg_month = rng.random_range(1..=12);
        let registered = (
            reg_year,
            reg_month,
            rng.random_range(1..=days_in_month(reg_year, reg_month)),
        );
        let status = match rng.random_range(0..100) {
            0..90 => Status::Active,
            90..98 => Status::Inactive,
            _ => Status::Temporary,
        };

        let (race, ethnic) = race_ethnic(rng, community);
        let native_born = anglicized || community == Community::English || birth_year >= 1990;
        let birth_state = if native_born {
            const STATES: [&str; 8] = ["CA", "CA", "CA", "CA", "CA", "NY", "TX", "WA"];
            STATES[rng.random_range(0..STATES.len())]
        } else {
            ""
        };
        let drivers_lic = rng.random_bool(0.85);
        let keep_diacritics = rng.random_bool(0.7);
        let mail = match rng.random_range(0..100) {
            0..82 => Mail::SameAsResidence,
            82..88 => Mail::PoBox(rng.random_range(1..9999)),
            _ => Mail::Missing,
        };

        let index = self.next_index;
        self.next_index += 1;
        Record {
            index,
            addr: Arc::clone(addr),
            given: given.latin,
            middle: middle.latin,
            family: family_latin,
            native: native_name,
            name_suffix,
            birth_year,
            birth_month,
            birth_day,
            gender,
            party,
            language,
            phone,
            email,
            registered,
            status,
            race,
            ethnic,
            birth_state,
            drivers_lic,
            keep_diacritics,
            mail,
        }
    }
}

impl Iterator for Generator {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while self.queue.is_empty() {
            self.building();
        }
        self.queue.pop_front()
    }
}

fn pick<T: Copy>(rng: &mut ChaCha8Rng, items: &[T]) -> T {
    items[rng.random_range(0..items.len())]
}

/// A second given name, never a repeat of the first ("José José").
fn pick_other(rng: &mut ChaCha8Rng, names: &[Name], first: Name) -> Name {
    loop {
        let n = pick(rng, names);
        if n.latin != first.latin {
            return n;
        }
    }
}

fn pick_dir(rng: &mut ChaCha8Rng, dirs: &'static str) -> &'static str {
    if dirs.is_empty() {
        ""
    } else {
        let i = rng.random_range(0..dirs.len());
        &dirs[i..=i]
    }
}

fn house_number(rng: &mut ChaCha8Rng) -> u32 {
    match rng.random_range(0..100) {
        0..3 => rng.random_range(1..100),
        3..28 => rng.random_range(100..1000),
        28..83 => rng.random_range(1000..10_000),
        _ => rng.random_range(10_000..25_000),
    }
}

/// Picks a unit-numbering scheme for a building and distinct units in it.
fn apartment_units(rng: &mut ChaCha8Rng) -> (&'static str, Vec<String>) {
    let households = rng.random_range(2..=6);
    let unit_type = ["APT", "APT", "APT", "UNIT", "#"][rng.random_range(0..5)];
    let style = rng.random_range(0..4);
    let mut units: Vec<String> = Vec::with_capacity(households);
    while units.len() < households {
        let label = match style {
            0 => rng.random_range(1..=40).to_string(),
            1 => format!("{}{:02}", rng.random_range(1..=4), rng.random_range(1..=12)),
            2 => format!(
                "{}{}",
                rng.random_range(1..=4),
                ["A", "B", "C", "D"][rng.random_range(0..4)]
            ),
            _ => ["A", "B", "C", "D", "E", "F"][rng.random_range(0..6)].to_string(),
        };
        // Letter-only buildings are small; stop rather than loop forever.
        if units.contains(&label) {
            if style == 3 && units.len() >= 2 {
                break;
            }
            continue;
        }
        units.push(label);
    }
    (unit_type, units)
}

fn takes_spouse_name(community: Community) -> f64 {
    match community {
        // Women in these communities traditionally keep their own surname.
        Community::Vietnamese | Community::Mandarin | Community::Cantonese | Community::Korean => {
            0.25
        }
        Community::Spanish => 0.5,
        Community::English | Community::Tagalog => 0.8,
        _ => 0.6,
    }
}

fn native_full_name(script: NativeScript, family: &str, middle: &str, given: &str) -> String {
    let mut out = String::with_capacity(family.len() + middle.len() + given.len() + 2);
    let mut push = |part: &str, sep: &str| {
        if !part.is_empty() {
            if !out.is_empty() {
                out.push_str(sep);
            }
            out.push_str(part);
        }
    };
    match script {
        NativeScript::None => {}
        NativeScript::LatinFamilyFirst => {
            push(family, " ");
            push(middle, " ");
            push(given, " ");
        }
        NativeScript::FamilyFirst(sep) => {
            push(family, sep);
            push(middle, sep);
            push(given, sep);
        }
        NativeScript::GivenFirst => {
            push(given, " ");
            push(middle, " ");
            push(family, " ");
        }
    }
    out
}

fn email(rng: &mut ChaCha8Rng, given: &str, family: &str, birth_year: i32) -> String {
    let clean = |s: &str| -> String {
        deunicode(s)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let (g, f) = (clean(given), clean(family));
    let initial = g.chars().next().unwrap_or('x');
    let local = match rng.random_range(0..5) {
        0 => format!("{g}.{f}"),
        1 => format!("{initial}{f}{}", rng.random_range(1..100)),
        2 => format!("{g}{f}{:02}", birth_year % 100),
        3 => format!("{f}.{g}"),
        _ => format!("{g}_{}", rng.random_range(100..1000)),
    };
    let domain = if rng.random_bool(0.7) {
        "example.com"
    } else {
        "example.org"
    };
    format!("{local}@{domain}")
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// ncvoter race and ethnicity codes, loosely by community.
fn race_ethnic(rng: &mut ChaCha8Rng, community: Community) -> (&'static str, &'static str) {
    use Community::*;
    let r = rng.random_range(0..100);
    match community {
        Spanish => (
            match r {
                0..50 => "W",
                50..85 => "O",
                _ => "U",
            },
            if r % 10 == 0 { "UN" } else { "HL" },
        ),
        Armenian | Persian | Arabic | Russian => (
            match r {
                0..80 => "W",
                80..90 => "O",
                _ => "U",
            },
            if r % 7 == 0 { "UN" } else { "NL" },
        ),
        English => (
            match r {
                0..60 => "W",
                60..75 => "B",
                75..80 => "M",
                80..84 => "O",
                84..85 => "I",
                85..86 => "P",
                _ => "U",
            },
            if r % 5 == 0 { "UN" } else { "NL" },
        ),
        _ => (
            if r < 90 { "A" } else { "U" },
            if r % 6 == 0 { "UN" } else { "NL" },
        ),
    }
}
