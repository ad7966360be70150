//! Between the session's log and the screen capture (docs/customer_client.md, "Screen view"):
//! capture starts only when the log shows the customer's `capability_allowed` that this
//! process sent, and stops at once on revocation or `screen_ended`, before the server hears.
//!
//! Rate: one frame in flight. The next frame is captured only after a console acknowledged
//! the previous one (`screen_ack`) and not sooner than `MIN_INTERVAL`, so a slow console or
//! link lowers the frame rate instead of filling queues. The frame's messages wait here, not
//! in the socket: the connection task sends them one at a time, so chat goes between them.

use crate::messages::Update;
use crate::screen::{self, Frame, ScreenError, ScreenSource};
use crate::shell_link::Step;
use beckon_protocol::chat::{Capability, ClientMsg};
use serde_json::Value;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::Instant;

/// At most 10 frames a second.
const MIN_INTERVAL: Duration = Duration::from_millis(100);
/// Bytes of `screen_tiles` the server has not yet said it took (`screen_received`). A frame
/// can be megabytes; put on the socket at once, it would sit in the network's buffers and
/// every chat message after it would wait its turn. Four messages' worth keeps a fast link
/// busy and a slow one's queue short.
pub const WINDOW_BYTES: usize = 96 * 1024;
/// A frame not acknowledged this long was lost (a console left, parts dropped): a keyframe
/// goes out so that whoever watches sees the whole screen again.
const STALL: Duration = Duration::from_secs(3);

type Opener = fn() -> Result<Box<dyn ScreenSource>, ScreenError>;

enum Captured {
    Frame(u64, Vec<ClientMsg>),
    Failed(String),
}

struct Running {
    /// Credit for the next frame; capacity 1, so credits never pile up.
    credits: mpsc::Sender<()>,
    keyframe: Arc<AtomicBool>,
    frames: mpsc::Receiver<Captured>,
    pending: VecDeque<ClientMsg>,
    in_flight: Option<(u64, Instant)>,
    /// Sizes of the `screen_tiles` sent and not yet received by the server, oldest first.
    unreceived: VecDeque<usize>,
    sent: u64,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    fn credit(&mut self, keyframe: bool) {
        if keyframe {
            self.keyframe.store(true, Ordering::SeqCst);
        }
        self.in_flight = None;
        let _ = self.credits.try_send(());
    }
}

pub struct ScreenLink {
    open: Opener,
    /// The customer allowed in this process; capture starts once the log records it.
    wanted: bool,
    /// Who asked last, for "shared with".
    asked_by: String,
    running: Option<Running>,
}

impl Default for ScreenLink {
    fn default() -> Self {
        ScreenLink::with_source(screen::open)
    }
}

