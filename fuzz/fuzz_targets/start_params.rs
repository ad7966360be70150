//! The `/api/start_session` parameter parser as the handler runs it: the query string and a
//! form body decoded by `start_request::request_pairs`, then `start_request::parse`. Both are
//! reachable by anyone on the internet, before any sign-in.
#![no_main]

use beckon::domain::start_request::{
    self, Selector, StartRequest, MAX_CUSTOMER_FIELD_CHARS, MAX_DETAILS_BYTES, MAX_SKILLS,
    MAX_SKILL_CHARS,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Up to the first NUL is the query string (a URI's query is text), the rest a form body.
    let (query, body) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let query = String::from_utf8_lossy(query);
    // Bytes that are not UTF-8 once decoded are refused with the parameter's name.
    let Ok(pairs) = start_request::request_pairs(Some(&query), body) else {
        return;
    };
    let req = match start_request::parse(&pairs) {
        Ok(r) => r,
        Err(e) => {
            // Every error names a code and a status the API documents.
            assert!(!e.code().is_empty());
            assert!((400..500).contains(&e.status()), "{e:?}");
            let _ = (e.field(), e.message(), e.to_string());
            return;
        }
    };
    check_limits(&req);
    // The parsed request, spelled back as parameters, parses to itself: nothing the parser
    // keeps depends on a spelling it then loses.
    let again = start_request::parse(&to_pairs(&req)).expect("a parsed request re-parses");
    assert_eq!(again, req);
});

fn check_limits(r: &StartRequest) {
    for v in [
        &r.customer.name,
        &r.customer.company,
        &r.customer.company_code,
    ] {
        assert!(v.chars().count() <= MAX_CUSTOMER_FIELD_CHARS);
    }
    assert!(r.customer.details.len() <= MAX_DETAILS_BYTES);
    assert!(r.skills.len() <= MAX_SKILLS);
    for (i, s) in r.skills.iter().enumerate() {
        assert!(!s.is_empty() && s.chars().count() <= MAX_SKILL_CHARS);
        assert!(!s.contains(','));
        assert!(!r.skills[..i].iter().any(|o| o.eq_ignore_ascii_case(s)));
    }
    if let Some(t) = r.timezone_offset {
        assert!((-1440..=1440).contains(&t));
    }
    if let Some(Selector::IssueCode(c)) = &r.selector {
        assert!(!c.is_empty() && c.chars().count() <= 64);
    }
}

/// The request as a page would send it, with the current (non-legacy) names.
fn to_pairs(r: &StartRequest) -> Vec<(String, String)> {
    let mut p: Vec<(String, String)> = Vec::new();
    let mut put = |k: &str, v: &str| p.push((k.to_string(), v.to_string()));
    let flag = |b: bool| if b { "1" } else { "0" };
    match r.selector() {
        Selector::SessionKey(k) => put("short_key", k),
        Selector::Rep { id, name } => {
            put("id", &id.to_string());
            put("name", name);
        }
        Selector::IssueId(id) => {
            put("issue_menu", "1");
            put("id", &id.to_string());
        }
        Selector::IssueCode(c) => put("codeName", c),
        Selector::General => {}
    }
    if let Some(c) = r.c2cjs {
        put("c2cjs", flag(c));
    }
    if let Some(t) = r.start_type {
        put("start_type", t.as_str());
    }
    if let Some(b) = r.popup {
        put("popup", flag(b));
    }
    if r.download {
        put("download", "1");
    }
    if let Some(t) = r.timezone_offset {
        put("timezone_offset", &t.to_string());
    }
    for (k, v) in [
        ("customer.name", &r.customer.name),
        ("customer.company", &r.customer.company),
        ("customer.company_code", &r.customer.company_code),
        ("customer.details", &r.customer.details),
    ] {
        if !v.is_empty() {
            put(k, v);
        }
    }
    if let Some(l) = &r.locale {
        put("locale", l);
    }
    if let Some(l) = &r.chat_locale {
        put("chat_locale", l);
    }
    if let Some(k) = &r.external_key {
        put("session.custom.external_key", k);
    }
    for (code, v) in &r.custom {
        put(&format!("session.custom.{code}"), v);
    }
    if !r.skills.is_empty() {
        put("skills", &r.skills.join(","));
    }
    p
}
