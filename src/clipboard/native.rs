//! The native clipboard (arboard: X11, Wayland, macOS, Windows) behind a small trait, so the
//! clipboard's tests do not depend on the desktop they run on. arboard's errors are long and
//! technical: they go to the log, the status line gets a [`Problem`].

use super::outcome::Problem;

pub trait NativeClipboard {
    fn set_text(&mut self, text: &str) -> Result<(), Problem>;
}

impl NativeClipboard for arboard::Clipboard {
    fn set_text(&mut self, text: &str) -> Result<(), Problem> {
        arboard::Clipboard::set_text(self, text).map_err(|e| {
            tracing::warn!(error = %e, "the native clipboard refused the text");
            match e {
                arboard::Error::ClipboardOccupied => Problem::NativeBusy,
                _ => Problem::NativeRefused,
            }
        })
    }
}

/// Opens the one long-lived arboard clipboard.
pub fn open_arboard() -> Result<Box<dyn NativeClipboard>, Problem> {
    match arboard::Clipboard::new() {
        Ok(clipboard) => Ok(Box::new(clipboard)),
        Err(e) => {
            tracing::warn!(error = %e, "the native clipboard could not be opened");
            Err(Problem::NativeUnavailable)
        }
    }
}
