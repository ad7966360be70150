//! Accepting connections: the limits that apply before a request is even read.
//!
//! Beckon runs its own accept loop rather than `axum::serve` for three things that loop does
//! not offer: a header read timeout (a client that sends its headers byte by byte would
//! otherwise hold a connection for ever), a cap on connections per client address and in all,
//! and a connection count that lives as long as the socket does, also after an upgrade to a
//! WebSocket. A refused connection gets a complete HTTP answer (`429` or `503` with
//! `Retry-After`), so that a browser or a script sees why, and the log a line (at most one per
//! ten seconds, counting the others: `refusal_log`).
//!
//! With TLS the same loop runs the handshake in the connection's task, after the connection
//! took its place under the caps and bounded by the header read timeout: a client that opens
//! many handshakes and never finishes them is held to the same limits as one that never sends
//! its headers. The caps count TCP peers, necessarily: behind a proxy that is the proxy.

use super::forwarded::{effective_client, Scheme};
use super::refusal_log::RefusalLog;
use crate::config::TrustedProxies;
use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower::ServiceExt;

/// Limits on connections; `0` means no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    pub max_connections: usize,
    pub max_connections_per_address: usize,
    pub header_read_timeout: Duration,
}

/// What sits between the socket and the router: TLS, when on, and the proxies whose
/// forwarding headers name the client.
#[derive(Clone, Default)]
pub struct Front {
    pub tls: Option<TlsAcceptor>,
    pub trusted_proxies: Arc<TrustedProxies>,
}

/// Counts open connections, in all and per address; a `Slot` gives its place back on drop.
#[derive(Default)]
struct Counts {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

#[derive(Clone)]
struct Counter {
    counts: Arc<Mutex<Counts>>,
    limits: ConnectionLimits,
}

enum Refusal {
    Total,
    Address,
}

impl Refusal {
    /// The status line, the body and the limit that was reached.
    fn answer(&self, limits: ConnectionLimits) -> (&'static str, &'static str, usize) {
        match self {
            Refusal::Total => (
                "503 Service Unavailable",
                "The server is at its connection limit; try again in a moment.\n",
                limits.max_connections,
            ),
            Refusal::Address => (
                "429 Too Many Requests",
                "Too many connections from your address; close some and try again.\n",
                limits.max_connections_per_address,
            ),
        }
    }
}

impl Counter {
    fn take(&self, ip: IpAddr) -> Result<Slot, Refusal> {
        let mut c = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        if self.limits.max_connections > 0 && c.total >= self.limits.max_connections {
            return Err(Refusal::Total);
        }
        let here = c.by_address.entry(ip).or_insert(0);
        if self.limits.max_connections_per_address > 0
            && *here >= self.limits.max_connections_per_address
        {
            return Err(Refusal::Address);
        }
        *here += 1;
        c.total += 1;
        Ok(Slot {
            counts: self.counts.clone(),
            ip,
        })
    }
}

struct Slot {
    counts: Arc<Mutex<Counts>>,
    ip: IpAddr,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut c = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        c.total = c.total.saturating_sub(1);
        if let Some(n) = c.by_address.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                c.by_address.remove(&self.ip);
            }
        }
    }
}

/// A TCP stream that holds its `Slot`: hyper hands the stream to the WebSocket on upgrade, so
/// the count follows the socket to its very end.
struct Counted {
    stream: TcpStream,
    _slot: Slot,
}

impl AsyncRead for Counted {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Counted {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write(cx, buf)
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write_vectored(cx, bufs)
    }
    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}

