//! The key table as the running program uses it: [`KEY_TABLE`]'s defaults with the config
//! file's `[keys]` overrides applied. Help, the status-bar hints and event decoding all read
//! this one value, so they show the user's keys, never the defaults they replaced.

use std::borrow::Cow;

use crate::app::{Action, Mode};

use super::{Binding, Chord, Context, KEY_TABLE, chord, contexts};

/// The names the config file's `[keys]` uses, one per rebindable row of [`KEY_TABLE`] (the
/// row with that context and action). Rows of the overlays (filter line, copy menu, help)
/// are not rebindable: their keys are read off the screen they belong to. Ctrl-C always
/// quits, whatever `quit` is bound to.
pub const ACTION_NAMES: &[(&str, Context, Action)] = &[
    ("quit", Context::Browse, Action::Quit),
    ("help", Context::Browse, Action::Help),
    ("down", Context::Browse, Action::Down),
    ("up", Context::Browse, Action::Up),
    ("page_down", Context::Browse, Action::PageDown),
    ("page_up", Context::Browse, Action::PageUp),
    ("top", Context::Browse, Action::Top),
    ("bottom", Context::Browse, Action::Bottom),
    ("open", Context::Browse, Action::Confirm),
    ("refresh", Context::Browse, Action::Refresh),
    ("retry", Context::Browse, Action::Retry),
    ("copy_instance_id", Context::Picker, Action::CopyInstanceId),
    ("focus_next", Context::Users, Action::FocusNext),
    ("focus_prev", Context::Users, Action::FocusPrev),
    ("filter", Context::Users, Action::Filter),
    ("back", Context::Users, Action::Back),
    ("copy_id", Context::Users, Action::CopyUserId),
    ("copy_arn", Context::Users, Action::CopyArn),
    ("copy_menu", Context::Users, Action::CopyMenu),
    ("instances", Context::Users, Action::InstancePicker),
    ("command_line", Context::Browse, Action::CommandLine),
    ("sort", Context::Users, Action::SortNext),
    ("sort_reverse", Context::Users, Action::SortReverse),
    ("mark", Context::Users, Action::ToggleMark),
    ("clear_marks", Context::Users, Action::ClearMarks),
    ("export", Context::Users, Action::ExportView),
    ("users_with", Context::Users, Action::UsersWith),
];

/// One row of the running key table.
#[derive(Clone, Debug)]
pub struct Bound {
    pub binding: &'static Binding,
    pub chords: Cow<'static, [Chord]>,
    /// How the keys are written in help and hints.
    pub keys: Cow<'static, str>,
}

/// The running key table.
#[derive(Clone, Debug)]
pub struct KeyMap {
    rows: Vec<Bound>,
}

/// A `[keys]` entry that cannot be applied: which entry (and which of its keys), and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyError {
    pub entry: usize,
    pub key: Option<usize>,
    pub message: String,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            rows: KEY_TABLE
                .iter()
                .map(|binding| Bound {
                    binding,
                    chords: Cow::Borrowed(binding.chords),
                    keys: Cow::Borrowed(binding.keys),
                })
                .collect(),
        }
    }
}

