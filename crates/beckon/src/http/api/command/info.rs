//! The read-only actions about the site rather than one session: `get_api_info`,
//! `check_health`, `get_logged_in_reps` and `get_support_teams`.

use super::{CmdError, API_VERSION};
use crate::app::AppState;
use crate::domain::api_auth::ApiCaller;
use crate::domain::time::now_ms;
use crate::http::api::xml::Node;
use crate::store::Store;

pub(super) fn api_info(caller: &ApiCaller) -> Node {
    let (command, reporting) = match caller {
        ApiCaller::Account(a) => (a.command_permission.as_str(), a.reporting),
        ApiCaller::User(_) => ("full", false),
    };
    Node::new("api_information")
        .child(Node::text("api_version", API_VERSION))
        .child(Node::text("product", "Beckon"))
        .child(Node::text("product_version", env!("CARGO_PKG_VERSION")))
        .child(Node::text("timestamp", now_ms() / 1000))
        .child(
            Node::new("permissions")
                .child(Node::text("perm_command", command))
                .child(Node::text("perm_reporting", reporting)),
        )
}

pub(super) async fn check_health(state: &AppState) -> Result<Node, CmdError> {
    let ok = state.store.ping().await.is_ok();
    let host = state.settings.site_host();
    Ok(Node::list(
        "appliances",
        "appliance",
        [Node::new("appliance")
            .attr("id", &host)
            .child(Node::text("host", &host))
            .child(Node::text("version", env!("CARGO_PKG_VERSION")))
            .child(Node::text("api_version", API_VERSION))
            .child(Node::text("store_reachable", ok))
            .child(Node::text("timestamp", now_ms() / 1000))],
    ))
}

pub(super) async fn logged_in_reps(state: &AppState) -> Result<Node, CmdError> {
    let store = state.store.as_ref();
    let presence = store.list_presence().await?;
    let counts = store.active_counts().await?;
    let mut reps = Vec::new();
    for p in presence {
        let Some(u) = store.user_by_id(p.user_id).await? else {
            continue;
        };
        let link = format!(
            "{}/api/start_session?id={}&name={}",
            state.settings.base_url(),
            u.id,
            form_urlencoded::byte_serialize(u.public_display_name.as_bytes()).collect::<String>()
        );
        reps.push(
            Node::new("rep")
                .attr("id", u.id)
                .child(Node::text("public_display_name", &u.public_display_name))
                .child(Node::text("private_display_name", &u.private_display_name))
                .child(Node::text("type", "normal"))
                .child(Node::text("direct_link", link))
                .child(Node::text("logged_in_since", p.logged_in_since / 1000))
                .child(Node::text(
                    "support_session_count",
                    counts.iter().find(|(id, _)| *id == u.id).map_or(0, |c| c.1),
                ))
                .child(Node::text(
                    "showing_on_rep_list",
                    u8::from(p.status == crate::domain::people::PresenceStatus::Available),
                ))
                .child(Node::text("status", p.status.as_str())),
        );
    }
    Ok(Node::list("logged_in_reps", "rep", reps))
}

pub(super) async fn support_teams(store: &dyn Store, members: bool) -> Result<Node, CmdError> {
    let issues = store.list_issues().await?;
    let users = store.list_users().await?;
    let mut teams = Vec::new();
    for t in store.list_teams().await? {
        let team_issues = issues.iter().filter(|i| i.team_id == t.id).map(|i| {
            Node::new("issue")
                .attr("id", i.id)
                .child(Node::text("code_name", &i.code_name))
                .child(Node::text("description", &i.description))
        });
        let mut node = Node::new("support_team")
            .attr("id", t.id)
            .child(Node::text("name", &t.name))
            .child(Node::text("code_name", &t.code_name))
            .child(Node::text("comments", &t.comments))
            .child(Node::text("routing_mode", t.routing_mode.as_str()))
            .child(Node::list(
                "issues",
                "issue",
                team_issues.collect::<Vec<_>>(),
            ));
        if members {
            let ids = store.team_members(t.id).await?;
            let list = users.iter().filter(|u| ids.contains(&u.id)).map(|u| {
                Node::new("member")
                    .attr("id", u.id)
                    .child(Node::text("username", &u.username))
                    .child(Node::text("public_display_name", &u.public_display_name))
                    .child(Node::text("private_display_name", &u.private_display_name))
            });
            node = node.child(Node::list("members", "member", list.collect::<Vec<_>>()));
        }
        teams.push(node);
    }
    Ok(Node::list("support_teams", "support_team", teams))
}
