//! How sessions look to representatives: the JSON views the API and the console socket share.
//! Everything here is data; the console renders it as text, never as HTML.

use crate::domain::catalog::SupportTeam;
use crate::domain::ids::UserId;
use crate::domain::people::User;
use crate::domain::session::{Queue, SupportSession};
use crate::store::{Store, StoreError};
use serde_json::json;

/// A session as a representative sees it.
pub fn session_view(s: &SupportSession, me: UserId) -> serde_json::Value {
    json!({
        "lsid": s.lsid,
        "state": s.state,
        "start_type": s.start_type,
        "start_method": s.start_method,
        "queue": s.queue.api_id(),
        "issue_id": s.issue_id,
        "skills": s.skills,
        "customer": s.customer,
        "locale": s.locale,
        "external_key": s.external_key,
        "attributes": s.attributes,
        "page_url": s.page_url,
        "client_ip": s.client_ip,
        "owner_id": s.owner_id,
        "offered_to_me": s.offered_to == Some(me),
        "offered_at": s.offered_at,
        "created_at": s.created_at,
        "queued_at": s.queued_at,
        "accepted_at": s.accepted_at,
        "ended_at": s.ended_at,
        "end_reason": s.end_reason,
    })
}

/// Custom fields administrators chose not to show to representatives.
pub async fn hidden_fields(store: &dyn Store) -> Result<Vec<String>, StoreError> {
    Ok(store
        .list_custom_fields()
        .await?
        .into_iter()
        .filter(|f| !f.shown_to_reps)
        .map(|f| f.code_name)
        .collect())
}

fn redact(v: &mut serde_json::Value, hidden: &[String]) {
    if let Some(attrs) = v.get_mut("attributes").and_then(|a| a.as_object_mut()) {
        attrs.retain(|k, _| !hidden.contains(k));
    }
}

/// A session's view without the fields hidden from representatives.
pub async fn session_view_for(
    store: &dyn Store,
    s: &SupportSession,
    me: UserId,
) -> serde_json::Value {
    let hidden = hidden_fields(store).await.unwrap_or_default();
    let mut v = session_view(s, me);
    redact(&mut v, &hidden);
    v
}

/// Views of several sessions, without hidden fields.
pub async fn session_views(
    store: &dyn Store,
    list: &[SupportSession],
    me: UserId,
) -> Vec<serde_json::Value> {
    let hidden = hidden_fields(store).await.unwrap_or_default();
    list.iter()
        .map(|s| {
            let mut v = session_view(s, me);
            redact(&mut v, &hidden);
            v
        })
        .collect()
}

/// Everything a console needs to label sessions: issues, teams, custom fields' display names.
pub async fn labels(store: &dyn Store) -> Result<serde_json::Value, StoreError> {
    let issues = store.list_issues().await?;
    let teams = store.list_teams().await?;
    let fields = store.list_custom_fields().await?;
    Ok(json!({
        "issues": issues.iter().map(|i| json!({"id": i.id, "code_name": i.code_name, "description": i.description})).collect::<Vec<_>>(),
        "teams": teams.iter().map(|t| json!({"id": t.id, "name": t.name, "code_name": t.code_name})).collect::<Vec<_>>(),
        "session_key_max_lifetime_secs": crate::domain::settings::key_max_lifetime_secs(store).await?,
        "custom_fields": fields.iter().filter(|f| f.shown_to_reps).map(|f| json!({"code_name": f.code_name, "display_name": f.display_name})).collect::<Vec<_>>(),
    }))
}

/// Waiting sessions a representative may take, oldest first, each with when its current
/// offer runs out (for the console's countdown).
pub async fn queue_snapshot(
    store: &dyn Store,
    user: &User,
) -> Result<Vec<serde_json::Value>, StoreError> {
    let waiting = store.waiting_sessions().await?;
    let my_teams = store.teams_of_user(user.id).await?;
    let teams: Vec<SupportTeam> = store.list_teams().await?;
    let hidden = hidden_fields(store).await?;
    Ok(waiting
        .iter()
        .filter(|s| match s.queue {
            Queue::General => true,
            Queue::Rep(id) => id == user.id,
            Queue::Team(t) => my_teams.contains(&t),
        })
        .map(|s| {
            let mut v = session_view(s, user.id);
            redact(&mut v, &hidden);
            let alert = match s.queue {
                Queue::Team(t) => teams
                    .iter()
                    .find(|x| x.id == t)
                    .map(|x| x.alert_timeout_secs),
                _ => None,
            };
            if let (Some(at), Some(secs)) = (s.offered_at, alert) {
                v["offer_expires_at"] = json!(at + secs * 1000);
            }
            v
        })
        .collect())
}
