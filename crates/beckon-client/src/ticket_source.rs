//! Where the client finds its ticket, and the checks it can make before asking the server.
//!
//! Order (docs/customer_client.md): `--ticket`, a `beckon://start?ticket=...` argument, the
//! trailer of the executable, the executable's file name. An explicit source that is broken
//! is an error, not a reason to look further: the customer (or the app link) meant it.

use beckon_protocol::ticket::Ticket;
use std::path::Path;

/// Where a ticket came from (shown with `--verbose`, and tested).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    AppLink,
    Trailer,
    FileName,
}

/// Why there is no usable ticket; each maps onto one localized message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TicketProblem {
    #[error("no ticket was found")]
    Missing,
    #[error("the ticket is malformed")]
    Malformed,
    #[error("the ticket has expired")]
    Expired,
    #[error("the ticket is for {ticket_site}, not {site}")]
    OtherSite { ticket_site: String, site: String },
}

impl TicketProblem {
    /// The catalog id of the customer's message.
    pub fn message_id(&self) -> &'static str {
        match self {
            TicketProblem::Missing => "error-no-ticket",
            TicketProblem::Malformed => "error-ticket-malformed",
            TicketProblem::Expired => "error-ticket-expired",
            TicketProblem::OtherSite { .. } => "error-ticket-other-site",
        }
    }
}

/// Reads the ticket of a `beckon://start?ticket=...` app link.
pub fn from_app_link(link: &str) -> Result<Ticket, TicketProblem> {
    let url = url::Url::parse(link.trim()).map_err(|_| TicketProblem::Malformed)?;
    if url.scheme() != "beckon" {
        return Err(TicketProblem::Malformed);
    }
    let action = url
        .host_str()
        .unwrap_or_else(|| url.path().trim_matches('/'));
    if action != "start" {
        return Err(TicketProblem::Malformed);
    }
    let ticket = url
        .query_pairs()
        .find(|(k, _)| k == "ticket")
        .map(|(_, v)| v.into_owned())
        .ok_or(TicketProblem::Malformed)?;
    parse(&ticket)
}

/// Parses a ticket and refuses one whose site is not an http(s) URL (the client would
/// otherwise connect wherever a forged ticket says).
pub fn parse(s: &str) -> Result<Ticket, TicketProblem> {
    let t = Ticket::parse(s.trim()).map_err(|_| TicketProblem::Malformed)?;
    match url::Url::parse(&t.claims.site) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => Ok(t),
        _ => Err(TicketProblem::Malformed),
    }
}

/// Finds the ticket: `flag` (`--ticket`), `link` (a positional `beckon://` argument), then
/// the trailer and the name of the executable at `exe`.
pub fn find(
    flag: Option<&str>,
    link: Option<&str>,
    exe: Option<&Path>,
) -> Result<(Ticket, Source), TicketProblem> {
    if let Some(f) = flag {
        return parse(f).map(|t| (t, Source::Flag));
    }
    if let Some(l) = link {
        return from_app_link(l).map(|t| (t, Source::AppLink));
    }
    let Some(exe) = exe else {
        return Err(TicketProblem::Missing);
    };
    let mut damaged = false;
    if let Ok(file) = std::fs::File::open(exe) {
        match beckon_protocol::trailer::read(std::io::BufReader::new(file)) {
            Ok(Some(Ok(t))) => match parse(t.as_str()) {
                Ok(t) => return Ok((t, Source::Trailer)),
                Err(_) => damaged = true,
            },
            Ok(Some(Err(_))) => damaged = true,
            Ok(None) | Err(_) => {}
        }
    }
    // The browser may have renamed the file; the trailer is the sturdier copy, the name the
    // fallback (e.g. a download tool that stripped the trailer).
    let name = exe
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(t) = Ticket::find_in(&name) {
        return parse(t.as_str()).map(|t| (t, Source::FileName));
    }
    if damaged || name.contains(beckon_protocol::ticket::PREFIX) {
        return Err(TicketProblem::Malformed);
    }
    Err(TicketProblem::Missing)
}

/// Site URLs compared the way a customer would: no trailing slash, case-insensitive.
fn same_site(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim().trim_end_matches('/').to_ascii_lowercase();
    norm(a) == norm(b)
}

