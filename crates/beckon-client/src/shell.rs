//! The command shell the customer allowed (docs/customer_client.md, "Command shell"): the
//! customer's own shell (`$SHELL`, else the account's login shell; `cmd.exe`/ConPTY on
//! Windows) in a pseudo-terminal, as the customer's own user, never more.
//!
//! Three threads per shell, because the pseudo-terminal's reads and writes and the child's
//! wait block:
//! * the reader forwards output in chunks of at most `shell::MAX_CHUNK_BYTES` into a bounded
//!   channel; when the network is slow the channel fills, the reader waits, and the shell
//!   itself blocks on its next write, so nothing is lost and memory stays bounded;
//! * the writer types what the representative sent; on a thread of its own so that the
//!   session's task never blocks on a shell that does not read (a shell blocked on its output
//!   while the task waits to type would deadlock both). Its queue is bounded by what the
//!   representative sent, which the server has stored anyway;
//! * the waiter reaps the shell and then ends its whole process group, so no job the shell
//!   started outlives it; the master side closing hangs up anything still attached.
//!
//! The reader reports `Exited` only after the last output, so the end follows the output in
//! the session's log.

use beckon_protocol::shell::MAX_CHUNK_BYTES;
use portable_pty::{native_pty_system, ChildKiller, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use tokio::sync::mpsc;

/// Output chunks waiting for the socket, at most: 32 × 8 KB.
const BACKLOG: usize = 32;

#[derive(Debug, thiserror::Error)]
pub enum ShellError {
    #[error("no pseudo-terminal: {0}")]
    Pty(String),
    #[error("the shell could not be started: {0}")]
    Spawn(String),
    #[error("the shell no longer takes input")]
    Gone,
}

/// What the shell did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShellEvent {
    Output(Vec<u8>),
    /// The shell ended; its exit code when it exited by itself.
    Exited(Option<i32>),
}

/// A running shell. Dropping it stops the shell.
pub struct Shell {
    master: Box<dyn MasterPty + Send>,
    input: std::sync::mpsc::Sender<Vec<u8>>,
    killer: Box<dyn ChildKiller + Send + Sync>,
    pid: Option<u32>,
    stopped: bool,
}

impl std::fmt::Debug for Shell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shell").field("pid", &self.pid).finish()
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Shell {
    /// Starts the customer's shell in a `cols` × `rows` terminal; its output and end arrive on
    /// the returned channel.
    pub fn start(cols: u16, rows: u16) -> Result<(Shell, mpsc::Receiver<ShellEvent>), ShellError> {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .map_err(|e| ShellError::Pty(e.to_string()))?;
        let mut cmd = CommandBuilder::new_default_prog();
        // The representative's console is an xterm-compatible terminal (xterm.js).
        cmd.env("TERM", "xterm-256color");
        if let Some(home) = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")) {
            cmd.cwd(home);
        }
        let mut child = pair
            .slave
            .spawn_command(cmd)
            .map_err(|e| ShellError::Spawn(e.to_string()))?;
        // Only the child may hold the terminal's slave side: with ours closed, the reader
        // sees the end once the shell and everything it started are gone.
        drop(pair.slave);
        let pid = child.process_id();
        let killer = child.clone_killer();
        let reader = pair
            .master
            .try_clone_reader()
            .map_err(|e| ShellError::Pty(e.to_string()))?;
        let writer = pair
            .master
            .take_writer()
            .map_err(|e| ShellError::Pty(e.to_string()))?;
        let (tx, rx) = mpsc::channel(BACKLOG);
        let (code_tx, code_rx) = std::sync::mpsc::channel::<Option<i32>>();
        std::thread::spawn(move || {
            let code = child
                .wait()
                .ok()
                .map(|s| i32::try_from(s.exit_code()).unwrap_or(i32::MAX));
            end_group(pid);
            let _ = code_tx.send(code);
        });
        std::thread::spawn(move || read_loop(reader, tx, code_rx));
        let (input, typed) = std::sync::mpsc::channel::<Vec<u8>>();
        std::thread::spawn(move || write_loop(writer, typed));
        Ok((
            Shell {
                master: pair.master,
                input,
                killer,
                pid,
                stopped: false,
            },
            rx,
        ))
    }

    pub fn pid(&self) -> Option<u32> {
        self.pid
    }

    /// Types `bytes` into the shell (in order, without waiting for the shell to read them).
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), ShellError> {
        self.input
            .send(bytes.to_vec())
            .map_err(|_| ShellError::Gone)
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        // A failed resize leaves the old size: the shell keeps working.
        let _ = self.master.resize(size(cols, rows));
    }

    /// Stops the shell and everything it started, at once (revocation, end of session).
    pub fn stop(&mut self) {
        if self.stopped {
            return;
        }
        self.stopped = true;
        // SIGHUP first (what a closed terminal sends: shells pass it on to their jobs), then
        // the whole process group is killed; the waiter thread reaps the shell.
        let _ = self.killer.kill();
        end_group(self.pid);
    }
}

