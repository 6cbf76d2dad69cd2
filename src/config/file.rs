//! The config file's shape (serde + toml, unknown settings refused) and its parsing into
//! checked values, every error pointing at the file, line and column it is about.

use std::path::Path;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use toml::Spanned;

use super::ConfigError;
use crate::app::{Role, ThemeName};
use crate::cli::ClipboardMode;
use crate::connect::RateLimit;

/// The file as written. Every setting is optional; what is absent falls back to the
/// environment's or the built-in default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub instance: Option<Spanned<String>>,
    #[serde(default, deserialize_with = "clipboard")]
    pub clipboard: Option<ClipboardMode>,
    #[serde(default, deserialize_with = "rate_limit")]
    pub max_rps: Option<RateLimit>,
    #[serde(default, deserialize_with = "theme")]
    pub theme: Option<ThemeName>,
    /// Seconds between live status refreshes; 0 = off.
    pub live_interval: Option<u64>,
    pub export_dir: Option<String>,
    #[serde(default)]
    pub table: TableSettings,
    #[serde(default)]
    pub keys: KeysTable,
    #[serde(default)]
    pub colors: ColorsTable,
}

/// The top-level settings, for "did you mean" (serde's own list is not reachable).
pub const SETTINGS: &[&str] = &[
    "profile",
    "region",
    "instance",
    "clipboard",
    "max_rps",
    "theme",
    "live_interval",
    "export_dir",
    "table",
    "keys",
    "colors",
];

/// `[table]`: the users table's columns (in order) and its sort when an instance opens.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSettings {
    pub columns: Option<Spanned<Vec<Spanned<String>>>>,
    /// A column name, `-` before it for descending.
    pub sort: Option<Spanned<String>>,
}

/// `[keys]`: action name → one key or a list, in file order (a conflict is reported at the
/// entry that made it).
#[derive(Debug, Default)]
pub struct KeysTable(pub Vec<(Spanned<String>, Spanned<Vec<String>>)>);

/// `[colors]`: role → style patch.
#[derive(Debug, Default, Deserialize)]
#[serde(transparent)]
pub struct ColorsTable(pub std::collections::BTreeMap<Spanned<String>, Spanned<RoleStyle>>);

/// A role's style in `[colors]`: what is given replaces the theme's; what is absent stays.
#[derive(Debug, Default, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RoleStyle {
    #[serde(default, deserialize_with = "color")]
    pub fg: Option<Color>,
    #[serde(default, deserialize_with = "color")]
    pub bg: Option<Color>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub underline: Option<bool>,
    pub reverse: Option<bool>,
}

impl RoleStyle {
    /// The style to patch the theme's with ([`Style::patch`]: set members win).
    pub fn patch(&self) -> Style {
        let mut style = Style::new();
        if let Some(fg) = self.fg {
            style = style.fg(fg);
        }
        if let Some(bg) = self.bg {
            style = style.bg(bg);
        }
        for (flag, modifier) in [
            (self.bold, Modifier::BOLD),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reverse, Modifier::REVERSED),
        ] {
            style = match flag {
                Some(true) => style.add_modifier(modifier),
                Some(false) => style.remove_modifier(modifier),
                None => style,
            };
        }
        style
    }
}

impl<'de> Deserialize<'de> for KeysTable {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = KeysTable;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table of action = \"key\" or action = [\"key\", …]")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeysTable, A::Error> {
                let mut entries = Vec::new();
                while let Some(name) = map.next_key::<Spanned<String>>()? {
                    let keys: Spanned<OneOrMany> = map.next_value()?;
                    let span = keys.span();
                    entries.push((name, Spanned::new(span, keys.into_inner().0)));
                }
                Ok(KeysTable(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// `"j"` or `["j", "down"]`.
struct OneOrMany(Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            One(String),
            Many(Vec<String>),
        }
        match Raw::deserialize(deserializer) {
            Ok(Raw::One(key)) => Ok(OneOrMany(vec![key])),
            Ok(Raw::Many(keys)) => Ok(OneOrMany(keys)),
            Err(_) => Err(de::Error::custom(
                "expected a key (\"ctrl-y\") or a list of keys ([\"j\", \"down\"])",
            )),
        }
    }
}

pub fn one_of<T: clap::ValueEnum>(value: &str) -> Result<T, String> {
    T::from_str(value, false).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .map(|p| format!("\"{}\"", p.get_name()))
            .collect();
        format!("`{value}` is not one of {}", names.join(", "))
    })
}

fn clipboard<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ClipboardMode>, D::Error> {
    let text = String::deserialize(d)?;
    one_of(&text)
        .map(Some)
        .map_err(|e| de::Error::custom(format!("clipboard: {e}")))
}

fn theme<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ThemeName>, D::Error> {
    let text = String::deserialize(d)?;
    one_of(&text)
        .map(Some)
        .map_err(|e| de::Error::custom(format!("theme: {e}")))
}

/// `max_rps = 5`, `max_rps = 1.6` or `max_rps = "5/10"`, as `--max-rps` takes it.
fn rate_limit<'de, D: Deserializer<'de>>(d: D) -> Result<Option<RateLimit>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(f64),
        Text(String),
    }
    let text = match Raw::deserialize(d) {
        Ok(Raw::Number(n)) => n.to_string(),
        Ok(Raw::Text(text)) => text,
        Err(_) => {
            return Err(de::Error::custom(
                "max_rps: expected a rate (2, 1.6) or \"RATE/BURST\" (\"5/10\")",
            ));
        }
    };
    RateLimit::parse(&text)
        .map(Some)
        .map_err(|e| de::Error::custom(format!("max_rps: {e}")))
}

fn color<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Color>, D::Error> {
    let text = String::deserialize(d)?;
    text.parse::<Color>().map(Some).map_err(|_| {
        de::Error::custom(format!(
            "`{text}` is not a colour: write a name (\"red\", \"lightblue\", \"darkgray\"), \"#rrggbb\" or an index 0–255"
        ))
    })
}

/// Parses `text` (the contents of `path`). Only the shape and the values are checked here;
/// what needs the key table or the theme's roles is checked by [`super::Config::from_file`].
pub fn parse(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
    toml::from_str::<ConfigFile>(text).map_err(|e| {
        let message = explain(e.message());
        ConfigError::at(path, text, e.span().map(|s| s.start), message)
    })
}

/// serde's "unknown field `x`, expected one of …" in plain words, with the nearest name.
fn explain(message: &str) -> String {
    let message = message.trim_end();
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let name = rest.split('`').next().unwrap_or_default();
    let known: &[&str] = if rest.contains("`fg`") {
        &["fg", "bg", "bold", "italic", "underline", "reverse"]
    } else if rest.contains("`columns`") {
        &["columns", "sort"]
    } else {
        SETTINGS
    };
    match closest(name, known) {
        Some(suggestion) => format!("unknown setting `{name}`; did you mean `{suggestion}`?"),
        None => format!(
            "unknown setting `{name}`; the settings are {}",
            known.join(", ")
        ),
    }
}

/// The name in `known` nearest to `name`, when it is near enough to be a likely typo.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.8)
        .map(|(_, k)| k)
}

/// The role named `name` in `[colors]`.
pub fn role(name: &str) -> Result<Role, String> {
    Role::ALL
        .iter()
        .copied()
        .find(|r| r.name() == name)
        .ok_or_else(|| {
            let names: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
            match closest(name, &names) {
                Some(s) => format!("unknown colour role `{name}` in [colors]; did you mean `{s}`?"),
                None => format!(
                    "unknown colour role `{name}` in [colors]; the roles are {}",
                    names.join(", ")
                ),
            }
        })
}
