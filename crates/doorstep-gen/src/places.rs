//! California cities, their ZIP codes, area codes and street pools.
//!
//! Cities are real and ZIP/area codes are ones that actually serve them, so
//! an address "looks right" to a volunteer from the area; house numbers are
//! random, so no generated address is anybody's on purpose. Each city also
//! carries the communities that are over-represented there (Little Saigon,
//! Little Armenia, Cambodia Town...), which is what makes turf cutting and
//! language routing worth testing.

use crate::names::Community::{self, *};

pub(crate) struct City {
    pub name: &'static str,
    /// Precinct prefix, e.g. "LA" in "LA-0412".
    pub code: &'static str,
    /// California county number (alphabetical, 1 = Alameda) and name.
    pub county: (u8, &'static str),
    pub zips: &'static [&'static str],
    pub area_codes: &'static [&'static str],
    /// Relative share of generated households.
    pub weight: u32,
    /// Congressional, state senate and assembly districts covering the city.
    pub districts: (u8, u8, u8),
    /// `dirs:Name:TYPE` entries separated by `|`; `dirs` lists the
    /// pre-directions the street is signed with ("" for none).
    pub streets: &'static str,
    /// Per-mille added to the statewide community weights in this city.
    pub boosts: &'static [(Community, u32)],
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Street {
    pub dirs: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
}

pub(crate) fn parse_streets(table: &'static str) -> Vec<Street> {
    table
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|entry| {
            let mut parts = entry.split(':');
            let (Some(dirs), Some(name), Some(kind), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                panic!("bad street entry {entry:?}");
            };
            Street { dirs, name, kind }
        })
        .collect()
}

