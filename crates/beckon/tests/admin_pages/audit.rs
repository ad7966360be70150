//! The audit log page: who, when, before and after, newest first, with nothing unescaped.

use crate::common::TestServer;
use crate::Browser;

#[tokio::test]
async fn the_audit_log_shows_who_when_and_before_after_escaped() {
    let server = TestServer::start_demo().await;
    let admin = Browser::sign_in(&server, "demo-admin").await;
    let new = "/login/skills/new";
    let evil = "<img src=x onerror=alert(1)>";
    let r = admin
        .submit(
            new,
            new,
            &[("code_name", "printing"), ("display_name", evil)],
        )
        .await;
    assert_eq!(r.status, 303);
    let skills = admin.get("/login/skills").await.body;
    assert!(!skills.contains(evil) && skills.contains("&lt;img src=x"));
    let id = server
        .store
        .list_skills()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.code_name == "printing")
        .unwrap()
        .id;
    let edit = format!("/login/skills/{id}");
    admin
        .submit(&edit, &edit, &[("display_name", "Printers")])
        .await;

    let log = admin.get("/login/audit?q=skill.").await;
    assert_eq!(log.status, 200);
    let body = log.body;
    assert!(!body.contains(evil), "no raw HTML from the log");
    let update = body.find("skill.update").expect("the update");
    let create = body.find("skill.create").expect("the create");
    assert!(update < create, "newest first");
    let entry = &body[update - 300..create];
    assert!(entry.contains("user:demo-admin"));
    assert!(entry.contains(" UTC</time>"));
    assert!(entry.contains(&format!("skill:{id}")));
    assert!(entry.contains("Before") && entry.contains("After"));
    assert!(entry.contains("&quot;display_name&quot;: &quot;&lt;img src=x"));
    assert!(entry.contains("&quot;display_name&quot;: &quot;Printers&quot;"));
    // The filter narrows the list.
    let other = admin.get("/login/audit?q=team.").await.body;
    assert!(!other.contains("skill.update"));
    let q = admin.get("/login/audit?q=%3Cscript%3E").await.body;
    assert!(!q.contains("<script>") && q.contains("&lt;script&gt;"));
}
