//! A representative over the server's HTTP API (what the console does), and the customer's
//! browser steps: start a FULL session, download the client.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};

pub struct Rep {
    http: reqwest::blocking::Client,
    base: String,
}

fn client(cookies: bool) -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .cookie_store(cookies)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .expect("http client")
}

impl Rep {
    /// Signs in (`/api/rep/login`) and becomes available.
    pub fn login(base: &str, username: &str, password: &str) -> Rep {
        let rep = Rep {
            http: client(true),
            base: base.to_string(),
        };
        let (s, body) = rep.post(
            "/api/rep/login",
            json!({"username": username, "password": password}),
        );
        assert_eq!(s, 200, "login of {username}: {body}");
        let r = rep
            .http
            .put(format!("{base}/api/rep/presence"))
            .header("x-beckon-csrf", "1")
            .json(&json!({"status": "available"}))
            .send()
            .expect("presence");
        assert_eq!(r.status(), 200, "presence");
        rep
    }

    pub fn post(&self, path: &str, body: Value) -> (u16, Value) {
        let r = self
            .http
            .post(format!("{}{path}", self.base))
            .header("x-beckon-csrf", "1")
            .json(&body)
            .send()
            .expect("request");
        let s = r.status().as_u16();
        (s, r.json().unwrap_or(Value::Null))
    }

    pub fn get(&self, path: &str) -> (u16, Value) {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .send()
            .expect("request");
        let s = r.status().as_u16();
        (s, r.json().unwrap_or(Value::Null))
    }

    pub fn accept(&self, lsid: &str) {
        let (s, b) = self.post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}));
        assert_eq!(s, 200, "accept: {b}");
    }

    /// Accepts a FULL session once its client has joined: until then the session is not
    /// queued and an accept is refused, and right after the join it may still be settling.
    pub fn accept_once_joined(&self, lsid: &str) {
        self.wait_event(lsid, "client_joined", |e| e["kind"] == "client_joined");
        for _ in 0..100 {
            let (s, _) = self.post(&format!("/api/rep/sessions/{lsid}/accept"), json!({}));
            if s == 200 {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("session {lsid} could not be accepted within 10 s of its client's join");
    }

    pub fn say(&self, lsid: &str, id: &str, text: &str) {
        let (s, b) = self.post(
            &format!("/api/rep/sessions/{lsid}/messages"),
            json!({"id": id, "text": text}),
        );
        assert!(s == 200 || s == 201, "message: {s} {b}");
    }

    /// `PUT` of raw bytes (a chunk of a file the representative sends).
    pub fn put_bytes(&self, path: &str, bytes: Vec<u8>) -> (u16, Value) {
        let r = self
            .http
            .put(format!("{}{path}", self.base))
            .header("x-beckon-csrf", "1")
            .body(bytes)
            .send()
            .expect("request");
        let s = r.status().as_u16();
        (s, r.json().unwrap_or(Value::Null))
    }

    /// `GET` of raw bytes (a file the customer sent).
    pub fn get_bytes(&self, path: &str) -> (u16, Vec<u8>) {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .send()
            .expect("request");
        let s = r.status().as_u16();
        (s, r.bytes().map(|b| b.to_vec()).unwrap_or_default())
    }

    /// Sends a file to the customer in 32 KB chunks; returns its transfer id once offered.
    pub fn send_file(&self, lsid: &str, name: &str, bytes: &[u8]) -> String {
        let (s, b) = self.post(
            &format!("/api/rep/sessions/{lsid}/files"),
            json!({"name": name, "size": bytes.len()}),
        );
        assert_eq!(s, 201, "start upload: {b}");
        let id = b["id"].as_str().expect("id").to_string();
        let mut offset = 0;
        for part in bytes.chunks(32 * 1024) {
            let path = format!("/api/rep/sessions/{lsid}/files/{id}?offset={offset}");
            let (s, b) = self.put_bytes(&path, part.to_vec());
            assert_eq!(s, 200, "chunk at {offset}: {b}");
            offset += part.len();
        }
        id
    }

    /// The session's log as the representative sees it.
    pub fn events(&self, lsid: &str) -> Vec<Value> {
        let (s, b) = self.get(&format!("/api/rep/sessions/{lsid}/events"));
        assert_eq!(s, 200, "events: {b}");
        b["events"].as_array().cloned().unwrap_or_default()
    }

    /// Waits until the log has an event matching `pred`; returns it.
    pub fn wait_event(&self, lsid: &str, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        for _ in 0..200 {
            if let Some(e) = self.events(lsid).into_iter().find(|e| pred(e)) {
                return e;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("no event {what} in the log: {:#?}", self.events(lsid));
    }
}

/// A FULL session for the demo issue 12 (`issue_menu=1`, no `c2cjs`): (lsid, download URL).
pub fn start_full(base: &str) -> (String, String) {
    start_full_in(base, None)
}

/// `start_full` with the session's `locale` parameter (the client's language).
pub fn start_full_in(base: &str, locale: Option<&str>) -> (String, String) {
    let mut form = vec![("issue_menu", "1"), ("id", "12"), ("customer.name", "Ada")];
    if let Some(l) = locale {
        form.push(("locale", l));
    }
    let r = client(false)
        .post(format!("{base}/api/start_session"))
        .header("accept", "application/json")
        .form(&form)
        .send()
        .expect("start");
    let status = r.status().as_u16();
    let body: Value = r.json().expect("start answer");
    assert_eq!(status, 200, "start: {body}");
    assert_eq!(body["start_type"], "full", "{body}");
    (
        body["lsid"].as_str().expect("lsid").to_string(),
        body["download_url"]
            .as_str()
            .expect("download_url")
            .to_string(),
    )
}

/// Downloads the client as a Linux browser would, into `dir` under the server's file name;
/// returns the path (made executable).
pub fn download(url: &str, dir: &Path) -> PathBuf {
    let r = client(false)
        .get(format!("{url}/file"))
        .header(
            "user-agent",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36",
        )
        .send()
        .expect("download");
    let status = r.status().as_u16();
    let disposition = r
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes = r.bytes().expect("download body");
    assert_eq!(
        status,
        200,
        "download: {}",
        String::from_utf8_lossy(&bytes[..bytes.len().min(500)])
    );
    let name = disposition
        .split("filename=")
        .nth(1)
        .map(|n| n.trim_matches(['"', ';', ' ']).to_string())
        .unwrap_or_else(|| "beckon-client".into());
    let path = dir.join(name);
    std::fs::write(&path, &bytes).expect("save the download");
    super::make_executable(&path);
    path
}
