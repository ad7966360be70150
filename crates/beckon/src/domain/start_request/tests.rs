//! Tests of the start-request parser: the selectors and their conflicts, the reference issue
//! form as it is posted, legacy aliases, limits, flags, and a proptest that `parse` never panics.

use super::*;
use proptest::prelude::*;

fn p(pairs: &[(&str, &str)]) -> Result<StartRequest, StartError> {
    let owned: Vec<(String, String)> = pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    parse(&owned)
}

#[test]
fn selectors() {
    assert_eq!(
        p(&[("short_key", "1728331")]).unwrap().selector(),
        &Selector::SessionKey("1728331".into())
    );
    assert_eq!(
        p(&[("id", "12"), ("name", "John")]).unwrap().selector(),
        &Selector::Rep {
            id: 12,
            name: "John".into()
        }
    );
    assert_eq!(
        p(&[("issue_menu", "1"), ("id", "12")]).unwrap().selector(),
        &Selector::IssueId(12)
    );
    assert_eq!(
        p(&[("codeName", "Other")]).unwrap().selector(),
        &Selector::IssueCode("Other".into())
    );
    assert_eq!(p(&[]).unwrap().selector(), &Selector::General);
}

#[test]
fn selector_errors() {
    assert_eq!(
        p(&[("short_key", "1"), ("id", "1"), ("name", "x")]),
        Err(StartError::MultipleSelectors)
    );
    assert_eq!(
        p(&[("short_key", "1"), ("codeName", "x")]),
        Err(StartError::MultipleSelectors)
    );
    assert_eq!(
        p(&[("issue_menu", "1"), ("id", "1"), ("codeName", "x")]),
        Err(StartError::BothIssueIdentifiers)
    );
    assert_eq!(
        p(&[("issue_menu", "1")]),
        Err(StartError::MissingIssueIdentifier)
    );
    assert_eq!(p(&[("id", "12")]), Err(StartError::RepNeedsIdAndName));
    assert_eq!(p(&[("name", "John")]), Err(StartError::RepNeedsIdAndName));
    assert_eq!(
        p(&[("id", "1.5"), ("name", "x")]),
        Err(StartError::NotAnInteger { field: "id".into() })
    );
    assert_eq!(
        p(&[("short_key", "1"), ("short_key", "2")]),
        Err(StartError::DuplicateParameter {
            field: "short_key".into()
        })
    );
}

#[test]
fn the_reference_issue_form_is_accepted_as_it_is() {
    let r = p(&[
        ("codeName", "Other"),
        ("skills", "skill1,skill2"),
        ("customer.name", "Customer Name"),
        ("customer.company", "Company Name"),
        ("customer.company_code", "Company Code"),
        ("customer.details", "Issue Details"),
        ("session.custom.external_key", "abc123"),
        ("session.custom.custom_field1", "Custom Value"),
        ("session.custom.custom_field2", "123"),
    ])
    .unwrap();
    assert_eq!(r.selector(), &Selector::IssueCode("Other".into()));
    assert_eq!(r.skills, vec!["skill1", "skill2"]);
    assert_eq!(r.customer.company_code, "Company Code");
    assert_eq!(r.external_key.as_deref(), Some("abc123"));
    assert_eq!(r.custom.len(), 2);
}

#[test]
fn legacy_names_and_skill_merging() {
    let r = p(&[
        ("customer_name", "N"),
        ("customer_desc", "D"),
        ("external_key", "E"),
        ("session.skills", "a, b"),
        ("skills", "b"),
        ("skills", "c"),
    ])
    .unwrap();
    assert_eq!(r.customer.name, "N");
    assert_eq!(r.customer.details, "D");
    assert_eq!(r.external_key.as_deref(), Some("E"));
    assert_eq!(r.skills, vec!["a", "b", "c"]);
    assert_eq!(
        p(&[("customer_name", "A"), ("customer.name", "B")]),
        Err(StartError::DuplicateParameter {
            field: "customer.name".into()
        })
    );
    assert!(p(&[("customer_name", "A"), ("customer.name", "A")]).is_ok());
}

#[test]
fn limits_are_errors_not_truncations() {
    let long = "é".repeat(101);
    assert_eq!(
        p(&[("customer.name", &long)]),
        Err(StartError::TooLongChars {
            field: "customer.name".into(),
            max: 100
        })
    );
    assert!(p(&[("customer.name", &"é".repeat(100))]).is_ok());
    let details = "é".repeat(513); // 1026 bytes
    assert_eq!(
        p(&[("customer.details", &details)]),
        Err(StartError::TooLongBytes {
            field: "customer.details".into(),
            max: 1024
        })
    );
    let configured = vec!["f1".to_string(), "f2".to_string()];
    let mut custom = BTreeMap::new();
    custom.insert("f1".to_string(), "x".repeat(1025));
    assert!(matches!(
        checked_custom_fields(&custom, None, &configured),
        Err(StartError::TooLongChars { .. })
    ));
    custom.insert("f1".to_string(), "x".repeat(1024));
    custom.insert("unknown".to_string(), "x".repeat(5000));
    let (kept, ignored) = checked_custom_fields(&custom, None, &configured).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(ignored, vec!["unknown"]);
    let many: Vec<String> = (0..11).map(|i| format!("f{i}")).collect();
    let big: BTreeMap<String, String> =
        many.iter().map(|c| (c.clone(), "x".repeat(1000))).collect();
    assert_eq!(
        checked_custom_fields(&big, None, &many),
        Err(StartError::CustomTotalTooLarge { max: 10240 })
    );
}

#[test]
fn flags_and_numbers() {
    let r = p(&[
        ("c2cjs", "1"),
        ("popup", "0"),
        ("download", "1"),
        ("timezone_offset", "-120"),
    ])
    .unwrap();
    assert_eq!(r.c2cjs, Some(true));
    assert_eq!(r.popup, Some(false));
    assert!(r.download);
    assert_eq!(r.timezone_offset, Some(-120));
    assert_eq!(
        p(&[("c2cjs", "maybe")]),
        Err(StartError::InvalidValue {
            field: "c2cjs".into()
        })
    );
    assert_eq!(
        p(&[("timezone_offset", "9999")]),
        Err(StartError::InvalidValue {
            field: "timezone_offset".into()
        })
    );
}

proptest! {
    #[test]
    fn never_panics(pairs in proptest::collection::vec((
        prop_oneof![
            Just("short_key".to_string()), Just("id".to_string()), Just("name".to_string()),
            Just("issue_menu".to_string()), Just("codeName".to_string()), Just("skills".to_string()),
            Just("customer.name".to_string()), Just("customer.details".to_string()),
            Just("session.custom.x".to_string()), Just("c2cjs".to_string()), Just("locale".to_string()),
            Just("timezone_offset".to_string()), Just("external_key".to_string()), ".{0,20}",
        ],
        ".{0,200}",
    ), 0..12)) {
        match parse(&pairs) {
            Ok(r) => {
                prop_assert!(r.customer.name.chars().count() <= MAX_CUSTOMER_FIELD_CHARS);
                prop_assert!(r.customer.details.len() <= MAX_DETAILS_BYTES);
            }
            Err(e) => { let _ = e.code(); }
        }
    }
}
