//! Issue 9, server side: downloads of the full client with a ticket in their trailer, and the
//! client's join with it (docs/customer_client.md).

mod common;

use beckon::domain::client_ticket;
use beckon::domain::locale::Locale;
use beckon::domain::session::{Actor, SupportSession};
use beckon::domain::time::now_ms;
use beckon_protocol::ticket::{Claims, Ticket};
use common::reps::*;
use common::*;
use serde_json::{json, Value};

const LINUX_UA: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";
const WINDOWS_UA: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36";
/// What the fake Linux build holds: an ELF header and a few bytes that are not text.
const BUILD: &[u8] = b"\x7fELF\x02\x01\x01\x00 pretend client \x00\xff\xfe";

/// Starts a FULL session (optionally in a language); returns the start answer and its token.
async fn full_session(server: &TestServer, locale: Option<&str>) -> (Value, String) {
    let mut params = vec![("start_type", "full")];
    if let Some(l) = locale {
        params.push(("locale", l));
    }
    let (status, body) = start_json(server, &params).await;
    assert_eq!(status, 200, "{body}");
    let token = token_of(&body);
    (body, token)
}

async fn session_of(server: &TestServer, body: &Value) -> SupportSession {
    server
        .store
        .session_by_lsid(body["lsid"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap()
}

fn install_build(server: &TestServer, dir: &str, file: &str, bytes: &[u8]) {
    let folder = server.data_dir().join("clients").join(dir);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join(file), bytes).unwrap();
}

/// A page, read uncompressed.
async fn get_as(server: &TestServer, path: &str, ua: &str) -> reqwest::Response {
    let req = server.client.get(server.at(path)).header("user-agent", ua);
    req.send().await.unwrap()
}

/// A download, offering compression as browsers do: the build must not take it.
async fn download(server: &TestServer, path: &str, ua: &str) -> reqwest::Response {
    let req = server.client.get(server.at(path)).header("user-agent", ua);
    req.header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap()
}

async fn join(server: &TestServer, ticket: &str) -> (u16, Value) {
    let r = server
        .client
        .post(server.at("/api/client/join"))
        .json(&json!({"ticket": ticket, "version": "0.1.0", "os": "linux"}))
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_linux_visitor_downloads_the_build_with_a_fresh_ticket_behind_it() {
    let server = TestServer::start_demo().await;
    install_build(&server, "linux-x86_64", "beckon-client", BUILD);
    let (_, token) = full_session(&server, None).await;

    let page = get_as(&server, &format!("/download/{token}"), LINUX_UA).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains(&format!(
            "id=\"download-client\" href=\"&#x2f;download&#x2f;{token}&#x2f;file\""
        )),
        "{html}"
    );
    assert!(
        html.contains("open a terminal") && html.contains("chmod +x"),
        "{html}"
    );
    assert!(!html.contains("id=\"no-client\""));

    let r = download(&server, &format!("/download/{token}/file"), LINUX_UA).await;
    assert_eq!(r.status(), 200);
    assert_eq!(header(&r, "content-type"), "application/octet-stream");
    assert_eq!(header(&r, "cache-control"), "no-store");
    assert_eq!(header(&r, "content-encoding"), "", "not compressed");
    let disposition = header(&r, "content-disposition");
    let length: usize = header(&r, "content-length").parse().unwrap();
    let body = r.bytes().await.unwrap().to_vec();
    assert_eq!(body.len(), length);
    assert_eq!(
        &body[..BUILD.len()],
        BUILD,
        "the build comes first, unchanged"
    );

    let ticket = beckon_protocol::trailer::read(std::io::Cursor::new(&body))
        .unwrap()
        .expect("a trailer")
        .expect("a well-formed ticket");
    assert_eq!(body.len(), BUILD.len() + ticket.as_str().len() + 12);
    assert_eq!(
        disposition,
        format!("attachment; filename=\"beckon-client-{}\"", ticket.as_str())
    );
    let key = client_ticket::ticket_key(server.store.as_ref())
        .await
        .unwrap();
    ticket.verify(&key).expect("signed with the site's key");
    assert_eq!(ticket.claims.site, server.url);
    assert_eq!(ticket.claims.locale, "en-us");
    let expires_in = ticket.claims.expires - now_ms() / 1000;
    assert!((1790..=1800).contains(&expires_in), "{expires_in}");

    // Each download has its own ticket.
    let again = download(&server, &format!("/download/{token}/file"), LINUX_UA).await;
    assert_ne!(header(&again, "content-disposition"), disposition);
}

#[tokio::test]
async fn windows_gets_its_exe_or_is_told_there_is_none() {
    let server = TestServer::start_demo().await;
    let (_, token) = full_session(&server, Some("de")).await;

    let r = get_as(&server, &format!("/download/{token}/file"), WINDOWS_UA).await;
    assert_eq!(r.status(), 404);
    let html = r.text().await.unwrap();
    let de = Locale::parse("de").unwrap();
    let no_client = server.state.i18n.text(de, "download-no-client", &[]);
    assert!(html.contains(&no_client), "{html}");
    assert!(html.contains(&format!("href=\"&#x2f;chat&#x2f;{token}\"")));
    let page = get_as(&server, &format!("/download/{token}"), WINDOWS_UA).await;
    let html = page.text().await.unwrap();
    assert!(html.contains("id=\"no-client\"") && !html.contains("download-client"));

    install_build(&server, "windows-x86_64", "beckon-client.exe", b"MZ");
    let r = download(&server, &format!("/download/{token}/file"), WINDOWS_UA).await;
    assert_eq!(r.status(), 200);
    let disposition = header(&r, "content-disposition");
    assert!(disposition.ends_with(".exe\""), "{disposition}");
    let html = get_as(&server, &format!("/download/{token}"), WINDOWS_UA)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(&server.state.i18n.text(de, "download-run-windows", &[])));
    assert!(!html.contains("chmod"));
}

