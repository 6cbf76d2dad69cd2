//! End to end: the real binary with `--demo` in a pseudo-terminal. Pick the spec's instance,
//! filter to Jane, see her record with the routing profile's name, press `y`, and find the
//! OSC 52 sequence carrying her user ID in the raw output. Every wait is on a screen (or
//! output) condition with a deadline; there are no fixed sleeps.

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use base64::Engine;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const INSTANCE: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";
const JANE: &str = "0c245dc0-0cf5-4e37-800e-2a7481cc8a60";
const ROWS: u16 = 40;
const COLS: u16 = 140;
const DEADLINE: Duration = Duration::from_secs(20);

/// The program in a pseudo-terminal, its raw output, and the screen that output draws.
struct Pty {
    child: Box<dyn Child + Send + Sync>,
    /// Kept open for the life of the test (closing it hangs up the child); also where the
    /// terminal's modes are read from.
    master: Box<dyn MasterPty + Send>,
    input: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    raw: Vec<u8>,
    screen: vt100::Parser,
}

impl Pty {
    fn start(args: &[&str]) -> Pty {
        Pty::start_with(args, &[])
    }

    /// Starts the binary with `args` and extra environment variables `env`.
    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_connect-tui"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        // Copying must go through OSC 52, written as is (not wrapped for tmux).
        command.env_remove("TMUX");
        command.env_remove("SSH_CONNECTION");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .expect("start connect-tui");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let input = pair.master.take_writer().expect("pty writer");
        let (tx, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Pty {
            child,
            master: pair.master,
            input,
            output,
            raw: Vec::new(),
            screen: vt100::Parser::new(
                std::num::NonZeroU16::new(ROWS).expect("rows > 0"),
                std::num::NonZeroU16::new(COLS).expect("cols > 0"),
                0,
            ),
        }
    }

    fn send(&mut self, keys: &str) {
        self.input
            .write_all(keys.as_bytes())
            .expect("type into the pty");
        self.input.flush().expect("flush the pty");
    }

