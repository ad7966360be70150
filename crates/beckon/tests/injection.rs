//! Issue 12, item 4: every payload of the shared corpus (`tests/corpus/injection.json`, also
//! used by `tests/browser/injection.test.js`) through every input that reaches a JSON or XML
//! answer, a report, an outbound event or a log line.
//!
//! For each input and payload the answer must parse (JSON with serde_json, XML with roxmltree,
//! a strict parser) and either carry the payload exactly as typed, or be a clear 4xx that names
//! the field. XML cannot carry some characters at all (NUL, most C0 controls, U+FFFE/U+FFFF);
//! those are dropped from XML answers, as docs/api.md says, and only those. No answer is ever
//! a 500, the server never stops, and each log line stays one line.
// Plain threads read the child's log in the log test; blocking sleeps are fine there.
#![allow(clippy::disallowed_methods)]

mod common;

use beckon::domain::admin::site;
use common::reps::*;
use common::*;
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

#[derive(Deserialize)]
struct Corpus {
    payloads: Vec<Payload>,
    lone_surrogates: Vec<Lone>,
    invalid_utf8: Vec<BadUtf8>,
    long: Vec<Long>,
}

#[derive(Deserialize, Clone)]
struct Payload {
    id: String,
    text: String,
}

#[derive(Deserialize)]
struct Lone {
    id: String,
    json: String,
}

#[derive(Deserialize)]
struct BadUtf8 {
    id: String,
    percent: String,
    raw_hex: String,
}

#[derive(Deserialize)]
struct Long {
    id: String,
    unit: String,
    count: usize,
}

fn corpus() -> Corpus {
    let c: Corpus =
        serde_json::from_str(include_str!("../../../tests/corpus/injection.json")).unwrap();
    // The corpus's own promises, which the round-trip checks rely on.
    for p in &c.payloads {
        assert!(
            !p.text.is_empty() && p.text.chars().count() <= 100,
            "{}",
            p.id
        );
        assert_eq!(p.text.trim(), p.text, "{}: no edge whitespace", p.id);
    }
    c
}

/// XML 1.0's `Char` production: what an XML document can carry at all.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// What an XML answer carries of a text: exactly the characters XML can carry.
fn in_xml(s: &str) -> String {
    s.chars().filter(|c| xml_char(*c)).collect()
}

fn form_encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A strictly parsed XML answer: the texts of every element called `name`, in order.
fn xml_texts(doc: &str, name: &str) -> Vec<String> {
    let parsed = roxmltree::Document::parse(doc)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{doc}"));
    parsed
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
}

/// The values of attribute `attr` of every element called `name`.
fn xml_attrs(doc: &str, name: &str, attr: &str) -> Vec<String> {
    let parsed = roxmltree::Document::parse(doc)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{doc}"));
    parsed
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .filter_map(|n| n.attribute(attr).map(str::to_string))
        .collect()
}

/// A response's status and body; never a server error.
async fn answer(r: reqwest::Response, what: &str) -> (u16, String) {
    let status = r.status().as_u16();
    let body = r.text().await.unwrap();
    assert!(status < 500, "{what}: answered {status}: {body}");
    (status, body)
}

/// Sends raw bytes as one HTTP request and reads the answer's status and body (0 when the
/// server closed without one).
async fn raw_http(addr: std::net::SocketAddr, request: Vec<u8>) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    // The server may answer and close before it has read everything.
    let _ = s.write_all(&request).await;
    let mut out = Vec::new();
    let _ = tokio::time::timeout(std::time::Duration::from_secs(10), s.read_to_end(&mut out)).await;
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    assert!(status < 500, "answered {status}: {text}");
    (status, text)
}

/// A refusal must be a 4xx that names the field (in the JSON error, or in its text).
fn assert_names_field(status: u16, body: &str, fields: &[&str], what: &str) {
    assert!((400..500).contains(&status), "{what}: {status} {body}");
    assert!(
        fields.iter().any(|f| body.contains(f)),
        "{what}: the refusal names none of {fields:?}: {body}"
    );
}

