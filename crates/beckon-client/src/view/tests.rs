//! The view over hand-made updates.

use super::*;
use crate::events::{Answer, Entry};

fn view() -> View {
    View::new(Arc::new(I18n::new("en-us")), "http://s", "Site")
}

fn ev(entry: Entry) -> Update {
    Update::Event {
        seq: 1,
        at: 0,
        entry,
    }
}

#[test]
fn tracks_the_representative_and_the_queue() {
    let mut v = view();
    let out = v.apply(Update::Queue {
        position: 2,
        wait_secs: Some(90),
    });
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(v
        .apply(Update::Queue {
            position: 2,
            wait_secs: Some(90)
        })
        .is_empty());
    v.apply(ev(Entry::RepJoined {
        name: "John".into(),
    }));
    assert_eq!(v.rep.as_deref(), Some("John"));
    assert_eq!(v.lines.last().unwrap().text, "representative John joined");
    v.apply(ev(Entry::Chat {
        from_customer: false,
        name: "John".into(),
        text: "hi".into(),
    }));
    assert_eq!(v.lines.last().unwrap().text, "John: hi");
    v.apply(ev(Entry::Transferred {
        name: "John".into(),
        to: "General".into(),
    }));
    assert_eq!(v.rep, None);
    assert!(v.transcript().contains("John: hi"));
}

#[test]
fn a_logged_answer_closes_an_open_prompt() {
    let mut v = view();
    let out = v.apply(Update::ConsentNeeded {
        capability: Capability::SystemInfo,
        name: "John".into(),
        info: Box::default(),
    });
    assert_eq!(out, vec![Out::Prompt]);
    assert!(v.prompt.is_some());
    v.apply(ev(Entry::CapabilityAnswered {
        capability: Capability::SystemInfo,
        answer: Answer::Allowed,
    }));
    assert!(v.prompt.is_none() && v.sharing);
    v.apply(ev(Entry::CapabilityAnswered {
        capability: Capability::SystemInfo,
        answer: Answer::Revoked,
    }));
    assert!(!v.sharing);
}

#[test]
fn the_shell_has_its_own_question_and_indicator() {
    let mut v = view();
    v.apply(Update::ConsentNeeded {
        capability: Capability::Shell,
        name: "John".into(),
        info: Box::default(),
    });
    let p = v.prompt.clone().expect("a prompt");
    assert_eq!(
        p.title,
        "John asks to open a command shell on this computer."
    );
    assert!(p.lines[0].contains("any command"), "{:?}", p.lines);
    // An answer about the system information does not settle the shell's question.
    v.apply(ev(Entry::CapabilityAnswered {
        capability: Capability::SystemInfo,
        answer: Answer::Denied,
    }));
    assert!(v.prompt.is_some());
    v.apply(ev(Entry::CapabilityAnswered {
        capability: Capability::Shell,
        answer: Answer::Allowed,
    }));
    assert!(v.prompt.is_none() && v.shell.is_none() && !v.sharing);
    v.apply(Update::ShellStarted { pid: Some(4242) });
    assert_eq!(v.shell, Some(4242));
    assert_eq!(
        v.lines.last().unwrap().text,
        "command shell running as you (process 4242)"
    );
    v.apply(ev(Entry::CapabilityAnswered {
        capability: Capability::Shell,
        answer: Answer::Revoked,
    }));
    assert_eq!(v.shell, None);
    assert_eq!(
        v.lines.last().unwrap().text,
        "you stopped the command shell"
    );
}

#[test]
fn the_screen_has_its_own_question_and_indicator() {
    let mut v = view();
    v.apply(Update::ConsentNeeded {
        capability: Capability::ScreenView,
        name: "John".into(),
        info: Box::default(),
    });
    let p = v.prompt.clone().expect("a prompt");
    assert_eq!(p.title, "John asks to see your screen.");
    assert!(p.lines[0].contains("not recorded"), "{:?}", p.lines);
    // The shell's answer does not settle the screen's question.
    v.apply(ev(Entry::CapabilityAnswered {
        capability: Capability::Shell,
        answer: Answer::Denied,
    }));
    assert!(v.prompt.is_some());
    v.apply(ev(Entry::CapabilityAnswered {
        capability: Capability::ScreenView,
        answer: Answer::Allowed,
    }));
    assert!(v.prompt.is_none() && v.screen.is_none() && !v.sharing);
    v.apply(Update::ScreenStarted {
        name: "John".into(),
    });
    assert_eq!(v.screen.as_deref(), Some("John"));
    assert_eq!(
        v.lines.last().unwrap().text,
        "your screen is shared with John"
    );
    v.apply(ev(Entry::CapabilityAnswered {
        capability: Capability::ScreenView,
        answer: Answer::Revoked,
    }));
    assert_eq!(v.screen, None);
    assert_eq!(
        v.lines.last().unwrap().text,
        "you stopped sharing your screen"
    );
    v.apply(Update::ScreenStarted { name: "Ann".into() });
    v.apply(Update::ScreenStopped);
    assert_eq!(v.screen, None, "stopped by the representative");
}

#[test]
fn file_transfer_offers_progress_and_revocation() {
    use crate::messages::FileDirection;
    let mut v = view();
    v.apply(ev(Entry::CapabilityAnswered {
        capability: Capability::FileTransfer,
        answer: Answer::Allowed,
    }));
    assert!(
        v.files_allowed && !v.sharing,
        "files are not system information"
    );
    let out = v.apply(Update::FileOffered {
        id: "r1".into(),
        name: "fix.sh".into(),
        size: 3_000_000,
        from: "John".into(),
    });
    assert!(
        matches!(&out[..], [Out::Line(l)] if l.text == "John offers the file fix.sh (3.0 MB)"),
        "{out:?}"
    );
    assert_eq!(v.latest_offer().map(|o| o.id.as_str()), Some("r1"));
    v.answered("r1");
    assert!(v.latest_offer().is_none());
    v.apply(Update::FileProgress {
        name: "fix.sh".into(),
        direction: FileDirection::Received,
        percent: 40,
    });
    assert_eq!(v.transfers.len(), 1);
    v.apply(ev(Entry::CapabilityAnswered {
        capability: Capability::FileTransfer,
        answer: Answer::Revoked,
    }));
    assert!(!v.files_allowed && v.transfers.is_empty());
    assert_eq!(human_size(9), "9 bytes");
    assert_eq!(human_size(320_000), "320 KB");
}
