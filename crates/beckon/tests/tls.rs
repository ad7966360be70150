//! Issue 12, TLS served directly: HTTPS and WSS with a test CA, certificates renewed on disk
//! without a restart (and a broken renewal ignored), handshakes bounded in time and counted
//! under the connection caps, and clear start-up errors.

// These tests drive a child process from plain threads, where sleeping is the point.
#![allow(clippy::disallowed_methods)]

mod common;

use common::{run_beckon, spawn_serve, ServeProcess};
use futures_util::{SinkExt, StreamExt};
use rustls_pki_types::{CertificateDer, ServerName};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_rustls::TlsConnector;
use tokio_tungstenite::tungstenite::Message;

const PW: (&str, &str) = ("BECKON_ADMIN_PASSWORD", "tls-admin-pw-1");
const DEMO_PW: (&str, &str) = ("BECKON_DEMO_PASSWORD", "tls-demo-pw-1");

/// A test CA that signs server certificates for `localhost` and 127.0.0.1.
struct Ca {
    issuer: rcgen::CertifiedIssuer<'static, rcgen::KeyPair>,
}

/// A server certificate and its key, in PEM, and the certificate's DER to compare with.
struct Leaf {
    cert_pem: String,
    key_pem: String,
    der: Vec<u8>,
}

impl Ca {
    fn new() -> Ca {
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "Beckon test CA");
        let key = rcgen::KeyPair::generate().unwrap();
        Ca {
            issuer: rcgen::CertifiedIssuer::self_signed(params, key).unwrap(),
        }
    }

    fn pem(&self) -> String {
        self.issuer.pem()
    }

    fn der(&self) -> CertificateDer<'static> {
        self.issuer.der().clone()
    }

    fn leaf(&self, name: &str) -> Leaf {
        let mut params =
            rcgen::CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()])
                .unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, name);
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &*self.issuer).unwrap();
        Leaf {
            cert_pem: cert.pem(),
            key_pem: key.serialize_pem(),
            der: cert.der().to_vec(),
        }
    }
}

struct Files {
    cert: PathBuf,
    key: PathBuf,
}

fn write_pair(dir: &Path, leaf: &Leaf) -> Files {
    let files = Files {
        cert: dir.join("cert.pem"),
        key: dir.join("key.pem"),
    };
    std::fs::write(&files.key, &leaf.key_pem).unwrap();
    std::fs::write(&files.cert, &leaf.cert_pem).unwrap();
    files
}

fn serve_tls(dir: &Path, files: &Files, extra: &[&str]) -> ServeProcess {
    let mut args = vec![
        "--tls-cert",
        files.cert.to_str().unwrap(),
        "--tls-key",
        files.key.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    spawn_serve(dir, &dir.join("data"), &args, &[PW, DEMO_PW])
}

fn port_of(url: &str) -> u16 {
    url.rsplit(':').next().unwrap().parse().unwrap()
}

fn connector(ca: &Ca) -> TlsConnector {
    let mut roots = rustls::RootCertStore::empty();
    roots.add(ca.der()).unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    TlsConnector::from(Arc::new(config))
}

async fn tls_connect(
    ca: &Ca,
    port: u16,
) -> std::io::Result<tokio_rustls::client::TlsStream<tokio::net::TcpStream>> {
    let tcp = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    let name = ServerName::try_from("localhost").unwrap();
    connector(ca).connect(name, tcp).await
}

/// The certificate a new connection is shown.
async fn served_cert(ca: &Ca, port: u16) -> Vec<u8> {
    let tls = tls_connect(ca, port).await.expect("TLS handshake");
    tls.get_ref().1.peer_certificates().unwrap()[0].to_vec()
}

fn https_client(ca: &Ca, port: u16) -> reqwest::Client {
    reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(ca.pem().as_bytes()).unwrap())
        .resolve("localhost", ([127, 0, 0, 1], port).into())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Waits for a log line containing `text`.
fn wait_for_line(server: &ServeProcess, text: &str, within: Duration) -> String {
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match server.stderr_lines.recv_timeout(left) {
            Ok(line) if line.contains(text) => return line,
            Ok(_) => {}
            Err(_) => panic!("no log line with `{text}` within {within:?}"),
        }
    }
}

