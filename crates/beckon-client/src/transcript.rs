//! The transcript: what "Save transcript" and `/save` write, and nothing else is ever written.

use crate::view::{clock, View};

impl View {
    /// The transcript as plain text (what "Save transcript" writes).
    pub fn transcript(&self) -> String {
        let mut out = format!(
            "{}\n{} ({})\n\n",
            self.i18n.s("transcript-title"),
            self.site_name,
            self.site
        );
        for l in &self.lines {
            out.push_str(&format!("{} {}\n", clock(l.at_ms), l.text));
        }
        out
    }

    /// Writes the transcript, only where the customer said.
    pub fn save(&self, path: &std::path::Path) -> std::io::Result<()> {
        std::fs::write(path, self.transcript())
    }
}