/// Serves `app` on `listener` until `shutdown`; then stops accepting, asks every connection to
/// finish its request in progress, and returns once they have. Upgraded WebSockets run in
/// their own tasks and close themselves on the same token.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    front: Front,
    shutdown: CancellationToken,
) {
    let counter = Counter {
        counts: Arc::default(),
        limits,
    };
    let tracker = TaskTracker::new();
    let mut refusals = RefusalLog::default();
    loop {
        let (stream, peer) = tokio::select! {
            _ = shutdown.cancelled() => break,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors, mostly: back off rather than spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        // Chat frames are small and latency-bound: Nagle's algorithm would hold each one back
        // waiting for the peer's ACK (delayed ACK makes that up to 40 ms).
        let _ = stream.set_nodelay(true);
        let slot = match counter.take(peer.ip()) {
            Ok(slot) => slot,
            Err(refusal) => {
                let (status, body, limit) = refusal.answer(limits);
                refusals.note(std::time::Instant::now(), peer.ip(), status, limit);
                tracker.spawn(refuse(stream, status, body, front.tls.clone()));
                continue;
            }
        };
        let counted = Counted {
            stream,
            _slot: slot,
        };
        let conn = Conn {
            app: app.clone(),
            peer,
            limits,
            trusted: front.trusted_proxies.clone(),
            shutdown: shutdown.clone(),
        };
        match front.tls.clone() {
            None => tracker.spawn(conn.serve(counted, Scheme::Http)),
            Some(acceptor) => tracker.spawn(async move {
                let handshake =
                    tokio::time::timeout(limits.header_read_timeout, acceptor.accept(counted));
                let tls = tokio::select! {
                    done = handshake => done,
                    _ = conn.shutdown.cancelled() => return,
                };
                match tls {
                    Ok(Ok(tls)) => conn.serve(tls, Scheme::Https).await,
                    // Scanners and plain-HTTP clients fail here all day: not worth a warning.
                    Ok(Err(e)) => tracing::debug!(peer = %peer, error = %e, "TLS handshake failed"),
                    Err(_) => tracing::debug!(peer = %peer, "TLS handshake timed out"),
                }
            }),
        };
    }
    // Closed now, not when in-flight requests are done: new clients must be refused at once.
    drop(listener);
    tracker.close();
    tracker.wait().await;
}

/// One accepted connection, ready to be served over plain TCP or TLS.
struct Conn {
    app: Router,
    peer: SocketAddr,
    limits: ConnectionLimits,
    trusted: Arc<TrustedProxies>,
    shutdown: CancellationToken,
}

impl Conn {
    async fn serve<S>(self, stream: S, scheme: Scheme)
    where
        S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    {
        let Conn {
            app,
            peer,
            limits,
            trusted,
            shutdown,
        } = self;
        let service = hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            // Handlers, limits and logs read the client from ConnectInfo: here it is decided.
            let (client, scheme) = effective_client(peer, scheme, req.headers(), &trusted);
            req.extensions_mut().insert(ConnectInfo(client));
            req.extensions_mut().insert(scheme);
            app.clone().oneshot(req.map(axum::body::Body::new))
        });
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_read_timeout);
        let conn = builder
            .serve_connection(TokioIo::new(stream), service)
            .with_upgrades();
        tokio::pin!(conn);
        tokio::select! {
            _ = conn.as_mut() => {}
            _ = shutdown.cancelled() => {
                conn.as_mut().graceful_shutdown();
                let _ = conn.await;
            }
        }
    }
}

/// Answers a connection over a limit with a complete response, then closes it. Over TLS the
/// handshake comes first (within the same two seconds), or the answer would be noise.
async fn refuse(stream: TcpStream, status: &str, body: &str, tls: Option<TlsAcceptor>) {
    let answer = format!(
        "HTTP/1.1 {status}\r\nRetry-After: 5\r\nContent-Type: text/plain; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        match tls {
            None => answer_and_close(stream, &answer).await,
            Some(acceptor) => {
                if let Ok(tls) = acceptor.accept(stream).await {
                    answer_and_close(tls, &answer).await;
                }
            }
        }
    })
    .await;
}

async fn answer_and_close<S: AsyncRead + AsyncWrite + Unpin>(mut stream: S, answer: &str) {
    let _ = stream.write_all(answer.as_bytes()).await;
    let _ = stream.shutdown().await;
    // Closing with the client's request unread would send a reset, and the client's
    // kernel may then discard our answer before the client reads it: drain a little first.
    let mut sink = [0u8; 4096];
    let mut left: usize = 64 * 1024;
    while left > 0 {
        match tokio::io::AsyncReadExt::read(&mut stream, &mut sink).await {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_address_and_in_all_and_gives_back_on_drop() {
        let counter = Counter {
            counts: Arc::default(),
            limits: ConnectionLimits {
                max_connections: 3,
                max_connections_per_address: 2,
                header_read_timeout: Duration::from_secs(1),
            },
        };
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        let a1 = counter.take(a).ok().unwrap();
        let _a2 = counter.take(a).ok().unwrap();
        assert!(matches!(counter.take(a), Err(Refusal::Address)));
        let _b1 = counter.take(b).ok().unwrap();
        assert!(matches!(counter.take(b), Err(Refusal::Total)));
        drop(a1);
        assert!(counter.take(b).is_ok());
        let unlimited = Counter {
            counts: Arc::default(),
            limits: ConnectionLimits {
                max_connections: 0,
                max_connections_per_address: 0,
                header_read_timeout: Duration::from_secs(1),
            },
        };
        let many: Vec<_> = (0..1000).map(|_| unlimited.take(a).ok().unwrap()).collect();
        assert_eq!(many.len(), 1000);
    }
}
