//! Where the config file is: `--config FILE`, else `CONNECT_TUI_CONFIG`, else
//! `$XDG_CONFIG_HOME/connect-tui/config.toml`, else `~/.config/connect-tui/config.toml`
//! (the XDG default, also on macOS: where terminal tools' users look for it).

use std::path::{Path, PathBuf};

/// Who chose the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Environment,
    /// The usual place; a missing file there means "use the defaults".
    Default,
}

impl Source {
    pub fn describe(self) -> &'static str {
        match self {
            Source::Flag => "from --config",
            Source::Environment => "from CONNECT_TUI_CONFIG",
            Source::Default => "the default location",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub path: PathBuf,
    pub source: Source,
}

/// The config file for `flag` (`--config`) and the environment `env`.
pub fn locate(flag: Option<&Path>, env: &dyn Fn(&str) -> Option<String>) -> Located {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    if let Some(path) = flag {
        return Located {
            path: path.to_path_buf(),
            source: Source::Flag,
        };
    }
    if let Some(path) = set("CONNECT_TUI_CONFIG") {
        return Located {
            path: PathBuf::from(path),
            source: Source::Environment,
        };
    }
    // XDG: a relative XDG_CONFIG_HOME is invalid and ignored.
    let base = set("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| set("HOME").map(|home| Path::new(&home).join(".config")))
        .unwrap_or_else(|| PathBuf::from(".config"));
    Located {
        path: base.join("connect-tui").join("config.toml"),
        source: Source::Default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_beats_the_environment_which_beats_the_xdg_location() {
        let vars = [
            ("CONNECT_TUI_CONFIG", "/env/c.toml"),
            ("XDG_CONFIG_HOME", "/xdg"),
            ("HOME", "/home/ann"),
        ];
        let flag = locate(Some(Path::new("/flag/c.toml")), &env(&vars));
        assert_eq!(flag.path, PathBuf::from("/flag/c.toml"));
        assert_eq!(flag.source, Source::Flag);
        let from_env = locate(None, &env(&vars));
        assert_eq!(from_env.path, PathBuf::from("/env/c.toml"));
        assert_eq!(from_env.source, Source::Environment);
        let xdg = locate(None, &env(&vars[1..]));
        assert_eq!(xdg.path, PathBuf::from("/xdg/connect-tui/config.toml"));
        assert_eq!(xdg.source, Source::Default);
    }

    #[test]
    fn without_xdg_config_home_or_with_a_relative_one_it_is_under_home() {
        for vars in [
            &[("HOME", "/home/ann")][..],
            &[("HOME", "/home/ann"), ("XDG_CONFIG_HOME", "relative")][..],
            &[("HOME", "/home/ann"), ("XDG_CONFIG_HOME", "")][..],
        ] {
            assert_eq!(
                locate(None, &env(vars)).path,
                PathBuf::from("/home/ann/.config/connect-tui/config.toml"),
                "{vars:?}"
            );
        }
    }
}