impl Drop for Shell {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Kills everything the shell started. The shell leads a session of its own (its id is the
/// session's and its first group's); an interactive shell puts each job in a group of its
/// own, and a background job outlives its shell and the terminal's hang-up, so every process
/// still in the session is killed, found by its session id. Only a program that deliberately
/// leaves the session (a daemon) escapes. Nothing to do on Windows: ConPTY ends its
/// processes with the console.
fn end_group(pid: Option<u32>) {
    #[cfg(unix)]
    if let Some(leader) = pid.and_then(|p| i32::try_from(p).ok()) {
        use nix::sys::signal::{kill, killpg, Signal};
        use nix::unistd::Pid;
        let _ = killpg(Pid::from_raw(leader), Signal::SIGKILL);
        let mut sys = sysinfo::System::new();
        sys.refresh_processes(sysinfo::ProcessesToUpdate::All, true);
        for (p, process) in sys.processes() {
            if process.session_id().map(|s| s.as_u32()) == pid {
                if let Ok(raw) = i32::try_from(p.as_u32()) {
                    let _ = kill(Pid::from_raw(raw), Signal::SIGKILL);
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = pid;
}

fn write_loop(mut writer: Box<dyn Write + Send>, typed: std::sync::mpsc::Receiver<Vec<u8>>) {
    // Ends when the shell is dropped (the sender goes) or the terminal is gone.
    for bytes in typed {
        if writer
            .write_all(&bytes)
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

fn read_loop(
    mut reader: Box<dyn Read + Send>,
    tx: mpsc::Sender<ShellEvent>,
    code: std::sync::mpsc::Receiver<Option<i32>>,
) {
    let mut buf = vec![0u8; MAX_CHUNK_BYTES];
    loop {
        match reader.read(&mut buf) {
            // End of file, or EIO once the terminal's last user is gone (Linux).
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if tx
                    .blocking_send(ShellEvent::Output(buf[..n].to_vec()))
                    .is_err()
                {
                    // Nobody listens any more: the session dropped the shell.
                    return;
                }
            }
        }
    }
    let code = code.recv().unwrap_or(None);
    let _ = tx.blocking_send(ShellEvent::Exited(code));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A real shell in a real pseudo-terminal: what is typed runs, and stop ends it.
    #[test]
    fn runs_what_is_typed_and_stops() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let (mut shell, mut rx) = Shell::start(80, 24).expect("a shell starts");
        shell.write(b"echo beckon-$((6*7))\n").unwrap();
        let mut seen = Vec::new();
        rt.block_on(async {
            while let Some(ev) = rx.recv().await {
                match ev {
                    ShellEvent::Output(b) => seen.extend(b),
                    ShellEvent::Exited(_) => break,
                }
                if String::from_utf8_lossy(&seen).contains("beckon-42") {
                    break;
                }
            }
        });
        assert!(
            String::from_utf8_lossy(&seen).contains("beckon-42"),
            "{}",
            String::from_utf8_lossy(&seen)
        );
        shell.stop();
        let ended = rt.block_on(async {
            while let Some(ev) = rx.recv().await {
                if let ShellEvent::Exited(_) = ev {
                    return true;
                }
            }
            false
        });
        assert!(ended, "the shell reports its end after stop");
    }

    /// Reads the shell's output into `seen` until `text` has appeared `times` times; false
    /// when the shell ended or went quiet for 30 s first.
    async fn read_until(
        rx: &mut mpsc::Receiver<ShellEvent>,
        seen: &mut Vec<u8>,
        text: &str,
        times: usize,
    ) -> bool {
        let quiet = std::time::Duration::from_secs(30);
        while let Ok(Some(ShellEvent::Output(b))) = tokio::time::timeout(quiet, rx.recv()).await {
            seen.extend(b);
            if String::from_utf8_lossy(seen).matches(text).count() >= times {
                return true;
            }
        }
        false
    }

    /// A paste far larger than the terminal's buffers, into a program that echoes it while
    /// nobody reads the output yet: typing must not wait for the shell (the session's task
    /// would then never drain the output the shell waits on).
    #[test]
    fn typing_never_waits_for_the_shell() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let (mut shell, mut rx) = Shell::start(80, 24).expect("a shell starts");
        // The paste starts once `cat` reads: typed ahead while the shell still edits its
        // command line (no echo, raw mode), part of it would never be echoed, as in any
        // terminal. The quotes keep the echoed command line from reading as the marker.
        shell.write(b"printf 'READ''Y\\n'; cat\n").unwrap();
        let mut seen = Vec::new();
        assert!(rt.block_on(read_until(&mut rx, &mut seen, "READY", 1)));
        let line = format!("{}\n", "x".repeat(400));
        // 400 KB in, twice that out (echo and cat): far beyond the channel and the terminal.
        for _ in 0..1000 {
            shell.write(line.as_bytes()).unwrap();
        }
        shell.write(b"END-OF-PASTE\n").unwrap();
        seen.clear();
        let whole = rt.block_on(read_until(&mut rx, &mut seen, "END-OF-PASTE", 2));
        let text = String::from_utf8_lossy(&seen);
        assert!(
            whole,
            "echo and cat both print the paste's end: {} bytes, {} times x, ending {:?}",
            seen.len(),
            text.matches('x').count(),
            &text[text.len().saturating_sub(40)..]
        );
    }
}
