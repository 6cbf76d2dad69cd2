//! What a copy did, in the words the status line uses.
//!
//! Every failure has a short text written for it here, per kind: library errors are long and
//! technical ("X11 server connection timed out because it was unreachable…") and would be cut
//! mid-word in the status bar. The whole raw error goes to the log where it happens.

use std::fmt;

use super::osc52::OSC52_MAX_TEXT_BYTES;

/// Why one copy method did not work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `--clipboard tmux` without `$TMUX`.
    NotInTmux,
    TmuxNotFound,
    /// `tmux load-buffer` overran its deadline and was killed.
    TmuxTimedOut,
    /// `tmux load-buffer` exited non-zero (or could not be run).
    TmuxFailed,
    /// Neither `DISPLAY` nor `WAYLAND_DISPLAY` is set.
    NoDisplay,
    /// A display is set, but the native clipboard could not be opened.
    NativeUnavailable,
    /// Another program holds the native clipboard.
    NativeBusy,
    NativeRefused,
    /// Over [`OSC52_MAX_TEXT_BYTES`]; the size in KB, rounded up.
    TooLongForOsc52 {
        kb: usize,
    },
    TerminalWrite,
}

impl Problem {
    /// The `--clipboard` value worth trying instead, when there is one. Only an explicit
    /// mode fails on tmux or the native clipboard (`auto` goes on to OSC 52), and `auto`
    /// picks what works in the session; inside tmux plain OSC 52 would be dropped.
    fn hint(&self) -> Option<&'static str> {
        match self {
            Problem::NotInTmux
            | Problem::TmuxNotFound
            | Problem::TmuxTimedOut
            | Problem::TmuxFailed
            | Problem::NoDisplay
            | Problem::NativeUnavailable
            | Problem::NativeBusy
            | Problem::NativeRefused => Some("try --clipboard auto"),
            Problem::TooLongForOsc52 { .. } => Some("try --clipboard tmux or native"),
            Problem::TerminalWrite => None,
        }
    }

    /// The status line's text when this was the last method tried: what failed and what to try.
    pub fn failure(&self) -> String {
        match self.hint() {
            Some(hint) => format!("{self}; {hint}"),
            None => self.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotInTmux => f.write_str("not inside tmux ($TMUX is unset)"),
            Problem::TmuxNotFound => f.write_str("tmux not found"),
            Problem::TmuxTimedOut => f.write_str("tmux did not answer"),
            Problem::TmuxFailed => f.write_str("tmux load-buffer failed"),
            Problem::NoDisplay => f.write_str("no X11 or Wayland display"),
            Problem::NativeUnavailable => f.write_str("no native clipboard"),
            Problem::NativeBusy => f.write_str("the native clipboard is busy"),
            Problem::NativeRefused => f.write_str("the native clipboard refused the text"),
            Problem::TooLongForOsc52 { kb } => write!(
                f,
                "{kb} KB is over the OSC 52 limit of {} KB",
                OSC52_MAX_TEXT_BYTES / 1024
            ),
            Problem::TerminalWrite => f.write_str("could not write to the terminal"),
        }
    }
}

/// What a copy did, for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    /// `tmux load-buffer` exited 0: the text is in tmux's paste buffer (tmux passes it on to
    /// the terminal's clipboard as its `set-clipboard` option says).
    Tmux,
    /// arboard's `set_text` returned Ok; `why` says why tmux was not used, when it was tried.
    Native {
        why: Option<Problem>,
    },
    /// OSC 52 was written to the terminal. Terminals never confirm, so this is "sent", not
    /// "copied". `tmux`: wrapped in tmux's DCS passthrough (`--clipboard osc52-passthrough`).
    /// `why`: why a method tried before it did not work.
    Osc52 {
        tmux: bool,
        why: Option<Problem>,
    },
    /// Nothing was copied; the short text of what failed and what to try.
    Failed(String),
    Disabled,
}

impl CopyOutcome {
    /// True when the method reported success (for OSC 52: the sequence was written).
    pub fn is_success(&self) -> bool {
        matches!(
            self,
            CopyOutcome::Tmux | CopyOutcome::Native { .. } | CopyOutcome::Osc52 { .. }
        )
    }

    /// The status line after copying `what` ("user ID", "ARN", ...).
    pub fn describe(&self, what: &str) -> String {
        match self {
            CopyOutcome::Tmux => format!("Copied {what} to the tmux paste buffer"),
            CopyOutcome::Native { why } => {
                with_why(format!("Copied {what} to the native clipboard"), why)
            }
            CopyOutcome::Osc52 { tmux: true, why } => with_why(
                format!("Sent {what} to the terminal with OSC 52 (tmux passthrough)"),
                why,
            ),
            CopyOutcome::Osc52 { tmux: false, why } => {
                with_why(format!("Sent {what} to the terminal with OSC 52"), why)
            }
            CopyOutcome::Failed(reason) => format!("Could not copy {what}: {reason}"),
            CopyOutcome::Disabled => {
                format!("Not copied {what}: clipboard is off (--clipboard off)")
            }
        }
    }
}

/// "<done> instead: <why>" when a fallback was taken, so the line says what it fell back to.
fn with_why(done: String, why: &Option<Problem>) -> String {
    match why {
        Some(why) => format!("{done} instead: {why}"),
        None => done,
    }
}
