//! Routing modes: least busy, skills, and re-offers to the next representative on timeout.

use crate::common::reps::*;
use crate::common::*;
use crate::{start_connected, team};
use beckon::domain::catalog::RoutingMode;
use beckon::domain::ids::{SessionId, UserId};
use serde_json::json;

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
