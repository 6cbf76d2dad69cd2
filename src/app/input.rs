//! What keys, clicks, the wheel and resizes do to the app.

use ratatui::layout::Rect;

use super::action::Action;
use super::answers::push_calls;
use super::copy::CopyItem;
use super::msg::{Cmd, FilterEdit, Request, Scope};
use super::table::Sort;
use super::users_screen::{Focus, UsersScreen};
use super::{App, Overlay, Screen, layout, show_filter_line};

/// Rows the mouse wheel moves.
const WHEEL_ROWS: isize = 3;

impl App {
    pub(super) fn on_action(&mut self, action: Action, cmds: &mut Vec<Cmd>) {
        if action == Action::Quit {
            cmds.push(Cmd::Quit);
            return;
        }
        match self.overlay {
            Overlay::Help { scroll } => {
                self.overlay = match action {
                    Action::Down => Overlay::Help {
                        scroll: scroll.saturating_add(1).min(self.drawn.help_max_scroll),
                    },
                    Action::Up => Overlay::Help {
                        scroll: scroll.saturating_sub(1),
                    },
                    _ => Overlay::None,
                };
                return;
            }
            Overlay::CopyMenu { selected } => {
                self.on_copy_menu(action, selected, cmds);
                return;
            }
            Overlay::Command => {
                self.on_command_action(action, cmds);
                return;
            }
            Overlay::Permissions { scroll, editing } => {
                self.on_permissions_action(action, scroll, editing);
                return;
            }
            Overlay::UsersWith { selected } => {
                self.on_users_with_action(action, selected);
                return;
            }
            Overlay::None => {}
        }
        match action {
            Action::Help => {
                self.overlay = Overlay::Help { scroll: 0 };
                return;
            }
            Action::CommandLine => {
                self.open_command_line();
                return;
            }
            _ => {}
        }
        match self.screen {
            Screen::Picker => self.on_picker_action(action, cmds),
            Screen::Users if self.view.is_some() => self.on_view_action(action),
            Screen::Users => self.on_users_action(action, cmds),
        }
    }

    fn on_picker_action(&mut self, action: Action, cmds: &mut Vec<Cmd>) {
        let len = self.picker.row_count();
        let rows = self.picker_rows();
        let page = rows.max(1) as isize;
        let cursor = &mut self.picker.cursor;
        match action {
            Action::Down => cursor.move_by(1, len, rows),
            Action::Up => cursor.move_by(-1, len, rows),
            Action::PageDown => cursor.move_by(page, len, rows),
            Action::PageUp => cursor.move_by(-page, len, rows),
            Action::Top => cursor.select(0, len, rows),
            Action::Bottom => cursor.select(len.saturating_sub(1), len, rows),
            Action::Confirm => {
                if let Some(instance) = self.picker.selected() {
                    // Listed from another region: the instance's calls go there too.
                    let region = self
                        .config
                        .all_regions
                        .then(|| super::picker::region_of(instance).map(str::to_string))
                        .flatten();
                    if let Some(id) = instance.id.clone() {
                        self.open_instance(id, region, cmds);
                    }
                }
            }
            Action::Refresh => {
                let generation = self.next_generation();
                self.list_instances(generation, cmds);
            }
            Action::CopyInstanceId => match self.picker.selected().and_then(|i| i.id.clone()) {
                Some(id) => cmds.push(Cmd::Copy {
                    what: "instance ID".to_string(),
                    text: id,
                }),
                None => self.notify("Nothing copied: no instance selected", true),
            },
            Action::Retry => {
                let generation = self.picker.generation;
                if let Some(token) = self.picker.retry() {
                    let request = Request::ListInstances { token };
                    push_calls(cmds, &Scope::picker(generation), vec![request]);
                }
                for (region, token) in self.picker.retry_regions() {
                    let scope = Scope::picker(generation).in_region(Some(&region));
                    push_calls(cmds, &scope, vec![Request::ListInstances { token }]);
                }
            }
            _ => {}
        }
    }

