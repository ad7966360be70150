//! Client tickets: the one-time, expiring credential that binds one download of the full
//! customer client to its session (docs/customer_client.md). Signing and parsing are
//! `beckon_protocol::ticket`'s; this module adds the site's key, the store's record of each
//! ticket, and the rules of a join.

use super::ids::SessionId;
use super::locale::Locale;
use super::session::{Actor, NewEvent, SessionState, SupportSession};
use super::time::Millis;
use super::{queue, settings, tokens};
use crate::store::{Store, StoreError};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use beckon_protocol::ticket::{Claims, Ticket};
use rand::RngCore;
use serde_json::json;

/// The name of the ticket key among the site's secrets.
pub const TICKET_KEY: &str = "client_ticket_key";
/// 256 bits: HMAC-SHA256's own block of security; the MAC is truncated, the key is not.
const KEY_BYTES: usize = 32;
const NONCE_BYTES: usize = 16;

/// Failed joins allowed from one address per window. Tickets carry a 128-bit MAC, so this
/// is not about guessing: it keeps a broken or hostile client from hammering the store.
pub const JOIN_FAILURE_LIMIT: i64 = 20;
pub const JOIN_FAILURE_WINDOW_MS: Millis = 10 * 60 * 1000;

/// What the store keeps of an issued ticket: never the ticket, only its nonce's hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientTicketRecord {
    /// SHA-256 (hex) of the ticket's nonce.
    pub nonce_hash: String,
    pub session_id: SessionId,
    pub created_at: Millis,
    pub expires_at: Millis,
    pub used_at: Option<Millis>,
}

/// Why a join was refused; the codes and statuses are the contract's table.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    #[error("not a valid client ticket")]
    Invalid,
    #[error("the ticket belongs to another site")]
    OtherSite,
    #[error("the ticket has expired")]
    Expired,
    #[error("the ticket was already used")]
    Used,
    #[error("the session has ended")]
    SessionEnded,
    #[error("too many failed joins; retry in {0} seconds")]
    Throttled(u64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl JoinError {
    pub fn code(&self) -> &'static str {
        match self {
            JoinError::Invalid => "ticket_invalid",
            JoinError::OtherSite => "ticket_other_site",
            JoinError::Expired => "ticket_expired",
            JoinError::Used => "ticket_used",
            JoinError::SessionEnded => "session_ended",
            JoinError::Throttled(_) => "too_many_attempts",
            JoinError::Store(_) => "internal",
        }
    }

    pub fn status(&self) -> u16 {
        match self {
            JoinError::Invalid | JoinError::OtherSite => 400,
            JoinError::Expired | JoinError::SessionEnded => 410,
            JoinError::Used => 409,
            JoinError::Throttled(_) => 429,
            JoinError::Store(_) => 500,
        }
    }

    /// The catalog message id of the customer's text, and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            JoinError::Invalid => ("client-ticket-invalid", vec![]),
            JoinError::OtherSite => ("client-ticket-other-site", vec![]),
            JoinError::Expired => ("client-ticket-expired", vec![]),
            JoinError::Used => ("client-ticket-used", vec![]),
            JoinError::SessionEnded => ("client-session-ended", vec![]),
            JoinError::Throttled(secs) => (
                "client-join-too-many",
                vec![("minutes", secs.div_ceil(60).max(1).to_string())],
            ),
            JoinError::Store(_) => ("error-internal", vec![]),
        }
    }
}

/// What the joining client says about itself, cut to what the console shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientVersion {
    pub version: String,
    pub os: String,
}

impl ClientVersion {
    /// Keeps a version of up to 32 characters of `[0-9A-Za-z.+-]` and one of the known
    /// systems; anything else becomes `unknown` (the values are shown to representatives).
    pub fn new(version: &str, os: &str) -> ClientVersion {
        let version = version.trim();
        let version_ok = !version.is_empty()
            && version.len() <= 32
            && version
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'+' | b'-'));
        let os = os.trim().to_ascii_lowercase();
        ClientVersion {
            version: if version_ok { version } else { "unknown" }.into(),
            os: if matches!(os.as_str(), "linux" | "macos" | "windows") {
                os
            } else {
                "unknown".into()
            },
        }
    }
}

/// A successful join: the session as it is now, and the customer token issued to the client.
#[derive(Debug, Clone)]
pub struct Joined {
    pub session: SupportSession,
    pub token: String,
}

/// The site's ticket key, generated on first need and kept in the store for every node.
pub async fn ticket_key(store: &dyn Store) -> Result<Vec<u8>, StoreError> {
    let mut candidate = [0u8; KEY_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut candidate);
    store
        .site_secret(TICKET_KEY, &candidate, super::time::now_ms())
        .await
}

/// The language a session's customer reads: the chat page's.
pub fn session_locale(s: &SupportSession) -> Locale {
    s.chat_locale.unwrap_or(s.locale)
}

/// The locale a ticket claims, to answer in it even when the ticket is refused.
pub fn claimed_locale(raw: &str) -> Option<Locale> {
    Ticket::parse(raw.trim())
        .ok()
        .and_then(|t| Locale::parse(&t.claims.locale))
}

