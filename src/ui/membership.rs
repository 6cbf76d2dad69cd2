//! A `:rp` / `:sp` / `:groups` view: name, ID and number of users, one row each.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row, Table};

use crate::app::layout;
use crate::app::{App, MembershipView};

use super::text::{safe, thousands};

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
            let line = Row::new(vec![
                Line::from(name),
                Line::raw(safe(&row.id)),
                Line::raw(thousands(row.users)).right_aligned(),
            ]);
            if index == view.cursor.selected {
                line.style(t.selected(true))
            } else {
                line
            }
        })
        .collect();
    let header = Row::new(vec![
        Line::raw("Name"),
        Line::raw("ID"),
        Line::raw("Users").right_aligned(),
    ])
    .style(t.header());
    // The ID whole (36 columns), the count, and the name takes the rest.
    let widths = [
        Constraint::Min(12),
        Constraint::Length(36),
        Constraint::Length(7),
    ];
    frame.render_widget(Table::new(rows, widths).header(header).block(block), body);
}
