//! The administration home (who is signed in) and the audit log.

use super::forms::{utc, AdminPage};
use axum::extract::Query;
use axum::response::Response;
use minijinja::context;
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct Present {
    username: String,
    name: String,
    status: &'static str,
    since: String,
    last_seen: String,
}

/// `GET /login`: the sections, and the representatives signed in now.
pub async fn index(page: AdminPage) -> Response {
    let store = page.store();
    let (presence, users) = match (store.list_presence().await, store.list_users().await) {
        (Ok(p), Ok(u)) => (p, u),
        (Err(e), _) | (_, Err(e)) => return page.error(e.into()),
    };
    let present: Vec<Present> = presence
        .into_iter()
        .map(|p| {
            let user = users.iter().find(|u| u.id == p.user_id);
            Present {
                username: user.map_or_else(|| format!("#{}", p.user_id), |u| u.username.clone()),
                name: user.map_or_else(String::new, |u| u.private_display_name.clone()),
                status: match p.status.as_str() {
                    "available" => "Available",
                    "busy" => "Busy",
                    _ => "Away",
                },
                since: utc(p.logged_in_since),
                last_seen: utc(p.last_seen_at),
            }
        })
        .collect();
    page.render(
        "admin/index.html",
        context! { section => "home", present => present },
    )
}

#[derive(Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    q: String,
}

#[derive(Serialize)]
struct Entry {
    at: String,
    actor: String,
    action: String,
    target: String,
    before: Option<String>,
    after: Option<String>,
}

/// How many entries a page shows.
const AUDIT_LIMIT: i64 = 200;

fn pretty(v: Option<serde_json::Value>) -> Option<String> {
    v.map(|v| serde_json::to_string_pretty(&v).unwrap_or_default())
}

/// `GET /login/audit?q=`: newest first, filtered by a text in the actor, action or target.
pub async fn audit(page: AdminPage, Query(query): Query<AuditQuery>) -> Response {
    let q = query.q.trim().chars().take(200).collect::<String>();
    let entries = match page.store().search_audit(&q, AUDIT_LIMIT).await {
        Ok(e) => e,
        Err(e) => return page.error(e.into()),
    };
    let entries: Vec<Entry> = entries
        .into_iter()
        .map(|e| Entry {
            at: utc(e.at),
            actor: e.actor,
            action: e.action,
            target: e.target,
            before: pretty(e.before),
            after: pretty(e.after),
        })
        .collect();
    page.render(
        "admin/audit.html",
        context! { section => "audit", q => q, entries => entries, limit => AUDIT_LIMIT },
    )
}
