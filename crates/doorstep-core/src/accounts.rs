//! Users, their roles and device tokens.
//!
//! An organizer makes a one-time pairing code for a person
//! ([`crate::pairing`], re-exported here); a device redeems it for a token
//! ([`redeem_pairing_code`]). Neither is stored as itself: a token is 256
//! random bits, so its SHA-256 hash is enough; a code is kept as an HMAC
//! under the pairing key.

use crate::domain::new_id;
use crate::error::{Error, Result};
use crate::store::now_text;
use crate::sync::proto::UserInfo;
pub use crate::pairing::{
    PAIRING_KEY_FILE, PAIRING_TTL, PairingCode, PairingKey, make_pairing_code, normalize_code, parse_pairing_input, qr_payload,
};
use base64::Engine;
use rand::RngCore;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub const ROLES: &[&str] = &["admin", "organizer", "canvasser", "phone_banker"];

/// For device tokens only: they are 256 random bits, so no one can guess
/// one back from its hash. Pairing codes use [`PairingKey`].
pub fn hash_secret(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: Uuid,
    pub org_id: Uuid,
    pub name: String,
    pub role: String,
    pub languages: Vec<String>,
}

impl User {
    pub fn info(&self) -> UserInfo {
        UserInfo { id: self.id, name: self.name.clone(), role: self.role.clone(), languages: self.languages.clone() }
    }
}

pub fn add_user(conn: &Connection, org: Uuid, name: &str, role: &str, languages: &[String]) -> Result<User> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::Invalid("a user needs a name".into()));
    }
    if !ROLES.contains(&role) {
        return Err(Error::Invalid(format!("unknown role {role:?}; expected one of {}", ROLES.join(", "))));
    }
    let mut tags = Vec::new();
    for l in languages {
        match crate::lang::normalize(l) {
            Ok(Some(tag)) => tags.push(tag),
            Ok(None) => {}
            Err(e) => return Err(Error::Invalid(e)),
        }
    }
    let user = User { id: new_id(), org_id: org, name: name.to_owned(), role: role.to_owned(), languages: tags };
    conn.execute(
        "INSERT INTO users(id, org_id, name, role, languages, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![user.id, org, user.name, user.role, serde_json::to_string(&user.languages).expect("strings"), now_text()],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
            Error::Invalid(format!("a user named {name:?} already exists"))
        }
        e => e.into(),
    })?;
    Ok(user)
}

fn user_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: r.get(0)?,
        org_id: r.get(1)?,
        name: r.get(2)?,
        role: r.get(3)?,
        languages: serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default(),
    })
}

/// Finds a user of `org` by id or name.
pub fn resolve_user(conn: &Connection, org: Uuid, key: &str) -> Result<User> {
    let by_id = Uuid::parse_str(key).ok();
    conn.query_row(
        "SELECT id, org_id, name, role, languages FROM users WHERE org_id = ?1 AND (id = ?2 OR name = ?3)",
        params![org, by_id, key],
        user_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound { what: "user", key: key.to_owned() })
}

pub fn user(conn: &Connection, id: Uuid) -> Result<User> {
    conn.query_row("SELECT id, org_id, name, role, languages FROM users WHERE id = ?1", [id], user_from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound { what: "user", key: id.to_string() })
}

#[derive(Debug, Clone)]
pub struct Redeemed {
    pub device_id: Uuid,
    pub token: String,
    pub user: User,
}

/// Trades a pairing code for a new device and its token, once. The key is
/// read from beside the store each time, so a key the CLI made after the
/// endpoint started is the one used.
pub fn redeem_pairing_code(conn: &mut Connection, code: &str) -> Result<Redeemed> {
    let hash = PairingKey::beside(conn)?.hash_code(code);
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let found: Option<(Uuid, Uuid, String, Option<String>)> = tx
        .query_row(
            "SELECT org_id, user_id, expires_at, redeemed_at FROM pairing_codes WHERE code_hash = ?1",
            [&hash],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let unknown = || Error::Invalid("this pairing code is not valid: it may be mistyped, used already or expired".into());
    let Some((org, user_id, expires, redeemed)) = found else { return Err(unknown()) };
    let expired = chrono::DateTime::parse_from_rfc3339(&expires).map(|e| e < chrono::Utc::now()).unwrap_or(true);
    if redeemed.is_some() || expired {
        return Err(unknown());
    }
    let mut secret = [0u8; 32];
    rand::rng().fill_bytes(&mut secret);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret);
    let device_id = new_id();
    tx.execute("UPDATE pairing_codes SET redeemed_at = ?2 WHERE code_hash = ?1", params![hash, now_text()])?;
    tx.execute(
        "INSERT INTO devices(id, org_id, user_id, token_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![device_id, org, user_id, hash_secret(&token), now_text()],
    )?;
    let user = user(&tx, user_id)?;
    tx.commit()?;
    Ok(Redeemed { device_id, token, user })
}

