//! Copying to the clipboard: one long-lived native clipboard (arboard) plus OSC 52.
//!
//! Why one long-lived `arboard::Clipboard`: on X11 and Wayland the copying program *owns* the
//! selection; text copied from a clipboard object that is dropped right away vanishes. The UI
//! loop creates [`Clipboard`] once and drops it after the terminal is restored, when arboard
//! hands the contents over to the clipboard manager.
//!
//! Why OSC 52: over SSH the native clipboard is the remote machine's, useless to the admin;
//! the terminal emulator on their desk sets its own clipboard when it reads
//! `ESC ] 52 ; c ; <base64> BEL`. The sequence is written by the UI loop into the terminal
//! output (never from a worker task), wrapped in tmux's passthrough when `$TMUX` is set.

use std::io::Write;

use base64::Engine;

use crate::cli::ClipboardMode;

/// Largest text sent through OSC 52. Terminals drop longer sequences silently (xterm's and
/// tmux's defaults are around 100 KB of base64), so we refuse up front and say so.
pub const OSC52_MAX_TEXT_BYTES: usize = 74_994;

/// What a copy did, for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    Native,
    /// Sent as OSC 52; `why` says why not the native clipboard (None when OSC 52 was asked for).
    Osc52 { tmux: bool, why: Option<String> },
    Failed(String),
    Disabled,
}

impl CopyOutcome {
    /// The status line after copying `what` ("user ID", "ARN", ...).
    pub fn describe(&self, what: &str) -> String {
        match self {
            CopyOutcome::Native => format!("Copied {what} (native clipboard)"),
            CopyOutcome::Osc52 { tmux, why } => {
                let via = if *tmux { "OSC 52 via tmux" } else { "OSC 52" };
                match why {
                    Some(why) => format!("Copied {what} ({via}; {why})"),
                    None => format!("Copied {what} ({via})"),
                }
            }
            CopyOutcome::Failed(reason) => format!("Could not copy {what}: {reason}"),
            CopyOutcome::Disabled => format!("Not copied {what}: clipboard is off (--clipboard off)"),
        }
    }
}

/// The facts of the session that decide how to copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Session {
    /// `SSH_CONNECTION` is set: the native clipboard would be the remote machine's.
    pub over_ssh: bool,
    /// `TMUX` is set: OSC 52 must be wrapped in tmux's passthrough.
    pub in_tmux: bool,
}

impl Session {
    pub fn from_env() -> Self {
        Session {
            over_ssh: std::env::var_os("SSH_CONNECTION").is_some(),
            in_tmux: std::env::var_os("TMUX").is_some(),
        }
    }
}

/// The program's one clipboard. Create it once, keep it until exit, drop it after restoring
/// the terminal.
pub struct Clipboard {
    mode: ClipboardMode,
    session: Session,
    /// The native clipboard, or why it is not available.
    native: Result<arboard::Clipboard, String>,
}

impl Clipboard {
    pub fn new(mode: ClipboardMode, session: Session) -> Self {
        let wants_native = match mode {
            ClipboardMode::Native => true,
            ClipboardMode::Auto => !session.over_ssh,
            ClipboardMode::Osc52 | ClipboardMode::Off => false,
        };
        let native = if wants_native {
            arboard::Clipboard::new().map_err(|e| format!("native clipboard unavailable: {e}"))
        } else {
            Err("native clipboard not used".to_string())
        };
        Clipboard {
            mode,
            session,
            native,
        }
    }

    /// Copies `text`, writing OSC 52 into `terminal` when that is the method.
    pub fn copy(&mut self, text: &str, terminal: &mut impl Write) -> CopyOutcome {
        match self.mode {
            ClipboardMode::Off => CopyOutcome::Disabled,
            ClipboardMode::Osc52 => self.osc52(text, terminal, None),
            ClipboardMode::Native => match self.copy_native(text) {
                Ok(()) => CopyOutcome::Native,
                Err(e) => CopyOutcome::Failed(e),
            },
            ClipboardMode::Auto if self.session.over_ssh => {
                self.osc52(text, terminal, Some("over SSH".to_string()))
            }
            ClipboardMode::Auto => match self.copy_native(text) {
                Ok(()) => CopyOutcome::Native,
                Err(e) => self.osc52(text, terminal, Some(e)),
            },
        }
    }

