//! Starts when no representative is there: persistent queues wait, others refuse and say so.

use crate::common::reps::*;
use crate::common::*;
use crate::team;
use beckon::domain::catalog::RoutingMode;

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
