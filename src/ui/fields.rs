//! Label/value fields and small tables laid out for a pane's width, so the panes never rely
//! on word wrapping (which strands a label on one line and breaks an ID across two).
//!
//! The rules, in order:
//! - a value that fits beside its label stays there;
//! - otherwise it goes whole on the line below its label (an ID is never broken or cut
//!   while it fits the pane);
//! - a value longer than the pane is wrapped if it is text, or shortened in the middle with
//!   "…" if the copy menu gives it in full (IDs, ARNs) — the pane then says so.
//!
//! Tables keep every column whole while they fit; name columns may then shrink (with "…");
//! a table that still does not fit is shown as one small card of fields per row.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::text::{shorten_end, shorten_middle};
use crate::app::Theme;

/// Columns between a label and its value, and the indent of a value below its label.
const GAP: usize = 2;
/// A name column in a table shrinks down to this before the table becomes cards.
const NAME_MIN: usize = 8;

/// How a value that is too long for the pane is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overflow {
    /// Wrapped over several lines: nothing is lost.
    Wrap,
    /// Shortened in the middle: only for values the copy menu gives in full.
    Shorten,
}

pub struct Field {
    label: String,
    spans: Vec<Span<'static>>,
    overflow: Overflow,
}

impl Field {
    /// A text value (wrapped when too long).
    pub fn text(label: impl Into<String>, spans: Vec<Span<'static>>) -> Field {
        Field {
            label: label.into(),
            spans,
            overflow: Overflow::Wrap,
        }
    }

    /// An ID or ARN the copy menu gives in full (shortened in the middle when too long).
    pub fn copyable(label: impl Into<String>, value: Span<'static>) -> Field {
        Field {
            label: label.into(),
            spans: vec![value],
            overflow: Overflow::Shorten,
        }
    }
}

/// What a table cell may do when the table is too wide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Shown whole (a card field that wraps when the table becomes cards).
    Text,
    /// A display name: may shrink with "…" in a table (its ID is in the same row).
    Name,
    /// An ID the copy menu gives in full.
    Id,
}

/// The lines of a pane, fitted to its width.
#[derive(Debug)]
pub struct PaneText {
    width: usize,
    pub lines: Vec<Line<'static>>,
    /// Something was shortened: the pane tells how to copy it in full.
    pub shortened: bool,
    /// The colours of its labels and headings (and, for the pane's own code, of the rest).
    pub theme: Theme,
}

impl PaneText {
    /// Empty text for a pane `width` columns wide (inside its borders).
    pub fn new(width: usize, theme: Theme) -> PaneText {
        PaneText {
            width,
            lines: Vec::new(),
            shortened: false,
            theme,
        }
    }

    /// A line of prose (a message), word-wrapped to the width.
    pub fn line(&mut self, line: impl Into<Line<'static>>) {
        let line = line.into();
        let spans: Vec<Span<'static>> = line
            .spans
            .into_iter()
            .map(|s| Span::styled(s.content, line.style.patch(s.style)))
            .collect();
        for chunk in wrap(&spans, self.width.max(1)) {
            self.lines.push(Line::from(chunk));
        }
    }

    /// `fields` as one aligned group: labels padded to the longest label.
    pub fn fields(&mut self, fields: &[Field]) {
        let label_width = fields.iter().map(|f| f.label.width()).max().unwrap_or(0);
        for field in fields {
            self.field(field, label_width, self.width);
        }
    }

