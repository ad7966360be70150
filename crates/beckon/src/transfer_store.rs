//! The bytes of file transfers, in the data folder: `<data>/transfers/<session id>/<id>`, with
//! `<id>.meta` beside a representative's file while it is still being uploaded. Kept out of
//! the database so that a 100 MB file is not a 100 MB row, and so that ending a session frees
//! the space by removing one folder (`background`).

use beckon_protocol::files;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum TransferStoreError {
    #[error("the transfer id is not valid: {0}")]
    BadId(&'static str),
    #[error("a chunk must start at byte {expected}, not {got}")]
    WrongOffset { expected: u64, got: u64 },
    #[error("the chunk goes past the offered size of {size} bytes")]
    PastEnd { size: u64 },
    #[error("the file's bytes are not stored")]
    Missing,
    #[error("file storage failed: {0}")]
    Io(#[from] std::io::Error),
}

/// A staged upload of the representative's: what the offer will say once every byte is in.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Staged {
    pub file_name: String,
    pub size: u64,
}

#[derive(Debug, Clone)]
pub struct TransferStore {
    root: PathBuf,
}

impl TransferStore {
    pub fn new(data_dir: &Path) -> TransferStore {
        TransferStore {
            root: data_dir.join("transfers"),
        }
    }

    pub fn session_dir(&self, session: i64) -> PathBuf {
        self.root.join(session.to_string())
    }

    /// The bytes' path; the id was checked to be a plain name, so it stays in the folder.
    pub fn path(&self, session: i64, id: &str) -> Result<PathBuf, TransferStoreError> {
        files::check_id(id).map_err(TransferStoreError::BadId)?;
        Ok(self.session_dir(session).join(id))
    }

    /// How many bytes of `id` are stored (0 when none).
    pub async fn len(&self, session: i64, id: &str) -> Result<u64, TransferStoreError> {
        match tokio::fs::metadata(self.path(session, id)?).await {
            Ok(m) => Ok(m.len()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(0),
            Err(e) => Err(e.into()),
        }
    }

    /// Appends `bytes` at `offset`, which must be the stored length (a resent or reordered
    /// chunk is refused, never written twice); returns the new length.
    pub async fn append(
        &self,
        session: i64,
        id: &str,
        offset: u64,
        bytes: Vec<u8>,
        size: u64,
    ) -> Result<u64, TransferStoreError> {
        let path = self.path(session, id)?;
        let dir = self.session_dir(session);
        tokio::task::spawn_blocking(move || {
            std::fs::create_dir_all(&dir)?;
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)?;
            let stored = f.metadata()?.len();
            if stored != offset {
                return Err(TransferStoreError::WrongOffset {
                    expected: stored,
                    got: offset,
                });
            }
            if offset + bytes.len() as u64 > size {
                return Err(TransferStoreError::PastEnd { size });
            }
            f.write_all(&bytes)?;
            Ok(offset + bytes.len() as u64)
        })
        .await
        .map_err(|e| TransferStoreError::Io(std::io::Error::other(e)))?
    }

    /// Up to `files::MAX_CHUNK_BYTES` bytes at `offset` of a file of `size` bytes.
    pub async fn read_chunk(
        &self,
        session: i64,
        id: &str,
        offset: u64,
        size: u64,
    ) -> Result<Vec<u8>, TransferStoreError> {
        let Some(len) = files::next_chunk_len(offset, size) else {
            return Err(TransferStoreError::PastEnd { size });
        };
        let path = self.path(session, id)?;
        tokio::task::spawn_blocking(move || {
            use std::io::Read;
            let mut f = std::fs::File::open(&path).map_err(|_| TransferStoreError::Missing)?;
            f.seek(SeekFrom::Start(offset))?;
            let mut buf = vec![0u8; len];
            f.read_exact(&mut buf)
                .map_err(|_| TransferStoreError::Missing)?;
            Ok(buf)
        })
        .await
        .map_err(|e| TransferStoreError::Io(std::io::Error::other(e)))?
    }

    pub async fn sha256(&self, session: i64, id: &str) -> Result<String, TransferStoreError> {
        let path = self.path(session, id)?;
        tokio::task::spawn_blocking(move || files::sha256_file(&path))
            .await
            .map_err(std::io::Error::other)?
            .map_err(Into::into)
    }

    pub async fn remove(&self, session: i64, id: &str) -> Result<(), TransferStoreError> {
        let path = self.path(session, id)?;
        let _ = tokio::fs::remove_file(path.with_extension("meta")).await;
        match tokio::fs::remove_file(path).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }

    pub async fn stage(
        &self,
        session: i64,
        id: &str,
        staged: &Staged,
    ) -> Result<(), TransferStoreError> {
        let path = self.path(session, id)?;
        tokio::fs::create_dir_all(self.session_dir(session)).await?;
        let json = serde_json::to_vec(staged).map_err(std::io::Error::other)?;
        tokio::fs::write(path.with_extension("meta"), json).await?;
        tokio::fs::write(path, b"").await?;
        Ok(())
    }

    pub async fn staged(
        &self,
        session: i64,
        id: &str,
    ) -> Result<Option<Staged>, TransferStoreError> {
        let path = self.path(session, id)?.with_extension("meta");
        match tokio::fs::read(path).await {
            Ok(b) => Ok(serde_json::from_slice(&b).ok()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// The upload is complete and offered: it is no longer staged.
    pub async fn unstage(&self, session: i64, id: &str) -> Result<(), TransferStoreError> {
        let path = self.path(session, id)?.with_extension("meta");
        let _ = tokio::fs::remove_file(path).await;
        Ok(())
    }

    /// Frees every file of a session (when it ended).
    pub async fn remove_session(&self, session: i64) -> Result<(), TransferStoreError> {
        match tokio::fs::remove_dir_all(self.session_dir(session)).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        }
    }

    /// The sessions that have a folder here.
    pub async fn sessions(&self) -> Vec<i64> {
        let mut out = Vec::new();
        let Ok(mut dir) = tokio::fs::read_dir(&self.root).await else {
            return out;
        };
        while let Ok(Some(e)) = dir.next_entry().await {
            if let Some(id) = e.file_name().to_str().and_then(|n| n.parse().ok()) {
                out.push(id);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn appends_only_at_the_stored_length() {
        let dir = tempfile::tempdir().unwrap();
        let s = TransferStore::new(dir.path());
        assert_eq!(s.append(1, "f", 0, b"abc".to_vec(), 6).await.unwrap(), 3);
        assert!(matches!(
            s.append(1, "f", 0, b"abc".to_vec(), 6).await,
            Err(TransferStoreError::WrongOffset {
                expected: 3,
                got: 0
            })
        ));
        assert!(matches!(
            s.append(1, "f", 3, b"defg".to_vec(), 6).await,
            Err(TransferStoreError::PastEnd { size: 6 })
        ));
        assert_eq!(s.append(1, "f", 3, b"def".to_vec(), 6).await.unwrap(), 6);
        assert_eq!(s.read_chunk(1, "f", 2, 6).await.unwrap(), b"cdef");
        assert_eq!(
            s.sha256(1, "f").await.unwrap(),
            files::sha256_hex(b"abcdef")
        );
        assert!(matches!(
            s.append(1, "../x", 0, b"a".to_vec(), 6).await,
            Err(TransferStoreError::BadId(_))
        ));
        assert_eq!(s.sessions().await, vec![1]);
        s.remove_session(1).await.unwrap();
        assert_eq!(s.len(1, "f").await.unwrap(), 0);
    }
}
