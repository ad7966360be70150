//! Test harness: the REAL `beckon` server binary (built into the same target dir by
//! `cargo build -p beckon -p beckon-client`), a signed-in representative over HTTP, the client
//! program driven through its text mode, and a TCP proxy that can cut the network.
// Child processes are driven from plain threads here; blocking waits are the point.
#![allow(dead_code)]
#![allow(clippy::disallowed_methods)]

pub mod proxy;
pub mod rep;
#[cfg(all(unix, not(target_os = "macos")))]
pub mod screen;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

pub const DEMO_PASSWORD: &str = "demo-password-123";

/// The client binary under test.
pub fn client_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_beckon-client"))
}

/// The server binary: next to the client, from the same `cargo build`.
pub fn server_bin() -> PathBuf {
    let client = client_bin();
    let dir = client.parent().expect("the client binary has a folder");
    let server = dir.join(format!("beckon{}", std::env::consts::EXE_SUFFIX));
    assert!(
        server.is_file(),
        "the Beckon server binary is missing at {}.\nBuild it into the same target dir first:\n  \
         CARGO_TARGET_DIR={} cargo build -p beckon -p beckon-client",
        server.display(),
        dir.parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    );
    server
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A `beckon serve --demo` child process on a free port with a fresh data dir.
pub struct Server {
    child: Child,
    pub url: String,
    pub dir: tempfile::TempDir,
    log: Receiver<String>,
}

impl Server {
    pub fn start() -> Server {
        Self::start_with_public_url(None)
    }

    /// `public_url` names the site in the tickets (e.g. a proxy in front of the server).
    pub fn start_with_public_url(public_url: Option<&str>) -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        let port = free_port();
        let mut cmd = Command::new(server_bin());
        cmd.args(["serve", "--demo", "--listen", &format!("127.0.0.1:{port}")])
            .arg("--data-dir")
            .arg(dir.path())
            .env("BECKON_DEMO_PASSWORD", DEMO_PASSWORD)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(u) = public_url {
            cmd.args(["--public-url", u]);
        }
        for (k, _) in std::env::vars() {
            if k.starts_with("BECKON_") && k != "BECKON_DEMO_PASSWORD" {
                cmd.env_remove(k);
            }
        }
        let mut child = cmd.spawn().expect("start the beckon server");
        let log = lines_of(child.stderr.take().expect("stderr"));
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            if let Ok(Some(status)) = child.try_wait() {
                let lines: Vec<String> = log.try_iter().collect();
                panic!("the server exited with {status}:\n{}", lines.join("\n"));
            }
            assert!(
                Instant::now() < deadline,
                "the server did not listen in 30 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Server {
            child,
            url,
            dir,
            log,
        }
    }

    /// The server's log so far (for failure messages).
    pub fn log(&self) -> String {
        self.log.try_iter().collect::<Vec<_>>().join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads a pipe line by line on a thread.
pub fn lines_of(pipe: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The client program in text mode, its stdout read line by line.
pub struct Client {
    pub child: Child,
    stdin: Option<ChildStdin>,
    out: Receiver<String>,
    err: Receiver<String>,
    /// Every stdout line seen so far.
    pub seen: Vec<String>,
    /// Stderr lines read by `expect_stderr`.
    seen_err: Vec<String>,
}

impl Client {
    /// Runs `exe` with `args` in text mode with a clean locale environment.
    pub fn spawn(exe: &Path, args: &[&str], envs: &[(&str, &str)]) -> Client {
        let mut cmd = Command::new(exe);
        cmd.args(args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        // A freshly written executable can be "busy" for a moment when another test thread
        // forked while its file was open (ETXTBSY): retry briefly.
        let mut tries = 0;
        let mut child = loop {
            match cmd.spawn() {
                Ok(c) => break c,
                Err(e) if e.raw_os_error() == Some(26) && tries < 50 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => panic!("start the client {}: {e}", exe.display()),
            }
        };
        let out = lines_of(child.stdout.take().expect("stdout"));
        let err = lines_of(child.stderr.take().expect("stderr"));
        Client {
            stdin: child.stdin.take(),
            child,
            out,
            err,
            seen: Vec::new(),
            seen_err: Vec::new(),
        }
    }

    /// Waits (up to `secs`) for a stdout line matching `pred`; returns it.
    pub fn expect(&mut self, what: &str, secs: u64, pred: impl Fn(&str) -> bool) -> String {
        if let Some(l) = self.seen.iter().find(|l| pred(l)) {
            return l.clone();
        }
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.out.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if pred(&line) {
                        return line;
                    }
                }
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    let err: Vec<String> = self.err.try_iter().collect();
                    panic!(
                        "no line for {what} within {secs} s; stdout so far:\n{}\nstderr:\n{}",
                        self.seen.join("\n"),
                        err.join("\n")
                    );
                }
            }
        }
    }

    /// Expects a line equal to `line`.
    pub fn expect_line(&mut self, line: &str, secs: u64) -> String {
        self.expect(line, secs, |l| l == line)
    }

    /// Waits until `line` has been printed `n` times in all.
    pub fn expect_nth(&mut self, line: &str, n: usize, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if self.seen.iter().filter(|l| *l == line).count() >= n {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.out.recv_timeout(left) {
                Ok(l) => self.seen.push(l),
                Err(_) => panic!(
                    "{line:?} not printed {n} times within {secs} s; stdout:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
    }

    /// Waits (up to `secs`) for a stderr line matching `pred`; returns it. Lines read while
    /// waiting are kept for later calls.
    pub fn expect_stderr(&mut self, what: &str, secs: u64, pred: impl Fn(&str) -> bool) -> String {
        self.expect_nth_stderr(what, 1, secs, pred)
    }

    /// Waits until `n` stderr lines in all match `pred`; returns the `n`-th.
    pub fn expect_nth_stderr(
        &mut self,
        what: &str,
        n: usize,
        secs: u64,
        pred: impl Fn(&str) -> bool,
    ) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(l) = self.seen_err.iter().filter(|l| pred(l)).nth(n - 1) {
                return l.clone();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.err.recv_timeout(left) {
                Ok(line) => self.seen_err.push(line),
                Err(_) => panic!(
                    "no stderr line for {what} within {secs} s; stderr so far:\n{}",
                    self.seen_err.join("\n")
                ),
            }
        }
    }

    /// Waits until `n` lines in all match `pred`; returns the `n`-th.
    pub fn expect_nth_matching(
        &mut self,
        what: &str,
        n: usize,
        secs: u64,
        pred: impl Fn(&str) -> bool,
    ) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(l) = self.seen.iter().filter(|l| pred(l)).nth(n - 1) {
                return l.clone();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.out.recv_timeout(left) {
                Ok(l) => self.seen.push(l),
                Err(_) => panic!(
                    "{what} not printed {n} times within {secs} s; stdout:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
    }

    /// Every stderr line so far (without waiting).
    pub fn stderr_so_far(&mut self) -> Vec<String> {
        self.seen_err.extend(self.err.try_iter());
        self.seen_err.clone()
    }

    /// Drains what arrived without waiting.
    pub fn drain(&mut self) {
        self.seen.extend(self.out.try_iter());
    }

    pub fn send(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        writeln!(stdin, "{line}").expect("write to the client");
        stdin.flush().expect("flush");
    }

    /// Waits for the exit; returns (code, all stdout, all stderr).
    pub fn wait(mut self, secs: u64) -> (i32, String, String) {
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(secs);
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("wait") {
                break s;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                self.drain();
                panic!(
                    "the client did not exit within {secs} s; stdout:\n{}",
                    self.seen.join("\n")
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        std::thread::sleep(Duration::from_millis(100));
        self.drain();
        let mut err = std::mem::take(&mut self.seen_err);
        err.extend(self.err.try_iter());
        (
            status.code().unwrap_or(-1),
            self.seen.join("\n"),
            err.join("\n"),
        )
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the client to its end with no input; returns (code, stdout, stderr).
pub fn run_client(exe: &Path, args: &[&str], envs: &[(&str, &str)]) -> (i32, String, String) {
    Client::spawn(exe, args, envs).wait(60)
}

/// Copies the client binary to `dir/name` with `trailer` appended (what a download is).
pub fn client_copy(dir: &Path, name: &str, trailer: Option<&[u8]>) -> PathBuf {
    let mut bytes = std::fs::read(client_bin()).expect("read the client binary");
    if let Some(t) = trailer {
        bytes.extend_from_slice(t);
    }
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the copy");
    make_executable(&path);
    path
}

pub fn make_executable(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut p = std::fs::metadata(path).expect("metadata").permissions();
        p.set_mode(0o755);
        std::fs::set_permissions(path, p).expect("chmod +x");
    }
}
