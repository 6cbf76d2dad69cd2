//! Small text helpers for the panes: sanitised values, label/value rows, aligned tables,
//! numbers and times.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::Zone;
use crate::model::Timestamp;
use crate::sanitize::sanitize;

use super::theme;

/// A sanitised, owned copy of an API string.
pub fn safe(s: &str) -> String {
    sanitize(s).into_owned()
}

/// A value span: the sanitised text, or a dim "—" when absent or empty.
pub fn value(v: Option<&str>) -> Span<'static> {
    match v.filter(|s| !s.is_empty()) {
        Some(s) => Span::raw(safe(s)),
        None => Span::styled("—", theme::dim()),
    }
}

pub fn yes_no(v: Option<bool>) -> Span<'static> {
    match v {
        Some(true) => Span::raw("yes"),
        Some(false) => Span::raw("no"),
        None => Span::styled("—", theme::dim()),
    }
}

/// After-contact-work seconds; 0 means no limit.
pub fn acw(v: Option<i32>) -> Span<'static> {
    match v {
        Some(0) => Span::raw("no limit"),
        Some(s) => Span::raw(format!("{s} s")),
        None => Span::styled("—", theme::dim()),
    }
}

/// `label` padded to `width` columns, then the value spans.
pub fn row(label: &str, width: usize, mut spans: Vec<Span<'static>>) -> Line<'static> {
    let mut all = vec![Span::styled(format!("{label:<width$}  "), theme::label())];
    all.append(&mut spans);
    Line::from(all)
}

/// An aligned table: a header line and one line per row, columns padded by display width
/// (cells must already be sanitised).
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> Vec<Line<'static>> {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.width());
            }
        }
    }
    let pad = |cell: &str, width: usize| {
        let fill = width.saturating_sub(cell.width());
        format!("{cell}{}  ", " ".repeat(fill))
    };
    let mut lines = vec![Line::from(
        headers
            .iter()
            .zip(&widths)
            .map(|(h, w)| Span::styled(pad(h, *w), theme::header()))
            .collect::<Vec<_>>(),
    )];
    for row in rows {
        lines.push(Line::from(
            row.iter()
                .zip(&widths)
                .map(|(c, w)| Span::raw(pad(c, *w)))
                .collect::<Vec<_>>(),
        ));
    }
    lines
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A timestamp in the configured zone, e.g. `2024-05-01 12:00:00 +02:00`.
pub fn time(t: Option<Timestamp>, zone: Zone) -> Span<'static> {
    formatted(t, zone, "%Y-%m-%d %H:%M:%S %:z")
}

/// A timestamp in the configured zone to the minute, for tables: `2024-05-01 12:00`.
pub fn time_short(t: Option<Timestamp>, zone: Zone) -> Span<'static> {
    formatted(t, zone, "%Y-%m-%d %H:%M")
}

fn formatted(t: Option<Timestamp>, zone: Zone, format: &str) -> Span<'static> {
    let Some(utc) = t.and_then(Timestamp::to_chrono) else {
        return Span::styled("—", theme::dim());
    };
    let text = match zone {
        Zone::Local => utc
            .with_timezone(&chrono::Local)
            .format(format)
            .to_string(),
        Zone::Fixed(offset) => utc
            .with_timezone(&offset)
            .format(format)
            .to_string(),
    };
    Span::raw(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn tables_align_wide_characters_by_display_width() {
        let rows = vec![
            vec!["山田".to_string(), "x".to_string()],
            vec!["ab".to_string(), "y".to_string()],
        ];
        let lines = table(&["Key", "Value"], &rows);
        let widths: Vec<usize> = lines
            .iter()
            .map(|l| l.spans[0].content.width())
            .collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{widths:?}");
    }
}
