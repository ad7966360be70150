//! `generate_session_key`: a session key for an issue, a team, a representative or the
//! general queue, with the invitation URL and mail text.

use super::lookup::rep_of_queue;
use super::{bad, CmdError};
use crate::app::AppState;
use crate::domain::command::QueueRef;
use crate::domain::keys;
use crate::domain::session_key::KeyTarget;
use crate::domain::time::rfc3339;
use crate::http::api::xml::Node;
use axum::http::StatusCode;

pub(super) async fn generate_key(
    state: &AppState,
    target: QueueRef,
    ttl: Option<i64>,
    external_key: String,
    url_hostname: Option<String>,
) -> Result<Node, CmdError> {
    let store = state.store.as_ref();
    let target = match target {
        QueueRef::Issue(code) => {
            let issue = store.issue_by_code(&code).await?.ok_or_else(|| {
                CmdError(
                    StatusCode::NOT_FOUND,
                    format!("no issue with code name `{code}`"),
                )
            })?;
            KeyTarget::Issue(issue.id)
        }
        rep @ (QueueRef::Rep(_) | QueueRef::RepUsername(_)) => {
            KeyTarget::Rep(rep_of_queue(store, &rep).await?.id)
        }
        QueueRef::General => KeyTarget::General,
        QueueRef::Team(t) => {
            store
                .team_by_id(t)
                .await?
                .ok_or_else(|| CmdError(StatusCode::NOT_FOUND, format!("no team {t}")))?;
            KeyTarget::Team(t)
        }
    };
    let req = keys::KeyRequest {
        ttl_secs: ttl,
        start_type: None,
        external_key,
        attributes: Default::default(),
    };
    let key = keys::generate_for(store, target, req)
        .await
        .map_err(|e| match e {
            keys::KeyError::Store(s) => CmdError::from(s),
            other => bad(other.to_string()),
        })?;
    let base = match url_hostname {
        Some(h) => format!("{}://{h}", state.settings.public_url.scheme()),
        None => state.settings.base_url(),
    };
    let (url, text) = keys::invitation(&key, &base);
    Ok(Node::new("session_key")
        .child(Node::text("short_key", &key.short_key))
        .child(
            Node::text("expires", rfc3339(key.expires_at)).attr("timestamp", key.expires_at / 1000),
        )
        .child(Node::text("key_url", url))
        .child(Node::text("mail_subject", "Your support session key"))
        .child(Node::text("mail_body", text)))
}
