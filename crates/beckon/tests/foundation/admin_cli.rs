//! The admin CLI beside a running server, and the administrator created on first start.

use crate::common::*;

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
