//! The `beckon-client` program: arguments, the ticket, joining, then the window or the text
//! mode. Failures are shown in the customer's language and end with a non-zero exit code.

use anyhow::Context;
use beckon_client::i18n::{self, I18n};
use beckon_client::join::{self, JoinError};
use beckon_client::session::{self, Command, Update};
use beckon_client::ticket_source;
use beckon_client::view::View;
use clap::Parser;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Joins a Beckon support session. Run without arguments, the program finds its ticket in
/// itself (downloads carry one).
#[derive(Debug, Parser)]
#[command(name = "beckon-client", version)]
struct Args {
    /// The client ticket (`bt1....`), when the download lost it.
    #[arg(long)]
    ticket: Option<String>,
    /// Refuse a ticket for any other site than this URL.
    #[arg(long)]
    site: Option<String>,
    /// Run in this terminal instead of opening a window.
    #[arg(long)]
    no_gui: bool,
    /// Folder for files the customer accepts from the representative.
    /// Default: the Downloads folder in the home folder (the current folder without one)
    #[arg(long, value_name = "DIR")]
    downloads: Option<std::path::PathBuf>,
    /// Seconds between heartbeats on the chat socket.
    #[arg(long, default_value_t = 20, hide = true)]
    heartbeat_secs: u64,
    /// A `beckon://start?ticket=...` app link (what the download page's button opens).
    link: Option<String>,
}

/// `~/Downloads` when it exists, else the home folder, else the current folder.
fn default_downloads() -> std::path::PathBuf {
    let home = env("HOME")
        .or_else(|| env("USERPROFILE"))
        .map(std::path::PathBuf::from);
    match home {
        Some(h) if h.join("Downloads").is_dir() => h.join("Downloads"),
        Some(h) => h,
        None => std::path::PathBuf::from("."),
    }
}

fn env(key: &str) -> Option<String> {
    std::env::var(key).ok()
}

/// A graphical display to open a window on (always, except on Unix without X11 or Wayland).
fn has_display() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|k| env(k).is_some_and(|v| !v.is_empty()))
}

/// Tells the customer what went wrong: on stderr, and in a window when there is one (a
/// double-clicked program has no terminal to read).
fn fail(message: &str, gui: bool, i18n: &I18n) -> ExitCode {
    eprintln!("{}", beckon_client::tui::clean(message));
    if gui {
        let _ = beckon_client::gui::show_error(&i18n.s("window-title"), message);
    }
    ExitCode::FAILURE
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut gui = !args.no_gui;
    let no_display_notice = gui && !has_display();
    if no_display_notice {
        gui = false;
    }
    let exe = std::env::current_exe().ok();
    let found = ticket_source::find(args.ticket.as_deref(), args.link.as_deref(), exe.as_deref());
    let locale = i18n::choose(
        found.as_ref().ok().map(|(t, _)| t.claims.locale.as_str()),
        env,
    );
    let i18n = Arc::new(I18n::new(locale));
    if no_display_notice {
        eprintln!("{}", i18n.s("notice-no-display"));
    }
    let now = chrono::Utc::now().timestamp();
    let ticket = match found
        .and_then(|(t, _)| ticket_source::check(&t, now, args.site.as_deref()).map(|()| t))
    {
        Ok(t) => t,
        Err(problem) => {
            let (ticket_site, site) = match &problem {
                ticket_source::TicketProblem::OtherSite { ticket_site, site } => {
                    (ticket_site.as_str(), site.as_str())
                }
                _ => ("", ""),
            };
            let text = i18n.t(
                problem.message_id(),
                &[("ticket_site", ticket_site), ("site", site)],
            );
            return fail(&text, gui, &i18n);
        }
    };
    match run(args, gui, ticket, i18n.clone()) {
        Ok(code) => code,
        Err(e) => fail(
            &i18n.t("error-internal", &[("detail", &format!("{e:#}"))]),
            gui,
            &i18n,
        ),
    }
}

fn run(
    args: Args,
    gui: bool,
    ticket: beckon_protocol::ticket::Ticket,
    i18n: Arc<I18n>,
) -> anyhow::Result<ExitCode> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the runtime")?;
    let tls = beckon_client::tls::client_config()?;
    let http = join::http_client(tls.clone())?;
    let site = ticket.claims.site.clone();
    let joined = match rt.block_on(join::join(&http, &ticket)) {
        Ok(j) => j,
        Err(e) => {
            let text = match &e {
                JoinError::Refused { message, .. } => message.clone(),
                JoinError::Unreachable(detail) => {
                    i18n.t("error-unreachable", &[("site", &site), ("detail", detail)])
                }
                JoinError::BadAnswer { .. } => i18n.t("error-bad-answer", &[("site", &site)]),
            };
            return Ok(fail(&text, gui, &i18n));
        }
    };
    // The server's word on the session's language wins over the ticket's (they agree today).
    let i18n = match joined.locale.as_deref().and_then(i18n::known) {
        Some(l) if l != i18n.locale() => Arc::new(I18n::new(l)),
        _ => i18n,
    };
    let site_name = if joined.site_name.is_empty() {
        site.clone()
    } else {
        joined.site_name.chars().take(200).collect()
    };
    let (cmd_tx, cmd_rx) = tokio::sync::mpsc::unbounded_channel::<Command>();
    let (up_tx, up_rx) = tokio::sync::mpsc::unbounded_channel::<Update>();
    let repaint = beckon_client::gui::Repaint::default();
    let notify = repaint.clone();
    let cfg = session::Config {
        site: site.clone(),
        token: joined.token,
        tls,
        heartbeat: Duration::from_secs(args.heartbeat_secs.clamp(1, 40)),
        downloads: args.downloads.clone().unwrap_or_else(default_downloads),
    };
    let task = session::Session::new(
        cfg,
        cmd_rx,
        Box::new(move |u| {
            let _ = up_tx.send(u);
            notify.poke();
        }),
    );
    rt.spawn(task.run());
    let view = View::new(i18n.clone(), &site, &site_name);
    if gui {
        match beckon_client::gui::run(view, up_rx, cmd_tx, repaint) {
            Ok(code) => return Ok(ExitCode::from(code)),
            Err((detail, view, up_rx, cmd_tx)) => {
                eprintln!("{}", i18n.t("notice-gui-failed", &[("detail", &detail)]));
                let code = rt.block_on(beckon_client::tui::run(*view, up_rx, cmd_tx));
                return Ok(ExitCode::from(code));
            }
        }
    }
    let code = rt.block_on(beckon_client::tui::run(view, up_rx, cmd_tx));
    // The session task may still be closing its socket; it needs no more than a moment.
    rt.shutdown_timeout(Duration::from_millis(500));
    Ok(ExitCode::from(code))
}
