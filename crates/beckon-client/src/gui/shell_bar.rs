//! The bars that say the command shell runs or the screen is shared, each with its Stop
//! button. Both give the representative a view into this machine: they must be impossible to
//! miss, and one click from stopping.

use crate::i18n::I18n;
use eframe::egui;

/// Draws the shell's bar; `true` when the customer pressed Stop.
pub fn show(ui: &mut egui::Ui, t: &I18n, pid: u32) -> bool {
    let text = t.t("label-shell", &[("pid", &pid.to_string())]);
    bar(
        ui,
        [0xfd, 0xec, 0xc8],
        [0x7a, 0x3e, 0x00],
        text,
        t.s("button-stop-shell"),
    )
}

/// Draws the screen's bar; `true` when the customer pressed Stop sharing.
pub fn screen(ui: &mut egui::Ui, t: &I18n, name: &str) -> bool {
    let text = t.t("label-screen", &[("name", name)]);
    bar(
        ui,
        [0xfd, 0xd8, 0xd8],
        [0x8a, 0x10, 0x10],
        text,
        t.s("button-stop-screen"),
    )
}

fn bar(ui: &mut egui::Ui, fill: [u8; 3], ink: [u8; 3], text: String, button: String) -> bool {
    let mut stop = false;
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(fill[0], fill[1], fill[2]))
        .inner_margin(egui::Margin::same(6))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(egui::Color32::from_rgb(ink[0], ink[1], ink[2]), text);
                stop = ui.button(button).clicked();
            });
        });
    stop
}
