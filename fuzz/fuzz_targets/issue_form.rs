//! The issue form serialization rules: an issue `<form>` of the reference (codeName or
//! issue_menu+id, `skills` comma lists in one or more inputs, `customer.*` and their legacy
//! names, `session.custom.*`) posted as a browser encodes it, read by the production path:
//! `start_request::request_pairs`, `start_request::parse`, then
//! `start_request::checked_custom_fields` against the fields an administrator configured.
//! The input is structured (arbitrary) so that the fuzzer spends its time on forms, and the
//! result is checked against a plain model of the documented rules.
#![no_main]

use arbitrary::Arbitrary;
use beckon::domain::start_request::{
    self, Selector, MAX_CUSTOM_TOTAL_BYTES, MAX_CUSTOM_VALUE_CHARS, MAX_SKILLS, MAX_SKILL_CHARS,
};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;

#[derive(Arbitrary, Debug)]
enum Issue {
    CodeName(String),
    Menu { id: String },
    MenuWithCode { id: String, code: String },
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum CustomerField {
    Name,
    NameLegacy,
    Company,
    CompanyLegacy,
    CompanyCode,
    CompanyCodeLegacy,
    Details,
    DetailsLegacy,
}

impl CustomerField {
    fn input_name(self) -> &'static str {
        match self {
            CustomerField::Name => "customer.name",
            CustomerField::NameLegacy => "customer_name",
            CustomerField::Company => "customer.company",
            CustomerField::CompanyLegacy => "companyName",
            CustomerField::CompanyCode => "customer.company_code",
            CustomerField::CompanyCodeLegacy => "companyCode",
            CustomerField::Details => "customer.details",
            CustomerField::DetailsLegacy => "details",
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Form {
    issue: Issue,
    /// Each is one `<input name="skills">`, itself a comma list.
    skills: Vec<String>,
    customer: Vec<(CustomerField, String)>,
    external_key: Option<String>,
    /// `session.custom.<code>` inputs.
    custom: Vec<(String, String)>,
    /// The custom fields the site has configured.
    configured: Vec<String>,
}

fuzz_target!(|form: Form| {
    // A browser posts the inputs in document order, form-urlencoded.
    let mut body = form_urlencoded::Serializer::new(String::new());
    match &form.issue {
        Issue::CodeName(c) => {
            body.append_pair("codeName", c);
        }
        Issue::Menu { id } => {
            body.append_pair("issue_menu", "1").append_pair("id", id);
        }
        Issue::MenuWithCode { id, code } => {
            body.append_pair("issue_menu", "1")
                .append_pair("id", id)
                .append_pair("codeName", code);
        }
    }
    for s in &form.skills {
        body.append_pair("skills", s);
    }
    for (f, v) in &form.customer {
        body.append_pair(f.input_name(), v);
    }
    if let Some(k) = &form.external_key {
        body.append_pair("session.custom.external_key", k);
    }
    for (code, v) in &form.custom {
        body.append_pair(&format!("session.custom.{code}"), v);
    }
    let body = body.finish();
    let pairs = start_request::request_pairs(None, Some(body.as_bytes()))
        .expect("a form the browser encoded from text decodes as UTF-8");

    let req = match start_request::parse(&pairs) {
        Ok(r) => r,
        Err(e) => {
            assert!((400..500).contains(&e.status()), "{e:?}");
            return;
        }
    };

    // The issue is chosen as the form says (both an id and a code name is an error).
    match (&form.issue, req.selector()) {
        (Issue::CodeName(c), Selector::IssueCode(got)) => assert_eq!(got, c.trim()),
        (Issue::Menu { id }, Selector::IssueId(got)) => {
            assert_eq!(Ok(*got), id.trim().parse::<i64>())
        }
        // A blank code name or id is no identifier; the form then needs the other.
        (Issue::MenuWithCode { id, code }, Selector::IssueId(_)) => {
            assert!(code.trim().is_empty() && !id.trim().is_empty())
        }
        (Issue::MenuWithCode { id, code }, Selector::IssueCode(_)) => {
            assert!(id.trim().is_empty() && !code.trim().is_empty())
        }
        (Issue::CodeName(c), sel) => {
            assert!(c.trim().is_empty(), "{sel:?}")
        }
        (issue, sel) => panic!("{issue:?} read as {sel:?}"),
    }

    // Skills: every comma list split and trimmed, empties dropped, the first spelling of
    // each (ignoring ASCII case) kept, in order.
    let mut model: Vec<String> = Vec::new();
    for part in form.skills.iter().flat_map(|s| s.split(',')).map(str::trim) {
        if !part.is_empty() && !model.iter().any(|m| m.eq_ignore_ascii_case(part)) {
            model.push(part.to_string());
        }
    }
    assert_eq!(req.skills, model);
    assert!(req.skills.len() <= MAX_SKILLS);
    assert!(req
        .skills
        .iter()
        .all(|s| s.chars().count() <= MAX_SKILL_CHARS));

    // Customer fields: a legacy name and its new one are one field, its value trimmed.
    for (f, v) in &form.customer {
        let got = match f {
            CustomerField::Name | CustomerField::NameLegacy => &req.customer.name,
            CustomerField::Company | CustomerField::CompanyLegacy => &req.customer.company,
            CustomerField::CompanyCode | CustomerField::CompanyCodeLegacy => {
                &req.customer.company_code
            }
            CustomerField::Details | CustomerField::DetailsLegacy => &req.customer.details,
        };
        assert_eq!(got, v.trim());
    }

    // Custom fields: keyed by the code after `session.custom.`, values trimmed.
    let mut custom = BTreeMap::new();
    for (code, v) in &form.custom {
        let name = format!("session.custom.{code}");
        let code = name
            .trim()
            .strip_prefix("session.custom.")
            .unwrap_or_default();
        if !code.is_empty() && code != "external_key" {
            custom.insert(code.to_string(), v.trim().to_string());
        }
    }
    assert_eq!(req.custom, custom);

    // Only configured fields are kept, each and all within their limits.
    match start_request::checked_custom_fields(
        &req.custom,
        req.external_key.as_deref(),
        &form.configured,
    ) {
        Ok((kept, ignored)) => {
            let mut total = req.external_key.as_deref().map_or(0, str::len);
            for (code, v) in &kept {
                assert!(form.configured.contains(code));
                assert_eq!(req.custom.get(code), Some(v));
                assert!(v.chars().count() <= MAX_CUSTOM_VALUE_CHARS);
                total += v.len();
            }
            assert!(total < MAX_CUSTOM_TOTAL_BYTES);
            for code in &ignored {
                assert!(!form.configured.contains(code) && req.custom.contains_key(code));
            }
            assert_eq!(kept.len() + ignored.len(), req.custom.len());
        }
        Err(e) => assert_eq!(e.status(), 400, "{e:?}"),
    }
});
