//! `POST {site}/api/client/join`: trades the one-time ticket for the session's customer token.

use beckon_protocol::ticket::Ticket;
use serde::Deserialize;
use std::time::Duration;

/// The server's answer to a good ticket.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Joined {
    pub token: String,
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(default)]
    pub site_name: String,
    #[serde(default)]
    pub state: String,
}

#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    /// The server refused the ticket; `message` is already in the customer's language.
    #[error("{message}")]
    Refused {
        status: u16,
        code: String,
        message: String,
    },
    #[error("cannot reach the site: {0}")]
    Unreachable(String),
    #[error("unexpected answer from the site (HTTP {status})")]
    BadAnswer { status: u16 },
}

/// Builds the HTTP client: system roots, no redirects (the ticket goes to its own site only),
/// bounded waits.
pub fn http_client(
    tls: std::sync::Arc<rustls::ClientConfig>,
) -> Result<reqwest::Client, JoinError> {
    reqwest::Client::builder()
        .use_preconfigured_tls((*tls).clone())
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(30))
        .user_agent(format!(
            "beckon-client/{} ({})",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS
        ))
        .build()
        .map_err(|e| JoinError::Unreachable(e.to_string()))
}

/// Reads `{"error": code, "message": text}`; also the `{"error": {"code", "message"}}` shape
/// other Beckon APIs use, so a server of either style gives the customer its own words.
fn refusal(status: u16, body: &str) -> Option<JoinError> {
    let v: serde_json::Value = serde_json::from_str(body).ok()?;
    let (code, message) = match &v["error"] {
        serde_json::Value::String(code) => (code.clone(), v["message"].as_str()?.to_string()),
        serde_json::Value::Object(o) => (
            o.get("code")?.as_str()?.to_string(),
            o.get("message")?.as_str()?.to_string(),
        ),
        _ => return None,
    };
    // A hostile or broken server cannot flood the customer's screen.
    let message: String = message.chars().take(500).collect();
    Some(JoinError::Refused {
        status,
        code,
        message,
    })
}

pub async fn join(http: &reqwest::Client, ticket: &Ticket) -> Result<Joined, JoinError> {
    let url = format!("{}/api/client/join", ticket.claims.site);
    let answer = http
        .post(url)
        // Version and system go into the session's `client_joined` event for the console.
        .json(&serde_json::json!({
            "ticket": ticket.as_str(),
            "version": env!("CARGO_PKG_VERSION"),
            "os": std::env::consts::OS,
        }))
        .send()
        .await
        .map_err(|e| JoinError::Unreachable(error_chain(&e)))?;
    let status = answer.status().as_u16();
    let body = answer
        .text()
        .await
        .map_err(|e| JoinError::Unreachable(error_chain(&e)))?;
    if status == 200 {
        let joined: Joined =
            serde_json::from_str(&body).map_err(|_| JoinError::BadAnswer { status })?;
        if joined.token.is_empty() || joined.token.len() > 512 {
            return Err(JoinError::BadAnswer { status });
        }
        return Ok(joined);
    }
    Err(refusal(status, &body).unwrap_or(JoinError::BadAnswer { status }))
}

/// The error and its causes on one line ("error sending request: connection refused").
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut src = e.source();
    while let Some(s) = src {
        out.push_str(": ");
        out.push_str(&s.to_string());
        src = s.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_error_shapes_and_refuses_garbage() {
        match refusal(409, r#"{"error":"ticket_used","message":"Schon benutzt."}"#) {
            Some(JoinError::Refused { code, message, .. }) => {
                assert_eq!(
                    (code.as_str(), message.as_str()),
                    ("ticket_used", "Schon benutzt.")
                )
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            refusal(410, r#"{"error":{"code":"x","message":"y"}}"#),
            Some(JoinError::Refused { .. })
        ));
        assert!(refusal(500, "<html>").is_none());
        assert!(refusal(500, r#"{"error":5}"#).is_none());
    }
}
