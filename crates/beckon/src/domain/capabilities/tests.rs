//! The consent fold over logs written by hand.

use super::*;
use crate::domain::ids::UserId;
use crate::domain::session::Actor;
use serde_json::json;

const SI: Capability = Capability::SystemInfo;

const SH: Capability = Capability::Shell;
/// What a team allows by default.
const TEAM: &[Capability] = &team::DEFAULT;

fn log(kinds: &[&str]) -> Vec<SessionEvent> {
    log_for(SI, kinds)
}

/// A log whose capability events are about `capability`.
fn log_for(capability: Capability, kinds: &[&str]) -> Vec<SessionEvent> {
    kinds
        .iter()
        .enumerate()
        .map(|(i, k)| SessionEvent {
            seq: i as i64 + 1,
            kind: (*k).into(),
            actor: if *k == REQUESTED || *k == SHELL_INPUT {
                Actor::Rep(UserId(1))
            } else {
                Actor::Customer
            },
            body: match *k {
                CLIENT_JOINED => json!({"version": "0.1.0", "os": "linux"}),
                SYSTEM_INFO => json!({"info": {}}),
                SHELL_OUTPUT | SHELL_INPUT => json!({"data": "bHM="}),
                _ => json!({"capability": capability.as_str()}),
            },
            client_msg_id: None,
            at: i as i64,
        })
        .collect()
}

#[test]
fn a_request_needs_a_joined_client() {
    assert_eq!(
        may_request(&log(&[]), SI, TEAM),
        Err(CapabilityError::NoClient)
    );
    assert_eq!(
        may_request(&log(&["created", "chat_message"]), SI, TEAM),
        Err(CapabilityError::NoClient)
    );
    let joined = log(&["created", CLIENT_JOINED]);
    assert_eq!(may_request(&joined, SI, TEAM), Ok(()));
    assert_eq!(
        joined_client(&joined),
        Some(JoinedClient {
            version: "0.1.0".into(),
            os: "linux".into(),
            at: 1
        })
    );
}

#[test]
fn one_request_at_a_time() {
    assert_eq!(
        may_request(&log(&[CLIENT_JOINED, REQUESTED]), SI, TEAM),
        Err(CapabilityError::AlreadyRequested)
    );
    assert_eq!(
        may_request(&log(&[CLIENT_JOINED, REQUESTED, ALLOWED]), SI, TEAM),
        Err(CapabilityError::AlreadyAllowed)
    );
    for after in [DENIED, REVOKED] {
        let events = if after == REVOKED {
            log(&[CLIENT_JOINED, REQUESTED, ALLOWED, REVOKED])
        } else {
            log(&[CLIENT_JOINED, REQUESTED, DENIED])
        };
        assert_eq!(may_request(&events, SI, TEAM), Ok(()), "after {after}");
    }
    assert_eq!(
        may_request(
            &log(&[CLIENT_JOINED, REQUESTED, ALLOWED, SYSTEM_INFO]),
            SI,
            TEAM
        ),
        Ok(())
    );
}

#[test]
fn answers_only_an_outstanding_request() {
    assert_eq!(
        answer(&log(&[CLIENT_JOINED]), SI, true),
        Err(CapabilityError::NotRequested)
    );
    let asked = log(&[CLIENT_JOINED, REQUESTED]);
    assert_eq!(answer(&asked, SI, true), Ok(ALLOWED));
    assert_eq!(answer(&asked, SI, false), Ok(DENIED));
    assert_eq!(
        answer(&log(&[CLIENT_JOINED, REQUESTED, DENIED]), SI, true),
        Err(CapabilityError::NotRequested),
        "a second answer to one request"
    );
}

#[test]
fn sharing_needs_the_latest_answer_to_be_allow_and_is_one_shot() {
    let cases: [(&[&str], bool); 8] = [
        (&[CLIENT_JOINED], false),
        (&[CLIENT_JOINED, REQUESTED], false),
        (&[CLIENT_JOINED, REQUESTED, DENIED], false),
        (&[CLIENT_JOINED, REQUESTED, ALLOWED], true),
        (&[CLIENT_JOINED, REQUESTED, ALLOWED, SYSTEM_INFO], false),
        (&[CLIENT_JOINED, REQUESTED, ALLOWED, REVOKED], false),
        (&[CLIENT_JOINED, REQUESTED, ALLOWED, REQUESTED], false),
        (&[REQUESTED, ALLOWED, CLIENT_JOINED], false),
    ];
    for (kinds, ok) in cases {
        assert_eq!(may_share_system_info(&log(kinds)).is_ok(), ok, "{kinds:?}");
    }
}

#[test]
fn only_what_was_allowed_can_be_revoked() {
    assert!(may_revoke(&log(&[CLIENT_JOINED, REQUESTED]), SI).is_err());
    assert!(may_revoke(&log(&[CLIENT_JOINED, REQUESTED, DENIED]), SI).is_err());
    assert!(may_revoke(&log(&[CLIENT_JOINED, REQUESTED, ALLOWED]), SI).is_ok());
    assert!(may_revoke(&log(&[CLIENT_JOINED, REQUESTED, ALLOWED, SYSTEM_INFO]), SI).is_ok());
    assert!(may_revoke(&log(&[CLIENT_JOINED, REQUESTED, ALLOWED, REVOKED]), SI).is_err());
    assert_eq!(
        consent(&log(&[CLIENT_JOINED, REQUESTED, ALLOWED, REVOKED]), SI),
        Consent::Revoked
    );
}

