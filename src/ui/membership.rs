//! A `:rp` / `:sp` / `:groups` view: name (and a group's path), ID and number of users, one
//! row each.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row, Table};

use crate::app::layout;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Membership, MembershipView};

use super::text::{safe, shorten_end, thousands};

pub fn draw(frame: &mut Frame, app: &App, view: &MembershipView, body: Rect) {
    let t = app.theme;
    let mut title = vec![
        Span::styled(format!(" {} ", view.title()), t.title()),
        Span::raw(format!("· {} ", thousands(view.rows.len()))),
    ];
    if view.partial {
        title.push(Span::styled("· counts partial (sweep running) ", t.dim()));
    }
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(Line::from(title))
        .title_bottom(Line::styled(" Enter: its users · Esc: back ", t.dim()));
    let visible = layout::picker_rows(body);
    let groups = view.kind == Membership::HierarchyGroups;
    // The ID whole (36 columns) and the count; for groups the path takes what the name
    // (up to 28 columns) leaves, shortened visibly.
    let inner = usize::from(body.width.saturating_sub(2));
    let name_width = if groups {
        let longest = view.rows.iter().filter_map(|r| r.name.as_deref());
        longest
            .map(|n| safe(n).width())
            .max()
            .unwrap_or(4)
            .clamp(4, 28)
    } else {
        0
    };
    let path_width = inner.saturating_sub(36 + 7 + 3 + name_width);
    let rows: Vec<Row> = view
        .rows
        .iter()
        .enumerate()
        .skip(view.cursor.top)
        .take(visible)
        .map(|(index, row)| {
            let name = match &row.name {
                Some(name) => Span::raw(safe(name)),
                None => Span::styled("(no name listed)", t.dim()),
            };
            let mut cells = vec![Line::from(name)];
            if groups {
                let path = row.path.as_deref().map(safe).unwrap_or_default();
                cells.push(Line::raw(shorten_end(&path, path_width)));
            }
            cells.push(Line::raw(safe(&row.id)));
            cells.push(Line::raw(thousands(row.users)).right_aligned());
            let line = Row::new(cells);
            if index == view.cursor.selected {
                line.style(t.selected(true))
            } else {
                line
            }
        })
        .collect();
    let mut header = vec![Line::raw("Name")];
    let mut widths = vec![Constraint::Min(12)];
    if groups {
        header.push(Line::raw("Path"));
        widths = vec![
            Constraint::Length(name_width as u16),
            Constraint::Length(path_width as u16),
        ];
    }
    header.extend([Line::raw("ID"), Line::raw("Users").right_aligned()]);
    widths.extend([Constraint::Length(36), Constraint::Length(7)]);
    let header = Row::new(header).style(t.header());
    frame.render_widget(Table::new(rows, widths).header(header).block(block), body);
}