#[tokio::test]
async fn a_ticket_joins_once_and_its_token_speaks_the_chat_protocol() {
    let server = TestServer::start_demo().await;
    let (body, chat_token) = full_session(&server, None).await;
    let app_url = body["app_url"]
        .as_str()
        .expect("FULL answers carry app_url");
    let ticket = app_url
        .strip_prefix("beckon://start?ticket=")
        .expect("a ticket URL");

    let (status, joined) = join(&server, ticket).await;
    assert_eq!(status, 200, "{joined}");
    assert_eq!(joined["locale"], "en-us");
    assert_eq!(joined["state"], "queued");
    assert!(!joined["site_name"].as_str().unwrap().is_empty());
    let token = joined["token"].as_str().unwrap().to_string();
    assert_ne!(token, chat_token, "the client has a credential of its own");

    let session = session_of(&server, &body).await;
    let events = server.store.events_after(session.id, 0, 100).await.unwrap();
    let e = events.iter().find(|e| e.kind == "client_joined").unwrap();
    assert_eq!(e.body, json!({"version": "0.1.0", "os": "linux"}));

    let mut ws = customer_ws(&server, &token, 0).await;
    let welcome = next_json(&mut ws).await;
    assert_eq!(
        (welcome["type"].as_str(), welcome["state"].as_str()),
        (Some("welcome"), Some("queued"))
    );
    // The chat page's own token still works.
    assert_eq!(
        server.get(&format!("/chat/{chat_token}")).await.status(),
        200
    );

    let (status, again) = join(&server, ticket).await;
    assert_eq!(
        (status, again["error"].as_str()),
        (409, Some("ticket_used"))
    );
    let en = Locale::default_locale();
    assert_eq!(
        again["message"],
        server.state.i18n.text(en, "client-ticket-used", &[])
    );

    // A chat start has no app URL.
    let (_, chat) = start_json(&server, &[("c2cjs", "1")]).await;
    assert!(chat["app_url"].is_null(), "{chat}");
}

