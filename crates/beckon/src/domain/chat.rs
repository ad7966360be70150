//! What the chat client shows beyond the event log: the queue status and the transcript.

use super::locale::Locale;
use super::session::{Actor, SessionEvent};

/// A rough wait estimate in seconds at `position` (1 = next): the queue's recent average wait
/// times the place, at least a second; `None` without history.
pub fn estimated_wait_secs(position: i64, avg_wait_ms: Option<i64>) -> Option<i64> {
    avg_wait_ms.map(|ms| (ms * position / 1000).max(1))
}

/// One line of a transcript: time, speaker, text. Only chat messages and people joining or
/// leaving are part of it; routing internals are not.
pub struct TranscriptLine {
    pub at: i64,
    pub speaker: String,
    pub text: String,
    pub system: bool,
}

/// The transcript of a session's log, with speakers named for the customer.
pub fn transcript(
    events: &[SessionEvent],
    customer_label: &str,
    system_label: &str,
) -> Vec<TranscriptLine> {
    events
        .iter()
        .filter_map(|e| {
            let name = e
                .body
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or_default()
                .to_string();
            match (e.kind.as_str(), e.actor) {
                ("chat_message", Actor::Customer) => {
                    Some((customer_label.to_string(), text_of(e), false))
                }
                ("chat_message", _) => Some((name, text_of(e), false)),
                ("member_joined", _) => Some((system_label.to_string(), format!("+ {name}"), true)),
                ("member_left", _) => Some((system_label.to_string(), format!("- {name}"), true)),
                ("customer_left_message", _) => {
                    Some((customer_label.to_string(), text_of(e), false))
                }
                _ => None,
            }
            .map(|(speaker, text, system)| TranscriptLine {
                at: e.at,
                speaker,
                text,
                system,
            })
        })
        .collect()
}

fn text_of(e: &SessionEvent) -> String {
    e.body
        .get("text")
        .and_then(|t| t.as_str())
        .unwrap_or_default()
        .to_string()
}

/// A plain-text transcript (UTC times; the HTML one is localized in the page).
pub fn transcript_text(lines: &[TranscriptLine], title: &str, locale: Locale) -> String {
    let mut out = format!("{title} ({})\n\n", locale.code());
    for l in lines {
        let time = super::time::rfc3339(l.at);
        let time = time.get(..19).unwrap_or(&time).replace('T', " ");
        out.push_str(&format!("[{time} UTC] {}: {}\n", l.speaker, l.text));
    }
    out
}