#[test]
fn https_and_wss_are_served_with_the_configured_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let ca = Ca::new();
    let leaf = ca.leaf("first");
    let files = write_pair(dir.path(), &leaf);
    let server = serve_tls(dir.path(), &files, &["--demo"]);
    assert!(
        server.url.starts_with("https://127.0.0.1:"),
        "{}",
        server.url
    );
    let port = port_of(&server.url);
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let http = https_client(&ca, port);
        let base = format!("https://localhost:{port}");
        let r = http.get(format!("{base}/healthz")).send().await.unwrap();
        assert_eq!(r.status(), 200);
        // No public URL given: the derived one says https, so pages link and connect securely.
        let r = http
            .post(format!("{base}/api/start_session"))
            .header("accept", "application/json")
            .form(&[("issue_menu", "1"), ("id", "12"), ("c2cjs", "1")])
            .send()
            .await
            .unwrap();
        let body: serde_json::Value = r.json().await.unwrap();
        let url = body["url"].as_str().unwrap().to_string();
        assert!(url.starts_with("https://127.0.0.1:"), "{url}");
        let token = url.rsplit('/').next().unwrap();
        // The chat's WebSocket over TLS: the server greets the customer.
        let stream = tls_connect(&ca, port).await.unwrap();
        let (mut ws, answer) = tokio_tungstenite::client_async(
            format!("wss://localhost:{port}/api/chat/ws?token={token}"),
            stream,
        )
        .await
        .expect("wss handshake");
        assert_eq!(answer.status(), 101);
        let hello = serde_json::json!({"type": "hello", "v": 1, "after": 0});
        ws.send(Message::Text(hello.to_string().into()))
            .await
            .unwrap();
        let first = tokio::time::timeout(Duration::from_secs(5), ws.next())
            .await
            .expect("a first message")
            .unwrap()
            .unwrap();
        let first: serde_json::Value = serde_json::from_str(first.to_text().unwrap()).unwrap();
        assert!(
            first["type"].is_string(),
            "the chat answers over wss: {first}"
        );
        // Plain HTTP on the TLS port gets no page.
        let plain = reqwest::Client::new()
            .get(format!("http://127.0.0.1:{port}/healthz"))
            .send()
            .await;
        assert!(plain.map(|r| r.status() != 200).unwrap_or(true));
    });
    let (code, _) = server.terminate();
    assert_eq!(code, 0);
}