    /// Keys in a `:rp` / `:sp` / `:groups` view: move, Enter opens the users table filtered
    /// to the row (the filter visible and editable), Esc goes back to the table.
    fn on_view_action(&mut self, action: Action) {
        let rows = self.picker_rows();
        let Some(view) = self.view.as_mut() else {
            return;
        };
        let len = view.rows.len();
        let page = rows.max(1) as isize;
        let cursor = &mut view.cursor;
        match action {
            Action::Down => cursor.move_by(1, len, rows),
            Action::Up => cursor.move_by(-1, len, rows),
            Action::PageDown => cursor.move_by(page, len, rows),
            Action::PageUp => cursor.move_by(-page, len, rows),
            Action::Top => cursor.select(0, len, rows),
            Action::Bottom => cursor.select(len.saturating_sub(1), len, rows),
            Action::Back => self.view = None,
            Action::Confirm => {
                let names = self.users.as_ref().map(|b| &b.names);
                if let Some(filter) = names.and_then(|n| view.filter_for_selected(n)) {
                    let view = Some(view.clone());
                    self.drill_in(&filter, view);
                }
            }
            _ => {}
        }
    }

    fn on_users_action(&mut self, action: Action, cmds: &mut Vec<Cmd>) {
        let rows = self.list_rows();
        let pane_lines = self.focused_pane_lines();
        let Some(b) = self.users.as_mut() else {
            self.screen = Screen::Picker;
            return;
        };
        let page = rows.max(1) as isize;
        match action {
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom => {
                let delta = match action {
                    Action::Down => 1,
                    Action::Up => -1,
                    Action::PageDown => page,
                    Action::PageUp => -page,
                    Action::Top => isize::MIN / 2,
                    _ => isize::MAX / 2,
                };
                match b.focus {
                    Focus::List
                        if !b.filter.editing || matches!(action, Action::Down | Action::Up) =>
                    {
                        move_selection(b, delta, rows)
                    }
                    Focus::List => {}
                    Focus::Pane(_) => scroll_pane(b, delta, pane_lines),
                }
            }
            Action::FocusNext | Action::FocusPrev => {
                b.focus = if action == Action::FocusNext {
                    b.focus.next()
                } else {
                    b.focus.prev()
                };
                if let Focus::Pane(pane) = b.focus {
                    b.tab = pane;
                }
                b.pane_scroll = 0;
            }
            Action::Confirm if b.filter.editing => b.filter.editing = false,
            Action::Confirm if b.focus == Focus::Pane(super::PaneId::Security) => {
                self.open_permissions(cmds);
            }
            Action::Confirm if b.focus == Focus::Pane(super::PaneId::Routing) => {
                self.open_users_with(Some("Routing profile"));
            }
            Action::UsersWith => self.open_users_with(None),
            Action::Confirm => {
                b.focus = Focus::Pane(b.tab);
                b.pane_scroll = 0;
            }
            Action::Back if b.filter.editing || b.focus == Focus::List => {
                b.filter.editing = false;
                match b.came_from.take() {
                    Some(came_from) => self.go_back(came_from),
                    None => {
                        b.filter.clear();
                        let keep = b.selected_id().map(str::to_string);
                        b.refilter(false, keep.as_deref(), rows);
                    }
                }
            }
            Action::Back => b.focus = Focus::List,
            Action::Filter => {
                b.filter.editing = true;
                b.focus = Focus::List;
            }
            Action::Refresh => {
                let generation = self.next_generation();
                if let Some(old) = self.users.as_ref() {
                    let (fresh, requests) = old.refreshed(generation);
                    push_calls(cmds, &fresh.scope(), requests);
                    self.users = Some(fresh);
                    self.notify("Refreshed: cached users and names dropped", false);
                }
            }
            Action::Retry => {
                let requests = b.retry();
                let nothing = requests.is_empty();
                push_calls(cmds, &b.scope(), requests);
                if nothing {
                    self.notify("Nothing to retry", false);
                }
            }
            Action::InstancePicker => {
                self.screen = Screen::Picker;
                let open = b.instance_id.clone();
                if let Some(row) = self
                    .picker
                    .instances
                    .iter()
                    .position(|i| i.id.as_deref() == Some(open.as_str()))
                {
                    let len = self.picker.row_count();
                    let rows = self.picker_rows();
                    self.picker.cursor.select(row, len, rows);
                }
            }
            Action::SortNext => b.set_sort(Sort::cycle(b.sort), rows),
            Action::SortReverse => match b.sort {
                Some(sort) => b.set_sort(
                    Some(Sort {
                        descending: !sort.descending,
                        ..sort
                    }),
                    rows,
                ),
                None => self.notify("No sort to reverse: s sorts by a column", false),
            },
            Action::ToggleMark => {
                b.toggle_mark();
                // Space moves on, as in file managers: marking a run is one key per row.
                move_selection(b, 1, rows);
            }
            Action::ClearMarks => {
                let n = b.marks.len();
                b.marks.clear();
                let s = if n == 1 { "" } else { "s" };
                self.notify(format!("Cleared {n} mark{s}"), false);
            }
            Action::ExportView => {
                let csv = b.view_csv();
                let rows = b.view_len();
                let alias = b.alias.clone().unwrap_or_else(|| b.instance_id.clone());
                cmds.push(Cmd::Export {
                    dir: self.config.export_dir.clone(),
                    alias,
                    csv,
                    rows,
                });
            }
            Action::CopyUserId if !b.marks.is_empty() => self.copy(CopyItem::MarkedIds, cmds),
            Action::CopyArn if !b.marks.is_empty() => self.copy(CopyItem::MarkedArns, cmds),
            Action::CopyUserId => self.copy(CopyItem::UserId, cmds),
            Action::CopyArn => self.copy(CopyItem::Arn, cmds),
            Action::CopyMenu => {
                if b.selected_user().is_some() {
                    self.overlay = Overlay::CopyMenu { selected: 0 };
                } else {
                    self.notify("No user selected", true);
                }
            }
            _ => {}
        }
    }

