//! The users screen: the streamed, filterable list, the tab bar, and the panes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::app::table::{self, Column};
use crate::app::{
    Action, App, Focus, Mode, PaneId, SweepState, Theme, UsersScreen, show_filter_line,
};
use crate::keys::KeyMap;

use unicode_width::UnicodeWidthStr;

use super::text::{safe, shorten_end, thousands};
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
    if !b.marks.is_empty() {
        title.push(Span::styled(
            format!("· {} marked ", thousands(b.marks.len())),
            t.key(),
        ));
    }
    if let Some((swept, estimate)) = b.sweep.progress() {
        let of = estimate
            .and_then(|n| usize::try_from(n).ok())
            .map(|n| format!(" of ~{}", thousands(n)))
            .unwrap_or_default();
        title.push(Span::styled(
            format!("· details {}{of} ", thousands(swept)),
            t.dim(),
        ));
    }
    if b.list.loading || b.sweep.is_running() {
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
    } else {
        match &b.sweep.state {
            SweepState::Denied(_) => {
                block = block.title_bottom(Line::styled(
                    " usernames only: SearchUsers denied ",
                    t.warning(),
                ));
            }
            SweepState::Failed(e) => {
                let hint = if e.is_retryable() {
                    " details stopped: R retries "
                } else {
                    " details stopped "
                };
                block = block.title_bottom(Line::styled(hint, t.error()));
            }
            SweepState::Running | SweepState::Done => {}
        }
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let filter_line = show_filter_line(b);
    let mut rows_area = inner;
    if filter_line && inner.height > 0 {
        let cursor = if b.filter.editing { "▏" } else { "" };
        let mut spans = vec![
            Span::styled("/", t.key()),
            Span::raw(safe(b.filter.query())),
            Span::styled(cursor, t.key()),
        ];
        if let Some(error) = b.filter.error() {
            // The table below keeps the last valid result.
            spans.push(Span::styled(format!("  {error}"), t.error()));
        }
        let line = Line::from(spans);
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
    // While rows are marked, a gutter shows which.
    let gutter = if b.marks.is_empty() {
        0
    } else {
        MARK.width() as u16
    };
    let columns = columns(&app.config.columns, rows_area.width.saturating_sub(gutter));
    if rows_area.height > 0 {
        let header = Rect {
            height: 1,
            ..rows_area
        };
        let mut line = header_line(&t, b, &columns);
        if gutter > 0 {
            line.spans
                .insert(0, Span::raw(" ".repeat(usize::from(gutter))));
        }
        frame.render_widget(Paragraph::new(line), header);
        rows_area.y += 1;
        rows_area.height -= 1;
    }
    let rows = usize::from(rows_area.height);
    for offset in 0..rows {
        let row = b.cursor.top + offset;
        let Some(index) = b.index_at(row) else { break };
        let area = Rect {
            y: rows_area.y + offset as u16,
            height: 1,
            ..rows_area
        };
        let selected = row == b.cursor.selected;
        let mut spans = Vec::new();
        if gutter > 0 {
            let marked = b.marks.contains(&(index as u32));
            spans.push(if marked {
                Span::styled(MARK, t.key())
            } else {
                Span::raw(" ".repeat(usize::from(gutter)))
            });
        }
        for (i, (column, width)) in columns.iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(" "));
            }
            let cell = table::cell(&b.list, &b.names, &b.records, &b.live, index, *column);
            let text = pad(&shorten_end(&safe(&cell.text), usize::from(*width)), *width);
            // Dim marks an ID shown for want of its name, but stays readable when selected.
            let style = if cell.unresolved && !selected {
                t.dim()
            } else {
                Style::new()
            };
            spans.push(Span::styled(text, style));
        }
        let line = Line::from(spans);
        if selected {
            let style = t.selected(focused);
            frame.buffer_mut().set_style(area, style);
            frame.render_widget(Paragraph::new(line).style(style), area);
        } else {
            frame.render_widget(Paragraph::new(line), area);
        }
    }
}

/// The mark of a marked row.
const MARK: &str = "● ";

/// The columns that fit in `width`, in order, each at its narrowest; then the room left
/// widens them in order up to their widest. A cell cut short ends in "…", so no value (an
/// ID least of all) is ever cut silently.
pub fn columns(wanted: &[Column], width: u16) -> Vec<(Column, u16)> {
    let mut chosen: Vec<(Column, u16)> = Vec::new();
    let mut used = 0u16;
    for column in wanted.iter().copied() {
        let gap = u16::from(!chosen.is_empty());
        let need = column.widths().0 + gap;
        if used + need > width {
            break;
        }
        chosen.push((column, column.widths().0));
        used += need;
    }
    if chosen.is_empty() {
        return vec![(Column::Username, width)];
    }
    // One column at a time, round the columns, so they widen together.
    let mut left = width - used;
    while left > 0 {
        let mut grew = false;
        for (column, w) in chosen.iter_mut() {
            if left > 0 && *w < column.widths().1 {
                *w += 1;
                left -= 1;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    chosen
}

fn header_line(t: &Theme, b: &UsersScreen, columns: &[(Column, u16)]) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, (column, width)) in columns.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        let arrow = match b.sort {
            Some(sort) if sort.column == *column && sort.descending => " ▼",
            Some(sort) if sort.column == *column => " ▲",
            _ => "",
        };
        // The arrow stays visible however narrow the column: the title gives way.
        let room = usize::from(*width).saturating_sub(arrow.width());
        let title = format!("{}{arrow}", shorten_end(column.title(), room));
        spans.push(Span::styled(pad(&title, *width), t.header()));
    }
    Line::from(spans)
}

/// `text` padded with spaces to `width` columns.
fn pad(text: &str, width: u16) -> String {
    let missing = usize::from(width).saturating_sub(text.width());
    format!("{text}{}", " ".repeat(missing))
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
