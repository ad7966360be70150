//! Xvfb and xdotool for the window tests (included with `#[path]` by gui_xvfb.rs,
//! gui_files.rs and screen_gui_xvfb.rs): the Debian packages they need, a private X display,
//! keyboard input.
#![allow(dead_code)]
#![allow(clippy::disallowed_methods)]

use std::process::{Command, Stdio};
use std::time::Duration;

/// (what is checked, the package that brings it)
pub fn missing_packages() -> Vec<&'static str> {
    let on_path = |bin: &str| {
        Command::new("sh")
            .args(["-c", &format!("command -v {bin}")])
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let libs = Command::new("ldconfig")
        .arg("-p")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let dri = [
        "/usr/lib/x86_64-linux-gnu/dri",
        "/usr/lib/aarch64-linux-gnu/dri",
        "/usr/lib/dri",
    ]
    .iter()
    .any(|d| {
        std::path::Path::new(d).join("swrast_dri.so").exists()
            || std::path::Path::new(d).join("llvmpipe_dri.so").exists()
            || std::path::Path::new(d).join("kms_swrast_dri.so").exists()
    });
    let mut missing = Vec::new();
    if !on_path("Xvfb") {
        missing.push("xvfb");
    }
    if !on_path("xwininfo") {
        missing.push("x11-utils");
    }
    if !on_path("import") || !on_path("convert") {
        missing.push("imagemagick");
    }
    if !dri {
        missing.push("libgl1-mesa-dri");
    }
    if !libs.contains("libEGL.so.1") {
        missing.push("libegl1");
    }
    if !libs.contains("libxkbcommon-x11.so.0") {
        missing.push("libxkbcommon-x11-0");
    }
    if !on_path("xdotool") {
        missing.push("xdotool");
    }
    if !std::path::Path::new("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").exists() {
        missing.push("fonts-wqy-microhei");
    }
    missing
}

pub struct Xvfb(std::process::Child);

impl Drop for Xvfb {
    fn drop(&mut self) {
        // SIGTERM, not SIGKILL: Xvfb then removes its socket and lock file, so the display
        // number is free for the next run.
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

/// Starts Xvfb on a display it chooses itself (`-displayfd 1` prints the number once the
/// server is ready), so tests running at once never share or fight over one.
pub fn start_xvfb() -> (Xvfb, String) {
    use std::io::BufRead;
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1024x768x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start Xvfb");
    let stdout = child.stdout.take().expect("Xvfb's stdout");
    let x = Xvfb(child);
    let mut line = String::new();
    std::io::BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read Xvfb's display number");
    let n: u32 = line
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("Xvfb printed {line:?}, not a display number"));
    (x, format!(":{n}"))
}

pub fn window_exists(display: &str) -> bool {
    Command::new("xwininfo")
        .args(["-display", display, "-root", "-tree"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("beckon-client"))
        .unwrap_or(false)
}

pub fn assert_packages() {
    let missing = missing_packages();
    assert!(
        missing.is_empty(),
        "the GUI test needs these Debian packages: {}\n  apt-get install -y {}",
        missing.join(" "),
        missing.join(" ")
    );
}

/// Runs xdotool on `display` (bounded by `timeout`: `--sync` waits forever for a window
/// that never comes); panics with its output when it fails.
pub fn xdotool(display: &str, args: &[&str]) {
    let out = Command::new("timeout")
        .arg("30")
        .arg("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .expect("run xdotool");
    assert!(
        out.status.success(),
        "xdotool {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Gives the client's window the keyboard focus (no window manager does it here). The window
/// may exist before it is mapped, and X refuses the focus to an unmapped window (BadMatch),
/// so this retries until it takes.
pub fn focus_window(display: &str) {
    let mut last = String::new();
    for _ in 0..50 {
        let out = Command::new("timeout")
            .args(["10", "xdotool", "search", "--sync", "--onlyvisible"])
            // winit's WM_CLASS is ("", app id): the class, not the instance, is ours.
            .args(["--class", "beckon-client", "windowfocus", "--sync"])
            .env("DISPLAY", display)
            .output()
            .expect("run xdotool");
        if out.status.success() {
            return;
        }
        last = String::from_utf8_lossy(&out.stderr).into_owned();
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("the window never took the keyboard focus: {last}");
}
