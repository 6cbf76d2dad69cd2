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
    Help,
    CopyUserId,
    CopyArn,
    /// `y` in the instance picker.
    CopyInstanceId,
    CopyMenu,
    Copy(CopyItem),
}

/// The input mode, derived from app state ([`super::App::mode`]); decides which keys are
/// live.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Picker,
    Users,
    Filter,
    CopyMenu,
    Help,
    /// The permissions overlay (its filter line is [`Mode::Filter`]).
    Permissions,
}

impl Mode {
    pub const ALL: [Mode; 6] = [
        Mode::Picker,
        Mode::Users,
        Mode::Filter,
        Mode::CopyMenu,
        Mode::Help,
        Mode::Permissions,
    ];
}
