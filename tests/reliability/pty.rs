//! The interactive browser in a pseudo-terminal against the hostile data set: none of the
//! data's escape sequences or controls reach the terminal (checked on the raw bytes), the
//! list's columns stay aligned, and its `--debug` log file holds no secrets.

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

use crate::hostile_data::is_dangerous;
use crate::support::*;

const ROWS: u16 = 40;
const COLS: u16 = 140;
const DEADLINE: Duration = Duration::from_secs(30);

struct Pty {
    child: Box<dyn Child + Send + Sync>,
    input: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    raw: Vec<u8>,
    screen: vt100::Parser,
}

impl Pty {
    fn start(env: &AwsEnv, args: &[&str]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut command = CommandBuilder::new(BIN);
        command.args(args);
        for name in env.removed() {
            command.env_remove(name);
        }
        for (name, value) in env.vars() {
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
        // Closing the master would hang up the child; keep it for the test's life.
        std::mem::forget(pair.master);
        Pty {
            child,
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
        self.input.write_all(keys.as_bytes()).expect("type");
        self.input.flush().expect("flush");
    }

    fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        if !self.wait_until(DEADLINE, what, &done) {
            let text = self.screen.screen().contents();
            panic!("timed out waiting for {what}; the screen shows:\n{text}")
        }
    }

    /// Reads output until `done` holds for the screen (true) or `within` passes (false).
    fn wait_until(&mut self, within: Duration, what: &str, done: &impl Fn(&str) -> bool) -> bool {
        let deadline = Instant::now() + within;
        loop {
            let text = self.screen.screen().contents();
            if done(&text) {
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
                    panic!("connect-tui exited while waiting for {what}; the screen:\n{text}")
                }
            }
        }
    }

    fn quit(&mut self) {
        self.send("q");
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                assert!(status.success(), "exit status {status:?}");
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.raw.extend_from_slice(&bytes);
                }
                return;
            }
            assert!(Instant::now() < deadline, "connect-tui did not quit");
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.raw.extend_from_slice(&bytes);
            }
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// Browses every user of the hostile data set (the record of each is drawn), then quits.
fn browse_hostile_users(env: &AwsEnv, mock: &Mock, extra: &[&str]) -> Pty {
    let mut args = vec![
        "--endpoint-url",
        mock.url.as_str(),
        "--instance-id",
        HOSTILE_INSTANCE,
        "--clipboard",
        "off",
    ];
    args.extend(extra);
    let mut pty = Pty::start(env, &args);
    pty.wait_for("the hostile users listed", |s| {
        s.contains("Users ·") && s.contains("u99-long-")
    });
    for n in 1..=10 {
        pty.send("j");
        let id = if n == 10 {
            "00000000-0000-4000-8000-999999999999".to_string()
        } else {
            format!("00000000-0000-4000-8000-{n:012}")
        };
        pty.wait_for(&format!("the record of user {n}"), |s| s.contains(&id));
    }
    pty.wait_for("the routing profile's hostile name, inert", |s| {
        s.contains("rp␛]52;c;SE9TVElMRUNMSVA=␇clip")
    });
    pty
}

#[test]
fn hostile_data_never_reaches_the_terminal_as_control_sequences() {
    let env = AwsEnv::new();
    let mock = Mock::start(&["--data", HOSTILE_DATA]);
    let mut pty = browse_hostile_users(&env, &mock, &[]);

    // Columns stay aligned: the users pane's right border is in one column on every row.
    let rows: Vec<String> = pty.screen.screen().rows(0, COLS).collect();
    let top = rows
        .iter()
        .position(|r| r.contains("Users ·"))
        .expect("the users pane");
    let border = rows[top]
        .chars()
        .position(|c| c == '┐')
        .expect("the pane's top-right corner");
    let screen = pty.screen.screen();
    for (row, text) in rows.iter().enumerate().skip(top + 1) {
        let cell = screen
            .cell(row as u16, border as u16)
            .map(|c| c.contents().to_string())
            .unwrap_or_default();
        if cell == "┘" {
            break;
        }
        assert_eq!(cell, "│", "row {row} is misaligned: {text:?}");
    }
    pty.quit();

    let raw = String::from_utf8_lossy(&pty.raw).into_owned();
    let live: Vec<&str> = [
        "\x1b]",              // any OSC: clipboard (52), title (0, 2)...
        "\x1bP",              // DCS
        "\x07",               // BEL, the OSC terminator
        "\x1b[6nHOSTILEDSR",  // the data's cursor-position query
        "\x1b[31mHOSTILERED", // the data's colour
        "\x1b[2J\x1b[31m",    // the data's screen clear
    ]
    .into_iter()
    .filter(|seq| raw.contains(seq))
    .collect();
    assert!(
        live.is_empty(),
        "live sequences from the data reached the terminal: {live:?}"
    );
    let dangerous: Vec<String> = raw
        .chars()
        .filter(|&c| is_dangerous(c) && !matches!(c, '\x1b' | '\r' | '\x08'))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(
        dangerous.is_empty(),
        "controls from the data: {dangerous:?}"
    );
}

