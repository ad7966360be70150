//! Issue 2: configuration, store, admin CLI, demo seed, health and shutdown.
// These tests drive a child process from plain threads; blocking sleeps are fine here.
#![allow(clippy::disallowed_methods)]

mod common;

use beckon::store::sqlite::SqliteStore;
use common::*;

#[test]
fn config_precedence_is_flag_then_env_then_file_then_default() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("beckon.toml"),
        "listen = \"127.0.0.1:7001\"\nlog = \"debug\"\nshutdown_grace = 3\ndemo = true\n",
    )
    .unwrap();
    // Defaults only apply where nothing is set; file beats defaults.
    let (code, out, _) = run_beckon(dir.path(), &["config"], "");
    assert_eq!(code, 0);
    assert!(out.contains("listen = \"127.0.0.1:7001\""), "{out}");
    assert!(out.contains("log = \"debug\""), "{out}");
    assert!(out.contains("data_dir = \"./beckon-data\""), "{out}");
    // Env beats file.
    let out = beckon(dir.path())
        .arg("config")
        .env("BECKON_LISTEN", "127.0.0.1:7002")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("listen = \"127.0.0.1:7002\""), "{text}");
    assert!(text.contains("log = \"debug\""), "{text}");
    // Flag beats env.
    let out = beckon(dir.path())
        .args(["config", "--listen", "127.0.0.1:7003", "--demo", "false"])
        .env("BECKON_LISTEN", "127.0.0.1:7002")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("listen = \"127.0.0.1:7003\""), "{text}");
    assert!(text.contains("demo = false"), "{text}");
    assert!(
        text.contains("public_url = \"http://127.0.0.1:7003/\""),
        "{text}"
    );
}

#[test]
fn unknown_keys_and_variables_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("beckon.toml"), "lisen = \"x\"\n").unwrap();
    let out = beckon(dir.path())
        .arg("config")
        .env("BECKON_LISTNE", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success());
    assert!(err.contains("unknown key `lisen`"), "{err}");
    assert!(
        err.contains("unknown environment variable BECKON_LISTNE"),
        "{err}"
    );
}

#[test]
fn help_documents_every_setting() {
    let (code, out, _) = run_beckon(std::env::temp_dir().as_path(), &["serve", "--help"], "");
    assert_eq!(code, 0);
    for flag in [
        "--listen",
        "--data-dir",
        "--public-url",
        "--demo",
        "--demo-site-listen",
        "--log-format",
        "--log",
        "--shutdown-grace",
        "--max-transfer-bytes",
        "--config",
    ] {
        assert!(out.contains(flag), "missing {flag} in:\n{out}");
    }
    for env in [
        "BECKON_LISTEN",
        "BECKON_DATA_DIR",
        "BECKON_PUBLIC_URL",
        "BECKON_DEMO",
        "BECKON_MAX_TRANSFER_BYTES",
    ] {
        assert!(out.contains(env), "missing {env} in:\n{out}");
    }
}

fn assert_one_line_error(code: i32, stderr: &str, needle: &str) {
    assert_ne!(code, 0, "must fail: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line expected: {stderr}");
    assert!(
        lines[0].starts_with("error: ") && lines[0].contains(needle),
        "{stderr}"
    );
}

#[test]
fn bad_configuration_fails_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    // A data dir that cannot be a folder.
    std::fs::write(dir.path().join("not-a-dir"), "").unwrap();
    let (code, _, err) = run_beckon(
        dir.path(),
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            "not-a-dir/data",
        ],
        "",
    );
    assert_one_line_error(code, &err, "cannot create data dir not-a-dir/data");

    // A port in use.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let (code, _, err) = run_beckon(
        dir.path(),
        &["serve", "--listen", &addr, "--data-dir", "d1"],
        "",
    );
    assert_one_line_error(code, &err, &format!("cannot listen on {addr}"));

    // A malformed beckon.toml.
    std::fs::write(dir.path().join("beckon.toml"), "listen = [\n").unwrap();
    let (code, _, err) = run_beckon(dir.path(), &["serve"], "");
    assert_one_line_error(code, &err, "malformed configuration file beckon.toml");

    // A value of the wrong type.
    std::fs::write(
        dir.path().join("beckon.toml"),
        "shutdown_grace = \"soon\"\n",
    )
    .unwrap();
    let (code, _, err) = run_beckon(dir.path(), &["serve"], "");
    assert_one_line_error(code, &err, "malformed configuration file beckon.toml");

    // A named config file that does not exist.
    let (code, _, err) = run_beckon(dir.path(), &["--config", "missing.toml", "serve"], "");
    assert_one_line_error(code, &err, "cannot read configuration file missing.toml");
}

