//! Parsing a session-start request: the parameters of `/api/start_session` (and of the issue
//! `<form>` of the reference, which start_session.js posts as they are) into a checked
//! `StartRequest`, or a `StartError` that names the parameter and the rule.
//!
//! Pure and total: any list of pairs gives a request or an error, never a panic (proptest).

use super::session::Customer;
use super::start_error::StartError;
use std::collections::BTreeMap;

/// Customer name, company and company code: characters (the vendor's documented limit).
pub const MAX_CUSTOMER_FIELD_CHARS: usize = 100;
/// Customer details: bytes of UTF-8.
pub const MAX_DETAILS_BYTES: usize = 1024;
/// One custom field value (and the external key): characters.
pub const MAX_CUSTOM_VALUE_CHARS: usize = 1024;
/// All custom values together, with the external key: bytes, strictly under this.
pub const MAX_CUSTOM_TOTAL_BYTES: usize = 10 * 1024;
/// A skill code name.
pub const MAX_SKILL_CHARS: usize = 64;
/// Skills per request.
pub const MAX_SKILLS: usize = 32;

/// How the customer chose whom to reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selector {
    SessionKey(String),
    Rep { id: i64, name: String },
    IssueId(i64),
    IssueCode(String),
    General,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StartRequest {
    pub selector: Option<Selector>,
    /// `c2cjs=1`: answer the click-to-chat client. `None` when not given.
    pub c2cjs: Option<bool>,
    /// Beckon's explicit start type (`chat` or `full`), sent by start_session.js.
    pub start_type: Option<super::session::StartType>,
    pub customer: Customer,
    pub locale: Option<String>,
    pub chat_locale: Option<String>,
    pub external_key: Option<String>,
    /// `session.custom.*` other than `external_key`, unfiltered (the service drops fields an
    /// administrator has not configured).
    pub custom: BTreeMap<String, String>,
    pub skills: Vec<String>,
    pub popup: Option<bool>,
    pub download: bool,
    pub timezone_offset: Option<i64>,
}

impl StartRequest {
    pub fn selector(&self) -> &Selector {
        self.selector.as_ref().unwrap_or(&Selector::General)
    }
}

/// Parameters that may appear several times (values are merged).
const REPEATABLE: &[&str] = &["skills", "skills[]", "session.skills"];

/// Canonical names of the legacy aliases, so that an alias and its new name count as one.
fn canonical(name: &str) -> &str {
    match name {
        "customer_name" | "customerName" => "customer.name",
        "customer_company" | "companyName" => "customer.company",
        "customer_company_code" | "companyCode" => "customer.company_code",
        "customer_desc" | "details" => "customer.details",
        "external_key" | "externalKey" | "session.custom.external_key" => {
            "session.custom.external_key"
        }
        "skills[]" | "session.skills" => "skills",
        "codename" | "code_name" => "codeName",
        other => other,
    }
}

fn parse_int(field: &'static str, v: &str) -> Result<i64, StartError> {
    v.trim()
        .parse::<i64>()
        .map_err(|_| StartError::NotAnInteger {
            field: field.into(),
        })
}

fn parse_flag(field: &'static str, v: &str) -> Result<bool, StartError> {
    match v.trim() {
        "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" | "" => Ok(false),
        _ => Err(StartError::InvalidValue {
            field: field.into(),
        }),
    }
}

fn limit_chars(field: &str, v: &str, max: usize) -> Result<(), StartError> {
    if v.chars().count() > max {
        Err(StartError::TooLongChars {
            field: field.into(),
            max,
        })
    } else {
        Ok(())
    }
}

/// Splits comma lists, trims, drops empties and duplicates, keeps first-seen order.
pub fn merge_skills(into: &mut Vec<String>, value: &str) -> Result<(), StartError> {
    for part in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        limit_chars("skills", part, MAX_SKILL_CHARS)?;
        if !into.iter().any(|s| s.eq_ignore_ascii_case(part)) {
            into.push(part.to_string());
        }
    }
    if into.len() > MAX_SKILLS {
        return Err(StartError::InvalidValue {
            field: "skills".into(),
        });
    }
    Ok(())
}

/// The query string and, when the request is a form post, its body, as one list of pairs in
/// that order: what `parse` reads. Whether the body is a form is HTTP's to say.
///
/// Fails with the name of the first parameter that is not UTF-8 once decoded
/// (`super::form::strict_pairs`).
pub fn request_pairs(
    query: Option<&str>,
    form_body: Option<&[u8]>,
) -> Result<Vec<(String, String)>, String> {
    let mut pairs = super::form::strict_pairs(query.unwrap_or_default().as_bytes())?;
    if let Some(body) = form_body {
        pairs.extend(super::form::strict_pairs(body)?);
    }
    Ok(pairs)
}

