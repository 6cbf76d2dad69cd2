//! The help overlay, generated from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::keys::{Context, KEY_TABLE};

use super::theme;

const CONTEXTS: [Context; 6] = [
    Context::Always,
    Context::Browse,
    Context::Users,
    Context::Filter,
    Context::CopyMenu,
    Context::Help,
];

/// The help text: every binding of the key table, grouped by where it applies.
pub fn lines() -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for context in CONTEXTS {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(context.title(), theme::header()));
        for binding in KEY_TABLE.iter().filter(|b| b.context == context) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<11}", binding.keys), theme::key()),
                Span::raw(binding.description),
            ]));
        }
    }
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, scroll: u16) {
    let content = lines();
    let width = area.width.saturating_sub(4).min(64);
    let height = area.height.saturating_sub(2).min(content.len() as u16 + 2);
    let popup = centered(area, width, height);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme::border(true))
        .title(Span::styled(" Help · Esc closes ", theme::title()));
    let max_scroll = (content.len() as u16).saturating_sub(height.saturating_sub(2));
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(content).block(block).scroll((scroll.min(max_scroll), 0)),
        popup,
    );
}

/// A `width`×`height` rectangle centred in `area` (clipped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
