//! Accepting is atomic: of concurrent accepts, on one node or two, exactly one wins.

use crate::common::reps::*;
use crate::common::*;
use crate::{start_connected, team};
use beckon::domain::catalog::RoutingMode;
use serde_json::json;

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
