//! Issue 3: queues, routing modes, alert-timeout re-offers, persistent queues, atomic accept
//! and the lifecycle of a session from start to end.

mod common;

use beckon::domain::catalog::{NewIssue, NewTeam, RoutingMode};
use beckon::domain::ids::{SessionId, TeamId, UserId};
use beckon::domain::session::SessionState;
use common::reps::*;
use common::*;
use futures_util::SinkExt;
use serde_json::json;

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

async fn skill(server: &TestServer, code: &str) -> beckon::domain::ids::SkillId {
    server
        .store
        .create_skill(None, code, code)
        .await
        .unwrap()
        .id
}

async fn offered_to(server: &TestServer, id: SessionId) -> Option<UserId> {
    server
        .store
        .session_by_id(id)
        .await
        .unwrap()
        .unwrap()
        .offered_to
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

#[tokio::test]
async fn least_busy_routing_offers_to_the_rep_with_fewest_sessions() {
    let server = TestServer::start().await;
    let (t, issue) = team(&server, "desk", RoutingMode::LeastBusy, 60, true, vec![]).await;
    let a = create_rep(&server, "a", "Ann", &[t], &[]).await;
    let b = create_rep(&server, "b", "Bob", &[t], &[]).await;
    let ra = RepClient::login(&server, "a", PW).await;
    let rb = RepClient::login(&server, "b", PW).await;
    ra.available().await;
    rb.available().await;
    // Ann (lower idle_since tie-break aside) gets the first; once she works it, Bob gets the next.
    let (s1, lsid1, _ws1) = start_connected(&server, &issue, &[]).await;
    wait_for(
        || async { offered_to(&server, s1).await.is_some() },
        "first offer",
    )
    .await;
    let first = offered_to(&server, s1).await.unwrap();
    let (winner, other) = if first == a { (&ra, b) } else { (&rb, a) };
    let (st, _) = winner
        .post(&format!("/api/rep/sessions/{lsid1}/accept"), json!({}))
        .await;
    assert_eq!(st, 200);
    let (s2, _, _ws2) = start_connected(&server, &issue, &[]).await;
    wait_for(
        || async { offered_to(&server, s2).await.is_some() },
        "second offer",
    )
    .await;
    assert_eq!(
        offered_to(&server, s2).await,
        Some(other),
        "the rep with no active session gets it"
    );
}

#[tokio::test]
async fn skills_routing_prefers_covering_reps_and_drops_the_lowest_ranked_skill() {
    let server = TestServer::start().await;
    let net = skill(&server, "networking").await;
    let print = skill(&server, "printing").await;
    let _fr = skill(&server, "french").await;
    let (t, issue) = team(
        &server,
        "tech",
        RoutingMode::SkillsThenLeastBusy,
        60,
        true,
        vec!["networking".into()],
    )
    .await;
    let _a = create_rep(&server, "a", "Ann", &[t], &[net]).await;
    let b = create_rep(&server, "b", "Bob", &[t], &[net, print]).await;
    let c = create_rep(&server, "c", "Cid", &[t], &[print]).await;
    for u in ["a", "b", "c"] {
        RepClient::login(&server, u, PW).await.available().await;
    }
    // networking (from the issue) + printing (from the page): only Bob covers both.
    let (s1, _, _w1) = start_connected(&server, &issue, &[("skills", "printing")]).await;
    wait_for(
        || async { offered_to(&server, s1).await.is_some() },
        "offer",
    )
    .await;
    assert_eq!(offered_to(&server, s1).await, Some(b));
    // networking + french: nobody has french (lowest rank), dropped; then networking: Ann or Bob.
    let (s2, _, _w2) = start_connected(&server, &issue, &[("skills", "french")]).await;
    wait_for(
        || async { offered_to(&server, s2).await.is_some() },
        "offer",
    )
    .await;
    let got = offered_to(&server, s2).await.unwrap();
    assert_ne!(got, c, "Cid lacks networking");
}

#[tokio::test]
async fn an_offer_not_accepted_in_time_goes_to_the_next_rep() {
    let server = TestServer::start().await;
    let (t, issue) = team(&server, "desk", RoutingMode::LeastBusy, 1, true, vec![]).await;
    let a = create_rep(&server, "a", "Ann", &[t], &[]).await;
    let b = create_rep(&server, "b", "Bob", &[t], &[]).await;
    RepClient::login(&server, "a", PW).await.available().await;
    RepClient::login(&server, "b", PW).await.available().await;
    let (s, _, _ws) = start_connected(&server, &issue, &[]).await;
    wait_for(
        || async { offered_to(&server, s).await.is_some() },
        "first offer",
    )
    .await;
    let first = offered_to(&server, s).await.unwrap();
    let next = if first == a { b } else { a };
    wait_for(
        || async { offered_to(&server, s).await == Some(next) },
        "re-offer to the other rep",
    )
    .await;
    let events = server.store.events_after(s, 0, 100).await.unwrap();
    assert!(events
        .iter()
        .any(|e| e.kind == "offer_timed_out" && e.body["rep_id"] == first.0));
}

#[tokio::test]
async fn nobody_logged_in_persistent_queues_wait_and_others_refuse() {
    let server = TestServer::start().await;
    let (_t1, persistent) = team(&server, "open", RoutingMode::LeastBusy, 60, true, vec![]).await;
    let (_t2, closed) = team(&server, "shut", RoutingMode::LeastBusy, 60, false, vec![]).await;
    let (st, body) = start_json(&server, &[("codeName", &persistent)]).await;
    assert_eq!(st, 200);
    assert_eq!(body["nobody_available"], true);
    let (st, body) = start_json(&server, &[("codeName", &closed)]).await;
    assert_eq!(st, 409);
    assert_eq!(body["error"]["code"], "nobody_available");
    assert_eq!(
        body["error"]["message"], "shut is closed until 9:00",
        "the team's own message"
    );
}

#[tokio::test]
async fn concurrent_accepts_have_exactly_one_winner() {
    let server = TestServer::start().await;
    let (t, issue) = team(&server, "pick", RoutingMode::None, 60, true, vec![]).await;
    let mut reps = Vec::new();
    for i in 0..12 {
        create_rep(&server, &format!("r{i}"), &format!("Rep {i}"), &[t], &[]).await;
        reps.push(RepClient::login(&server, &format!("r{i}"), PW).await);
    }

    let (_s, lsid, _ws) = start_connected(&server, &issue, &[]).await;
    let path = format!("/api/rep/sessions/{lsid}/accept");
    let results =
        futures_util::future::join_all(reps.iter().map(|r| r.post(&path, json!({})))).await;
    let winners = results.iter().filter(|(s, _)| *s == 200).count();
    let losers: Vec<_> = results.iter().filter(|(s, _)| *s == 409).collect();
    assert_eq!(winners, 1, "{results:?}");
    assert_eq!(losers.len(), 11, "{results:?}");
    assert!(losers
        .iter()
        .all(|(_, b)| b["error"]["code"] == "already_taken"));
}

#[tokio::test]
async fn concurrent_accepts_across_two_server_nodes_sharing_a_database() {
    let first = TestServer::start().await;
    let (t, issue) = team(&first, "pick", RoutingMode::None, 60, true, vec![]).await;
    for i in 0..6 {
        create_rep(&first, &format!("r{i}"), &format!("Rep {i}"), &[t], &[]).await;
    }
    // The second node opens the same SQLite file with its own connection pool.
    let shared = first.data_dir().to_path_buf();
    let second = {
        let store = std::sync::Arc::new(
            beckon::store::sqlite::SqliteStore::open(&shared)
                .await
                .unwrap(),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let common = beckon::config::CommonArgs {
            config: None,
            data_dir: Some(shared.clone()),
        };
        let args = beckon::config::ServeArgs {
            listen: Some(addr),
            ..Default::default()
        };
        let settings =
            beckon::config::Settings::resolve(&common, &args, &Default::default()).unwrap();
        let state =
            beckon::app::AppState::new(store, settings, tokio_util::sync::CancellationToken::new())
                .unwrap();
        tokio::spawn(beckon::server::serve(state.clone(), listener, None));
        (format!("http://{addr}"), state)
    };
    let (_s, lsid, _ws) = start_connected(&first, &issue, &[]).await;
    let mut clients = Vec::new();
    for i in 0..6 {
        let c = RepClient::login(&first, &format!("r{i}"), PW).await;
        // Half of the representatives talk to the second node with the same login cookie.
        let c = if i % 2 == 0 {
            c
        } else {
            RepClient {
                client: c.client,
                base: second.0.clone(),
            }
        };
        clients.push(c);
    }
    let path = format!("/api/rep/sessions/{lsid}/accept");
    let results =
        futures_util::future::join_all(clients.iter().map(|r| r.post(&path, json!({})))).await;
    assert_eq!(
        results.iter().filter(|(s, _)| *s == 200).count(),
        1,
        "{results:?}"
    );
    assert_eq!(
        results.iter().filter(|(s, _)| *s == 409).count(),
        5,
        "{results:?}"
    );
    second.1.shutdown.cancel();
}

#[tokio::test]
async fn a_session_goes_from_start_to_end_with_chat_both_ways() {
    let server = TestServer::start_demo().await;
    let rep = RepClient::login(&server, "demo-admin", DEMO_PASSWORD).await;
    let (st, body) = start_json(
        &server,
        &[
            ("short_key", "8347482"),
            ("c2cjs", "1"),
            ("customer.name", "Ann"),
        ],
    )
    .await;
    assert_eq!(st, 200);
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let mut ws = customer_ws(&server, &token_of(&body), 0).await;
    assert_eq!(next_msg(&mut ws).await["type"], "welcome");
    // The log so far: created, then queued when the page connected.
    let e1 = next_msg(&mut ws).await;
    assert_eq!(
        (e1["seq"].as_i64(), e1["kind"].as_str()),
        (Some(1), Some("created"))
    );
    let e2 = next_msg(&mut ws).await;
    assert_eq!(e2["body"]["to"], "queued");

    let (s, q) = rep.get("/api/rep/queue").await;
    assert_eq!(s, 200);
    assert!(q["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["lsid"] == lsid.as_str() && x["customer"]["name"] == "Ann"));
    let (s, _) = rep
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    assert_eq!(s, 200);
    let joined = next_msg(&mut ws).await;
    assert_eq!(joined["kind"], "member_joined");
    assert_eq!(joined["body"]["name"], "Admin");

    ws.send(tokio_tungstenite::tungstenite::Message::Text(
        json!({"type": "chat", "id": "m1", "text": "hello"})
            .to_string()
            .into(),
    ))
    .await
    .unwrap();
    let ack = next_msg(&mut ws).await;
    assert_eq!(ack["type"], "ack");
    let seq = ack["seq"].as_i64().unwrap();
    assert_eq!(next_msg(&mut ws).await["seq"].as_i64(), Some(seq));
    // A resend with the same id is stored once.
    ws.send(tokio_tungstenite::tungstenite::Message::Text(
        json!({"type": "chat", "id": "m1", "text": "hello"})
            .to_string()
            .into(),
    ))
    .await
    .unwrap();
    assert_eq!(next_msg(&mut ws).await["seq"].as_i64(), Some(seq));

    let (s, _) = rep
        .post(
            &format!("/api/rep/sessions/{lsid}/messages"),
            json!({"id": "r1", "text": "hi Ann"}),
        )
        .await;
    assert_eq!(s, 200);
    let msg = next_msg(&mut ws).await;
    assert_eq!(
        (
            msg["kind"].as_str(),
            msg["from"].as_str(),
            msg["body"]["text"].as_str()
        ),
        (Some("chat_message"), Some("rep"), Some("hi Ann"))
    );

    let (s, ev) = rep.get(&format!("/api/rep/sessions/{lsid}/events")).await;
    assert_eq!(s, 200);
    let chats: Vec<_> = ev["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "chat_message")
        .collect();
    assert_eq!(chats.len(), 2);

    let (s, _) = rep
        .post(&format!("/api/rep/sessions/{lsid}/end"), json!({}))
        .await;
    assert_eq!(s, 204);
    let end = next_msg(&mut ws).await;
    assert_eq!(end["body"]["to"], "ended");
    let s = server.store.session_by_lsid(&lsid).await.unwrap().unwrap();
    assert_eq!(s.state, SessionState::Ended);
    assert_eq!(s.end_reason.as_deref(), Some("rep_ended"));
    // A reconnect after the end is refused; the chat page says the session is over.
    let r = server.get(&format!("/chat/{}", token_of(&body))).await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn a_customer_who_never_connects_expires() {
    let server = TestServer::start_demo().await;
    server
        .store
        .set_setting(beckon::domain::settings::CUSTOMER_CONNECT_TIMEOUT, "1")
        .await
        .unwrap();
    let (st, body) = start_json(&server, &[("short_key", "7683902")]).await;
    assert_eq!(st, 200);
    let lsid = body["lsid"].as_str().unwrap().to_string();
    wait_for(
        || async {
            server
                .store
                .session_by_lsid(&lsid)
                .await
                .unwrap()
                .unwrap()
                .state
                == SessionState::Ended
        },
        "expiry of an unconnected session",
    )
    .await;
    let s = server.store.session_by_lsid(&lsid).await.unwrap().unwrap();
    assert_eq!(s.end_reason.as_deref(), Some("customer_never_connected"));
}

#[tokio::test]
async fn reconnecting_with_the_last_seq_resumes_without_duplicates() {
    let server = TestServer::start_demo().await;
    let (_, body) = start_json(&server, &[("short_key", "8347482"), ("c2cjs", "1")]).await;
    let token = token_of(&body);
    let mut ws = customer_ws(&server, &token, 0).await;
    next_msg(&mut ws).await; // welcome
    next_msg(&mut ws).await; // created
    let queued = next_msg(&mut ws).await;
    let last = queued["seq"].as_i64().unwrap();
    for i in 0..3 {
        ws.send(tokio_tungstenite::tungstenite::Message::Text(
            json!({"type": "chat", "id": format!("c{i}"), "text": format!("m{i}")})
                .to_string()
                .into(),
        ))
        .await
        .unwrap();
        assert_eq!(next_msg(&mut ws).await["type"], "ack");
        next_msg(&mut ws).await;
    }
    drop(ws);
    let mut ws = customer_ws(&server, &token, last).await;
    assert_eq!(next_msg(&mut ws).await["type"], "welcome");
    let mut seqs = Vec::new();
    for _ in 0..3 {
        let e = next_msg(&mut ws).await;
        seqs.push(e["seq"].as_i64().unwrap());
    }
    assert_eq!(seqs, vec![last + 1, last + 2, last + 3]);
}

#[tokio::test]
async fn shutdown_closes_websockets_with_a_close_frame() {
    let server = TestServer::start_demo().await;
    let (_, body) = start_json(&server, &[("short_key", "8347482"), ("c2cjs", "1")]).await;
    let mut ws = customer_ws(&server, &token_of(&body), 0).await;
    assert_eq!(next_msg(&mut ws).await["type"], "welcome");
    next_msg(&mut ws).await;
    next_msg(&mut ws).await;
    server.state.shutdown.cancel();
    let closed = next_msg(&mut ws).await;
    assert_eq!(closed["type"], "closed");
    let frame = closed["frame"].as_str().unwrap();
    assert!(frame.contains("Away") || frame.contains("1001"), "{frame}");
    assert!(frame.contains("server restarting"), "{frame}");
    server.stop().await;
}

#[tokio::test]
async fn the_chat_page_is_told_when_nobody_is_available() {
    let server = TestServer::start().await;
    let (t, issue) = team(&server, "night", RoutingMode::LeastBusy, 60, true, vec![]).await;
    create_rep(&server, "a", "Ann", &[t], &[]).await;
    let (_s, _lsid, mut ws) = {
        let (status, body) = start_json(&server, &[("codeName", &issue)]).await;
        assert_eq!(status, 200);
        let ws = customer_ws(&server, &token_of(&body), 0).await;
        (0, body, ws)
    };
    let welcome = next_msg(&mut ws).await;
    assert_eq!(welcome["nobody_available"], "night is closed until 9:00");
    // Once a member signs in, a new connection is not told so.
    RepClient::login(&server, "a", PW).await.available().await;
    let (_, body) = start_json(&server, &[("codeName", &issue)]).await;
    let mut ws = customer_ws(&server, &token_of(&body), 0).await;
    assert!(next_msg(&mut ws).await["nobody_available"].is_null());
}
