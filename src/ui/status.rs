//! The one-line status bar: profile · region · instance · users loaded · requests in flight ·
//! throttling notice · last message, and key hints (from the key table) when there is room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Overlay, Screen};
use crate::keys::KeyMap;

use super::text::{safe, shorten_end, thousands};

/// A piece of the status bar; when the bar is too narrow the least important pieces go
/// first, so the message and the throttling notice stay readable at 80 columns.
struct Segment {
    importance: u8,
    spans: Vec<Span<'static>>,
}

fn segment(importance: u8, span: Span<'static>) -> Segment {
    Segment {
        importance,
        spans: vec![span],
    }
}

fn segments(app: &App) -> Vec<Segment> {
    let t = app.theme;
    let mut segments = vec![
        segment(4, Span::raw(safe(app.profile_label()))),
        segment(1, Span::raw(safe(app.region_label()))),
    ];
    match (app.screen, app.users.as_ref()) {
        (Screen::Users, Some(b)) => {
            segments.push(segment(
                5,
                Span::styled(safe(&app.instance_label().unwrap_or_default()), t.title()),
            ));
            segments.push(segment(
                2,
                Span::raw(format!("{} users", thousands(b.list.users.len()))),
            ));
        }
        _ => segments.push(segment(
            2,
            Span::raw(format!(
                "{} instances",
                thousands(app.picker.instances.len())
            )),
        )),
    }
    if app.in_flight > 0 {
        segments.push(segment(3, Span::raw(format!("⇅ {}", app.in_flight))));
    }
    if app.is_throttled() {
        let count = if app.throttled_total > 0 {
            format!(" ({}×)", thousands(app.throttled_total as usize))
        } else {
            String::new()
        };
        segments.push(segment(
            7,
            Span::styled(
                format!(" throttled by Connect{count}: retrying slower "),
                t.warning(),
            ),
        ));
    }
    if let Some(b) = app.users.as_ref().filter(|_| app.screen == Screen::Users) {
        if let Some(backoff) = b.live.backoff {
            segments.push(segment(
                7,
                Span::styled(
                    format!(
                        " live status throttled: refreshing every {} s ",
                        backoff.as_secs()
                    ),
                    t.warning(),
                ),
            ));
        } else if b.live.stale.is_some() {
            segments.push(segment(
                6,
                Span::styled("live status stale: the last refresh failed", t.error()),
            ));
        }
    }
    if let Some(notice) = app.visible_notice() {
        let style = if notice.is_error {
            t.error()
        } else {
            ratatui::style::Style::new()
        };
        segments.push(segment(6, Span::styled(safe(&notice.text), style)));
    }
    segments
}

pub fn draw(frame: &mut Frame, app: &App, keys: &KeyMap, area: Rect) {
    if app.overlay == Overlay::Command {
        return command_line(frame, app, area);
    }
    let t = app.theme;
    let width = |segments: &[Segment]| -> usize {
        let text: usize = segments
            .iter()
            .flat_map(|s| &s.spans)
            .map(|s| s.content.width())
            .sum();
        text + 1 + 3 * segments.len().saturating_sub(1)
    };
    let mut kept = segments(app);
    while kept.len() > 1 && width(&kept) > usize::from(area.width) {
        if let Some(least) = (0..kept.len()).min_by_key(|i| kept[*i].importance) {
            kept.remove(least);
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, segment) in kept.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", t.dim()));
        }
        spans.extend(segment.spans);
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let hints = hint_spans(app, keys, usize::from(area.width).saturating_sub(used + 2));
    let hints_width: usize = hints.iter().map(|s| s.content.width()).sum();
    if !hints.is_empty() {
        let fill = usize::from(area.width).saturating_sub(used + hints_width);
        spans.push(Span::raw(" ".repeat(fill)));
        spans.extend(hints);
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(t.status_bar()),
        area,
    );
}

/// The `:` line in place of the status bar: what is typed, then what is wrong with it or
/// what Tab found, shortened at the edge (visibly).
fn command_line(frame: &mut Frame, app: &App, area: Rect) {
    let t = app.theme;
    let line = &app.command_line;
    let mut spans = vec![
        Span::styled(":", t.key()),
        Span::raw(safe(&line.text)),
        Span::styled("▏", t.key()),
    ];
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let room = usize::from(area.width).saturating_sub(used + 3);
    if let Some(error) = &line.error {
        spans.push(Span::raw("   "));
        spans.push(Span::styled(shorten_end(&safe(error), room), t.error()));
    } else if !line.candidates.is_empty() {
        spans.push(Span::raw("   "));
        let joined = safe(&line.candidates.join("  "));
        spans.push(Span::styled(shorten_end(&joined, room), t.dim()));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(t.status_bar()),
        area,
    );
}

/// The key hints that fit in `room` columns: `? help` first (it leads to all the others),
/// then the mode's hints in key-table order; drawn with help last, at the right edge.
fn hint_spans(app: &App, keys: &KeyMap, room: usize) -> Vec<Span<'static>> {
    let t = app.theme;
    let all = keys.hints(app.mode());
    let (help, others): (Vec<_>, Vec<_>) = all.into_iter().partition(|(_, w)| *w == "help");
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
    if chosen.first().is_some_and(|(_, w)| *w == "help") {
        chosen.rotate_left(1);
    }
    let mut spans = Vec::new();
    for (keys, word) in chosen {
        spans.push(Span::styled(keys.to_string(), t.key()));
        spans.push(Span::raw(format!(" {word}  ")));
    }
    spans
}