    fn copy_native(&mut self, text: &str) -> Result<(), String> {
        match &mut self.native {
            Ok(clipboard) => clipboard
                .set_text(text)
                .map_err(|e| format!("native clipboard failed: {e}")),
            Err(why) => Err(why.clone()),
        }
    }

    fn osc52(&self, text: &str, terminal: &mut impl Write, why: Option<String>) -> CopyOutcome {
        let tmux = self.session.in_tmux;
        let sequence = match osc52_sequence(text, tmux) {
            Ok(s) => s,
            Err(e) => return CopyOutcome::Failed(e),
        };
        match terminal
            .write_all(sequence.as_bytes())
            .and_then(|()| terminal.flush())
        {
            Ok(()) => CopyOutcome::Osc52 { tmux, why },
            Err(e) => CopyOutcome::Failed(format!("writing OSC 52 to the terminal failed: {e}")),
        }
    }
}

/// The OSC 52 "set clipboard" sequence for `text`, wrapped for tmux when asked; an error
/// message when `text` is over [`OSC52_MAX_TEXT_BYTES`].
pub fn osc52_sequence(text: &str, tmux: bool) -> Result<String, String> {
    if text.len() > OSC52_MAX_TEXT_BYTES {
        return Err(format!(
            "{} KB is over the OSC 52 limit of {} KB (try --clipboard native)",
            text.len().div_ceil(1024),
            OSC52_MAX_TEXT_BYTES / 1024
        ));
    }
    let payload = base64::engine::general_purpose::STANDARD.encode(text);
    let osc = format!("\x1b]52;c;{payload}\x07");
    Ok(if tmux {
        // tmux passthrough: DCS tmux; <sequence with every ESC doubled> ST
        format!("\x1bPtmux;{}\x1b\\", osc.replace('\x1b', "\x1b\x1b"))
    } else {
        osc
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_base64_of_the_text() {
        let s = osc52_sequence("0c245dc0", false).unwrap();
        assert_eq!(s, "\x1b]52;c;MGMyNDVkYzA=\x07");
    }

    #[test]
    fn osc52_is_wrapped_for_tmux() {
        let s = osc52_sequence("hi", true).unwrap();
        assert_eq!(s, "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
    }

    #[test]
    fn osc52_refuses_oversized_text_with_a_clear_message() {
        let big = "x".repeat(OSC52_MAX_TEXT_BYTES + 1);
        let err = osc52_sequence(&big, false).unwrap_err();
        assert!(err.contains("over the OSC 52 limit"), "{err}");
        assert!(osc52_sequence(&big[1..], false).is_ok());
    }

    #[test]
    fn osc52_mode_writes_to_the_terminal_and_says_so() {
        let mut clipboard = Clipboard::new(ClipboardMode::Osc52, Session::default());
        let mut out = Vec::new();
        let outcome = clipboard.copy("abc", &mut out);
        assert_eq!(out, b"\x1b]52;c;YWJj\x07");
        assert_eq!(outcome.describe("user ID"), "Copied user ID (OSC 52)");
    }

    #[test]
    fn auto_over_ssh_uses_osc52_and_says_why() {
        let session = Session {
            over_ssh: true,
            in_tmux: false,
        };
        let mut clipboard = Clipboard::new(ClipboardMode::Auto, session);
        let mut out = Vec::new();
        let outcome = clipboard.copy("abc", &mut out);
        assert_eq!(outcome.describe("ARN"), "Copied ARN (OSC 52; over SSH)");
        assert!(!out.is_empty());
    }

    #[test]
    fn off_mode_copies_nothing() {
        let mut clipboard = Clipboard::new(ClipboardMode::Off, Session::default());
        let mut out = Vec::new();
        assert_eq!(clipboard.copy("abc", &mut out), CopyOutcome::Disabled);
        assert!(out.is_empty());
    }

    #[test]
    fn oversized_osc52_copy_fails_without_writing() {
        let mut clipboard = Clipboard::new(ClipboardMode::Osc52, Session::default());
        let mut out = Vec::new();
        let big = "x".repeat(OSC52_MAX_TEXT_BYTES + 10);
        let outcome = clipboard.copy(&big, &mut out);
        assert!(matches!(outcome, CopyOutcome::Failed(_)));
        assert!(out.is_empty());
    }
}