/// Issues a ticket for a session of the site at `site` (its public URL), valid for the
/// `client_ticket_ttl_secs` setting from `now`.
pub async fn issue(
    store: &dyn Store,
    site: &str,
    session: &SupportSession,
    now: Millis,
) -> Result<Ticket, StoreError> {
    let key = ticket_key(store).await?;
    let ttl_secs = settings::client_ticket_ttl_secs(store).await?;
    let mut nonce = [0u8; NONCE_BYTES];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let nonce = B64.encode(nonce);
    // Whole seconds in the ticket; the record keeps the same instant.
    let expires = (now + ttl_secs * 1000) / 1000;
    store
        .create_client_ticket(
            &ClientTicketRecord {
                nonce_hash: tokens::hash_token(&nonce),
                session_id: session.id,
                created_at: now,
                expires_at: expires * 1000,
                used_at: None,
            },
            now,
        )
        .await?;
    let claims = Claims {
        site: site.trim_end_matches('/').to_string(),
        nonce,
        expires,
        locale: session_locale(session).code().to_string(),
    };
    Ok(Ticket::sign(claims, &key))
}

/// Joins a full client to the session of `raw`, counting failures per client address.
pub async fn join(
    store: &dyn Store,
    site: &str,
    raw: &str,
    client: &ClientVersion,
    client_ip: &str,
    now: Millis,
) -> Result<Joined, JoinError> {
    let scope = format!("client_join:{client_ip}");
    let (count, oldest) = store
        .auth_failures_since(&scope, now - JOIN_FAILURE_WINDOW_MS)
        .await?;
    if count >= JOIN_FAILURE_LIMIT {
        let free_at = oldest.unwrap_or(now) + JOIN_FAILURE_WINDOW_MS;
        return Err(JoinError::Throttled(
            ((free_at - now).max(1000) as u64).div_ceil(1000),
        ));
    }
    match redeem(store, site, raw, client, now).await {
        Err(JoinError::Store(e)) => Err(JoinError::Store(e)),
        Err(e) => {
            store
                .record_auth_failure(&[scope], now, now - JOIN_FAILURE_WINDOW_MS)
                .await?;
            Err(e)
        }
        ok => ok,
    }
}

async fn redeem(
    store: &dyn Store,
    site: &str,
    raw: &str,
    client: &ClientVersion,
    now: Millis,
) -> Result<Joined, JoinError> {
    let ticket = Ticket::parse(raw.trim()).map_err(|_| JoinError::Invalid)?;
    // The site is compared before the MAC: another site's ticket never verifies with our
    // key, and "this program belongs to another site" helps the customer more than
    // "invalid". A forged site claim gains nothing: the answer is an error either way.
    if ticket.claims.site != site.trim_end_matches('/') {
        return Err(JoinError::OtherSite);
    }
    let key = ticket_key(store).await?;
    ticket.verify(&key).map_err(|_| JoinError::Invalid)?;
    if ticket.claims.expires.saturating_mul(1000) <= now {
        return Err(JoinError::Expired);
    }
    let nonce_hash = tokens::hash_token(&ticket.claims.nonce);
    // A genuine MAC without a record: the record was purged (long expired) or the store was
    // restored from an older backup. Either way the ticket cannot join.
    let record = store
        .client_ticket(&nonce_hash)
        .await?
        .ok_or(JoinError::Invalid)?;
    if record.used_at.is_some() {
        return Err(JoinError::Used);
    }
    if record.expires_at <= now {
        return Err(JoinError::Expired);
    }
    let session = store
        .session_by_id(record.session_id)
        .await?
        .filter(|s| s.state != SessionState::Ended)
        .ok_or(JoinError::SessionEnded)?;
    let token = tokens::random_token();
    let event = NewEvent {
        kind: "client_joined".into(),
        actor: Actor::Customer,
        body: json!({ "version": client.version, "os": client.os }),
        client_msg_id: None,
        at: now,
    };
    store
        .redeem_client_ticket(&nonce_hash, now, &tokens::hash_token(&token), event)
        .await?
        .ok_or(JoinError::Used)?;
    // The client is the customer connecting, as the chat page is.
    queue::customer_connected(store, session.id).await?;
    let session = store.session_by_id(session.id).await?.unwrap_or(session);
    Ok(Joined { session, token })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_versions_are_cut_to_what_is_shown() {
        assert_eq!(
            ClientVersion::new("0.1.0", "Linux"),
            ClientVersion {
                version: "0.1.0".into(),
                os: "linux".into()
            }
        );
        let odd = ClientVersion::new("<script>", "beos");
        assert_eq!(
            (odd.version.as_str(), odd.os.as_str()),
            ("unknown", "unknown")
        );
        assert_eq!(
            ClientVersion::new(&"1".repeat(33), "macos").version,
            "unknown"
        );
    }

    #[test]
    fn errors_follow_the_contract_table() {
        let table = [
            (JoinError::Invalid, "ticket_invalid", 400),
            (JoinError::OtherSite, "ticket_other_site", 400),
            (JoinError::Expired, "ticket_expired", 410),
            (JoinError::Used, "ticket_used", 409),
            (JoinError::SessionEnded, "session_ended", 410),
            (JoinError::Throttled(61), "too_many_attempts", 429),
        ];
        for (e, code, status) in table {
            assert_eq!((e.code(), e.status()), (code, status), "{e}");
        }
        assert_eq!(
            JoinError::Throttled(61).message().1,
            vec![("minutes", "2".to_string())]
        );
    }

    #[test]
    fn the_claimed_locale_is_read_without_the_key() {
        let t = Ticket::sign(
            Claims {
                site: "https://s.example".into(),
                nonce: "n".into(),
                expires: 1,
                locale: "de".into(),
            },
            b"some key",
        );
        assert_eq!(claimed_locale(t.as_str()), Locale::parse("de"));
        assert_eq!(claimed_locale("garbage"), None);
    }
}
