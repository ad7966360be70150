//! Issue 3: queues, routing modes, alert-timeout re-offers, persistent queues, atomic accept
//! and the lifecycle of a session from start to end.

#[path = "../common/mod.rs"]
mod common;

mod accept;
mod availability;
mod lifecycle;
mod modes;

use beckon::domain::catalog::{NewIssue, NewTeam, RoutingMode};
use beckon::domain::ids::{SessionId, TeamId};
use beckon::domain::session::SessionState;
use common::reps::*;
use common::*;

async fn team(
    server: &TestServer,
    code: &str,
    mode: RoutingMode,
    alert_secs: i64,
    persistent: bool,
    skills: Vec<String>,
) -> (TeamId, String) {
    let t = server
        .store
        .create_team(NewTeam {
            id: None,
            name: code.into(),
            code_name: code.into(),
            comments: String::new(),
            routing_mode: mode,
            alert_timeout_secs: alert_secs,
            persistent_queue: persistent,
            unavailable_message: format!("{code} is closed until 9:00"),
            capabilities: beckon::domain::capabilities::team::DEFAULT.to_vec(),
        })
        .await
        .unwrap();
    let issue_code = format!("{code}_issue");
    server
        .store
        .create_issue(NewIssue {
            id: None,
            code_name: issue_code.clone(),
            description: "d".into(),
            team_id: t.id,
            skills,
            position: 0,
        })
        .await
        .unwrap();
    (t.id, issue_code)
}

/// Starts a session for an issue and connects its customer; returns the session id and socket.
async fn start_connected(
    server: &TestServer,
    issue: &str,
    extra: &[(&str, &str)],
) -> (SessionId, String, Ws) {
    let mut params = vec![("codeName", issue)];
    params.extend_from_slice(extra);
    let (status, body) = start_json(server, &params).await;
    assert_eq!(status, 200, "{body}");
    let token = token_of(&body);
    let mut ws = customer_ws(server, &token, 0).await;
    let welcome = next_msg(&mut ws).await;
    assert_eq!(welcome["type"], "welcome");
    let s = server
        .store
        .session_by_lsid(body["lsid"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        s.state,
        SessionState::Queued,
        "connecting the customer queues the session"
    );
    (s.id, body["lsid"].as_str().unwrap().to_string(), ws)
}
