//! The integration-test harness: the real server, in this process, on a free port with a fresh
//! data dir, stopped through its cancellation token; plus helpers to run the `beckon` binary.
// These tests drive a child process from plain threads; blocking sleeps are fine here.
#![allow(clippy::disallowed_methods)]
#![allow(dead_code)]

use beckon::app::AppState;
use beckon::config::{CommonArgs, FileConfig, ServeArgs, Settings};
use beckon::store::sqlite::SqliteStore;
use beckon::store::{DynStore, Store};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use tempfile::TempDir;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub mod full_client;
pub mod reps;
pub mod ws;

/// Test clients drop a pooled connection idle this long: the server closes one idle for its
/// header read timeout (10 s), and a request sent just as it closes fails with
/// `IncompleteMessage` (seen in `routing accept::concurrent_accepts_have_exactly_one_winner`, whose
/// twelve sign-ins take longer than that on a slow machine).
pub const CLIENT_IDLE: std::time::Duration = std::time::Duration::from_secs(5);

pub const DEMO_PASSWORD: &str = "demo-password-123";

pub struct TestServer {
    pub url: String,
    pub addr: std::net::SocketAddr,
    pub state: AppState,
    pub store: DynStore,
    pub client: reqwest::Client,
    dir: Option<TempDir>,
    handle: Option<JoinHandle<Result<(), beckon::server::ServeError>>>,
}

pub struct Options {
    pub demo: bool,
    pub dir: Option<TempDir>,
}

impl TestServer {
    /// A server with an empty store (no users, no configuration).
    pub async fn start() -> TestServer {
        Self::start_with(Options {
            demo: false,
            dir: None,
        })
        .await
    }

    /// A server seeded with the demo data (the reference's examples).
    pub async fn start_demo() -> TestServer {
        Self::start_with(Options {
            demo: true,
            dir: None,
        })
        .await
    }

    pub async fn start_with(opts: Options) -> TestServer {
        let dir = opts
            .dir
            .unwrap_or_else(|| tempfile::tempdir().expect("temp dir"));
        let store = SqliteStore::open(dir.path()).await.expect("open store");
        let store: DynStore = Arc::new(store);
        if opts.demo {
            beckon::seed::seed_demo(store.as_ref(), Some(DEMO_PASSWORD.into()))
                .await
                .expect("seed");
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().unwrap();
        let common = CommonArgs {
            config: None,
            data_dir: Some(dir.path().to_path_buf()),
        };
        let args = ServeArgs {
            listen: Some(addr),
            demo: Some(opts.demo),
            shutdown_grace: Some(5),
            // Tests start many sessions from 127.0.0.1; the limit has its own test (tests/limits/).
            max_session_starts_per_minute: Some(0),
            ..Default::default()
        };
        let settings = Settings::resolve(&common, &args, &FileConfig::default()).expect("settings");
        let state =
            AppState::new(store.clone(), settings, CancellationToken::new()).expect("catalogs");
        let handle = tokio::spawn(beckon::server::serve(state.clone(), listener, None));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(CLIENT_IDLE)
            .build()
            .unwrap();
        TestServer {
            url: format!("http://{addr}"),
            addr,
            state,
            store,
            client,
            dir: Some(dir),
            handle: Some(handle),
        }
    }

    pub fn data_dir(&self) -> &Path {
        self.dir.as_ref().expect("data dir").path()
    }

    pub fn at(&self, path: &str) -> String {
        format!("{}{}", self.url, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.at(path))
            .send()
            .await
            .expect("request")
    }

    /// Stops the server and waits for it, returning the data dir for a restart.
    pub async fn stop(mut self) -> TempDir {
        self.state.shutdown.cancel();
        if let Some(h) = self.handle.take() {
            h.await.expect("server task").expect("clean shutdown");
        }
        self.dir.take().expect("data dir")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.state.shutdown.cancel();
    }
}

/// The `beckon` binary built for these tests.
pub fn beckon_bin() -> &'static str {
    env!("CARGO_BIN_EXE_beckon")
}

/// A `beckon` command with a clean environment of BECKON_* variables.
pub fn beckon(cwd: &Path) -> Command {
    let mut cmd = Command::new(beckon_bin());
    isolate(&mut cmd, cwd);
    cmd
}

/// `beckon` run by util-linux's `prlimit` with soft and hard open-file limits of `files`.
pub fn beckon_with_file_limit(cwd: &Path, files: u64) -> Command {
    let mut cmd = Command::new("prlimit");
    cmd.arg(format!("--nofile={files}:{files}"))
        .arg(beckon_bin());
    isolate(&mut cmd, cwd);
    cmd
}

