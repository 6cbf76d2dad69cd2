//! Ctrl-S's file: the users table as CSV in the export directory, named
//! `<instance alias>-users-<UTC timestamp>.csv`. It holds personal data, so it is created with
//! mode 0600, and it is written under a temporary name and renamed when complete, so no reader
//! ever sees a partial file.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

/// `--export-dir` made absolute (the status line shows the full path); the current directory
/// when absent.
pub fn resolve_dir(dir: Option<&Path>) -> PathBuf {
    let dir = dir.map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::path::absolute(&dir).unwrap_or(dir)
}

/// The file name for `alias` at `now`: characters a file name cannot hold become `_`.
pub fn file_name(alias: &str, now: DateTime<Utc>) -> String {
    let safe: String = alias
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = safe.trim_start_matches('.');
    let safe = if safe.is_empty() { "instance" } else { safe };
    format!("{safe}-users-{}.csv", now.format("%Y%m%dT%H%M%SZ"))
}

/// Writes `csv` into `dir`; returns the path written, or why it could not be.
pub fn write(dir: &Path, alias: &str, csv: &[u8], now: DateTime<Utc>) -> Result<PathBuf, String> {
    let path = dir.join(file_name(alias, now));
    let temp = dir.join(format!(
        ".{}.partial-{}",
        file_name(alias, now),
        std::process::id()
    ));
    let result = write_new(&temp, csv).and_then(|()| fs::rename(&temp, &path));
    match result {
        Ok(()) => Ok(path),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(format!("cannot write {}: {e}", path.display()))
        }
    }
}

fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 23, 5, 9).unwrap()
    }

    #[test]
    fn names_say_the_instance_and_the_utc_time() {
        assert_eq!(
            file_name("demo-cc", at()),
            "demo-cc-users-20261201T230509Z.csv"
        );
        assert_eq!(
            file_name("../a/b\u{1b}", at()),
            "_a_b_-users-20261201T230509Z.csv"
        );
        assert_eq!(file_name("", at()), "instance-users-20261201T230509Z.csv");
    }

    #[test]
    fn the_file_is_complete_private_and_no_temporary_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "demo", b"Id\nu1\n", at()).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"Id\nu1\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the file itself");
        let missing = dir.path().join("missing");
        let err = write(&missing, "demo", b"x", at()).unwrap_err();
        assert!(err.starts_with("cannot write "), "{err}");
    }
}
