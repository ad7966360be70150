//! The window: one small egui window with who the customer is connected to, the chat, the
//! consent dialog and the actions (send, stop sharing, save transcript, end).
//!
//! egui is immediate mode: each frame draws the whole `View`. The connection task pokes
//! `Repaint` when an update arrives, so an idle window uses no CPU. Keyboard: Tab moves
//! between the controls, Enter in the message field sends, Space/Enter press a focused
//! button, dialogs take the focus and Escape answers them safely (`dialogs`); AccessKit
//! exposes every label and control to screen readers. Characters the built-in fonts lack
//! bring in a system CJK font (`fonts`).

mod dialogs;
mod files_bar;
mod fonts;
mod shell_bar;

use crate::session::{Command, Update};
use crate::view::{clock, Conn, LineKind, View};
use beckon_protocol::chat::Capability;
use eframe::egui;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

/// The window's background: a light, calm colour (also what the screenshot test looks for).
pub const BACKGROUND: egui::Color32 = egui::Color32::from_rgb(0xF3, 0xF6, 0xFB);

/// Wakes the window from the connection task (a no-op until the window exists).
#[derive(Clone, Default)]
pub struct Repaint(Arc<Mutex<Option<egui::Context>>>);

impl Repaint {
    pub fn poke(&self) {
        if let Ok(g) = self.0.lock() {
            if let Some(ctx) = g.as_ref() {
                ctx.request_repaint();
            }
        }
    }
    fn set(&self, ctx: &egui::Context) {
        if let Ok(mut g) = self.0.lock() {
            *g = Some(ctx.clone());
        }
    }
}

/// What the caller gets back when no window could be opened, to run the text mode instead.
pub type Fallback = (
    String,
    Box<View>,
    UnboundedReceiver<Update>,
    UnboundedSender<Command>,
);

fn options(title: &str, size: [f32; 2]) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("beckon-client")
            .with_inner_size(size),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    }
}

fn style(ctx: &egui::Context) {
    let mut visuals = egui::Visuals::light();
    visuals.panel_fill = BACKGROUND;
    ctx.set_visuals(visuals);
}

struct App {
    view: View,
    updates: UnboundedReceiver<Update>,
    commands: UnboundedSender<Command>,
    input: String,
    /// The path typed in the file transfer bar.
    file_path: String,
    typing_sent: Option<Instant>,
    confirm_end: bool,
    exit: Rc<Cell<u8>>,
    closing: bool,
    /// The message field takes the keyboard focus when false (at start, after a dialog), so
    /// the customer can type at once.
    focused: bool,
    /// The consent dialog has put the keyboard focus on its safe answer (Deny).
    consent_focused: bool,
    /// The end confirmation has put the keyboard focus on Cancel.
    confirm_focused: bool,
    glyphs: fonts::Glyphs,
    /// Lines of the conversation already checked for characters the fonts cannot draw.
    glyphs_checked: usize,
}

/// Opens the session window; returns the exit code, or the pieces for the text mode when the
/// window cannot be opened (no GL, a display that refuses us).
pub fn run(
    view: View,
    updates: UnboundedReceiver<Update>,
    commands: UnboundedSender<Command>,
    repaint: Repaint,
) -> Result<u8, Fallback> {
    let title = view.i18n.s("window-title");
    let locale = view.i18n.locale();
    let parts = Rc::new(RefCell::new(Some((view, updates, commands))));
    let exit = Rc::new(Cell::new(1u8));
    let (p, e) = (parts.clone(), exit.clone());
    let result = eframe::run_native(
        "beckon-client",
        options(&title, [560.0, 640.0]),
        Box::new(move |cc| {
            style(&cc.egui_ctx);
            let glyphs = fonts::Glyphs::for_locale(&cc.egui_ctx, locale);
            repaint.set(&cc.egui_ctx);
            let (view, updates, commands) = p.borrow_mut().take().ok_or("started twice")?;
            Ok(Box::new(App {
                view,
                updates,
                commands,
                input: String::new(),
                file_path: String::new(),
                typing_sent: None,
                confirm_end: false,
                exit: e,
                closing: false,
                focused: false,
                consent_focused: false,
                confirm_focused: false,
                glyphs,
                glyphs_checked: 0,
            }))
        }),
    );
    match result {
        Ok(()) => Ok(exit.get()),
        Err(err) => match parts.borrow_mut().take() {
            Some((view, updates, commands)) => {
                Err((err.to_string(), Box::new(view), updates, commands))
            }
            None => Ok(1),
        },
    }
}

