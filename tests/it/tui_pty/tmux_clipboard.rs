//! End to end inside a real tmux server at tmux's *default* configuration (`-f /dev/null`):
//! `connect-tui --demo` with the default `--clipboard auto` must put what `y` and the copy
//! menu copy into tmux's paste buffer (`tmux show-buffer`), and say so. This is the setting
//! where OSC 52 in tmux's DCS passthrough is silently dropped (`allow-passthrough` is off).
//!
//! tmux gets its own socket directory and socket name, and the server is killed at the end,
//! pass or fail. Every wait polls a condition (`capture-pane`, `show-buffer`) up to a deadline.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use super::{INSTANCE, JANE};

const DEADLINE: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);
const SESSION: &str = "clip";

/// A private tmux server; killed on drop.
struct TmuxServer {
    /// `TMUX_TMPDIR`: the socket lives here, away from the user's own tmux.
    dir: tempfile::TempDir,
    socket: String,
}

impl TmuxServer {
    /// `tmux -L <socket> <args>` for this server.
    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("tmux");
        command
            .env("TMUX_TMPDIR", self.dir.path())
            .env_remove("TMUX")
            .args(["-L", &self.socket])
            .args(args);
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args)
            .output()
            .unwrap_or_else(|e| panic!("tmux {args:?}: {e}"))
    }

    fn pane(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", SESSION]).stdout)
            .into_owned()
    }

    /// The top paste buffer, or None while there is none.
    fn buffer(&self) -> Option<String> {
        let out = self.run(&["show-buffer"]);
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Types `keys` literally into the pane.
    fn type_keys(&self, keys: &str) {
        let out = self.run(&["send-keys", "-t", SESSION, "-l", keys]);
        assert!(out.status.success(), "send-keys: {out:?}");
    }

    fn press_enter(&self) {
        let out = self.run(&["send-keys", "-t", SESSION, "Enter"]);
        assert!(out.status.success(), "send-keys: {out:?}");
    }

    /// Polls `check` until it gives a value or the deadline passes (then fails, showing the pane).
    fn wait_for<T>(&self, what: &str, check: impl Fn(&Self) -> Option<T>) -> T {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(value) = check(self) {
                return value;
            }
            if Instant::now() >= deadline {
                panic!(
                    "timed out waiting for {what}; the pane shows:\n{}",
                    self.pane()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    fn wait_for_pane(&self, what: &str, done: impl Fn(&str) -> bool) {
        self.wait_for(what, |s| done(&s.pane()).then_some(()));
    }
}

impl Drop for TmuxServer {
    fn drop(&mut self) {
        let _ = self.command(&["kill-server"]).output();
    }
}

/// Whether tmux can be run here; without it the test is skipped, except in CI.
fn tmux_available() -> bool {
    match Command::new("tmux").arg("-V").output() {
        Ok(out) if out.status.success() => true,
        other => {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is required in CI: {other:?}"
            );
            println!("skipped: tmux is not installed ({other:?})");
            false
        }
    }
}

/// Starts `connect-tui --demo` on Jane's instance (default clipboard) in a detached 160×40 tmux session. The
/// server, and so the program, gets an isolated HOME, AWS config and log directory, and no
/// display or SSH session: inside tmux, tmux itself must do the copying.
fn start(home: &Path) -> TmuxServer {
    let server = TmuxServer {
        dir: tempfile::tempdir().expect("a socket directory"),
        socket: format!("connect-tui-test-{}", std::process::id()),
    };
    std::fs::write(home.join("config"), "[default]\nregion = us-east-1\n").expect("AWS config");
    std::fs::write(home.join("credentials"), "").expect("AWS credentials");
    let path = |name: &str| home.join(name).display().to_string();
    let mut command = server.command(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        SESSION,
        "-x",
        "160",
        "-y",
        "40",
        env!("CARGO_BIN_EXE_connect-tui"),
        "--demo",
        "--instance-id",
        INSTANCE,
    ]);
    command
        .env("HOME", home)
        .env("XDG_STATE_HOME", path("state"))
        .env("XDG_CONFIG_HOME", path("config-home"))
        .env("AWS_CONFIG_FILE", path("config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", path("credentials"))
        .env("TZ", "UTC");
    for name in [
        "SSH_CONNECTION",
        "DISPLAY",
        "WAYLAND_DISPLAY",
        "AWS_PROFILE",
        "AWS_DEFAULT_PROFILE",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_CONNECT",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "CONNECT_TUI_CONFIG",
        "CONNECT_TUI_THEME",
        "CONNECT_TUI_CLIPBOARD",
    ] {
        command.env_remove(name);
    }
    let out = command.output().expect("start tmux");
    assert!(out.status.success(), "tmux new-session: {out:?}");
    server
}

/// From the first frame to Jane's record: the filter, Enter (the instance opens directly).
fn open_jane(tmux: &TmuxServer) {
    tmux.wait_for_pane("the users screen", |pane| pane.contains("Users ·"));
    tmux.type_keys("/Jane");
    tmux.wait_for_pane("the filter to match Jane", |pane| {
        pane.contains("/Jane") && pane.contains(" of ")
    });
    tmux.press_enter();
    tmux.wait_for_pane("Jane's record", |pane| {
        pane.contains("First name       Jane") && pane.contains(JANE)
    });
}

#[test]
fn inside_tmux_at_its_defaults_y_and_the_copy_menu_fill_the_paste_buffer() {
    if !tmux_available() {
        return;
    }
    let home = tempfile::tempdir().expect("a temporary HOME");
    let tmux = start(home.path());
    open_jane(&tmux);

    tmux.type_keys("y");
    let copied = tmux.wait_for("Jane's user ID in the paste buffer", |t| {
        t.buffer().filter(|b| b == JANE)
    });
    assert_eq!(copied, JANE);
    tmux.wait_for_pane("the status line to say where it went", |pane| {
        pane.contains("Copied user ID to the tmux paste buffer")
    });

    tmux.type_keys("c");
    tmux.wait_for_pane("the copy menu", |pane| pane.contains("Copy ·"));
    tmux.type_keys("x");
    let line = tmux.wait_for("the describe-user line in the paste buffer", |t| {
        t.buffer()
            .filter(|b| b.starts_with("aws connect describe-user"))
    });
    assert!(
        line.starts_with(&format!(
            "aws connect describe-user --instance-id {INSTANCE} --user-id {JANE} --region "
        )),
        "{line:?}"
    );

    tmux.type_keys("q");
    tmux.wait_for("connect-tui to exit and its session to end", |t| {
        (!t.run(&["has-session", "-t", SESSION]).status.success()).then_some(())
    });
}