    /// Reads output until `done` holds for (screen text, raw bytes), or fails at the deadline.
    fn wait_for(&mut self, what: &str, done: impl Fn(&str, &[u8]) -> bool) {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let text = self.screen.screen().contents();
            if done(&text, &self.raw) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => {
                    self.screen.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}; the screen shows:\n{text}")
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("connect-tui exited while waiting for {what}; the screen shows:\n{text}")
                }
            }
        }
    }

    /// Waits (with the deadline) for the program to exit, collecting its last output.
    fn wait_for_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                // Collect what is still buffered (the restore sequences).
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.raw.extend_from_slice(&bytes);
                }
                return status;
            }
            assert!(Instant::now() < deadline, "connect-tui did not exit");
            // Wake on output or after a short poll interval; the condition is the exit.
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.raw.extend_from_slice(&bytes);
            }
        }
    }

    /// The alternate screen was left and the cursor shown again, after the last frame.
    fn assert_terminal_restored(&self) {
        let raw = String::from_utf8_lossy(&self.raw);
        let left = raw.rfind("\x1b[?1049l").expect("alternate screen not left");
        let entered = raw
            .rfind("\x1b[?1049h")
            .expect("alternate screen never entered");
        assert!(
            left > entered,
            "the alternate screen was entered again after leaving"
        );
        assert!(raw[left..].contains("\x1b[?25h"), "cursor not shown again");
    }

    /// True while the terminal is in raw mode (no line editing, no echo).
    fn raw_mode(&self) -> bool {
        let fd = self
            .master
            .as_raw_fd()
            .expect("the pty master's descriptor");
        // SAFETY: `termios` is plain data that tcgetattr fills; `fd` is the open pty master
        // (on Linux its termios are the terminal's, which the child sets on its side).
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        let rc = unsafe { libc::tcgetattr(fd, &mut termios) };
        assert_eq!(rc, 0, "tcgetattr: {}", std::io::Error::last_os_error());
        termios.c_lflag & (libc::ICANON | libc::ECHO) == 0
    }

    fn rows(&self) -> Vec<String> {
        self.screen.screen().rows(0, COLS).collect()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

fn routing_profile_resolved(screen: &str) -> bool {
    screen.lines().any(|line| {
        line.contains("Routing profile")
            && !line.contains("(loading name")
            && !line.contains("(unknown)")
            && !line.contains("unavailable")
            && !line.contains('—')
    })
}

#[test]
fn demo_pick_instance_filter_jane_and_copy_her_id_with_osc52() {
    let mut pty = Pty::start(&["--demo", "--clipboard", "osc52"]);

    // The picker lists the demo instances (or, with only one, the users screen opens at once).
    pty.wait_for("the instance picker or the users screen", |screen, _| {
        screen.contains(INSTANCE) || screen.contains("Users ·")
    });
    if !pty.screen.screen().contents().contains("Users ·") {
        pty.wait_for("the instance listing to finish", |screen, _| {
            screen.contains(INSTANCE) && !screen.contains("Listing instances")
        });
        let rows = pty.rows();
        let header = rows
            .iter()
            .position(|r| r.contains("Alias") && r.contains("ID"))
            .expect("the picker's header row");
        let target = rows
            .iter()
            .position(|r| r.contains(INSTANCE))
            .expect("the spec's instance in the picker");
        let downs = target - header - 1;
        pty.send(&"j".repeat(downs));
        pty.send("\r");
    }

    pty.wait_for("the users screen", |screen, _| screen.contains("Users ·"));
    pty.send("/Jane");
    pty.wait_for("the filter to match Jane", |screen, _| {
        screen.contains("/Jane") && screen.contains(" of ")
    });
    pty.send("\r");
    pty.wait_for(
        "Jane's record with the routing profile name",
        |screen, _| {
            screen.contains("First name       Jane")
                && screen.contains(JANE)
                && routing_profile_resolved(screen)
        },
    );

    pty.send("y");
    let payload = base64::engine::general_purpose::STANDARD.encode(JANE);
    let osc52 = format!("\x1b]52;c;{payload}\x07");
    pty.wait_for("the OSC 52 sequence with Jane's user ID", |_, raw| {
        raw.windows(osc52.len()).any(|w| w == osc52.as_bytes())
    });
    pty.wait_for("the status line to say how it was copied", |screen, _| {
        screen.contains("Copied user ID (OSC 52)")
    });

    pty.send("q");
    let status = pty.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    pty.assert_terminal_restored();
}

/// The first frame: the picker or the users screen, whichever the demo data leads to.
fn wait_for_first_frame(pty: &mut Pty) {
    pty.wait_for("the first frame", |screen, _| {
        screen.contains("Amazon Connect instances") || screen.contains("Users ·")
    });
}

#[test]
fn ctrl_c_quits_at_once_even_with_requests_in_flight() {
    let mut pty = Pty::start(&["--demo", "--clipboard", "off"]);
    wait_for_first_frame(&mut pty);
    pty.send("\x03");
    let status = pty.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    pty.assert_terminal_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut pty = Pty::start(&["--demo", "--clipboard", "off"]);
    wait_for_first_frame(&mut pty);
    let pid = pty.child.process_id().expect("child pid");
    let kill = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(kill.success());
    let status = pty.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    pty.assert_terminal_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_says_where_the_log_is() {
    let state = tempfile::tempdir().expect("a temporary state directory");
    let state_dir = state.path().to_str().expect("a UTF-8 temp path");
    let mut pty = Pty::start_with(
        &["--demo", "--clipboard", "off"],
        &[
            ("CONNECT_TUI_TEST_PANIC", "1"),
            ("XDG_STATE_HOME", state_dir),
        ],
    );
    wait_for_first_frame(&mut pty);
    assert!(pty.raw_mode(), "the browser runs in raw mode");

    pty.send("x");
    let status = pty.wait_for_exit();
    assert!(!status.success(), "a panic must not exit 0: {status:?}");
    pty.assert_terminal_restored();
    assert!(!pty.raw_mode(), "raw mode left on after the panic");

    let log = state.path().join("connect-tui").join("connect-tui.log");
    let raw = String::from_utf8_lossy(&pty.raw);
    let message = format!("the log is at {}", log.display());
    assert!(raw.contains(&message), "no `{message}` in:\n{raw}");
    let logged = std::fs::read_to_string(&log).expect("the log file");
    assert!(
        logged.contains("CONNECT_TUI_TEST_PANIC is set"),
        "the panic is not in the log:\n{logged}"
    );
}

#[test]
fn without_a_terminal_the_browser_says_to_use_a_subcommand() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_connect-tui"))
        .arg("--demo")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run connect-tui");
    assert_eq!(out.status.code(), Some(252), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("use a subcommand"), "{stderr}");
    assert!(out.stdout.is_empty());
}
