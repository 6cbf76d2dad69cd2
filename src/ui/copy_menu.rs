//! The copy menu (`c`): every copyable item of the selected user, with a preview.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::{App, CopyItem};
use crate::keys::{Action, KEY_TABLE};

use super::help::centered;
use super::text::safe;
use super::theme;

pub fn draw(frame: &mut Frame, app: &App, area: Rect, selected: usize) {
    let Some(source) = app.copy_source() else { return };
    let lines: Vec<Line> = CopyItem::ALL
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let key = KEY_TABLE
                .iter()
                .find(|b| b.action == Action::Copy(*item))
                .map_or("", |b| b.keys);
            let (preview, style) = match source.text(*item) {
                Ok(text) => (safe(text.lines().next().unwrap_or_default()), theme::dim()),
                Err(why) => (why, theme::dim()),
            };
            let line = Line::from(vec![
                Span::styled(format!(" {key} "), theme::key()),
                Span::raw(format!("{:<22}", item.label())),
                Span::styled(preview, style),
            ]);
            if index == selected {
                line.style(theme::selected(true))
            } else {
                line
            }
        })
        .collect();
    let width = area.width.saturating_sub(4).min(76);
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = centered(area, width, height);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(Span::styled(" Copy · key or Enter, Esc closes ", theme::title()));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