async fn api_token(server: &TestServer) -> String {
    let c = site::create_api_account(server.store.as_ref(), "test", "CRM", "full", true)
        .await
        .unwrap();
    let r = server
        .client
        .post(server.at("/oauth2/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", c.account.client_id.as_str()),
            ("client_secret", c.client_secret.as_str()),
        ])
        .send()
        .await
        .unwrap();
    let body: Value = r.json().await.unwrap();
    body["access_token"].as_str().unwrap().to_string()
}

/// `GET /api/command?<query>` (or `/api/command/v2` for JSON) with the bearer token.
async fn command(server: &TestServer, t: &str, query: &str, json: bool) -> (u16, String) {
    let path = if json {
        "/api/command/v2"
    } else {
        "/api/command"
    };
    let r = server
        .client
        .get(server.at(&format!("{path}?{query}")))
        .bearer_auth(t)
        .send()
        .await
        .unwrap();
    answer(r, query).await
}

async fn command_post(server: &TestServer, t: &str, form: &[(&str, &str)]) -> (u16, String) {
    let r = server
        .client
        .post(server.at("/api/command"))
        .bearer_auth(t)
        .form(form)
        .send()
        .await
        .unwrap();
    answer(r, &format!("{form:?}")).await
}

async fn report(server: &TestServer, t: &str, query: &str) -> String {
    let r = server
        .client
        .get(server.at(&format!("/api/reporting?{query}")))
        .bearer_auth(t)
        .send()
        .await
        .unwrap();
    let (s, body) = answer(r, query).await;
    assert_eq!(s, 200, "{body}");
    body
}

async fn rep_events(rep: &RepClient, lsid: &str) -> Value {
    let (s, v) = rep.get(&format!("/api/rep/sessions/{lsid}/events")).await;
    assert_eq!(s, 200, "{v}");
    v
}

const CUSTOMER_FIELDS: [&str; 4] = [
    "customer.name",
    "customer.company",
    "customer.company_code",
    "customer.details",
];

