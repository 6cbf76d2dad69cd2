//! Drawing: a pure function of [`App`] state. Called after every message; never mutates.

mod copy_menu;
mod fields;
mod help;
pub mod layout;
pub mod panes;
mod picker;
mod status;
mod text;
mod theme;
mod users;

#[cfg(test)]
mod render_tests;

use ratatui::Frame;

use crate::app::{App, Overlay, Screen};

pub use help::max_scroll as help_max_scroll;

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let (body, status) = layout::screen(area);
    match app.screen {
        Screen::Picker => picker::draw(frame, app, body),
        Screen::Users => users::draw(frame, app, body),
    }
    if let Some(status) = status {
        status::draw(frame, app, status);
    }
    match app.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help::draw(frame, area, app.screen, scroll),
        Overlay::CopyMenu { selected } => copy_menu::draw(frame, app, area, selected),
    }
}
