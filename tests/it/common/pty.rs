//! The real binary in a pseudo-terminal, for the end-to-end tests of the interactive browser
//! (shared by test binaries through `#[path]`): type keys, read the raw output and the screen
//! it draws (vt100), and wait on conditions with a deadline — never on fixed sleeps.

// Each test binary that includes this file uses a different part of it.

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long any one condition may take to appear.
pub const DEADLINE: Duration = Duration::from_secs(30);

pub struct Pty {
    pub child: Box<dyn Child + Send + Sync>,
    /// Kept open for the life of the test (closing it hangs up the child); also where the
    /// terminal's modes are read from.
    master: Box<dyn MasterPty + Send>,
    input: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    /// Every byte the program wrote, in order.
    pub raw: Vec<u8>,
    pub screen: vt100::Parser,
    cols: u16,
}

impl Pty {
    /// Starts connect-tui with `args` in a `rows`×`cols` terminal (TERM=xterm-256color), with
    /// the environment variables `remove` taken away and `set` set.
    pub fn start(
        args: &[&str],
        set: &[(&str, &str)],
        remove: &[&str],
        (rows, cols): (u16, u16),
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_connect-tui"));
        command.args(args);
        // The user's own config file and settings must not steer a test; a test that wants
        // a config passes CONNECT_TUI_CONFIG in `set`.
        for name in [
            "CONNECT_TUI_CONFIG",
            "CONNECT_TUI_THEME",
            "CONNECT_TUI_CLIPBOARD",
        ] {
            command.env_remove(name);
        }
        command.env("XDG_CONFIG_HOME", "/nonexistent/connect-tui-tests");
        for name in remove {
            command.env_remove(name);
        }
        for (name, value) in set {
            command.env(name, value);
        }
        command.env("TERM", "xterm-256color");
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
                std::num::NonZeroU16::new(rows).expect("rows > 0"),
                std::num::NonZeroU16::new(cols).expect("cols > 0"),
                0,
            ),
            cols,
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.input
            .write_all(keys.as_bytes())
            .expect("type into the pty");
        self.input.flush().expect("flush the pty");
    }

    /// Reads output until `done` holds for (screen text, raw bytes), or fails at the deadline.
    pub fn wait_for(&mut self, what: &str, done: impl Fn(&str, &[u8]) -> bool) {
        if !self.wait_until(DEADLINE, what, done) {
            let text = self.screen.screen().contents();
            panic!("timed out waiting for {what}; the screen shows:\n{text}")
        }
    }

    /// Reads output until `done` holds (true) or `within` passes (false).
    pub fn wait_until(
        &mut self,
        within: Duration,
        what: &str,
        done: impl Fn(&str, &[u8]) -> bool,
    ) -> bool {
        let deadline = Instant::now() + within;
        loop {
            let text = self.screen.screen().contents();
            if done(&text, &self.raw) {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => {
                    self.screen.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(RecvTimeoutError::Timeout) => return false,
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("connect-tui exited while waiting for {what}; the screen shows:\n{text}")
                }
            }
        }
    }

    /// Waits (with the deadline) for the program to exit, collecting its last output.
    pub fn wait_for_exit(&mut self) -> ExitStatus {
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

    /// Presses `q` and expects a prompt, successful exit.
    pub fn quit(&mut self) {
        self.send("q");
        let status = self.wait_for_exit();
        assert!(status.success(), "exit status {status:?}");
    }

    /// The alternate screen was left and the cursor shown again, after the last frame.
    pub fn assert_terminal_restored(&self) {
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
    pub fn raw_mode(&self) -> bool {
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

    /// The screen's rows as text.
    pub fn rows(&self) -> Vec<String> {
        self.screen.screen().rows(0, self.cols).collect()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}
