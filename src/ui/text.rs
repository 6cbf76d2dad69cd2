//! Small text helpers for the panes: sanitised values, label/value rows, aligned tables,
//! numbers and times.

use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

use crate::app::{Theme, Zone};
use crate::model::Timestamp;
use crate::sanitize::sanitize;

/// A sanitised, owned copy of an API string.
pub fn safe(s: &str) -> String {
    sanitize(s).into_owned()
}

/// A value span: the sanitised text, or a dim "—" when absent or empty.
pub fn value(t: &Theme, v: Option<&str>) -> Span<'static> {
    match v.filter(|s| !s.is_empty()) {
        Some(s) => Span::raw(safe(s)),
        None => Span::styled("—", t.dim()),
    }
}

pub fn yes_no(t: &Theme, v: Option<bool>) -> Span<'static> {
    match v {
        Some(true) => Span::raw("yes"),
        Some(false) => Span::raw("no"),
        None => Span::styled("—", t.dim()),
    }
}

/// After-contact-work seconds; 0 means no limit.
pub fn acw(t: &Theme, v: Option<i32>) -> Span<'static> {
    match v {
        Some(0) => Span::raw("no limit"),
        Some(s) => Span::raw(format!("{s} s")),
        None => Span::styled("—", t.dim()),
    }
}

/// `s` cut to `width` columns, ending in "…" when it was longer.
pub fn shorten_end(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = take_columns(s.chars(), width.saturating_sub(1));
    if width > 0 {
        out.push('…');
    }
    out
}

/// `s` cut to `width` columns by replacing its middle with "…": both ends stay, which is
/// what identifies an ID or an ARN (the start of the ARN, the ID at its end). Used only for
/// values the copy menu gives in full.
pub fn shorten_middle(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width < 3 {
        return shorten_end(s, width);
    }
    let head_width = (width - 1) * 2 / 5;
    let tail_width = width - 1 - head_width;
    let head = take_columns(s.chars(), head_width);
    let tail: String = take_columns(s.chars().rev(), tail_width)
        .chars()
        .rev()
        .collect();
    format!("{head}…{tail}")
}

/// The longest prefix of `chars` that fits in `width` columns.
fn take_columns(chars: impl Iterator<Item = char>, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in chars {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

pub use crate::app::table::thousands;

/// A timestamp in the configured zone, e.g. `2024-05-01 12:00:00 +02:00`.
pub fn time(t: &Theme, at: Option<Timestamp>, zone: Zone) -> Span<'static> {
    formatted(t, at, zone, "%Y-%m-%d %H:%M:%S %:z")
}

/// A timestamp in the configured zone to the minute, for tables: `2024-05-01 12:00`.
pub fn time_short(t: &Theme, at: Option<Timestamp>, zone: Zone) -> Span<'static> {
    formatted(t, at, zone, "%Y-%m-%d %H:%M")
}

fn formatted(t: &Theme, at: Option<Timestamp>, zone: Zone, format: &str) -> Span<'static> {
    let Some(utc) = at.and_then(Timestamp::to_chrono) else {
        return Span::styled("—", t.dim());
    };
    let text = match zone {
        Zone::Local => utc.with_timezone(&chrono::Local).format(format).to_string(),
        Zone::Fixed(offset) => utc.with_timezone(&offset).format(format).to_string(),
    };
    Span::raw(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortening_keeps_the_ends_and_marks_the_cut() {
        let id = "0c245dc0-0cf5-4e37-800e-2a7481cc8a60";
        assert_eq!(shorten_middle(id, 36), id);
        let short = shorten_middle(id, 20);
        assert_eq!(short.width(), 20);
        assert!(short.starts_with("0c245dc") && short.ends_with("cc8a60") && short.contains('…'));
        assert_eq!(shorten_end("CREATION_IN_PROGRESS", 10), "CREATION_…");
        assert_eq!(shorten_end("山田太郎", 5), "山田…");
        assert_eq!(shorten_end("abc", 0), "");
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
