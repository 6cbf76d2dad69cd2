//! The instance picker.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table};

use crate::app::App;

use super::layout;
use super::text::{safe, time_short};
use super::theme;

pub fn draw(frame: &mut Frame, app: &App, body: Rect) {
    let picker = &app.picker;
    let mut title = vec![Span::styled(" Amazon Connect instances ", theme::title())];
    title.push(Span::raw(format!("· {} ", safe(&app.config.region))));
    if picker.loading {
        title.push(Span::styled(format!("{} ", theme::spinner(app.spinner_frame())), theme::key()));
    }
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(Line::from(title));

    if picker.instances.is_empty() {
        frame.render_widget(Paragraph::new(empty_message(app)).block(block), body);
        return;
    }
    let rows_visible = layout::picker_rows(body);
    let rows: Vec<Row> = picker
        .instances
        .iter()
        .enumerate()
        .skip(picker.cursor.top)
        .take(rows_visible)
        .map(|(index, i)| {
            let cells = vec![
                Line::raw(safe(i.instance_alias.as_deref().unwrap_or("—"))),
                Line::raw(safe(i.id.as_deref().unwrap_or("—"))),
                Line::raw(safe(i.instance_status.as_deref().unwrap_or("—"))),
                Line::raw(safe(i.identity_management_type.as_deref().unwrap_or("—"))),
                Line::from(time_short(i.created_time, app.config.zone)),
            ];
            let row = Row::new(cells);
            if index == picker.cursor.selected {
                row.style(theme::selected(true))
            } else {
                row
            }
        })
        .collect();
    let header = Row::new(["Alias", "ID", "Status", "Identity management", "Created"]).style(theme::header());
    let widths = [
        Constraint::Min(16),
        Constraint::Length(36),
        Constraint::Length(10),
        Constraint::Length(19),
        Constraint::Length(16),
    ];
    let mut block = block;
    if let Some(error) = &picker.error {
        block = block.title_bottom(Line::styled(format!(" {} · R retries ", safe(&error.human())), theme::error()));
    }
    frame.render_widget(Table::new(rows, widths).header(header).block(block), body);
}

fn empty_message(app: &App) -> Vec<Line<'static>> {
    let picker = &app.picker;
    if let Some(error) = &picker.error {
        return vec![
            Line::styled(safe(&error.human()), theme::error()),
            Line::from(vec![Span::raw("Press "), Span::styled("R", theme::key()), Span::raw(" to retry, "), Span::styled("q", theme::key()), Span::raw(" to quit")]),
        ];
    }
    if picker.loading {
        return vec![Line::from(vec![
            Span::styled(theme::spinner(app.spinner_frame()), theme::key()),
            Span::raw(" Listing instances…"),
        ])];
    }
    vec![
        Line::raw(format!(
            "No Amazon Connect instances in region {} for profile {}.",
            safe(&app.config.region),
            safe(app.config.profile.as_deref().unwrap_or("default"))
        )),
        Line::raw("Check --profile and --region (or AWS_PROFILE / AWS_REGION), and that"),
        Line::raw("`aws connect list-instances` lists them with the same settings."),
    ]
}
