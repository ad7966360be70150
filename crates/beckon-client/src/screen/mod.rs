//! The customer's screen as the screen view sends it (docs/customer_client.md, "Screen
//! view"): a `ScreenSource` captures whole frames; `changes` finds the 64×64 tiles that
//! differ from the previous frame and `pack` encodes them as lossless PNGs in messages that
//! each fit the socket's frame limit. Pure apart from the source, so the diff and the packing
//! are unit-tested without a display.

use beckon_protocol::chat::ClientMsg;
use beckon_protocol::screen::{self, Tile, MAX_MESSAGE_BYTES, TILE};

#[cfg(all(unix, not(target_os = "macos")))]
mod x11;
#[cfg(any(windows, target_os = "macos"))]
mod xcap_source;

/// One captured frame: `rgb` holds `width * height` pixels of three bytes, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum ScreenError {
    #[error("no display to capture ({0})")]
    NoDisplay(String),
    #[error("capturing the screen failed: {0}")]
    Capture(String),
    #[error("the display's pixel format is not supported ({0})")]
    Format(String),
    #[error("screen capture is not supported on this system yet")]
    Unsupported,
    #[error("encoding a tile failed: {0}")]
    Encode(String),
}

/// Where frames come from: the primary monitor of this system.
pub trait ScreenSource: Send {
    fn capture(&mut self) -> Result<Frame, ScreenError>;
}

/// The primary screen of this machine. X11 is read with x11rb's `GetImage`, Windows and
/// macOS with `xcap`; other systems have no source yet and say so, which ends the consent in
/// the log (`screen_ended`).
pub fn open() -> Result<Box<dyn ScreenSource>, ScreenError> {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        Ok(Box::new(x11::X11Source::connect()?))
    }
    #[cfg(any(windows, target_os = "macos"))]
    {
        Ok(Box::new(xcap_source::XcapSource::open()?))
    }
    #[cfg(not(any(unix, windows)))]
    {
        Err(ScreenError::Unsupported)
    }
}

/// A rectangle of a frame, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

/// Every tile of a `width`×`height` frame, row by row.
fn grid(width: u32, height: u32) -> impl Iterator<Item = Rect> {
    (0..height.div_ceil(TILE)).flat_map(move |ty| {
        (0..width.div_ceil(TILE)).map(move |tx| {
            let (x, y) = (tx * TILE, ty * TILE);
            Rect {
                x,
                y,
                w: TILE.min(width - x),
                h: TILE.min(height - y),
            }
        })
    })
}

fn row(f: &Frame, r: Rect, dy: u32) -> &[u8] {
    let start = ((r.y + dy) as usize * f.width as usize + r.x as usize) * 3;
    &f.rgb[start..start + r.w as usize * 3]
}

/// The tiles of `next` that differ from `prev`; all of them when there is no previous frame
/// or its size differs (a keyframe).
pub fn changes(prev: Option<&Frame>, next: &Frame) -> Vec<Rect> {
    let prev = prev.filter(|p| p.width == next.width && p.height == next.height);
    grid(next.width, next.height)
        .filter(|&r| match prev {
            None => true,
            Some(p) => (0..r.h).any(|dy| row(p, r, dy) != row(next, r, dy)),
        })
        .collect()
}

/// A tile of `f` as a PNG.
pub fn encode_tile(f: &Frame, r: Rect) -> Result<Vec<u8>, ScreenError> {
    let mut pixels = Vec::with_capacity((r.w * r.h * 3) as usize);
    for dy in 0..r.h {
        pixels.extend_from_slice(row(f, r, dy));
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, r.w, r.h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    // Speed matters more than size: a frame is encoded while the customer works.
    enc.set_compression(png::Compression::Fast);
    let err = |e: png::EncodingError| ScreenError::Encode(e.to_string());
    let mut w = enc.write_header().map_err(err)?;
    w.write_image_data(&pixels).map_err(err)?;
    w.finish().map_err(err)?;
    Ok(out)
}

/// What a tile adds to a message besides its data (`{"x":..,"y":..,"w":..,"h":..,"data":""}`).
const TILE_OVERHEAD: usize = 64;
/// The message's own fields.
const ENVELOPE: usize = 200;

/// Encodes `rects` of `f` into `screen_tiles` messages of at most `MAX_MESSAGE_BYTES` each;
/// the last has `last` set. No change still gives one (empty) message: the console's ack of
/// it is the credit for the next frame.
pub fn pack(
    f: &Frame,
    rects: &[Rect],
    frame: u64,
    captured_at: i64,
    encode_ms: u32,
) -> Result<Vec<ClientMsg>, ScreenError> {
    let mut groups: Vec<Vec<Tile>> = vec![Vec::new()];
    let mut size = ENVELOPE;
    for &r in rects {
        let data = screen::encode(&encode_tile(f, r)?);
        let cost = data.len() + TILE_OVERHEAD;
        let current = groups.last_mut().expect("one group at least");
        if !current.is_empty() && size + cost > MAX_MESSAGE_BYTES {
            groups.push(Vec::new());
            size = ENVELOPE;
        }
        size += cost;
        let (x, y, w, h) = (r.x, r.y, r.w, r.h);
        groups
            .last_mut()
            .expect("one group at least")
            .push(Tile { x, y, w, h, data });
    }
    let n = groups.len();
    Ok(groups
        .into_iter()
        .enumerate()
        .map(|(i, tiles)| ClientMsg::ScreenTiles {
            frame,
            width: f.width,
            height: f.height,
            tiles,
            last: i + 1 == n,
            captured_at,
            encode_ms,
        })
        .collect())
}

#[cfg(test)]
mod tests;
