//! Where the chat socket is and how long to wait before trying it again.

use std::time::Duration;

/// The WebSocket URL of the chat socket for a site.
pub fn socket_url(site: &str, token: &str) -> Option<url::Url> {
    let mut u = url::Url::parse(site).ok()?;
    let scheme = match u.scheme() {
        "https" => "wss",
        "http" => "ws",
        _ => return None,
    };
    u.set_scheme(scheme).ok()?;
    let path = format!("{}/api/chat/ws", u.path().trim_end_matches('/'));
    u.set_path(&path);
    u.query_pairs_mut().clear().append_pair("token", token);
    Some(u)
}

/// Reconnect delays: quick at first (a blip), capped so a customer waits at most a few seconds
/// after their network returns.
pub fn backoff(attempt: u32) -> Duration {
    let ms = 250u64.saturating_mul(1 << attempt.min(5));
    Duration::from_millis(ms.min(5000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn socket_urls_follow_the_site_scheme() {
        assert_eq!(
            socket_url("https://s.example", "a b").unwrap().as_str(),
            "wss://s.example/api/chat/ws?token=a+b"
        );
        assert_eq!(
            socket_url("http://127.0.0.1:8080/", "t").unwrap().as_str(),
            "ws://127.0.0.1:8080/api/chat/ws?token=t"
        );
        assert_eq!(
            socket_url("https://s.example/support", "t")
                .unwrap()
                .as_str(),
            "wss://s.example/support/api/chat/ws?token=t"
        );
        assert!(socket_url("ftp://x", "t").is_none());
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(0), Duration::from_millis(250));
        assert_eq!(backoff(2), Duration::from_millis(1000));
        assert_eq!(backoff(50), Duration::from_secs(5));
    }
}
