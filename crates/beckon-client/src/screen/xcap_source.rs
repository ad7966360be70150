//! The screen on Windows and macOS, read with the `xcap` crate (GDI on Windows, Core Graphics
//! on macOS). Both systems share this one file so that the Windows cross-check here also
//! checks the macOS path, which cannot be built without Apple's SDK.

use super::{Frame, ScreenError, ScreenSource};
use xcap::Monitor;

/// Holds no monitor handle: Windows' `HMONITOR` is a raw pointer, so an `xcap::Monitor` is
/// not `Send`, and looking the monitor up on each capture also follows the customer
/// plugging screens in or out, or moving the primary one, while shared.
pub struct XcapSource;

impl XcapSource {
    /// Fails now, not at the first frame, when the system shows no monitor at all.
    pub fn open() -> Result<XcapSource, ScreenError> {
        primary()?;
        Ok(XcapSource)
    }
}

/// The primary monitor, or the first one when none says it is primary (a query that can fail
/// on its own, for example for a monitor unplugged between the listing and the question).
fn primary() -> Result<Monitor, ScreenError> {
    let monitors = Monitor::all().map_err(|e| ScreenError::NoDisplay(e.to_string()))?;
    let index = monitors
        .iter()
        .position(|m| m.is_primary().unwrap_or(false))
        .unwrap_or(0);
    monitors
        .into_iter()
        .nth(index)
        .ok_or_else(|| ScreenError::NoDisplay("no monitor".into()))
}

impl ScreenSource for XcapSource {
    fn capture(&mut self) -> Result<Frame, ScreenError> {
        let image = primary()?
            .capture_image()
            .map_err(|e| ScreenError::Capture(e.to_string()))?;
        let (width, height) = image.dimensions();
        let rgba = image.into_raw();
        if rgba.len() != width as usize * height as usize * 4 {
            return Err(ScreenError::Format(format!(
                "{} bytes for {width}×{height} RGBA pixels",
                rgba.len()
            )));
        }
        // The frame has no alpha: the console shows an opaque screen.
        let rgb = rgba
            .chunks_exact(4)
            .flat_map(|px| [px[0], px[1], px[2]])
            .collect();
        Ok(Frame { width, height, rgb })
    }
}
