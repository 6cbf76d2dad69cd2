//! The users screen: the streamed, filterable list, the tab bar, and the panes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::{Action, App, Focus, Mode, PaneId, Theme, UsersScreen, show_filter_line};
use crate::keys::KeyMap;

use super::text::{safe, thousands};
use super::{panes, theme};
use crate::app::layout::{self, TAB_SEPARATOR};

/// Draws the users screen; returns the number of content lines of each pane drawn.
pub fn draw(frame: &mut Frame, app: &App, keys: &KeyMap, body: Rect) -> Vec<(PaneId, usize)> {
    let Some(b) = app.users.as_ref() else {
        return Vec::new();
    };
    let areas = layout::users(body, b.tab);
    draw_list(frame, app, keys, b, areas.list);
    if let Some(bar) = areas.tabs {
        draw_tabs(frame, &app.theme, b, bar, &areas.tab_titles);
    }
    areas
        .panes
        .iter()
        .map(|(pane, area)| (*pane, panes::draw(frame, app, keys, *pane, *area)))
        .collect()
}

fn draw_list(frame: &mut Frame, app: &App, keys: &KeyMap, b: &UsersScreen, area: Rect) {
    let t = app.theme;
    let focused = b.focus == Focus::List;
    let total = b.list.users.len();
    let mut title = vec![Span::styled(" Users ", t.title())];
    if b.filter.is_active() {
        title.push(Span::raw(format!(
            "· {} of {} ",
            thousands(b.view_len()),
            thousands(total)
        )));
    } else {
        title.push(Span::raw(format!("· loaded {} ", thousands(total))));
    }
    if b.list.loading {
        title.push(Span::styled(
            format!("{} ", theme::spinner(app.spinner_frame())),
            t.key(),
        ));
    }
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(focused))
        .title(Line::from(title));
    if b.list.error.is_some() {
        let hint = if b.list.error.as_ref().is_some_and(|e| e.is_retryable()) {
            " listing stopped: R retries "
        } else {
            " listing stopped "
        };
        block = block.title_bottom(Line::styled(hint, t.error()));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let filter_line = show_filter_line(b);
    let mut rows_area = inner;
    if filter_line && inner.height > 0 {
        let cursor = if b.filter.editing { "▏" } else { "" };
        let line = Line::from(vec![
            Span::styled("/", t.key()),
            Span::raw(safe(b.filter.query())),
            Span::styled(cursor, t.key()),
        ]);
        frame.render_widget(Paragraph::new(line), Rect { height: 1, ..inner });
        rows_area.y += 1;
        rows_area.height -= 1;
    }
    if b.view_len() == 0 {
        frame.render_widget(
            Paragraph::new(empty_message(app, keys, b)).wrap(Wrap { trim: true }),
            rows_area,
        );
        return;
    }
    let rows = usize::from(rows_area.height);
    for offset in 0..rows {
        let row = b.cursor.top + offset;
        let Some(user) = b.user_at(row) else { break };
        let area = Rect {
            y: rows_area.y + offset as u16,
            height: 1,
            ..rows_area
        };
        let mut spans = vec![Span::raw(safe(
            user.username.as_deref().unwrap_or("(no username)"),
        ))];
        let record = user.id.as_deref().and_then(|id| b.records.loaded(id));
        if let Some(info) = record.and_then(|r| r.identity_info.as_ref()) {
            let name = [info.first_name.as_deref(), info.last_name.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            if !name.is_empty() {
                // Dim beside the username, but readable on the selection's background.
                let style = if row == b.cursor.selected {
                    Style::new()
                } else {
                    t.dim()
                };
                spans.push(Span::styled(format!("  {}", safe(&name)), style));
            }
        }
        let line = Line::from(spans);
        if row == b.cursor.selected {
            let style = t.selected(focused);
            frame.buffer_mut().set_style(area, style);
            frame.render_widget(Paragraph::new(line).style(style), area);
        } else {
            frame.render_widget(Paragraph::new(line), area);
        }
    }
}

fn empty_message(app: &App, keys: &KeyMap, b: &UsersScreen) -> Vec<Line<'static>> {
    let t = app.theme;
    if let Some(error) = &b.list.error {
        // Retrying helps a network or service hiccup, not missing permissions.
        let (action, what) = if error.is_retryable() {
            (Action::Retry, " to retry")
        } else {
            (Action::InstancePicker, " for the instance picker")
        };
        let key = keys.label_for(action, Mode::Users);
        return vec![
            Line::styled(safe(&error.human()), t.error()),
            Line::from(vec![
                Span::raw("Press "),
                Span::styled(key, t.key()),
                Span::raw(what),
            ]),
        ];
    }
    if b.filter.is_active() && !b.list.users.is_empty() {
        return vec![Line::styled(
            format!("No user matches “{}”", safe(b.filter.query())),
            t.dim(),
        )];
    }
    if b.list.loading {
        return vec![Line::from(vec![
            Span::styled(theme::spinner(app.spinner_frame()), t.key()),
            Span::raw(" Loading users…"),
        ])];
    }
    vec![Line::styled("No users in this instance", t.dim())]
}

fn draw_tabs(
    frame: &mut Frame,
    t: &Theme,
    b: &UsersScreen,
    bar: Rect,
    titles: &[(crate::app::PaneId, Rect)],
) {
    let mut spans = Vec::new();
    for (i, (pane, _)) in titles.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(TAB_SEPARATOR, t.dim()));
        }
        let style = if *pane == b.tab {
            t.selected(b.focus == Focus::Pane(*pane))
        } else {
            t.label()
        };
        spans.push(Span::styled(layout::tab_label(*pane, bar.width), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), bar);
}