    fn on_copy_menu(&mut self, action: Action, selected: usize, cmds: &mut Vec<Cmd>) {
        let items = self.copy_items();
        let last = items.len() - 1;
        match action {
            Action::Down => {
                self.overlay = Overlay::CopyMenu {
                    selected: (selected + 1).min(last),
                }
            }
            Action::Up => {
                self.overlay = Overlay::CopyMenu {
                    selected: selected.saturating_sub(1),
                }
            }
            Action::Confirm => {
                self.overlay = Overlay::None;
                self.copy(items[selected.min(last)], cmds);
            }
            Action::Copy(item) if items.contains(&item) => {
                self.overlay = Overlay::None;
                self.copy(item, cmds);
            }
            Action::Back => self.overlay = Overlay::None,
            _ => {}
        }
    }

    /// The copy menu's items: the marked rows' while rows are marked, else the user's.
    pub fn copy_items(&self) -> &'static [CopyItem] {
        if self.users.as_ref().is_some_and(|b| !b.marks.is_empty()) {
            &CopyItem::MARKED
        } else {
            &CopyItem::ALL
        }
    }

    /// The text `item` copies (the selected user's, or the marked rows').
    pub fn copy_text(&self, item: CopyItem) -> Result<String, String> {
        if CopyItem::MARKED.contains(&item) {
            return match self.users.as_ref() {
                Some(b) => b.marked_text(item),
                None => Err("no rows are marked".to_string()),
            };
        }
        match self.copy_source() {
            Some(source) => source.text(item),
            None => Err("no user selected".to_string()),
        }
    }

    fn copy(&mut self, item: CopyItem, cmds: &mut Vec<Cmd>) {
        let text = self.copy_text(item);
        match text {
            Ok(text) => cmds.push(Cmd::Copy {
                what: item.label().to_string(),
                text,
            }),
            Err(why) => self.notify(format!("Nothing copied: {why}"), true),
        }
    }

    pub(super) fn on_filter_edit(&mut self, edit: FilterEdit) {
        if let Overlay::Permissions { editing: true, .. } = self.overlay {
            self.on_permissions_edit(edit);
            return;
        }
        let rows = self.list_rows();
        let Some(b) = self.users.as_mut() else {
            return;
        };
        if !b.filter.editing {
            return;
        }
        match edit {
            FilterEdit::Insert(c) if !c.is_control() => b.filter.push(c),
            FilterEdit::Insert(_) => return,
            FilterEdit::Backspace => {
                b.filter.pop();
            }
        }
        // A new query starts at its best match.
        b.cursor = Default::default();
        b.refilter(false, None, rows);
    }

    pub(super) fn on_resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        let rows = self.list_rows();
        let picker_rows = self.picker_rows();
        self.picker
            .cursor
            .scroll_into_view(self.picker.row_count(), picker_rows);
        if let Some(b) = self.users.as_mut() {
            let len = b.view_len();
            b.cursor.scroll_into_view(len, rows);
        }
    }

    pub(super) fn on_click(&mut self, column: u16, row: u16) {
        if self.overlay != Overlay::None {
            self.overlay = Overlay::None;
            return;
        }
        match self.screen {
            Screen::Picker => {
                let body = self.body();
                let first = layout::picker_first_row(body);
                let rows = self.picker_rows();
                if layout::contains(body, column, row)
                    && row >= first
                    && usize::from(row - first) < rows
                {
                    let index = self.picker.cursor.top + usize::from(row - first);
                    if index < self.picker.row_count() {
                        let len = self.picker.row_count();
                        self.picker.cursor.select(index, len, rows);
                    }
                }
            }
            Screen::Users => self.on_users_click(column, row),
        }
    }

    fn on_users_click(&mut self, column: u16, row: u16) {
        let Some(layout) = self.users_layout() else {
            return;
        };
        let rows = self.list_rows();
        let Some(b) = self.users.as_mut() else {
            return;
        };
        if layout::contains(layout.list, column, row) {
            b.focus = Focus::List;
            let first = layout::list_first_row(layout.list, show_filter_line(b));
            if row >= first && usize::from(row - first) < rows {
                let index = b.cursor.top + usize::from(row - first);
                if index < b.view_len() {
                    let len = b.view_len();
                    b.cursor.select(index, len, rows);
                }
            }
            return;
        }
        let hit = |areas: &[(super::PaneId, Rect)]| {
            areas
                .iter()
                .find(|(_, area)| layout::contains(*area, column, row))
                .map(|(pane, _)| *pane)
        };
        if let Some(pane) = hit(&layout.tab_titles).or_else(|| hit(&layout.panes)) {
            if b.focus != Focus::Pane(pane) {
                b.pane_scroll = 0;
            }
            b.focus = Focus::Pane(pane);
            b.tab = pane;
        }
    }

    pub(super) fn on_wheel(&mut self, column: u16, row: u16, down: bool) {
        let delta = if down { WHEEL_ROWS } else { -WHEEL_ROWS };
        match (self.overlay, self.screen) {
            (Overlay::Help { scroll }, _) => {
                self.overlay = Overlay::Help {
                    scroll: scroll
                        .saturating_add_signed(delta as i16)
                        .min(self.drawn.help_max_scroll),
                };
            }
            (Overlay::CopyMenu { .. } | Overlay::Command | Overlay::UsersWith { .. }, _) => {}
            (Overlay::Permissions { scroll, editing }, _) => {
                self.overlay = Overlay::Permissions {
                    scroll: scroll
                        .saturating_add_signed(delta as i16)
                        .min(self.drawn.permissions_max_scroll),
                    editing,
                };
            }
            (Overlay::None, Screen::Picker) => {
                let len = self.picker.row_count();
                let rows = self.picker_rows();
                self.picker.cursor.move_by(delta.signum(), len, rows);
            }
            (Overlay::None, Screen::Users) => {
                let Some(layout) = self.users_layout() else {
                    return;
                };
                let rows = self.list_rows();
                let over_list = layout::contains(layout.list, column, row);
                let pane_lines = self.focused_pane_lines();
                let Some(b) = self.users.as_mut() else {
                    return;
                };
                let over_focused_pane = layout.panes.iter().any(|(pane, area)| {
                    b.focus == Focus::Pane(*pane) && layout::contains(*area, column, row)
                });
                if over_list {
                    move_selection(b, delta, rows);
                } else if over_focused_pane {
                    scroll_pane(b, delta, pane_lines);
                }
            }
        }
    }

    /// Lines of content in the focused pane as last drawn (bounds pane scrolling).
    fn focused_pane_lines(&self) -> usize {
        let Some(Focus::Pane(pane)) = self.users.as_ref().map(|b| b.focus) else {
            return 0;
        };
        self.drawn.lines_of(pane)
    }
}

fn move_selection(b: &mut UsersScreen, delta: isize, rows: usize) {
    let len = b.view_len();
    b.cursor.move_by(delta, len, rows);
    b.pane_scroll = 0;
}

fn scroll_pane(b: &mut UsersScreen, delta: isize, lines: usize) {
    let max = u16::try_from(lines.saturating_sub(1)).unwrap_or(u16::MAX);
    let target = (b.pane_scroll as isize).saturating_add(delta);
    b.pane_scroll = u16::try_from(target.max(0)).unwrap_or(u16::MAX).min(max);
}
