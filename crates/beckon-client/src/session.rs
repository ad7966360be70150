//! The connection task: one tokio task that owns the chat WebSocket, reconnects after a network
//! loss and talks to the UI (terminal or window) only through two channels, so both UIs share
//! every rule about delivery.
//!
//! Delivery (docs/customer_client.md): `hello` carries `after` = the last event shown, so the
//! server replays only what the customer has not seen; unacked messages go out again with
//! their ids (the server stores an id once); events are shown once each by sequence number.

use crate::file_link::{FileLink, FileStep};
pub use crate::messages::{Command, Update};
use crate::outbox::{Outbox, MAX_SHELL_IN_FLIGHT};
use crate::screen_link::ScreenLink;
use crate::shell::ShellEvent;
use crate::shell_link::{ShellLink, Step};
pub use crate::socket::{backoff, socket_url};

mod commands;
mod server_messages;
use beckon_protocol::chat::{ClientInfo, ClientMsg, ServerMsg};
use futures_util::{SinkExt, StreamExt};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tokio::time::{sleep, Instant};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

pub struct Config {
    /// `http(s)://host[:port]`; the socket uses `ws(s)://` on the same origin.
    pub site: String,
    pub token: String,
    pub tls: Arc<rustls::ClientConfig>,
    pub heartbeat: Duration,
    /// Where files the customer accepts are written.
    pub downloads: std::path::PathBuf,
}

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

enum Outcome {
    Ended,
    Lost,
    Quit,
}

/// How long an unacked chat message waits before it is sent again on the same connection
/// (after a `rate_limited` refusal, say).
const RESEND_AFTER: Duration = Duration::from_secs(3);
/// After `welcome`, how long the replay may take before pending answers go out again (the
/// replay may already confirm them).
const SETTLE: Duration = Duration::from_millis(400);

pub struct Session {
    cfg: Config,
    out: Box<dyn Fn(Update) + Send>,
    commands: UnboundedReceiver<Command>,
    outbox: Outbox,
    commands_closed: bool,
    shell: ShellLink,
    screen: ScreenLink,
    files: FileLink,
    /// What the file link asked for while a server message was handled.
    file_step: FileStep,
    hashed_tx: UnboundedSender<Hashed>,
    hashed_rx: UnboundedReceiver<Hashed>,
}

/// A file the customer chose, with its size and SHA-256 or why it cannot be read.
type Hashed = (std::path::PathBuf, Result<(u64, String), String>);

impl Session {
    pub fn new(
        cfg: Config,
        commands: UnboundedReceiver<Command>,
        out: Box<dyn Fn(Update) + Send>,
    ) -> Session {
        let (hashed_tx, hashed_rx) = tokio::sync::mpsc::unbounded_channel();
        Session {
            out,
            commands,
            outbox: Outbox::new(),
            commands_closed: false,
            shell: ShellLink::default(),
            screen: ScreenLink::default(),
            files: FileLink::new(cfg.downloads.clone()),
            file_step: FileStep::default(),
            hashed_tx,
            hashed_rx,
            cfg,
        }
    }

    /// Runs until the session ends, the token is refused, or the UI is gone.
    pub async fn run(mut self) {
        let Some(url) = socket_url(&self.cfg.site, &self.cfg.token) else {
            (self.out)(Update::Gone(self.cfg.site.clone()));
            return;
        };
        let mut attempt = 0u32;
        loop {
            (self.out)(Update::Connecting);
            let mut ws_config = WebSocketConfig::default();
            ws_config.max_message_size = Some(1 << 20);
            let connector = tokio_tungstenite::Connector::Rustls(self.cfg.tls.clone());
            let connected = tokio::time::timeout(
                Duration::from_secs(15),
                tokio_tungstenite::connect_async_tls_with_config(
                    url.as_str(),
                    Some(ws_config),
                    true,
                    Some(connector),
                ),
            )
            .await;
            match connected {
                Ok(Ok((ws, _))) => {
                    let started = Instant::now();
                    match self.connection(ws).await {
                        Outcome::Ended => {
                            // The shell ends with the session, before the customer is told.
                            self.stop_all();
                            (self.out)(Update::Ended);
                            return;
                        }
                        Outcome::Quit => {
                            self.stop_all();
                            return;
                        }
                        Outcome::Lost => {}
                    }
                    if started.elapsed() > Duration::from_secs(10) {
                        attempt = 0;
                    }
                }
                // The server refused the token itself (the session is gone): no retry helps.
                Ok(Err(WsError::Http(resp))) if resp.status().is_client_error() => {
                    self.stop_all();
                    (self.out)(Update::Gone(resp.status().to_string()));
                    return;
                }
                Ok(Err(_)) | Err(_) => {}
            }
            let delay = backoff(attempt);
            attempt = attempt.saturating_add(1);
            (self.out)(Update::Lost { retry_in: delay });
            if self.wait_offline(delay).await {
                return;
            }
        }
    }

    /// Waits before the next attempt while still taking the customer's messages (they are
    /// queued and go out on the next connection). `true` when the UI is gone.
    async fn wait_offline(&mut self, delay: Duration) -> bool {
        let until = sleep(delay);
        tokio::pin!(until);
        loop {
            tokio::select! {
                _ = &mut until => return false,
                cmd = self.commands.recv(), if !self.commands_closed => match cmd {
                    // Typing while offline is stale by the time we are back: dropped.
                    Some(c) => { let _ = self.take(c).await; }
                    None => { self.stop_all(); return true; }
                },
            }
        }
    }

    async fn send(ws: &mut Ws, msg: &ClientMsg) -> bool {
        match serde_json::to_string(msg) {
            Ok(text) => ws.send(Message::Text(text.into())).await.is_ok(),
            Err(_) => true,
        }
    }

