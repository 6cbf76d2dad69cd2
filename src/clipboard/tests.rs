//! The copy methods tried in order and what the status line says, with tmux and the native
//! clipboard stood in for.

use std::cell::RefCell;
use std::rc::Rc;

use super::tmux::TMUX_DEADLINE;
use super::*;
use crate::cli::ClipboardMode;

/// Every tmux invocation: its arguments and stdin.
type Calls = Rc<RefCell<Vec<(Vec<String>, String)>>>;

/// Stands for tmux: answers `-V` with `version` (an empty one fails), `load-buffer` with
/// `load_buffer`.
struct FakeTmux {
    version: &'static str,
    load_buffer: fn() -> Result<String, RunError>,
    calls: Calls,
}

impl TmuxRunner for FakeTmux {
    fn run(&mut self, args: &[&str], stdin: &[u8]) -> Result<String, RunError> {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let stdin = String::from_utf8_lossy(stdin).into_owned();
        self.calls.borrow_mut().push((args.clone(), stdin));
        if args == ["-V"] && self.version.is_empty() {
            Err(RunError::TimedOut(TMUX_DEADLINE))
        } else if args == ["-V"] {
            Ok(self.version.to_string())
        } else {
            (self.load_buffer)()
        }
    }
}

fn tmux_ok() -> Result<String, RunError> {
    Ok(String::new())
}

fn tmux_exits_1() -> Result<String, RunError> {
    Err(RunError::Exit {
        status: "exit status: 1".into(),
        stderr: "no server running on /tmp/tmux-1000/default".into(),
    })
}

fn tmux_missing() -> Result<String, RunError> {
    Err(RunError::NotFound)
}

fn tmux_hangs() -> Result<String, RunError> {
    Err(RunError::TimedOut(TMUX_DEADLINE))
}

/// Stands for arboard; records what was set.
struct FakeNative {
    result: Result<(), Problem>,
    set: Rc<RefCell<Vec<String>>>,
}

impl NativeClipboard for FakeNative {
    fn set_text(&mut self, text: &str) -> Result<(), Problem> {
        self.set.borrow_mut().push(text.to_string());
        self.result.clone()
    }
}

const DESKTOP: Session = Session {
    over_ssh: false,
    in_tmux: false,
    has_display: true,
};
const HEADLESS: Session = Session {
    over_ssh: false,
    in_tmux: false,
    has_display: false,
};
const SSH: Session = Session {
    over_ssh: true,
    in_tmux: false,
    has_display: false,
};
const TMUX: Session = Session {
    over_ssh: false,
    in_tmux: true,
    has_display: true,
};
const TMUX_OVER_SSH: Session = Session {
    over_ssh: true,
    in_tmux: true,
    has_display: false,
};

/// A clipboard, the tmux calls it made and what reached the native clipboard.
struct Rig {
    clipboard: Clipboard,
    tmux_calls: Calls,
    native_set: Rc<RefCell<Vec<String>>>,
    native_opened: Rc<RefCell<bool>>,
}

impl Rig {
    fn new(
        mode: ClipboardMode,
        session: Session,
        version: &'static str,
        load_buffer: fn() -> Result<String, RunError>,
        native: Result<(), Problem>,
    ) -> Rig {
        let tmux_calls = Calls::default();
        let native_set = Rc::new(RefCell::new(Vec::new()));
        let native_opened = Rc::new(RefCell::new(false));
        let (set, opened) = (native_set.clone(), native_opened.clone());
        let clipboard = Clipboard::with(
            mode,
            session,
            Box::new(FakeTmux {
                version,
                load_buffer,
                calls: tmux_calls.clone(),
            }),
            move || {
                *opened.borrow_mut() = true;
                Ok(Box::new(FakeNative {
                    result: native,
                    set,
                }) as Box<dyn NativeClipboard>)
            },
        );
        Rig {
            clipboard,
            tmux_calls,
            native_set,
            native_opened,
        }
    }

    /// Copies "abc" as the user ID: the status line and what was written to the terminal.
    fn copy(&mut self) -> (CopyOutcome, String, Vec<u8>) {
        let mut terminal = Vec::new();
        let outcome = self.clipboard.copy("abc", &mut terminal);
        let status = outcome.describe("user ID");
        (outcome, status, terminal)
    }

    fn load_buffer_calls(&self) -> Vec<(Vec<String>, String)> {
        let calls = self.tmux_calls.borrow();
        calls
            .iter()
            .filter(|(a, _)| a[0] != "-V")
            .cloned()
            .collect()
    }
}