#[derive(Debug, Clone)]
pub struct DeviceAuth {
    pub device_id: Uuid,
    pub org_id: Uuid,
    pub user_id: Uuid,
    /// The user's role now, not at pairing: a demoted organizer's phone
    /// loses the organizer's reach at its next request.
    pub role: String,
}

impl DeviceAuth {
    /// Organizers and admins write to anyone in their organization; a
    /// canvasser or phone banker only to the people on their lists and the
    /// people they added.
    pub fn writes_anywhere(&self) -> bool {
        matches!(self.role.as_str(), "admin" | "organizer")
    }
}

/// A token unused for this long stops working: a phone lost in a drawer
/// should not still open the voter file next year.
pub const TOKEN_IDLE_LIMIT: chrono::Duration = chrono::Duration::days(120);

/// Why a bearer token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Unknown,
    Revoked,
    Expired,
}

impl Refused {
    pub fn message(self) -> &'static str {
        match self {
            Refused::Unknown => "the token is unknown; pair this device again",
            Refused::Revoked => "this device was revoked by the organization; pair it again",
            Refused::Expired => "the token expired after months without a sync; pair this device again",
        }
    }
}

/// The device a bearer token belongs to, unless unknown, revoked or expired.
pub fn authenticate(conn: &Connection, token: &str) -> Result<std::result::Result<DeviceAuth, Refused>> {
    let found: Option<(DeviceAuth, Option<String>, String, Option<String>)> = conn
        .prepare_cached(
            "SELECT d.id, d.org_id, d.user_id, d.revoked_at, d.created_at, d.last_seen_at, u.role
             FROM devices d JOIN users u ON u.id = d.user_id WHERE d.token_hash = ?1",
        )?
        .query_row([hash_secret(token)], |r| {
            Ok((DeviceAuth { device_id: r.get(0)?, org_id: r.get(1)?, user_id: r.get(2)?, role: r.get(6)? }, r.get(3)?, r.get(4)?, r.get(5)?))
        })
        .optional()?;
    let Some((auth, revoked, created, seen)) = found else { return Ok(Err(Refused::Unknown)) };
    if revoked.is_some() {
        return Ok(Err(Refused::Revoked));
    }
    let last = seen.unwrap_or(created);
    let idle = chrono::DateTime::parse_from_rfc3339(&last).map(|t| chrono::Utc::now() - t.to_utc()).unwrap_or(chrono::Duration::MAX);
    if idle > TOKEN_IDLE_LIMIT {
        return Ok(Err(Refused::Expired));
    }
    Ok(Ok(auth))
}

pub fn revoke_device(conn: &Connection, org: Uuid, device: Uuid) -> Result<()> {
    let n = conn.execute(
        "UPDATE devices SET revoked_at = coalesce(revoked_at, ?3) WHERE id = ?1 AND org_id = ?2",
        params![device, org, now_text()],
    )?;
    if n == 0 {
        return Err(Error::NotFound { what: "device", key: device.to_string() });
    }
    Ok(())
}

pub fn assign_list(conn: &Connection, list: Uuid, user: Uuid) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO list_assignments(list_id, user_id, assigned_at) VALUES (?1, ?2, ?3)",
        params![list, user, now_text()],
    )?;
    Ok(())
}

