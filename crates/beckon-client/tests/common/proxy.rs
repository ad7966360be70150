//! A TCP proxy between the client and the server that can cut the network: `cut` closes every
//! open connection and refuses new ones until `restore`; `slow` makes it a slow network, so a
//! transfer can be cut in its middle.

use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

pub struct Proxy {
    pub port: u16,
    cut: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<TcpStream>>>,
    stop: Arc<AtomicBool>,
    /// Milliseconds of delay after each read of at most `READ` bytes.
    delay: Arc<AtomicU64>,
}

const READ: usize = 16 * 1024;

impl Proxy {
    /// Listens on `port` and forwards to `upstream` (`127.0.0.1:PORT`).
    pub fn start(port: u16, upstream: String) -> Proxy {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("proxy bind");
        let cut = Arc::new(AtomicBool::new(false));
        let open: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let delay = Arc::new(AtomicU64::new(0));
        let (c, o, s, d) = (cut.clone(), open.clone(), stop.clone(), delay.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(down) = conn else { continue };
                if c.load(Ordering::SeqCst) {
                    let _ = down.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(up) = TcpStream::connect(&upstream) else {
                    continue;
                };
                if let Ok(mut list) = o.lock() {
                    for s in [&down, &up] {
                        if let Ok(clone) = s.try_clone() {
                            list.push(clone);
                        }
                    }
                }
                pipe(down.try_clone(), up.try_clone(), d.clone());
                pipe(up.try_clone(), down.try_clone(), d.clone());
            }
        });
        Proxy {
            port,
            cut,
            open,
            stop,
            delay,
        }
    }

    /// Each direction carries at most 16 KB per `ms` milliseconds from now on.
    pub fn slow(&self, ms: u64) {
        self.delay.store(ms, Ordering::SeqCst);
    }

    /// The network goes away: open connections die, new ones are refused.
    pub fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        if let Ok(mut list) = self.open.lock() {
            for s in list.drain(..) {
                let _ = s.shutdown(Shutdown::Both);
            }
        }
    }

    pub fn restore(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.cut();
        // Wake the accept loop so it sees `stop`.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn pipe(from: std::io::Result<TcpStream>, to: std::io::Result<TcpStream>, delay: Arc<AtomicU64>) {
    use std::io::{Read, Write};
    let (Ok(mut from), Ok(mut to)) = (from, to) else {
        return;
    };
    std::thread::spawn(move || {
        let mut buf = vec![0u8; READ];
        loop {
            let n = match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if to.write_all(&buf[..n]).is_err() {
                break;
            }
            let ms = delay.load(Ordering::SeqCst);
            if ms > 0 {
                std::thread::sleep(std::time::Duration::from_millis(ms));
            }
        }
        let _ = to.shutdown(Shutdown::Both);
        let _ = from.shutdown(Shutdown::Both);
    });
}
