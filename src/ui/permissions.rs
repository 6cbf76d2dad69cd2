//! The permissions overlay: the selected user's security profiles' permissions, grouped by
//! area, with the `/` filter line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::permissions::grouped;
use crate::app::{Action, App, Load, Lookup, Mode, NameKind};
use crate::keys::KeyMap;

use super::help::centered;
use super::text::safe;

/// The overlay's lines for the selected user.
fn lines(app: &App, keys: &KeyMap, editing: bool) -> Vec<Line<'static>> {
    let t = app.theme;
    let mut lines = Vec::new();
    let Some(b) = app.users.as_ref() else {
        return lines;
    };
    let ids = b
        .selected_record()
        .and_then(|u| u.security_profile_ids.clone())
        .unwrap_or_default();
    if editing || !app.permissions_filter.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("/", t.key()),
            Span::raw(safe(&app.permissions_filter)),
            Span::styled(if editing { "▏" } else { "" }, t.key()),
        ]));
    }
    let mut listed = Vec::new();
    for id in &ids {
        let name = match b.names.lookup(NameKind::SecurityProfiles, id) {
            Lookup::Known(name) => safe(name),
            _ => safe(id),
        };
        match b.data.permissions(id) {
            Some(p) if p.is_done() => listed.push((name, p.items.as_slice())),
            Some(p) => {
                let state = match &p.load {
                    Load::Failed(error) => Span::styled(safe(&error.human()), t.error()),
                    _ => Span::styled("loading…", t.dim()),
                };
                lines.push(Line::from(vec![Span::raw(format!("{name}: ")), state]));
            }
            None => {}
        }
    }
    if ids.is_empty() {
        lines.push(Line::styled("No security profiles", t.dim()));
    }
    let groups = grouped(&listed, &app.permissions_filter);
    if groups.is_empty() && !listed.is_empty() {
        lines.push(Line::styled("No permission matches the filter", t.dim()));
    }
    let several = listed.len() > 1;
    for (area, permissions) in groups {
        lines.push(Line::styled(safe(&area), t.header()));
        for granted in permissions {
            let mut spans = vec![Span::raw(format!("  {}", safe(&granted.permission)))];
            if several {
                spans.push(Span::styled(
                    format!("  ({})", granted.profiles.join(", ")),
                    t.dim(),
                ));
            }
            lines.push(Line::from(spans));
        }
    }
    if !editing && lines.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(keys.label_for(Action::Back, Mode::Permissions), t.key()),
            Span::raw(" closes"),
        ]));
    }
    lines
}

/// Draws the overlay scrolled by `scroll` lines; returns the largest useful scroll.
pub fn draw(
    frame: &mut Frame,
    app: &App,
    keys: &KeyMap,
    area: Rect,
    scroll: u16,
    editing: bool,
) -> u16 {
    let t = app.theme;
    let content = lines(app, keys, editing);
    let width = area.width.saturating_sub(4).min(80);
    let height = area.height.saturating_sub(2).min(content.len() as u16 + 2);
    let popup = centered(area, width, height);
    let total = content.len() as u16;
    let visible = popup.height.saturating_sub(2);
    let max_scroll = total.saturating_sub(visible);
    let scroll = scroll.min(max_scroll);
    let user = app
        .users
        .as_ref()
        .and_then(|b| b.selected_user())
        .and_then(|u| u.username)
        .unwrap_or_default();
    let title = format!(
        " Permissions of {} · {} filters · {} closes ",
        safe(&user),
        keys.label_for(Action::Filter, Mode::Permissions),
        keys.label_for(Action::Back, Mode::Permissions)
    );
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(Span::styled(title, t.title()));
    if max_scroll > 0 {
        let last = (scroll + visible).min(total);
        block = block.title_bottom(
            Line::styled(
                format!(" {}–{last} of {total} · j/k scroll ", scroll + 1),
                t.dim(),
            )
            .right_aligned(),
        );
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(content).block(block).scroll((scroll, 0)),
        popup,
    );
    max_scroll
}
