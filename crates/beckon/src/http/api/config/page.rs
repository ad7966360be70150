//! Pagination of list answers: the `per_page` and `current_page` query parameters and the
//! vendor's `X-BT-Pagination-*` headers.

use super::error::{err, ApiResult};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
pub struct Page {
    per_page: Option<String>,
    current_page: Option<String>,
}

pub(super) fn paginate(items: Vec<Value>, page: &Page) -> ApiResult {
    let parse = |v: &Option<String>, name: &str, default: i64| -> Result<i64, Response> {
        match v {
            None => Ok(default),
            Some(s) => s.parse::<i64>().map_err(|_| {
                err(
                    StatusCode::BAD_REQUEST,
                    "invalid",
                    format!("{name} must be an integer"),
                    Some(name),
                )
            }),
        }
    };
    let per_page = parse(&page.per_page, "per_page", 100)?;
    if !(1..=100).contains(&per_page) {
        return Err(err(
            StatusCode::BAD_REQUEST,
            "invalid",
            "per_page must be between 1 and 100",
            Some("per_page"),
        ));
    }
    let current = parse(&page.current_page, "current_page", 1)?;
    if current < 1 {
        return Err(err(
            StatusCode::BAD_REQUEST,
            "invalid",
            "current_page starts at 1",
            Some("current_page"),
        ));
    }
    let total = items.len() as i64;
    let last = ((total + per_page - 1) / per_page).max(1);
    let slice: Vec<Value> = items
        .into_iter()
        .skip(((current - 1) * per_page) as usize)
        .take(per_page as usize)
        .collect();
    let mut r = Json(Value::Array(slice)).into_response();
    for (name, value) in [
        ("x-bt-pagination-current-page", current),
        ("x-bt-pagination-per-page", per_page),
        ("x-bt-pagination-last-page", last),
        ("x-bt-pagination-total", total),
    ] {
        r.headers_mut()
            .insert(HeaderName::from_static(name), HeaderValue::from(value));
    }
    Ok(r)
}
