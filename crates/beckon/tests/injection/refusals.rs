//! Over-long values, bytes that are not UTF-8 and JSON strings no text can hold.

use crate::common::reps::{customer_ws, next_json, start_json, token_of, RepClient};
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::support::{
    answer, api_token, assert_names_field, command, command_post, corpus, form_encode, raw_http,
    rep_events, xml_texts, CUSTOMER_FIELDS,
};
use serde_json::{json, Value};

/// Far too long values, bytes that are not UTF-8 and JSON strings no text can hold: each gets
/// a clear 4xx (naming the field where there is one), and the server carries on.
#[tokio::test]
async fn long_and_malformed_inputs_get_clear_refusals() {
    let c = corpus();
    let server = TestServer::start_demo().await;
    let t = api_token(&server).await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    let (_, started) = start_json(&server, &[("issue_menu", "1"), ("id", "12")]).await;
    let lsid = started["lsid"].as_str().unwrap().to_string();
    rep.post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
        .await;
    let json_start = |q: String| {
        server
            .client
            .get(server.at(&format!("/api/start_session?issue_menu=1&id=12&{q}")))
            .header("accept", "application/json")
            .send()
    };

    for l in &c.long {
        let v = l.unit.repeat(l.count);
        let e = form_encode(&v);
        let over: String = v.chars().take(5000).collect();
        for f in CUSTOMER_FIELDS
            .iter()
            .chain(&["session.custom.custom_field1", "external_key"])
        {
            // The whole value in a link (no HTTP client builds one this long): a link longer
            // than the server reads is refused before any field is looked at.
            let (s, body) = raw_http(
                server.addr,
                format!(
                    "GET /api/start_session?issue_menu=1&id=12&{f}={e} HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nConnection: close\r\n\r\n"
                )
                .into_bytes(),
            )
            .await;
            assert!(s == 414 || s == 431, "{}: {f}: {s} {body}", l.id);
            // Over every limit but readable: a 400 that names the field.
            let (s, body) = answer(
                json_start(format!("{f}={}", form_encode(&over)))
                    .await
                    .unwrap(),
                &l.id,
            )
            .await;
            assert_names_field(s, &body, &[f, "session.custom.external_key"], &l.id);
        }
        // In a body: 413 (bodies are limited to 64 KB) or a 4xx naming the field.
        let r = server
            .client
            .post(server.at("/api/start_session"))
            .header("accept", "application/json")
            .form(&[("customer.name", v.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(answer(r, &l.id).await.0, 413, "{}", l.id);
        let (s, _) = command_post(
            &server,
            &t,
            &[
                ("action", "send_chat_message"),
                ("lsid", &lsid),
                ("message", &v),
            ],
        )
        .await;
        assert_eq!(s, 413, "{}", l.id);
        let (s, body) = command(
            &server,
            &t,
            &format!(
                "action=send_chat_message&lsid={lsid}&message={}",
                form_encode(&v.chars().take(5000).collect::<String>())
            ),
            false,
        )
        .await;
        assert_names_field(s, &body, &["message", "4000"], &l.id);
        let (s, _) = rep
            .post(
                &format!("/api/rep/sessions/{lsid}/messages"),
                json!({"id": "long", "text": v}),
            )
            .await;
        assert_eq!(s, 413, "{}", l.id);
        let r = server
            .client
            .patch(server.at("/api/config/v1/team/1"))
            .bearer_auth(&t)
            .json(&json!({"name": v}))
            .send()
            .await
            .unwrap();
        assert_eq!(answer(r, &l.id).await.0, 413, "{}", l.id);
        // Just under the body limit: the field is named.
        let short = l.unit.repeat(20_000 / l.unit.len());
        let r = server
            .client
            .patch(server.at("/api/config/v1/team/1"))
            .bearer_auth(&t)
            .json(&json!({"name": short}))
            .send()
            .await
            .unwrap();
        let (s, body) = answer(r, &l.id).await;
        assert_names_field(s, &body, &["\"name\""], &l.id);
        let (s, body) = rep
            .post(
                &format!("/api/rep/sessions/{lsid}/messages"),
                json!({"id": "long", "text": short}),
            )
            .await;
        assert_names_field(s, &body.to_string(), &["4000"], &l.id);
    }

    for b in &c.invalid_utf8 {
        let raw = hex::decode(&b.raw_hex).unwrap();
        assert!(String::from_utf8(raw.clone()).is_err(), "{}", b.id);
        // Raw bytes in the request line: HTTP itself refuses them.
        let mut req = b"GET /api/start_session?customer.name=".to_vec();
        req.extend(&raw);
        req.extend(
            b" HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nConnection: close\r\n\r\n",
        );
        let (s, body) = raw_http(server.addr, req).await;
        assert_eq!(s, 400, "{}: raw bytes in the query: {body}", b.id);
        for f in ["customer.name", "customer.details", "external_key"] {
            let (s, body) = answer(
                json_start(format!("{f}={}", b.percent)).await.unwrap(),
                &b.id,
            )
            .await;
            assert_names_field(s, &body, &[f, "session.custom.external_key"], &b.id);
            // Raw bytes in a form body.
            let mut form = format!("issue_menu=1&id=12&{f}=").into_bytes();
            form.extend(&raw);
            let r = server
                .client
                .post(server.at("/api/start_session"))
                .header("accept", "application/json")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form)
                .send()
                .await
                .unwrap();
            let (s, body) = answer(r, &b.id).await;
            assert_names_field(s, &body, &[f, "session.custom.external_key"], &b.id);
        }
        let (s, body) = command(
            &server,
            &t,
            &format!("action=send_chat_message&lsid={lsid}&message={}", b.percent),
            false,
        )
        .await;
        assert_names_field(s, &body, &["message"], &b.id);
        xml_texts(&body, "error");
        let mut form = format!("action=send_chat_message&lsid={lsid}&message=").into_bytes();
        form.extend(&raw);
        let r = server
            .client
            .post(server.at("/api/command"))
            .bearer_auth(&t)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form)
            .send()
            .await
            .unwrap();
        let (s, body) = answer(r, &b.id).await;
        assert_names_field(s, &body, &["message"], &b.id);
        // Raw bytes inside a JSON string: the JSON is refused.
        let mut j = br#"{"id":"u","text":""#.to_vec();
        j.extend(&raw);
        j.extend(br#""}"#);
        let r = rep
            .client
            .post(server.at(&format!("/api/rep/sessions/{lsid}/messages")))
            .header("x-beckon-csrf", "1")
            .header("content-type", "application/json")
            .body(j)
            .send()
            .await
            .unwrap();
        let (s, _) = answer(r, &b.id).await;
        assert!((400..500).contains(&s), "{}: {s}", b.id);
    }

    for l in &c.lone_surrogates {
        let body = format!(r#"{{"id":"s","text":{}}}"#, l.json);
        let r = rep
            .client
            .post(server.at(&format!("/api/rep/sessions/{lsid}/messages")))
            .header("x-beckon-csrf", "1")
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let (s, _) = answer(r, &l.id).await;
        assert!((400..500).contains(&s), "{}: {s}", l.id);
        let r = server
            .client
            .patch(server.at("/api/config/v1/team/1"))
            .bearer_auth(&t)
            .header("content-type", "application/json")
            .body(format!(r#"{{"name":{}}}"#, l.json))
            .send()
            .await
            .unwrap();
        let (s, _) = answer(r, &l.id).await;
        assert!((400..500).contains(&s), "{}: {s}", l.id);
    }
    // The customer's socket: a lone surrogate and an oversized frame end in an error or a
    // close, and the session's page can connect again.
    let token = token_of(&started);
    for l in &c.lone_surrogates {
        use futures_util::SinkExt;
        let mut ws = customer_ws(&server, &token, 0).await;
        let frame = format!(r#"{{"type":"chat","id":"s","text":{}}}"#, l.json);
        ws.send(tokio_tungstenite::tungstenite::Message::Text(frame.into()))
            .await
            .unwrap();
        loop {
            let m = next_json(&mut ws).await;
            if m["type"] == "error" || m["type"] == "closed" {
                break;
            }
        }
    }
    {
        use futures_util::SinkExt;
        let mut ws = customer_ws(&server, &token, 0).await;
        let frame = json!({"type": "chat", "id": "big", "text": "A".repeat(100_000)}).to_string();
        let _ = ws
            .send(tokio_tungstenite::tungstenite::Message::Text(frame.into()))
            .await;
        loop {
            match tokio::time::timeout(
                std::time::Duration::from_secs(5),
                futures_util::StreamExt::next(&mut ws),
            )
            .await
            .expect("an answer to an oversized frame")
            {
                Some(Ok(tokio_tungstenite::tungstenite::Message::Text(t))) => {
                    let m: Value = serde_json::from_str(&t).unwrap();
                    if m["type"] == "error" {
                        break;
                    }
                }
                Some(Ok(tokio_tungstenite::tungstenite::Message::Close(_)))
                | None
                | Some(Err(_)) => break,
                Some(Ok(_)) => {}
            }
        }
    }
    // Nothing of it was stored, and the server is still well.
    let ev = rep_events(&rep, &lsid).await;
    assert!(ev["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["kind"] != "chat_message"));
    assert_eq!(server.get("/healthz").await.status(), 200);
    let mut ws = customer_ws(&server, &token, 0).await;
    let m = next_json(&mut ws).await;
    assert_ne!(m["type"], "closed", "{m}");
}
