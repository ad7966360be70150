//! The client ticket: a one-time, expiring credential that binds one download of the customer
//! client to one session of one site.
//!
//! Spelling: `bt1.<claims>.<mac>` where `<claims>` is the base64url (no padding) of a small JSON
//! object and `<mac>` the base64url of the first 16 bytes of HMAC-SHA256 over `bt1.<claims>`
//! with the site's ticket key. Only the server holds the key, so the client can read a
//! ticket's site and locale (to connect and to speak the customer's language before it
//! connects) but only the server can tell a genuine ticket from a tampered one. The alphabet
//! (`A-Z a-z 0-9 - _ .`) is safe in file names and URLs, so the same string travels in the
//! download's trailer, its file name, a `beckon://` URL and `--ticket`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

pub const PREFIX: &str = "bt1.";
/// Length in bytes of the truncated MAC (128 bits), and of its base64url spelling.
const MAC_BYTES: usize = 16;
const MAC_CHARS: usize = 22;
/// Longest ticket accepted anywhere; a real one is about 160 characters.
pub const MAX_CHARS: usize = 512;

/// What a ticket says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The site's public URL (`https://support.example.com`, no trailing slash): where the
    /// client connects.
    #[serde(rename = "s")]
    pub site: String,
    /// Random, unique per ticket; the server keeps its hash to make the ticket one-time.
    #[serde(rename = "n")]
    pub nonce: String,
    /// Expiry, seconds since the Unix epoch (UTC).
    #[serde(rename = "e")]
    pub expires: i64,
    /// The session's locale (`en-us`, `de`, ...), so errors before connecting are in the
    /// customer's language.
    #[serde(rename = "l")]
    pub locale: String,
}

/// A ticket whose syntax is good; whether it is genuine only the server can tell (`verify`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub claims: Claims,
    encoded: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TicketError {
    #[error("this is not a Beckon client ticket")]
    Malformed,
    #[error("the ticket has been altered")]
    Tampered,
}

impl Ticket {
    /// Signs `claims` with the site's ticket key.
    pub fn sign(claims: Claims, key: &[u8]) -> Ticket {
        let json = serde_json::to_vec(&claims).expect("claims serialize");
        let body = format!("{PREFIX}{}", B64.encode(json));
        let mac = B64.encode(mac(key, &body));
        Ticket {
            claims,
            encoded: format!("{body}.{mac}"),
        }
    }

    /// Reads a ticket's syntax and claims, without checking its MAC.
    pub fn parse(s: &str) -> Result<Ticket, TicketError> {
        if s.len() > MAX_CHARS {
            return Err(TicketError::Malformed);
        }
        let rest = s.strip_prefix(PREFIX).ok_or(TicketError::Malformed)?;
        let (claims_b64, mac_b64) = rest.split_once('.').ok_or(TicketError::Malformed)?;
        if mac_b64.len() != MAC_CHARS || !mac_b64.bytes().all(is_b64url) {
            return Err(TicketError::Malformed);
        }
        let json = B64.decode(claims_b64).map_err(|_| TicketError::Malformed)?;
        let claims: Claims = serde_json::from_slice(&json).map_err(|_| TicketError::Malformed)?;
        Ok(Ticket {
            claims,
            encoded: s.to_string(),
        })
    }

    /// Checks the MAC with the site's key (constant time).
    pub fn verify(&self, key: &[u8]) -> Result<(), TicketError> {
        let (body, mac_b64) = self
            .encoded
            .rsplit_once('.')
            .ok_or(TicketError::Malformed)?;
        let given = B64.decode(mac_b64).map_err(|_| TicketError::Malformed)?;
        let mut m = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
        m.update(body.as_bytes());
        m.verify_truncated_left(&given)
            .map_err(|_| TicketError::Tampered)
    }

    pub fn as_str(&self) -> &str {
        &self.encoded
    }

