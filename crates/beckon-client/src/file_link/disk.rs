//! The file link's file I/O: one chunk at a time, never outside the folder it was given.

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// A name in `folder` that is not taken yet: `a.txt`, `a (1).txt`, `a (2).txt`, ...
pub(super) fn free_name(folder: &Path, name: &str) -> PathBuf {
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
        _ => (name.to_string(), String::new()),
    };
    let mut candidate = folder.join(name);
    let mut n = 1;
    while candidate.exists() {
        candidate = folder.join(format!("{stem} ({n}){ext}"));
        n += 1;
    }
    candidate
}

/// The next tenth reached, once each: progress lines every ~10%.
pub(super) fn tenth(shown: &mut u64, done: u64, size: u64) -> Option<u8> {
    let now = done * 10 / size.max(1);
    (now > *shown).then(|| {
        *shown = now;
        (now * 10) as u8
    })
}

pub(super) fn read_at(path: &Path, offset: u64, len: usize) -> std::io::Result<Vec<u8>> {
    let mut f = std::fs::File::open(path)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut buf = vec![0; len];
    f.read_exact(&mut buf)?;
    Ok(buf)
}

/// Writes at `offset` of the `.part` file, which must hold exactly `offset` bytes.
pub(super) fn append(part: &Path, offset: u64, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(part)?;
    if f.metadata()?.len() != offset {
        return Err(std::io::Error::other("the partial file changed"));
    }
    f.write_all(bytes)
}
