//! The help overlay, generated from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::{COMMANDS, Screen, Theme};
use crate::keys::{Context, KeyMap};

/// The help text: every binding of the key table, grouped by where it applies; the keys of
/// the screen help was opened on come first (they fit on an 80×24 screen without scrolling).
fn lines(t: &Theme, keys: &KeyMap, screen: Screen) -> Vec<Line<'static>> {
    let first = match screen {
        Screen::Picker => [Context::Picker, Context::Browse, Context::Users],
        Screen::Users => [Context::Users, Context::Browse, Context::Picker],
    };
    let rest = [
        Context::Filter,
        Context::Command,
        Context::View,
        Context::CopyMenu,
        Context::Permissions,
        Context::UsersWith,
        Context::Always,
        Context::Help,
    ];
    let mut lines = Vec::new();
    for context in first.into_iter().chain(rest) {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(context.title(), t.header()));
        for bound in keys.rows().filter(|b| b.binding.context == context) {
            if bound.chords.is_empty() {
                continue; // unbound in the config file
            }
            lines.push(Line::from(vec![
                // A rebound key list can be longer than the column: keep a space after it.
                Span::styled(format!("  {:<10} ", bound.keys), t.key()),
                Span::raw(bound.binding.description),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Commands (type : first; Tab completes)",
        t.header(),
    ));
    for command in COMMANDS {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<22} ", command.usage), t.key()),
            Span::raw(command.help),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Mouse", t.header()));
    lines.push(Line::from(vec![
        Span::styled(format!("  {:<11}", "wheel"), t.key()),
        Span::raw("scroll the list, the focused pane or this help"),
    ]));
    lines.push(Line::from(vec![
        Span::styled(format!("  {:<11}", "click"), t.key()),
        Span::raw("select a row, focus a pane or a tab"),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::styled("Status bar", t.header()));
    for (sign, meaning) in [
        ("⇅ N", "requests in flight"),
        (
            "throttled",
            "Connect answers 429: requests are retried, slower",
        ),
        ("… c", "a value is shortened on screen; c copies it in full"),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("  {sign:<11}"), t.key()),
            Span::raw(meaning),
        ]));
    }
    lines
}

/// The help popup's rectangle in `area` for `content_lines` lines.
fn popup(area: Rect, content_lines: u16) -> Rect {
    let width = area.width.saturating_sub(4).min(64);
    let height = area.height.saturating_sub(2).min(content_lines + 2);
    centered(area, width, height)
}

/// Draws help scrolled by `scroll` lines; returns the largest useful scroll.
pub fn draw(
    frame: &mut Frame,
    t: &Theme,
    keys: &KeyMap,
    area: Rect,
    screen: Screen,
    scroll: u16,
) -> u16 {
    let content = lines(t, keys, screen);
    let popup = popup(area, content.len() as u16);
    let height = popup.height;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(Span::styled(" Help · Esc closes ", t.title()));
    let visible = height.saturating_sub(2);
    let total = content.len() as u16;
    let max_scroll = total.saturating_sub(visible);
    let scroll = scroll.min(max_scroll);
    let block = if max_scroll > 0 {
        // Where we are in a help longer than the screen, and how to see the rest.
        let last = (scroll + visible).min(total);
        block.title_bottom(
            Line::styled(
                format!(" {}–{last} of {total} · j/k scroll ", scroll + 1),
                t.dim(),
            )
            .right_aligned(),
        )
    } else {
        block
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(content).block(block).scroll((scroll, 0)),
        popup,
    );
    max_scroll
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
