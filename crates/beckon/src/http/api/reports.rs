//! `/api/reporting`: the vendor's reports of support sessions (`SupportSession`,
//! `SupportSessionListing`) and teams (`SupportTeam`), in XML.
//!
//! A range report streams: the ids in range are read first (8 bytes each), then each session
//! is loaded, written and sent before the next, so memory stays bounded by one session.

use super::xml::Node;
use super::Caller;
use crate::app::AppState;
use crate::domain::api_auth::ApiCaller;
use crate::domain::ids::SessionId;
use crate::domain::session::{Actor, SupportSession};
use crate::domain::time::{now_ms, rfc3339};
use crate::store::{Store, StoreError};
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

pub const NAMESPACE: &str = "http://www.bomgar.com/namespaces/API/reporting";

fn error(status: StatusCode, msg: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
        Node::text("error", msg).to_xml(),
    )
        .into_response()
}

fn duration(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    format!("{:02}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

fn time_node(name: &'static str, ms: Option<i64>) -> Node {
    match ms {
        Some(ms) => Node::text(name, rfc3339(ms)).attr("timestamp", ms / 1000),
        None => Node::new(name),
    }
}

/// One session with its customers, representatives, attributes and full ordered event log.
async fn session_node(
    store: &dyn Store,
    s: &SupportSession,
    detailed: bool,
) -> Result<Node, StoreError> {
    let end = s.ended_at.unwrap_or_else(now_ms);
    let mut node = Node::new("session")
        .attr("lsid", &s.lsid)
        .child(Node::text("session_type", "support"))
        .child(Node::text("start_type", s.start_type.as_str()))
        .child(Node::text("start_method", s.start_method.as_str()))
        .child(Node::text("queue", s.queue.api_id()))
        .child(Node::text("state", s.state.as_str()))
        .child(time_node("start_time", Some(s.created_at)))
        .child(time_node("end_time", s.ended_at))
        .child(Node::text("duration", duration(end - s.created_at)))
        .child(Node::text(
            "end_reason",
            s.end_reason.clone().unwrap_or_default(),
        ))
        .child(Node::text("external_key", &s.external_key));
    if !detailed {
        return Ok(node);
    }
    let issue = match s.issue_id {
        Some(id) => store
            .issue_by_id(id)
            .await?
            .map(|i| i.description)
            .unwrap_or_default(),
        None => String::new(),
    };
    let attrs = s
        .attributes
        .iter()
        .map(|(k, v)| Node::text("custom_attribute", v).attr("code_name", k));
    node = node
        .child(Node::list(
            "custom_attributes",
            "custom_attribute",
            attrs.collect::<Vec<_>>(),
        ))
        .child(Node::list(
            "customer_list",
            "customer",
            [Node::new("customer")
                .attr("gsnumber", 1)
                .child(Node::text("username", &s.customer.name))
                .child(Node::text("company", &s.customer.company))
                .child(Node::text("company_code", &s.customer.company_code))
                .child(Node::text("details", &s.customer.details))
                .child(Node::text("issue", issue))
                .child(Node::text("public_ip", &s.client_ip))
                .child(Node::text("locale", s.locale.code()))
                .child(Node::text("page_url", &s.page_url))],
        ));
    let events = store.events_after(s.id, 0, 1_000_000).await?;
    let mut reps: HashMap<i64, String> = HashMap::new();
    for e in &events {
        if let (Actor::Rep(id), Some(n)) = (e.actor, e.body.get("name").and_then(|n| n.as_str())) {
            reps.entry(id.0).or_insert_with(|| n.to_string());
        }
    }
    let mut rep_ids: Vec<&i64> = reps.keys().collect();
    rep_ids.sort();
    let rep_nodes = rep_ids.iter().map(|id| {
        Node::new("representative")
            .attr("id", id)
            .child(Node::text("display_name", &reps[id]))
    });
    node = node.child(Node::list(
        "rep_list",
        "representative",
        rep_nodes.collect::<Vec<_>>(),
    ));
    let details = events.iter().map(|e| {
        let (performer, pid) = match e.actor {
            Actor::Customer => ("customer", String::new()),
            Actor::Rep(id) => ("representative", id.to_string()),
            Actor::Api(id) => ("api", id.to_string()),
            Actor::System => ("system", String::new()),
        };
        let mut ev = Node::new("event")
            .attr("seq", e.seq)
            .attr("timestamp", e.at / 1000)
            .attr("event_type", &e.kind)
            .child(Node::text("performed_by", performer).attr("id", pid));
        if let Some(t) = e.body.get("text").and_then(|t| t.as_str()) {
            ev = ev.child(Node::text("body", t));
        }
        ev.child(Node::text("data", e.body.to_string()))
    });
    Ok(node.child(Node::list(
        "session_details",
        "event",
        details.collect::<Vec<_>>(),
    )))
}

#[derive(serde::Deserialize)]
pub struct ReportQuery {
    generate_report: Option<String>,
    lsid: Option<String>,
    start_date: Option<String>,
    start_time: Option<String>,
    duration: Option<i64>,
}

/// The `[from, to)` range of `start_date` (YYYY-MM-DD, UTC), `start_time` (HH:MM:SS) and
/// `duration` (seconds; 0 or absent: until now).
fn range(q: &ReportQuery) -> Result<(i64, i64), &'static str> {
    let date_fmt = time::macros::format_description!("[year]-[month]-[day]");
    let time_fmt = time::macros::format_description!("[hour]:[minute]:[second]");
    let date = time::Date::parse(
        q.start_date
            .as_deref()
            .ok_or("start_date or lsid is required")?,
        &date_fmt,
    )
    .map_err(|_| "start_date must be YYYY-MM-DD")?;
    let t = match q.start_time.as_deref() {
        Some(t) => time::Time::parse(t, &time_fmt).map_err(|_| "start_time must be HH:MM:SS")?,
        None => time::Time::MIDNIGHT,
    };
    let from = date.with_time(t).assume_utc().unix_timestamp() * 1000;
    let to = match q.duration {
        Some(d) if d < 0 => return Err("duration must not be negative"),
        Some(d) if d > 0 => from + d * 1000,
        _ => now_ms() + 1,
    };
    Ok((from, to))
}

pub async fn report(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Query(q): Query<ReportQuery>,
) -> Response {
    let allowed = match &caller {
        ApiCaller::Account(a) => a.reporting,
        ApiCaller::User(u) => u.permissions.admin,
    };
    if !allowed {
        return error(
            StatusCode::FORBIDDEN,
            "this account may not use the reporting API",
        );
    }
    let kind = q.generate_report.clone().unwrap_or_default();
    let detailed = match kind.as_str() {
        "SupportSession" => true,
        "SupportSessionListing" => false,
        "SupportTeam" => return team_report(&state).await,
        "" => return error(StatusCode::BAD_REQUEST, "generate_report is required"),
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "generate_report must be SupportSession, SupportSessionListing or SupportTeam",
            )
        }
    };
    let store = state.store.clone();
    let ids: Vec<SessionId> = if let Some(lsid) = &q.lsid {
        match store.session_by_lsid(lsid).await {
            Ok(Some(s)) => vec![s.id],
            Ok(None) => return error(StatusCode::NOT_FOUND, "no session with this lsid"),
            Err(e) => return super::super::error::HttpError::from(e).into_response(),
        }
    } else {
        let (from, to) = match range(&q) {
            Ok(r) => r,
            Err(m) => return error(StatusCode::BAD_REQUEST, m),
        };
        match store.session_ids_in_range(from, to).await {
            Ok(ids) => ids,
            Err(e) => return super::super::error::HttpError::from(e).into_response(),
        }
    };
    let root = if detailed {
        "session_list"
    } else {
        "session_summary_list"
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<String, std::io::Error>>(4);
    tokio::spawn(async move {
        let head =
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><{root} xmlns=\"{NAMESPACE}\">");
        if tx.send(Ok(head)).await.is_err() {
            return;
        }
        for id in ids {
            let chunk = match store.session_by_id(id).await {
                Ok(Some(s)) => match session_node(store.as_ref(), &s, detailed).await {
                    Ok(n) => fragment(&n),
                    Err(e) => {
                        return drop(tx.send(Err(std::io::Error::other(e.to_string()))).await)
                    }
                },
                Ok(None) => continue,
                Err(e) => return drop(tx.send(Err(std::io::Error::other(e.to_string()))).await),
            };
            // A client that went away stops the report.
            if tx.send(Ok(chunk)).await.is_err() {
                return;
            }
        }
        let _ = tx.send(Ok(format!("</{root}>"))).await;
    });
    let stream = tokio_stream_from(rx);
    (
        [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
        Body::from_stream(stream),
    )
        .into_response()
}

