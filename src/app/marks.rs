//! Marked rows of the users table (Space), what copying them gives, and the CSV of the
//! current view that Ctrl-S writes — the same row → CSV code as `export-users`.

use super::copy::CopyItem;
use super::export::{self, ExportRow};
use super::users_screen::UsersScreen;

impl UsersScreen {
    /// Marks or unmarks the selected row.
    pub fn toggle_mark(&mut self) {
        let Some(index) = self.index_at(self.cursor.selected) else {
            return;
        };
        let index = index as u32;
        if !self.marks.remove(&index) {
            self.marks.insert(index);
        }
    }

    /// The marked rows' list indices in the table's current order, then any marked row the
    /// filter hides (marks outlive a filter).
    fn marked(&self) -> Vec<usize> {
        let mut shown: Vec<usize> = (0..self.view_len())
            .filter_map(|row| self.index_at(row))
            .filter(|i| self.marks.contains(&(*i as u32)))
            .collect();
        let on_screen: std::collections::HashSet<usize> = shown.iter().copied().collect();
        let mut hidden: Vec<usize> = self
            .marks
            .iter()
            .map(|i| *i as usize)
            .filter(|i| !on_screen.contains(i))
            .collect();
        hidden.sort_unstable();
        shown.extend(hidden);
        shown
    }

    /// The text of a marked-rows copy item: one value per line, or CSV with a header.
    pub fn marked_text(&self, item: CopyItem) -> Result<String, String> {
        let marked = self.marked();
        if marked.is_empty() {
            return Err("no rows are marked".to_string());
        }
        let summaries = marked.iter().filter_map(|i| self.list.summary(*i));
        let lines: Vec<String> = match item {
            CopyItem::MarkedIds => summaries.filter_map(|s| s.id).collect(),
            CopyItem::MarkedArns => summaries.filter_map(|s| s.arn).collect(),
            CopyItem::MarkedUsernames => summaries.filter_map(|s| s.username).collect(),
            CopyItem::MarkedCsv => {
                let bytes = self.csv_of(marked.into_iter());
                return String::from_utf8(bytes).map_err(|e| e.to_string());
            }
            _ => return Err("not a marked-rows item".to_string()),
        };
        Ok(lines.join("\n"))
    }

    /// The current view — filter and sort applied, every column — as CSV.
    pub fn view_csv(&self) -> Vec<u8> {
        self.csv_of((0..self.view_len()).filter_map(|row| self.index_at(row)))
    }

    fn csv_of(&self, indices: impl Iterator<Item = usize>) -> Vec<u8> {
        let rows: Vec<ExportRow> = indices
            .filter_map(|i| export::row(&self.list, &self.names, i))
            .collect();
        let mut out = Vec::new();
        // Writing into memory cannot fail.
        let _ = export::write_csv(&mut out, &rows, false);
        out
    }
}
