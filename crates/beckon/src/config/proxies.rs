//! `trusted_proxies`: the peers whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed.
//!
//! Anyone can send those headers, so they mean something only when the TCP peer is a proxy the
//! operator runs. The list is addresses and CIDR networks; empty (the default) trusts none.

use ipnet::IpNet;
use serde::{Serialize, Serializer};
use std::net::IpAddr;
use std::str::FromStr;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an IP address or CIDR network (e.g. 10.0.0.5, 10.0.0.0/8, ::1)")]
pub struct BadProxy(pub String);

impl TrustedProxies {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `ip` is one of the trusted proxies. An IPv4 peer seen on a dual-stack socket
    /// arrives as `::ffff:a.b.c.d`; it is compared as the IPv4 address an operator wrote.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }
}

impl FromStr for TrustedProxies {
    type Err = BadProxy;

    /// A comma-separated list; blanks around entries and empty entries are ignored.
    fn from_str(s: &str) -> Result<Self, BadProxy> {
        let mut nets = Vec::new();
        for entry in s.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let net = match entry.parse::<IpNet>() {
                Ok(n) => n.trunc(),
                Err(_) => entry
                    .parse::<IpAddr>()
                    .map(IpNet::from)
                    .map_err(|_| BadProxy(entry.to_string()))?,
            };
            nets.push(net);
        }
        Ok(TrustedProxies(nets))
    }
}

impl std::fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list: Vec<String> = self.0.iter().map(|n| n.to_string()).collect();
        f.write_str(&list.join(","))
    }
}

/// Printed by `beckon config` in the form it is written.
impl Serialize for TrustedProxies {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_addresses_and_networks() {
        let p: TrustedProxies = " 10.0.0.0/8, 192.0.2.7 ,, ::1, 2001:db8::/32"
            .parse()
            .unwrap();
        assert!(p.contains("10.1.2.3".parse().unwrap()));
        assert!(p.contains("192.0.2.7".parse().unwrap()));
        assert!(!p.contains("192.0.2.8".parse().unwrap()));
        assert!(p.contains("::1".parse().unwrap()));
        assert!(p.contains("2001:db8::5".parse().unwrap()));
        assert!(p.contains("::ffff:10.9.9.9".parse().unwrap()));
        assert_eq!(
            p.to_string(),
            "10.0.0.0/8,192.0.2.7/32,::1/128,2001:db8::/32"
        );
    }

    #[test]
    fn empty_trusts_none_and_garbage_is_an_error() {
        let p: TrustedProxies = "".parse().unwrap();
        assert!(p.is_empty());
        assert!(!p.contains("127.0.0.1".parse().unwrap()));
        assert_eq!(
            "10.0.0.1, localhost".parse::<TrustedProxies>(),
            Err(BadProxy("localhost".into()))
        );
    }
}
