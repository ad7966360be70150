//! Unit tests of the layered configuration.

use super::*;
use std::path::Path;
fn common() -> CommonArgs {
    CommonArgs {
        config: None,
        data_dir: None,
    }
}

#[test]
fn defaults_apply_when_nothing_is_set() {
    let s = Settings::resolve(&common(), &ServeArgs::default(), &FileConfig::default()).unwrap();
    assert_eq!(s.listen.to_string(), DEFAULT_LISTEN);
    assert_eq!(s.data_dir, PathBuf::from(DEFAULT_DATA_DIR));
    assert_eq!(s.public_url.as_str(), "http://127.0.0.1:8080/");
    assert!(!s.demo);
    assert_eq!(s.site_host(), "127.0.0.1:8080");
}

#[test]
fn flags_win_over_file_and_file_over_defaults() {
    let (file, unknown) = parse_file(
        "listen = \"127.0.0.1:9000\"\ndemo = true\nlog = \"debug\"\nbogus = 1\n",
        Path::new("beckon.toml"),
    )
    .unwrap();
    assert_eq!(unknown, vec!["bogus".to_string()]);
    let args = ServeArgs {
        listen: Some("127.0.0.1:9100".parse().unwrap()),
        ..Default::default()
    };
    let s = Settings::resolve(&common(), &args, &file).unwrap();
    assert_eq!(s.listen.port(), 9100);
    assert!(s.demo);
    assert_eq!(s.log, "debug");
}

#[test]
fn malformed_files_give_one_line_errors() {
    let err = parse_file("listen = ", Path::new("x.toml"))
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.starts_with("malformed configuration file x.toml"),
        "{err}"
    );
    assert!(!err.contains('\n'));
    let err = parse_file("listen = \"nope\"", Path::new("x.toml"))
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("malformed"), "{err}");
}

#[test]
fn rejects_non_http_public_urls() {
    let args = ServeArgs {
        public_url: Some("ftp://x/".parse().unwrap()),
        ..Default::default()
    };
    assert!(Settings::resolve(&common(), &args, &FileConfig::default()).is_err());
}

#[test]
fn bound_port_replaces_port_zero() {
    let args = ServeArgs {
        listen: Some("127.0.0.1:0".parse().unwrap()),
        ..Default::default()
    };
    let s = Settings::resolve(&common(), &args, &FileConfig::default()).unwrap();
    let s = s.with_bound_address("127.0.0.1:4321".parse().unwrap(), false);
    assert_eq!(s.public_url.as_str(), "http://127.0.0.1:4321/");
}

#[test]
fn tls_needs_both_files_and_makes_the_default_url_https() {
    let half = ServeArgs {
        tls_cert: Some("cert.pem".into()),
        ..Default::default()
    };
    let err = Settings::resolve(&common(), &half, &FileConfig::default())
        .err()
        .unwrap();
    assert!(
        matches!(
            err,
            ConfigError::TlsHalf {
                missing: "tls_key",
                ..
            }
        ),
        "{err}"
    );
    let (file, _) = parse_file("tls_key = \"key.pem\"\n", Path::new("beckon.toml")).unwrap();
    let s = Settings::resolve(&common(), &half, &file).unwrap();
    assert_eq!(
        s.tls,
        Some(TlsFiles {
            cert: "cert.pem".into(),
            key: "key.pem".into()
        })
    );
    assert_eq!(s.public_url.as_str(), "https://127.0.0.1:8080/");
    let s = s.with_bound_address("127.0.0.1:4321".parse().unwrap(), false);
    assert_eq!(s.public_url.as_str(), "https://127.0.0.1:4321/");
}

#[test]
fn trusted_proxies_come_from_flags_or_the_file_as_a_string_or_a_list() {
    let (file, unknown) = parse_file(
        "trusted_proxies = [\"10.0.0.0/8\", \"192.0.2.1\"]\n",
        Path::new("beckon.toml"),
    )
    .unwrap();
    assert!(unknown.is_empty());
    let s = Settings::resolve(&common(), &ServeArgs::default(), &file).unwrap();
    assert!(s.trusted_proxies.contains("10.2.3.4".parse().unwrap()));
    assert!(s.trusted_proxies.contains("192.0.2.1".parse().unwrap()));
    let (file, _) = parse_file("trusted_proxies = \"nope\"\n", Path::new("beckon.toml")).unwrap();
    assert!(matches!(
        Settings::resolve(&common(), &ServeArgs::default(), &file),
        Err(ConfigError::TrustedProxies(_))
    ));
    let args = ServeArgs {
        trusted_proxies: Some("127.0.0.1".parse().unwrap()),
        ..Default::default()
    };
    let s = Settings::resolve(&common(), &args, &file).unwrap();
    assert!(s.trusted_proxies.contains("127.0.0.1".parse().unwrap()));
    assert!(
        Settings::resolve(&common(), &ServeArgs::default(), &FileConfig::default())
            .unwrap()
            .trusted_proxies
            .is_empty()
    );
}

#[test]
fn printed_settings_are_a_valid_configuration_file() {
    let args = ServeArgs {
        tls_cert: Some("c.pem".into()),
        tls_key: Some("k.pem".into()),
        trusted_proxies: Some("10.0.0.0/8".parse().unwrap()),
        ..Default::default()
    };
    let s = Settings::resolve(&common(), &args, &FileConfig::default()).unwrap();
    let text = toml::to_string(&s).unwrap();
    let (file, unknown) = parse_file(&text, Path::new("printed.toml")).unwrap();
    assert!(unknown.is_empty(), "{unknown:?}\n{text}");
    let again = Settings::resolve(&common(), &ServeArgs::default(), &file).unwrap();
    assert_eq!(again.tls, s.tls);
    assert_eq!(again.trusted_proxies, s.trusted_proxies);
}
