//! `beckon-client`: the program a customer downloads to join one support session (issue 9;
//! the contract is docs/customer_client.md).
//!
//! Layout: `ticket_source` finds and checks the ticket; `join` trades it for the session's
//! token; `session` is the tokio task that owns the chat WebSocket and talks to the UI through
//! channels (`messages`); `socket` says where and when to (re)connect; `outbox` and `events`
//! are its pure bookkeeping; `view` is what the customer sees, shared by the terminal (`tui`)
//! and the window (`gui`); `transcript` is what it saves; `machine` collects the system
//! information; `i18n` speaks the customer's language; `shell` runs the command shell the
//! customer allowed in a pseudo-terminal, and `shell_link` ties it to the session's log;
//! `screen` captures the screen and cuts it into changed tiles, and `screen_link` ties that
//! to the log and to the console's acknowledgements.
//! `file_link` moves the files the customer agreed to send or receive.
//!
//! Why each dependency is here (kept to one small tree, all pure Rust but the system's GL):
//! * `eframe` (egui, `glow` renderer, `x11` + `wayland`, `accesskit`): a small native window
//!   from one pure-Rust crate family that runs on X11, Wayland, Windows and macOS, with screen
//!   reader support through AccessKit; the `glow` (OpenGL) renderer is far smaller than wgpu
//!   and works on software GL (Mesa llvmpipe, Windows' fallback) where a customer's machine
//!   has no real GPU. Default features are off to leave out the web and wgpu parts.
//! * `tokio`, `tokio-tungstenite`, `futures-util`: the connection task and the WebSocket.
//! * `reqwest`: the one HTTP request (`/api/client/join`).
//! * `rustls`, `rustls-native-certs`: TLS without OpenSSL, trusting the system's certificates.
//! * `beckon-protocol`: the wire formats shared with the server (ticket, trailer, messages).
//! * `sysinfo`: system information on every operating system without admin rights.
//! * `fluent-bundle`, `unic-langid`, `rust-embed`: the 16 languages, embedded in the binary.
//! * `clap`: arguments; `chrono`: local `HH:MM` time stamps; `url`: site and app-link URLs;
//!   `uuid`: message ids; `serde`, `serde_json`: JSON; `thiserror`, `anyhow`: errors.
//! * `beckon-protocol` also brings `sha2` (already there for the ticket's HMAC): the SHA-256
//!   that checks every transferred file.
//! * `portable-pty` (from wezterm): one pseudo-terminal API over Unix PTYs and Windows
//!   ConPTY for the command shell; `base64`: the shell's bytes on the wire; `nix` (Unix only,
//!   `signal`): a safe `kill`/`killpg` to stop everything the shell started.
//! * `png`: the screen's tiles, lossless; `x11rb` (X11 systems only): the screen's capture
//!   with the core protocol's `GetImage`, in pure Rust; `xcap` (Windows and macOS only): the
//!   capture there. Not on Linux: xcap's Linux backend needs pipewire, wayland and dbus
//!   development libraries and clang, where x11rb is pure Rust.

pub mod events;
pub mod file_link;
pub mod gui;
pub mod i18n;
pub mod join;
pub mod machine;
pub mod messages;
pub mod outbox;
pub mod screen;
pub mod screen_link;
pub mod session;
pub mod shell;
pub mod shell_link;
pub mod socket;
pub mod ticket_source;
pub mod tls;
pub mod transcript;
pub mod tui;
pub mod view;
