//! API accounts, their tokens, and a strict reader for XML answers.

use crate::common::TestServer;
use beckon::domain::admin::site;
use serde_json::Value;

pub async fn account(server: &TestServer, command: &str) -> (String, String) {
    let c = site::create_api_account(server.store.as_ref(), "test", "CRM", command, true)
        .await
        .unwrap();
    (c.account.client_id, c.client_secret)
}

pub async fn token(server: &TestServer, id: &str, secret: &str) -> String {
    let r = server
        .client
        .post(server.at("/oauth2/token"))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", id),
            ("client_secret", secret),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    body["access_token"].as_str().unwrap().to_string()
}

/// Parses an XML answer fully (it must be well-formed) and returns it.
pub async fn xml(r: reqwest::Response) -> (u16, String) {
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    let mut reader = quick_xml::Reader::from_str(&text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed XML: {e}\n{text}"),
        }
    }
    (status, text)
}
