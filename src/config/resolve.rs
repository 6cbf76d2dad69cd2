//! Flags > environment > config file > built-in defaults, setting by setting, in one place.

use std::path::PathBuf;
use std::time::Duration;

use super::{Config, ConfigError};
use crate::app::table::{Column, Sort};
use crate::app::{ColorOverrides, ThemeName};
use crate::cli::ClipboardMode;
use crate::connect::RateLimit;
use crate::keys::KeyMap;

/// The environment, as a lookup (tests pass a table).
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// What the command line says (None: not given). `max_rps` already includes
/// `CONNECT_TUI_MAX_RPS`, which clap reads because the drop-in commands take it too.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub instance_id: Option<String>,
    pub clipboard: Option<ClipboardMode>,
    pub theme: Option<ThemeName>,
    pub max_rps: Option<RateLimit>,
    pub live_interval: Option<u64>,
    pub export_dir: Option<PathBuf>,
}

/// The live status refresh when nothing says otherwise.
pub const DEFAULT_LIVE_SECONDS: u64 = 10;

/// The browser's settings, every source applied.
#[derive(Debug, Clone)]
pub struct BrowserSettings {
    /// None: the AWS SDK's own default (the `default` profile).
    pub profile: Option<String>,
    /// None: the AWS SDK's own chain (the profile's `region`, …).
    pub region: Option<String>,
    pub max_rps: Option<RateLimit>,
    /// An instance ID or ARN to open directly.
    pub instance_id: Option<String>,
    pub clipboard: ClipboardMode,
    pub theme: ThemeName,
    /// `NO_COLOR` is set: the theme is mono whatever else says.
    pub no_color: bool,
    pub colors: ColorOverrides,
    pub keys: KeyMap,
    /// None: live status off (0 seconds).
    pub live_interval: Option<Duration>,
    /// Where Ctrl-S writes (None: the current directory).
    pub export_dir: Option<PathBuf>,
    pub columns: Vec<Column>,
    pub sort: Option<Sort>,
}

pub fn resolve(flags: Flags, env: Env, file: Config) -> Result<BrowserSettings, ConfigError> {
    let var = |name: &str| env(name).filter(|v| !v.is_empty());
    // botocore's order (the SDK alone would skip AWS_DEFAULT_PROFILE).
    let profile = flags
        .profile
        .or_else(|| var("AWS_DEFAULT_PROFILE"))
        .or_else(|| var("AWS_PROFILE"))
        .or(file.profile);
    let region = flags
        .region
        .or_else(|| var("AWS_REGION"))
        .or_else(|| var("AWS_DEFAULT_REGION"))
        .or(file.region);
    let clipboard = match flags.clipboard {
        Some(mode) => mode,
        None => match var("CONNECT_TUI_CLIPBOARD") {
            Some(text) => from_env::<ClipboardMode>("CONNECT_TUI_CLIPBOARD", &text)?,
            None => file.clipboard.unwrap_or_default(),
        },
    };
    // NO_COLOR (any non-empty value) wins over everything: https://no-color.org
    let no_color = var("NO_COLOR").is_some();
    let theme = if no_color {
        ThemeName::Mono
    } else {
        match flags.theme {
            Some(theme) => theme,
            None => match var("CONNECT_TUI_THEME") {
                Some(text) => from_env::<ThemeName>("CONNECT_TUI_THEME", &text)?,
                None => file.theme.unwrap_or_default(),
            },
        }
    };
    Ok(BrowserSettings {
        profile,
        region,
        max_rps: flags.max_rps.or(file.max_rps),
        instance_id: flags.instance_id.or(file.instance_id),
        clipboard,
        theme,
        no_color,
        colors: file.colors,
        keys: file.keys,
        live_interval: Some(
            flags
                .live_interval
                .or(file.live_interval)
                .unwrap_or(DEFAULT_LIVE_SECONDS),
        )
        .filter(|s| *s > 0)
        .map(Duration::from_secs),
        export_dir: flags.export_dir.or(file.export_dir),
        columns: file.columns.unwrap_or_else(|| Column::ALL.to_vec()),
        sort: file.sort,
    })
}

fn from_env<T: clap::ValueEnum>(name: &str, text: &str) -> Result<T, ConfigError> {
    super::file::one_of(text).map_err(|e| ConfigError(format!("{name}: {e}")))
}
