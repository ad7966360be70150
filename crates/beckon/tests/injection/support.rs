//! What every injection test shares: the corpus, strict XML readers, and the API calls that
//! must never answer with a server error.

use crate::common::reps::RepClient;
use crate::common::TestServer;
use beckon::domain::admin::site;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
pub struct Corpus {
    pub payloads: Vec<Payload>,
    pub lone_surrogates: Vec<Lone>,
    pub invalid_utf8: Vec<BadUtf8>,
    pub long: Vec<Long>,
}

#[derive(Deserialize, Clone)]
pub struct Payload {
    pub id: String,
    pub text: String,
}

#[derive(Deserialize)]
pub struct Lone {
    pub id: String,
    pub json: String,
}

#[derive(Deserialize)]
pub struct BadUtf8 {
    pub id: String,
    pub percent: String,
    pub raw_hex: String,
}

#[derive(Deserialize)]
pub struct Long {
    pub id: String,
    pub unit: String,
    pub count: usize,
}

pub fn corpus() -> Corpus {
    let c: Corpus =
        serde_json::from_str(include_str!("../../../../tests/corpus/injection.json")).unwrap();
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
pub fn in_xml(s: &str) -> String {
    s.chars().filter(|c| xml_char(*c)).collect()
}

pub fn form_encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A strictly parsed XML answer: the texts of every element called `name`, in order.
pub fn xml_texts(doc: &str, name: &str) -> Vec<String> {
    let parsed = roxmltree::Document::parse(doc)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{doc}"));
    parsed
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
}

/// The values of attribute `attr` of every element called `name`.
pub fn xml_attrs(doc: &str, name: &str, attr: &str) -> Vec<String> {
    let parsed = roxmltree::Document::parse(doc)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{doc}"));
    parsed
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .filter_map(|n| n.attribute(attr).map(str::to_string))
        .collect()
}

/// A response's status and body; never a server error.
pub async fn answer(r: reqwest::Response, what: &str) -> (u16, String) {
    let status = r.status().as_u16();
    let body = r.text().await.unwrap();
    assert!(status < 500, "{what}: answered {status}: {body}");
    (status, body)
}

/// Sends raw bytes as one HTTP request and reads the answer's status and body (0 when the
/// server closed without one).
pub async fn raw_http(addr: std::net::SocketAddr, request: Vec<u8>) -> (u16, String) {
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
pub fn assert_names_field(status: u16, body: &str, fields: &[&str], what: &str) {
    assert!((400..500).contains(&status), "{what}: {status} {body}");
    assert!(
        fields.iter().any(|f| body.contains(f)),
        "{what}: the refusal names none of {fields:?}: {body}"
    );
}

pub async fn api_token(server: &TestServer) -> String {
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
pub async fn command(server: &TestServer, t: &str, query: &str, json: bool) -> (u16, String) {
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

pub async fn command_post(server: &TestServer, t: &str, form: &[(&str, &str)]) -> (u16, String) {
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

pub async fn report(server: &TestServer, t: &str, query: &str) -> String {
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

pub async fn rep_events(rep: &RepClient, lsid: &str) -> Value {
    let (s, v) = rep.get(&format!("/api/rep/sessions/{lsid}/events")).await;
    assert_eq!(s, 200, "{v}");
    v
}

pub const CUSTOMER_FIELDS: [&str; 4] = [
    "customer.name",
    "customer.company",
    "customer.company_code",
    "customer.details",
];