fn is_screen(body: &Value) -> bool {
    body.get("capability").and_then(Value::as_str) == Some(Capability::ScreenView.as_str())
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

impl ScreenLink {
    pub fn with_source(open: Opener) -> ScreenLink {
        ScreenLink {
            open,
            wanted: false,
            asked_by: String::new(),
            running: None,
        }
    }

    pub fn allowed(&mut self) {
        self.wanted = true;
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Stops capturing now: nothing captured or queued goes out any more.
    pub fn stop(&mut self) {
        self.wanted = false;
        if let Some(r) = self.running.take() {
            r.task.abort();
        }
    }

    /// A new connection: what was queued for the old one is gone; start over with a keyframe.
    pub fn reconnected(&mut self) {
        if let Some(r) = self.running.as_mut() {
            r.pending.clear();
            r.unreceived.clear();
            r.credit(true);
        }
    }

    /// The server took the oldest `screen_tiles` still unanswered off the socket.
    pub fn on_received(&mut self) {
        if let Some(r) = self.running.as_mut() {
            r.unreceived.pop_front();
        }
    }

    /// A console acknowledged frame `frame`, or asks for a keyframe.
    pub fn on_ack(&mut self, frame: u64, keyframe: bool) {
        if let Some(r) = self.running.as_mut() {
            if keyframe || r.in_flight.is_some_and(|(n, _)| n == frame) {
                r.credit(keyframe);
            }
        }
    }

    /// Acts on one new event of the session's log.
    pub fn on_event(&mut self, kind: &str, from: &str, body: &Value) -> Step {
        match (kind, from) {
            ("capability_requested", _) if is_screen(body) => {
                let name = body.get("name").and_then(Value::as_str).unwrap_or_default();
                self.asked_by = name.chars().take(200).collect();
                Step::default()
            }
            ("capability_allowed", "customer") if self.wanted && is_screen(body) => {
                self.wanted = false;
                self.start()
            }
            ("capability_revoked", "customer") if is_screen(body) => self.stopped(),
            ("screen_ended", _) => self.stopped(),
            _ => Step::default(),
        }
    }

    fn stopped(&mut self) -> Step {
        let was = self.is_running();
        self.stop();
        Step {
            show: was.then_some(Update::ScreenStopped),
            send: None,
        }
    }

    fn start(&mut self) -> Step {
        self.stop();
        let (credits, credit_rx) = mpsc::channel(1);
        let (frames_tx, frames) = mpsc::channel(1);
        let keyframe = Arc::new(AtomicBool::new(true));
        let task = tokio::spawn(capture_loop(
            self.open,
            credit_rx,
            keyframe.clone(),
            frames_tx,
        ));
        let _ = credits.try_send(());
        self.running = Some(Running {
            credits,
            keyframe,
            frames,
            pending: VecDeque::new(),
            in_flight: None,
            unreceived: VecDeque::new(),
            sent: 0,
            task,
        });
        Step {
            show: Some(Update::ScreenStarted {
                name: self.asked_by.clone(),
            }),
            send: None,
        }
    }

    /// The next message to send (or the end of a capture that failed); never, while nothing
    /// is shared. Cancel-safe: a message leaves the queue only when it is returned.
    pub async fn next(&mut self) -> Step {
        loop {
            let Some(r) = self.running.as_mut() else {
                return std::future::pending().await;
            };
            if r.unreceived.iter().sum::<usize>() >= WINDOW_BYTES {
                // Woken by `on_received` (the select in the connection loop polls anew).
                return std::future::pending().await;
            }
            if let Some(msg) = r.pending.pop_front() {
                if let ClientMsg::ScreenTiles { tiles, .. } = &msg {
                    r.unreceived
                        .push_back(tiles.iter().map(|t| t.data.len()).sum::<usize>() + 200);
                }
                return Step {
                    show: None,
                    send: Some(msg),
                };
            }
            let stall = r.in_flight.map(|(_, at)| at + STALL);
            let captured = tokio::select! {
                c = r.frames.recv() => c,
                _ = tokio::time::sleep_until(stall.unwrap_or_else(Instant::now)), if stall.is_some() => {
                    r.credit(true);
                    continue;
                }
            };
            match captured {
                Some(Captured::Frame(n, msgs)) => {
                    r.sent += 1;
                    r.in_flight = Some((n, Instant::now()));
                    r.pending.extend(msgs);
                }
                failed => {
                    let reason = match failed {
                        Some(Captured::Failed(reason)) => reason,
                        _ => "the capture stopped".to_string(),
                    };
                    let frames = r.sent;
                    self.stop();
                    return Step {
                        show: Some(Update::ScreenFailed(reason.clone())),
                        send: Some(ClientMsg::ScreenEnded {
                            frames,
                            reason: Some(reason),
                        }),
                    };
                }
            }
        }
    }
}

impl Drop for ScreenLink {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Captures one frame per credit, at most every `MIN_INTERVAL`, off the async threads.
async fn capture_loop(
    open: Opener,
    mut credits: mpsc::Receiver<()>,
    keyframe: Arc<AtomicBool>,
    out: mpsc::Sender<Captured>,
) {
    let mut source = match tokio::task::spawn_blocking(open).await {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => {
            let _ = out.send(Captured::Failed(e.to_string())).await;
            return;
        }
        Err(_) => return,
    };
    let mut prev: Option<Frame> = None;
    let mut n = 0u64;
    let mut last: Option<Instant> = None;
    while credits.recv().await.is_some() {
        if let Some(t) = last {
            tokio::time::sleep_until(t + MIN_INTERVAL).await;
        }
        last = Some(Instant::now());
        if keyframe.swap(false, Ordering::SeqCst) {
            prev = None;
        }
        n += 1;
        let before = prev.take();
        let job = tokio::task::spawn_blocking(move || {
            let started = std::time::Instant::now();
            let captured_at = now_ms();
            let result = source.capture().and_then(|f| {
                let rects = screen::changes(before.as_ref(), &f);
                let mut msgs = screen::pack(&f, &rects, n, captured_at, 0)?;
                let ms = u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX);
                for m in &mut msgs {
                    if let ClientMsg::ScreenTiles { encode_ms, .. } = m {
                        *encode_ms = ms;
                    }
                }
                Ok((f, msgs))
            });
            (source, result)
        })
        .await;
        let Ok((s, result)) = job else { return };
        source = s;
        let captured = match result {
            Ok((f, msgs)) => {
                prev = Some(f);
                Captured::Frame(n, msgs)
            }
            Err(e) => Captured::Failed(e.to_string()),
        };
        let failed = matches!(captured, Captured::Failed(_));
        if out.send(captured).await.is_err() || failed {
            return;
        }
    }
}

#[cfg(test)]
mod tests;
