//! The one key table: key → action → description. It maps terminal events to messages and
//! drives both the help overlay and the status-bar hints, so they never drift apart.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::app::{Action, CopyItem, FilterEdit, Mode, Msg};

mod chord;
mod keymap;

pub use chord::config_name;
pub use keymap::{ACTION_NAMES, Bound, KeyError, KeyMap};

/// Where a binding applies. The app's current [`Mode`] selects the contexts that are live.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, including while typing a filter.
    Always,
    /// Lists and panes (picker and users screen).
    Browse,
    /// The instance picker only.
    Picker,
    /// The users screen only.
    Users,
    /// While typing a filter after `/`.
    Filter,
    /// While typing a command after `:`.
    Command,
    /// A `:rp` / `:sp` / `:groups` view.
    View,
    /// The copy menu (`c`).
    CopyMenu,
    /// The help overlay.
    Help,
    /// The permissions overlay (Enter on the security profiles pane).
    Permissions,
    /// The "users with…" menu (`f`, or Enter on the Routing pane).
    UsersWith,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Always => "Everywhere",
            Context::Browse => "Moving around",
            Context::Picker => "Instance picker",
            Context::Users => "Users screen",
            Context::Filter => "While filtering",
            Context::Command => "Command line (:)",
            Context::View => "Profile and group views (:rp :sp :groups)",
            Context::CopyMenu => "Copy menu",
            Context::Help => "Help",
            Context::Permissions => "Permissions overlay",
            Context::UsersWith => "Users with… menu",
        }
    }
}

/// The contexts live in `mode`.
fn contexts(mode: Mode) -> &'static [Context] {
    match mode {
        Mode::Picker => &[Context::Always, Context::Browse, Context::Picker],
        Mode::Users => &[Context::Always, Context::Browse, Context::Users],
        Mode::Filter => &[Context::Always, Context::Filter],
        Mode::Command => &[Context::Always, Context::Command],
        Mode::View => &[Context::Always, Context::Browse, Context::View],
        Mode::CopyMenu => &[Context::Always, Context::CopyMenu],
        Mode::Help => &[Context::Always, Context::Help],
        Mode::Permissions => &[Context::Always, Context::Permissions],
        Mode::UsersWith => &[Context::Always, Context::UsersWith],
    }
}

