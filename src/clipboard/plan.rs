//! Which copy methods to try, in order, for a `--clipboard` mode in a session. The first that
//! works is used; the status line names it and why the ones before it did not work.

use crate::cli::ClipboardMode;

/// The facts of the session that decide how to copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Session {
    /// `SSH_CONNECTION` is set: the native clipboard would be the remote machine's.
    pub over_ssh: bool,
    /// `TMUX` is set: tmux can take the text, and OSC 52 from a pane goes to tmux.
    pub in_tmux: bool,
    /// A native clipboard could exist: macOS and Windows always, elsewhere `DISPLAY` or
    /// `WAYLAND_DISPLAY` is set. Without one, arboard is not even tried (on X11 it can wait
    /// for a connection timeout).
    pub has_display: bool,
}

impl Session {
    pub fn from_env() -> Self {
        let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        Session {
            over_ssh: set("SSH_CONNECTION"),
            in_tmux: set("TMUX"),
            has_display: cfg!(any(target_os = "macos", target_os = "windows"))
                || set("DISPLAY")
                || set("WAYLAND_DISPLAY"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// `tmux load-buffer`.
    Tmux,
    /// arboard.
    Native,
    /// OSC 52 as is.
    Osc52,
    /// OSC 52 in tmux's DCS passthrough.
    Osc52Passthrough,
}

/// The methods to try, in order; empty for `off`.
///
/// `auto`: inside tmux, tmux first (it reaches both tmux's buffer and, at tmux's defaults,
/// the outer terminal, also over SSH); then the native clipboard unless over SSH (where it
/// would be the remote machine's); OSC 52 last, as is (outside tmux it always works if the
/// terminal supports it; inside, tmux takes it with `set-clipboard on`).
pub fn methods(mode: ClipboardMode, session: Session) -> Vec<Method> {
    match mode {
        ClipboardMode::Off => vec![],
        ClipboardMode::Tmux => vec![Method::Tmux],
        ClipboardMode::Native => vec![Method::Native],
        ClipboardMode::Osc52 => vec![Method::Osc52],
        ClipboardMode::Osc52Passthrough => vec![Method::Osc52Passthrough],
        ClipboardMode::Auto => {
            let mut methods = Vec::with_capacity(3);
            if session.in_tmux {
                methods.push(Method::Tmux);
            }
            if !session.over_ssh {
                methods.push(Method::Native);
            }
            methods.push(Method::Osc52);
            methods
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Method::*;

    fn session(in_tmux: bool, over_ssh: bool) -> Session {
        Session {
            over_ssh,
            in_tmux,
            has_display: true,
        }
    }

    #[test]
    fn auto_inside_tmux_tries_tmux_first() {
        let auto = ClipboardMode::Auto;
        assert_eq!(methods(auto, session(true, false)), [Tmux, Native, Osc52]);
        assert_eq!(methods(auto, session(true, true)), [Tmux, Osc52]);
    }

    #[test]
    fn auto_outside_tmux_is_native_then_osc52_and_only_osc52_over_ssh() {
        let auto = ClipboardMode::Auto;
        assert_eq!(methods(auto, session(false, false)), [Native, Osc52]);
        assert_eq!(methods(auto, session(false, true)), [Osc52]);
    }

    #[test]
    fn the_passthrough_wrapper_is_used_only_when_asked_for() {
        for in_tmux in [false, true] {
            for over_ssh in [false, true] {
                let s = session(in_tmux, over_ssh);
                assert!(!methods(ClipboardMode::Auto, s).contains(&Osc52Passthrough));
                assert_eq!(
                    methods(ClipboardMode::Osc52Passthrough, s),
                    [Osc52Passthrough]
                );
            }
        }
    }

    #[test]
    fn explicit_modes_try_one_method_and_off_none() {
        let s = session(true, true);
        assert_eq!(methods(ClipboardMode::Tmux, s), [Tmux]);
        assert_eq!(methods(ClipboardMode::Native, s), [Native]);
        assert_eq!(methods(ClipboardMode::Osc52, s), [Osc52]);
        assert!(methods(ClipboardMode::Off, s).is_empty());
    }
}
