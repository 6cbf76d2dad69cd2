//! The copy menu (`c`): every copyable item of the selected user, with a preview.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::{Action, Mode};
use crate::app::{App, Theme};
use crate::keys::KeyMap;

use super::help::centered;
use super::text::{safe, shorten_end, shorten_middle};

pub fn draw(frame: &mut Frame, app: &App, keys: &KeyMap, area: Rect, selected: usize) {
    let t = app.theme;
    if app.copy_source().is_none() {
        return;
    }
    let width = area.width.saturating_sub(4).min(100);
    // Key (3 columns), label (22): the rest previews the text, shortened visibly.
    let room = usize::from(width.saturating_sub(2)).saturating_sub(3 + 22);
    let lines: Vec<Line> = app
        .copy_items()
        .iter()
        .map(|item| {
            let key = keys
                .keys_for(Action::Copy(*item), Mode::CopyMenu)
                .unwrap_or_default();
            let (preview, style) = match app.copy_text(*item) {
                Ok(text) => (preview(&text, room), t.dim()),
                Err(why) => (why, t.error()),
            };
            Line::from(vec![
                Span::styled(format!(" {key} "), t.key()),
                Span::raw(format!("{:<22}", item.label())),
                Span::styled(preview, style),
            ])
        })
        .collect();
    menu(
        frame,
        &t,
        area,
        width,
        " Copy · key or Enter, Esc closes ",
        lines,
        selected,
    );
}

/// A menu popup centred in `area`: `lines` in a focused frame titled `title`, the line at
/// `selected` highlighted.
pub fn menu(
    frame: &mut Frame,
    t: &Theme,
    area: Rect,
    width: u16,
    title: &'static str,
    lines: Vec<Line<'_>>,
    selected: usize,
) {
    let lines: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            if index == selected {
                line.style(t.selected(true))
            } else {
                line
            }
        })
        .collect();
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = centered(area, width, height);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(Span::styled(title, t.title()));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

/// The first line of `text` (and how many lines there are when more than one), fitted to
/// `room` columns: a one-line value keeps both ends (IDs, ARNs, the CLI line's user ID).
fn preview(text: &str, room: usize) -> String {
    let first = safe(text.lines().next().unwrap_or_default());
    match text.lines().count() {
        0 | 1 => shorten_middle(&first, room),
        n => {
            let more = format!(" … ({n} lines)");
            let head = shorten_end(&first, room.saturating_sub(more.width()));
            format!("{head}{more}")
        }
    }
}
