//! One TLS configuration for both the join request and the WebSocket: rustls (pure Rust, no
//! OpenSSL to find on the customer's machine) trusting the operating system's certificate
//! store (`rustls-native-certs`), so a site behind a company CA the customer's IT installed
//! works like it does in their browser.

use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("TLS setup failed: {0}")]
    Setup(#[from] rustls::Error),
}

/// A client configuration with the system's roots and the `ring` provider, built explicitly
/// so that no process-wide default provider has to be chosen.
pub fn client_config() -> Result<Arc<rustls::ClientConfig>, TlsError> {
    let mut roots = rustls::RootCertStore::empty();
    // Unreadable or odd certificates in the system store are skipped, as browsers do; the
    // connection then fails with a clear certificate error if the site needed one of them.
    let found = rustls_native_certs::load_native_certs();
    for cert in found.certs {
        let _ = roots.add(cert);
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}
