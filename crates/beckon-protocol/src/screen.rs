//! The screen view's data on the wire (docs/customer_client.md, "Screen view").
//!
//! A frame travels as the tiles that changed since the previous frame, each a lossless PNG in
//! base64, packed into `screen_tiles` messages that each fit the customer socket's frame limit
//! so that a chat message never waits behind a whole screen.

use base64::Engine;
use serde::{Deserialize, Serialize};

/// Side of a tile, in pixels; edge tiles are smaller.
pub const TILE: u32 = 64;
/// Largest `screen_tiles` message the client builds, in bytes of JSON: under the socket's
/// 32 KB limit with room for the envelope.
pub const MAX_MESSAGE_BYTES: usize = 24 * 1024;
/// Largest screen accepted: wider than any real display, small enough to bound a console.
pub const MAX_SIDE: u32 = 16_384;

/// One changed rectangle of a frame.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Tile {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
    /// Base64 of a PNG of exactly `w`×`h` pixels.
    pub data: String,
}

pub fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn decode(data: &str) -> Result<Vec<u8>, &'static str> {
    base64::engine::general_purpose::STANDARD
        .decode(data)
        .map_err(|_| "tile data is not base64")
}

/// Checks a `screen_tiles` message without decoding the images: sizes and bounds, so that a
/// console never receives a rectangle outside the screen it was told.
pub fn check_tiles(width: u32, height: u32, tiles: &[Tile]) -> Result<(), &'static str> {
    if !(1..=MAX_SIDE).contains(&width) || !(1..=MAX_SIDE).contains(&height) {
        return Err("a screen is 1 to 16384 pixels wide and high");
    }
    for t in tiles {
        if t.w == 0 || t.h == 0 || t.w > TILE || t.h > TILE {
            return Err("a tile is 1 to 64 pixels wide and high");
        }
        if t.x.checked_add(t.w).is_none_or(|r| r > width)
            || t.y.checked_add(t.h).is_none_or(|b| b > height)
        {
            return Err("a tile lies outside the screen");
        }
        if t.data.is_empty() {
            return Err("tile data is empty");
        }
        // `get`, not indexing: base64 is ASCII, but the data is whatever the peer sent, and
        // slicing a string inside a multi-byte character panics (found by `scripts/fuzz
        // chat_decode`). Cut there, it is not base64, so not a PNG either.
        let png_magic = t
            .data
            .get(..t.data.len().min(12))
            .and_then(|head| decode(head).ok())
            .is_some_and(|b| b.starts_with(&[0x89, b'P', b'N', b'G']));
        if !png_magic {
            return Err("tile data is not a base64 PNG");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tile(x: u32, y: u32, w: u32, h: u32) -> Tile {
        Tile {
            x,
            y,
            w,
            h,
            data: encode(b"\x89PNG\r\n\x1a\n...."),
        }
    }

    #[test]
    fn tiles_must_lie_inside_the_screen_and_be_pngs() {
        assert!(check_tiles(100, 80, &[tile(64, 64, 36, 16)]).is_ok());
        assert_eq!(
            check_tiles(100, 80, &[tile(64, 64, 37, 16)]),
            Err("a tile lies outside the screen")
        );
        assert!(check_tiles(100, 80, &[tile(0, 0, 65, 1)]).is_err());
        assert!(check_tiles(0, 80, &[]).is_err());
        assert!(check_tiles(100, 80, &[tile(u32::MAX, 0, 1, 1)]).is_err());
        let mut t = tile(0, 0, 1, 1);
        t.data = encode(b"GIF89a......");
        assert_eq!(
            check_tiles(100, 80, &[t]),
            Err("tile data is not a base64 PNG")
        );
    }

    /// A multi-byte character where the PNG signature is read is a refusal, not a panic
    /// (the fuzzer's crash input, shortened).
    #[test]
    fn non_ascii_tile_data_is_refused_without_panicking() {
        let mut t = tile(0, 0, 1, 1);
        t.data = "iVBORw0KGgo£AAAA".into();
        assert_eq!(
            check_tiles(100, 80, &[t]),
            Err("tile data is not a base64 PNG")
        );
    }
}