pub(crate) const CITIES: &[City] = &[
    City {
        name: "Los Angeles",
        code: "LA",
        county: (19, "Los Angeles"),
        zips: &[
            "90004", "90005", "90006", "90010", "90019", "90020", "90024", "90025", "90026",
            "90027", "90029", "90031", "90033", "90034", "90035", "90036", "90042", "90057",
            "90063", "90065",
        ],
        area_codes: &["213", "323", "310", "818"],
        weight: 300,
        districts: (34, 26, 54),
        streets: "W:Wilshire:BLVD|EW:Olympic:BLVD|NS:Vermont:AVE|NS:Western:AVE|NS:Normandie:AVE|\
            S:Hoover:ST|W:Sunset:BLVD|NS:Figueroa:ST|NS:Alvarado:ST|W:Beverly:BLVD|W:6th:ST|\
            W:8th:ST|S:Ardmore:AVE|S:Serrano:AVE|S:Kingsley:DR|S:Catalina:ST|:Fountain:AVE|\
            :Veteran:AVE|:Kelton:AVE|:Midvale:AVE|W:Pico:BLVD|S:Sepulveda:BLVD|NS:Soto:ST|\
            E:Cesar E Chavez:AVE|E:Whittier:BLVD|:York:BLVD|:Colorado:BLVD|N:Avenue 50:|\
            :Hollywood:BLVD|:Lemon Grove:AVE|:Echo Park:AVE|:Griffith Park:BLVD|:Los Feliz:BLVD|\
            :Oak Hill:DR|:Mount Washington:DR|:Eagle Rock:BLVD",
        boosts: &[
            (Spanish, 80),
            (Korean, 35),
            (Armenian, 25),
            (Persian, 25),
            (Thai, 10),
            (Tagalog, 15),
            (Russian, 10),
            (Japanese, 10),
        ],
    },
    City {
        name: "San Diego",
        code: "SD",
        county: (37, "San Diego"),
        zips: &[
            "92101", "92104", "92105", "92111", "92115", "92123", "92126", "92129",
        ],
        area_codes: &["619", "858"],
        weight: 100,
        districts: (51, 39, 78),
        streets: ":University:AVE|:El Cajon:BLVD|:Euclid:AVE|:Fairmount:AVE|:Mira Mesa:BLVD|\
            :Black Mountain:RD|:Convoy:ST|:Clairemont Mesa:BLVD|:Park:BLVD|:30th:ST|:Adams:AVE|\
            :Camino Ruiz:|:Westview:PKWY|:Linda Vista:RD",
        boosts: &[(Spanish, 50), (Tagalog, 40), (Vietnamese, 20), (Arabic, 10)],
    },
    City {
        name: "San Jose",
        code: "SJ",
        county: (43, "Santa Clara"),
        zips: &[
            "95111", "95112", "95116", "95121", "95122", "95123", "95124", "95125", "95127",
            "95131", "95132", "95133", "95136", "95148",
        ],
        area_codes: &["408", "669"],
        weight: 80,
        districts: (18, 15, 25),
        streets: ":Story:RD|:Tully:RD|NS:King:RD|:Senter:RD|:McLaughlin:AVE|:Quimby:RD|\
            :Aborn:RD|NS:White:RD|:Alum Rock:AVE|EW:Santa Clara:ST|:Meridian:AVE|\
            :Blossom Hill:RD|:Branham:LN|:Hillsdale:AVE|:Monterey:RD|EW:Julian:ST|NS:10th:ST|\
            :Berryessa:RD|:Lundy:AVE|:Capitol:EXPY",
        boosts: &[
            (Vietnamese, 120),
            (Mandarin, 40),
            (Hindi, 40),
            (Punjabi, 20),
            (Tagalog, 30),
        ],
    },
    City {
        name: "San Francisco",
        code: "SF",
        county: (38, "San Francisco"),
        zips: &[
            "94102", "94103", "94108", "94109", "94110", "94112", "94115", "94116", "94118",
            "94121", "94122", "94124", "94133", "94134",
        ],
        area_codes: &["415", "628"],
        weight: 70,
        districts: (11, 11, 17),
        streets: ":Mission:ST|:Valencia:ST|:Geary:BLVD|:Clement:ST|:Irving:ST|:Noriega:ST|\
            :Taraval:ST|:Stockton:ST|:Grant:AVE|:Powell:ST|:Jackson:ST|:Clay:ST|:24th:ST|\
            :Folsom:ST|:Judah:ST|:Ocean:AVE|:San Bruno:AVE|:Leland:AVE|:Geneva:AVE|:Balboa:ST|\
            :Post:ST|:Buchanan:ST",
        boosts: &[
            (Cantonese, 180),
            (Mandarin, 40),
            (Russian, 25),
            (Tagalog, 30),
            (Japanese, 10),
        ],
    },
    City {
        name: "Fresno",
        code: "FR",
        county: (10, "Fresno"),
        zips: &[
            "93701", "93702", "93703", "93704", "93705", "93706", "93710", "93711", "93722",
            "93726", "93727", "93728",
        ],
        area_codes: &["559"],
        weight: 40,
        districts: (21, 14, 31),
        streets: "N:Blackstone:AVE|EW:Shields:AVE|E:Ventura:AVE|E:Kings Canyon:RD|\
            EW:Belmont:AVE|NS:Cedar:AVE|N:Chestnut:AVE|EW:Clinton:AVE|EW:Olive:AVE|:Fresno:ST|\
            N:1st:ST|N:Maple:AVE|EW:Dakota:AVE|EW:Ashlan:AVE|E:McKinley:AVE|E:Tulare:AVE",
        boosts: &[
            (Spanish, 60),
            (Hmong, 60),
            (Punjabi, 50),
            (Khmer, 15),
            (Armenian, 30),
        ],
    },
    City {
        name: "Sacramento",
        code: "SAC",
        county: (34, "Sacramento"),
        zips: &[
            "95811", "95814", "95815", "95816", "95817", "95818", "95819", "95820", "95822",
            "95823", "95824", "95825", "95826", "95828", "95831", "95833", "95838",
        ],
        area_codes: &["916", "279"],
        weight: 45,
        districts: (7, 8, 7),
        streets: ":Stockton:BLVD|:Franklin:BLVD|:Florin:RD|:Freeport:BLVD|:Broadway:|:J:ST|\
            :Folsom:BLVD|:Fruitridge:RD|:Mack:RD|:Meadowview:RD|:24th:ST|:Power Inn:RD|\
            :El Camino:AVE|:Del Paso:BLVD|:Northgate:BLVD|:Martin Luther King Jr:BLVD",
        boosts: &[
            (Hmong, 40),
            (Russian, 50),
            (Punjabi, 30),
            (Cantonese, 15),
            (Vietnamese, 15),
        ],
    },
    City {
        name: "Long Beach",
        code: "LB",
        county: (19, "Los Angeles"),
        zips: &[
            "90802", "90804", "90805", "90806", "90807", "90808", "90810", "90813", "90814",
            "90815",
        ],
        area_codes: &["562"],
        weight: 40,
        districts: (42, 33, 69),
        streets: "EW:Anaheim:ST|:Atlantic:AVE|EW:Pacific Coast:HWY|EW:Artesia:BLVD|:Cherry:AVE|\
            :Orange:AVE|:Long Beach:BLVD|:Pine:AVE|:Magnolia:AVE|EW:Willow:ST|EW:Spring:ST|\
            E:7th:ST|:Redondo:AVE|:Ximeno:AVE|EW:Carson:ST|:Gaviota:AVE",
        boosts: &[(Khmer, 70), (Tagalog, 30), (Spanish, 40)],
    },
    City {
        name: "Oakland",
        code: "OAK",
        county: (1, "Alameda"),
        zips: &[
            "94601", "94602", "94603", "94606", "94607", "94609", "94610", "94611", "94612",
            "94619", "94621",
        ],
        area_codes: &["510", "341"],
        weight: 40,
        districts: (12, 7, 18),
        streets: ":International:BLVD|:Foothill:BLVD|:MacArthur:BLVD|:Telegraph:AVE|\
            :Broadway:|:San Pablo:AVE|:Fruitvale:AVE|:14th:AVE|:23rd:AVE|E:12th:ST|:Park:BLVD|\
            :Lakeshore:AVE|:Grand:AVE|:8th:ST|:Webster:ST|:High:ST",
        boosts: &[
            (Spanish, 40),
            (Cantonese, 60),
            (Vietnamese, 20),
            (Arabic, 15),
            (Khmer, 10),
        ],
    },
    City {
        name: "Anaheim",
        code: "ANA",
        county: (30, "Orange"),
        zips: &["92801", "92802", "92804", "92805", "92806", "92807"],
        area_codes: &["714", "657"],
        weight: 30,
        districts: (46, 34, 67),
        streets: "NS:Brookhurst:ST|NS:Euclid:ST|EW:Lincoln:AVE|EW:Ball:RD|:Katella:AVE|\
            EW:La Palma:AVE|NS:Harbor:BLVD|:State College:BLVD|NS:Magnolia:AVE|EW:Broadway:|\
            :Orangewood:AVE|:Gilbert:ST",
        boosts: &[(Arabic, 60), (Spanish, 100), (Vietnamese, 30), (Korean, 30)],
    },
    City {
        name: "Santa Ana",
        code: "SNA",
        county: (30, "Orange"),
        zips: &["92701", "92703", "92704", "92706", "92707"],
        area_codes: &["714", "657"],
        weight: 25,
        districts: (46, 34, 68),
        streets: "NS:Bristol:ST|EW:1st:ST|EW:17th:ST|NS:Main:ST|NS:Harbor:BLVD|NS:Fairview:ST|\
            EW:Edinger:AVE|EW:McFadden:AVE|NS:Raitt:ST|NS:Grand:AVE|EW:Warner:AVE",
        boosts: &[(Spanish, 250), (Vietnamese, 60)],
    },
    City {
        name: "Irvine",
        code: "IRV",
        county: (30, "Orange"),
        zips: &[
            "92602", "92603", "92604", "92606", "92612", "92614", "92617", "92618", "92620",
        ],
        area_codes: &["949"],
        weight: 25,
        districts: (47, 37, 73),
        streets: ":Culver:DR|:Jeffrey:RD|:Yale:AVE|:Harvard:AVE|:Alton:PKWY|:Barranca:PKWY|\
            :Walnut:AVE|:Irvine Center:DR|:University:DR|:Michelson:DR|:Main:ST|:Trabuco:RD|\
            :Portola:PKWY|:Sand Canyon:AVE|:Deerfield:AVE|:Woodbridge:LN",
        boosts: &[
            (Persian, 60),
            (Korean, 60),
            (Mandarin, 80),
            (Hindi, 40),
            (Japanese, 15),
            (Arabic, 15),
        ],
    },
    City {
        name: "Stockton",
        code: "STK",
        county: (39, "San Joaquin"),
        zips: &[
            "95202", "95203", "95204", "95205", "95206", "95207", "95209", "95210", "95212",
            "95215", "95219",
        ],
        area_codes: &["209"],
        weight: 25,
        districts: (9, 5, 13),
        streets: ":Pacific:AVE|:March:LN|:Hammer:LN|NS:El Dorado:ST|S:Airport:WAY|\
            EW:Charter:WAY|EW:Main:ST|NS:Wilson:WAY|:West:LN|EW:Harding:WAY|EW:Fremont:ST|\
            EW:Weber:AVE|EW:Alpine:AVE|:Eight Mile:RD|:Lower Sacramento:RD|:Benjamin Holt:DR",
        boosts: &[
            (Spanish, 70),
            (Khmer, 40),
            (Hmong, 30),
            (Tagalog, 40),
            (Punjabi, 30),
        ],
    },
    City {
        name: "Glendale",
        code: "GLN",
        county: (19, "Los Angeles"),
        zips: &[
            "91201", "91202", "91203", "91204", "91205", "91206", "91207", "91208",
        ],
        area_codes: &["818", "747"],
        weight: 20,
        districts: (30, 25, 44),
        streets: "NS:Brand:BLVD|EW:Glenoaks:BLVD|NS:Central:AVE|EW:Colorado:ST|EW:Broadway:|\
            :Chevy Chase:DR|:Verdugo:RD|NS:Kenwood:ST|NS:Louise:ST|NS:Maryland:AVE|\
            NS:Pacific:AVE|EW:Adams:ST|:Stocker:ST|EW:Wilson:AVE|:Harvard:ST",
        boosts: &[
            (Armenian, 350),
            (Korean, 30),
            (Persian, 30),
            (Tagalog, 30),
            (Russian, 10),
        ],
    },
    City {
        name: "Fremont",
        code: "FRE",
        county: (1, "Alameda"),
        zips: &["94536", "94538", "94539", "94555"],
        area_codes: &["510"],
        weight: 20,
        districts: (14, 10, 24),
        streets: ":Fremont:BLVD|:Mowry:AVE|:Paseo Padre:PKWY|:Mission:BLVD|:Thornton:AVE|\
            :Stevenson:BLVD|:Walnut:AVE|:Decoto:RD|:Peralta:BLVD|:Blacow:RD|:Gallaudet:DR|\
            :Driscoll:RD",
        boosts: &[
            (Hindi, 80),
            (Punjabi, 40),
            (Mandarin, 80),
            (Persian, 30),
            (Tagalog, 20),
        ],
    },
    City {
        name: "Garden Grove",
        code: "GG",
        county: (30, "Orange"),
        zips: &["92840", "92841", "92843", "92844", "92845"],
        area_codes: &["714", "657"],
        weight: 15,
        districts: (45, 34, 70),
        streets: ":Garden Grove:BLVD|:Chapman:AVE|:Euclid:ST|:Harbor:BLVD|:Brookhurst:ST|\
            :Magnolia:ST|:Trask:AVE|:Lampson:AVE|:Westminster:AVE|:Nelson:ST|:Gilbert:ST|\
            :Kerry:ST|:Stanford:AVE",
        boosts: &[(Vietnamese, 250), (Korean, 60), (Spanish, 60), (Arabic, 20)],
    },
    City {
        name: "Elk Grove",
        code: "EG",
        county: (34, "Sacramento"),
        zips: &["95624", "95757", "95758"],
        area_codes: &["916", "279"],
        weight: 15,
        districts: (6, 6, 10),
        streets: ":Elk Grove:BLVD|:Laguna:BLVD|:Bruceville:RD|:Franklin:BLVD|:Bond:RD|\
            :Calvine:RD|:Sheldon:RD|:Waterman:RD|:Big Horn:BLVD|:Poppy Ridge:RD|:Kapalua:LN|\
            :Mendocino:CT|:Amber Hill:PL",
        boosts: &[
            (Punjabi, 60),
            (Hmong, 30),
            (Tagalog, 40),
            (Cantonese, 20),
            (Vietnamese, 20),
        ],
    },
    City {
        name: "Westminster",
        code: "WM",
        county: (30, "Orange"),
        zips: &["92683"],
        area_codes: &["714", "657"],
        weight: 8,
        districts: (45, 36, 70),
        streets: ":Bolsa:AVE|:Brookhurst:ST|:Magnolia:ST|:Beach:BLVD|:Westminster:BLVD|\
            :Hazard:AVE|:McFadden:AVE|:Edinger:AVE|:Goldenwest:ST|:Newland:ST|:Bushard:ST|\
            :Ward:ST|:Moran:ST|:Trask:AVE|:Willow:LN|:Hoover:ST",
        boosts: &[(Vietnamese, 400)],
    },
    City {
        name: "Daly City",
        code: "DC",
        county: (41, "San Mateo"),
        zips: &["94014", "94015"],
        area_codes: &["650"],
        weight: 9,
        districts: (15, 11, 19),
        streets: ":Mission:ST|:Geneva:AVE|:Skyline:BLVD|:Southgate:AVE|:Westlake:AVE|\
            :Serramonte:BLVD|:Hillside:BLVD|:San Pedro:RD|:Callan:BLVD|:Saint Francis:BLVD",
        boosts: &[(Tagalog, 250), (Cantonese, 60)],
    },
    City {
        name: "Alhambra",
        code: "ALH",
        county: (19, "Los Angeles"),
        zips: &["91801", "91803"],
        area_codes: &["626"],
        weight: 8,
        districts: (28, 22, 49),
        streets: "EW:Main:ST|EW:Valley:BLVD|NS:Garfield:AVE|NS:Atlantic:BLVD|:Garvey:AVE|\
            NS:Fremont:AVE|:Mission:RD|NS:Marengo:AVE|EW:Hellman:AVE|EW:Commonwealth:AVE|\
            NS:Chapel:AVE|NS:Date:AVE",
        boosts: &[
            (Mandarin, 150),
            (Cantonese, 120),
            (Vietnamese, 40),
            (Spanish, 60),
        ],
    },
    City {
        name: "Monterey Park",
        code: "MPK",
        county: (19, "Los Angeles"),
        zips: &["91754", "91755"],
        area_codes: &["626"],
        weight: 6,
        districts: (28, 22, 49),
        streets: "EW:Garvey:AVE|NS:Atlantic:BLVD|NS:Garfield:AVE|:Monterey Pass:RD|\
            :Potrero Grande:DR|:Riggin:ST|:Emerson:AVE|NS:Lincoln:AVE|:Ramona:RD|NS:New:AVE|\
            :Sierra Vista:AVE",
        boosts: &[
            (Mandarin, 180),
            (Cantonese, 120),
            (Japanese, 30),
            (Spanish, 60),
        ],
    },
    City {
        name: "El Cajon",
        code: "ELC",
        county: (37, "San Diego"),
        zips: &["92019", "92020", "92021"],
        area_codes: &["619"],
        weight: 9,
        districts: (48, 40, 75),
        streets: "EW:Main:ST|NS:Magnolia:AVE|:Broadway:|EW:Madison:AVE|EW:Chase:AVE|\
            NS:Mollison:AVE|:Jamacha:RD|EW:Washington:AVE|EW:Lexington:AVE|:Greenfield:DR",
        boosts: &[(Arabic, 220), (Persian, 20), (Spanish, 40)],
    },
    City {
        name: "Yuba City",
        code: "YC",
        county: (51, "Sutter"),
        zips: &["95991", "95993"],
        area_codes: &["530"],
        weight: 6,
        districts: (1, 4, 3),
        streets: ":Bridge:ST|:Plumas:ST|:Franklin:RD|:Live Oak:BLVD|:Gray:AVE|:Walton:AVE|\
            :Tierra Buena:RD|:Clark:AVE|:Butte House:RD|:Lincoln:RD",
        boosts: &[(Punjabi, 250), (Hindi, 40), (Spanish, 60)],
    },
    City {
        name: "West Hollywood",
        code: "WH",
        county: (19, "Los Angeles"),
        zips: &["90046", "90048", "90069"],
        area_codes: &["323", "310"],
        weight: 5,
        districts: (32, 24, 51),
        streets: ":Santa Monica:BLVD|:Fountain:AVE|:Sunset:BLVD|N:Havenhurst:DR|N:Kings:RD|\
            N:Sweetzer:AVE|N:Crescent Heights:BLVD|N:Formosa:AVE|N:Gardner:ST|:Romaine:ST",
        boosts: &[(Russian, 150)],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streets_parse_and_zips_are_california() {
        for city in CITIES {
            let streets = parse_streets(city.streets);
            assert!(streets.len() >= 8, "{}", city.name);
            for s in &streets {
                assert!(s.dirs.chars().all(|c| "NSEW".contains(c)), "{}", s.name);
            }
            for zip in city.zips {
                assert_eq!(zip.len(), 5);
                // California ZIPs run 90000-96199.
                assert!(("90000".."96200").contains(zip), "{zip}");
            }
        }
    }
}
