//! Serving HTTPS and WSS directly with rustls, and picking up renewed certificates.
//!
//! Certificates are renewed every few weeks (ACME clients rewrite the files in place), and a
//! restart would drop every open chat: so the files' modification times are polled and a new
//! pair is swapped in for the next handshake. A pair that does not load (half written, a key
//! of another certificate) is logged and the current certificate stays in use; connections
//! that are already open keep the certificate they were made with.

use crate::config::TlsFiles;
use rustls::crypto::CryptoProvider;
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};
use tokio_rustls::TlsAcceptor;
use tokio_util::sync::CancellationToken;

/// How often the certificate files are looked at: a renewed certificate is served within this.
pub const RELOAD_POLL: Duration = Duration::from_secs(2);

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read the TLS certificate file {path}: {source}")]
    ReadCert {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read the TLS key file {path}: {source}")]
    ReadKey {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the TLS certificate file {path} holds no usable PEM certificate{detail}")]
    BadCert { path: PathBuf, detail: String },
    #[error(
        "the TLS key file {path} holds no usable PEM private key (PKCS#8, PKCS#1 or SEC1){detail}"
    )]
    BadKey { path: PathBuf, detail: String },
    #[error("the TLS key in {key} does not belong to the certificate in {cert}")]
    Mismatch { cert: PathBuf, key: PathBuf },
    #[error("cannot set up TLS: {0}")]
    Setup(#[from] rustls::Error),
}

fn detail(e: impl std::fmt::Display) -> String {
    format!(": {e}")
}

/// Reads and checks a certificate chain and its key.
pub fn load_pair(files: &TlsFiles, provider: &CryptoProvider) -> Result<CertifiedKey, TlsError> {
    let cert_pem = std::fs::read(&files.cert).map_err(|source| TlsError::ReadCert {
        path: files.cert.clone(),
        source,
    })?;
    let key_pem = std::fs::read(&files.key).map_err(|source| TlsError::ReadKey {
        path: files.key.clone(),
        source,
    })?;
    let bad_cert = |detail: String| TlsError::BadCert {
        path: files.cert.clone(),
        detail,
    };
    let chain = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad_cert(detail(e)))?;
    if chain.is_empty() {
        return Err(bad_cert(String::new()));
    }
    let bad_key = |detail: String| TlsError::BadKey {
        path: files.key.clone(),
        detail,
    };
    let key = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|e| bad_key(detail(e)))?;
    let signer = provider
        .key_provider
        .load_private_key(key)
        .map_err(|e| bad_key(detail(e)))?;
    let pair = CertifiedKey::new(chain, signer);
    match pair.keys_match() {
        // Unknown: the key type cannot tell its public half; the handshake will show it.
        Ok(()) | Err(rustls::Error::InconsistentKeys(rustls::InconsistentKeys::Unknown)) => {
            Ok(pair)
        }
        Err(rustls::Error::InconsistentKeys(_)) => Err(TlsError::Mismatch {
            cert: files.cert.clone(),
            key: files.key.clone(),
        }),
        Err(e) => Err(bad_cert(detail(e))),
    }
}

/// Hands every handshake the current pair; the watcher replaces it. A lock rather than a new
/// `ServerConfig`, so that the acceptor (and its session ticket keys) stay the same.
#[derive(Debug)]
struct Current(RwLock<Arc<CertifiedKey>>);

impl Current {
    fn get(&self) -> Arc<CertifiedKey> {
        self.0.read().unwrap_or_else(|p| p.into_inner()).clone()
    }
    fn set(&self, pair: CertifiedKey) {
        *self.0.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(pair);
    }
}

impl ResolvesServerCert for Current {
    fn resolve(&self, _hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.get())
    }
}

/// The TLS side of a listener: an acceptor whose certificate follows the files.
#[derive(Clone)]
pub struct Tls {
    acceptor: TlsAcceptor,
    current: Arc<Current>,
    files: TlsFiles,
    provider: Arc<CryptoProvider>,
    /// The files' stamps just before `load` read them: the watcher's baseline. Taken here,
    /// not when the watcher first runs, so that a renewal written between the two (a busy
    /// machine can delay a new task's first poll) is still seen as a change.
    loaded: (Stamp, Stamp),
}