#[tokio::test]
async fn migrations_run_on_empty_and_existing_data_dirs() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path()).await.unwrap();
    let applied = store.applied_migrations().await.unwrap();
    assert!(applied >= 1);
    beckon::seed::seed_demo(&store, Some(DEMO_PASSWORD.into()))
        .await
        .unwrap();
    beckon::store::Store::close(&store).await;
    // Reopening an existing data dir keeps the data and applies nothing twice.
    let store = SqliteStore::open(dir.path()).await.unwrap();
    assert_eq!(store.applied_migrations().await.unwrap(), applied);
    use beckon::store::UserStore;
    assert!(store
        .user_by_id(beckon::domain::ids::UserId(30))
        .await
        .unwrap()
        .is_some());
    // The database is in WAL mode (so the CLI can write while the server runs).
    assert!(dir.path().join("beckon.db-wal").exists() || dir.path().join("beckon.db").exists());
}

#[tokio::test]
async fn demo_seed_is_idempotent_and_rearms_keys() {
    use beckon::store::*;
    let server = TestServer::start_demo().await;
    let store = server.store.clone();
    let counts = |s: DynStore| async move {
        (
            s.list_users().await.unwrap().len(),
            s.list_teams().await.unwrap().len(),
            s.list_issues().await.unwrap().len(),
            s.list_skills().await.unwrap().len(),
            s.list_custom_fields().await.unwrap().len(),
            s.session_keys_of_rep(
                beckon::domain::ids::UserId(30),
                beckon::domain::time::now_ms(),
            )
            .await
            .unwrap()
            .len(),
        )
    };
    let before = counts(store.clone()).await;
    assert_eq!(before, (2, 2, 2, 2, 2, 4));
    beckon::seed::seed_demo(store.as_ref(), Some(DEMO_PASSWORD.into()))
        .await
        .unwrap();
    assert_eq!(counts(store.clone()).await, before);

    let rep30 = store
        .user_by_id(beckon::domain::ids::UserId(30))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rep30.public_display_name, "Admin");
    let rep12 = store
        .user_by_id(beckon::domain::ids::UserId(12))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rep12.public_display_name, "John");
    assert!(store
        .issue_by_id(beckon::domain::ids::IssueId(12))
        .await
        .unwrap()
        .is_some());
    assert!(store.issue_by_code("Other").await.unwrap().is_some());
    let langs = store.languages().await.unwrap();
    assert_eq!(langs.iter().filter(|l| l.enabled).count(), 16);
    for digits in ["1728331", "8679485", "8347482", "7683902"] {
        let key = store
            .session_key_by_digits(digits)
            .await
            .unwrap()
            .expect(digits);
        assert_eq!(key.rep_id, Some(beckon::domain::ids::UserId(30)));
        assert!(key.expires_at > beckon::domain::time::now_ms() + 24 * 3600 * 1000);
    }
    assert!(beckon::domain::password::verify(
        DEMO_PASSWORD,
        &rep30.password_hash
    ));
    server.stop().await;
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let server = TestServer::start().await;
    let r = server.get("/healthz").await;
    assert_eq!(r.status(), 200);
    assert!(r.headers().contains_key("x-request-id"));
    assert_eq!(server.get("/readyz").await.status(), 200);
    // Readiness follows the store: once it is closed, the node is not ready.
    server.store.close().await;
    assert_eq!(server.get("/readyz").await.status(), 503);
    assert_eq!(server.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn demo_page_is_served_only_in_demo_mode() {
    let plain = TestServer::start().await;
    assert_eq!(plain.get("/demo").await.status(), 404);
    let demo = TestServer::start_demo().await;
    let r = demo.get("/demo").await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains(&format!("src=\"{}/api/start_session.js\"", demo.url))
            || html.contains("/api/start_session.js")
    );
    assert!(
        html.contains(&format!("BG.setSite(\"{}\")", demo.addr)),
        "{html}"
    );
}