/// One key with modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Chord {
    Chord {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Chord {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Chord {
    Chord {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// A row of the key table.
#[derive(Debug)]
pub struct Binding {
    pub context: Context,
    pub chords: &'static [Chord],
    /// How the keys are written in help and hints.
    pub keys: &'static str,
    pub action: Action,
    pub description: &'static str,
    /// The word shown for it in the status-bar hints ("" = not a hint): the most useful
    /// keys, short enough that several fit on an 80-column line.
    pub hint: &'static str,
}

const fn bind(
    context: Context,
    chords: &'static [Chord],
    keys: &'static str,
    action: Action,
    description: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        context,
        chords,
        keys,
        action,
        description,
        hint,
    }
}

use Context::*;

/// The key table. Order matters: the first matching row wins, and help lists rows in order.
#[rustfmt::skip]
pub static KEY_TABLE: &[Binding] = &[
    bind(Always, &[ctrl('c')], "Ctrl-C", Action::Quit, "quit", ""),
    bind(Browse, &[ch('q')], "q", Action::Quit, "quit", "quit"),
    bind(Browse, &[ch('?')], "?", Action::Help, "help", "help"),
    bind(Browse, &[ch('j'), key(KeyCode::Down)], "j/↓", Action::Down, "next row (or scroll the focused pane)", ""),
    bind(Browse, &[ch('k'), key(KeyCode::Up)], "k/↑", Action::Up, "previous row (or scroll the focused pane)", ""),
    bind(Browse, &[key(KeyCode::PageDown), ctrl('f'), ctrl('d')], "PgDn", Action::PageDown, "page down", ""),
    bind(Browse, &[key(KeyCode::PageUp), ctrl('b'), ctrl('u')], "PgUp", Action::PageUp, "page up", ""),
    bind(Browse, &[ch('g'), key(KeyCode::Home)], "g/Home", Action::Top, "first row", ""),
    bind(Browse, &[ch('G'), key(KeyCode::End)], "G/End", Action::Bottom, "last row", ""),
    bind(Browse, &[key(KeyCode::Enter)], "Enter", Action::Confirm, "open / focus the record / act on the focused pane", ""),
    bind(Browse, &[ch('r'), ctrl('r')], "r", Action::Refresh, "refresh (drops cached data)", ""),
    bind(Browse, &[ch('R')], "R", Action::Retry, "retry what failed", ""),
    bind(Browse, &[ch(':')], ":", Action::CommandLine, "command line (:instance, :region, :theme…)", ""),
    bind(Picker, &[ch('y')], "y", Action::CopyInstanceId, "copy the instance ID", "copy ID"),
    bind(Users, &[key(KeyCode::Tab)], "Tab", Action::FocusNext, "focus next pane", ""),
    bind(Users, &[key(KeyCode::BackTab)], "Shift-Tab", Action::FocusPrev, "focus previous pane", ""),
    bind(Users, &[ch('/')], "/", Action::Filter, "filter users (fuzzy)", "filter"),
    bind(Users, &[key(KeyCode::Esc)], "Esc", Action::Back, "clear the filter / focus the list", ""),
    bind(Users, &[ch('y')], "y", Action::CopyUserId, "copy the user ID", "copy ID"),
    bind(Users, &[ch('Y')], "Y", Action::CopyArn, "copy the user ARN", ""),
    bind(Users, &[ch('c')], "c", Action::CopyMenu, "copy menu (ID, ARN, JSON, CLI command…)", "copy…"),
    bind(Users, &[ch('i')], "i", Action::InstancePicker, "back to the instance picker", "instances"),
    bind(Users, &[ch('s')], "s", Action::SortNext, "sort the table by the next column (then back to the filter's order)", "sort"),
    bind(Users, &[ch('S')], "S", Action::SortReverse, "reverse the sort", ""),
    bind(Users, &[ch(' ')], "Space", Action::ToggleMark, "mark / unmark the row (y, Y and c then copy every marked row)", "mark"),
    bind(Users, &[ch('u')], "u", Action::ClearMarks, "clear every mark", ""),
    bind(Users, &[ch('f')], "f", Action::UsersWith, "users who share a profile or group with this user", "users with…"),
    bind(Users, &[ctrl('s')], "Ctrl-S", Action::ExportView, "write the table as shown (filter, sort, every column) as CSV to the export directory", "export"),
    bind(Filter, &[key(KeyCode::Esc)], "Esc", Action::Back, "clear the filter", "clear"),
    bind(Filter, &[key(KeyCode::Enter)], "Enter", Action::Confirm, "keep the filter, back to the list", "keep"),
    bind(Filter, &[key(KeyCode::Down)], "↓", Action::Down, "next match", ""),
    bind(Filter, &[key(KeyCode::Up)], "↑", Action::Up, "previous match", ""),
    bind(View, &[key(KeyCode::Esc)], "Esc", Action::Back, "back to the users table (Enter: its users)", "back"),
    bind(Command, &[key(KeyCode::Enter)], "Enter", Action::Confirm, "run the command", "run"),
    bind(Command, &[key(KeyCode::Tab)], "Tab", Action::Complete, "complete the command or its argument", "complete"),
    bind(Command, &[key(KeyCode::Up)], "↑", Action::Up, "earlier commands (kept across runs)", ""),
    bind(Command, &[key(KeyCode::Down)], "↓", Action::Down, "later commands", ""),
    bind(Command, &[key(KeyCode::Esc)], "Esc", Action::Back, "close the command line", "close"),
    bind(CopyMenu, &[ch('i')], "i", Action::Copy(CopyItem::UserId), "user ID", ""),
    bind(CopyMenu, &[ch('a')], "a", Action::Copy(CopyItem::Arn), "user ARN", ""),
    bind(CopyMenu, &[ch('u')], "u", Action::Copy(CopyItem::Username), "username", ""),
    bind(CopyMenu, &[ch('e')], "e", Action::Copy(CopyItem::Email), "email", ""),
    bind(CopyMenu, &[ch('r')], "r", Action::Copy(CopyItem::RoutingProfileId), "routing profile ID", ""),
    bind(CopyMenu, &[ch('s')], "s", Action::Copy(CopyItem::SecurityProfileIds), "security profile IDs", ""),
    bind(CopyMenu, &[ch('h')], "h", Action::Copy(CopyItem::HierarchyGroupId), "hierarchy group ID", ""),
    bind(CopyMenu, &[ch('j')], "j", Action::Copy(CopyItem::Json), "full DescribeUser JSON", ""),
    bind(CopyMenu, &[ch('x')], "x", Action::Copy(CopyItem::CliCommand), "`aws connect describe-user` command", ""),
    bind(CopyMenu, &[ch('I')], "I", Action::Copy(CopyItem::MarkedIds), "marked rows: IDs, one per line", ""),
    bind(CopyMenu, &[ch('A')], "A", Action::Copy(CopyItem::MarkedArns), "marked rows: ARNs, one per line", ""),
    bind(CopyMenu, &[ch('U')], "U", Action::Copy(CopyItem::MarkedUsernames), "marked rows: usernames, one per line", ""),
    bind(CopyMenu, &[ch('v')], "v", Action::Copy(CopyItem::MarkedCsv), "marked rows: CSV, every column", ""),
    bind(CopyMenu, &[key(KeyCode::Down)], "↓", Action::Down, "next item", ""),
    bind(CopyMenu, &[key(KeyCode::Up)], "↑", Action::Up, "previous item", ""),
    bind(CopyMenu, &[key(KeyCode::Enter)], "Enter", Action::Confirm, "copy the highlighted item", "copy"),
    bind(CopyMenu, &[key(KeyCode::Esc), ch('q'), ch('c')], "Esc", Action::Back, "close the menu", "close"),
    bind(UsersWith, &[ch('j'), key(KeyCode::Down)], "j/↓", Action::Down, "next item", ""),
    bind(UsersWith, &[ch('k'), key(KeyCode::Up)], "k/↑", Action::Up, "previous item", ""),
    bind(UsersWith, &[key(KeyCode::Enter)], "Enter", Action::Confirm, "show those users (Esc there comes back)", "show"),
    bind(UsersWith, &[key(KeyCode::Esc), ch('q'), ch('f')], "Esc", Action::Back, "close the menu", "close"),
    bind(Help, &[key(KeyCode::Esc), ch('?'), ch('q')], "Esc/?/q", Action::Back, "close help", "close"),
    bind(Help, &[ch('j'), key(KeyCode::Down)], "j/↓", Action::Down, "scroll down", ""),
    bind(Help, &[ch('k'), key(KeyCode::Up)], "k/↑", Action::Up, "scroll up", ""),
    bind(Permissions, &[key(KeyCode::Esc), ch('q')], "Esc/q", Action::Back, "close the permissions", "close"),
    bind(Permissions, &[ch('/')], "/", Action::Filter, "filter the permissions", "filter"),
    bind(Permissions, &[ch('j'), key(KeyCode::Down)], "j/↓", Action::Down, "scroll down", ""),
    bind(Permissions, &[ch('k'), key(KeyCode::Up)], "k/↑", Action::Up, "scroll up", ""),
    bind(Permissions, &[key(KeyCode::PageDown)], "PgDn", Action::PageDown, "page down", ""),
    bind(Permissions, &[key(KeyCode::PageUp)], "PgUp", Action::PageUp, "page up", ""),
];

/// Shift is part of the character (`Y`, `G`, `?`) or of the key (`BackTab`); terminals differ
/// on whether they also report the modifier, so it is dropped before matching.
fn normalize(key: &KeyEvent) -> Chord {
    let mut modifiers = key.modifiers - KeyModifiers::SHIFT;
    // Only Ctrl matters for our bindings; Alt/Meta combinations are not bound.
    modifiers &= KeyModifiers::CONTROL;
    Chord {
        code: key.code,
        modifiers,
    }
}

/// Turns one terminal event into a message for the app (None for events the app ignores).
pub fn to_msg(keys: &KeyMap, event: &Event, mode: Mode) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_msg(keys, key, mode),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Msg::Wheel {
                column: mouse.column,
                row: mouse.row,
                down: mouse.kind == MouseEventKind::ScrollDown,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        Event::FocusGained => Some(Msg::Focus(true)),
        Event::FocusLost => Some(Msg::Focus(false)),
        Event::Resize(width, height) => Some(Msg::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn key_msg(keys: &KeyMap, key: &KeyEvent, mode: Mode) -> Option<Msg> {
    if let Some(action) = keys.action(normalize(key), mode) {
        return Some(Msg::Action(action));
    }
    if !matches!(mode, Mode::Filter | Mode::Command) {
        return None;
    }
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if plain => Some(Msg::FilterEdit(FilterEdit::Insert(c))),
        KeyCode::Backspace => Some(Msg::FilterEdit(FilterEdit::Backspace)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_msg(event: &Event, mode: Mode) -> Option<Msg> {
        super::to_msg(&KeyMap::default(), event, mode)
    }

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn ctrl_c_quits_in_every_mode() {
        for mode in Mode::ALL {
            let msg = to_msg(&press(KeyCode::Char('c'), KeyModifiers::CONTROL), mode);
            assert!(matches!(msg, Some(Msg::Action(Action::Quit))), "{mode:?}");
        }
    }

    #[test]
    fn shifted_letters_match_with_or_without_the_shift_modifier() {
        for mods in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            let msg = to_msg(&press(KeyCode::Char('Y'), mods), Mode::Users);
            assert!(matches!(msg, Some(Msg::Action(Action::CopyArn))));
        }
        let msg = to_msg(&press(KeyCode::BackTab, KeyModifiers::SHIFT), Mode::Users);
        assert!(matches!(msg, Some(Msg::Action(Action::FocusPrev))));
    }

    #[test]
    fn letters_type_into_the_filter_instead_of_acting() {
        let msg = to_msg(&press(KeyCode::Char('q'), KeyModifiers::NONE), Mode::Filter);
        assert!(matches!(
            msg,
            Some(Msg::FilterEdit(FilterEdit::Insert('q')))
        ));
        let msg = to_msg(
            &press(KeyCode::Char('J'), KeyModifiers::SHIFT),
            Mode::Filter,
        );
        assert!(matches!(
            msg,
            Some(Msg::FilterEdit(FilterEdit::Insert('J')))
        ));
    }

    #[test]
    fn copy_menu_letters_pick_items() {
        let msg = to_msg(
            &press(KeyCode::Char('j'), KeyModifiers::NONE),
            Mode::CopyMenu,
        );
        assert!(matches!(
            msg,
            Some(Msg::Action(Action::Copy(CopyItem::Json)))
        ));
    }

    #[test]
    fn users_only_keys_do_nothing_in_the_picker() {
        assert!(to_msg(&press(KeyCode::Char('c'), KeyModifiers::NONE), Mode::Picker).is_none());
        assert!(to_msg(&press(KeyCode::Char('/'), KeyModifiers::NONE), Mode::Picker).is_none());
    }

    #[test]
    fn y_copies_the_instance_id_in_the_picker_and_the_user_id_on_the_users_screen() {
        let y = press(KeyCode::Char('y'), KeyModifiers::NONE);
        assert!(matches!(
            to_msg(&y, Mode::Picker),
            Some(Msg::Action(Action::CopyInstanceId))
        ));
        assert!(matches!(
            to_msg(&y, Mode::Users),
            Some(Msg::Action(Action::CopyUserId))
        ));
    }

    #[test]
    fn every_copy_item_has_exactly_one_menu_key() {
        for item in CopyItem::ALL.into_iter().chain(CopyItem::MARKED) {
            let n = KEY_TABLE
                .iter()
                .filter(|b| b.action == Action::Copy(item))
                .count();
            assert_eq!(n, 1, "{item:?}");
        }
    }

    #[test]
    fn no_two_bindings_share_a_chord_within_a_mode() {
        for mode in Mode::ALL {
            let map = KeyMap::default();
            let chords: Vec<Chord> = map
                .bindings(mode)
                .flat_map(|b| b.chords.iter().copied())
                .collect();
            for (i, a) in chords.iter().enumerate() {
                assert!(!chords[i + 1..].contains(a), "{mode:?}: {a:?} bound twice");
            }
        }
    }

    #[test]
    fn release_events_are_ignored() {
        let mut key = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        key.kind = KeyEventKind::Release;
        assert!(to_msg(&Event::Key(key), Mode::Users).is_none());
    }
}