/// What a file looked like when last read: a change of either means "read again".
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// The stamps of the certificate and the key.
fn look(files: &TlsFiles) -> (Stamp, Stamp) {
    (stamp(&files.cert), stamp(&files.key))
}

impl Tls {
    /// Loads the pair once; every error here stops the server from starting.
    pub fn load(files: &TlsFiles) -> Result<Tls, TlsError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let loaded = look(files);
        let pair = load_pair(files, &provider)?;
        let current = Arc::new(Current(RwLock::new(Arc::new(pair))));
        let mut config = rustls::ServerConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()?
            .with_no_client_auth()
            .with_cert_resolver(current.clone());
        // The server speaks HTTP/1.1 only (WebSockets upgrade from it).
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Tls {
            acceptor: TlsAcceptor::from(Arc::new(config)),
            current,
            files: files.clone(),
            provider,
            loaded,
        })
    }

    pub fn acceptor(&self) -> TlsAcceptor {
        self.acceptor.clone()
    }

    /// Polls the files every `every` until `shutdown`, swapping in a pair that loads; any
    /// change since `load` read them counts.
    pub fn watch(
        self,
        every: Duration,
        shutdown: CancellationToken,
    ) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut seen = self.loaded;
            let mut failed = false;
            loop {
                tokio::select! {
                    _ = shutdown.cancelled() => return,
                    _ = tokio::time::sleep(every) => {}
                }
                let now = look(&self.files);
                // A failed pair is retried even unchanged (a file may have been read while
                // half written within one timestamp tick), but logged only once per change.
                if now == seen && !failed {
                    continue;
                }
                let changed = now != seen;
                seen = now;
                match load_pair(&self.files, &self.provider) {
                    Ok(pair) => {
                        self.current.set(pair);
                        failed = false;
                        tracing::info!(cert = %self.files.cert.display(), "TLS certificate reloaded");
                    }
                    Err(e) => {
                        failed = true;
                        if changed {
                            tracing::warn!(error = %e, "TLS certificate reload failed; the current certificate stays in use");
                        }
                    }
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_files_are_typed_errors() {
        let dir = std::env::temp_dir().join("beckon-tls-missing");
        let files = TlsFiles {
            cert: dir.join("nope.pem"),
            key: dir.join("nope.key"),
        };
        assert!(matches!(Tls::load(&files), Err(TlsError::ReadCert { .. })));
    }

    /// Writes a fresh self-signed pair into `files`; its certificate, DER.
    fn write_pair(files: &TlsFiles) -> Vec<u8> {
        let cert = rcgen::generate_simple_self_signed(vec!["localhost".into()]).expect("cert");
        std::fs::write(&files.cert, cert.cert.pem()).expect("cert file");
        std::fs::write(&files.key, cert.signing_key.serialize_pem()).expect("key file");
        cert.cert.der().to_vec()
    }

    /// A renewal written after `load` but before the watcher first looks is still picked up:
    /// the watcher compares with what `load` read, not with what it first sees.
    #[tokio::test]
    async fn a_renewal_before_the_first_look_is_picked_up() {
        let dir = tempfile::tempdir().expect("dir");
        let files = TlsFiles {
            cert: dir.path().join("cert.pem"),
            key: dir.path().join("key.pem"),
        };
        write_pair(&files);
        let tls = Tls::load(&files).expect("load");
        let current = tls.current.clone();
        let renewed = write_pair(&files);
        let shutdown = CancellationToken::new();
        let watcher = tls.watch(Duration::from_millis(10), shutdown.clone());
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while current.get().cert[0].as_ref() != renewed.as_slice() {
            assert!(
                std::time::Instant::now() < deadline,
                "the renewal was not picked up"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        shutdown.cancel();
        watcher.await.expect("watcher");
    }
}
