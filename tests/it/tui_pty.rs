//! End to end: the real binary with `--demo` in a pseudo-terminal. Pick the spec's instance,
//! filter to Jane, see her record with the routing profile's name, press `y`, and find the
//! OSC 52 sequence carrying her user ID in the raw output. Every wait is on a screen (or
//! output) condition with a deadline; there are no fixed sleeps.

use base64::Engine;

const INSTANCE: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";
const JANE: &str = "0c245dc0-0cf5-4e37-800e-2a7481cc8a60";
const ROWS: u16 = 40;
const COLS: u16 = 140;

use crate::common::pty;
use pty::Pty;

#[path = "tui_pty/config_keys.rs"]
mod config_keys;
#[path = "tui_pty/live.rs"]
mod live;
#[path = "tui_pty/tmux_clipboard.rs"]
mod tmux_clipboard;
#[path = "tui_pty/users_table.rs"]
mod users_table;

/// The browser in a 140×40 terminal, copying through OSC 52 as is (not wrapped for tmux).
fn start(args: &[&str]) -> Pty {
    start_with(args, &[])
}

/// [`start`] with extra environment variables.
fn start_with(args: &[&str], env: &[(&str, &str)]) -> Pty {
    Pty::start(args, env, &["TMUX", "SSH_CONNECTION"], (ROWS, COLS))
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
    let mut pty = start(&["--demo", "--clipboard", "osc52"]);

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
        screen.contains("Sent user ID to the terminal with OSC 52")
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
    let mut pty = start(&["--demo", "--clipboard", "off"]);
    wait_for_first_frame(&mut pty);
    pty.send("\x03");
    let status = pty.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
    pty.assert_terminal_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut pty = start(&["--demo", "--clipboard", "off"]);
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
    let mut pty = start_with(
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

/// Every SGR parameter (`ESC [ … m`) in `raw`, as numbers.
fn sgr_parameters(raw: &[u8]) -> Vec<u16> {
    let mut parameters = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.windows(2).position(|w| w == b"\x1b[") {
        let after = &rest[start + 2..];
        let end = after
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b';' || *b == b':'))
            .unwrap_or(after.len());
        if after.get(end) == Some(&b'm') {
            let text = String::from_utf8_lossy(&after[..end]);
            parameters.extend(text.split([';', ':']).filter_map(|p| p.parse::<u16>().ok()));
        }
        rest = &after[end.min(after.len())..];
    }
    parameters
}

/// SGR parameters that set a colour: 30–37, 38, 40–47, 48, 90–97, 100–107.
fn is_colour(parameter: u16) -> bool {
    matches!(parameter, 30..=38 | 40..=48 | 90..=97 | 100..=107)
}

/// The demo's users screen with Jane's record, drawn with `env`.
fn janes_record_raw(env: &[(&str, &str)]) -> Vec<u8> {
    let mut pty = start_with(
        &["--demo", "--instance-id", INSTANCE, "--clipboard", "off"],
        env,
    );
    pty.wait_for(
        "Jane's record with the routing profile name",
        |screen, _| screen.contains("First name       Jane") && routing_profile_resolved(screen),
    );
    let raw = pty.raw.clone();
    pty.quit();
    raw
}

#[test]
fn no_color_draws_without_a_colour_and_keeps_selection_visible() {
    // The control: by default the browser does write colours, so the check below can fail.
    let coloured = sgr_parameters(&janes_record_raw(&[]));
    assert!(coloured.iter().any(|p| is_colour(*p)), "{coloured:?}");

    let mono = sgr_parameters(&janes_record_raw(&[("NO_COLOR", "1")]));
    let colours: Vec<u16> = mono.iter().copied().filter(|p| is_colour(*p)).collect();
    assert!(
        colours.is_empty(),
        "colour SGR parameters under NO_COLOR: {colours:?}"
    );
    assert!(
        mono.contains(&7),
        "reverse video marks the selection: {mono:?}"
    );
    assert!(mono.contains(&1), "bold marks focus and keys: {mono:?}");
}
