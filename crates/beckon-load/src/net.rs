//! Sockets, URLs, the server's memory and the progress bar: the plumbing every scenario shares.

use anyhow::anyhow;
use futures_util::StreamExt;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

pub(crate) type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);

/// Reads VmRSS (KiB) of a process from /proc.
pub fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
}

/// The `ws://` form of the target's URL with `path`.
pub(crate) fn ws_url(base: &reqwest::Url, path: &str) -> String {
    let scheme = if base.scheme() == "https" {
        "wss"
    } else {
        "ws"
    };
    let host = base.host_str().unwrap_or("127.0.0.1");
    match base.port() {
        Some(p) => format!("{scheme}://{host}:{p}{path}"),
        None => format!("{scheme}://{host}{path}"),
    }
}

pub(crate) async fn ws_connect(
    request: tokio_tungstenite::tungstenite::handshake::client::Request,
) -> anyhow::Result<Ws> {
    // Nagle off, as browsers have it on their WebSockets: with it on, a frame sent while an
    // earlier one is unacknowledged waits for the server's delayed ACK (up to 40 ms), which
    // measured the tool, not the server.
    let connect = tokio_tungstenite::connect_async_with_config(request, None, true);
    let (ws, _) = tokio::time::timeout(CONNECT_TIMEOUT, connect)
        .await
        .map_err(|_| anyhow!("timeout"))??;
    Ok(ws)
}

/// How a failed `ws_connect` is counted: a refusal by the server is told apart (by its HTTP
/// status, e.g. `customer_ws_http_503` past the connection cap) from a timeout and from a
/// connection that failed below HTTP.
pub(crate) fn ws_connect_error(who: &str, e: &anyhow::Error) -> String {
    use tokio_tungstenite::tungstenite::Error;
    match e.downcast_ref::<Error>() {
        Some(Error::Http(response)) => format!("{who}_ws_http_{}", response.status().as_u16()),
        _ if e.to_string() == "timeout" => format!("{who}_ws_timeout"),
        _ => format!("{who}_ws_connect"),
    }
}

/// The first JSON text message of a socket, within the connect timeout.
pub(crate) async fn first_json(ws: &mut Ws) -> Option<Value> {
    let deadline = tokio::time::Instant::now() + CONNECT_TIMEOUT;
    loop {
        match tokio::time::timeout_at(deadline, ws.next()).await {
            Ok(Some(Ok(Message::Text(t)))) => return serde_json::from_str(&t).ok(),
            Ok(Some(Ok(Message::Close(_)))) | Ok(None) | Ok(Some(Err(_))) | Err(_) => return None,
            Ok(Some(Ok(_))) => continue,
        }
    }
}

pub(crate) fn progress_bar(enabled: bool, len: u64, template: &str) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::ws_connect_error;
    use tokio_tungstenite::tungstenite::{http, Error};

    #[test]
    fn refusals_are_counted_by_status() {
        let refused = http::Response::builder()
            .status(503)
            .body(None)
            .expect("response");
        let e = anyhow::Error::from(Error::Http(refused));
        assert_eq!(ws_connect_error("customer", &e), "customer_ws_http_503");
        let e = anyhow::anyhow!("timeout");
        assert_eq!(ws_connect_error("customer", &e), "customer_ws_timeout");
        let e = anyhow::Error::from(Error::ConnectionClosed);
        assert_eq!(ws_connect_error("rep", &e), "rep_ws_connect");
    }
}
