//! The system information a customer may share with the representative, exactly as the
//! client shows it before asking for consent and as the console shows it after.

use serde::{Deserialize, Serialize};

/// Longest text field kept, in characters, and most list entries.
pub const MAX_FIELD_CHARS: usize = 256;
pub const MAX_ENTRIES: usize = 64;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SystemInfo {
    pub os_name: String,
    pub os_version: String,
    pub kernel_version: String,
    pub hostname: String,
    pub cpu_brand: String,
    pub cpu_cores: u32,
    pub memory_total_bytes: u64,
    pub memory_used_bytes: u64,
    pub disks: Vec<Disk>,
    pub networks: Vec<Network>,
    pub uptime_secs: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Disk {
    pub name: String,
    pub mount_point: String,
    pub file_system: String,
    pub total_bytes: u64,
    pub available_bytes: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Network {
    pub name: String,
    pub mac: String,
    pub addresses: Vec<String>,
}

impl SystemInfo {
    /// Refuses what no real machine reports: overlong text or lists (a hostile client).
    pub fn check(&self) -> Result<(), &'static str> {
        let texts = [
            &self.os_name,
            &self.os_version,
            &self.kernel_version,
            &self.hostname,
            &self.cpu_brand,
        ];
        let disk_texts = self
            .disks
            .iter()
            .flat_map(|d| [&d.name, &d.mount_point, &d.file_system]);
        let net_texts = self
            .networks
            .iter()
            .flat_map(|n| std::iter::once(&n.name).chain([&n.mac]).chain(&n.addresses));
        if self.disks.len() > MAX_ENTRIES
            || self.networks.len() > MAX_ENTRIES
            || self
                .networks
                .iter()
                .any(|n| n.addresses.len() > MAX_ENTRIES)
        {
            return Err("system information has too many entries");
        }
        if texts
            .into_iter()
            .chain(disk_texts)
            .chain(net_texts)
            .any(|t| t.chars().count() > MAX_FIELD_CHARS)
        {
            return Err("system information has a field longer than 256 characters");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_what_it_accepts() {
        let mut i = SystemInfo::default();
        assert!(i.check().is_ok());
        i.hostname = "x".repeat(257);
        assert!(i.check().is_err());
        i.hostname.clear();
        i.disks = vec![Disk::default(); 65];
        assert!(i.check().is_err());
    }
}