pub fn unassign_list(conn: &Connection, list: Uuid, user: Uuid) -> Result<()> {
    let n = conn.execute("DELETE FROM list_assignments WHERE list_id = ?1 AND user_id = ?2", params![list, user])?;
    if n > 0 {
        // Results of the shift just walked may still be on the phone.
        conn.execute(
            "INSERT INTO list_assignments_ended(list_id, user_id, ended_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(list_id, user_id) DO UPDATE SET ended_at = excluded.ended_at",
            params![list, user, now_text()],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_forgive_typing() {
        assert_eq!(normalize_code("k7qf-3m9x"), "K7QF3M9X");
        assert_eq!(normalize_code("O1L0 ab"), "0110AB");
    }

    #[test]
    fn codes_are_stored_under_the_key_beside_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::store::Store::open(&dir.path().join("doorstep.db")).unwrap();
        let org = store.create_org("Org").unwrap();
        let user = add_user(store.conn(), org.id, "Mai", "canvasser", &[]).unwrap();
        let made = make_pairing_code(store.conn(), org.id, user.id, None).unwrap();

        let key_file = dir.path().join(PAIRING_KEY_FILE);
        assert_eq!(std::fs::read(&key_file).unwrap().len(), 32);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let stored: Vec<u8> = store.conn().query_row("SELECT code_hash FROM pairing_codes", [], |r| r.get(0)).unwrap();
        assert_ne!(stored, hash_secret(&normalize_code(&made.code)), "not the plain SHA-256 of the code");
        assert_eq!(stored, PairingKey::in_dir(dir.path()).unwrap().hash_code(&made.code));

        // Typed in lower case: still the same code, and only once.
        redeem_pairing_code(store.conn_mut(), &made.code.to_lowercase()).unwrap();
        assert!(matches!(redeem_pairing_code(store.conn_mut(), &made.code), Err(Error::Invalid(_))));

        // Another key (a copy of the database elsewhere) matches nothing.
        let other = tempfile::tempdir().unwrap();
        assert_ne!(PairingKey::in_dir(other.path()).unwrap().hash_code(&made.code), stored);
    }

    #[test]
    fn a_damaged_key_is_refused_naming_its_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(PAIRING_KEY_FILE), b"short").unwrap();
        let err = PairingKey::in_dir(dir.path()).unwrap_err().to_string();
        assert!(err.contains(PAIRING_KEY_FILE) && err.contains("32 bytes"), "{err}");
    }

    #[test]
    fn qr_payload_round_trips() {
        let parse = |s: &str| parse_pairing_input(s).unwrap();
        let p = qr_payload("https://door.example.org:8443/x", "K7QF-3M9X");
        assert_eq!(parse(&p), (Some("https://door.example.org:8443/x".into()), "K7QF-3M9X".into()));
        assert_eq!(parse(" K7QF-3M9X "), (None, "K7QF-3M9X".into()));

        // An endpoint behind a path, with its own query and characters that
        // mean something in ours (&, =, +, #, space, non-ASCII).
        let odd = "https://door.example.org:8443/a b/é?x=1&code=NOPE+2#frag";
        let p = qr_payload(odd, "K7QF-3M9X");
        assert!(!p.contains(' ') && !p.contains('#'), "{p}");
        assert_eq!(parse(&p), (Some(odd.into()), "K7QF-3M9X".into()));
        assert_eq!(parse(&qr_payload("http://127.0.0.1:3000", "AB12-CD34")), (Some("http://127.0.0.1:3000".into()), "AB12-CD34".into()));
    }

    #[test]
    fn pairing_payloads_ignore_unknown_keys_and_read_any_order() {
        let parse = |s: &str| parse_pairing_input(s).unwrap();
        let want = (Some("https://door.example.org".into()), "K7QF-3M9X".into());
        assert_eq!(parse("doorstep:pair?v=2&code=K7QF-3M9X&org=x&url=https%3A%2F%2Fdoor.example.org"), want);
        assert_eq!(parse("DoorStep:pair?url=https://door.example.org&code=K7QF-3M9X&"), want);
        // No url: the address comes from the pairing screen's field.
        assert_eq!(parse("doorstep:pair?code=K7QF-3M9X&url="), (None, "K7QF-3M9X".into()));
    }

    #[test]
    fn damaged_pairing_payloads_say_what_is_wrong_without_the_code() {
        for (input, what) in [
            ("doorstep:pair?url=https%3A%2F%2Fdoor.example.org", "code is missing"),
            ("doorstep:pair?url=https%3A%2F%2Fdoor.example.org&code=", "code is missing"),
            ("doorstep:pair?url=not%20an%20address&code=K7QF-3M9X", "url is not an address"),
            ("doorstep:pair?url=https%3A%2F%2Fa&url=https%3A%2F%2Fb&code=K7QF-3M9X", "url twice"),
            ("doorstep:unpair?url=https%3A%2F%2Fdoor.example.org&code=K7QF-3M9X", "not a pairing"),
            ("doorstep:", "not a pairing"),
            ("doorstep:pair", "code is missing"),
            ("doorstep:pair?%zz=%&&=", "code is missing"),
        ] {
            let err = parse_pairing_input(input).expect_err(input).to_string();
            assert!(err.contains("doorstep:pair?url=…&code=…") && err.contains(what), "{input}: {err}");
            assert!(!err.contains("K7QF"), "{input}: the code is echoed: {err}");
        }
    }
}
