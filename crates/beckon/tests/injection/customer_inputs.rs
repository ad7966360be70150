//! Customer fields, custom fields, external keys and the page address through every answer.

use crate::common::reps::{start_json, RepClient};
use crate::common::{TestServer, DEMO_PASSWORD};
use crate::support::{
    answer, api_token, command, command_post, corpus, in_xml, rep_events, report, xml_texts,
    CUSTOMER_FIELDS,
};
use serde_json::Value;

/// Customer fields, custom fields, the external key and the page address (Referer), sent by
/// POST form and by GET link, come back exactly from the representative API (JSON), the command
/// API (XML and JSON) and the session report (XML); a session key's external key too.
#[tokio::test]
async fn customer_inputs_round_trip_through_every_answer() {
    let c = corpus();
    let server = TestServer::start_demo().await;
    let t = api_token(&server).await;
    let rep = RepClient::login(&server, "john", DEMO_PASSWORD).await;
    for (i, p) in c.payloads.iter().enumerate() {
        let v = p.text.as_str();
        let mut params: Vec<(&str, &str)> = vec![("issue_menu", "1"), ("id", "12")];
        params.extend(CUSTOMER_FIELDS.iter().map(|f| (*f, v)));
        params.extend([
            ("session.custom.custom_field1", v),
            ("session.custom.custom_field2", v),
            ("external_key", v),
        ]);
        let mut req = if i % 2 == 0 {
            server
                .client
                .post(server.at("/api/start_session"))
                .form(&params)
        } else {
            let q: String = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&params)
                .finish();
            server
                .client
                .get(server.at(&format!("/api/start_session?{q}")))
        };
        // A header can carry only visible ASCII: the Referer gets the payloads that fit.
        let referer_ok = v.bytes().all(|b| (0x20..0x7f).contains(&b));
        if referer_ok {
            req = req.header("referer", v);
        }
        let (s, body) = answer(
            req.header("accept", "application/json")
                .send()
                .await
                .unwrap(),
            &p.id,
        )
        .await;
        assert_eq!(s, 200, "{}: {body}", p.id);
        let started: Value = serde_json::from_str(&body).unwrap();
        let lsid = started["lsid"].as_str().unwrap().to_string();

        // The representative's JSON.
        let ev = rep_events(&rep, &lsid).await;
        let sv = &ev["session"];
        for (f, key) in [
            ("name", "name"),
            ("company", "company"),
            ("company_code", "company_code"),
            ("details", "details"),
        ] {
            assert_eq!(sv["customer"][key], v, "{}: customer.{f}", p.id);
        }
        assert_eq!(sv["attributes"]["custom_field1"], v, "{}", p.id);
        assert_eq!(sv["attributes"]["custom_field2"], v, "{}", p.id);
        assert_eq!(sv["external_key"], v, "{}", p.id);
        if referer_ok {
            assert_eq!(sv["page_url"], v, "{}: page_url", p.id);
        }

        // The command API, XML and JSON.
        let (s, doc) = command(
            &server,
            &t,
            &format!("action=get_session_attributes&lsid={lsid}"),
            false,
        )
        .await;
        assert_eq!(s, 200, "{doc}");
        assert_eq!(
            xml_texts(&doc, "custom_attribute"),
            vec![in_xml(v); 3],
            "{}: XML attributes",
            p.id
        );
        let (_, j) = command(
            &server,
            &t,
            &format!("action=get_session_attributes&lsid={lsid}"),
            true,
        )
        .await;
        let j: Value = serde_json::from_str(&j).unwrap();
        for a in j["custom_attributes"]["custom_attribute"]
            .as_array()
            .unwrap()
        {
            assert_eq!(a["value"], v, "{}: JSON attributes", p.id);
        }

        // The session report.
        let doc = report(
            &server,
            &t,
            &format!("generate_report=SupportSession&lsid={lsid}"),
        )
        .await;
        let x = in_xml(v);
        for (el, what) in [
            ("username", "customer.name"),
            ("company", "customer.company"),
            ("company_code", "customer.company_code"),
            ("details", "customer.details"),
            ("external_key", "external_key"),
        ] {
            assert_eq!(
                xml_texts(&doc, el),
                vec![x.clone()],
                "{}: report {what}",
                p.id
            );
        }
        assert_eq!(
            xml_texts(&doc, "custom_attribute"),
            vec![x.clone(); 2],
            "{}",
            p.id
        );
        if referer_ok {
            assert_eq!(xml_texts(&doc, "page_url"), vec![x.clone()], "{}", p.id);
        }

        // A session key's external key, set by the command API and used by a start.
        let (s, key) = command_post(
            &server,
            &t,
            &[
                ("action", "generate_session_key"),
                ("type", "support"),
                ("queue_id", "rep:12"),
                ("external_key", v),
            ],
        )
        .await;
        assert_eq!(s, 200, "{key}");
        let short = xml_texts(&key, "short_key").remove(0);
        let (s, body) = start_json(&server, &[("short_key", &short)]).await;
        assert_eq!(s, 200, "{body}");
        let keyed = server
            .store
            .session_by_lsid(body["lsid"].as_str().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(keyed.external_key, v, "{}: key's external_key", p.id);

        // set_session_attributes with the payload, then read back.
        let (s, doc) = command_post(
            &server,
            &t,
            &[
                ("action", "set_session_attributes"),
                ("lsid", &lsid),
                ("session.custom.custom_field1", v),
                ("session.custom.external_key", v),
            ],
        )
        .await;
        assert_eq!(s, 200, "{}: {doc}", p.id);
        xml_texts(&doc, "success");
    }
}
