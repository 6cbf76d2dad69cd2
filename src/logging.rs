//! Where logs go. Commands log to stderr only with `--debug` (stdout is for results only);
//! the interactive browser logs to a file, since the terminal is the UI; the mock server logs
//! warnings to stderr (its stdout carries the `listening on` line).
//!
//! At debug level only our own targets log in detail: the SDK's own debug and trace output
//! is kept at `info`, because parts of it (signing) are not written with secrets in mind.
//! Our wire log (`connect_tui::wire`) redacts credentials and signatures itself.

use std::path::PathBuf;

use tracing_subscriber::EnvFilter;

fn filter(debug: bool) -> EnvFilter {
    let ours = if debug { "debug" } else { "info" };
    EnvFilter::new(format!("warn,connect_tui={ours},aws_config=info"))
}

/// Commands: debug log to stderr when asked, otherwise nothing.
pub fn init_stderr(debug: bool) {
    if debug {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter(true))
            .with_writer(std::io::stderr)
            .with_ansi(false)
            .try_init();
    }
}

/// Mock server: warnings and errors on stderr.
pub fn init_server() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::new("warn,connect_tui=info"))
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .try_init();
}

/// The interactive browser's log file: `$XDG_STATE_HOME/connect-tui/connect-tui.log`, else
/// `~/.local/state/connect-tui/connect-tui.log`, else the temp directory.
pub fn log_file_path() -> PathBuf {
    state_dir().join("connect-tui.log")
}

/// `$XDG_STATE_HOME/connect-tui` (default `~/.local/state/connect-tui`): the log and the
/// `:` command history.
pub fn state_dir() -> PathBuf {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("connect-tui")
}

/// Interactive browser: log to the file (appending). Returns the path, or `None` when the
/// file cannot be opened (then nothing is logged: the terminal must stay clean).
pub fn init_file(debug: bool) -> Option<PathBuf> {
    let path = log_file_path();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).ok()?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .ok()?;
    tracing_subscriber::fmt()
        .with_env_filter(filter(debug))
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .try_init()
        .ok()?;
    Some(path)
}
