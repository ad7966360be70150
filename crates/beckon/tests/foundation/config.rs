//! Configuration: precedence of its sources, warnings, `--help`, and one-line startup errors.

use crate::common::*;

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