const OSC52_ABC: &[u8] = b"\x1b]52;c;YWJj\x07";

#[test]
fn auto_in_tmux_loads_the_buffer_with_w_and_the_text_on_stdin() {
    let mut rig = Rig::new(ClipboardMode::Auto, TMUX, "tmux 3.3a", tmux_ok, Ok(()));
    let (outcome, status, terminal) = rig.copy();
    assert_eq!(outcome, CopyOutcome::Tmux);
    assert!(outcome.is_success());
    assert_eq!(status, "Copied user ID to the tmux paste buffer");
    assert!(terminal.is_empty(), "no escape sequence besides tmux");
    assert_eq!(
        rig.load_buffer_calls(),
        [(
            vec!["load-buffer".into(), "-w".into(), "-".into()],
            "abc".into()
        )]
    );
    assert!(rig.native_set.borrow().is_empty());
}

#[test]
fn the_tmux_version_is_learned_once_and_old_tmux_gets_no_w() {
    let mut rig = Rig::new(ClipboardMode::Tmux, TMUX, "tmux 3.1c", tmux_ok, Ok(()));
    rig.copy();
    rig.copy();
    let calls = rig.tmux_calls.borrow();
    let versions = calls.iter().filter(|(a, _)| a == &["-V"]).count();
    assert_eq!(versions, 1);
    assert_eq!(calls.len(), 3);
    assert_eq!(calls[1].0, ["load-buffer", "-"]);
}

#[test]
fn auto_in_tmux_falls_back_to_the_native_clipboard_and_says_so() {
    let mut rig = Rig::new(ClipboardMode::Auto, TMUX, "tmux 3.3a", tmux_exits_1, Ok(()));
    let (outcome, status, terminal) = rig.copy();
    assert!(outcome.is_success());
    assert_eq!(
        status,
        "Copied user ID to the native clipboard instead: tmux load-buffer failed"
    );
    assert_eq!(*rig.native_set.borrow(), ["abc"]);
    assert!(terminal.is_empty());
}

#[test]
fn auto_in_tmux_over_ssh_falls_back_to_plain_osc52() {
    let mut rig = Rig::new(
        ClipboardMode::Auto,
        TMUX_OVER_SSH,
        "tmux 3.3a",
        tmux_hangs,
        Ok(()),
    );
    let (outcome, status, terminal) = rig.copy();
    assert!(outcome.is_success());
    assert_eq!(
        status,
        "Sent user ID to the terminal with OSC 52 instead: tmux did not answer"
    );
    assert_eq!(terminal, OSC52_ABC, "plain, not in the passthrough wrapper");
    assert!(!*rig.native_opened.borrow(), "no native clipboard over SSH");
}

#[test]
fn tmux_mode_reports_its_failure_with_what_to_try() {
    let mut rig = Rig::new(ClipboardMode::Tmux, TMUX, "tmux 3.3a", tmux_missing, Ok(()));
    let (outcome, status, terminal) = rig.copy();
    assert!(!outcome.is_success());
    assert_eq!(
        status,
        "Could not copy user ID: tmux not found; try --clipboard auto"
    );
    assert!(terminal.is_empty());
}

#[test]
fn a_tmux_that_fails_its_version_check_is_not_run_again() {
    let mut rig = Rig::new(ClipboardMode::Auto, TMUX, "", tmux_ok, Ok(()));
    let (outcome, status, _) = rig.copy();
    assert_eq!(
        status,
        "Copied user ID to the native clipboard instead: tmux did not answer"
    );
    assert!(outcome.is_success());
    assert!(rig.load_buffer_calls().is_empty());
}

#[test]
fn tmux_mode_outside_tmux_runs_nothing() {
    let mut rig = Rig::new(ClipboardMode::Tmux, DESKTOP, "tmux 3.3a", tmux_ok, Ok(()));
    let (outcome, status, _) = rig.copy();
    assert!(!outcome.is_success());
    assert_eq!(
        status,
        "Could not copy user ID: not inside tmux ($TMUX is unset); try --clipboard auto"
    );
    assert!(rig.tmux_calls.borrow().is_empty());
}

#[test]
fn auto_on_a_desktop_uses_the_native_clipboard_and_never_tmux() {
    let mut rig = Rig::new(ClipboardMode::Auto, DESKTOP, "tmux 3.3a", tmux_ok, Ok(()));
    let (outcome, status, terminal) = rig.copy();
    assert_eq!(outcome, CopyOutcome::Native { why: None });
    assert_eq!(status, "Copied user ID to the native clipboard");
    assert!(terminal.is_empty());
    assert!(rig.tmux_calls.borrow().is_empty());
}

