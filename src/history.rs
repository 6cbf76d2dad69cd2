//! The `:` command line's history across runs: `$XDG_STATE_HOME/connect-tui/history`
//! (`~/.local/state/connect-tui/history`), one command per line, oldest first. Only the last
//! [`KEPT`] are kept. Reading or writing it never stops the browser: a history that cannot
//! be read is empty, one that cannot be written is not kept.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Commands kept across runs.
pub const KEPT: usize = 500;

pub fn path() -> PathBuf {
    crate::logging::state_dir().join("history")
}

/// The last [`KEPT`] commands of the file at `path` (none when it is missing or unreadable).
/// Lines with control characters (not something the command line can have typed) are
/// skipped: the history is shown on the terminal.
pub fn load(path: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.chars().any(char::is_control))
        .map(str::to_string)
        .collect();
    let skip = lines.len().saturating_sub(KEPT);
    lines.into_iter().skip(skip).collect()
}

/// Adds `command` to the file at `path` (creating it, mode 0600, and its directory). When
/// the file has grown to twice [`KEPT`] it is rewritten with the last [`KEPT`], through a
/// temporary file renamed over it, so a crash never leaves half a history.
pub fn append(path: &Path, command: &str) -> io::Result<()> {
    if command.is_empty() || command.chars().any(char::is_control) {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = private_options().append(true).open(path)?;
    writeln!(file, "{command}")?;
    drop(file);
    let text = std::fs::read_to_string(path)?;
    if text.lines().count() >= 2 * KEPT {
        let kept = load(path);
        let temp = path.with_extension("tmp");
        let mut out = private_options().write(true).truncate(true).open(&temp)?;
        for line in &kept {
            writeln!(out, "{line}")?;
        }
        out.sync_all()?;
        std::fs::rename(&temp, path)?;
    }
    Ok(())
}

/// Created readable by the user only: commands name instances and profiles.
fn private_options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_come_back_in_order_across_runs() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state").join("history");
        assert!(load(&path).is_empty(), "no file yet");
        append(&path, "region eu-west-2").expect("append");
        append(&path, "theme light").expect("append");
        append(&path, "bad\x1b[2J").expect("skipped, not an error");
        assert_eq!(load(&path), ["region eu-west-2", "theme light"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn only_the_last_commands_are_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("history");
        for n in 0..2 * KEPT + 3 {
            append(&path, &format!("instance {n}")).expect("append");
        }
        let kept = load(&path);
        assert_eq!(kept.len(), KEPT);
        assert_eq!(kept.last().map(String::as_str), Some("instance 1002"));
        let lines = std::fs::read_to_string(&path)
            .expect("read")
            .lines()
            .count();
        assert!(lines < 2 * KEPT, "the file was compacted: {lines} lines");
    }
}
