//! Layered configuration: built-in defaults, then `beckon.toml`, then `BECKON_*` environment
//! variables, then command-line flags (clap merges the last two; this module adds the file).
//!
//! Unknown keys in the file and unknown `BECKON_*` variables are warned about, because a typo
//! that silently does nothing is the worst kind of configuration error.

mod file;
mod proxies;

pub use file::{load_file, parse_file, FileConfig, Loaded, ProxyList};
pub use proxies::{BadProxy, TrustedProxies};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::PathBuf;
use url::Url;

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_DATA_DIR: &str = "./beckon-data";
pub const DEFAULT_CONFIG_FILE: &str = "beckon.toml";
pub const DEFAULT_MAX_TRANSFER_BYTES: u64 = 100 * 1024 * 1024;

/// The settings every command shares: where the configuration file and the data live.
#[derive(Debug, Clone, clap::Args)]
pub struct CommonArgs {
    /// Configuration file (TOML). Default: ./beckon.toml when it exists.
    #[arg(long, env = "BECKON_CONFIG", value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Folder holding the database, client builds and transferred files. Default: ./beckon-data
    #[arg(long, env = "BECKON_DATA_DIR", value_name = "DIR", global = true)]
    pub data_dir: Option<PathBuf>,
}

/// Flags of `beckon serve` (and `beckon config`, which prints what they resolve to).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on. Default: 127.0.0.1:8080
    #[arg(long, env = "BECKON_LISTEN", value_name = "ADDR")]
    pub listen: Option<SocketAddr>,
    /// The URL customers and web pages use to reach this site (scheme, host, optional port).
    /// Default: http://<listen>
    #[arg(long, env = "BECKON_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<Url>,
    /// Seed demo data (the reference's examples) and serve the demo site at /demo.
    #[arg(long, env = "BECKON_DEMO", num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub demo: Option<bool>,
    /// Also serve the demo customer site on this address (a second origin, as real sites are).
    #[arg(long, env = "BECKON_DEMO_SITE_LISTEN", value_name = "ADDR")]
    pub demo_site_listen: Option<SocketAddr>,
    /// Log format: human or json. Default: human
    #[arg(long, env = "BECKON_LOG_FORMAT", value_name = "FORMAT")]
    pub log_format: Option<LogFormat>,
    /// Log filter (tracing EnvFilter syntax, e.g. `info` or `beckon=debug`). Default: info
    #[arg(long, env = "BECKON_LOG", value_name = "FILTER")]
    pub log: Option<String>,
    /// Seconds in-flight requests get to finish after SIGINT/SIGTERM. Default: 10
    #[arg(long, env = "BECKON_SHUTDOWN_GRACE", value_name = "SECS")]
    pub shutdown_grace: Option<u64>,
    /// Most connections open at once (WebSockets included); more get 503. 0: no limit.
    /// Default: 25000
    #[arg(long, env = "BECKON_MAX_CONNECTIONS", value_name = "N")]
    pub max_connections: Option<usize>,
    /// Most connections open at once from one client address; more get 429. 0: no limit.
    /// Default: 256
    #[arg(long, env = "BECKON_MAX_CONNECTIONS_PER_ADDRESS", value_name = "N")]
    pub max_connections_per_address: Option<usize>,
    /// Seconds a client has to send a request's headers. Default: 10
    #[arg(long, env = "BECKON_HEADER_READ_TIMEOUT", value_name = "SECS")]
    pub header_read_timeout: Option<u64>,
    /// Sessions one client address may start per minute (on each node); more get 429. 0: no
    /// limit. Default: 60
    #[arg(long, env = "BECKON_MAX_SESSION_STARTS_PER_MINUTE", value_name = "N")]
    pub max_session_starts_per_minute: Option<u32>,
    /// Largest file one transfer may carry, either way, in bytes; a bigger one is refused
    /// before any byte moves. Default: 104857600 (100 MiB)
    #[arg(long, env = "BECKON_MAX_TRANSFER_BYTES", value_name = "BYTES")]
    pub max_transfer_bytes: Option<u64>,
    /// Serve HTTPS and WSS directly with this PEM certificate chain (needs --tls-key). The
    /// files are watched: a renewed certificate is used without a restart. Default: plain HTTP
    #[arg(long, env = "BECKON_TLS_CERT", value_name = "FILE")]
    pub tls_cert: Option<PathBuf>,
    /// The PEM private key of --tls-cert (PKCS#8, PKCS#1 or SEC1).
    #[arg(long, env = "BECKON_TLS_KEY", value_name = "FILE")]
    pub tls_key: Option<PathBuf>,
    /// Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: a comma list
    /// of addresses and CIDR networks. Default: none (the headers are ignored)
    #[arg(long, env = "BECKON_TRUSTED_PROXIES", value_name = "LIST")]
    pub trusted_proxies: Option<TrustedProxies>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Human,
    Json,
}

/// The effective configuration of a server.
#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub public_url: Url,
    pub demo: bool,
    pub demo_site_listen: Option<SocketAddr>,
    pub log_format: LogFormat,
    pub log: String,
    pub shutdown_grace: u64,
    pub max_connections: usize,
    pub max_connections_per_address: usize,
    pub header_read_timeout: u64,
    pub max_session_starts_per_minute: u32,
    pub max_transfer_bytes: u64,
    /// The certificate and key files when the server speaks TLS itself. Printed as
    /// `tls_cert` and `tls_key`, so that `beckon config` output is a valid `beckon.toml`.
    #[serde(flatten)]
    pub tls: Option<TlsFiles>,
    pub trusted_proxies: TrustedProxies,
}