impl App {
    fn send(&self, c: Command) {
        // A closed channel means the connection task is done; the view says why.
        let _ = self.commands.send(c);
    }

    fn send_input(&mut self) {
        let text = std::mem::take(&mut self.input);
        if !text.trim().is_empty() {
            self.send(Command::Say(text));
        }
        if self.typing_sent.take().is_some() {
            self.send(Command::Typing(false));
        }
    }

    /// Checks what is new in the conversation (and what is always on screen) for characters
    /// the fonts cannot draw: loads a CJK font, or tells the customer once.
    fn check_glyphs(&mut self, ctx: &egui::Context) {
        let from = if self.glyphs.recheck() {
            0
        } else {
            self.glyphs_checked
        };
        let v = &self.view;
        let texts = v.lines[from.min(v.lines.len())..]
            .iter()
            .map(|l| l.text.as_str())
            .chain(v.unshown.iter().map(|(_, t)| t.as_str()))
            .chain(
                v.prompt
                    .iter()
                    .flat_map(|p| p.lines.iter().map(String::as_str)),
            )
            .chain([v.site_name.as_str(), self.input.as_str()])
            .chain(v.rep.as_deref());
        let outcome = self.glyphs.check(ctx, texts);
        if !self.glyphs.recheck() {
            self.glyphs_checked = self.view.lines.len();
        }
        if outcome == fonts::Outcome::Unshowable {
            self.view.notice = Some(self.view.i18n.s("notice-missing-font"));
        }
    }

    fn header(&mut self, ui: &mut egui::Ui) {
        let t = self.view.i18n.clone();
        ui.heading(&self.view.site_name);
        ui.label(t.t(
            "label-site",
            &[("name", &self.view.site_name), ("site", &self.view.site)],
        ));
        let who = match (&self.view.rep, self.view.queue) {
            (Some(rep), _) => t.t("label-rep", &[("name", rep)]),
            (None, Some((pos, wait))) => {
                let mut s = format!(
                    "{} · {}",
                    t.s("status-waiting"),
                    t.t("status-queue", &[("position", &pos.to_string())])
                );
                if let Some(w) = wait {
                    s.push_str(&format!(" · {}", self.view.wait_text(w)));
                }
                s
            }
            (None, None) => t.s("status-waiting"),
        };
        ui.strong(who);
        match self.view.conn {
            Conn::Offline => {
                ui.colored_label(egui::Color32::DARK_RED, t.s("status-offline"));
            }
            Conn::Connecting if self.view.lines.is_empty() => {
                ui.label(t.s("status-connecting"));
            }
            _ => {}
        }
        if self.view.sharing {
            ui.label(t.s("label-sharing"));
        }
        if let Some(pid) = self.view.shell {
            if shell_bar::show(ui, &t, pid) {
                self.send(Command::Revoke(Capability::Shell));
            }
        }
        if let Some(name) = self.view.screen.clone() {
            if shell_bar::screen(ui, &t, &name) {
                self.send(Command::Revoke(Capability::ScreenView));
            }
        }
        for c in files_bar::show(ui, &self.view, &mut self.file_path) {
            if let Command::AnswerFile { id, .. } = &c {
                self.view.answered(id);
            }
            self.send(c);
        }
        if let Some(n) = &self.view.notice {
            ui.colored_label(egui::Color32::DARK_RED, n);
        }
    }

