//! The screen view's test harness (X11 only): an Xvfb of a chosen size, the console's
//! socket as a test plays it, and the picture put together from the tiles it receives.
// Child processes are driven from plain threads here; blocking waits are the point.
#![allow(dead_code)]
#![allow(clippy::disallowed_methods)]

use super::DEMO_PASSWORD;
use serde_json::{json, Value};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::{self, stream::MaybeTlsStream, Message};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ChangeWindowAttributesAux, ConnectionExt, CreateGCAux, ImageFormat};
use x11rb::rust_connection::RustConnection;

pub type Socket = tungstenite::WebSocket<MaybeTlsStream<TcpStream>>;

pub struct Xvfb(std::process::Child);

impl Drop for Xvfb {
    fn drop(&mut self) {
        // SIGTERM lets Xvfb remove its socket and lock file.
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

/// Starts Xvfb of `w`×`h` on a display it chooses itself (`-displayfd`).
pub fn start_xvfb(w: usize, h: usize) -> (Xvfb, String) {
    use std::io::BufRead;
    let size = format!("{w}x{h}x24");
    let mut child = Command::new("Xvfb")
        .args(["-displayfd", "1", "-screen", "0", &size, "-nolisten", "tcp"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start Xvfb (apt-get install xvfb)");
    let stdout = child.stdout.take().expect("Xvfb's stdout");
    let x = Xvfb(child);
    let mut line = String::new();
    std::io::BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read Xvfb's display number");
    (x, format!(":{}", line.trim()))
}

pub fn run(cmd: &mut Command, what: &str) {
    let status = cmd.status().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(status.success(), "{what}: {status}");
}

/// Draws `rects` (`x0,y0 x1,y1` and colour) on a dark background into `png`.
pub fn decode_rgb(png_bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    let mut dec = png::Decoder::new(std::io::Cursor::new(png_bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png data");
    buf.truncate(info.buffer_size());
    let rgb = match info.color_type {
        png::ColorType::Rgb => buf,
        png::ColorType::Rgba => buf
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect(),
        other => panic!("unexpected colour type {other:?}"),
    };
    (info.width as usize, info.height as usize, rgb)
}

/// The console's picture of the screen, built from tiles as the browser's canvas is.
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    pub rgb: Vec<u8>,
}

impl Canvas {
    pub fn new(width: usize, height: usize) -> Canvas {
        Canvas {
            width,
            height,
            rgb: vec![0; width * height * 3],
        }
    }

    pub fn draw(&mut self, part: &Value) -> usize {
        let tiles = part["tiles"].as_array().expect("tiles");
        for t in tiles {
            let n = |k: &str| t[k].as_u64().expect("a number") as usize;
            let bytes = beckon_protocol::screen::decode(t["data"].as_str().unwrap()).unwrap();
            let (w, h, px) = decode_rgb(&bytes);
            assert_eq!((w, h), (n("w"), n("h")));
            for dy in 0..h {
                let at = ((n("y") + dy) * self.width + n("x")) * 3;
                self.rgb[at..at + w * 3].copy_from_slice(&px[dy * w * 3..(dy + 1) * w * 3]);
            }
        }
        tiles.len()
    }

    pub fn pixel(&self, x: usize, y: usize) -> [u8; 3] {
        let i = (y * self.width + x) * 3;
        [self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]]
    }
}

/// The console's socket, signed in as `username`.
pub fn console(base: &str, username: &str) -> Socket {
    let http = reqwest::blocking::Client::new();
    let r = http
        .post(format!("{base}/api/rep/login"))
        .header("x-beckon-csrf", "1")
        .json(&json!({"username": username, "password": DEMO_PASSWORD}))
        .send()
        .expect("login");
    let cookie = r.headers()["set-cookie"].to_str().unwrap();
    let cookie = cookie.split(';').next().unwrap().to_string();
    let url = format!("{}/api/rep/ws", base.replacen("http", "ws", 1));
    let mut req = tungstenite::client::IntoClientRequest::into_client_request(url).unwrap();
    req.headers_mut().insert("cookie", cookie.parse().unwrap());
    let (mut ws, _) = tungstenite::connect(req).expect("console socket");
    if let MaybeTlsStream::Plain(s) = ws.get_mut() {
        s.set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
    }
    ws.send(Message::Text(json!({"type": "hello"}).to_string().into()))
        .unwrap();
    ws
}

/// The next message within `within`, if any.
pub fn next(ws: &mut Socket, within: Duration) -> Option<Value> {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        match ws.read() {
            Ok(Message::Text(t)) => return Some(serde_json::from_str(&t).unwrap()),
            Ok(_) => {}
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(e) => panic!("console socket: {e}"),
        }
    }
    None
}

pub fn until(ws: &mut Socket, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Some(m) = next(ws, Duration::from_secs(1)) {
            if pred(&m) {
                return m;
            }
        }
    }
    panic!("no {what} on the console socket");
}

pub fn ack(ws: &mut Socket, lsid: &str, frame: u64, keyframe: bool) {
    let m = json!({"type": "screen_ack", "lsid": lsid, "frame": frame, "keyframe": keyframe});
    ws.send(Message::Text(m.to_string().into())).unwrap();
}

/// Draws every part of the next whole frame; returns its number and how many tiles it had.
pub fn frame(ws: &mut Socket, canvas: &mut Canvas) -> (u64, usize) {
    let mut tiles = 0;
    loop {
        let part = until(ws, "screen frame", |m| m["type"] == "screen");
        assert_eq!(
            (part["width"].as_u64(), part["height"].as_u64()),
            (Some(canvas.width as u64), Some(canvas.height as u64))
        );
        tiles += canvas.draw(&part);
        if part["last"] == true {
            return (part["frame"].as_u64().unwrap(), tiles);
        }
    }
}

/// Lets the demo team request the screen view (the administrator's setting).
pub fn allow_screen_for_teams(data_dir: &Path) {
    let db = std::fs::read_dir(data_dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "db" || e == "sqlite"))
        .expect("the server's database");
    run(
        Command::new("sqlite3")
            .args(["-cmd", ".timeout 5000"])
            .arg(&db)
            .arg("UPDATE support_teams SET allowed_capabilities = 'system_info,shell,screen_view'"),
        "sqlite3 (apt-get install sqlite3)",
    );
}

/// Makes `png` the root window's background, which is what the screen shows where no window
/// covers it (as `xsetroot` does, with any picture). The returned connection owns the pixmap:
/// keep it while the picture must stay.
pub fn show(display: &str, png: &Path) -> RustConnection {
    let (w, h, rgb) = decode_rgb(&std::fs::read(png).expect("the picture"));
    let (conn, n) = x11rb::connect(Some(display)).expect("connect to Xvfb");
    let screen = conn.setup().roots[n].clone();
    let pixmap = conn.generate_id().unwrap();
    conn.create_pixmap(screen.root_depth, pixmap, screen.root, w as u16, h as u16)
        .unwrap();
    let gc = conn.generate_id().unwrap();
    conn.create_gc(gc, pixmap, &CreateGCAux::new()).unwrap();
    // 32-bit little-endian pixels, blue first: Xvfb's depth-24 true colour.
    let data: Vec<u8> = rgb
        .chunks_exact(3)
        .flat_map(|p| [p[2], p[1], p[0], 0])
        .collect();
    // Strips of 32 rows keep each request under the core protocol's size limit.
    for y in (0..h).step_by(32) {
        let rows = 32.min(h - y);
        let strip = &data[y * w * 4..(y + rows) * w * 4];
        conn.put_image(
            ImageFormat::Z_PIXMAP,
            pixmap,
            gc,
            w as u16,
            rows as u16,
            0,
            y as i16,
            0,
            screen.root_depth,
            strip,
        )
        .unwrap();
    }
    conn.change_window_attributes(
        screen.root,
        &ChangeWindowAttributesAux::new().background_pixmap(pixmap),
    )
    .unwrap();
    conn.clear_area(false, screen.root, 0, 0, 0, 0).unwrap();
    conn.get_input_focus()
        .unwrap()
        .reply()
        .expect("the X server did it all");
    conn
}