/// Both halves of a TLS identity: the settings accept one only together with the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TlsFiles {
    #[serde(rename = "tls_cert")]
    pub cert: PathBuf,
    #[serde(rename = "tls_key")]
    pub key: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read configuration file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("malformed configuration file {path}: {message}")]
    Malformed { path: PathBuf, message: String },
    #[error("public_url must be an http or https URL with a host, got `{0}`")]
    PublicUrl(String),
    #[error("{given} is set but {missing} is not: TLS needs both the certificate and its key")]
    TlsHalf {
        given: &'static str,
        missing: &'static str,
    },
    #[error("trusted_proxies: {0}")]
    TrustedProxies(#[from] BadProxy),
}

/// The data dir: flag/env, else file, else the default.
pub fn data_dir(common: &CommonArgs, file: &FileConfig) -> PathBuf {
    common
        .data_dir
        .clone()
        .or_else(|| file.data_dir.clone())
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR))
}

impl Settings {
    /// Merges flags and environment (already merged by clap) over the file over defaults.
    pub fn resolve(
        common: &CommonArgs,
        args: &ServeArgs,
        file: &FileConfig,
    ) -> Result<Settings, ConfigError> {
        let listen = args.listen.or(file.listen).unwrap_or_else(|| {
            DEFAULT_LISTEN
                .parse()
                .expect("default listen address parses")
        });
        let tls = match (
            args.tls_cert.clone().or_else(|| file.tls_cert.clone()),
            args.tls_key.clone().or_else(|| file.tls_key.clone()),
        ) {
            (Some(cert), Some(key)) => Some(TlsFiles { cert, key }),
            (None, None) => None,
            (Some(_), None) => {
                return Err(ConfigError::TlsHalf {
                    given: "tls_cert",
                    missing: "tls_key",
                })
            }
            (None, Some(_)) => {
                return Err(ConfigError::TlsHalf {
                    given: "tls_key",
                    missing: "tls_cert",
                })
            }
        };
        let trusted_proxies = match (&args.trusted_proxies, &file.trusted_proxies) {
            (Some(p), _) => p.clone(),
            (None, Some(list)) => list.joined().parse()?,
            (None, None) => TrustedProxies::default(),
        };
        let public_url = match args.public_url.clone().or_else(|| file.public_url.clone()) {
            Some(u) => u,
            None => default_public_url(listen, tls.is_some()),
        };
        if !matches!(public_url.scheme(), "http" | "https") || public_url.host_str().is_none() {
            return Err(ConfigError::PublicUrl(public_url.to_string()));
        }
        Ok(Settings {
            listen,
            data_dir: data_dir(common, file),
            public_url,
            demo: args.demo.or(file.demo).unwrap_or(false),
            demo_site_listen: args.demo_site_listen.or(file.demo_site_listen),
            log_format: args
                .log_format
                .or(file.log_format)
                .unwrap_or(LogFormat::Human),
            log: args
                .log
                .clone()
                .or_else(|| file.log.clone())
                .unwrap_or_else(|| "info".into()),
            shutdown_grace: args.shutdown_grace.or(file.shutdown_grace).unwrap_or(10),
            max_connections: args
                .max_connections
                .or(file.max_connections)
                .unwrap_or(25_000),
            max_connections_per_address: args
                .max_connections_per_address
                .or(file.max_connections_per_address)
                .unwrap_or(256),
            header_read_timeout: args
                .header_read_timeout
                .or(file.header_read_timeout)
                .unwrap_or(10)
                .max(1),
            max_session_starts_per_minute: args
                .max_session_starts_per_minute
                .or(file.max_session_starts_per_minute)
                .unwrap_or(60),
            max_transfer_bytes: args
                .max_transfer_bytes
                .or(file.max_transfer_bytes)
                .unwrap_or(DEFAULT_MAX_TRANSFER_BYTES),
            tls,
            trusted_proxies,
        })
    }

    /// The public URL once the real listening address is known (port 0 becomes the real port).
    pub fn with_bound_address(mut self, bound: SocketAddr, explicit_public_url: bool) -> Settings {
        self.listen = bound;
        if !explicit_public_url {
            self.public_url = default_public_url(bound, self.tls.is_some());
        }
        self
    }

    /// `host[:port]` of the public URL: what a page passes to `BG.setSite`.
    pub fn site_host(&self) -> String {
        let host = self.public_url.host_str().unwrap_or("localhost");
        match self.public_url.port() {
            Some(p) => format!("{host}:{p}"),
            None => host.to_string(),
        }
    }

    /// The public URL without a trailing slash, for building absolute links.
    pub fn base_url(&self) -> String {
        self.public_url.as_str().trim_end_matches('/').to_string()
    }
}

/// `http://<listen>/`, or `https://` when the server speaks TLS itself.
fn default_public_url(listen: SocketAddr, tls: bool) -> Url {
    let host = if listen.ip().is_unspecified() {
        "localhost".to_string()
    } else {
        listen.ip().to_string()
    };
    let host = if listen.is_ipv6() && !listen.ip().is_unspecified() {
        format!("[{host}]")
    } else {
        host
    };
    let scheme = if tls { "https" } else { "http" };
    Url::parse(&format!("{scheme}://{host}:{}/", listen.port()))
        .expect("a socket address makes a URL")
}

#[cfg(test)]
mod tests;
