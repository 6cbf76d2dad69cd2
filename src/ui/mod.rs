//! Drawing: a pure function of [`App`] state. Called after every message; never mutates.

mod copy_menu;
mod fields;
mod help;
mod live_panes;
mod membership;
pub mod panes;
mod permissions;
mod picker;
mod status;
mod text;
mod theme;
mod users;
mod users_with;

#[cfg(test)]
mod render_live_tests;
#[cfg(test)]
mod render_tests;

use ratatui::Frame;

use crate::app::layout;
use crate::app::{App, Drawn, Overlay, Screen};
use crate::keys::KeyMap;

/// Draws the whole screen for `app`, naming keys as `keys` binds them; returns what the
/// frame measured, for the loop to hand back to the app.
pub fn draw(frame: &mut Frame, app: &App, keys: &KeyMap) -> Drawn {
    let mut drawn = Drawn::default();
    let area = frame.area();
    let (body, status) = layout::screen(area);
    match app.screen {
        Screen::Picker => picker::draw(frame, app, keys, body),
        Screen::Users => match &app.view {
            Some(view) => membership::draw(frame, app, view, body),
            None => drawn.pane_lines = users::draw(frame, app, keys, body),
        },
    }
    if let Some(status) = status {
        status::draw(frame, app, keys, status);
    }
    match app.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => {
            drawn.help_max_scroll = help::draw(frame, &app.theme, keys, area, app.screen, scroll);
        }
        Overlay::CopyMenu { selected } => copy_menu::draw(frame, app, keys, area, selected),
        Overlay::Command => {}
        Overlay::UsersWith { selected } => users_with::draw(frame, app, area, selected),
        Overlay::Permissions { scroll, editing } => {
            drawn.permissions_max_scroll =
                permissions::draw(frame, app, keys, area, scroll, editing);
        }
    }
    drawn
}
