//! File transfer in the window: while it is allowed, a path field to send a file and a button
//! to stop it all; each file the representative offers with Save and Decline; each transfer
//! under way with its progress bar.

use crate::messages::{Command, FileDirection};
use crate::view::{human_size, View};
use beckon_protocol::chat::Capability;
use eframe::egui;

/// Draws the bar; returns what the customer did.
pub fn show(ui: &mut egui::Ui, view: &View, path: &mut String) -> Vec<Command> {
    let t = view.i18n.clone();
    let mut out = Vec::new();
    if !view.files_allowed && view.file_offers.is_empty() && view.transfers.is_empty() {
        return out;
    }
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0xe8, 0xf1, 0xfb))
        .inner_margin(egui::Margin::same(6))
        .show(ui, |ui| {
            if view.files_allowed {
                ui.horizontal_wrapped(|ui| {
                    ui.label(t.s("label-files"));
                    if ui.button(t.s("button-stop-files")).clicked() {
                        out.push(Command::Revoke(Capability::FileTransfer));
                    }
                });
                ui.horizontal(|ui| {
                    let label = ui.label(t.s("hint-file-path"));
                    ui.add(egui::TextEdit::singleline(path).desired_width(260.0))
                        .labelled_by(label.id);
                    if ui.button(t.s("button-send-file")).clicked() && !path.trim().is_empty() {
                        out.push(Command::SendFile(path.trim().into()));
                        path.clear();
                    }
                });
            }
            for o in &view.file_offers {
                ui.horizontal_wrapped(|ui| {
                    let size = human_size(o.size);
                    ui.label(t.t(
                        "file-offered",
                        &[("name", &o.from), ("file", &o.name), ("size", &size)],
                    ));
                    if ui.button(t.s("button-accept-file")).clicked() {
                        out.push(Command::AnswerFile {
                            id: o.id.clone(),
                            accept: true,
                        });
                    }
                    if ui.button(t.s("button-decline-file")).clicked() {
                        out.push(Command::AnswerFile {
                            id: o.id.clone(),
                            accept: false,
                        });
                    }
                });
            }
            for tr in &view.transfers {
                let id = match tr.direction {
                    FileDirection::Sent => "file-progress-sent",
                    FileDirection::Received => "file-progress-received",
                };
                let p = tr.percent.to_string();
                ui.add(
                    egui::ProgressBar::new(f32::from(tr.percent) / 100.0)
                        .text(t.t(id, &[("file", &tr.name), ("percent", &p)])),
                );
            }
        });
    out
}