/// The checks the client can make alone: expiry and (with `--site`) the site.
pub fn check(ticket: &Ticket, now_secs: i64, site: Option<&str>) -> Result<(), TicketProblem> {
    if let Some(site) = site {
        if !same_site(site, &ticket.claims.site) {
            return Err(TicketProblem::OtherSite {
                ticket_site: ticket.claims.site.clone(),
                site: site.trim_end_matches('/').to_string(),
            });
        }
    }
    if ticket.claims.expires < now_secs {
        return Err(TicketProblem::Expired);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use beckon_protocol::ticket::Claims;
    use std::io::Write;

    fn ticket(site: &str, expires: i64) -> Ticket {
        Ticket::sign(
            Claims {
                site: site.into(),
                nonce: "nonce-nonce-nonce".into(),
                expires,
                locale: "fr".into(),
            },
            b"key",
        )
    }

    fn exe_with(dir: &Path, name: &str, trailer: Option<&Ticket>) -> std::path::PathBuf {
        let path = dir.join(name);
        let mut f = std::fs::File::create(&path).unwrap();
        f.write_all(b"\x7fELF not really a program").unwrap();
        if let Some(t) = trailer {
            f.write_all(&beckon_protocol::trailer::encode(t)).unwrap();
        }
        path
    }

    #[test]
    fn takes_sources_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let a = ticket("https://a.example", 10);
        let b = ticket("https://b.example", 10);
        let c = ticket("https://c.example", 10);
        let exe = exe_with(
            dir.path(),
            &format!("beckon-client-{} (1)", c.as_str()),
            Some(&b),
        );
        let link = format!("beckon://start?ticket={}", c.as_str());
        assert_eq!(
            find(Some(a.as_str()), Some(&link), Some(&exe)).unwrap(),
            (a.clone(), Source::Flag)
        );
        assert_eq!(
            find(None, Some(&link), Some(&exe)).unwrap(),
            (c.clone(), Source::AppLink)
        );
        assert_eq!(find(None, None, Some(&exe)).unwrap(), (b, Source::Trailer));
        let plain = exe_with(
            dir.path(),
            &format!("beckon-client-{}.exe", c.as_str()),
            None,
        );
        assert_eq!(
            find(None, None, Some(&plain)).unwrap(),
            (c, Source::FileName)
        );
    }

    #[test]
    fn trailer_survives_a_renamed_file() {
        let dir = tempfile::tempdir().unwrap();
        let t = ticket("http://127.0.0.1:1", 10);
        let exe = exe_with(dir.path(), "support tool (renamed)", Some(&t));
        assert_eq!(find(None, None, Some(&exe)).unwrap(), (t, Source::Trailer));
    }

    #[test]
    fn reports_missing_and_malformed() {
        let dir = tempfile::tempdir().unwrap();
        let exe = exe_with(dir.path(), "beckon-client", None);
        assert_eq!(find(None, None, Some(&exe)), Err(TicketProblem::Missing));
        assert_eq!(find(None, None, None), Err(TicketProblem::Missing));
        let bad = exe_with(dir.path(), "beckon-client-bt1.garbage", None);
        assert_eq!(find(None, None, Some(&bad)), Err(TicketProblem::Malformed));
        assert_eq!(
            find(Some("bt1.nope"), None, Some(&exe)),
            Err(TicketProblem::Malformed)
        );
        // A broken trailer is no ticket, and there is none in the name.
        let path = dir.path().join("broken");
        let mut bytes = b"prog".to_vec();
        bytes.extend(9999u32.to_le_bytes());
        bytes.extend(beckon_protocol::trailer::MAGIC);
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(find(None, None, Some(&path)), Err(TicketProblem::Malformed));
        // A ticket that points at something other than a web site is refused.
        let evil = ticket("file:///etc/passwd", 10);
        assert_eq!(
            find(Some(evil.as_str()), None, None),
            Err(TicketProblem::Malformed)
        );
    }

    #[test]
    fn parses_app_links() {
        let t = ticket("https://s.example", 10);
        assert_eq!(
            from_app_link(&format!("beckon://start?ticket={}", t.as_str())).unwrap(),
            t
        );
        assert_eq!(
            from_app_link(&format!("beckon://start/?x=1&ticket={}", t.as_str())).unwrap(),
            t
        );
        for bad in [
            "beckon://start",
            "beckon://stop?ticket=x",
            &format!("https://start?ticket={}", t.as_str()),
            "beckon://start?ticket=bt1.x.y",
            "not a url",
        ] {
            assert_eq!(from_app_link(bad), Err(TicketProblem::Malformed), "{bad}");
        }
    }

    #[test]
    fn checks_expiry_and_site() {
        let t = ticket("https://support.example.com", 1000);
        assert_eq!(check(&t, 999, None), Ok(()));
        assert_eq!(check(&t, 1001, None), Err(TicketProblem::Expired));
        assert_eq!(check(&t, 999, Some("https://SUPPORT.example.com/")), Ok(()));
        assert_eq!(
            check(&t, 999, Some("https://other.example")),
            Err(TicketProblem::OtherSite {
                ticket_site: "https://support.example.com".into(),
                site: "https://other.example".into()
            })
        );
    }
}
