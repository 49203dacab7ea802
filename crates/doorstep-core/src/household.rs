//! Households: a door, and the people who live behind it.
//!
//! What is true of a household wherever it is held:
//! - People live at the same door when their addresses give the same
//!   [`key`] (`address::household_key`: the normalized street line, unit
//!   and five-digit ZIP); an import groups its rows into households by it,
//!   and one organization holds one household per key.
//! - A door added at the door (a walk-in at a new address) is checked by
//!   [`check_new`] on the device and again at the endpoint, like a new
//!   person (`person::check_new`, which calls it).
//! - At the endpoint a committed household never changes organization and
//!   is never removed.
//! - On a device a door is done when someone who lives there now, or the
//!   door as a whole, has an attempt on the list (the `door_attempts` view).
//!
//! Where the rest lives: parsing an address (`address`), a household's rows
//! and search entries (`records`, re-exported here as [`load`] and
//! [`upsert`]), the order doors are walked (`walk`).

use crate::attempt::{EntryError, Rule, text};
use crate::domain::Household;

pub use crate::address::household_key as key;
pub use crate::records::{load_household as load, upsert_household as upsert};

/// Each part of an address (street, unit, city, …) typed at a door.
pub const MAX_ADDRESS_CHARS: usize = 200;
pub const MAX_PRECINCT_CHARS: usize = 64;

/// Checks a household a device adds: each part of its address and its
/// precinct held to a size, its coordinates on the globe. Errors name the
/// field, never the value.
pub fn check_new(h: &Household) -> Result<(), EntryError> {
    let a = &h.address;
    for (field, part) in [
        ("household.house_number", &a.house_number),
        ("household.fraction", &a.fraction),
        ("household.street", &a.street),
        ("household.unit", &a.unit),
        ("household.city", &a.city),
        ("household.state", &a.state),
        ("household.zip", &a.zip),
    ] {
        text(field, part, MAX_ADDRESS_CHARS)?;
    }
    text("household.precinct", &h.precinct, MAX_PRECINCT_CHARS)?;
    if h.latitude.is_some_and(|l| !(-90.0..=90.0).contains(&l)) {
        return Err(EntryError::new("household.latitude", Rule::Expected("between -90 and 90")));
    }
    if h.longitude.is_some_and(|l| !(-180.0..=180.0).contains(&l)) {
        return Err(EntryError::new("household.longitude", Rule::Expected("between -180 and 180")));
    }
    Ok(())
}
