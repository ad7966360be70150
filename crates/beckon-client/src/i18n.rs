//! The customer's language: Project Fluent catalogs in `locales/<code>.ftl`, embedded in the
//! executable (the client is one file the customer runs, with nothing beside it).
//!
//! Same format and codes as the server (`crates/beckon/src/i18n.rs`), so a translator sees one
//! kind of file. The locale comes from the ticket (the session's locale), else from the
//! system (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "locales/"]
struct Catalogs;

/// The reference's 16 locale codes (the server's own, not BCP 47).
pub const LOCALES: [&str; 16] = [
    "en-us", "de", "es", "es-sp", "fi", "fr", "it", "nl", "pt-br", "pt-pt", "sv-se", "tr", "ja",
    "zh-hans", "zh", "ru",
];
pub const DEFAULT_LOCALE: &str = "en-us";

/// A locale code of `LOCALES`, or `None` for one this client does not speak.
pub fn known(code: &str) -> Option<&'static str> {
    let code = code.trim().to_ascii_lowercase();
    LOCALES.iter().copied().find(|l| *l == code)
}

/// Maps a POSIX locale (`de_DE.UTF-8`, `pt_BR`, `zh_TW.Big5@x`) onto a locale code.
pub fn from_posix(value: &str) -> Option<&'static str> {
    let base = value.split(['.', '@']).next().unwrap_or_default();
    let lower = base.to_ascii_lowercase().replace('_', "-");
    if let Some(code) = known(&lower) {
        return Some(code);
    }
    let mut parts = lower.split('-');
    let lang = parts.next().unwrap_or_default();
    let region: Vec<&str> = parts.collect();
    let has = |r: &str| region.contains(&r);
    Some(match lang {
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
        "zh" if has("tw") || has("hk") || has("mo") || has("hant") => "zh",
        "zh" => "zh-hans",
        "ru" => "ru",
        _ => return None,
    })
}

/// The customer's locale: the ticket's claim, else the system's, else English.
pub fn choose(ticket_locale: Option<&str>, env: impl Fn(&str) -> Option<String>) -> &'static str {
    if let Some(code) = ticket_locale.and_then(known) {
        return code;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| env(k))
        .find(|v| !v.is_empty())
        .and_then(|v| from_posix(&v))
        .unwrap_or(DEFAULT_LOCALE)
}

/// Formats the messages of one locale, with English behind it for anything missing.
pub struct I18n {
    locale: &'static str,
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl I18n {
    /// Loads the locale's catalog and English. A catalog that does not parse is skipped (the
    /// unit tests make sure none does), so the customer still gets English, never a crash.
    pub fn new(locale: &str) -> I18n {
        let locale = known(locale).unwrap_or(DEFAULT_LOCALE);
        let mut bundles = Vec::new();
        let mut codes = vec![locale];
        if locale != DEFAULT_LOCALE {
            codes.push(DEFAULT_LOCALE);
        }
        for code in codes {
            if let Some(b) = bundle(code) {
                bundles.push(b);
            }
        }
        I18n { locale, bundles }
    }

    pub fn locale(&self) -> &'static str {
        self.locale
    }

    /// Formats message `id`; falls back to English, then to the id itself (never panics).
    pub fn t(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v.parse::<i64>() {
                Ok(n) => fargs.set(*k, FluentValue::from(n)),
                Err(_) => fargs.set(*k, FluentValue::from(*v)),
            }
        }
        for b in &self.bundles {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = vec![];
                return b
                    .format_pattern(pattern, Some(&fargs), &mut errors)
                    .into_owned();
            }
        }
        id.to_string()
    }

    /// A message without arguments.
    pub fn s(&self, id: &str) -> String {
        self.t(id, &[])
    }
}

fn bcp47(code: &str) -> &str {
    match code {
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

fn catalog_text(code: &str) -> Option<String> {
    Catalogs::get(&format!("{code}.ftl")).map(|f| String::from_utf8_lossy(&f.data).into_owned())
}

fn bundle(code: &str) -> Option<FluentBundle<FluentResource>> {
    let resource = FluentResource::try_new(catalog_text(code)?).ok()?;
    let lang = bcp47(code)
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut b = FluentBundle::new_concurrent(vec![lang]);
    // Terminal and window text, not mixed-direction markup: no Unicode isolation marks.
    b.set_use_isolating(false);
    b.add_resource(resource).ok()?;
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(code: &str) -> Vec<String> {
        catalog_text(code)
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.trim().to_string()))
            .collect()
    }

    #[test]
    fn every_locale_has_every_english_key_and_parses() {
        let english = ids(DEFAULT_LOCALE);
        assert!(english.len() > 30, "{}", english.len());
        for code in LOCALES {
            assert!(bundle(code).is_some(), "{code}.ftl is missing or broken");
            let have = ids(code);
            let missing: Vec<&String> = english.iter().filter(|id| !have.contains(id)).collect();
            assert!(missing.is_empty(), "{code} lacks {missing:?}");
            let extra: Vec<&String> = have.iter().filter(|id| !english.contains(id)).collect();
            assert!(extra.is_empty(), "{code} has unknown {extra:?}");
        }
    }

    #[test]
    fn translations_are_not_english_copies() {
        let en = I18n::new("en-us");
        for code in LOCALES.iter().filter(|c| **c != "en-us") {
            let other = I18n::new(code);
            for id in [
                "error-ticket-expired",
                "consent-question-title",
                "button-send",
            ] {
                assert_ne!(other.s(id), en.s(id), "{code} {id} is untranslated");
            }
        }
    }

    #[test]
    fn locale_falls_back_from_ticket_to_system_to_english() {
        let none = |_: &str| None;
        assert_eq!(choose(Some("de"), none), "de");
        assert_eq!(choose(Some("xx"), none), "en-us");
        let lang = |k: &str| (k == "LANG").then(|| "pt_BR.UTF-8".to_string());
        assert_eq!(choose(Some("bogus"), lang), "pt-br");
        assert_eq!(choose(None, lang), "pt-br");
        let all = |k: &str| match k {
            "LC_ALL" => Some(String::new()),
            "LANG" => Some("C".into()),
            _ => None,
        };
        assert_eq!(choose(None, all), "en-us");
        assert_eq!(from_posix("es_ES.UTF-8"), Some("es-sp"));
        assert_eq!(from_posix("es_MX"), Some("es"));
        assert_eq!(from_posix("zh_TW.Big5"), Some("zh"));
        assert_eq!(from_posix("zh_CN.UTF-8"), Some("zh-hans"));
        assert_eq!(from_posix("sv_SE"), Some("sv-se"));
        assert_eq!(from_posix("ja_JP.UTF-8@x"), Some("ja"));
        assert_eq!(from_posix("POSIX"), None);
    }

    #[test]
    fn formats_arguments_and_never_panics_on_unknown_ids() {
        let de = I18n::new("de");
        let text = de.t("status-queue", &[("position", "3")]);
        assert!(text.contains('3'), "{text}");
        assert_eq!(de.s("no-such-message"), "no-such-message");
        assert_eq!(I18n::new("xx").locale(), "en-us");
    }
}