/// Parses the pairs of a query string and/or form body.
pub fn parse(pairs: &[(String, String)]) -> Result<StartRequest, StartError> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut req = StartRequest::default();
    for (raw_name, value) in pairs {
        let name = canonical(raw_name.trim());
        if REPEATABLE.contains(&raw_name.as_str()) || name == "skills" {
            merge_skills(&mut req.skills, value)?;
            continue;
        }
        if let Some(previous) = seen.get(name) {
            // The same value twice (an alias and its new name, say) is harmless.
            if previous != value {
                return Err(StartError::DuplicateParameter {
                    field: name.to_string(),
                });
            }
            continue;
        }
        seen.insert(name.to_string(), value.clone());
    }

    let get = |k: &str| {
        seen.get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };

    let key = get("short_key");
    let issue_menu = get("issue_menu")
        .map(|v| parse_flag("issue_menu", &v))
        .transpose()?
        .unwrap_or(false);
    let code_name = get("codeName");
    let issue_mode = issue_menu || code_name.is_some();
    let id = get("id");
    let name = get("name");
    let rep_mode = !issue_mode && (id.is_some() || name.is_some());

    let selectors = [key.is_some(), issue_mode, rep_mode]
        .iter()
        .filter(|b| **b)
        .count()
        + usize::from(issue_mode && name.is_some());
    if selectors > 1 {
        return Err(StartError::MultipleSelectors);
    }
    req.selector = Some(if let Some(k) = key {
        Selector::SessionKey(k)
    } else if issue_mode {
        match (id, code_name) {
            (Some(_), Some(_)) => return Err(StartError::BothIssueIdentifiers),
            (Some(id), None) => Selector::IssueId(parse_int("id", &id)?),
            (None, Some(code)) => {
                limit_chars("codeName", &code, 64)?;
                Selector::IssueCode(code)
            }
            (None, None) => return Err(StartError::MissingIssueIdentifier),
        }
    } else if rep_mode {
        match (id, name) {
            (Some(id), Some(name)) => {
                let id = parse_int("id", &id)?;
                limit_chars("name", &name, MAX_CUSTOMER_FIELD_CHARS)?;
                Selector::Rep { id, name }
            }
            _ => return Err(StartError::RepNeedsIdAndName),
        }
    } else {
        Selector::General
    });

    req.c2cjs = get("c2cjs").map(|v| parse_flag("c2cjs", &v)).transpose()?;
    req.start_type = match get("start_type").as_deref() {
        None => None,
        Some("chat") => Some(super::session::StartType::Chat),
        Some("full") => Some(super::session::StartType::Full),
        Some(_) => {
            return Err(StartError::InvalidValue {
                field: "start_type".into(),
            })
        }
    };
    req.popup = get("popup").map(|v| parse_flag("popup", &v)).transpose()?;
    req.download = get("download")
        .map(|v| parse_flag("download", &v))
        .transpose()?
        .unwrap_or(false);
    req.timezone_offset = match get("timezone_offset") {
        None => None,
        Some(v) => {
            let n = parse_int("timezone_offset", &v)?;
            if !(-1440..=1440).contains(&n) {
                return Err(StartError::InvalidValue {
                    field: "timezone_offset".into(),
                });
            }
            Some(n)
        }
    };

    for (field, slot) in [
        ("customer.name", &mut req.customer.name),
        ("customer.company", &mut req.customer.company),
        ("customer.company_code", &mut req.customer.company_code),
    ] {
        if let Some(v) = get(field) {
            limit_chars(field, &v, MAX_CUSTOMER_FIELD_CHARS)?;
            *slot = v;
        }
    }
    if let Some(v) = get("customer.details") {
        if v.len() > MAX_DETAILS_BYTES {
            return Err(StartError::TooLongBytes {
                field: "customer.details".into(),
                max: MAX_DETAILS_BYTES,
            });
        }
        req.customer.details = v;
    }
    for field in ["locale", "chat_locale"] {
        if let Some(v) = get(field) {
            limit_chars(field, &v, 16)?;
        }
    }
    req.locale = get("locale");
    req.chat_locale = get("chat_locale");
    if let Some(v) = get("session.custom.external_key") {
        limit_chars("session.custom.external_key", &v, MAX_CUSTOM_VALUE_CHARS)?;
        req.external_key = Some(v);
    }
    for (name, value) in &seen {
        if let Some(code) = name.strip_prefix("session.custom.") {
            if code != "external_key" && !code.is_empty() {
                req.custom
                    .insert(code.to_string(), value.trim().to_string());
            }
        }
    }
    Ok(req)
}

/// Keeps the custom fields an administrator configured (others are ignored, as the reference
/// says of unneeded form inputs) and enforces the per-value and total limits on what is kept.
pub fn checked_custom_fields(
    custom: &BTreeMap<String, String>,
    external_key: Option<&str>,
    configured: &[String],
) -> Result<(BTreeMap<String, String>, Vec<String>), StartError> {
    let mut kept = BTreeMap::new();
    let mut ignored = Vec::new();
    let mut total = external_key.map_or(0, str::len);
    for (code, value) in custom {
        if !configured.iter().any(|c| c == code) {
            ignored.push(code.clone());
            continue;
        }
        let field = format!("session.custom.{code}");
        limit_chars(&field, value, MAX_CUSTOM_VALUE_CHARS)?;
        total += value.len();
        kept.insert(code.clone(), value.clone());
    }
    if total >= MAX_CUSTOM_TOTAL_BYTES {
        return Err(StartError::CustomTotalTooLarge {
            max: MAX_CUSTOM_TOTAL_BYTES,
        });
    }
    Ok((kept, ignored))
}

#[cfg(test)]
mod tests;
