//! The browser's config file: where it is, what it says, and how it combines with flags and
//! the environment. Precedence, for every setting: flags > environment > config file >
//! built-in defaults. The drop-in commands do not read it: they take what `aws` takes, so a
//! script behaves the same under either.
//!
//! A file that cannot be read or has any mistake stops the program with one line naming the
//! file, line and column (exit 253, as for other configuration errors); the browser never
//! starts with half a config.

mod default_file;
mod file;
mod locate;
mod resolve;

use std::fmt;
use std::path::Path;

pub use default_file::default_file;
pub use locate::{Located, Source, locate};
pub use resolve::{BrowserSettings, Env, Flags, resolve};

use toml::Spanned;

use crate::app::table::{Column, Sort};
use crate::app::{ColorOverrides, ThemeName};
use crate::cli::ClipboardMode;
use crate::connect::{RateLimit, parse_instance_id};
use crate::keys::KeyMap;

/// A configuration mistake, already worded for the one line the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// `message` about the byte `offset` of `text` (the contents of `path`):
    /// `path:line:column: message` (1-based, columns in characters).
    fn at(path: &Path, text: &str, offset: Option<usize>, message: String) -> ConfigError {
        match offset {
            Some(offset) => {
                let (line, column) = line_column(text, offset);
                ConfigError(format!("{}:{line}:{column}: {message}", path.display()))
            }
            None => ConfigError(format!("{}: {message}", path.display())),
        }
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    (line, column)
}

/// What a config file sets, checked: every value valid, the key table built.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub profile: Option<String>,
    pub region: Option<String>,
    /// An instance ID (an ARN in the file is reduced to its ID).
    pub instance_id: Option<String>,
    pub clipboard: Option<ClipboardMode>,
    pub max_rps: Option<RateLimit>,
    pub theme: Option<ThemeName>,
    pub live_interval: Option<u64>,
    pub export_dir: Option<std::path::PathBuf>,
    pub columns: Option<Vec<Column>>,
    pub sort: Option<Sort>,
    pub keys: KeyMap,
    pub colors: ColorOverrides,
}

impl Config {
    /// Parses and checks `text`, the contents of `path`.
    pub fn from_file(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let parsed = file::parse(path, text)?;
        let at =
            |offset: usize, message: String| ConfigError::at(path, text, Some(offset), message);
        let instance_id = parsed
            .instance
            .map(|spanned| {
                let span = spanned.span();
                parse_instance_id(spanned.get_ref())
                    .map_err(|e| at(span.start, format!("instance: {}", e.human())))
            })
            .transpose()?;
        let entries = &parsed.keys.0;
        let keys = KeyMap::with_overrides(
            entries
                .iter()
                .map(|(name, keys)| (name.get_ref().as_str(), keys.get_ref().as_slice())),
        )
        .map_err(|e| {
            let (name, keys) = &entries[e.entry];
            // The key's own position is not kept in a list; the list's is.
            let offset = if e.key.is_some() {
                keys.span().start
            } else {
                name.span().start
            };
            at(offset, e.message)
        })?;
        let colors = parsed
            .colors
            .0
            .iter()
            .map(|(name, style)| {
                file::role(name.get_ref())
                    .map(|role| (role, style.get_ref().patch()))
                    .map_err(|message| at(name.span().start, message))
            })
            .collect::<Result<ColorOverrides, ConfigError>>()?;
        let column = |name: &Spanned<String>| {
            Column::from_config_name(name.get_ref()).ok_or_else(|| {
                let names: Vec<&str> = Column::ALL.iter().map(|c| c.config_name()).collect();
                let hint = match file::closest(name.get_ref(), &names) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the columns are {}", names.join(", ")),
                };
                at(
                    name.span().start,
                    format!("unknown column `{}` in [table]; {hint}", name.get_ref()),
                )
            })
        };
        let columns = parsed
            .table
            .columns
            .as_ref()
            .map(|list| {
                let columns = list
                    .get_ref()
                    .iter()
                    .map(column)
                    .collect::<Result<Vec<_>, _>>()?;
                if columns.is_empty() {
                    return Err(at(
                        list.span().start,
                        "[table] columns is empty: name at least one".into(),
                    ));
                }
                Ok(columns)
            })
            .transpose()?;
        let sort = parsed
            .table
            .sort
            .as_ref()
            .map(|text| {
                let (descending, name) = match text.get_ref().strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, text.get_ref().as_str()),
                };
                let spanned = Spanned::new(text.span(), name.to_string());
                let column = column(&spanned)?;
                if !Column::SORTABLE.contains(&column) {
                    return Err(at(
                        text.span().start,
                        format!("[table] sort: the table does not sort by `{name}`"),
                    ));
                }
                Ok(Sort { column, descending })
            })
            .transpose()?;
        Ok(Config {
            columns,
            sort,
            profile: parsed.profile.filter(|p| !p.is_empty()),
            region: parsed.region.filter(|r| !r.is_empty()),
            instance_id,
            clipboard: parsed.clipboard,
            max_rps: parsed.max_rps,
            theme: parsed.theme,
            live_interval: parsed.live_interval,
            export_dir: parsed.export_dir.map(|dir| expand_home(&dir)),
            keys,
            colors,
        })
    }

    /// The config at `located`: the built-in defaults when the usual file does not exist;
    /// an error when a file named by `--config` / `CONNECT_TUI_CONFIG` does not, or any file
    /// cannot be read.
    pub fn load(located: &Located) -> Result<Config, ConfigError> {
        match std::fs::read_to_string(&located.path) {
            Ok(text) => Config::from_file(&located.path, &text),
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound
                    && located.source == Source::Default =>
            {
                Ok(Config::default())
            }
            Err(e) => Err(ConfigError(format!(
                "{}: cannot read the config file ({}): {}",
                located.path.display(),
                located.source.describe(),
                io_words(&e)
            ))),
        }
    }
}

/// `~/x` as the shell would read it (TOML has no such thing, but people write it).
fn expand_home(dir: &str) -> std::path::PathBuf {
    match (dir.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(dir),
    }
}

fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        std::io::ErrorKind::InvalidData => "it is not UTF-8 text".into(),
        _ => e.to_string(),
    }
}

/// What `config path` prints for `located`: the path, then who chose it and whether a file
/// is there.
pub fn describe(located: &Located) -> String {
    let state = match std::fs::metadata(&located.path) {
        Ok(meta) if meta.is_file() => "the file exists",
        Ok(_) => "this is not a file",
        Err(_) if located.source == Source::Default => {
            "no file there, so the built-in defaults apply (`connect-tui config default` prints them)"
        }
        Err(_) => "no file there",
    };
    format!(
        "{}\n{}: {state}\n",
        located.path.display(),
        located.source.describe()
    )
}

#[cfg(test)]
mod tests;