impl KeyMap {
    /// The defaults with `overrides` (action name → keys, in file order) applied; each
    /// override replaces all default keys of its action. Two actions live in the same mode
    /// on one key is an error, as is an unknown action name or key.
    pub fn with_overrides<'a>(
        overrides: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) -> Result<KeyMap, KeyError> {
        let mut map = KeyMap::default();
        // Which entry last set each row: conflicts are reported at the entry that made them.
        let mut set_by: Vec<Option<usize>> = vec![None; map.rows.len()];
        for (entry, (name, keys)) in overrides.into_iter().enumerate() {
            let row = map.row_named(name).ok_or_else(|| KeyError {
                entry,
                key: None,
                message: unknown_action(name),
            })?;
            let chords = keys
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    chord::parse(text).map_err(|reason| KeyError {
                        entry,
                        key: Some(i),
                        message: format!("cannot bind `{text}` to {name}: {reason}"),
                    })
                })
                .collect::<Result<Vec<Chord>, KeyError>>()?;
            let bound = &mut map.rows[row];
            bound.keys = Cow::Owned(
                chords
                    .iter()
                    .map(|c| chord::label(*c))
                    .collect::<Vec<_>>()
                    .join("/"),
            );
            bound.chords = Cow::Owned(chords);
            set_by[row] = Some(entry);
        }
        map.check_conflicts(&set_by)?;
        Ok(map)
    }

    fn row_named(&self, name: &str) -> Option<usize> {
        let (_, context, action) = ACTION_NAMES.iter().find(|(n, _, _)| *n == name)?;
        self.rows
            .iter()
            .position(|b| b.binding.context == *context && b.binding.action == *action)
    }

    fn check_conflicts(&self, set_by: &[Option<usize>]) -> Result<(), KeyError> {
        for mode in Mode::ALL {
            let live: Vec<usize> = (0..self.rows.len())
                .filter(|&i| contexts(mode).contains(&self.rows[i].binding.context))
                .collect();
            for (n, &a) in live.iter().enumerate() {
                for &b in &live[n + 1..] {
                    let (ra, rb) = (&self.rows[a], &self.rows[b]);
                    let Some(chord) = ra.chords.iter().find(|c| rb.chords.contains(c)) else {
                        continue;
                    };
                    // The defaults never conflict (a test holds them to it), so one of the
                    // two rows was set by the file: blame the later entry.
                    let entry = set_by[a].max(set_by[b]).unwrap_or_default();
                    return Err(KeyError {
                        entry,
                        key: None,
                        message: format!(
                            "`{}` is bound twice in {} ({}, {})",
                            chord::config_name(*chord),
                            mode_words(mode),
                            display_name(ra.binding),
                            display_name(rb.binding),
                        ),
                    });
                }
            }
        }
        Ok(())
    }

    /// Every row, in table order (help lists them so).
    pub fn rows(&self) -> impl Iterator<Item = &Bound> {
        self.rows.iter()
    }

    /// The rows live in `mode`, in table order.
    pub fn bindings(&self, mode: Mode) -> impl Iterator<Item = &Bound> {
        self.rows
            .iter()
            .filter(move |b| contexts(mode).contains(&b.binding.context))
    }

    /// The action bound to `pressed` (already normalised) in `mode`, if any.
    pub fn action(&self, pressed: Chord, mode: Mode) -> Option<Action> {
        self.bindings(mode)
            .find(|b| b.chords.contains(&pressed))
            .map(|b| b.binding.action)
    }

    /// How help writes the keys of `action` in `mode` ("R"), for messages such as "Press R
    /// to retry"; None when the user left it unbound.
    pub fn keys_for(&self, action: Action, mode: Mode) -> Option<&str> {
        self.bindings(mode)
            .find(|b| b.binding.action == action && !b.chords.is_empty())
            .map(|b| &*b.keys)
    }

    /// The first key of `action` in `mode`, for prose ("Press R to retry", "j scrolls");
    /// when the config file unbound the action, its name and "(unbound)" instead, so the
    /// message still says what to bind.
    pub fn label_for(&self, action: Action, mode: Mode) -> String {
        let first = self
            .bindings(mode)
            .find(|b| b.binding.action == action)
            .and_then(|b| b.chords.first());
        match first {
            Some(chord) => chord::label(*chord),
            None => {
                let name = ACTION_NAMES
                    .iter()
                    .find(|(_, _, a)| *a == action)
                    .map_or("it", |(name, _, _)| name);
                format!("{name} (unbound)")
            }
        }
    }

    /// The short "key word" hints for the status bar in `mode`, most useful first.
    pub fn hints(&self, mode: Mode) -> Vec<(&str, &'static str)> {
        self.bindings(mode)
            .filter(|b| !b.binding.hint.is_empty() && !b.chords.is_empty())
            .map(|b| (&*b.keys, b.binding.hint))
            .collect()
    }
}

/// The config file's name for a row, or its action's name when the row itself is not
/// rebindable (Ctrl-C is "quit" too).
fn display_name(binding: &Binding) -> &'static str {
    ACTION_NAMES
        .iter()
        .find(|(_, c, a)| *c == binding.context && *a == binding.action)
        .or_else(|| ACTION_NAMES.iter().find(|(_, _, a)| *a == binding.action))
        .map_or(binding.description, |(name, _, _)| name)
}

fn mode_words(mode: Mode) -> &'static str {
    match mode {
        Mode::Picker => "the instance picker",
        Mode::Users => "the users screen",
        Mode::Filter => "the filter line",
        Mode::Command => "the command line",
        Mode::View => "the profile and group views",
        Mode::CopyMenu => "the copy menu",
        Mode::Help => "help",
        Mode::Permissions => "the permissions overlay",
        Mode::UsersWith => "the users-with menu",
    }
}

