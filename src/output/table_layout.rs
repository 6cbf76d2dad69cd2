//! The table layout engine: a port of `MultiTable` and `Section` from `awscli/table.py`.
//!
//! Widths come from Python's arithmetic (banker's rounding when scaling columns to the widest
//! section) and text length from East Asian Width, so the bytes match the AWS CLI's.
//!
//! Colour: with `--color on` the AWS CLI initialises colorama with `autoreset=True`, which
//! wraps stdout and appends `ESC[0m` after *every* `write()` call — including empty ones. The
//! [`Sink`] reproduces those write boundaries so the escape codes land where the CLI puts them.

use super::east_asian_width::text_length;

const RESET: &str = "\x1b[0m";
const ROW_STYLE: &str = "\x1b[1m\x1b[34m"; // colorama Style.BRIGHT + Fore.BLUE
const INDENT_STYLE: &str = "\x1b[2m\x1b[33m"; // colorama Style.DIM + Fore.YELLOW

/// One titled block of the table: optional column headers, then rows of cells.
#[derive(Debug, Default)]
pub struct Section {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub indent_level: usize,
    max_widths: Vec<usize>,
}

impl Section {
    pub fn new(title: &str, indent_level: usize) -> Self {
        Section {
            title: title.to_owned(),
            indent_level,
            ..Section::default()
        }
    }

    pub fn add_header(&mut self, headers: Vec<String>) {
        self.update_max_widths(&headers);
        self.headers = headers;
    }

    pub fn add_row(&mut self, row: Vec<String>) {
        self.update_max_widths(&row);
        self.rows.push(row);
    }

    /// `_update_max_widths`: an empty width list is replaced outright, as in Python.
    fn update_max_widths(&mut self, cells: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = cells.iter().map(|c| text_length(c)).collect();
        } else {
            for (i, c) in cells.iter().enumerate() {
                match self.max_widths.get_mut(i) {
                    Some(w) => *w = (*w).max(text_length(c)),
                    None => self.max_widths.push(text_length(c)),
                }
            }
        }
    }

    /// `calculate_column_widths(padding, max_width)`: widths scaled so they sum to `max_width`.
    fn column_widths(&self, padding: usize, max_width: usize) -> Vec<usize> {
        let unscaled: Vec<usize> = self.max_widths.iter().map(|w| w + padding).collect();
        let total: usize = unscaled.iter().sum();
        if unscaled.is_empty() || total == 0 {
            return unscaled;
        }
        let scale = max_width as f64 / total as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|&w| (scale * w as f64).round_ties_even() as i64)
            .collect();
        let mut off_by = scaled.iter().sum::<i64>() - max_width as i64;
        let n = scaled.len();
        while off_by != 0 {
            for step in 0..n {
                let i = if off_by < 0 { n - 1 - step } else { step };
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled.into_iter().map(|w| w.max(0) as usize).collect()
    }

    /// `total_width(padding=4, with_border=True, outer_padding=indent_level)`.
    fn total_width(&self) -> usize {
        let columns: usize = self.max_widths.iter().map(|w| w + 4).sum();
        let outer = 2 * self.indent_level;
        (text_length(&self.title) + 2 + outer).max(columns + 2 + outer)
    }
}

/// Receives the table's `write()` calls; with colour on, each call is followed by a reset.
struct Sink {
    out: String,
    autoreset: bool,
}

impl Sink {
    fn write(&mut self, text: &str) {
        self.out.push_str(text);
        if self.autoreset {
            self.out.push_str(RESET);
        }
    }

    /// `IndentedStream.write`: the indent bars around one line, each a separate write.
    fn write_indented(&mut self, bars: &str, line: &str) {
        self.write(bars);
        match line.strip_suffix('\n') {
            Some(body) => {
                self.write(body);
                self.write(bars);
                self.write("\n");
            }
            None => self.write(line),
        }
    }
}

/// Renders the sections; `terminal_width` decides whether single-row sections turn vertical.
pub fn render(mut sections: Vec<Section>, color: bool, terminal_width: usize) -> String {
    let mut max_width = max_width(&sections);
    if max_width > terminal_width {
        convert_to_vertical(&mut sections);
        max_width = self::max_width(&sections);
    }
    let mut sink = Sink {
        out: String::new(),
        autoreset: color,
    };
    sink.write(&format!("{}\n", "-".repeat(max_width)));
    for section in &sections {
        render_section(&mut sink, section, max_width, color);
    }
    sink.out
}

