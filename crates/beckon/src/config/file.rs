//! `beckon.toml` and the environment: reading the file, and warning about unknown keys and
//! `BECKON_*` variables.

use super::{CommonArgs, ConfigError, LogFormat, DEFAULT_CONFIG_FILE};
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use url::Url;

/// `trusted_proxies` in the file: one comma-separated string or a list of strings.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ProxyList {
    One(String),
    Many(Vec<String>),
}

impl ProxyList {
    pub(super) fn joined(&self) -> String {
        match self {
            ProxyList::One(s) => s.clone(),
            ProxyList::Many(v) => v.join(","),
        }
    }
}

/// `beckon.toml`: the same keys as the flags, in snake_case.
#[derive(Debug, Default, Deserialize)]
pub struct FileConfig {
    pub listen: Option<SocketAddr>,
    pub data_dir: Option<PathBuf>,
    pub public_url: Option<Url>,
    pub demo: Option<bool>,
    pub demo_site_listen: Option<SocketAddr>,
    pub log_format: Option<LogFormat>,
    pub log: Option<String>,
    pub shutdown_grace: Option<u64>,
    pub max_connections: Option<usize>,
    pub max_connections_per_address: Option<usize>,
    pub header_read_timeout: Option<u64>,
    pub max_session_starts_per_minute: Option<u32>,
    pub max_transfer_bytes: Option<u64>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    pub trusted_proxies: Option<ProxyList>,
}

const FILE_KEYS: &[&str] = &[
    "listen",
    "data_dir",
    "public_url",
    "demo",
    "demo_site_listen",
    "log_format",
    "log",
    "shutdown_grace",
    "max_connections",
    "max_connections_per_address",
    "header_read_timeout",
    "max_session_starts_per_minute",
    "max_transfer_bytes",
    "tls_cert",
    "tls_key",
    "trusted_proxies",
];

const ENV_VARS: &[&str] = &[
    "BECKON_CONFIG",
    "BECKON_DATA_DIR",
    "BECKON_LISTEN",
    "BECKON_PUBLIC_URL",
    "BECKON_DEMO",
    "BECKON_DEMO_SITE_LISTEN",
    "BECKON_LOG_FORMAT",
    "BECKON_LOG",
    "BECKON_SHUTDOWN_GRACE",
    "BECKON_MAX_CONNECTIONS",
    "BECKON_MAX_CONNECTIONS_PER_ADDRESS",
    "BECKON_HEADER_READ_TIMEOUT",
    "BECKON_MAX_SESSION_STARTS_PER_MINUTE",
    "BECKON_MAX_TRANSFER_BYTES",
    "BECKON_TLS_CERT",
    "BECKON_TLS_KEY",
    "BECKON_TRUSTED_PROXIES",
    "BECKON_ADMIN_PASSWORD",
    "BECKON_DEMO_PASSWORD",
];

/// The loaded file plus the warnings it produced.
pub struct Loaded {
    pub file: FileConfig,
    pub warnings: Vec<String>,
}

/// Reads the configuration file: the named one (which must exist), or `beckon.toml` if present.
pub fn load_file(common: &CommonArgs) -> Result<Loaded, ConfigError> {
    let (path, required) = match &common.config {
        Some(p) => (p.clone(), true),
        None => (PathBuf::from(DEFAULT_CONFIG_FILE), false),
    };
    let mut warnings = unknown_env_vars();
    if !required && !path.exists() {
        return Ok(Loaded {
            file: FileConfig::default(),
            warnings,
        });
    }
    let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
        path: path.clone(),
        source,
    })?;
    let (file, unknown) = parse_file(&text, &path)?;
    warnings.extend(unknown.into_iter().map(|k| {
        format!(
            "unknown key `{k}` in {} is ignored (known: {})",
            path.display(),
            FILE_KEYS.join(", ")
        )
    }));
    Ok(Loaded { file, warnings })
}

/// Parses the TOML text; returns the config and the unknown top-level keys.
pub fn parse_file(text: &str, path: &Path) -> Result<(FileConfig, Vec<String>), ConfigError> {
    let one_line = |e: &dyn std::fmt::Display| {
        e.to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| ConfigError::Malformed {
            path: path.to_path_buf(),
            message: one_line(&e),
        })?;
    let unknown = table
        .keys()
        .filter(|k| !FILE_KEYS.contains(&k.as_str()))
        .cloned()
        .collect();
    let file =
        FileConfig::deserialize(toml::Value::Table(table)).map_err(|e| ConfigError::Malformed {
            path: path.to_path_buf(),
            message: one_line(&e),
        })?;
    Ok((file, unknown))
}

fn unknown_env_vars() -> Vec<String> {
    std::env::vars_os()
        .filter_map(|(k, _)| k.into_string().ok())
        .filter(|k| k.starts_with("BECKON_") && !ENV_VARS.contains(&k.as_str()))
        .map(|k| format!("unknown environment variable {k} is ignored"))
        .collect()
}