#[test]
fn the_browsers_debug_log_holds_no_secrets() {
    let env = AwsEnv::new();
    let mock = Mock::start(&["--data", HOSTILE_DATA]);
    let mut pty = browse_hostile_users(&env, &mock, &["--debug"]);
    pty.quit();
    let log_path = env
        .path("state")
        .join("connect-tui")
        .join("connect-tui.log");
    let log = std::fs::read_to_string(&log_path)
        .unwrap_or_else(|e| panic!("no log at {}: {e}", log_path.display()));
    crate::security::assert_no_secrets(&log, "the browser's --debug log");
    assert!(
        log.contains("DescribeUser request"),
        "the debug log does not show the requests, so it proves nothing:\n{log}"
    );
}

#[test]
fn quitting_with_a_request_in_flight_exits_at_once() {
    let env = AwsEnv::new();
    // An endpoint that takes the request and never answers: once it has read the request,
    // the listing is in flight for as long as the test wants.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let (tx, requests) = mpsc::channel();
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
            head.push(byte[0]);
        }
        // Keep the connection open (unanswered) while the test runs.
        let _ = tx.send((String::from_utf8_lossy(&head).into_owned(), stream));
    });
    let mut pty = Pty::start(&env, &["--endpoint-url", &url, "--clipboard", "off"]);
    let (request, _connection) = requests
        .recv_timeout(DEADLINE)
        .expect("the browser never sent its first request");
    assert!(request.starts_with("GET /instance"), "{request}");
    pty.wait_for("the first frame", |s| {
        s.contains("Amazon Connect instances")
    });
    let pressed = Instant::now();
    pty.quit();
    assert!(
        pressed.elapsed() < Duration::from_secs(5),
        "quitting took {:?}",
        pressed.elapsed()
    );
}

#[test]
fn the_browser_works_through_injected_faults() {
    let env = AwsEnv::new();
    // Half of all answers fail: the client's retries and, when a pane still fails, the
    // retry key must get Jane's whole record through.
    let mock = Mock::start(&["--fault-rate", "0.5", "--seed", "9"]);
    let mut pty = Pty::start(
        &env,
        &[
            "--endpoint-url",
            &mock.url,
            "--instance-id",
            JANE_INSTANCE,
            "--clipboard",
            "off",
        ],
    );
    pty.wait_for("the users screen", |s| s.contains("Users ·"));
    pty.send("/Jane");
    pty.wait_for("the filter to match Jane", |s| {
        s.contains("/Jane") && s.contains(" of ")
    });
    pty.send("\r");
    let loaded = |s: &str| {
        s.contains("First name       Jane")
            && s.lines()
                .any(|l| l.contains("Routing profile") && l.contains("Basic Routing Profile"))
    };
    // The client retries by itself; should a pane still fail (five faults in a row), the
    // retry key must bring it back, as a user would press it.
    let mut retries = 0;
    while !pty.wait_until(Duration::from_secs(15), "Jane's record", &loaded) {
        retries += 1;
        assert!(
            retries <= 3,
            "Jane's record never loaded through the faults"
        );
        pty.send("R");
    }
    pty.quit();
    let faults = mock
        .requests()
        .iter()
        .filter(|e| e.get("fault").is_some())
        .count();
    assert!(
        faults > 0,
        "no fault was injected, so this proves nothing: {:?}",
        mock.requests()
    );
}
