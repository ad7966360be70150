//! Running the server: bind, serve, and shut down gracefully.
//!
//! `serve` takes already-bound listeners and a cancellation token, so that tests start the real
//! server on port 0 and stop it without signals or sleeps.

mod connections;
mod file_limit;
pub mod forwarded;
mod refusal_log;
pub mod tls;

use crate::app::AppState;
use crate::http;
pub use connections::ConnectionLimits;
pub use forwarded::Scheme;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("server I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("in-flight requests did not finish within {0} seconds of shutdown")]
    GraceExceeded(u64),
    #[error(transparent)]
    Tls(#[from] tls::TlsError),
}

/// Serves the site (and the demo site, when given a listener) until `state.shutdown` is
/// cancelled, then stops accepting and waits up to the grace period for in-flight requests.
/// With TLS settings the site speaks HTTPS (the demo site stays plain: it stands for a
/// customer's website, not for Beckon); a certificate that does not load is an error here,
/// before anything is served.
pub async fn serve(
    state: AppState,
    listener: TcpListener,
    demo_listener: Option<TcpListener>,
) -> Result<(), ServeError> {
    let shutdown = state.shutdown.clone();
    let grace = state.settings.shutdown_grace;
    let limits = connections::ConnectionLimits {
        max_connections: file_limit::connection_cap(state.settings.max_connections),
        max_connections_per_address: state.settings.max_connections_per_address,
        header_read_timeout: Duration::from_secs(state.settings.header_read_timeout),
    };
    let tls = state
        .settings
        .tls
        .as_ref()
        .map(tls::Tls::load)
        .transpose()?;
    let trusted_proxies = Arc::new(state.settings.trusted_proxies.clone());
    let site_front = connections::Front {
        tls: tls.as_ref().map(tls::Tls::acceptor),
        trusted_proxies: trusted_proxies.clone(),
    };
    let watcher = tls.map(|t| t.watch(tls::RELOAD_POLL, shutdown.clone()));
    let site = tokio::spawn(connections::serve(
        listener,
        http::router(state.clone()),
        limits,
        site_front,
        shutdown.clone(),
    ));
    let demo = demo_listener.map(|l| {
        let front = connections::Front {
            tls: None,
            trusted_proxies,
        };
        tokio::spawn(connections::serve(
            l,
            http::demo_site_router(state.clone()),
            limits,
            front,
            shutdown.clone(),
        ))
    });
    let background = crate::background::spawn(state.clone());
    let delivery = crate::delivery::spawn(state.clone());

    shutdown.cancelled().await;
    tracing::info!("shutting down: no new connections; waiting for in-flight requests");
    let wait_all = async {
        let site_result = site.await;
        if let Some(d) = demo {
            let _ = d.await;
        }
        let _ = background.await;
        let _ = delivery.await;
        if let Some(w) = watcher {
            let _ = w.await;
        }
        // WebSockets close themselves on the shutdown token; wait for their close frames.
        state.sockets.close();
        state.sockets.wait().await;
        site_result
    };
    let result = match tokio::time::timeout(Duration::from_secs(grace), wait_all).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(join)) => Err(ServeError::Io(std::io::Error::other(join))),
        Err(_) => Err(ServeError::GraceExceeded(grace)),
    };
    state.store.close().await;
    tracing::info!("stopped");
    result
}

/// Cancels `token` on SIGINT or SIGTERM. The handlers are installed before this returns, so
/// a signal that arrives right after the server announced itself is never missed.
pub fn cancel_on_signals(token: CancellationToken) -> std::io::Result<()> {
    #[cfg(unix)]
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    #[cfg(unix)]
    let mut int = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())?;
    tokio::spawn(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = int.recv() => {}
            _ = term.recv() => {}
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("signal received");
        token.cancel();
    });
    Ok(())
}
