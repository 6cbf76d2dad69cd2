//! A rebound key end to end: the real binary in a pseudo-terminal with a config file that
//! moves "copy the user ID" from `y` to Ctrl-Y and help from `?` to `h`. Ctrl-Y copies
//! (the OSC 52 sequence carries Jane's ID), `y` no longer does, and help and the status-bar
//! hints show the user's keys.

use std::io::Write;

use base64::Engine;

use super::{INSTANCE, JANE, routing_profile_resolved, start_with};

#[test]
fn a_config_file_rebinds_keys_and_help_shows_them() {
    let mut config = tempfile::NamedTempFile::new().expect("temp config file");
    config
        .write_all(b"[keys]\ncopy_id = \"ctrl-y\"\nhelp = \"h\"\n")
        .expect("write config");
    let path = config.path().to_str().expect("UTF-8 temp path").to_string();
    let mut pty = start_with(
        &["--demo", "--instance-id", INSTANCE, "--clipboard", "osc52"],
        &[("CONNECT_TUI_CONFIG", &path)],
    );
    pty.wait_for("Jane's record", |screen, _| {
        screen.contains("First name       Jane") && routing_profile_resolved(screen)
    });
    pty.wait_for("the hints with the rebound keys", |screen, _| {
        screen.contains("Ctrl-Y copy ID") && screen.contains("h help")
    });

    let osc52 = format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(JANE)
    );
    let copies = |raw: &[u8]| {
        raw.windows(osc52.len())
            .filter(|w| *w == osc52.as_bytes())
            .count()
    };
    // `y` first: keys are handled in order, so by the time help (pressed last) is on screen,
    // a copy by `y` would be in the output too.
    pty.send("y");
    pty.send("\x19"); // Ctrl-Y
    pty.wait_for("Ctrl-Y to copy Jane's ID", |screen, raw| {
        copies(raw) >= 1 && screen.contains("Sent user ID to the terminal with OSC 52")
    });
    pty.send("?"); // no longer help: nothing happens
    pty.send("h");
    pty.wait_for("help with the rebound keys", |screen, _| {
        screen
            .lines()
            .any(|l| l.contains("Ctrl-Y") && l.contains("copy the user ID"))
            && screen
                .lines()
                .any(|l| l.contains(" h ") && l.contains("help"))
    });
    assert_eq!(copies(&pty.raw), 1, "only Ctrl-Y copied, not y");

    // `q` closes help (Esc followed at once by `q` would read as Alt-Q), then quits.
    pty.send("q");
    pty.wait_for("help to close", |screen, _| !screen.contains("Help ·"));
    pty.quit();
    pty.assert_terminal_restored();
}
