//! A selection in a scrolling list: the selected row and the first visible row.

/// `selected` and `top` are kept in range by every method; `len == 0` means nothing selected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub top: usize,
}

impl Cursor {
    /// Moves by `delta` rows within `len`, keeping the selection visible in `rows` rows.
    pub fn move_by(&mut self, delta: isize, len: usize, rows: usize) {
        let target = if delta.is_negative() {
            self.selected.saturating_sub(delta.unsigned_abs())
        } else {
            self.selected.saturating_add(delta.unsigned_abs())
        };
        self.select(target, len, rows);
    }

    pub fn select(&mut self, index: usize, len: usize, rows: usize) {
        self.selected = index.min(len.saturating_sub(1));
        self.scroll_into_view(len, rows);
    }

    /// Re-establishes the invariants after the list or the viewport changed.
    pub fn scroll_into_view(&mut self, len: usize, rows: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let rows = rows.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + rows {
            self.top = self.selected + 1 - rows;
        }
        // Do not leave blank rows at the bottom when the list could fill them.
        self.top = self.top.min(len.saturating_sub(rows));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_scrolls_only_when_leaving_the_viewport() {
        let mut c = Cursor::default();
        c.move_by(4, 100, 5);
        assert_eq!((c.selected, c.top), (4, 0));
        c.move_by(1, 100, 5);
        assert_eq!((c.selected, c.top), (5, 1));
        c.move_by(-3, 100, 5);
        assert_eq!((c.selected, c.top), (2, 1));
        c.move_by(-10, 100, 5);
        assert_eq!((c.selected, c.top), (0, 0));
    }

    #[test]
    fn stays_in_range_when_the_list_shrinks_or_is_empty() {
        let mut c = Cursor { selected: 50, top: 48 };
        c.scroll_into_view(10, 5);
        assert_eq!((c.selected, c.top), (9, 5));
        c.scroll_into_view(0, 5);
        assert_eq!((c.selected, c.top), (0, 0));
    }
}
