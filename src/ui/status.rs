//! The one-line status bar: profile · region · instance · users loaded · requests in flight ·
//! throttling notice · last message, and key hints (from the key table) when there is room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Screen};
use crate::keys;

use super::text::{safe, thousands};
use super::theme;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let sep = || Span::styled(" · ", theme::dim());
    let mut spans = vec![
        Span::raw(" "),
        Span::raw(safe(app.profile_label())),
        sep(),
        Span::raw(safe(&app.config.region)),
    ];
    match (app.screen, app.browser.as_ref()) {
        (Screen::Users, Some(b)) => {
            spans.push(sep());
            spans.push(Span::styled(
                safe(&app.instance_label().unwrap_or_default()),
                theme::title(),
            ));
            spans.push(sep());
            spans.push(Span::raw(format!(
                "{} users",
                thousands(b.list.users.len())
            )));
        }
        _ => {
            spans.push(sep());
            spans.push(Span::raw(format!(
                "{} instances",
                thousands(app.picker.instances.len())
            )));
        }
    }
    if app.in_flight > 0 {
        spans.push(sep());
        spans.push(Span::raw(format!("⇅ {}", app.in_flight)));
    }
    if app.is_throttled() {
        spans.push(Span::raw(" "));
        let count = if app.throttled_total > 0 {
            format!(" ({}×)", thousands(app.throttled_total as usize))
        } else {
            String::new()
        };
        spans.push(Span::styled(
            format!(" throttled by Connect{count}: retrying slower "),
            theme::warning(),
        ));
    }
    if let Some(notice) = &app.notice {
        spans.push(sep());
        let style = if notice.is_error {
            theme::error()
        } else {
            ratatui::style::Style::new()
        };
        spans.push(Span::styled(safe(&notice.text), style));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let hints = hint_spans(app, usize::from(area.width).saturating_sub(used + 2));
    let hints_width: usize = hints.iter().map(|s| s.content.width()).sum();
    if !hints.is_empty() {
        let fill = usize::from(area.width).saturating_sub(used + hints_width);
        spans.push(Span::raw(" ".repeat(fill)));
        spans.extend(hints);
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme::status_bar()),
        area,
    );
}

/// The key hints that fit in `room` columns: `? help` first (it leads to all the others),
/// then the mode's hints in key-table order; drawn with help last, at the right edge.
fn hint_spans(app: &App, room: usize) -> Vec<Span<'static>> {
    let all = keys::hints(app.mode());
    let (help, others): (Vec<_>, Vec<_>) = all.into_iter().partition(|(k, _)| *k == "?");
    let mut chosen = Vec::new();
    let mut used = 0;
    for (keys, word) in help.iter().chain(&others) {
        let width = keys.width() + word.width() + 3;
        if used + width > room {
            break;
        }
        used += width;
        chosen.push((*keys, *word));
    }
    // Help goes last (rightmost).
    if chosen.first().is_some_and(|(k, _)| *k == "?") {
        chosen.rotate_left(1);
    }
    let mut spans = Vec::new();
    for (keys, word) in chosen {
        spans.push(Span::styled(keys, theme::key()));
        spans.push(Span::raw(format!(" {word}  ")));
    }
    spans
}
