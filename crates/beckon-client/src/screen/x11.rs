//! The X11 screen, read with the core protocol's `GetImage` on the root window (which
//! includes every window shown on it). x11rb speaks the protocol in Rust over the socket, so
//! no C library or development package is needed to build or run the client.

use super::{Frame, ScreenError, ScreenSource};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt, ImageFormat, ImageOrder, Window};
use x11rb::rust_connection::RustConnection;

pub struct X11Source {
    conn: RustConnection,
    root: Window,
    bits_per_pixel: u8,
    scanline_pad: u8,
    masks: [u32; 3],
    msb_first: bool,
}

fn capture_err(e: impl std::fmt::Display) -> ScreenError {
    ScreenError::Capture(e.to_string())
}

impl X11Source {
    /// Connects to `$DISPLAY` and reads the root window's pixel format.
    pub fn connect() -> Result<X11Source, ScreenError> {
        let (conn, n) = x11rb::connect(None).map_err(|e| ScreenError::NoDisplay(e.to_string()))?;
        let setup = conn.setup();
        let screen = setup
            .roots
            .get(n)
            .ok_or_else(|| ScreenError::NoDisplay("no such screen".into()))?;
        let depth = screen.root_depth;
        let visual = screen
            .allowed_depths
            .iter()
            .filter(|d| d.depth == depth)
            .flat_map(|d| d.visuals.iter())
            .find(|v| v.visual_id == screen.root_visual)
            .ok_or_else(|| ScreenError::Format("no root visual".into()))?;
        let format = setup
            .pixmap_formats
            .iter()
            .find(|f| f.depth == depth)
            .ok_or_else(|| ScreenError::Format(format!("no pixmap format for depth {depth}")))?;
        // True colour of 8 bits a channel in 32-bit pixels covers every X server in use.
        let masks = [visual.red_mask, visual.green_mask, visual.blue_mask];
        if format.bits_per_pixel != 32 || masks.iter().any(|m| m.count_ones() != 8) {
            return Err(ScreenError::Format(format!(
                "depth {depth}, {} bits a pixel",
                format.bits_per_pixel
            )));
        }
        Ok(X11Source {
            root: screen.root,
            bits_per_pixel: format.bits_per_pixel,
            scanline_pad: format.scanline_pad,
            masks,
            msb_first: setup.image_byte_order == ImageOrder::MSB_FIRST,
            conn,
        })
    }
}

impl ScreenSource for X11Source {
    fn capture(&mut self) -> Result<Frame, ScreenError> {
        // The size is read each time: the customer may change the resolution while shared.
        let geo = self
            .conn
            .get_geometry(self.root)
            .map_err(capture_err)?
            .reply()
            .map_err(capture_err)?;
        let (w, h) = (geo.width, geo.height);
        let image = self
            .conn
            .get_image(ImageFormat::Z_PIXMAP, self.root, 0, 0, w, h, !0)
            .map_err(capture_err)?
            .reply()
            .map_err(capture_err)?;
        let (w, h) = (usize::from(w), usize::from(h));
        let pad = usize::from(self.scanline_pad.max(8));
        let stride = (w * usize::from(self.bits_per_pixel)).div_ceil(pad) * pad / 8;
        if image.data.len() < stride * h {
            return Err(ScreenError::Capture("short image from the X server".into()));
        }
        let shifts = self.masks.map(|m| m.trailing_zeros());
        let mut rgb = Vec::with_capacity(w * h * 3);
        for y in 0..h {
            for px in image.data[y * stride..y * stride + w * 4].chunks_exact(4) {
                let bytes = [px[0], px[1], px[2], px[3]];
                let v = if self.msb_first {
                    u32::from_be_bytes(bytes)
                } else {
                    u32::from_le_bytes(bytes)
                };
                for (m, s) in self.masks.iter().zip(shifts) {
                    rgb.push(((v & m) >> s) as u8);
                }
            }
        }
        Ok(Frame {
            width: w as u32,
            height: h as u32,
            rgb,
        })
    }
}
