//! The 16 customer languages of the reference, and how a request's language is chosen.
//!
//! Locale codes are the reference's own (`en-us`, `es-sp`, `zh-hans`, ...), not BCP 47, so a
//! browser's `Accept-Language` is mapped onto them here and nowhere else.

use serde::{Deserialize, Serialize};

/// One language the reference lists, with its name in that language (what a picker shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LocaleInfo {
    pub code: &'static str,
    pub english_name: &'static str,
    pub native_name: &'static str,
}

/// The languages of the reference, in the reference's order. English is first and is the
/// default of a fresh install.
pub const LOCALES: [LocaleInfo; 16] = [
    LocaleInfo {
        code: "en-us",
        english_name: "English",
        native_name: "English",
    },
    LocaleInfo {
        code: "de",
        english_name: "German",
        native_name: "Deutsch",
    },
    LocaleInfo {
        code: "es",
        english_name: "Latin American Spanish",
        native_name: "Español (Latinoamérica)",
    },
    LocaleInfo {
        code: "es-sp",
        english_name: "EU Spanish",
        native_name: "Español (España)",
    },
    LocaleInfo {
        code: "fi",
        english_name: "Finnish",
        native_name: "Suomi",
    },
    LocaleInfo {
        code: "fr",
        english_name: "EU French",
        native_name: "Français",
    },
    LocaleInfo {
        code: "it",
        english_name: "Italian",
        native_name: "Italiano",
    },
    LocaleInfo {
        code: "nl",
        english_name: "Dutch",
        native_name: "Nederlands",
    },
    LocaleInfo {
        code: "pt-br",
        english_name: "Brazilian Portuguese",
        native_name: "Português (Brasil)",
    },
    LocaleInfo {
        code: "pt-pt",
        english_name: "EU Portuguese",
        native_name: "Português (Portugal)",
    },
    LocaleInfo {
        code: "sv-se",
        english_name: "Swedish",
        native_name: "Svenska",
    },
    LocaleInfo {
        code: "tr",
        english_name: "Turkish",
        native_name: "Türkçe",
    },
    LocaleInfo {
        code: "ja",
        english_name: "Japanese",
        native_name: "日本語",
    },
    LocaleInfo {
        code: "zh-hans",
        english_name: "Simplified Chinese",
        native_name: "简体中文",
    },
    LocaleInfo {
        code: "zh",
        english_name: "Traditional Chinese",
        native_name: "繁體中文",
    },
    LocaleInfo {
        code: "ru",
        english_name: "Russian",
        native_name: "Русский",
    },
];

/// The fallback when nothing else is known.
pub const DEFAULT_LOCALE: &str = "en-us";

/// A locale code of the reference, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Locale(&'static str);

impl Locale {
    /// Parses a reference locale code, tolerating case and `_` for `-` (`EN_US`, `pt_BR`).
    pub fn parse(code: &str) -> Option<Locale> {
        let normal = code.trim().to_ascii_lowercase().replace('_', "-");
        LOCALES
            .iter()
            .find(|l| l.code == normal)
            .map(|l| Locale(l.code))
    }

    pub fn code(self) -> &'static str {
        self.0
    }

    pub fn info(self) -> &'static LocaleInfo {
        LOCALES
            .iter()
            .find(|l| l.code == self.0)
            .expect("Locale holds only listed codes")
    }

    /// The BCP 47 tag browsers and formatters understand (`es-sp` is `es-ES`).
    pub fn bcp47(self) -> &'static str {
        match self.0 {
            "en-us" => "en-US",
            "es" => "es-419",
            "es-sp" => "es-ES",
            "pt-br" => "pt-BR",
            "pt-pt" => "pt-PT",
            "sv-se" => "sv-SE",
            "zh-hans" => "zh-Hans",
            "zh" => "zh-Hant",
            other => other,
        }
    }

    pub fn default_locale() -> Locale {
        Locale(DEFAULT_LOCALE)
    }

    pub fn all() -> impl Iterator<Item = Locale> {
        LOCALES.iter().map(|l| Locale(l.code))
    }

    /// Maps one BCP 47 language tag from a browser onto the closest reference locale.
    pub fn from_bcp47(tag: &str) -> Option<Locale> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        let lang = parts.next().unwrap_or_default();
        let rest: Vec<&str> = parts.collect();
        let has = |s: &str| rest.contains(&s);
        let code = match lang {
            "en" => "en-us",
            "de" => "de",
            "es" if has("es") => "es-sp",
            "es" => "es",
            "fi" => "fi",
            "fr" => "fr",
            "it" => "it",
            "nl" => "nl",
            "pt" if has("br") => "pt-br",
            "pt" => "pt-pt",
            "sv" => "sv-se",
            "tr" => "tr",
            "ja" => "ja",
            "zh" if has("hant") || has("tw") || has("hk") || has("mo") => "zh",
            "zh" => "zh-hans",
            "ru" => "ru",
            _ => return None,
        };
        Locale::parse(code)
    }

    /// Picks the best enabled locale from an `Accept-Language` header, honouring q-values.
    pub fn negotiate(accept_language: &str, enabled: &[Locale]) -> Option<Locale> {
        let mut ranges: Vec<(f32, usize, &str)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut bits = part.split(';');
                let tag = bits.next()?.trim();
                let q = bits
                    .find_map(|b| b.trim().strip_prefix("q=").map(|q| q.parse::<f32>().ok()))
                    .unwrap_or(Some(1.0))?;
                (q > 0.0 && !tag.is_empty() && tag != "*").then_some((q, i, tag))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranges
            .into_iter()
            .filter_map(|(_, _, tag)| Locale::from_bcp47(tag))
            .find(|l| enabled.contains(l))
    }
}

impl TryFrom<String> for Locale {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Locale::parse(&s).ok_or_else(|| format!("unknown locale `{s}`"))
    }
}

impl From<Locale> for String {
    fn from(l: Locale) -> String {
        l.0.to_string()
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_reference_codes_leniently() {
        assert_eq!(Locale::parse("en-us").unwrap().code(), "en-us");
        assert_eq!(Locale::parse("PT_BR").unwrap().code(), "pt-br");
        assert!(Locale::parse("xx").is_none());
        assert_eq!(Locale::all().count(), 16);
    }

    #[test]
    fn maps_browser_tags() {
        let cases = [
            ("en-GB", "en-us"),
            ("es-ES", "es-sp"),
            ("es-MX", "es"),
            ("pt-BR", "pt-br"),
            ("pt", "pt-pt"),
            ("zh-TW", "zh"),
            ("zh-Hant-HK", "zh"),
            ("zh-CN", "zh-hans"),
            ("sv", "sv-se"),
        ];
        for (tag, code) in cases {
            assert_eq!(Locale::from_bcp47(tag).unwrap().code(), code, "{tag}");
        }
        assert!(Locale::from_bcp47("ko").is_none());
    }

    #[test]
    fn negotiation_honours_quality_and_enabled() {
        let all: Vec<Locale> = Locale::all().collect();
        let de = Locale::parse("de").unwrap();
        assert_eq!(Locale::negotiate("ko, de;q=0.8, en;q=0.5", &all), Some(de));
        assert_eq!(Locale::negotiate("en;q=0.2, de;q=0.9", &all), Some(de));
        let only_en = [Locale::default_locale()];
        assert_eq!(
            Locale::negotiate("de, en;q=0.1", &only_en),
            Some(Locale::default_locale())
        );
        assert_eq!(Locale::negotiate("de", &only_en), None);
        assert_eq!(Locale::negotiate("", &all), None);
    }
}
