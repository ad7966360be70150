//! Which build of the full client a visitor gets: their system, read from the browser's
//! `User-Agent`, and where builds are installed (docs/customer_client.md, "Downloads").

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    Macos,
    Windows,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arch {
    X86_64,
    Aarch64,
}

/// An operating system and processor a client build runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Platform {
    pub os: Os,
    pub arch: Arch,
}

impl Os {
    pub fn as_str(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::Macos => "macos",
            Os::Windows => "windows",
        }
    }
}

impl Arch {
    pub fn as_str(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Aarch64 => "aarch64",
        }
    }
}

impl Platform {
    /// The visitor's system from a browser's `User-Agent`; `None` for phones, tablets and
    /// anything unrecognized (they get the chat instead).
    ///
    /// The processor is x86_64 unless the agent names ARM64: browsers on Apple silicon still
    /// say "Intel Mac OS X", and an x86_64 build runs there under Rosetta.
    pub fn from_user_agent(ua: &str) -> Option<Platform> {
        let has = |s: &str| ua.contains(s);
        let lower = ua.to_ascii_lowercase();
        let arch = if lower.contains("arm64") || lower.contains("aarch64") {
            Arch::Aarch64
        } else {
            Arch::X86_64
        };
        // Phones and tablets first: an iPhone says "like Mac OS X", Android says "Linux".
        if ["iPhone", "iPad", "iPod", "Android", "Windows Phone"]
            .iter()
            .any(|m| has(m))
        {
            return None;
        }
        let os = if has("Windows") {
            Os::Windows
        } else if has("Macintosh") || has("Mac OS X") {
            Os::Macos
        } else if has("Linux") || has("X11") {
            Os::Linux
        } else {
            return None;
        };
        Some(Platform { os, arch })
    }

    /// The system this server runs on, when a client build exists for it.
    pub fn of_server() -> Option<Platform> {
        let os = match std::env::consts::OS {
            "linux" => Os::Linux,
            "macos" => Os::Macos,
            "windows" => Os::Windows,
            _ => return None,
        };
        let arch = match std::env::consts::ARCH {
            "x86_64" => Arch::X86_64,
            "aarch64" => Arch::Aarch64,
            _ => return None,
        };
        Some(Platform { os, arch })
    }

    /// The folder of this platform's build under `<data-dir>/clients/`: `linux-x86_64`.
    pub fn dir_name(self) -> String {
        format!("{}-{}", self.os.as_str(), self.arch.as_str())
    }

    /// The build's file name, and the suffix a download's name keeps.
    pub fn file_name(self) -> &'static str {
        match self.os {
            Os::Windows => "beckon-client.exe",
            _ => "beckon-client",
        }
    }

    pub fn extension(self) -> &'static str {
        match self.os {
            Os::Windows => ".exe",
            _ => "",
        }
    }
}

/// The installed build for a platform: `<data-dir>/clients/<os>-<arch>/beckon-client[.exe]`,
/// else, for the server's own platform, `beckon-client` beside the server's executable (a
/// release archive ships both; a `cargo build` puts both in `target/<profile>/`).
pub async fn find_build(data_dir: &Path, platform: Platform) -> Option<PathBuf> {
    let installed = data_dir
        .join("clients")
        .join(platform.dir_name())
        .join(platform.file_name());
    if is_file(&installed).await {
        return Some(installed);
    }
    if Platform::of_server() != Some(platform) {
        return None;
    }
    let beside = std::env::current_exe()
        .ok()?
        .parent()?
        .join(platform.file_name());
    is_file(&beside).await.then_some(beside)
}

async fn is_file(p: &Path) -> bool {
    tokio::fs::metadata(p).await.is_ok_and(|m| m.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(os: Os, arch: Arch) -> Option<Platform> {
        Some(Platform { os, arch })
    }

    #[test]
    fn reads_the_system_from_user_agents() {
        let cases = [
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36", p(Os::Windows, Arch::X86_64)),
            ("Mozilla/5.0 (Windows NT 10.0; ARM64) AppleWebKit/537.36 Edge/120", p(Os::Windows, Arch::Aarch64)),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15", p(Os::Macos, Arch::X86_64)),
            ("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", p(Os::Linux, Arch::X86_64)),
            ("Mozilla/5.0 (X11; Linux aarch64) AppleWebKit/537.36 Chrome/120 Safari/537.36", p(Os::Linux, Arch::Aarch64)),
            ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36", None),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", None),
            ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", None),
            ("curl/8.5.0", None),
            ("", None),
        ];
        for (ua, want) in cases {
            assert_eq!(Platform::from_user_agent(ua), want, "{ua}");
        }
    }

    #[test]
    fn names_builds() {
        let win = Platform {
            os: Os::Windows,
            arch: Arch::X86_64,
        };
        assert_eq!(win.dir_name(), "windows-x86_64");
        assert_eq!(win.file_name(), "beckon-client.exe");
        let mac = Platform {
            os: Os::Macos,
            arch: Arch::Aarch64,
        };
        assert_eq!(
            (mac.dir_name().as_str(), mac.file_name()),
            ("macos-aarch64", "beckon-client")
        );
    }

    #[tokio::test]
    async fn finds_installed_builds_only() {
        let dir = std::env::temp_dir().join(format!("beckon-builds-{}", std::process::id()));
        let win = Platform {
            os: Os::Windows,
            arch: Arch::Aarch64,
        };
        assert_eq!(find_build(&dir, win).await, None);
        let folder = dir.join("clients/windows-aarch64");
        std::fs::create_dir_all(&folder).unwrap();
        // A folder named like the build is not a build.
        std::fs::create_dir_all(folder.join("beckon-client.exe")).unwrap();
        assert_eq!(find_build(&dir, win).await, None);
        std::fs::remove_dir(folder.join("beckon-client.exe")).unwrap();
        std::fs::write(folder.join("beckon-client.exe"), b"MZ").unwrap();
        assert_eq!(
            find_build(&dir, win).await,
            Some(folder.join("beckon-client.exe"))
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