/// Customer fields, custom fields, the external key and the page address (Referer), sent by
/// POST form and by GET link, come back exactly from the representative API (JSON), the command
/// API (XML and JSON) and the session report (XML); a session key's external key too.
#[tokio::test]
async fn customer_inputs_round_trip_through_every_answer() {
    let c = corpus();
    let server = TestServer::start_demo().await;
    let t = api_token(&server).await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    for (i, p) in c.payloads.iter().enumerate() {
        let v = p.text.as_str();
        let mut params: Vec<(&str, &str)> = vec![("issue_menu", "1"), ("id", "12")];
        params.extend(CUSTOMER_FIELDS.iter().map(|f| (*f, v)));
        params.extend([
            ("session.custom.custom_field1", v),
            ("session.custom.custom_field2", v),
            ("external_key", v),
        ]);
        let mut req = if i % 2 == 0 {
            server
                .client
                .post(server.at("/api/start_session"))
                .form(&params)
        } else {
            let q: String = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&params)
                .finish();
            server
                .client
                .get(server.at(&format!("/api/start_session?{q}")))
        };
        // A header can carry only visible ASCII: the Referer gets the payloads that fit.
        let referer_ok = v.bytes().all(|b| (0x20..0x7f).contains(&b));
        if referer_ok {
            req = req.header("referer", v);
        }
        let (s, body) = answer(
            req.header("accept", "application/json")
                .send()
                .await
                .unwrap(),
            &p.id,
        )
        .await;
        assert_eq!(s, 200, "{}: {body}", p.id);
        let started: Value = serde_json::from_str(&body).unwrap();
        let lsid = started["lsid"].as_str().unwrap().to_string();

        // The representative's JSON.
        let ev = rep_events(&rep, &lsid).await;
        let sv = &ev["session"];
        for (f, key) in [
            ("name", "name"),
            ("company", "company"),
            ("company_code", "company_code"),
            ("details", "details"),
        ] {
            assert_eq!(sv["customer"][key], v, "{}: customer.{f}", p.id);
        }
        assert_eq!(sv["attributes"]["custom_field1"], v, "{}", p.id);
        assert_eq!(sv["attributes"]["custom_field2"], v, "{}", p.id);
        assert_eq!(sv["external_key"], v, "{}", p.id);
        if referer_ok {
            assert_eq!(sv["page_url"], v, "{}: page_url", p.id);
        }

        // The command API, XML and JSON.
        let (s, doc) = command(
            &server,
            &t,
            &format!("action=get_session_attributes&lsid={lsid}"),
            false,
        )
        .await;
        assert_eq!(s, 200, "{doc}");
        assert_eq!(
            xml_texts(&doc, "custom_attribute"),
            vec![in_xml(v); 3],
            "{}: XML attributes",
            p.id
        );
        let (_, j) = command(
            &server,
            &t,
            &format!("action=get_session_attributes&lsid={lsid}"),
            true,
        )
        .await;
        let j: Value = serde_json::from_str(&j).unwrap();
        for a in j["custom_attributes"]["custom_attribute"]
            .as_array()
            .unwrap()
        {
            assert_eq!(a["value"], v, "{}: JSON attributes", p.id);
        }

        // The session report.
        let doc = report(
            &server,
            &t,
            &format!("generate_report=SupportSession&lsid={lsid}"),
        )
        .await;
        let x = in_xml(v);
        for (el, what) in [
            ("username", "customer.name"),
            ("company", "customer.company"),
            ("company_code", "customer.company_code"),
            ("details", "customer.details"),
            ("external_key", "external_key"),
        ] {
            assert_eq!(
                xml_texts(&doc, el),
                vec![x.clone()],
                "{}: report {what}",
                p.id
            );
        }
        assert_eq!(
            xml_texts(&doc, "custom_attribute"),
            vec![x.clone(); 2],
            "{}",
            p.id
        );
        if referer_ok {
            assert_eq!(xml_texts(&doc, "page_url"), vec![x.clone()], "{}", p.id);
        }

        // A session key's external key, set by the command API and used by a start.
        let (s, key) = command_post(
            &server,
            &t,
            &[
                ("action", "generate_session_key"),
                ("type", "support"),
                ("queue_id", "rep:12"),
                ("external_key", v),
            ],
        )
        .await;
        assert_eq!(s, 200, "{key}");
        let short = xml_texts(&key, "short_key").remove(0);
        let (s, body) = start_json(&server, &[("short_key", &short)]).await;
        assert_eq!(s, 200, "{body}");
        let keyed = server
            .store
            .session_by_lsid(body["lsid"].as_str().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(keyed.external_key, v, "{}: key's external_key", p.id);

        // set_session_attributes with the payload, then read back.
        let (s, doc) = command_post(
            &server,
            &t,
            &[
                ("action", "set_session_attributes"),
                ("lsid", &lsid),
                ("session.custom.custom_field1", v),
                ("session.custom.external_key", v),
            ],
        )
        .await;
        assert_eq!(s, 200, "{}: {doc}", p.id);
        xml_texts(&doc, "success");
    }
}

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