#[tokio::test]
async fn assets_have_etags_and_revalidate() {
    let server = TestServer::start().await;
    let r = server.get("/assets/css/demo.css").await;
    assert_eq!(r.status(), 200);
    let etag = r.headers()["etag"].to_str().unwrap().to_string();
    assert!(r.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("must-revalidate"));
    let r = server
        .client
        .get(server.at("/assets/css/demo.css"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);
    assert_eq!(server.get("/assets/nope.css").await.status(), 404);
}

#[test]
fn admin_cli_manages_users_and_api_accounts_while_the_server_runs() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = spawn_serve(
        dir.path(),
        &data,
        &["--demo"],
        &[
            ("BECKON_ADMIN_PASSWORD", "first-admin-pw"),
            ("BECKON_DEMO_PASSWORD", DEMO_PASSWORD),
        ],
    );
    let data_s = data.to_str().unwrap();

    let (code, out, err) = run_beckon(
        dir.path(),
        &[
            "admin",
            "create-user",
            "--data-dir",
            data_s,
            "--username",
            "alice",
            "--display-name",
            "Alice",
            "--team",
            "general_support",
            "--skill",
            "skill1",
        ],
        "alice-password\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("created user alice"), "{out}");

    let (code, _, err) = run_beckon(
        dir.path(),
        &[
            "admin",
            "create-user",
            "--data-dir",
            data_s,
            "--username",
            "alice",
            "--display-name",
            "Alice",
        ],
        "another-pass\n",
    );
    assert_ne!(code, 0);
    assert!(err.contains("already exists"), "{err}");
    let (code, _, err) = run_beckon(
        dir.path(),
        &[
            "admin",
            "create-user",
            "--data-dir",
            data_s,
            "--username",
            "bob",
            "--display-name",
            "Bob",
            "--team",
            "nope",
        ],
        "bob-password\n",
    );
    assert_ne!(code, 0);
    assert!(
        err.contains("no support team with code name `nope`"),
        "{err}"
    );
    let (code, _, err) = run_beckon(
        dir.path(),
        &[
            "admin",
            "create-user",
            "--data-dir",
            data_s,
            "--username",
            "bob",
            "--display-name",
            "Bob",
        ],
        "short\n",
    );
    assert_ne!(code, 0);
    assert!(err.contains("at least 8 characters"), "{err}");

    let (code, out, _) = run_beckon(
        dir.path(),
        &["admin", "list-users", "--data-dir", data_s, "--json"],
        "",
    );
    assert_eq!(code, 0);
    let users: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["admin", "john", "demo-admin", "alice"]);
    assert!(!out.contains("argon2"), "hashes must never be printed");

    let (code, out, err) = run_beckon(
        dir.path(),
        &[
            "admin",
            "set-password",
            "--data-dir",
            data_s,
            "--username",
            "alice",
        ],
        "new-alice-password\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("password of alice changed"));

    let (code, out, err) = run_beckon(
        dir.path(),
        &[
            "admin",
            "create-api-account",
            "--data-dir",
            data_s,
            "--name",
            "CRM",
            "--command",
            "read_only",
            "--reporting",
            "--json",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    let creds: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(creds["client_id"].as_str().unwrap().len(), 32);
    assert!(creds["client_secret"].as_str().unwrap().len() >= 40);
    let (code, _, err) = run_beckon(
        dir.path(),
        &[
            "admin",
            "create-api-account",
            "--data-dir",
            data_s,
            "--name",
            "x",
            "--command",
            "all",
        ],
        "",
    );
    assert_ne!(code, 0);
    assert!(
        err.contains("--command must be full, read_only or none"),
        "{err}"
    );

    let (code, lines) = server.terminate();
    assert_eq!(code, 0, "{lines:?}");

    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = open_store(&data).await;
        let alice = store.user_by_username("alice").await.unwrap().unwrap();
        assert!(beckon::domain::password::verify(
            "new-alice-password",
            &alice.password_hash
        ));
        assert_eq!(store.user_skills(alice.id).await.unwrap(), vec!["skill1"]);
        let account = store
            .api_account_by_client_id(creds["client_id"].as_str().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert!(beckon::domain::password::verify(
            creds["client_secret"].as_str().unwrap(),
            &account.secret_hash
        ));
        let audit = store.list_audit(10).await.unwrap();
        assert!(audit.iter().any(|a| a.action == "user.create"));
        assert!(audit.iter().any(|a| a.action == "api_account.create"));
        assert!(
            !serde_json::to_string(&audit.iter().map(|a| &a.after).collect::<Vec<_>>())
                .unwrap()
                .contains(creds["client_secret"].as_str().unwrap())
        );
    });
}

#[test]
fn first_start_creates_an_admin_and_prints_the_password_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = spawn_serve(dir.path(), &data, &[], &[]);
    let (code, lines) = server.terminate();
    assert_eq!(code, 0);
    // The password went to stdout, not to the log.
    assert!(!lines.iter().any(|l| l.contains("Password")), "{lines:?}");
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = open_store(&data).await;
        let admin = store.user_by_username("admin").await.unwrap().unwrap();
        assert!(admin.permissions.admin);
        assert!(
            admin.must_change_password,
            "a generated password must be changed"
        );
    });
    // A second start does not create another admin or print a password.
    let server = spawn_serve(dir.path(), &data, &[], &[]);
    let (code, _) = server.terminate();
    assert_eq!(code, 0);
}

