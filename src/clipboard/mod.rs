//! Copying to the clipboard: through tmux when inside it, one long-lived native clipboard
//! (arboard) on a local desktop, OSC 52 through the terminal otherwise (over SSH, no display).
//! [`plan`] decides the order, [`Clipboard::copy`] tries it and says what happened.
//!
//! Why one long-lived `arboard::Clipboard`: on X11 and Wayland the copying program *owns* the
//! selection; text copied from a clipboard object that is dropped right away vanishes. The UI
//! loop creates [`Clipboard`] once and drops it after the terminal is restored, when arboard
//! hands the contents over to the clipboard manager.
//!
//! OSC 52 is written by the UI loop into the terminal output (never from a worker task).

mod native;
mod osc52;
mod outcome;
mod plan;
mod tmux;

#[cfg(test)]
mod tests;

use std::io::Write;

use crate::cli::ClipboardMode;

pub use native::NativeClipboard;
pub use outcome::{CopyOutcome, Problem};
pub use plan::Session;
pub use tmux::{RunError, TmuxRunner};

use osc52::osc52_sequence;
use plan::Method;
use tmux::{Tmux, TmuxCommand};

/// The program's one clipboard. Create it once, keep it until exit, drop it after restoring
/// the terminal.
pub struct Clipboard {
    methods: Vec<Method>,
    /// Set up only when tmux is among the methods and `$TMUX` is set.
    tmux: Option<Tmux>,
    /// The native clipboard, or why it is not available.
    native: Result<Box<dyn NativeClipboard>, Problem>,
}

impl Clipboard {
    /// The clipboard for `mode` with the real tmux and arboard.
    pub fn new(mode: ClipboardMode, session: Session) -> Self {
        Clipboard::with(
            mode,
            session,
            Box::new(TmuxCommand::default()),
            native::open_arboard,
        )
    }

    /// The clipboard for `mode` with `runner` standing for tmux and `open_native` opening the
    /// native clipboard; each is used only when `mode` in `session` may need it.
    pub fn with(
        mode: ClipboardMode,
        session: Session,
        runner: Box<dyn TmuxRunner>,
        open_native: impl FnOnce() -> Result<Box<dyn NativeClipboard>, Problem>,
    ) -> Self {
        let methods = plan::methods(mode, session);
        let tmux = (methods.contains(&Method::Tmux) && session.in_tmux).then(|| Tmux::new(runner));
        let native = if !methods.contains(&Method::Native) {
            Err(Problem::NativeUnavailable)
        } else if !session.has_display {
            Err(Problem::NoDisplay)
        } else {
            open_native()
        };
        Clipboard {
            methods,
            tmux,
            native,
        }
    }

    /// Copies `text` by the first method that works, writing OSC 52 into `terminal` when that
    /// is the method.
    pub fn copy(&mut self, text: &str, terminal: &mut impl Write) -> CopyOutcome {
        let mut first_problem = None;
        let mut last_problem = None;
        for method in self.methods.clone() {
            match self.try_method(method, text, terminal) {
                Ok(()) => return succeeded(method, first_problem),
                Err(problem) => {
                    tracing::info!(?method, %problem, "copy method did not work");
                    first_problem.get_or_insert_with(|| problem.clone());
                    last_problem = Some(problem);
                }
            }
        }
        match last_problem {
            Some(problem) => CopyOutcome::Failed(problem.failure()),
            None => CopyOutcome::Disabled,
        }
    }

    fn try_method(
        &mut self,
        method: Method,
        text: &str,
        terminal: &mut impl Write,
    ) -> Result<(), Problem> {
        match method {
            Method::Tmux => match &mut self.tmux {
                Some(tmux) => tmux.load_buffer(text),
                None => Err(Problem::NotInTmux),
            },
            Method::Native => match &mut self.native {
                Ok(native) => native.set_text(text),
                Err(problem) => Err(problem.clone()),
            },
            Method::Osc52 => write_osc52(text, false, terminal),
            Method::Osc52Passthrough => write_osc52(text, true, terminal),
        }
    }
}

/// The outcome of `method` working; `why` is why the first method tried before it did not.
fn succeeded(method: Method, why: Option<Problem>) -> CopyOutcome {
    match method {
        Method::Tmux => CopyOutcome::Tmux,
        Method::Native => CopyOutcome::Native { why },
        Method::Osc52 => CopyOutcome::Osc52 { tmux: false, why },
        Method::Osc52Passthrough => CopyOutcome::Osc52 { tmux: true, why },
    }
}

fn write_osc52(text: &str, passthrough: bool, terminal: &mut impl Write) -> Result<(), Problem> {
    let sequence = osc52_sequence(text, passthrough)?;
    terminal
        .write_all(sequence.as_bytes())
        .and_then(|()| terminal.flush())
        .map_err(|e| {
            tracing::warn!(error = %e, "writing OSC 52 to the terminal failed");
            Problem::TerminalWrite
        })
}