/// Names administrators set through the configuration API (team, issue, skill, custom field,
/// representative display names) come back exactly from the configuration API, the console's
/// labels, the command API and the team report, or are refused with the field named.
#[tokio::test]
async fn admin_names_round_trip_or_are_refused_by_field() {
    let c = corpus();
    let server = TestServer::start_demo().await;
    let t = api_token(&server).await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    rep.available().await;
    // A session with a custom field, for the field's display name in get_session_attributes.
    let (_, body) = start_json(
        &server,
        &[
            ("issue_menu", "1"),
            ("id", "12"),
            ("session.custom.custom_field1", "x"),
        ],
    )
    .await;
    let lsid = body["lsid"].as_str().unwrap().to_string();
    let fields = server.store.list_custom_fields().await.unwrap();
    let field_id = fields
        .iter()
        .find(|f| f.code_name == "custom_field1")
        .unwrap()
        .id;
    let skill_id = server.store.list_skills().await.unwrap()[0].id;
    let mut accepted = 0;
    for p in &c.payloads {
        let v = p.text.as_str();
        // (resource, id, field set, fields it names when refused)
        let cases: [(&str, String, Vec<&str>); 5] = [
            ("team", "1".into(), vec!["name", "comments"]),
            ("issue", "12".into(), vec!["description"]),
            ("skill", skill_id.to_string(), vec!["display_name"]),
            ("custom-field", field_id.to_string(), vec!["display_name"]),
            (
                "user",
                "12".into(),
                vec!["public_display_name", "private_display_name"],
            ),
        ];
        let mut ok = Vec::new();
        for (kind, id, set) in &cases {
            let mut patch = serde_json::Map::new();
            for f in set {
                patch.insert((*f).to_string(), json!(v));
            }
            let r = server
                .client
                .patch(server.at(&format!("/api/config/v1/{kind}/{id}")))
                .bearer_auth(&t)
                .json(&patch)
                .send()
                .await
                .unwrap();
            let (s, body) = answer(r, &format!("{} {kind}", p.id)).await;
            let j: Value = serde_json::from_str(&body)
                .unwrap_or_else(|e| panic!("{}: {kind}: not JSON ({e}): {body}", p.id));
            if s == 200 {
                for f in set {
                    assert_eq!(j[*f], v, "{}: {kind}.{f}", p.id);
                }
                ok.push(*kind);
            } else {
                assert_eq!(s, 422, "{}: {kind}: {body}", p.id);
                let field = j["error"]["field"].as_str().unwrap_or_default();
                assert!(set.contains(&field), "{}: {kind}: field {field}", p.id);
                assert!(!j["error"]["message"].as_str().unwrap().is_empty());
            }
        }
        if ok.len() == cases.len() {
            accepted += 1;
        }
        let x = in_xml(v);
        // The console's labels (JSON).
        let (_, labels) = rep.get("/api/rep/labels").await;
        let team = |j: &Value| {
            j["teams"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["name"] == v)
        };
        if ok.contains(&"team") {
            assert!(team(&labels), "{}: labels team", p.id);
        }
        if ok.contains(&"issue") {
            assert!(
                labels["issues"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|i| i["description"] == v),
                "{}: labels issue",
                p.id
            );
        }
        if ok.contains(&"custom-field") {
            assert!(
                labels["custom_fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["display_name"] == v),
                "{}: labels field",
                p.id
            );
        }
        // The command API and the team report (XML).
        let (_, teams) =
            command(&server, &t, "action=get_support_teams&showmembers=1", false).await;
        let names = xml_texts(&teams, "name");
        if ok.contains(&"team") {
            assert!(names.contains(&x), "{}: get_support_teams name", p.id);
            assert!(xml_texts(&teams, "comments").contains(&x), "{}", p.id);
        }
        if ok.contains(&"issue") {
            assert!(xml_texts(&teams, "description").contains(&x), "{}", p.id);
        }
        let (_, reps) = command(&server, &t, "action=get_logged_in_reps", false).await;
        let (_, attrs) = command(
            &server,
            &t,
            &format!("action=get_session_attributes&lsid={lsid}"),
            false,
        )
        .await;
        let team_report = report(&server, &t, "generate_report=SupportTeam").await;
        if ok.contains(&"user") {
            assert!(
                xml_texts(&reps, "public_display_name").contains(&x),
                "{}: get_logged_in_reps",
                p.id
            );
            assert!(xml_texts(&reps, "private_display_name").contains(&x));
            assert!(
                xml_texts(&team_report, "display_name").contains(&x),
                "{}: SupportTeam member",
                p.id
            );
        }
        if ok.contains(&"custom-field") {
            assert!(
                xml_attrs(&attrs, "custom_attribute", "display_name").contains(&x),
                "{}: custom_attribute display_name",
                p.id
            );
        }
        if ok.contains(&"team") {
            assert!(xml_texts(&team_report, "name").contains(&x), "{}", p.id);
        }
    }
    // Markup, templates and look-alikes are names like any other: most payloads are taken.
    assert!(
        accepted * 2 > c.payloads.len(),
        "only {accepted} payloads were accepted everywhere"
    );
}

/// One received outbound event: its form fields.
type Form = Vec<(String, String)>;

async fn receive(
    axum::extract::State(got): axum::extract::State<Arc<Mutex<Vec<Form>>>>,
    headers: axum::http::HeaderMap,
    body: String,
) -> axum::http::StatusCode {
    let sig = headers
        .get("x-beckon-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert_eq!(
        sig,
        beckon::delivery::signature("secret-secret-secret", &body)
    );
    got.lock().unwrap().push(
        form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect(),
    );
    axum::http::StatusCode::OK
}

/// External keys and display names reach the endpoints' form-encoded events exactly.
#[tokio::test]
async fn outbound_events_carry_payloads_exactly() {
    let c = corpus();
    let got: Arc<Mutex<Vec<Form>>> = Arc::default();
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(receive))
        .with_state(got.clone());
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });

    let server = TestServer::start_demo().await;
    let t = api_token(&server).await;
    let all: Vec<String> = beckon::domain::endpoint::EVENT_NAMES
        .iter()
        .map(|s| s.to_string())
        .collect();
    site::create_endpoint(
        server.store.as_ref(),
        "t",
        &hook,
        &all,
        "secret-secret-secret",
    )
    .await
    .unwrap();
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    // (lsid, external key, representative's display name or None when refused)
    let mut sent = Vec::new();
    for p in &c.payloads {
        let v = p.text.as_str();
        let r = server
            .client
            .patch(server.at("/api/config/v1/user/12"))
            .bearer_auth(&t)
            .json(&json!({"public_display_name": v}))
            .send()
            .await
            .unwrap();
        let name = (answer(r, &p.id).await.0 == 200).then(|| v.to_string());
        let (s, body) = start_json(
            &server,
            &[
                ("issue_menu", "1"),
                ("id", "12"),
                ("external_key", v),
                ("customer.name", v),
            ],
        )
        .await;
        assert_eq!(s, 200, "{body}");
        let lsid = body["lsid"].as_str().unwrap().to_string();
        let (s, b) = rep
            .post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}))
            .await;
        assert_eq!(s, 200, "{b}");
        rep.post(&format!("/api/rep/sessions/{lsid}/end"), json!({}))
            .await;
        sent.push((lsid, v.to_string(), name));
    }
    let want = sent.len() * 3;
    for _ in 0..300 {
        if got.lock().unwrap().len() >= want {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let got = got.lock().unwrap().clone();
    assert!(
        got.len() >= want,
        "{} of {want} events delivered",
        got.len()
    );
    let field = |f: &Form, k: &str| {
        f.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut names_checked = 0;
    for (lsid, key, name) in &sent {
        let mine: Vec<&Form> = got.iter().filter(|f| field(f, "lsid") == *lsid).collect();
        assert_eq!(mine.len(), 3, "{key:?}");
        for f in &mine {
            assert_eq!(field(f, "external_key"), *key, "external_key");
        }
        let added = mine
            .iter()
            .find(|f| field(f, "event") == "support_conference_member_added")
            .unwrap();
        if let Some(name) = name {
            assert_eq!(field(added, "display_name"), *name, "display_name");
            names_checked += 1;
        }
    }
    assert!(names_checked * 2 > sent.len(), "display names checked");
}

/// Requests built to get payloads into log lines: every input a log line might quote.
async fn log_bait(url: &str, c: &Corpus) {
    let client = reqwest::Client::new();
    for p in &c.payloads {
        let v = p.text.as_str();
        let e = form_encode(v);
        let mut reqs = vec![
            client.get(format!(
                "{url}/api/start_session?issue_menu=1&id=12&customer.name={e}&customer.details={e}&external_key={e}&locale={e}"
            )),
            client.get(format!("{url}/api/start_session?codeName={e}&issue_menu=1")),
            client.get(format!("{url}/api/start_session?id={e}&name={e}")),
            client.get(format!("{url}/api/start_session?short_key={e}")),
            client.get(format!("{url}/chat/{e}")),
            client.get(format!("{url}/{e}")),
            client.get(format!("{url}/api/command?action={e}&lsid={e}")),
            client.get(format!("{url}/api/reporting?generate_report={e}&lsid={e}")),
        ];
        // Sign-ins hash the password (slow in a debug build): the texts with controls only.
        if v.chars().any(char::is_control) {
            reqs.extend([
                client.post(format!("{url}/oauth2/token")).form(&[
                    ("grant_type", "client_credentials"),
                    ("client_id", v),
                    ("client_secret", v),
                ]),
                client
                    .post(format!("{url}/api/rep/login"))
                    .header("x-beckon-csrf", "1")
                    .json(&json!({"username": v, "password": v})),
                client
                    .post(format!("{url}/console/login"))
                    .form(&[("username", v), ("password", v)]),
            ]);
        }
        reqs.extend([
            client
                .post(format!("{url}/api/client/join"))
                .json(&json!({"ticket": v, "version": v, "os": v})),
            client
                .post(format!("{url}/api/config/v1/team"))
                .bearer_auth(v.replace(|c: char| !c.is_ascii_graphic(), "x"))
                .json(&json!({"name": v})),
        ]);
        for r in reqs {
            let r = r.send().await.unwrap();
            assert!(r.status().as_u16() < 500, "{}: {}", p.id, r.status());
        }
    }
}

/// Runs the real binary with debug logs, sends every payload at every input a log line might
/// quote, and checks each line of its stderr: one record per line, no raw CR or escape.
fn log_lines_of(format: &str) -> Vec<String> {
    let c = corpus();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = spawn_serve(
        dir.path(),
        &data,
        &[
            "--demo",
            "--demo-site-listen",
            "127.0.0.1:0",
            "--log-format",
            format,
            "--max-session-starts-per-minute",
            "0",
        ],
        &[
            ("BECKON_DEMO_PASSWORD", DEMO_PASSWORD),
            ("BECKON_ADMIN_PASSWORD", "admin-password-123"),
            (
                "BECKON_LOG",
                "debug,hyper=info,h2=info,sqlx=info,reqwest=info",
            ),
        ],
    );
    let url = server.url.clone();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(log_bait(&url, &c));
    let (code, lines) = server.terminate();
    assert_eq!(code, 0, "clean exit; log:\n{}", lines.join("\n"));
    assert!(
        lines.len() > 100,
        "the bait was logged: {} lines",
        lines.len()
    );
    lines
}

#[test]
fn log_lines_stay_one_line_in_human_format() {
    let lines = log_lines_of("human");
    for l in &lines {
        // Every line is a record of its own: it starts with its timestamp.
        let ts = l.get(..20).unwrap_or_default();
        assert!(
            ts.len() == 20 && ts.as_bytes()[4] == b'-' && ts.as_bytes()[10] == b'T',
            "a line that is not a record (injected line break?): {l:?}"
        );
        assert!(
            !l.chars().any(|c| c.is_control() && c != '\t'),
            "a control character in a log line: {l:?}"
        );
    }
}

#[test]
fn log_lines_stay_one_line_in_json_format() {
    let lines = log_lines_of("json");
    for l in &lines {
        let v: Value = serde_json::from_str(l)
            .unwrap_or_else(|e| panic!("a log line that is not one JSON record ({e}): {l:?}"));
        assert!(v["timestamp"].is_string(), "{l}");
        assert!(!l.chars().any(|c| c.is_control()), "{l:?}");
    }
}

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