/// An element without the XML declaration, for streaming inside a root element.
fn fragment(n: &Node) -> String {
    let doc = n.to_xml();
    let body = doc.split_once("?>").map_or(doc.as_str(), |(_, b)| b);
    // Only the root carries the namespace.
    body.replacen(&format!(" xmlns=\"{}\"", super::xml::NAMESPACE), "", 1)
}

fn tokio_stream_from(
    mut rx: tokio::sync::mpsc::Receiver<Result<String, std::io::Error>>,
) -> impl futures_core::Stream<Item = Result<String, std::io::Error>> {
    futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx))
}

async fn team_report(state: &AppState) -> Response {
    let store = state.store.as_ref();
    let build = async {
        let users = store.list_users().await?;
        let waiting = store.waiting_sessions().await?;
        let mut teams = Vec::new();
        for t in store.list_teams().await? {
            let members = store.team_members(t.id).await?;
            let member_nodes = users.iter().filter(|u| members.contains(&u.id)).map(|u| {
                Node::new("member")
                    .attr("id", u.id)
                    .child(Node::text("display_name", &u.public_display_name))
            });
            let queued = waiting
                .iter()
                .filter(|s| s.queue == crate::domain::session::Queue::Team(t.id))
                .count();
            teams.push(
                Node::new("support_team")
                    .attr("id", t.id)
                    .child(Node::text("name", &t.name))
                    .child(Node::text("code_name", &t.code_name))
                    .child(Node::text("waiting_sessions", queued))
                    .child(Node::list(
                        "members",
                        "member",
                        member_nodes.collect::<Vec<_>>(),
                    )),
            );
        }
        Ok::<_, StoreError>(Node::list("support_team_list", "support_team", teams))
    };
    match build.await {
        Ok(n) => {
            let xml = n.to_xml().replacen(super::xml::NAMESPACE, NAMESPACE, 1);
            ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], xml).into_response()
        }
        Err(e) => super::super::error::HttpError::from(e).into_response(),
    }
}