fn unknown_action(name: &str) -> String {
    let closest = ACTION_NAMES
        .iter()
        .map(|(n, _, _)| (strsim::jaro_winkler(name, n), *n))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.8);
    match closest {
        Some((_, suggestion)) => {
            format!("unknown action `{name}` in [keys]; did you mean `{suggestion}`?")
        }
        None => format!(
            "unknown action `{name}` in [keys]; the actions are {}",
            ACTION_NAMES
                .iter()
                .map(|(n, _, _)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyModifiers};

    use super::*;

    fn overrides(pairs: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        pairs
            .iter()
            .map(|(name, keys)| {
                (
                    name.to_string(),
                    keys.iter().map(|k| k.to_string()).collect(),
                )
            })
            .collect()
    }

    fn apply(pairs: &[(&str, &[&str])]) -> Result<KeyMap, KeyError> {
        let owned = overrides(pairs);
        KeyMap::with_overrides(owned.iter().map(|(n, k)| (n.as_str(), k.as_slice())))
    }

    fn ctrl(c: char) -> Chord {
        Chord {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    fn plain(c: char) -> Chord {
        Chord {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::NONE,
        }
    }

    #[test]
    fn every_name_points_at_exactly_one_row_and_names_are_unique() {
        for (i, (name, context, action)) in ACTION_NAMES.iter().enumerate() {
            let rows = KEY_TABLE
                .iter()
                .filter(|b| b.context == *context && b.action == *action)
                .count();
            assert_eq!(rows, 1, "{name}");
            assert!(
                ACTION_NAMES[i + 1..].iter().all(|(n, _, _)| n != name),
                "{name} twice"
            );
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name} is not snake_case"
            );
        }
    }

    #[test]
    fn every_row_of_the_browsing_screens_can_be_rebound() {
        for b in KEY_TABLE {
            if matches!(
                b.context,
                Context::Browse | Context::Picker | Context::Users
            ) {
                assert!(
                    ACTION_NAMES
                        .iter()
                        .any(|(_, c, a)| *c == b.context && *a == b.action),
                    "{} ({:?}) has no name in ACTION_NAMES",
                    b.description,
                    b.action
                );
            }
        }
    }

    #[test]
    fn an_override_replaces_the_default_keys_everywhere_they_show() {
        let map = apply(&[("copy_id", &["ctrl-y"]), ("down", &["j", "down", "ctrl-n"])]).unwrap();
        assert_eq!(map.action(ctrl('y'), Mode::Users), Some(Action::CopyUserId));
        assert_eq!(map.action(plain('y'), Mode::Users), None);
        assert_eq!(map.action(ctrl('n'), Mode::Picker), Some(Action::Down));
        assert_eq!(
            map.keys_for(Action::CopyUserId, Mode::Users),
            Some("Ctrl-Y")
        );
        assert!(map.hints(Mode::Users).contains(&("Ctrl-Y", "copy ID")));
        assert_eq!(map.keys_for(Action::Down, Mode::Users), Some("j/↓/Ctrl-N"));
    }

    #[test]
    fn an_empty_list_unbinds_and_drops_the_hint() {
        let map = apply(&[("copy_menu", &[])]).unwrap();
        assert_eq!(map.action(plain('c'), Mode::Users), None);
        assert_eq!(map.keys_for(Action::CopyMenu, Mode::Users), None);
        assert!(
            map.hints(Mode::Users)
                .iter()
                .all(|(_, hint)| *hint != "copy…")
        );
    }

    #[test]
    fn the_same_key_for_two_actions_of_one_screen_is_an_error_naming_both() {
        let err = apply(&[("copy_id", &["ctrl-y"]), ("copy_arn", &["ctrl-y"])]).unwrap_err();
        assert_eq!(
            err.message,
            "`ctrl-y` is bound twice in the users screen (copy_id, copy_arn)"
        );
        assert_eq!(err.entry, 1);
        // Taking a default key of another action without moving that action is a conflict too.
        let err = apply(&[("copy_id", &["j"])]).unwrap_err();
        assert!(err.message.contains("(down, copy_id)"), "{}", err.message);
        // Ctrl-C quits everywhere: it cannot be taken.
        let err = apply(&[("copy_arn", &["ctrl-c"])]).unwrap_err();
        assert!(err.message.contains("(quit, copy_arn)"), "{}", err.message);
    }

    #[test]
    fn keys_of_different_screens_may_coincide() {
        // `y` copies the instance ID in the picker and the user ID on the users screen.
        let map = apply(&[("copy_instance_id", &["ctrl-y"]), ("copy_id", &["ctrl-y"])]).unwrap();
        assert_eq!(
            map.action(ctrl('y'), Mode::Picker),
            Some(Action::CopyInstanceId)
        );
        assert_eq!(map.action(ctrl('y'), Mode::Users), Some(Action::CopyUserId));
    }

    #[test]
    fn a_misspelt_action_gets_a_suggestion_and_a_bad_key_its_position() {
        let err = apply(&[("copy_idd", &["y"])]).unwrap_err();
        assert_eq!(
            err.message,
            "unknown action `copy_idd` in [keys]; did you mean `copy_id`?"
        );
        let err = apply(&[("zzz", &["y"])]).unwrap_err();
        assert!(
            err.message.contains("the actions are quit, help"),
            "{}",
            err.message
        );
        let err = apply(&[("help", &["h", "alt-h"])]).unwrap_err();
        assert_eq!((err.entry, err.key), (0, Some(1)));
        assert!(
            err.message.starts_with("cannot bind `alt-h` to help: "),
            "{}",
            err.message
        );
    }
}
