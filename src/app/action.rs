//! The app's own vocabulary for input: what a key asks for ([`Action`]) and which keys are
//! live ([`Mode`]). The key table (`keys.rs`) maps terminal events onto these; the app never
//! looks at keys.

use super::copy::CopyItem;

/// What a key asks for. The app decides what it means in the current state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    /// Enter: open the instance, keep the filter, copy the chosen menu item.
    Confirm,
    /// Esc: close an overlay, clear the filter.
    Back,
    Refresh,
    Retry,
    InstancePicker,
    Filter,
    /// `:`: the command line.
    CommandLine,
    /// Tab on the command line.
    Complete,
    Help,
    CopyUserId,
    CopyArn,
    /// `y` in the instance picker.
    CopyInstanceId,
    CopyMenu,
    Copy(CopyItem),
    /// `s`: sort the users table by the next column.
    SortNext,
    /// `S`: reverse the sort.
    SortReverse,
    /// Space: mark or unmark the selected row.
    ToggleMark,
    /// Clear every mark.
    ClearMarks,
    /// Ctrl-S: write the current view as CSV into the export directory.
    ExportView,
    /// `f`: the users who share the selected user's routing profile, a security profile or
    /// hierarchy group (a menu).
    UsersWith,
}

/// The input mode, derived from app state ([`super::App::mode`]); decides which keys are
/// live.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Picker,
    Users,
    Filter,
    /// Typing a `:` command.
    Command,
    /// A `:rp` / `:sp` / `:groups` view.
    View,
    CopyMenu,
    Help,
    /// The permissions overlay (its filter line is [`Mode::Filter`]).
    Permissions,
    /// The "users with…" menu.
    UsersWith,
}

impl Mode {
    pub const ALL: [Mode; 9] = [
        Mode::Picker,
        Mode::Users,
        Mode::View,
        Mode::Filter,
        Mode::Command,
        Mode::CopyMenu,
        Mode::Help,
        Mode::Permissions,
        Mode::UsersWith,
    ];
}