    fn field(&mut self, field: &Field, label_width: usize, width: usize) {
        let value_width: usize = field.spans.iter().map(Span::width).sum();
        let indent = field.label.width() - field.label.trim_start().width();
        let label = |padded: bool| {
            let text = if padded {
                format!("{:<label_width$}{}", field.label, " ".repeat(GAP))
            } else {
                field.label.clone()
            };
            Span::styled(text, self.theme.label())
        };
        let beside = label_width + GAP;
        if beside + value_width <= width {
            let mut spans = vec![label(true)];
            spans.extend(field.spans.iter().cloned());
            self.lines.push(Line::from(spans));
            return;
        }
        let below = indent + GAP;
        let room_below = width.saturating_sub(below);
        let room_beside = width.saturating_sub(beside);
        // Text of several words wraps beside its label, aligned with the other values;
        // a single long word (an email, an ID) goes whole below the label instead.
        let longest_word = field
            .spans
            .iter()
            .flat_map(|s| s.content.split(' '))
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0);
        let wraps_beside = field.overflow == Overflow::Wrap
            && room_beside >= width / 3
            && longest_word <= room_beside;
        if !wraps_beside && (value_width <= room_below || field.overflow == Overflow::Shorten) {
            self.lines.push(Line::from(label(false)));
            let mut spans = vec![Span::raw(" ".repeat(below))];
            if value_width <= room_below {
                spans.extend(field.spans.iter().cloned());
            } else {
                let text: String = field.spans.iter().map(|s| s.content.as_ref()).collect();
                let style = field.spans.first().map(|s| s.style).unwrap_or_default();
                spans.push(Span::styled(shorten_middle(&text, room_below), style));
                self.shortened = true;
            }
            self.lines.push(Line::from(spans));
            return;
        }
        // Longer than the pane: wrap beside the label when that leaves a usable column,
        // else below it.
        let (first, pad) = if room_beside >= width / 3 {
            (label(true), beside)
        } else {
            self.lines.push(Line::from(label(false)));
            (Span::raw(" ".repeat(below)), below)
        };
        for (i, chunk) in wrap(&field.spans, width.saturating_sub(pad).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                first.clone()
            } else {
                Span::raw(" ".repeat(pad))
            };
            let mut spans = vec![lead];
            spans.extend(chunk);
            self.lines.push(Line::from(spans));
        }
    }

    /// A table with a header row when it fits `width`, else one card per row: the first
    /// cell as a heading, the others as fields below it. Cells must be sanitised already.
    pub fn table(&mut self, columns: &[(&str, Cell)], rows: &[Vec<String>]) {
        match fit_table(columns, rows, self.width) {
            Some(widths) => self.table_lines(columns, rows, &widths),
            None => self.cards(columns, rows),
        }
    }

    fn table_lines(&mut self, columns: &[(&str, Cell)], rows: &[Vec<String>], widths: &[usize]) {
        let last = widths.len().saturating_sub(1);
        let pad = |text: &str, i: usize| {
            let text = shorten_end(text, widths[i]);
            if i == last {
                text
            } else {
                let fill = widths[i] - text.width() + GAP;
                format!("{text}{}", " ".repeat(fill))
            }
        };
        self.lines.push(Line::from(
            columns
                .iter()
                .enumerate()
                .map(|(i, (header, _))| Span::styled(pad(header, i), self.theme.header()))
                .collect::<Vec<_>>(),
        ));
        for row in rows {
            self.lines.push(Line::from(
                row.iter()
                    .enumerate()
                    .take(widths.len())
                    .map(|(i, cell)| Span::raw(pad(cell, i)))
                    .collect::<Vec<_>>(),
            ));
        }
    }

    fn cards(&mut self, columns: &[(&str, Cell)], rows: &[Vec<String>]) {
        for (index, row) in rows.iter().enumerate() {
            if index > 0 {
                self.lines.push(Line::raw(""));
            }
            let heading = row.first().map(String::as_str).unwrap_or_default();
            self.line(Span::styled(heading.to_string(), self.theme.title()));
            let fields: Vec<Field> = columns
                .iter()
                .zip(row)
                .skip(1)
                .map(|((header, cell), value)| {
                    let label = format!("  {header}");
                    match cell {
                        Cell::Id => Field::copyable(label, Span::raw(value.clone())),
                        Cell::Text | Cell::Name => {
                            Field::text(label, vec![Span::raw(value.clone())])
                        }
                    }
                })
                .collect();
            self.fields(&fields);
        }
    }
}

