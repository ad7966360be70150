//! Which languages are enabled, and which one is the default.

use crate::domain::admin::{audit, invalid, AdminResult};
use crate::domain::locale::Locale;
use crate::store::Store;

/// Enables or disables a language; the default language cannot be disabled.
pub async fn set_language(
    store: &dyn Store,
    actor: &str,
    locale: Locale,
    enabled: bool,
) -> AdminResult<()> {
    let langs = store.languages().await?;
    let before = langs.iter().find(|l| l.locale == locale).cloned();
    if !enabled && before.as_ref().is_some_and(|l| l.is_default) {
        return Err(invalid(
            "enabled",
            format!(
                "{} is the default language; choose another default first",
                locale.info().english_name
            ),
        ));
    }
    store.set_language(locale, enabled).await?;
    audit(
        store,
        actor,
        "language.set",
        format!("language:{locale}"),
        before.as_ref(),
        Some(&enabled),
    )
    .await
}

/// Makes a language the default (enabling it).
pub async fn set_default_language(
    store: &dyn Store,
    actor: &str,
    locale: Locale,
) -> AdminResult<()> {
    let before = store
        .languages()
        .await?
        .into_iter()
        .find(|l| l.is_default)
        .map(|l| l.locale);
    store.set_default_language(locale).await?;
    audit(
        store,
        actor,
        "language.default",
        format!("language:{locale}"),
        before.as_ref(),
        Some(&locale),
    )
    .await
}
