//! The window's two dialogs: the consent question (allow or deny a capability, showing
//! exactly what would be shared) and the confirmation before ending the session.
//!
//! Keyboard: a dialog takes the focus when it opens, so a keyboard or screen-reader user is
//! in it at once and typing does not go on into the message field. The consent dialog
//! focuses Deny, the answer that shares nothing, so a stray Enter or Space cannot share;
//! Shift+Tab reaches Allow. Escape answers Deny (consent) or Cancel (end). When a dialog
//! closes, the focus returns to the message field.

use super::App;
use crate::session::Command;
use beckon_protocol::chat::Capability;
use eframe::egui;

impl App {
    pub(super) fn consent(&mut self, ctx: &egui::Context) {
        let Some(p) = self.view.prompt.clone() else {
            self.consent_focused = false;
            return;
        };
        let t = self.view.i18n.clone();
        let mut answer = None;
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        egui::Window::new(t.s("window-title"))
            .collapsible(false)
            .resizable(true)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.strong(&p.title);
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        for l in &p.lines {
                            ui.label(l);
                        }
                        if p.capability == Capability::SystemInfo {
                            ui.collapsing(t.s("consent-exact-data"), |ui| {
                                let json =
                                    serde_json::to_string_pretty(&p.info).unwrap_or_default();
                                ui.monospace(json);
                            });
                        }
                    });
                ui.horizontal(|ui| {
                    if ui.button(t.s("button-allow")).clicked() {
                        answer = Some(true);
                    }
                    let deny = ui.button(t.s("button-deny"));
                    if !self.consent_focused {
                        self.consent_focused = true;
                        deny.request_focus();
                        // For whoever drives the window without seeing it (the GUI tests):
                        // from here on, keys go to the dialog.
                        eprintln!("beckon-client: the consent dialog has the focus");
                    }
                    if deny.clicked() {
                        answer = Some(false);
                    }
                });
            });
        if answer.is_none() && escape {
            answer = Some(false);
        }
        if let Some(allow) = answer {
            self.view.prompt = None;
            self.consent_focused = false;
            self.focused = false;
            self.send(Command::Consent {
                capability: p.capability,
                allow,
                info: allow.then_some(p.info),
            });
        }
    }

    pub(super) fn confirm(&mut self, ctx: &egui::Context) {
        if !self.confirm_end {
            return;
        }
        let t = self.view.i18n.clone();
        let mut close = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        egui::Window::new(t.s("button-end"))
            .collapsible(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(t.s("confirm-end"));
                ui.horizontal(|ui| {
                    let end = ui.button(t.s("button-end-confirm"));
                    if end.clicked() {
                        self.send(Command::End);
                        close = true;
                    }
                    let cancel = ui.button(t.s("button-cancel"));
                    if !self.confirm_focused {
                        self.confirm_focused = true;
                        cancel.request_focus();
                    }
                    if cancel.clicked() {
                        close = true;
                    }
                });
            });
        if close {
            self.confirm_end = false;
            self.confirm_focused = false;
            self.focused = false;
        }
    }
}