#[test]
fn auto_without_a_display_sends_osc52_and_never_opens_the_native_clipboard() {
    let mut rig = Rig::new(ClipboardMode::Auto, HEADLESS, "", tmux_ok, Ok(()));
    let (outcome, status, terminal) = rig.copy();
    assert!(outcome.is_success());
    assert_eq!(
        status,
        "Sent user ID to the terminal with OSC 52 instead: no X11 or Wayland display"
    );
    assert_eq!(terminal, OSC52_ABC);
    assert!(!*rig.native_opened.borrow());
}

#[test]
fn a_native_clipboard_that_refuses_falls_back_to_osc52() {
    let refused = Err(Problem::NativeRefused);
    let mut rig = Rig::new(ClipboardMode::Auto, DESKTOP, "", tmux_ok, refused);
    let (_, status, terminal) = rig.copy();
    assert_eq!(
        status,
        "Sent user ID to the terminal with OSC 52 instead: the native clipboard refused the text"
    );
    assert_eq!(terminal, OSC52_ABC);
}

#[test]
fn native_mode_without_a_display_fails_in_plain_words() {
    let mut rig = Rig::new(ClipboardMode::Native, HEADLESS, "", tmux_ok, Ok(()));
    let (outcome, status, terminal) = rig.copy();
    assert!(!outcome.is_success());
    assert_eq!(
        status,
        "Could not copy user ID: no X11 or Wayland display; try --clipboard auto"
    );
    assert!(terminal.is_empty());
}

#[test]
fn auto_over_ssh_sends_osc52_without_excuses() {
    let mut rig = Rig::new(ClipboardMode::Auto, SSH, "", tmux_ok, Ok(()));
    let (outcome, status, terminal) = rig.copy();
    assert_eq!(
        outcome,
        CopyOutcome::Osc52 {
            tmux: false,
            why: None
        }
    );
    assert_eq!(status, "Sent user ID to the terminal with OSC 52");
    assert_eq!(terminal, OSC52_ABC);
}

#[test]
fn osc52_passthrough_mode_wraps_the_sequence() {
    let mut rig = Rig::new(ClipboardMode::Osc52Passthrough, TMUX, "", tmux_ok, Ok(()));
    let (outcome, status, terminal) = rig.copy();
    assert!(outcome.is_success());
    assert_eq!(
        status,
        "Sent user ID to the terminal with OSC 52 (tmux passthrough)"
    );
    assert_eq!(terminal, b"\x1bPtmux;\x1b\x1b]52;c;YWJj\x07\x1b\\");
    assert!(rig.tmux_calls.borrow().is_empty());
}

#[test]
fn oversized_osc52_copy_fails_without_writing() {
    let mut rig = Rig::new(ClipboardMode::Osc52, SSH, "", tmux_ok, Ok(()));
    let mut terminal = Vec::new();
    let big = "x".repeat(100 * 1024);
    let outcome = rig.clipboard.copy(&big, &mut terminal);
    assert_eq!(
        outcome.describe("the DescribeUser JSON"),
        "Could not copy the DescribeUser JSON: 100 KB is over the OSC 52 limit of 73 KB; \
         try --clipboard tmux or native"
    );
    assert!(terminal.is_empty());
}

#[test]
fn a_terminal_that_cannot_be_written_is_a_failure() {
    struct Broken;
    impl Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut rig = Rig::new(ClipboardMode::Osc52, SSH, "", tmux_ok, Ok(()));
    let outcome = rig.clipboard.copy("abc", &mut Broken);
    assert_eq!(
        outcome,
        CopyOutcome::Failed("could not write to the terminal".into())
    );
}

#[test]
fn off_mode_copies_nothing() {
    let mut rig = Rig::new(ClipboardMode::Off, TMUX, "", tmux_ok, Ok(()));
    let (outcome, status, terminal) = rig.copy();
    assert_eq!(outcome, CopyOutcome::Disabled);
    assert!(!outcome.is_success());
    assert_eq!(
        status,
        "Not copied user ID: clipboard is off (--clipboard off)"
    );
    assert!(terminal.is_empty());
    assert!(rig.tmux_calls.borrow().is_empty());
    assert!(!*rig.native_opened.borrow());
}