    async fn flush_outbox(&mut self, ws: &mut Ws) -> bool {
        for msg in self.outbox.due(std::time::Instant::now(), RESEND_AFTER) {
            if !Self::send(ws, &msg).await {
                return false;
            }
        }
        true
    }

    async fn connection(&mut self, mut ws: Ws) -> Outcome {
        self.outbox.reconnected();
        self.screen.reconnected();
        let hello = ClientMsg::Hello {
            v: beckon_protocol::chat::VERSION,
            after: self.outbox.last_seq(),
            client: Some(ClientInfo {
                kind: "full".into(),
                version: env!("CARGO_PKG_VERSION").into(),
                os: std::env::consts::OS.into(),
            }),
        };
        if !Self::send(&mut ws, &hello).await {
            return Outcome::Lost;
        }
        // Transfers under way go on from where the bytes stopped.
        self.file_step.send = self.files.connected();
        if !self.flush_files(&mut ws).await {
            return Outcome::Lost;
        }
        let mut heartbeat = tokio::time::interval(self.cfg.heartbeat);
        heartbeat.tick().await;
        let mut resend = tokio::time::interval(Duration::from_secs(1));
        let mut last_heard = Instant::now();
        // Until the replay after `welcome` had time to arrive, the outbox waits.
        let mut settled_at: Option<Instant> = None;
        let mut settled = false;
        loop {
            let settle = async {
                match settled_at {
                    Some(at) if !settled => tokio::time::sleep_until(at).await,
                    _ => std::future::pending().await,
                }
            };
            tokio::select! {
                incoming = ws.next() => {
                    last_heard = Instant::now();
                    match incoming {
                        Some(Ok(Message::Text(t))) => {
                            let Ok(msg) = serde_json::from_str::<ServerMsg>(&t) else { continue };
                            if matches!(msg, ServerMsg::Welcome { .. }) {
                                settled_at = Some(Instant::now() + SETTLE);
                            }
                            let (ended, steps) = self.handle(msg).await;
                            for step in steps {
                                if !self.apply(&mut ws, step).await { return Outcome::Lost; }
                            }
                            if !self.flush_files(&mut ws).await { return Outcome::Lost; }
                            if ended {
                                let _ = ws.close(None).await;
                                return Outcome::Ended;
                            }
                        }
                        Some(Ok(Message::Close(frame))) => {
                            let ended = frame.as_ref().is_some_and(|f| {
                                f.code == CloseCode::Normal && f.reason.as_str() == "session ended"
                            });
                            return if ended { Outcome::Ended } else { Outcome::Lost };
                        }
                        Some(Ok(_)) => {}
                        Some(Err(_)) | None => return Outcome::Lost,
                    }
                }
                _ = settle => {
                    settled = true;
                    if !self.flush_outbox(&mut ws).await { return Outcome::Lost; }
                }
                _ = heartbeat.tick() => {
                    // Silence for two beats (the server pings every few seconds and answers
                    // ours): the network is gone even if TCP has not noticed.
                    if last_heard.elapsed() > self.cfg.heartbeat * 2 + Duration::from_secs(5) {
                        return Outcome::Lost;
                    }
                    if !Self::send(&mut ws, &ClientMsg::Ping).await { return Outcome::Lost; }
                }
                _ = resend.tick(), if settled => {
                    if !self.flush_outbox(&mut ws).await { return Outcome::Lost; }
                }
                h = self.hashed_rx.recv() => {
                    if let Some(h) = h { self.hashed(h); }
                    if !self.flush_files(&mut ws).await { return Outcome::Lost; }
                }
                // Past MAX_SHELL_IN_FLIGHT unconfirmed chunks the shell's output waits in its
                // channel, and then the shell itself: memory stays bounded on a slow link.
                ev = self.shell.next(), if self.outbox.shell_in_flight() < MAX_SHELL_IN_FLIGHT => {
                    let step = match ev {
                        Some(ShellEvent::Output(bytes)) => {
                            self.outbox.queue_shell_output(beckon_protocol::shell::encode(&bytes));
                            Step::default()
                        }
                        Some(ShellEvent::Exited(code)) => self.shell.exited(code),
                        None => self.shell.exited(None),
                    };
                    if !self.apply(&mut ws, step).await { return Outcome::Lost; }
                    if settled && !self.flush_outbox(&mut ws).await { return Outcome::Lost; }
                }
                // One message per turn: chat and answers go between a frame's messages.
                step = self.screen.next() => {
                    if !self.apply(&mut ws, step).await { return Outcome::Lost; }
                }
                cmd = self.commands.recv(), if !self.commands_closed => {
                    let Some(cmd) = cmd else {
                        self.commands_closed = true;
                        let _ = ws.close(None).await;
                        return Outcome::Quit;
                    };
                    if let Some(live) = self.take(cmd).await {
                        if !Self::send(&mut ws, &live).await { return Outcome::Lost; }
                    }
                    if !self.flush_files(&mut ws).await { return Outcome::Lost; }
                    if settled && !self.flush_outbox(&mut ws).await { return Outcome::Lost; }
                }
            }
        }
    }

    /// Shows and sends what the shell link asked for; `false` when the socket failed. The
    /// shell's end waits in the outbox behind the output the shell printed before it.
    async fn apply(&mut self, ws: &mut Ws, step: Step) -> bool {
        if let Some(u) = step.show {
            (self.out)(u);
        }
        match step.send {
            Some(ClientMsg::ShellEnded { code }) => {
                self.outbox.queue_shell_end(code);
                true
            }
            Some(msg) => Self::send(ws, &msg).await,
            None => true,
        }
    }
}