/// Runs in `cwd`, with none of this environment's Beckon settings and no colour.
fn isolate(cmd: &mut Command, cwd: &Path) {
    cmd.current_dir(cwd);
    for (k, _) in std::env::vars() {
        if k.starts_with("BECKON_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("NO_COLOR", "1");
}

/// Runs a `beckon` command with `stdin` text; returns (status code, stdout, stderr).
pub fn run_beckon(cwd: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = beckon(cwd)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn beckon");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A `beckon serve` child process, with the address it announced.
pub struct ServeProcess {
    pub child: Child,
    pub url: String,
    pub stderr_lines: std::sync::mpsc::Receiver<String>,
    pub stdout: String,
}

/// Starts `beckon serve --listen 127.0.0.1:0` plus `extra` args and waits for its
/// "listening on" line.
pub fn spawn_serve(
    cwd: &Path,
    data_dir: &Path,
    extra: &[&str],
    envs: &[(&str, &str)],
) -> ServeProcess {
    spawn_serve_on(cwd, data_dir, "127.0.0.1:0", extra, envs)
}

/// Like `spawn_serve`, on a given address (a restart that clients must find again).
pub fn spawn_serve_on(
    cwd: &Path,
    data_dir: &Path,
    listen: &str,
    extra: &[&str],
    envs: &[(&str, &str)],
) -> ServeProcess {
    spawn_serve_with(beckon(cwd), data_dir, listen, extra, envs)
}

/// Like `spawn_serve`, with the open-file limit (soft and hard) set to `files`.
pub fn spawn_serve_with_file_limit(
    cwd: &Path,
    data_dir: &Path,
    extra: &[&str],
    envs: &[(&str, &str)],
    files: u64,
) -> ServeProcess {
    spawn_serve_with(
        beckon_with_file_limit(cwd, files),
        data_dir,
        "127.0.0.1:0",
        extra,
        envs,
    )
}

fn spawn_serve_with(
    mut cmd: Command,
    data_dir: &Path,
    listen: &str,
    extra: &[&str],
    envs: &[(&str, &str)],
) -> ServeProcess {
    use std::io::{BufRead, BufReader, Read};
    cmd.args(["serve", "--listen", listen, "--data-dir"])
        .arg(data_dir)
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn beckon serve");
    let (tx, rx) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut seen = Vec::new();
    let url = loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => {
                let announced = ["listening on http://", "listening on https://"]
                    .iter()
                    .find_map(|a| line.split(a).nth(1).map(|rest| (a, rest)));
                if let Some((announcement, rest)) = announced {
                    if !line.contains("demo site") {
                        // Works for human and JSON log lines alike: the address ends where its characters do.
                        let addr: String = rest
                            .chars()
                            .take_while(|c| {
                                c.is_ascii_digit() || matches!(c, '.' | ':' | '[' | ']')
                            })
                            .collect();
                        let scheme = announcement.trim_start_matches("listening on ");
                        break format!("{scheme}{addr}");
                    }
                }
                seen.push(line);
            }
            Err(_) => {
                let _ = child.kill();
                let mut out = String::new();
                let _ = child.stdout.take().unwrap().read_to_string(&mut out);
                panic!(
                    "server did not announce its address; stderr:\n{}\nstdout:\n{out}",
                    seen.join("\n")
                );
            }
        }
    };
    ServeProcess {
        child,
        url,
        stderr_lines: rx,
        stdout: String::new(),
    }
}

impl ServeProcess {
    /// Waits for the process to exit by itself (after a signal sent elsewhere).
    pub fn terminate_wait(mut self) -> (i32, Vec<String>) {
        let status = self.child.wait().expect("wait");
        std::thread::sleep(std::time::Duration::from_millis(50));
        let lines: Vec<String> = self.stderr_lines.try_iter().collect();
        (status.code().unwrap_or(-1), lines)
    }

    /// Sends SIGTERM and waits for the exit status code.
    pub fn terminate(mut self) -> (i32, Vec<String>) {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill");
        let status = self.child.wait().expect("wait");
        std::thread::sleep(std::time::Duration::from_millis(50));
        let lines: Vec<String> = self.stderr_lines.try_iter().collect();
        (status.code().unwrap_or(-1), lines)
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn temp_path(dir: &TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

/// Opens the store of a data dir directly (for assertions on what the server wrote).
pub async fn open_store(dir: &Path) -> Arc<dyn Store> {
    Arc::new(SqliteStore::open(dir).await.expect("open store"))
}
