//! Pairing a device: the one-time code an organizer makes for a person,
//! typed on the phone or scanned as a QR code, and the key codes are
//! stored under. [`crate::accounts`] trades a code for a device's token.
//!
//! A code is short enough to type (40 bits), so anyone holding a copy of
//! the database could hash every possible code in an afternoon. Codes are
//! therefore stored as an HMAC under a key kept in its own file beside the
//! store ([`PAIRING_KEY_FILE`]): the database alone lets no one in.

use crate::error::{Error, Result};
use crate::store::now_text;
use rand::RngCore;
use rusqlite::{Connection, params};
use serde::Serialize;
use sha2::Sha256;
use std::io::Write;
use std::path::Path;
use uuid::Uuid;

/// How long a pairing code stays valid.
pub const PAIRING_TTL: chrono::Duration = chrono::Duration::hours(24);

/// Crockford's base32: no I, L, O or U, so a code read aloud or typed on a
/// phone keyboard is hard to get wrong.
const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The file in the store's folder (`--data`) holding the pairing key.
/// `doorstep serve` and `doorstep pairing-code` find it beside the store
/// they open, so both always use the same one. Losing it only voids the
/// codes not yet redeemed.
pub const PAIRING_KEY_FILE: &str = "pairing.key";

/// The secret pairing codes are hashed under (HMAC-SHA256).
///
/// Codes made before this key existed were plain SHA-256 hashes; they no
/// longer match and so stop working, which costs at most a day's unredeemed
/// codes (they expire after [`PAIRING_TTL`]): the organizer makes new ones.
pub struct PairingKey([u8; 32]);

impl std::fmt::Debug for PairingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PairingKey(…)")
    }
}

impl PairingKey {
    /// The key beside the store `conn` has open, made on first use.
    pub fn beside(conn: &Connection) -> Result<PairingKey> {
        let db = conn
            .path()
            .filter(|p| !p.is_empty())
            .ok_or_else(|| Error::Invalid("pairing codes need a store on disk: their key is kept beside it".into()))?;
        let dir = Path::new(db).parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Self::in_dir(dir)
    }

    /// The key in `dir`; if there is none yet, 32 random bytes written
    /// there readable by the owner only.
    pub fn in_dir(dir: &Path) -> Result<PairingKey> {
        let path = dir.join(PAIRING_KEY_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => return Self::from_file(&path, bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
        let mut secret = [0u8; 32];
        rand::rng().fill_bytes(&mut secret);
        // Written whole under another name (tempfile makes it 0600) and then
        // linked into place only if no key is there: `serve` and the CLI may
        // both make one at once, and neither may ever see half a key.
        let mut tmp = tempfile::Builder::new().prefix(".pairing.key.").tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
        tmp.write_all(&secret).and_then(|()| tmp.as_file().sync_all()).map_err(|e| Error::io(tmp.path(), e))?;
        match tmp.persist_noclobber(&path) {
            Ok(_) => Ok(PairingKey(secret)),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                Self::from_file(&path, std::fs::read(&path).map_err(|e| Error::io(&path, e))?)
            }
            Err(e) => Err(Error::io(&path, e.error)),
        }
    }

    fn from_file(path: &Path, bytes: Vec<u8>) -> Result<PairingKey> {
        let secret: [u8; 32] = bytes.try_into().map_err(|b: Vec<u8>| {
            Error::Invalid(format!(
                "{}: a pairing key is 32 bytes, this file has {}; remove it to make a new one (unredeemed codes stop working)",
                path.display(),
                b.len()
            ))
        })?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Ok(meta) = std::fs::metadata(path)
                && meta.permissions().mode() & 0o077 != 0
            {
                tracing::warn!(path = %path.display(), "the pairing key is readable by others than its owner; chmod 600 it");
            }
        }
        Ok(PairingKey(secret))
    }

    /// What the store keeps of a code: its HMAC, never the code.
    pub(crate) fn hash_code(&self, code: &str) -> Vec<u8> {
        use hmac::Mac;
        let mut mac = hmac::Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(normalize_code(code).as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

/// What people type: case and dashes do not matter, and the letters people
/// confuse with digits are read as those digits.
pub fn normalize_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct PairingCode {
    /// "K7QF-3M9X": typed on the phone.
    pub code: String,
    /// `doorstep:pair?url=…&code=…`: the QR code's text, when the endpoint's
    /// address is known.
    pub qr_payload: Option<String>,
    pub expires_at: String,
}

pub fn make_pairing_code(conn: &Connection, org: Uuid, user: Uuid, endpoint_url: Option<&str>) -> Result<PairingCode> {
    let key = PairingKey::beside(conn)?;
    let mut bytes = [0u8; 10];
    rand::rng().fill_bytes(&mut bytes);
    let raw: String = bytes.iter().take(8).map(|b| CODE_ALPHABET[(*b as usize) % 32] as char).collect();
    let code = format!("{}-{}", &raw[..4], &raw[4..]);
    let expires = chrono::Utc::now() + PAIRING_TTL;
    conn.execute(
        "INSERT INTO pairing_codes(code_hash, org_id, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![key.hash_code(&code), org, user, now_text(), expires.to_rfc3339()],
    )?;
    Ok(PairingCode {
        qr_payload: endpoint_url.map(|u| qr_payload(u, &code)),
        code,
        expires_at: expires.to_rfc3339(),
    })
}

/// What a pairing QR code's text starts with; anything else pasted is a
/// plain code.
const PAIR_SCHEME: &str = "doorstep";

pub fn qr_payload(url: &str, code: &str) -> String {
    let query = url::form_urlencoded::Serializer::new(String::new()).append_pair("url", url).append_pair("code", code).finish();
    format!("{PAIR_SCHEME}:pair?{query}")
}

/// Splits what was pasted or scanned into (endpoint url, code): a
/// `doorstep:pair?url=…&code=…` payload gives both, a plain code no url.
/// Keys a later app may add are ignored; a payload that is damaged fails
/// saying what is wrong, never echoing it (it holds the code).
pub fn parse_pairing_input(input: &str) -> Result<(Option<String>, String)> {
    let input = input.trim();
    let is_payload = input.split_once(':').is_some_and(|(scheme, _)| scheme.eq_ignore_ascii_case(PAIR_SCHEME));
    if !is_payload {
        return Ok((None, input.to_owned()));
    }
    let bad = |what: &str| Error::Invalid(format!("the pairing text is not a whole doorstep:pair?url=…&code=… payload: {what}"));
    let parsed = url::Url::parse(input).map_err(|_| bad("it does not read as an address"))?;
    if parsed.path() != "pair" {
        return Err(bad("it is not a pairing (doorstep:pair)"));
    }
    let (mut url, mut code) = (None, None);
    for (key, value) in parsed.query_pairs() {
        let slot = match key.as_ref() {
            "url" => &mut url,
            "code" => &mut code,
            _ => continue,
        };
        if slot.replace(value.trim().to_owned()).is_some() {
            return Err(bad(&format!("it gives {key} twice")));
        }
    }
    // Without a url the address comes from elsewhere (the pairing screen's
    // field), as the UI's reading of the payload allows.
    let url = url.filter(|u| !u.is_empty());
    if url.as_deref().is_some_and(|u| url::Url::parse(u).is_err()) {
        return Err(bad("the url is not an address"));
    }
    let code = code.filter(|c| !c.is_empty()).ok_or_else(|| bad("the code is missing"))?;
    Ok((url, code))
}

