//! Chat messages from the customer, the representative and an integration.

use crate::common::reps::{customer_ws, next_msg, start_json, token_of, RepClient};
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::support::{api_token, command_post, corpus, in_xml, rep_events, report, xml_texts};
use serde_json::{json, Value};

/// Chat messages from the customer (socket), the representative (API) and an integration
/// (command API) are stored, shown and reported exactly.
#[tokio::test]
async fn chat_messages_round_trip_both_ways() {
    let c = corpus();
    let server = TestServer::start_demo().await;
    let t = api_token(&server).await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (_, body) = start_json(&server, &[("issue_menu", "1"), ("id", "12")]).await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let token = token_of(&body);
    let mut ws = customer_ws(&server, &token, 0).await;
    let (s, v) = rep
        .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    assert_eq!(s, 200, "{v}");
    let mut expected = Vec::new();
    for (i, p) in c.payloads.iter().enumerate() {
        use futures_util::SinkExt;
        // A connection may send a burst of 10 messages; a new one starts a new burst.
        if i % 10 == 9 {
            ws = customer_ws(&server, &token, i64::MAX).await;
        }
        let msg = json!({"type": "chat", "id": format!("c{i}"), "text": p.text}).to_string();
        ws.send(tokio_tungstenite::tungstenite::Message::Text(msg.into()))
            .await
            .unwrap();
        loop {
            let m = next_msg(&mut ws).await;
            assert!(
                m["type"] != "error" && m["type"] != "closed",
                "{}: {m}",
                p.id
            );
            if m["type"] == "ack" && m["id"] == format!("c{i}") {
                break;
            }
        }
        let (s, v) = rep
            .post(
                &format!("/api/rep/sessions/{lsid}/messages"),
                json!({"id": format!("r{i}"), "text": p.text}),
            )
            .await;
        assert_eq!(s, 200, "{}: {v}", p.id);
        let (s, doc) = command_post(
            &server,
            &t,
            &[
                ("action", "send_chat_message"),
                ("lsid", &lsid),
                ("message", &p.text),
            ],
        )
        .await;
        assert_eq!(s, 200, "{}: {doc}", p.id);
        expected.extend([p.text.clone(), p.text.clone(), p.text.clone()]);
    }
    // The customer's socket hears every message exactly (its own included), from the start.
    let mut ws = customer_ws(&server, &token, 0).await;
    let mut heard = Vec::new();
    while heard.len() < expected.len() {
        let m = next_msg(&mut ws).await;
        assert_ne!(m["type"], "closed", "{m}");
        assert_ne!(m["type"], "error", "{m}");
        if m["type"] == "event" && m["kind"] == "chat_message" {
            heard.push(m["body"]["text"].as_str().unwrap().to_string());
        }
    }
    let mut sorted_heard = heard.clone();
    let mut sorted_expected = expected.clone();
    sorted_heard.sort();
    sorted_expected.sort();
    assert_eq!(sorted_heard, sorted_expected, "the customer's socket");

    let ev = rep_events(&rep, &lsid).await;
    let stored: Vec<String> = ev["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "chat_message")
        .map(|e| e["body"]["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(stored, heard, "stored in the order the customer saw");

    let doc = report(
        &server,
        &t,
        &format!("generate_report=SupportSession&lsid={lsid}"),
    )
    .await;
    let bodies = xml_texts(&doc, "body");
    assert_eq!(
        bodies,
        stored.iter().map(|s| in_xml(s)).collect::<Vec<_>>(),
        "the report's chat"
    );
    // The event data is JSON inside XML: it must parse back to the event's body.
    for (d, s) in xml_texts(&doc, "data")
        .iter()
        .filter(|d| d.contains("\"text\""))
        .zip(&stored)
    {
        let body: Value = serde_json::from_str(d).unwrap();
        // serde_json writes controls as `\u0001` escapes; U+FFFE and U+FFFF raw, which XML drops.
        let kept: String = s
            .chars()
            .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
            .collect();
        assert_eq!(body["text"], kept);
    }

    // The transcript's text file carries the messages exactly.
    let txt = server.get(&format!("/chat/{token}/transcript.txt")).await;
    assert_eq!(txt.status(), 200);
    let txt = txt.text().await.unwrap();
    for p in &c.payloads {
        assert!(txt.contains(&p.text), "{}: transcript.txt", p.id);
    }
}