    /// Finds a ticket inside a file name such as `beckon-client-bt1.<claims>.<mac> (1).exe`: the
    /// browser may have added a suffix or the customer renamed the rest.
    pub fn find_in(name: &str) -> Option<Ticket> {
        let mut from = 0;
        while let Some(i) = name[from..].find(PREFIX) {
            let start = from + i;
            let rest = &name[start + PREFIX.len()..];
            let claims_len = rest.bytes().take_while(|b| is_b64url(*b)).count();
            let after = &rest[claims_len..];
            // The MAC is taken as bytes: the name is anything a customer typed, and a
            // multi-byte character right after a MAC-long run would not be a `str` boundary.
            if claims_len > 0 && after.starts_with('.') {
                let mac = after.as_bytes().get(1..=MAC_CHARS);
                if mac.is_some_and(|m| m.iter().copied().all(is_b64url)) {
                    let end = start + PREFIX.len() + claims_len + 1 + MAC_CHARS;
                    if let Ok(t) = Ticket::parse(&name[start..end]) {
                        return Some(t);
                    }
                }
            }
            from = start + PREFIX.len();
        }
        None
    }
}

fn mac(key: &[u8], body: &str) -> [u8; MAC_BYTES] {
    let mut m = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    m.update(body.as_bytes());
    let full = m.finalize().into_bytes();
    let mut out = [0u8; MAC_BYTES];
    out.copy_from_slice(&full[..MAC_BYTES]);
    out
}

fn is_b64url(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims() -> Claims {
        Claims {
            site: "https://support.example.com".into(),
            nonce: "abcdefghijklmnopqrstuv".into(),
            expires: 1_900_000_000,
            locale: "de".into(),
        }
    }

    #[test]
    fn signs_parses_and_verifies() {
        let t = Ticket::sign(claims(), b"key");
        let back = Ticket::parse(t.as_str()).unwrap();
        assert_eq!(back.claims, claims());
        back.verify(b"key").unwrap();
        assert_eq!(back.verify(b"other key"), Err(TicketError::Tampered));
        assert!(t.as_str().len() < 200, "{}", t.as_str().len());
    }

    #[test]
    fn a_changed_claim_or_mac_is_tampering() {
        let t = Ticket::sign(claims(), b"key");
        let mut other = claims();
        other.expires += 1;
        let forged_body = Ticket::sign(other, b"guess");
        let (_, real_mac) = t.as_str().rsplit_once('.').unwrap();
        let (forged, _) = forged_body.as_str().rsplit_once('.').unwrap();
        let spliced = Ticket::parse(&format!("{forged}.{real_mac}")).unwrap();
        assert_eq!(spliced.verify(b"key"), Err(TicketError::Tampered));
    }

    #[test]
    fn refuses_garbage() {
        for s in [
            "",
            "bt1.",
            "bt1..",
            "bt2.e30.AAAAAAAAAAAAAAAAAAAAAA",
            "bt1.!!!.AAAAAAAAAAAAAAAAAAAAAA",
            "bt1.e30.short",
        ] {
            assert_eq!(Ticket::parse(s), Err(TicketError::Malformed), "{s}");
        }
        assert_eq!(
            Ticket::parse(&"bt1.".repeat(200)),
            Err(TicketError::Malformed)
        );
    }

    #[test]
    fn found_in_renamed_file_names() {
        let t = Ticket::sign(claims(), b"key");
        for name in [
            format!("beckon-client-{}", t.as_str()),
            format!("beckon-client-{}.exe", t.as_str()),
            format!("beckon-client-{} (1).exe", t.as_str()),
            format!("my copy {}", t.as_str()),
        ] {
            assert_eq!(Ticket::find_in(&name).as_ref(), Some(&t), "{name}");
        }
        assert_eq!(Ticket::find_in("beckon-client"), None);
        // Found by fuzzing: a multi-byte character where the MAC's 22nd character would be.
        let (body, mac) = t.as_str().rsplit_once('.').unwrap();
        let cut = format!("{body}.{}ё.exe", &mac[..21]);
        assert_eq!(Ticket::find_in(&cut), None);
        assert_eq!(Ticket::find_in(&format!("{body}.{}ё", &mac[..21])), None);
        assert_eq!(Ticket::find_in("bt1.bt1.x"), None);
    }
}
