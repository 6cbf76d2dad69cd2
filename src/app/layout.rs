//! Where things go, as pure geometry: a function of the terminal size. It belongs to the
//! app (which needs the list height for paging and the areas for mouse clicks) and drawing
//! reads it too, so both always agree.
//!
//! - wide (≥ 120×40): user list on the left; on the right the Status pane across the top
//!   (live status and the "why not" line), the other seven panes in two columns below;
//! - medium (≥ 70 columns): list on the left, panes as tabs on the right;
//! - narrow: list on top, panes as tabs below;
//! - any size down to 1×1 gets a layout (possibly of empty rectangles), never a panic.

use ratatui::layout::{Constraint, Layout, Rect};
use unicode_width::UnicodeWidthStr;

use super::PaneId;

/// Pane width from which a 36-character ID fits beside the longest pane label
/// ("Secondary email", "Hierarchy group": 15 columns and a 2-column gap).
const ID_BESIDE_LABEL: usize = 15 + 2 + 36;

/// The Status pane in wide layouts: its borders, the status, "why not", free slots and
/// next-status lines, and the first contacts in progress.
const STATUS_HEIGHT: u16 = 9;

/// Separator between tab titles.
pub const TAB_SEPARATOR: &str = "│";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsersLayout {
    /// The list block, borders included.
    pub list: Rect,
    /// The tab bar, when panes are tabs.
    pub tabs: Option<Rect>,
    /// The area of each tab title in the tab bar.
    pub tab_titles: Vec<(PaneId, Rect)>,
    /// The visible panes, borders included.
    pub panes: Vec<(PaneId, Rect)>,
}

/// Splits the terminal into the body and the one-line status bar (none when 1 row high).
pub fn screen(area: Rect) -> (Rect, Option<Rect>) {
    if area.height < 2 {
        return (area, None);
    }
    let [body, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    (body, Some(status))
}

pub fn users(body: Rect, tab: PaneId) -> UsersLayout {
    // 39 rows of body (a 40-row terminal with its status bar) for the status pane above
    // the others. The table gets what the two pane columns leave when each keeps room for
    // an ID beside its label: 28 columns at 120, every table column from about 210.
    if body.width >= 120 && body.height >= 39 {
        let panes_width = 2 * (ID_BESIDE_LABEL as u16 + 2);
        let list_width = body.width.saturating_sub(panes_width).clamp(28, 100);
        let [list, right] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Min(1)]).areas(body);
        let [status, right] =
            Layout::vertical([Constraint::Length(STATUS_HEIGHT), Constraint::Min(1)]).areas(right);
        let [left_col, right_col] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(right);
        // Pane heights follow their content: an ID goes below its label when it does not
        // fit beside it (see `fields`), which takes one more line per ID.
        let ids_beside = usize::from(left_col.width.saturating_sub(2)) >= ID_BESIDE_LABEL;
        let extra = u16::from(!ids_beside);
        let [identity, phone, record] = Layout::vertical([
            Constraint::Length(9 + extra),
            Constraint::Fill(1),
            Constraint::Length(7 + extra),
        ])
        .areas(left_col);
        let [routing, queues, security, tags] = Layout::vertical([
            Constraint::Length(8 + 4 * extra),
            Constraint::Fill(2),
            Constraint::Fill(1),
            Constraint::Fill(1),
        ])
        .areas(right_col);
        return UsersLayout {
            list,
            tabs: None,
            tab_titles: Vec::new(),
            panes: vec![
                (PaneId::Status, status),
                (PaneId::Identity, identity),
                (PaneId::Phone, phone),
                (PaneId::Record, record),
                (PaneId::Routing, routing),
                (PaneId::Queues, queues),
                (PaneId::Security, security),
                (PaneId::Tags, tags),
            ],
        };
    }
    let (list, detail) = if body.width >= 70 {
        let list_width = (body.width * 2 / 5).clamp(24, 40);
        let [list, detail] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Min(1)]).areas(body);
        (list, detail)
    } else {
        let list_height = (body.height * 2 / 5).max(3);
        let [list, detail] =
            Layout::vertical([Constraint::Length(list_height), Constraint::Min(0)]).areas(body);
        (list, detail)
    };
    let [tabs, pane] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(detail);
    UsersLayout {
        list,
        tabs: Some(tabs),
        tab_titles: tab_titles(tabs),
        panes: vec![(tab, pane)],
    }
}