#[test]
fn a_renewed_certificate_is_picked_up_and_a_broken_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let ca = Ca::new();
    let first = ca.leaf("first");
    let second = ca.leaf("second");
    let files = write_pair(dir.path(), &first);
    let server = serve_tls(dir.path(), &files, &[]);
    let port = port_of(&server.url);
    let rt = tokio::runtime::Runtime::new().unwrap();
    assert_eq!(rt.block_on(served_cert(&ca, port)), first.der);

    // A broken renewal (not PEM at all) is reported, and the first certificate stays.
    std::fs::write(&files.cert, "-----BEGIN CERTIFICATE-----\nnot base64 !!\n").unwrap();
    let line = wait_for_line(
        &server,
        "TLS certificate reload failed",
        Duration::from_secs(15),
    );
    assert!(line.contains("cert.pem"), "{line}");
    assert_eq!(rt.block_on(served_cert(&ca, port)), first.der);
    // A certificate whose key is another one's: the same.
    std::fs::write(&files.cert, &second.cert_pem).unwrap();
    let line = wait_for_line(
        &server,
        "TLS certificate reload failed",
        Duration::from_secs(15),
    );
    assert!(line.contains("does not belong"), "{line}");
    assert_eq!(rt.block_on(served_cert(&ca, port)), first.der);

    // Its key arrives: the pair loads and new connections see the second certificate.
    std::fs::write(&files.key, &second.key_pem).unwrap();
    wait_for_line(&server, "TLS certificate reloaded", Duration::from_secs(15));
    let deadline = Instant::now() + Duration::from_secs(10);
    while rt.block_on(served_cert(&ca, port)) != second.der {
        assert!(
            Instant::now() < deadline,
            "the renewed certificate is served"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let (code, _) = server.terminate();
    assert_eq!(code, 0);
}

#[test]
fn handshakes_are_time_bounded_and_count_under_the_connection_caps() {
    let dir = tempfile::tempdir().unwrap();
    let ca = Ca::new();
    let files = write_pair(dir.path(), &ca.leaf("first"));
    let server = serve_tls(
        dir.path(),
        &files,
        &[
            "--header-read-timeout",
            "2",
            "--max-connections-per-address",
            "2",
        ],
    );
    let port = port_of(&server.url);
    // Two clients that start a handshake (a record header) and never go on.
    let began = Instant::now();
    let mut slow: Vec<std::net::TcpStream> = (0..2)
        .map(|_| {
            let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
            s.write_all(&[0x16, 0x03, 0x01]).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(12))).unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    // They hold this address's places: a third client is answered 429, over TLS.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let refused = rt.block_on(async {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut tls = tls_connect(&ca, port)
            .await
            .expect("handshake of a refusal");
        let _ = tls
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .await;
        let mut out = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(5), tls.read_to_end(&mut out)).await;
        String::from_utf8_lossy(&out).into_owned()
    });
    assert!(refused.starts_with("HTTP/1.1 429"), "{refused}");
    // The stalled handshakes are dropped after the header read timeout, not kept for ever.
    for s in &mut slow {
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
    }
    let took = began.elapsed();
    assert!(took < Duration::from_secs(8), "closed after {took:?}");
    // Their places are given back.
    let ok = rt.block_on(async {
        https_client(&ca, port)
            .get(format!("https://localhost:{port}/healthz"))
            .send()
            .await
            .map(|r| r.status().as_u16())
    });
    assert_eq!(ok.unwrap(), 200);
    let (code, _) = server.terminate();
    assert_eq!(code, 0);
}

#[test]
fn bad_tls_settings_stop_the_start_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let ca = Ca::new();
    let files = write_pair(dir.path(), &ca.leaf("first"));
    let data = dir.path().join("data");
    let data = data.to_str().unwrap();
    let cert = files.cert.to_str().unwrap();
    let serve = |extra: &[&str]| {
        let mut args = vec!["serve", "--listen", "127.0.0.1:0", "--data-dir", data];
        args.extend_from_slice(extra);
        run_beckon(dir.path(), &args, "")
    };
    let (code, _, err) = serve(&["--tls-cert", cert]);
    assert_ne!(code, 0);
    assert!(err.contains("tls_cert is set but tls_key is not"), "{err}");
    let (code, _, err) = serve(&["--tls-cert", cert, "--tls-key", "/nonexistent/key.pem"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("cannot read the TLS key file /nonexistent/key.pem"),
        "{err}"
    );
    let other = dir.path().join("other.key");
    std::fs::write(&other, ca.leaf("other").key_pem).unwrap();
    let (code, _, err) = serve(&["--tls-cert", cert, "--tls-key", other.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(err.contains("does not belong to the certificate"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let garbage = dir.path().join("garbage.pem");
    std::fs::write(&garbage, "hello").unwrap();
    let (code, _, err) = serve(&[
        "--tls-cert",
        garbage.to_str().unwrap(),
        "--tls-key",
        other.to_str().unwrap(),
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("holds no usable PEM certificate"), "{err}");
}
