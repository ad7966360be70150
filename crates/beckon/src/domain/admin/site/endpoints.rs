//! Outbound event endpoints: where events are posted, which events, and the signing secret.

use crate::domain::admin::{audit, invalid, AdminError, AdminResult};
use crate::domain::endpoint::{EventEndpoint, EVENT_NAMES};
use crate::store::Store;

fn check_endpoint(url: &str, events: &[String]) -> AdminResult<(String, Vec<String>)> {
    let url = url.trim();
    let parsed =
        url::Url::parse(url).map_err(|_| invalid("url", "an http:// or https:// address"))?;
    if !matches!(parsed.scheme(), "http" | "https")
        || parsed.host_str().is_none()
        || url.len() > 2000
    {
        return Err(invalid("url", "an http:// or https:// address"));
    }
    let mut chosen = Vec::new();
    for e in events {
        if !EVENT_NAMES.contains(&e.as_str()) {
            return Err(invalid("events", format!("unknown event `{e}`")));
        }
        if !chosen.contains(e) {
            chosen.push(e.clone());
        }
    }
    if chosen.is_empty() {
        return Err(invalid("events", "choose at least one event"));
    }
    Ok((url.to_string(), chosen))
}

fn check_secret(secret: &str) -> AdminResult<()> {
    if secret.len() < 16 || secret.len() > 256 {
        return Err(invalid("secret", "16 to 256 characters"));
    }
    Ok(())
}

pub async fn create_endpoint(
    store: &dyn Store,
    actor: &str,
    url: &str,
    events: &[String],
    secret: &str,
) -> AdminResult<EventEndpoint> {
    let (url, events) = check_endpoint(url, events)?;
    check_secret(secret)?;
    let ep = store.create_endpoint(&url, &events, secret).await?;
    audit(
        store,
        actor,
        "endpoint.create",
        format!("endpoint:{}", ep.id),
        None::<&()>,
        Some(&ep),
    )
    .await?;
    Ok(ep)
}

pub async fn update_endpoint(
    store: &dyn Store,
    actor: &str,
    id: i64,
    url: &str,
    events: &[String],
    enabled: bool,
    new_secret: Option<&str>,
) -> AdminResult<()> {
    let before = store
        .list_endpoints()
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(AdminError::NotFound("endpoint"))?;
    let (url, events) = check_endpoint(url, events)?;
    if let Some(s) = new_secret {
        check_secret(s)?;
    }
    store
        .update_endpoint(id, &url, &events, enabled, new_secret)
        .await?;
    let after = store
        .list_endpoints()
        .await?
        .into_iter()
        .find(|e| e.id == id);
    audit(
        store,
        actor,
        "endpoint.update",
        format!("endpoint:{id}"),
        Some(&before),
        after.as_ref(),
    )
    .await
}

pub async fn delete_endpoint(store: &dyn Store, actor: &str, id: i64) -> AdminResult<()> {
    let before = store
        .list_endpoints()
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(AdminError::NotFound("endpoint"))?;
    store.delete_endpoint(id).await?;
    audit(
        store,
        actor,
        "endpoint.delete",
        format!("endpoint:{id}"),
        Some(&before),
        None::<&()>,
    )
    .await
}