/// The title of `pane` in a tab bar `bar_width` columns wide: the full names when they all
/// fit, else their first three letters (so every tab stays visible and clickable).
pub fn tab_label(pane: PaneId, bar_width: u16) -> &'static str {
    let separators = TAB_SEPARATOR.width() * (PaneId::ALL.len() - 1);
    let full: usize = PaneId::ALL.iter().map(|p| p.tab_title().width()).sum();
    let title = pane.tab_title();
    if full + separators <= usize::from(bar_width) {
        title
    } else {
        // Tab titles are ASCII, so byte 3 is a character boundary.
        title.get(..3).unwrap_or(title)
    }
}

/// Tab titles laid out left to right, clipped to the bar.
fn tab_titles(bar: Rect) -> Vec<(PaneId, Rect)> {
    let mut x = bar.x;
    let end = bar.x.saturating_add(bar.width);
    let mut titles = Vec::new();
    for pane in PaneId::ALL {
        if x >= end {
            break;
        }
        let width = (tab_label(pane, bar.width).width() as u16).min(end - x);
        titles.push((pane, Rect::new(x, bar.y, width, bar.height)));
        x = x.saturating_add(width + TAB_SEPARATOR.width() as u16);
    }
    titles
}

/// Rows of users visible in the list block (one row goes to the filter line when shown).
pub fn list_rows(list: Rect, filter_line: bool) -> usize {
    let inner = list.height.saturating_sub(2);
    usize::from(inner.saturating_sub(u16::from(filter_line) + HEADER_ROWS))
}

/// The first row of users inside the list block (below the filter line and the header).
pub fn list_first_row(list: Rect, filter_line: bool) -> u16 {
    list.y + 1 + u16::from(filter_line) + HEADER_ROWS
}

/// The users table's header row.
pub const HEADER_ROWS: u16 = 1;

/// Rows of instances visible in the picker table (borders and header excluded).
pub fn picker_rows(body: Rect) -> usize {
    usize::from(body.height.saturating_sub(3))
}

/// The first row of instances inside the picker table.
pub fn picker_first_row(body: Rect) -> u16 {
    body.y + 2
}

pub fn contains(area: Rect, column: u16, row: u16) -> bool {
    column >= area.x
        && column < area.x.saturating_add(area.width)
        && row >= area.y
        && row < area.y.saturating_add(area.height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_every_pane() {
        let layout = users(Rect::new(0, 0, 200, 59), PaneId::Identity);
        assert_eq!(layout.panes.len(), 8);
        assert!(layout.tabs.is_none());
    }

    #[test]
    fn standard_terminals_use_tabs_beside_the_list() {
        let layout = users(Rect::new(0, 0, 80, 23), PaneId::Phone);
        assert_eq!(layout.panes.len(), 1);
        assert_eq!(layout.panes[0].0, PaneId::Phone);
        assert!(layout.list.width >= 24);
        assert_eq!(layout.list.height, 23);
    }

    #[test]
    fn tab_titles_shorten_so_every_tab_stays_visible() {
        let layout = users(Rect::new(0, 0, 40, 14), PaneId::Identity);
        assert_eq!(layout.tab_titles.len(), 8);
        assert_eq!(tab_label(PaneId::Record, 40), "Rec");
        assert_eq!(tab_label(PaneId::Record, 80), "Record");
    }

    #[test]
    fn narrow_terminals_stack_the_list_above_the_panes() {
        let layout = users(Rect::new(0, 0, 40, 30), PaneId::Identity);
        assert_eq!(layout.list.width, 40);
        assert!(layout.panes[0].1.y > layout.list.y);
    }
}
