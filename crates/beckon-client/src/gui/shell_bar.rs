//! The bar that says the command shell runs, with its Stop button. The shell gives the
//! representative this account: it must be impossible to miss, and one click from stopping.

use crate::i18n::I18n;
use eframe::egui;

/// Draws the bar; `true` when the customer pressed Stop.
pub fn show(ui: &mut egui::Ui, t: &I18n, pid: u32) -> bool {
    let mut stop = false;
    egui::Frame::new()
        .fill(egui::Color32::from_rgb(0xfd, 0xec, 0xc8))
        .inner_margin(egui::Margin::same(6))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(
                    egui::Color32::from_rgb(0x7a, 0x3e, 0x00),
                    t.t("label-shell", &[("pid", &pid.to_string())]),
                );
                stop = ui.button(t.s("button-stop-shell")).clicked();
            });
        });
    stop
}
