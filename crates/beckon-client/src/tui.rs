//! The text mode (`--no-gui`, or no display): one line per thing that happens on stdout, one
//! line per action on stdin. Line-oriented and stable so that scripts and tests can drive it;
//! the lines are documented in docs/customer_client.md ("The client program").

use crate::session::{Command, Update};
use crate::view::{clock, Out, View};
use beckon_protocol::chat::Capability;
use std::path::Path;
use tokio::io::AsyncBufReadExt;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};

/// Replaces control characters (a hostile name or message could otherwise move the cursor or
/// recolour the customer's terminal) and keeps one line per message.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn say(s: &str) {
    println!("{}", clean(s));
}

fn print(view: &View, out: Out) {
    match out {
        Out::Line(l) => match l.kind {
            crate::view::LineKind::Notice => say(&l.text),
            _ => say(&format!("{} {}", clock(l.at_ms), l.text)),
        },
        Out::Status(s) => say(&s),
        Out::Prompt => {
            if let Some(p) = &view.prompt {
                say(&p.title);
                for l in &p.lines {
                    say(&format!("  {l}"));
                }
                say(&view.i18n.s("consent-question"));
            }
        }
    }
}

/// What one input line means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Chat(String),
    Allow,
    Deny,
    Revoke(Capability),
    /// Send this file to the representative.
    Send(String),
    /// Answer the latest file offered.
    AcceptFile,
    DeclineFile,
    End,
    Save(String),
    Help,
    Unknown,
    Nothing,
}

/// Parses a line; `prompt_open` lets a bare `y` or `n` answer the open request.
pub fn parse(line: &str, prompt_open: bool) -> Input {
    let line = line.trim_end_matches(['\r', '\n']);
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Input::Nothing;
    }
    if prompt_open {
        match trimmed.to_lowercase().as_str() {
            "y" | "yes" => return Input::Allow,
            "n" | "no" => return Input::Deny,
            _ => {}
        }
    }
    let Some(cmd) = trimmed.strip_prefix('/') else {
        return Input::Chat(line.to_string());
    };
    let (name, arg) = cmd.split_once(' ').unwrap_or((cmd, ""));
    match (name, arg.trim()) {
        ("allow", _) => Input::Allow,
        ("deny", _) => Input::Deny,
        ("revoke", "" | "system_info") => Input::Revoke(Capability::SystemInfo),
        ("revoke", "shell") => Input::Revoke(Capability::Shell),
        ("revoke", "screen_view" | "screen") => Input::Revoke(Capability::ScreenView),
        ("revoke", "file_transfer" | "files") => Input::Revoke(Capability::FileTransfer),
        ("send", p) if !p.is_empty() => Input::Send(p.to_string()),
        ("accept", _) => Input::AcceptFile,
        ("decline", _) => Input::DeclineFile,
        ("end", _) => Input::End,
        ("save", p) if !p.is_empty() => Input::Save(p.to_string()),
        ("help", _) => Input::Help,
        _ => Input::Unknown,
    }
}

/// Runs the text mode until the session ends; returns the exit code (0 for a normal end).
pub async fn run(
    mut view: View,
    mut updates: UnboundedReceiver<Update>,
    commands: UnboundedSender<Command>,
) -> u8 {
    say(&view.i18n.s("tui-help"));
    say(&view.i18n.s("tui-help-files"));
    let mut lines = tokio::io::BufReader::new(tokio::io::stdin()).lines();
    let mut stdin_open = true;
    loop {
        tokio::select! {
            u = updates.recv() => {
                let Some(u) = u else { return if view.ended { 0 } else { 1 } };
                for out in view.apply(u) {
                    print(&view, out);
                }
                if view.ended {
                    return 0;
                }
                if view.gone {
                    return 1;
                }
            }
            line = lines.next_line(), if stdin_open => {
                match line {
                    Ok(Some(line)) => {
                        let input = parse(&line, view.prompt.is_some());
                        act(&mut view, &commands, input);
                    }
                    // No more input (e.g. started from a script): keep showing the session.
                    _ => stdin_open = false,
                }
            }
        }
    }
}

fn act(view: &mut View, commands: &UnboundedSender<Command>, input: Input) {
    let t = view.i18n.clone();
    // A closed channel means the session task is finishing; the update loop reports why.
    let send = |c: Command| {
        let _ = commands.send(c);
    };
    match input {
        Input::Nothing => {}
        Input::Chat(text) => send(Command::Say(text)),
        Input::Allow | Input::Deny => {
            let Some(p) = view.prompt.take() else {
                say(&t.s("tui-nothing-to-answer"));
                return;
            };
            let allow = input == Input::Allow;
            send(Command::Consent {
                capability: p.capability,
                allow,
                info: allow.then_some(p.info),
            });
        }
        Input::Revoke(capability) => send(Command::Revoke(capability)),
        Input::Send(path) => send(Command::SendFile(path.into())),
        Input::AcceptFile | Input::DeclineFile => {
            let Some(id) = view.latest_offer().map(|o| o.id.clone()) else {
                say(&t.s("tui-no-file-offer"));
                return;
            };
            view.answered(&id);
            send(Command::AnswerFile {
                id,
                accept: input == Input::AcceptFile,
            });
        }
        Input::End => send(Command::End),
        Input::Save(path) => match view.save(Path::new(&path)) {
            Ok(()) => say(&t.t("transcript-saved", &[("path", &path)])),
            Err(e) => say(&t.t("transcript-failed", &[("detail", &e.to_string())])),
        },
        Input::Help => {
            say(&t.s("tui-help"));
            say(&t.s("tui-help-files"));
        }
        Input::Unknown => say(&t.s("tui-unknown-command")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands_and_answers() {
        assert_eq!(
            parse("hello there\n", false),
            Input::Chat("hello there".into())
        );
        assert_eq!(parse("y", false), Input::Chat("y".into()));
        assert_eq!(parse("y", true), Input::Allow);
        assert_eq!(parse(" No ", true), Input::Deny);
        assert_eq!(parse("/allow", false), Input::Allow);
        assert_eq!(parse("/deny", true), Input::Deny);
        assert_eq!(
            parse("/revoke system_info", false),
            Input::Revoke(Capability::SystemInfo)
        );
        assert_eq!(
            parse("/revoke shell", false),
            Input::Revoke(Capability::Shell)
        );
        assert_eq!(
            parse("/revoke screen", false),
            Input::Revoke(Capability::ScreenView)
        );
        assert_eq!(parse("/revoke teleport", false), Input::Unknown);
        assert_eq!(
            parse("/revoke file_transfer", false),
            Input::Revoke(Capability::FileTransfer)
        );
        assert_eq!(
            parse("/send /tmp/a b.txt", false),
            Input::Send("/tmp/a b.txt".into())
        );
        assert_eq!(parse("/send", false), Input::Unknown);
        assert_eq!(parse("/accept", true), Input::AcceptFile);
        assert_eq!(parse("/decline", false), Input::DeclineFile);
        assert_eq!(parse("/end", false), Input::End);
        assert_eq!(
            parse("/save /tmp/t.txt", false),
            Input::Save("/tmp/t.txt".into())
        );
        assert_eq!(parse("/save", false), Input::Unknown);
        assert_eq!(parse("/wat", false), Input::Unknown);
        assert_eq!(parse("   ", false), Input::Nothing);
    }

    #[test]
    fn cleans_terminal_escapes() {
        assert_eq!(clean("a\x1b[2Jb\nc"), "a [2Jb c");
    }
}
