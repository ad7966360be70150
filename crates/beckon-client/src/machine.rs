//! Collects the system information a customer may share (`beckon_protocol::sysinfo`) with the
//! `sysinfo` crate (one API for Linux, macOS and Windows, no admin rights needed), and writes
//! it out as the lines the customer reads before deciding: exactly the values that will be
//! sent, byte counts included.

use crate::i18n::I18n;
use beckon_protocol::sysinfo::{Disk, Network, SystemInfo, MAX_ENTRIES, MAX_FIELD_CHARS};

fn field(s: impl AsRef<str>) -> String {
    s.as_ref().chars().take(MAX_FIELD_CHARS).collect()
}

/// Reads this machine now. Takes a fraction of a second (it reads /proc, the registry, ...):
/// call it off the UI thread.
pub fn collect() -> SystemInfo {
    use sysinfo::{CpuRefreshKind, Disks, MemoryRefreshKind, Networks, RefreshKind, System};
    let sys = System::new_with_specifics(
        RefreshKind::nothing()
            .with_cpu(CpuRefreshKind::nothing())
            .with_memory(MemoryRefreshKind::nothing().with_ram()),
    );
    let cpu_brand = sys
        .cpus()
        .first()
        .map(|c| c.brand().trim().to_string())
        .unwrap_or_default();
    let cores = System::physical_core_count().unwrap_or(sys.cpus().len());
    let mut disks: Vec<Disk> = Disks::new_with_refreshed_list()
        .list()
        .iter()
        .take(MAX_ENTRIES)
        .map(|d| Disk {
            name: field(d.name().to_string_lossy()),
            mount_point: field(d.mount_point().to_string_lossy()),
            file_system: field(d.file_system().to_string_lossy()),
            total_bytes: d.total_space(),
            available_bytes: d.available_space(),
        })
        .collect();
    disks.sort_by(|a, b| a.mount_point.cmp(&b.mount_point));
    let mut networks: Vec<Network> = Networks::new_with_refreshed_list()
        .iter()
        .take(MAX_ENTRIES)
        .map(|(name, data)| Network {
            name: field(name),
            mac: field(data.mac_address().to_string()),
            addresses: data
                .ip_networks()
                .iter()
                .take(MAX_ENTRIES)
                .map(|n| field(format!("{}/{}", n.addr, n.prefix)))
                .collect(),
        })
        .collect();
    networks.sort_by(|a, b| a.name.cmp(&b.name));
    SystemInfo {
        os_name: field(System::name().unwrap_or_default()),
        // The short version ("12", "11 (22631)", "14.2"): with the name it reads
        // "Debian GNU/Linux 12"; the long one repeats the name.
        os_version: field(
            System::os_version()
                .or_else(System::long_os_version)
                .unwrap_or_default(),
        ),
        kernel_version: field(System::kernel_version().unwrap_or_default()),
        hostname: field(System::host_name().unwrap_or_default()),
        cpu_brand: field(cpu_brand),
        cpu_cores: u32::try_from(cores).unwrap_or(u32::MAX),
        memory_total_bytes: sys.total_memory(),
        memory_used_bytes: sys.used_memory(),
        disks,
        networks,
        uptime_secs: System::uptime(),
    }
}

/// `17179869184 B (16.0 GiB)`: the exact number that is sent, and what it means.
fn bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{n} B ({v:.1} {})", UNITS[unit])
    }
}

/// The information as labelled lines in the customer's language: every field of what would
/// be sent, nothing left out.
pub fn describe(info: &SystemInfo, i18n: &I18n) -> Vec<String> {
    let mut out = vec![
        format!(
            "{}: {} {}",
            i18n.s("info-os"),
            info.os_name,
            info.os_version
        ),
        format!("{}: {}", i18n.s("info-kernel"), info.kernel_version),
        format!("{}: {}", i18n.s("info-hostname"), info.hostname),
        format!(
            "{}: {} ({})",
            i18n.s("info-cpu"),
            info.cpu_brand,
            i18n.t("info-cores", &[("count", &info.cpu_cores.to_string())])
        ),
        format!(
            "{}: {}",
            i18n.s("info-memory"),
            i18n.t(
                "info-memory-value",
                &[
                    ("used", &bytes(info.memory_used_bytes)),
                    ("total", &bytes(info.memory_total_bytes))
                ]
            )
        ),
    ];
    for d in &info.disks {
        out.push(format!(
            "{}: {} {} ({}): {}",
            i18n.s("info-disk"),
            d.name,
            d.mount_point,
            d.file_system,
            i18n.t(
                "info-disk-value",
                &[
                    ("available", &bytes(d.available_bytes)),
                    ("total", &bytes(d.total_bytes))
                ]
            )
        ));
    }
    for n in &info.networks {
        out.push(format!(
            "{}: {} (MAC {}): {}",
            i18n.s("info-network"),
            n.name,
            n.mac,
            n.addresses.join(", ")
        ));
    }
    out.push(format!("{}: {} s", i18n.s("info-uptime"), info.uptime_secs));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_this_machine_within_the_protocol_bounds() {
        let info = collect();
        assert!(info.check().is_ok());
        assert!(!info.os_name.is_empty() || !info.kernel_version.is_empty());
        assert!(info.memory_total_bytes > 0);
        assert!(info.cpu_cores > 0);
    }

    #[test]
    fn describes_every_field_exactly() {
        let info = SystemInfo {
            os_name: "Debian".into(),
            os_version: "13".into(),
            kernel_version: "6.1.0".into(),
            hostname: "box".into(),
            cpu_brand: "CPU X".into(),
            cpu_cores: 4,
            memory_total_bytes: 17_179_869_184,
            memory_used_bytes: 1000,
            disks: vec![Disk {
                name: "/dev/sda1".into(),
                mount_point: "/".into(),
                file_system: "ext4".into(),
                total_bytes: 2048,
                available_bytes: 1024,
            }],
            networks: vec![Network {
                name: "eth0".into(),
                mac: "aa:bb:cc:dd:ee:ff".into(),
                addresses: vec!["10.0.0.2/24".into()],
            }],
            uptime_secs: 77,
        };
        let text = describe(&info, &I18n::new("en-us")).join("\n");
        for part in [
            "Debian 13",
            "6.1.0",
            "box",
            "CPU X",
            "4",
            "17179869184 B (16.0 GiB)",
            "1000 B used",
            "/dev/sda1",
            "ext4",
            "2048 B (2.0 KiB)",
            "aa:bb:cc:dd:ee:ff",
            "10.0.0.2/24",
            "77 s",
        ] {
            assert!(text.contains(part), "{part} missing from\n{text}");
        }
    }
}
