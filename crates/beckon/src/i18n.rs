//! Customer-facing text in the 16 languages of the reference, from Project Fluent catalogs in
//! `locales/<code>.ftl`.
//!
//! Fluent was chosen because it is the Rust ecosystem's maintained message format (Mozilla's),
//! handles plurals and variables per language, and its files are plain text translators can
//! edit. The server formats with `fluent-bundle`; the browser receives the `bg-*` messages as
//! JSON patterns (see `browser_messages`) so that both read one catalog.

use crate::domain::locale::Locale;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::RustEmbed;
use std::collections::{BTreeMap, HashMap};

#[derive(RustEmbed)]
#[folder = "locales/"]
struct Catalogs;

pub struct I18n {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
    /// Raw patterns of `bg-*` messages per locale, for the browser.
    browser: HashMap<&'static str, BTreeMap<String, String>>,
}

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("catalog {0}.ftl is missing")]
    Missing(&'static str),
    #[error("catalog {locale}.ftl does not parse: {detail}")]
    Parse {
        locale: &'static str,
        detail: String,
    },
}

impl I18n {
    /// Loads every catalog; a missing or broken one is an error at start, not at first use.
    pub fn load() -> Result<I18n, I18nError> {
        let mut bundles = HashMap::new();
        let mut browser = HashMap::new();
        for locale in Locale::all() {
            let code = locale.code();
            let file = Catalogs::get(&format!("{code}.ftl")).ok_or(I18nError::Missing(code))?;
            let text = String::from_utf8_lossy(&file.data).into_owned();
            browser.insert(code, browser_patterns(&text));
            let resource = FluentResource::try_new(text).map_err(|(_, errs)| I18nError::Parse {
                locale: code,
                detail: format!("{errs:?}"),
            })?;
            let lang = locale
                .bcp47()
                .parse()
                .unwrap_or_else(|_| "en-US".parse().expect("en-US parses"));
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            // No Unicode isolation marks: output goes into HTML and JSON, not mixed-direction UI.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errs| I18nError::Parse {
                    locale: code,
                    detail: format!("{errs:?}"),
                })?;
            bundles.insert(code, bundle);
        }
        Ok(I18n { bundles, browser })
    }

    /// Formats a message, falling back to English, then to the id itself (never panics).
    pub fn text(&self, locale: Locale, id: &str, args: &[(&str, String)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v.parse::<i64>() {
                Ok(n) => fargs.set(*k, FluentValue::from(n)),
                Err(_) => fargs.set(*k, FluentValue::from(v.as_str())),
            }
        }
        for code in [locale.code(), crate::domain::locale::DEFAULT_LOCALE] {
            let Some(bundle) = self.bundles.get(code) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = vec![];
                let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
                return out.into_owned();
            }
        }
        id.to_string()
    }

    /// The message ids of a locale's catalog.
    pub fn ids(&self, locale: Locale) -> Vec<String> {
        let mut ids: Vec<String> = Catalogs::get(&format!("{}.ftl", locale.code()))
            .map(|f| message_ids(&String::from_utf8_lossy(&f.data)))
            .unwrap_or_default();
        ids.sort();
        ids
    }

    /// The `bg-*` messages of a locale as raw patterns with `{ $var }` placeholders.
    pub fn browser_messages(&self, locale: Locale) -> &BTreeMap<String, String> {
        self.browser
            .get(locale.code())
            .or_else(|| self.browser.get(crate::domain::locale::DEFAULT_LOCALE))
            .expect("the English catalog is always loaded")
    }
}

fn message_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
        .filter_map(|l| l.split_once(" = ").map(|(id, _)| id.trim().to_string()))
        .collect()
}

fn browser_patterns(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|l| l.split_once(" = "))
        .filter(|(id, _)| id.starts_with("bg-"))
        .map(|(id, v)| (id.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_every_english_key() {
        let i18n = I18n::load().expect("all catalogs load");
        let english = i18n.ids(Locale::default_locale());
        assert!(english.len() > 20);
        for locale in Locale::all() {
            let ids = i18n.ids(locale);
            let missing: Vec<&String> = english.iter().filter(|id| !ids.contains(id)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", locale.code());
        }
    }

    #[test]
    fn formats_with_arguments_and_falls_back() {
        let i18n = I18n::load().unwrap();
        let en = Locale::default_locale();
        let text = i18n.text(
            en,
            "error-too-long-chars",
            &[("field", "customer.name".into()), ("max", "100".into())],
        );
        assert!(
            text.contains("customer.name") && text.contains("100"),
            "{text}"
        );
        assert_eq!(i18n.text(en, "no-such-message", &[]), "no-such-message");
        let de = Locale::parse("de").unwrap();
        assert_ne!(
            i18n.text(de, "error-unknown-key", &[]),
            i18n.text(en, "error-unknown-key", &[])
        );
        assert!(i18n.browser_messages(de).contains_key("bg-dialog-title"));
    }
}
