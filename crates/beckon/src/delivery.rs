//! Delivery of outbound events to the endpoints administrators configured.
//!
//! Each endpoint keeps a cursor into the session event log in the store. A worker reads the
//! events after the cursor in log order, POSTs the ones the endpoint subscribed to (form-
//! encoded, signed with HMAC-SHA256 of the body under the endpoint's secret in the header
//! `X-Beckon-Signature: sha256=<hex>`), and moves the cursor only after a 200. A receiver that
//! fails or times out is retried with exponential backoff (1 s doubling to 5 minutes) while
//! later events wait, so order is kept and nothing is lost across restarts. Delivery is at
//! least once: a crash between a 200 and the cursor update sends that event again.

use crate::app::AppState;
use crate::domain::endpoint::EventEndpoint;
use crate::domain::session::{Actor, SessionEvent};
use crate::domain::time::now_ms;
use crate::store::StoreError;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::time::Duration;

pub const SIGNATURE_HEADER: &str = "x-beckon-signature";
const MAX_BACKOFF_MS: i64 = 5 * 60 * 1000;
/// How long a receiver may take to answer; the site setting `event_delivery_timeout_secs`
/// overrides it.
const TIMEOUT: Duration = Duration::from_secs(10);
pub const TIMEOUT_SETTING: &str = "event_delivery_timeout_secs";

/// The vendor event an entry of the session log becomes, if any.
pub fn event_name(e: &SessionEvent) -> Option<&'static str> {
    match (e.kind.as_str(), e.body.get("to").and_then(|t| t.as_str())) {
        ("created", _) => Some("support_conference_begin"),
        ("state_changed", Some("ended")) => Some("support_conference_end"),
        ("member_joined", _) => Some("support_conference_member_added"),
        ("member_left", _) => Some("support_conference_member_departed"),
        ("transferred", _) => Some("support_conference_transferred"),
        _ => None,
    }
}

/// The form body of one event.
pub fn form_body(name: &str, lsid: &str, external_key: &str, e: &SessionEvent) -> String {
    let mut f = form_urlencoded::Serializer::new(String::new());
    f.append_pair("event", name)
        .append_pair("version", "1")
        .append_pair("timestamp", &(e.at / 1000).to_string())
        .append_pair("lsid", lsid)
        .append_pair("external_key", external_key)
        .append_pair("seq", &e.seq.to_string());
    if let Actor::Rep(id) = e.actor {
        f.append_pair("rep_id", &id.to_string());
    }
    for key in ["name", "role", "to", "reason"] {
        if let Some(v) = e.body.get(key).and_then(|v| v.as_str()) {
            let field = if key == "name" { "display_name" } else { key };
            f.append_pair(field, v);
        }
    }
    f.finish()
}

pub fn signature(secret: &str, body: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(body.as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Spawns the delivery worker of this node.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let client = match reqwest::Client::builder()
            .timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
        {
            Ok(c) => c,
            Err(e) => return tracing::error!(error = %e, "event delivery disabled: no HTTP client"),
        };
        let mut tick = tokio::time::interval(Duration::from_millis(500));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = state.shutdown.cancelled() => break,
                _ = tick.tick() => {
                    if let Err(e) = deliver_once(&state, &client).await {
                        tracing::warn!(error = %e, "event delivery pass failed");
                    }
                }
            }
        }
    })
}

/// One pass over every enabled endpoint that is due.
pub async fn deliver_once(state: &AppState, client: &reqwest::Client) -> Result<(), StoreError> {
    let timeout = state
        .store
        .setting(TIMEOUT_SETTING)
        .await?
        .and_then(|v| v.parse::<u64>().ok())
        .filter(|s| (1..=60).contains(s))
        .map_or(TIMEOUT, Duration::from_secs);
    for ep in state
        .store
        .list_endpoints()
        .await?
        .into_iter()
        .filter(|e| e.enabled)
    {
        let (cursor, attempts, next_at, _, _) = state.store.endpoint_state(ep.id).await?;
        if next_at > now_ms() {
            continue;
        }
        deliver_endpoint(state, client, &ep, cursor, attempts, timeout).await?;
    }
    Ok(())
}

async fn deliver_endpoint(
    state: &AppState,
    client: &reqwest::Client,
    ep: &EventEndpoint,
    mut cursor: i64,
    attempts: i64,
    timeout: Duration,
) -> Result<(), StoreError> {
    let store = state.store.as_ref();
    let start = cursor;
    let batch = store.events_since_cursor(cursor, 100).await?;
    for (pos, lsid, external_key, e) in batch {
        let Some(name) = event_name(&e).filter(|n| ep.events.iter().any(|x| x == n)) else {
            cursor = pos;
            continue;
        };
        let body = form_body(name, &lsid, &external_key, &e);
        let sent = client
            .post(&ep.url)
            .header("content-type", "application/x-www-form-urlencoded")
            .header(SIGNATURE_HEADER, signature(&ep.secret, &body))
            .timeout(timeout)
            .body(body)
            .send()
            .await;
        match sent {
            Ok(r) if r.status() == reqwest::StatusCode::OK => {
                cursor = pos;
                store.endpoint_delivered(ep.id, cursor, true).await?;
            }
            other => {
                let error = match other {
                    Ok(r) => format!("answered {}", r.status()),
                    Err(e) if e.is_timeout() => "timed out".to_string(),
                    Err(e) => format!("unreachable: {e}"),
                };
                let n = attempts + 1;
                let backoff = (1000i64 << n.min(20)).min(MAX_BACKOFF_MS);
                // Events before this one that were skipped are done; this one waits.
                store.endpoint_delivered(ep.id, cursor, false).await?;
                store
                    .endpoint_failed(ep.id, n, now_ms() + backoff, &error)
                    .await?;
                tracing::info!(endpoint = ep.id, attempts = n, %error, "event delivery failed; will retry");
                return Ok(());
            }
        }
    }
    if cursor != start {
        store.endpoint_delivered(ep.id, cursor, false).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn signatures_are_hmac_sha256() {
        // RFC 4231 test case 2.
        assert_eq!(
            super::signature("Jefe", "what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