fn max_width(sections: &[Section]) -> usize {
    sections.iter().map(Section::total_width).max().unwrap_or(0)
}

/// `convert_to_vertical_table`: a section with headers and one row becomes header/value rows.
fn convert_to_vertical(sections: &mut [Section]) {
    for section in sections.iter_mut() {
        if section.rows.len() == 1 && !section.headers.is_empty() {
            let mut vertical = Section::new(&section.title, section.indent_level);
            let headers = std::mem::take(&mut section.headers);
            let row = std::mem::take(&mut section.rows[0]);
            for (header, cell) in headers.into_iter().zip(row) {
                vertical.add_row(vec![header, cell]);
            }
            *section = vertical;
        }
    }
}

fn render_section(sink: &mut Sink, section: &Section, max_width: usize, color: bool) {
    let bar = if color {
        format!("{INDENT_STYLE}|{RESET}")
    } else {
        "|".to_owned()
    };
    let bars = bar.repeat(section.indent_level);
    let width = max_width.saturating_sub(section.indent_level * 2);
    if !section.title.is_empty() {
        let line = center_text(&section.title, width, "|", "|");
        sink.write_indented(&bars, &format!("{line}\n"));
        if section.headers.is_empty() && section.rows.is_empty() {
            let rule = format!("+{}+\n", "-".repeat(width.saturating_sub(2)));
            sink.write_indented(&bars, &rule);
        }
    }
    let widths = section.column_widths(4, width);
    if !section.headers.is_empty() {
        let mut line = String::new();
        for (i, (w, header)) in widths.iter().zip(&section.headers).enumerate() {
            line.push_str(&center_text(header, *w, if i == 0 { "|" } else { "" }, "|"));
        }
        sink.write_indented(&bars, &line_break(&widths));
        sink.write_indented(&bars, &format!("{line}\n"));
    }
    if section.rows.is_empty() || widths.is_empty() {
        return;
    }
    sink.write_indented(&bars, &line_break(&widths));
    for row in &section.rows {
        let mut line = String::new();
        for (i, (w, cell)) in widths.iter().zip(row).enumerate() {
            let styled = if color {
                format!("{ROW_STYLE}{cell}{RESET}")
            } else {
                cell.clone()
            };
            let left = if i == 0 { "|" } else { "" };
            line.push_str(&align_left(&styled, text_length(cell), *w, left, "|"));
        }
        sink.write_indented(&bars, &format!("{line}\n"));
    }
    sink.write_indented(&bars, &line_break(&widths));
}

/// `+-----+------+` under a header or around rows.
fn line_break(widths: &[usize]) -> String {
    let mut line = String::new();
    for (i, w) in widths.iter().enumerate() {
        if i == 0 {
            line.push_str(&format!("+{}+", "-".repeat(w.saturating_sub(2))));
        } else {
            line.push_str(&format!("{}+", "-".repeat(w.saturating_sub(1))));
        }
    }
    line.push('\n');
    line
}

/// `center_text`: Python's integer arithmetic, negative repeats giving nothing.
fn center_text(text: &str, length: usize, left: &str, right: &str) -> String {
    let text_len = text_length(text) as i64;
    let length = length as i64;
    let start = (length / 2 - text_len / 2 - 1).max(0);
    let so_far = text_length(left) as i64 + start + text_len;
    let right_spaces = (length - text_length(right) as i64 - so_far).max(0);
    format!(
        "{left}{}{text}{}{right}",
        " ".repeat(start as usize),
        " ".repeat(right_spaces as usize)
    )
}

/// `align_left` with its two-space left padding, dropped when the cell is too narrow.
fn align_left(text: &str, text_len: usize, length: usize, left: &str, right: &str) -> String {
    let needed = text_len + 2 + left.len() + right.len();
    let padding = if length >= needed { 2 } else { 0 };
    let so_far = left.len() + padding + text_len;
    let fill = length.saturating_sub(so_far + right.len());
    format!(
        "{left}{}{text}{}{right}",
        " ".repeat(padding),
        " ".repeat(fill)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_uses_bankers_rounding_and_fixes_the_sum() {
        let mut s = Section::new("T", 0);
        s.add_header(vec!["a".into(), "bb".into(), "ccc".into()]);
        let widths = s.column_widths(4, 40);
        assert_eq!(widths.iter().sum::<usize>(), 40);
    }

    #[test]
    fn center_text_matches_python() {
        assert_eq!(center_text("Title", 11, "|", "|"), "|  Title  |");
    }
}
