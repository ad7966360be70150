//! Fonts: egui's built-in fonts cover Latin, Greek and Cyrillic but not Chinese, Japanese or
//! Korean. The window loads a CJK font the system already has (nothing is shipped or
//! downloaded) at start for the CJK locales, and later for any other locale as soon as the
//! conversation holds a character the current fonts cannot draw (a representative who writes
//! Chinese to a customer whose window is in English). When no font on the system has the
//! characters, the customer is told in their language; the text mode, whose terminal has its
//! own fonts, remains.
//!
//! What happened is written to stderr, one line each, for whoever runs the program from a
//! terminal (and for the window test, which reads them).

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

/// The window's fonts and what is known about what they can draw.
#[derive(Debug, Default)]
pub struct Glyphs {
    /// The CJK font in use, once loaded.
    cjk: Option<&'static str>,
    /// A load was attempted (found or not): it is not repeated every frame.
    tried: bool,
    /// A load happened since the last check: text is checked again on the next frame, when
    /// the new fonts are in effect.
    pending: bool,
    /// The customer was told that some text cannot be shown (told once).
    warned: bool,
    /// Some CJK text was checked and found drawable with the loaded font (logged once).
    confirmed: bool,
}

/// What the window should tell the customer after a check.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Fine,
    /// No font on this system draws some of the text.
    Unshowable,
}

impl Glyphs {
    /// At start: the CJK locales get their font before the first frame.
    pub fn for_locale(ctx: &egui::Context, locale: &str) -> Glyphs {
        let mut g = Glyphs::default();
        if needs_cjk(locale) {
            g.load(ctx);
        }
        g
    }

    fn load(&mut self, ctx: &egui::Context) {
        self.tried = true;
        self.pending = true;
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
            // Takes effect on the next frame; ask for one.
            ctx.set_fonts(fonts);
            ctx.request_repaint();
            self.cjk = Some(path);
            eprintln!("beckon-client: loaded the CJK font {path}");
            return;
        }
        eprintln!(
            "beckon-client: no CJK font found on this system (looked for: {})",
            CJK_FONTS.map(|(p, _)| p).join(", ")
        );
    }

    /// Checks texts new since the last call; loads the CJK font when they need one.
    pub fn check<'a>(
        &mut self,
        ctx: &egui::Context,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Outcome {
        let font = egui::FontId::proportional(14.0);
        let mut missing = None;
        let mut saw_cjk = false;
        ctx.fonts(|f| {
            for text in texts {
                saw_cjk |= text.chars().any(is_cjk);
                if missing.is_none() {
                    missing = text
                        .chars()
                        .find(|c| !c.is_control() && !c.is_whitespace() && !f.has_glyph(&font, *c));
                }
            }
        });
        self.pending = false;
        match missing {
            None => {
                if saw_cjk && !self.confirmed {
                    if let Some(path) = self.cjk {
                        self.confirmed = true;
                        eprintln!("beckon-client: CJK text shown with {path}");
                    }
                }
                Outcome::Fine
            }
            Some(_) if !self.tried => {
                self.load(ctx);
                Outcome::Fine
            }
            Some(c) => {
                if self.warned {
                    return Outcome::Fine;
                }
                self.warned = true;
                eprintln!(
                    "beckon-client: no font on this system shows {c:?} (U+{:04X})",
                    c as u32
                );
                Outcome::Unshowable
            }
        }
    }

    /// True while text must be checked again because fonts changed.
    pub fn recheck(&self) -> bool {
        self.pending
    }
}

/// The CJK blocks egui's built-in fonts lack (radicals through Hangul, compatibility forms,
/// full-width forms).
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_blocks_are_recognised_and_latin_is_not() {
        assert!("你好".chars().all(is_cjk));
        assert!("こんにちは".chars().all(is_cjk));
        assert!("안녕".chars().all(is_cjk));
        assert!(!"Hello, Grüße, Привет".chars().any(is_cjk));
    }

    #[test]
    fn only_the_cjk_locales_load_a_font_at_start() {
        assert!(needs_cjk("zh-hans") && needs_cjk("ja") && needs_cjk("zh"));
        assert!(!needs_cjk("en-us") && !needs_cjk("ru"));
    }
}
