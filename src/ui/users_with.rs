//! The "users with…" menu (`f`): the selected user's memberships, each with the filter it
//! sets, so what Enter will do is on screen before it happens.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, users_with_items};

use super::copy_menu::menu;
use super::text::{safe, shorten_end};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, selected: usize) {
    let t = app.theme;
    let Some(screen) = app.users.as_ref() else {
        return;
    };
    let items = users_with_items(screen);
    let width = area.width.saturating_sub(4).min(100);
    // What (18 columns), name (the half of the rest), then the filter it sets, dim.
    let room = usize::from(width.saturating_sub(2)).saturating_sub(18);
    let name_room = room / 2;
    let lines: Vec<Line> = items
        .iter()
        .map(|item| {
            let name = shorten_end(&safe(&item.name), name_room.saturating_sub(1));
            let filter = shorten_end(&safe(&item.filter), room - name_room);
            Line::from(vec![
                Span::raw(format!(" {:<17}", item.what)),
                Span::raw(format!("{name:<name_room$}")),
                Span::styled(filter, t.dim()),
            ])
        })
        .collect();
    let title = " Users with… · Enter shows them, Esc closes ";
    menu(frame, &t, area, width, title, lines, selected);
}
