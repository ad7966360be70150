//! The client a request is from, behind a reverse proxy or not.
//!
//! Every rate limit and log line keys on the `ConnectInfo<SocketAddr>` of a request. The accept
//! loop sets it to the address this module finds, so handlers never parse forwarding headers
//! themselves (and cannot forget to check whom they come from). `X-Forwarded-For` and
//! `X-Forwarded-Proto` count only when the TCP peer is a trusted proxy: anyone else could
//! write any address there and escape every per-address limit.

use crate::config::TrustedProxies;
use axum::http::HeaderMap;
use std::net::{IpAddr, SocketAddr};

/// How the client reached the site: over TLS (to Beckon or to a trusted proxy) or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Http,
    Https,
}

/// The client's address and scheme. Forwarded addresses carry no port; they get port 0.
pub fn effective_client(
    peer: SocketAddr,
    scheme: Scheme,
    headers: &HeaderMap,
    trusted: &TrustedProxies,
) -> (SocketAddr, Scheme) {
    if !trusted.contains(peer.ip()) {
        return (peer, scheme);
    }
    let client = forwarded_for(headers, trusted)
        .map(|ip| SocketAddr::new(ip, 0))
        .unwrap_or(peer);
    (client, forwarded_proto(headers).unwrap_or(scheme))
}

/// The right-most `X-Forwarded-For` hop that is not a trusted proxy: hops right of it were
/// appended by our own proxies, hops left of it were written by the client and prove nothing.
/// When every hop is trusted the left-most is the client; a hop that does not parse ends the
/// walk at the last trusted hop before it (that proxy is then all we know).
fn forwarded_for(headers: &HeaderMap, trusted: &TrustedProxies) -> Option<IpAddr> {
    let mut hops: Vec<&str> = Vec::new();
    for value in headers.get_all("x-forwarded-for") {
        // Non-ASCII cannot be an address: kept as a hop that does not parse.
        let value = value.to_str().unwrap_or("?");
        hops.extend(value.split(',').map(str::trim).filter(|h| !h.is_empty()));
    }
    let mut last_trusted = None;
    for hop in hops.iter().rev() {
        let Some(ip) = parse_hop(hop).map(|ip| ip.to_canonical()) else {
            return last_trusted;
        };
        if !trusted.contains(ip) {
            return Some(ip);
        }
        last_trusted = Some(ip);
    }
    last_trusted
}

/// `1.2.3.4`, `1.2.3.4:5678`, `::1`, `[::1]` or `[::1]:443`: proxies write all of these.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            hop.strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .and_then(|h| h.parse().ok())
        })
}

/// The right-most `X-Forwarded-Proto` value: the one our own proxy wrote last.
fn forwarded_proto(headers: &HeaderMap) -> Option<Scheme> {
    let value = headers.get_all("x-forwarded-proto").iter().next_back()?;
    let last = value.to_str().ok()?.rsplit(',').next()?.trim();
    if last.eq_ignore_ascii_case("https") {
        Some(Scheme::Https)
    } else if last.eq_ignore_ascii_case("http") {
        Some(Scheme::Http)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    fn client(peer: &str, trusted: &str, pairs: &[(&'static str, &str)]) -> (String, Scheme) {
        let (addr, scheme) = effective_client(
            peer.parse().unwrap(),
            Scheme::Http,
            &headers(pairs),
            &trusted.parse().unwrap(),
        );
        (addr.to_string(), scheme)
    }

    #[test]
    fn untrusted_peers_are_taken_at_their_word_only_for_their_own_address() {
        let h = [
            ("x-forwarded-for", "203.0.113.9"),
            ("x-forwarded-proto", "https"),
        ];
        assert_eq!(
            client("198.51.100.1:4000", "", &h),
            ("198.51.100.1:4000".into(), Scheme::Http)
        );
        assert_eq!(
            client("198.51.100.1:4000", "10.0.0.0/8", &h),
            ("198.51.100.1:4000".into(), Scheme::Http)
        );
    }

    #[test]
    fn trusted_peers_give_the_right_most_untrusted_hop() {
        let t = "10.0.0.0/8";
        let peer = "10.0.0.2:5000";
        assert_eq!(
            client(peer, t, &[("x-forwarded-for", "203.0.113.9")]).0,
            "203.0.113.9:0"
        );
        // The client wrote 1.1.1.1 itself; our proxies appended the real address and their own.
        let chain = [("x-forwarded-for", "1.1.1.1, 203.0.113.9, 10.0.0.7")];
        assert_eq!(client(peer, t, &chain).0, "203.0.113.9:0");
        // Several header lines are one list, in order.
        let lines = [
            ("x-forwarded-for", "1.1.1.1"),
            ("x-forwarded-for", "[2001:db8::1]:443, 10.0.0.7:80"),
        ];
        assert_eq!(client(peer, t, &lines).0, "[2001:db8::1]:0");
        // All trusted: the left-most; nothing usable: the peer.
        let inner = [("x-forwarded-for", "10.0.0.9, 10.0.0.7")];
        assert_eq!(client(peer, t, &inner).0, "10.0.0.9:0");
        assert_eq!(client(peer, t, &[]).0, peer);
        assert_eq!(client(peer, t, &[("x-forwarded-for", "junk")]).0, peer);
        // Junk left of a trusted hop: that hop is all we know.
        let junk = [("x-forwarded-for", "junk, 10.0.0.7")];
        assert_eq!(client(peer, t, &junk).0, "10.0.0.7:0");
    }

    #[test]
    fn trusted_peers_give_the_scheme() {
        let t = "127.0.0.1";
        let peer = "127.0.0.1:5000";
        let https = [("x-forwarded-proto", "HTTPS")];
        assert_eq!(client(peer, t, &https).1, Scheme::Https);
        let appended = [("x-forwarded-proto", "https, http")];
        assert_eq!(client(peer, t, &appended).1, Scheme::Http);
        assert_eq!(
            client(peer, t, &[("x-forwarded-proto", "gopher")]).1,
            Scheme::Http
        );
    }
}