#[tokio::test]
async fn refused_tickets_say_why_in_the_customers_language() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    let (body, _) = full_session(&server, Some("de")).await;
    let session = session_of(&server, &body).await;
    let de = Locale::parse("de").unwrap();
    let german = |id: &str| server.state.i18n.text(de, id, &[]);

    // Expired: issued two hours ago with the default half-hour lifetime.
    let old = client_ticket::issue(store, &server.url, &session, now_ms() - 2 * 3600 * 1000)
        .await
        .unwrap();
    let (status, r) = join(&server, old.as_str()).await;
    assert_eq!((status, r["error"].as_str()), (410, Some("ticket_expired")));
    assert_eq!(r["message"], german("client-ticket-expired"));
    assert_ne!(
        r["message"],
        server
            .state
            .i18n
            .text(Locale::default_locale(), "client-ticket-expired", &[])
    );

    let good = client_ticket::issue(store, &server.url, &session, now_ms())
        .await
        .unwrap();
    // Tampered: one character of the claims changed (the MAC no longer matches).
    let s = good.as_str();
    let at = "bt1.".len() + 5;
    let flipped = if &s[at..=at] == "A" { "B" } else { "A" };
    let tampered = format!("{}{flipped}{}", &s[..at], &s[at + 1..]);
    let (status, r) = join(&server, &tampered).await;
    assert_eq!(
        (status, r["error"].as_str()),
        (400, Some("ticket_invalid")),
        "{r}"
    );
    // A forged expiry with the old MAC.
    let mut claims = good.claims.clone();
    claims.expires += 3600;
    let resigned = Ticket::sign(claims, b"not the key");
    let spliced = format!(
        "{}.{}",
        resigned.as_str().rsplit_once('.').unwrap().0,
        s.rsplit_once('.').unwrap().1
    );
    let (status, r) = join(&server, &spliced).await;
    assert_eq!((status, r["error"].as_str()), (400, Some("ticket_invalid")));
    assert_eq!(r["message"], german("client-ticket-invalid"));

    // Another site, whether signed with our key or its own.
    let key = client_ticket::ticket_key(store).await.unwrap();
    for k in [key.as_slice(), b"the other site's key".as_slice()] {
        let other = Ticket::sign(
            Claims {
                site: "https://support.other.example".into(),
                ..good.claims.clone()
            },
            k,
        );
        let (status, r) = join(&server, other.as_str()).await;
        assert_eq!(
            (status, r["error"].as_str()),
            (400, Some("ticket_other_site"))
        );
    }

    // Not JSON, no ticket: invalid, in English (there is no ticket to tell the language).
    let r = server
        .client
        .post(server.at("/api/client/join"))
        .body("not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"], "ticket_invalid");
    let r = server
        .client
        .post(server.at("/api/client/join"))
        .body(vec![b'x'; 8 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);

    // The session ended: the genuine, unused ticket cannot join.
    beckon::domain::queue::end(store, session.id, Actor::System, "test")
        .await
        .unwrap();
    let (status, r) = join(&server, good.as_str()).await;
    assert_eq!((status, r["error"].as_str()), (410, Some("session_ended")));
    assert_eq!(r["message"], german("client-session-ended"));
}

#[tokio::test]
async fn the_ticket_lifetime_is_a_site_setting_and_failures_are_throttled() {
    let server = TestServer::start_demo().await;
    let store = server.store.as_ref();
    use beckon::domain::admin::site;
    let mut settings = site::site_settings(store).await.unwrap();
    assert_eq!(settings.client_ticket_ttl_secs, 1800, "the default");
    settings.client_ticket_ttl_secs = 10;
    assert!(site::save_site_settings(store, "a", &settings)
        .await
        .is_err());
    settings.client_ticket_ttl_secs = 60;
    site::save_site_settings(store, "a", &settings)
        .await
        .unwrap();
    let (body, _) = full_session(&server, None).await;
    let ticket = Ticket::parse(
        body["app_url"]
            .as_str()
            .unwrap()
            .trim_start_matches("beckon://start?ticket="),
    )
    .unwrap();
    let left = ticket.claims.expires - now_ms() / 1000;
    assert!((50..=60).contains(&left), "{left}");

    for _ in 0..client_ticket::JOIN_FAILURE_LIMIT {
        let (status, _) = join(&server, "bt1.garbage").await;
        assert_eq!(status, 400);
    }
    let r = server
        .client
        .post(server.at("/api/client/join"))
        .json(&json!({"ticket": ticket.as_str()}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429, "even a good ticket waits");
    assert!(header(&r, "retry-after").parse::<u64>().unwrap() > 0);
}

#[tokio::test]
async fn of_two_joins_racing_with_one_ticket_exactly_one_wins() {
    let server = TestServer::start_demo().await;
    let (body, _) = full_session(&server, None).await;
    let session = session_of(&server, &body).await;
    for _ in 0..3 {
        let t = client_ticket::issue(server.store.as_ref(), &server.url, &session, now_ms())
            .await
            .unwrap();
        let (a, b) = tokio::join!(join(&server, t.as_str()), join(&server, t.as_str()));
        let mut statuses = [a.0, b.0];
        statuses.sort();
        assert_eq!(statuses, [200, 409], "{a:?} {b:?}");
    }
}
