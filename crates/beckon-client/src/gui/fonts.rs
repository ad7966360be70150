//! Fonts: egui's built-in fonts cover Latin, Greek and Cyrillic but not Chinese or Japanese.
//! For the CJK locales the window loads a CJK font the system already has (nothing is
//! shipped or downloaded); without one, those characters show as boxes and the customer can
//! still use the text mode, whose terminal has its own fonts.

use eframe::egui;
use std::sync::Arc;

/// Where common systems keep a CJK font, most common first: (path, index in a collection).
const CJK_FONTS: [(&str, u32); 9] = [
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 0),
    (
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        0,
    ),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    (
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        0,
    ),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("/System/Library/Fonts/Hiragino Sans GB.ttc", 0),
    ("C:\\Windows\\Fonts\\msyh.ttc", 0),
    ("C:\\Windows\\Fonts\\YuGothM.ttc", 0),
];

pub fn needs_cjk(locale: &str) -> bool {
    matches!(locale, "ja" | "zh" | "zh-hans")
}

/// Adds the first CJK font found as a fallback of both families; `false` when none exists.
pub fn install(ctx: &egui::Context, locale: &str) -> bool {
    if !needs_cjk(locale) {
        return true;
    }
    for (path, index) in CJK_FONTS {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let mut fonts = egui::FontDefinitions::default();
        let mut data = egui::FontData::from_owned(bytes);
        data.index = index;
        fonts.font_data.insert("cjk".into(), Arc::new(data));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push("cjk".into());
        }
        ctx.set_fonts(fonts);
        return true;
    }
    false
}