#[test]
fn the_shell_runs_only_between_allow_and_revoke_or_end() {
    let cases: [(&[&str], bool); 8] = [
        (&[CLIENT_JOINED], false),
        (&[CLIENT_JOINED, REQUESTED], false),
        (&[CLIENT_JOINED, REQUESTED, DENIED], false),
        (&[CLIENT_JOINED, REQUESTED, ALLOWED], true),
        (
            &[CLIENT_JOINED, REQUESTED, ALLOWED, SHELL_INPUT, SHELL_OUTPUT],
            true,
        ),
        (&[CLIENT_JOINED, REQUESTED, ALLOWED, REVOKED], false),
        (&[CLIENT_JOINED, REQUESTED, ALLOWED, SHELL_ENDED], false),
        (&[REQUESTED, ALLOWED, CLIENT_JOINED], false),
    ];
    for (kinds, ok) in cases {
        assert_eq!(may_use_shell(&log_for(SH, kinds)).is_ok(), ok, "{kinds:?}");
    }
    let ended = log_for(SH, &[CLIENT_JOINED, REQUESTED, ALLOWED, SHELL_ENDED]);
    assert_eq!(consent(&ended, SH), Consent::Ended);
    assert_eq!(
        may_request(&ended, SH, TEAM),
        Ok(()),
        "a new request after the end"
    );
    assert_eq!(
        may_revoke(&ended, SH),
        Err(CapabilityError::NotAllowed),
        "nothing left to revoke"
    );
    assert_eq!(
        may_request(&log_for(SH, &[CLIENT_JOINED, REQUESTED, ALLOWED]), SH, TEAM),
        Err(CapabilityError::AlreadyAllowed)
    );
}

#[test]
fn capabilities_fold_independently() {
    // The shell allowed says nothing about system information, and the other way round.
    let shell = log_for(SH, &[CLIENT_JOINED, REQUESTED, ALLOWED]);
    assert_eq!(consent(&shell, SH), Consent::Allowed);
    assert_eq!(consent(&shell, SI), Consent::None);
    assert!(may_share_system_info(&shell).is_err());
    let info = log(&[CLIENT_JOINED, REQUESTED, ALLOWED]);
    assert!(may_use_shell(&info).is_err());
    for c in Capability::ALL {
        let l = log_for(c, &[CLIENT_JOINED, REQUESTED, ALLOWED, REVOKED]);
        assert_eq!(consent(&l, c), Consent::Revoked, "{c:?}");
    }
}

#[test]
fn capabilities_the_team_does_not_allow_are_not_requested() {
    let joined = log(&[CLIENT_JOINED]);
    for c in [Capability::ScreenView, Capability::FileTransfer] {
        assert_eq!(may_request(&joined, c, &Capability::ALL), Ok(()), "{c:?}");
        assert_eq!(
            may_request(&joined, c, TEAM),
            Err(CapabilityError::NotAllowedForTeam(c.as_str())),
            "off by default"
        );
    }
    assert_eq!(
        may_request(&joined, SH, &[SI]),
        Err(CapabilityError::NotAllowedForTeam("shell"))
    );
    assert_eq!(may_request(&joined, SI, &[SI]), Ok(()));
    assert!(CapabilityError::NotAvailable("screen_view")
        .to_string()
        .contains("not available in this version"));
}

#[test]
fn the_screen_flows_only_between_allow_and_deny_revoke_or_end() {
    const SV: Capability = Capability::ScreenView;
    let cases: [(&[&str], bool); 7] = [
        (&[CLIENT_JOINED], false),
        (&[CLIENT_JOINED, REQUESTED], false),
        (&[CLIENT_JOINED, REQUESTED, DENIED], false),
        (&[CLIENT_JOINED, REQUESTED, ALLOWED], true),
        (&[CLIENT_JOINED, REQUESTED, ALLOWED, REVOKED], false),
        (&[CLIENT_JOINED, REQUESTED, ALLOWED, SCREEN_ENDED], false),
        (&[REQUESTED, ALLOWED, CLIENT_JOINED], false),
    ];
    for (kinds, ok) in cases {
        assert_eq!(
            may_view_screen(&log_for(SV, kinds)).is_ok(),
            ok,
            "{kinds:?}"
        );
    }
    // The shell's end is not the screen's, nor the other way round.
    let both = log_for(SV, &[CLIENT_JOINED, REQUESTED, ALLOWED, SHELL_ENDED]);
    assert!(may_view_screen(&both).is_ok());
    let ended = log_for(SV, &[CLIENT_JOINED, REQUESTED, ALLOWED, SCREEN_ENDED]);
    assert_eq!(consent(&ended, SV), Consent::Ended);
    assert_eq!(may_request(&ended, SV, &Capability::ALL), Ok(()));
    assert_eq!(
        may_request(&log_for(SV, &[CLIENT_JOINED]), SV, TEAM),
        Err(CapabilityError::NotAllowedForTeam("screen_view")),
        "a new team does not allow the screen"
    );
}