    fn transcript(&self, ui: &mut egui::Ui) {
        egui::ScrollArea::vertical()
            .stick_to_bottom(true)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for l in &self.view.lines {
                    ui.horizontal_wrapped(|ui| {
                        ui.weak(clock(l.at_ms));
                        match l.kind {
                            LineKind::Notice => ui.label(egui::RichText::new(&l.text).italics()),
                            LineKind::Rep => ui.label(egui::RichText::new(&l.text).strong()),
                            LineKind::Mine => ui.label(&l.text),
                        };
                    });
                }
                let you = self.view.i18n.s("you");
                let sending = self.view.i18n.s("label-sending");
                for (_, text) in &self.view.unshown {
                    ui.weak(format!("{you}: {text} ({sending})"));
                }
                if let Some(name) = &self.view.typing {
                    ui.weak(self.view.i18n.t("status-typing", &[("name", name)]));
                }
            });
    }

    fn composer(&mut self, ui: &mut egui::Ui) {
        let t = self.view.i18n.clone();
        if self.view.ended || self.view.gone {
            ui.horizontal(|ui| {
                ui.strong(if self.view.ended {
                    t.s("event-ended")
                } else {
                    t.s("error-session-gone")
                });
                if ui.button(t.s("button-save")).clicked() {
                    self.save();
                }
            });
            return;
        }
        let label = ui.label(t.s("label-message"));
        ui.horizontal(|ui| {
            let field = egui::TextEdit::singleline(&mut self.input)
                .desired_width(ui.available_width() - 90.0)
                .char_limit(beckon_protocol::chat::MAX_MESSAGE_CHARS);
            let resp = ui.add(field).labelled_by(label.id);
            if !self.focused {
                self.focused = true;
                resp.request_focus();
            }
            if resp.changed() && !self.input.is_empty() {
                let due = self
                    .typing_sent
                    .is_none_or(|at| at.elapsed() > Duration::from_secs(3));
                if due {
                    self.typing_sent = Some(Instant::now());
                    self.send(Command::Typing(true));
                }
            }
            let enter = resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if enter || ui.button(t.s("button-send")).clicked() {
                self.send_input();
                resp.request_focus();
            }
        });
        ui.horizontal(|ui| {
            if self.view.sharing && ui.button(t.s("button-revoke")).clicked() {
                self.send(Command::Revoke(Capability::SystemInfo));
            }
            if ui.button(t.s("button-save")).clicked() {
                self.save();
            }
            if ui.button(t.s("button-end")).clicked() {
                self.confirm_end = true;
            }
        });
    }

    /// Saves the transcript in the customer's home folder (the one write this program makes,
    /// and only on this button).
    fn save(&mut self) {
        let dir = std::env::var_os("HOME")
            .or_else(|| std::env::var_os("USERPROFILE"))
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::PathBuf::from("."));
        let name = format!(
            "beckon-transcript-{}.txt",
            chrono::Local::now().format("%Y%m%d-%H%M%S")
        );
        let path = dir.join(name);
        let t = self.view.i18n.clone();
        self.view.notice = Some(match self.view.save(&path) {
            Ok(()) => t.t("transcript-saved", &[("path", &path.display().to_string())]),
            Err(e) => t.t("transcript-failed", &[("detail", &e.to_string())]),
        });
    }
}

impl eframe::App for App {
    fn update(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        while let Ok(u) = self.updates.try_recv() {
            self.view.apply(u);
        }
        if self.view.ended {
            self.exit.set(0);
        }
        // Closing the window leaves the session: it is ended, like the End button, so no
        // representative waits for a customer who is gone.
        if ctx.input(|i| i.viewport().close_requested()) && !self.view.ended && !self.closing {
            self.closing = true;
            self.send(Command::End);
        }
        self.check_glyphs(ctx);
        egui::TopBottomPanel::top("header").show(ctx, |ui| self.header(ui));
        egui::TopBottomPanel::bottom("composer").show(ctx, |ui| self.composer(ui));
        egui::CentralPanel::default().show(ctx, |ui| self.transcript(ui));
        self.consent(ctx);
        self.confirm(ctx);
    }
}

struct ErrorApp {
    message: String,
}

impl eframe::App for ErrorApp {
    fn update(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ctx, |ui| {
            ui.label(&self.message);
            if ui.button("OK").clicked() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    }
}

/// A small window with a failure message (the program was likely double-clicked: no terminal).
pub fn show_error(title: &str, message: &str) -> Result<(), String> {
    let message = message.to_string();
    eframe::run_native(
        "beckon-client",
        options(title, [420.0, 160.0]),
        Box::new(move |cc| {
            style(&cc.egui_ctx);
            Ok(Box::new(ErrorApp { message }))
        }),
    )
    .map_err(|e| e.to_string())
}