/// Column widths that fit `width` (name columns shrunk if needed), or `None`.
fn fit_table(columns: &[(&str, Cell)], rows: &[Vec<String>], width: usize) -> Option<Vec<usize>> {
    let mut widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, (header, _))| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .chain([header.width()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let gaps = GAP * columns.len().saturating_sub(1);
    let total = |widths: &[usize]| widths.iter().sum::<usize>() + gaps;
    let mut excess = total(&widths).saturating_sub(width);
    for (i, (_, cell)) in columns.iter().enumerate() {
        if *cell == Cell::Name && excess > 0 {
            let give = excess.min(widths[i].saturating_sub(NAME_MIN));
            widths[i] -= give;
            excess -= give;
        }
    }
    (excess == 0).then_some(widths)
}

/// Splits styled text into lines of at most `width` columns, breaking after a space where
/// there is one (a hierarchy path breaks between levels, not inside a name) and inside a
/// word only when it is longer than a line. A wide character never straddles two lines.
fn wrap(spans: &[Span<'static>], width: usize) -> Vec<Vec<Span<'static>>> {
    // Words end after a space; a word may run across spans of different styles.
    type Word = Vec<(String, Style)>;
    let mut words: Vec<Word> = vec![Vec::new()];
    for span in spans {
        for c in span.content.chars() {
            let Some(word) = words.last_mut() else {
                continue;
            };
            match word.last_mut() {
                Some((text, style)) if *style == span.style => text.push(c),
                _ => word.push((c.to_string(), span.style)),
            }
            if c == ' ' {
                words.push(Vec::new());
            }
        }
    }
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for word in words {
        let word_width: usize = word.iter().map(|(t, _)| t.width()).sum::<usize>()
            - usize::from(word.last().is_some_and(|(t, _)| t.ends_with(' ')));
        if used > 0 && used + word_width > width {
            lines.push(Vec::new());
            used = 0;
        }
        for (text, style) in word {
            let mut piece = String::new();
            for c in text.chars() {
                let w = c.width().unwrap_or(0);
                // Trailing spaces may overhang: they are invisible at the end of a line.
                if used + w > width && used > 0 && c != ' ' {
                    push_piece(&mut lines, &mut piece, style);
                    lines.push(Vec::new());
                    used = 0;
                }
                piece.push(c);
                used += w;
            }
            push_piece(&mut lines, &mut piece, style);
        }
    }
    lines
}

/// Moves `piece` to the last line with `style`.
fn push_piece(lines: &mut [Vec<Span<'static>>], piece: &mut String, style: Style) {
    if let Some(line) = lines.last_mut()
        && !piece.is_empty()
    {
        line.push(Span::styled(std::mem::take(piece), style));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "8b444cf6-b368-4f29-ba18-07af27405658";

    fn text(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn a_value_stays_beside_its_label_when_it_fits() {
        let mut pane = PaneText::new(60, Theme::default());
        pane.fields(&[Field::copyable("Directory ID", Span::raw(ID))]);
        assert_eq!(text(&pane.lines), vec![format!("Directory ID  {ID}")]);
    }

    #[test]
    fn an_id_too_long_for_its_row_goes_whole_below_the_label() {
        let mut pane = PaneText::new(41, Theme::default());
        pane.fields(&[Field::copyable("Directory ID", Span::raw(ID))]);
        assert_eq!(
            text(&pane.lines),
            vec!["Directory ID".to_string(), format!("  {ID}")]
        );
        assert!(!pane.shortened);
    }

    #[test]
    fn an_id_longer_than_the_pane_is_shortened_visibly_and_flagged() {
        let mut pane = PaneText::new(20, Theme::default());
        pane.fields(&[Field::copyable("ID", Span::raw(ID))]);
        let lines = text(&pane.lines);
        assert_eq!(lines[1].width(), 20);
        assert!(lines[1].contains('…'));
        assert!(pane.shortened);
    }

    #[test]
    fn long_text_wraps_without_losing_a_character() {
        let long = "x".repeat(100);
        let mut pane = PaneText::new(30, Theme::default());
        pane.fields(&[Field::text("Name", vec![Span::raw(long.clone())])]);
        let joined: String = text(&pane.lines)
            .iter()
            .map(|l| l.trim_start_matches("Name").trim())
            .collect();
        assert_eq!(joined, long);
        assert!(pane.lines.iter().all(|l| l.width() <= 30));
    }

    #[test]
    fn wrapping_breaks_between_words_when_it_can() {
        let path = vec![
            Span::raw("Region: North America › "),
            Span::raw("Site: Seattle › Team: Orca"),
        ];
        let lines: Vec<String> = wrap(&path, 24)
            .iter()
            .map(|l| l.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        assert_eq!(
            lines,
            vec!["Region: North America › ", "Site: Seattle › Team: ", "Orca"]
        );
    }

    #[test]
    fn wide_characters_never_straddle_a_line() {
        let lines = wrap(&[Span::raw("山田太郎山田")], 5);
        let widths: Vec<usize> = lines
            .iter()
            .map(|l| l.iter().map(Span::width).sum())
            .collect();
        assert_eq!(widths, vec![4, 4, 4]);
    }

    #[test]
    fn tables_shrink_names_before_becoming_cards() {
        let columns = [("Name", Cell::Name), ("ID", Cell::Id)];
        let rows = vec![vec!["CallCenterManager".to_string(), ID.to_string()]];
        let mut pane = PaneText::new(60, Theme::default());
        pane.table(&columns, &rows);
        assert_eq!(text(&pane.lines)[1], format!("CallCenterManager  {ID}"));
        let mut pane = PaneText::new(48, Theme::default());
        pane.table(&columns, &rows);
        assert_eq!(text(&pane.lines)[1], format!("CallCente…  {ID}"));
        let mut pane = PaneText::new(40, Theme::default());
        pane.table(&columns, &rows);
        let lines = text(&pane.lines);
        assert_eq!(lines[0], "CallCenterManager");
        assert!(lines.iter().any(|l| l.contains(ID)), "{lines:?}");
    }
}