#[test]
fn sigterm_shuts_down_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = spawn_serve(
        dir.path(),
        &data,
        &[],
        &[("BECKON_ADMIN_PASSWORD", "first-admin-pw")],
    );
    let url = server.url.clone();
    let addr = url.trim_start_matches("http://").to_string();
    // An in-flight request: headers sent, body still coming when the signal arrives.
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(stream, "POST /api/start_session HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\nConnection: close\r\n\r\n").unwrap();
    stream.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let pid = server.child.id().to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    // New connections are refused while the in-flight request may still finish.
    assert!(
        std::net::TcpStream::connect(&addr).is_err(),
        "the listener must be closed"
    );
    stream.write_all(b"a=b").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(
        response.starts_with("HTTP/1.1 "),
        "in-flight request got an answer: {response:?}"
    );
    let (code, lines) = server.terminate_wait();
    assert_eq!(code, 0, "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("stopped")), "{lines:?}");
}

#[test]
fn json_logs_carry_the_request_id() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let server = spawn_serve(
        dir.path(),
        &data,
        &["--log-format", "json"],
        &[("BECKON_ADMIN_PASSWORD", "first-admin-pw")],
    );
    let addr = server.url.trim_start_matches("http://").to_string();
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(stream, "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nx-request-id: test-req-42\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(
        response
            .to_ascii_lowercase()
            .contains("x-request-id: test-req-42"),
        "{response}"
    );
    let (code, lines) = server.terminate();
    assert_eq!(code, 0);
    let parsed: Vec<serde_json::Value> = lines
        .iter()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert!(
        !parsed.is_empty() && parsed.len() == lines.len(),
        "every log line is JSON: {lines:?}"
    );
    assert!(
        parsed.iter().any(|v| v.to_string().contains("test-req-42")),
        "{lines:?}"
    );
}
