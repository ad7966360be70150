//! Issuing session keys for a representative.

use super::people::User;
use super::session::StartType;
use super::session_key::{self, KeyTarget, NewSessionKey, SessionKey};
use super::settings;
use super::start_request::{checked_custom_fields, MAX_CUSTOM_VALUE_CHARS};
use super::time::now_ms;
use crate::store::{Store, StoreError};
use std::collections::BTreeMap;

/// Shortest lifetime a key may have.
pub const MIN_KEY_LIFETIME_SECS: i64 = 60;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("this user may not generate session keys")]
    NotAllowed,
    #[error("ttl must be between {min} and {max} seconds")]
    BadLifetime { min: i64, max: i64 },
    #[error("unknown custom field `{0}`")]
    UnknownField(String),
    #[error("external_key is longer than {0} characters")]
    ExternalKeyTooLong(usize),
    #[error("{0}")]
    Fields(String),
    #[error("could not find a free session key; try again")]
    Exhausted,
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, Clone, Default)]
pub struct KeyRequest {
    /// Lifetime in seconds; default: the site's maximum.
    pub ttl_secs: Option<i64>,
    pub start_type: Option<StartType>,
    pub external_key: String,
    pub attributes: BTreeMap<String, String>,
}

/// Generates a one-time key for a representative's personal queue: seven random digits,
/// unique among live keys.
pub async fn generate(
    store: &dyn Store,
    rep: &User,
    req: KeyRequest,
) -> Result<SessionKey, KeyError> {
    if !rep.enabled || !rep.permissions.generate_keys {
        return Err(KeyError::NotAllowed);
    }
    issue(store, Some(rep.id), KeyTarget::Rep(rep.id), req).await
}

/// Generates a key for any queue (the command API's `generate_session_key`).
pub async fn generate_for(
    store: &dyn Store,
    target: KeyTarget,
    req: KeyRequest,
) -> Result<SessionKey, KeyError> {
    let rep = match target {
        KeyTarget::Rep(id) => Some(id),
        _ => None,
    };
    issue(store, rep, target, req).await
}

async fn issue(
    store: &dyn Store,
    rep_id: Option<crate::domain::ids::UserId>,
    target: KeyTarget,
    req: KeyRequest,
) -> Result<SessionKey, KeyError> {
    let max = settings::key_max_lifetime_secs(store).await?;
    let ttl = req.ttl_secs.unwrap_or(max);
    if !(MIN_KEY_LIFETIME_SECS..=max).contains(&ttl) {
        return Err(KeyError::BadLifetime {
            min: MIN_KEY_LIFETIME_SECS,
            max,
        });
    }
    if req.external_key.chars().count() > MAX_CUSTOM_VALUE_CHARS {
        return Err(KeyError::ExternalKeyTooLong(MAX_CUSTOM_VALUE_CHARS));
    }
    let configured: Vec<String> = store
        .list_custom_fields()
        .await?
        .into_iter()
        .map(|f| f.code_name)
        .collect();
    if let Some(unknown) = req.attributes.keys().find(|k| !configured.contains(k)) {
        return Err(KeyError::UnknownField(unknown.clone()));
    }
    let (attributes, _) =
        checked_custom_fields(&req.attributes, Some(&req.external_key), &configured)
            .map_err(|e| KeyError::Fields(e.to_string()))?;
    let now = now_ms();
    // Ten million keys and few live ones: a collision is rare, and retried.
    for _ in 0..16 {
        let new = NewSessionKey {
            short_key: session_key::generate_digits(),
            rep_id,
            target,
            start_type: req.start_type.unwrap_or(StartType::Chat),
            external_key: req.external_key.clone(),
            attributes: attributes.clone(),
            created_at: now,
            expires_at: now + ttl * 1000,
        };
        match store.create_session_key(new).await {
            Ok(k) => return Ok(k),
            Err(StoreError::Conflict { .. }) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(KeyError::Exhausted)
}

/// The invitation a representative sends the customer.
pub fn invitation(key: &SessionKey, base_url: &str) -> (String, String) {
    let url = format!("{base_url}/api/start_session?short_key={}", key.short_key);
    let text = format!(
        "Your support session key is {key}. To start, open {url} or go to {base_url}/ and enter the key. \
         The key works once and is valid until {until} (UTC).",
        key = key.short_key,
        until = super::time::rfc3339(key.expires_at).replace('T', " ").trim_end_matches('Z').split('.').next().unwrap_or(""),
    );
    (url, text)
}
