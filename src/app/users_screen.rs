//! The users screen of one instance: the list, the filter, the selected user's record, the
//! name caches, and which pane has focus. Everything here belongs to one instance and one
//! generation; a refresh replaces it wholesale, which is how caches are dropped.

use std::time::Instant;

use crate::connect::{ApiError, ErrorKind};
use crate::model::{HierarchyStructure, NamedSummary, Page, SearchPage, User, UserSummary};

use super::cursor::Cursor;
use super::filter::{Filter, Searchable};
use super::live::Live;
use super::msg::{NameKind, Request, Scope};
use super::names::Names;
use super::record_cache::RecordCache;
use super::record_data::RecordData;
use super::sweep::Sweep;
use super::table::{self, Sort};
use super::user_list::UserList;
use super::users_with::CameFrom;

/// The detail panes, in focus order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PaneId {
    /// Live status and the "why not" statements: first, at the top of the record.
    Status,
    Identity,
    Phone,
    Routing,
    Queues,
    Security,
    Tags,
    Record,
}

impl PaneId {
    pub const ALL: [PaneId; 8] = [
        PaneId::Status,
        PaneId::Identity,
        PaneId::Phone,
        PaneId::Routing,
        PaneId::Queues,
        PaneId::Security,
        PaneId::Tags,
        PaneId::Record,
    ];

    pub fn title(self) -> &'static str {
        match self {
            PaneId::Status => "Status",
            PaneId::Identity => "Identity",
            PaneId::Phone => "Phone",
            PaneId::Routing => "Routing",
            PaneId::Queues => "Queues & proficiencies",
            PaneId::Security => "Security profiles",
            PaneId::Tags => "Tags",
            PaneId::Record => "Record",
        }
    }

    /// The name in the tab bar (narrow layouts).
    pub fn tab_title(self) -> &'static str {
        match self {
            PaneId::Security => "Security",
            PaneId::Queues => "Queues",
            other => other.title(),
        }
    }

    fn position(self) -> usize {
        PaneId::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// Where the keyboard is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    List,
    Pane(PaneId),
}

impl Focus {
    /// Tab order: list, then each pane, then back to the list.
    pub fn next(self) -> Focus {
        match self {
            Focus::List => Focus::Pane(PaneId::ALL[0]),
            Focus::Pane(p) => PaneId::ALL
                .get(p.position() + 1)
                .map_or(Focus::List, |p| Focus::Pane(*p)),
        }
    }

    pub fn prev(self) -> Focus {
        match self {
            Focus::List => Focus::Pane(PaneId::ALL[PaneId::ALL.len() - 1]),
            Focus::Pane(p) if p.position() == 0 => Focus::List,
            Focus::Pane(p) => Focus::Pane(PaneId::ALL[p.position() - 1]),
        }
    }
}

#[derive(Debug)]
pub struct UsersScreen {
    pub instance_id: String,
    /// Where its calls go when not to the client's region (an instance listed with
    /// `--all-regions`).
    pub region: Option<String>,
    pub alias: Option<String>,
    pub generation: u64,
    pub list: UserList,
    pub filter: Filter,
    pub cursor: Cursor,
    pub records: RecordCache,
    pub names: Names,
    /// The SearchUsers sweep that fills the rows.
    pub sweep: Sweep,
    /// The table's sort (`None`: the filter's order, or list order).
    pub sort: Option<Sort>,
    /// The rows in sorted order (list indices), while a sort is set.
    order: Option<Vec<u32>>,
    /// Marked rows (list indices).
    pub marks: std::collections::HashSet<u32>,
    /// Routing profiles, queues, proficiencies and permissions of the records opened.
    pub data: RecordData,
    /// Live agent state and its refresh schedule.
    pub live: Live,
    pub focus: Focus,
    /// The pane shown when panes are tabs (narrow layouts); follows focus.
    pub tab: PaneId,
    pub pane_scroll: u16,
    /// After a refresh: the user to select again once it is listed.
    restore: Option<String>,
    /// Where Esc goes back to when the filter was set by a drill-in ("users with…", a view).
    pub came_from: Option<CameFrom>,
}

impl UsersScreen {
    /// A fresh screen for `instance_id` and the requests that fill it: the first page of
    /// users, and the name listings, all at once.
    pub fn open(
        instance_id: String,
        alias: Option<String>,
        generation: u64,
    ) -> (Self, Vec<Request>) {
        let mut requests = vec![
            Request::ListUsers { token: None },
            Request::SearchUsers { token: None },
        ];
        for kind in NameKind::ALL {
            requests.push(Request::ListNames { kind, token: None });
        }
        requests.push(Request::DescribeStructure);
        let browser = UsersScreen {
            region: None,
            instance_id,
            alias,
            generation,
            list: UserList::loading(),
            filter: Filter::default(),
            cursor: Cursor::default(),
            records: RecordCache::default(),
            names: Names::default(),
            sweep: Sweep::default(),
            sort: None,
            order: None,
            marks: Default::default(),
            data: RecordData::default(),
            live: Live::default(),
            focus: Focus::List,
            tab: PaneId::Identity,
            pane_scroll: 0,
            restore: None,
            came_from: None,
        };
        (browser, requests)
    }

    /// A refreshed copy of this screen: caches dropped, filter and selected user kept.
    pub fn refreshed(&self, generation: u64) -> (Self, Vec<Request>) {
        let (mut fresh, requests) =
            UsersScreen::open(self.instance_id.clone(), self.alias.clone(), generation);
        fresh.filter.set_query(self.filter.query());
        fresh.sort = self.sort;
        fresh.focus = self.focus;
        fresh.tab = self.tab;
        fresh.restore = self.selected_id().map(str::to_string);
        fresh.region = self.region.clone();
        (fresh, requests)
    }

    /// The scope of this screen's calls.
    pub fn scope(&self) -> Scope {
        Scope::instance(&self.instance_id, self.generation).in_region(self.region.as_deref())
    }

    /// True when an answer for `scope` is for this screen.
    pub fn is_current(&self, scope: &Scope) -> bool {
        scope.instance_id.as_deref() == Some(self.instance_id.as_str())
            && scope.generation == self.generation
    }

    /// Rows in the (possibly filtered) list.
    pub fn view_len(&self) -> usize {
        match (&self.order, self.filter.matches()) {
            (Some(order), _) => order.len(),
            (None, Some(matches)) => matches.len(),
            (None, None) => self.list.users.len(),
        }
    }

    /// The list index of the user shown at `row` of the (possibly filtered, sorted) list.
    pub fn index_at(&self, row: usize) -> Option<usize> {
        let index = match (&self.order, self.filter.matches()) {
            (Some(order), _) => *order.get(row)? as usize,
            (None, Some(matches)) => *matches.get(row)? as usize,
            (None, None) => row,
        };
        (index < self.list.users.len()).then_some(index)
    }

    /// The row showing list index `index`, if it is in the view.
    fn row_of(&self, index: usize) -> Option<usize> {
        match (&self.order, self.filter.matches()) {
            (Some(order), _) => order.iter().position(|m| *m as usize == index),
            (None, Some(matches)) => matches.iter().position(|m| *m as usize == index),
            (None, None) => Some(index),
        }
    }

    /// Sorts by `sort` (or back to the filter's order), keeping the selected user selected.
    pub fn set_sort(&mut self, sort: Option<Sort>, rows: usize) {
        let selected = self.selected_id().map(str::to_string);
        self.sort = sort;
        self.reorder();
        if !selected.is_some_and(|id| self.select_user(&id, rows)) {
            self.cursor.scroll_into_view(self.view_len(), rows);
        }
    }

    /// Recomputes the sorted order of the view.
    fn reorder(&mut self) {
        self.order = self.sort.map(|sort| {
            let view: Box<dyn Iterator<Item = u32>> = match self.filter.matches() {
                Some(matches) => Box::new(matches.iter().copied()),
                None => Box::new(0..self.list.users.len() as u32),
            };
            table::sorted(
                view,
                sort,
                &self.list,
                &self.names,
                &self.records,
                &self.live,
            )
        });
    }

    /// The user shown at `row` of the (possibly filtered) list, built from its compact row
    /// (drawing asks only for the rows on screen).
    pub fn user_at(&self, row: usize) -> Option<UserSummary> {
        self.list.summary(self.index_at(row)?)
    }

    pub fn selected_user(&self) -> Option<UserSummary> {
        self.user_at(self.cursor.selected)
    }

    pub fn selected_id(&self) -> Option<&str> {
        let index = self.index_at(self.cursor.selected)?;
        Some(self.list.users[index].id())
    }

    /// The selected user's record, if it has arrived.
    pub fn selected_record(&self) -> Option<&User> {
        self.selected_id().and_then(|id| self.records.loaded(id))
    }

    pub fn on_users(
        &mut self,
        result: Result<Page<UserSummary>, ApiError>,
        rows: usize,
    ) -> Vec<Request> {
        let selected = self.selected_id().map(str::to_string);
        let next = self.list.on_page(result);
        self.refilter(false, selected.as_deref(), rows);
        if let Some(id) = self.restore.clone()
            && self.select_user(&id, rows)
        {
            self.restore = None;
        }
        next.map(|token| Request::ListUsers { token: Some(token) })
            .into_iter()
            .collect()
    }

    pub fn on_user(
        &mut self,
        user_id: &str,
        result: Result<User, ApiError>,
        rows: usize,
    ) -> Vec<Request> {
        // Never show a record under another user's name, whatever the service answered.
        let result = result.and_then(|user| match user.id.as_deref() {
            Some(id) if id != user_id => Err(ApiError::new(
                ErrorKind::Service,
                "DescribeUser",
                format!(
                    "the answer was for another user ({})",
                    crate::sanitize::sanitize(id)
                ),
            )),
            _ => Ok(user),
        });
        let changed = match &result {
            Ok(user) if user.id.as_deref() == Some(user_id) => self.list.enrich(user),
            _ => false,
        };
        self.records.answer(user_id, result);
        if changed && self.filter.is_active() {
            let selected = self.selected_id().map(str::to_string);
            self.refilter(true, selected.as_deref(), rows);
        }
        Vec::new()
    }

    /// One page of the sweep: the rows it covers fill in (users not listed yet are added).
    pub fn on_search(&mut self, result: Result<SearchPage, ApiError>, rows: usize) -> Vec<Request> {
        if !self.sweep.is_running() {
            return Vec::new(); // A duplicated or late answer after the sweep ended.
        }
        match result {
            Ok(page) => {
                let selected = self.selected_id().map(str::to_string);
                self.list.on_search_page(&page.users);
                let next = self.sweep.on_page(&page);
                self.refilter(true, selected.as_deref(), rows);
                if let Some(id) = self.restore.clone()
                    && self.select_user(&id, rows)
                {
                    self.restore = None;
                }
                next.map(|token| Request::SearchUsers { token: Some(token) })
                    .into_iter()
                    .collect()
            }
            Err(error) => {
                self.sweep.on_error(error);
                Vec::new()
            }
        }
    }

    pub fn on_names(
        &mut self,
        kind: NameKind,
        result: Result<Page<NamedSummary>, ApiError>,
        rows: usize,
    ) -> Vec<Request> {
        let resolved_more = result.is_ok();
        let next = self.names.on_page(kind, result);
        if resolved_more && self.filter.is_active() {
            // Field terms match names: a page of names can change the result.
            let selected = self.selected_id().map(str::to_string);
            self.refilter(true, selected.as_deref(), rows);
        }
        next.map(|token| Request::ListNames {
            kind,
            token: Some(token),
        })
        .into_iter()
        .collect()
    }

    pub fn on_structure(&mut self, result: Result<HierarchyStructure, ApiError>) -> Vec<Request> {
        self.names.on_structure(result);
        Vec::new()
    }

    /// Re-runs the filter and keeps `keep` (a user id) selected when it is still listed.
    pub fn refilter(&mut self, changed: bool, keep: Option<&str>, rows: usize) {
        let searchable = Searchable {
            list: &self.list,
            names: &self.names,
        };
        self.filter.refresh(&searchable, changed);
        self.reorder();
        let kept = keep.is_some_and(|id| self.select_user(id, rows));
        if !kept {
            self.cursor.scroll_into_view(self.view_len(), rows);
        }
    }

    /// Selects the row showing `user_id`; false when it is not in the (filtered) list.
    fn select_user(&mut self, user_id: &str, rows: usize) -> bool {
        let Some(index) = self.list.index_of(user_id) else {
            return false;
        };
        match self.row_of(index) {
            Some(row) => {
                self.cursor.select(row, self.view_len(), rows);
                true
            }
            None => false,
        }
    }

    /// Requests due now: DescribeUser once the selection rests, and the selected user's
    /// hierarchy group (for its path) once the record names it.
    pub fn due_requests(&mut self, now: Instant) -> Vec<Request> {
        let selected = self.selected_id().map(str::to_string);
        self.records.rest_on(selected.as_deref(), now);
        let mut requests = Vec::new();
        if let Some(user_id) = self.records.due(now) {
            requests.push(Request::DescribeUser { user_id });
        }
        let group = self
            .selected_record()
            .and_then(|u| u.hierarchy_group_id.clone())
            .filter(|g| !g.is_empty());
        if let Some(group_id) = group
            && self.names.should_describe_group(&group_id)
        {
            requests.push(Request::DescribeGroup { group_id });
        }
        if let Some(index) = self.index_at(self.cursor.selected) {
            let id = self.list.users[index].id();
            if let Some(user) = self.records.loaded(id) {
                requests.extend(self.data.due(user));
            }
        }
        requests
    }

    /// Requests that retry whatever failed: the user listing, the selected user's record,
    /// the name listings, the hierarchy structure and the selected user's group.
    pub fn retry(&mut self) -> Vec<Request> {
        let mut requests = Vec::new();
        if let Some(token) = self.list.retry() {
            requests.push(Request::ListUsers { token });
        }
        if let Some(token) = self.sweep.retry() {
            requests.push(Request::SearchUsers { token });
        }
        if let Some(user_id) = self.selected_id().map(str::to_string)
            && self.records.retry(&user_id)
        {
            requests.push(Request::DescribeUser { user_id });
        }
        for (kind, token) in self.names.retry_lists() {
            requests.push(Request::ListNames { kind, token });
        }
        if self.names.retry_structure() {
            requests.push(Request::DescribeStructure);
        }
        requests.extend(self.live.retry_statuses());
        if let Some(group_id) = self
            .selected_record()
            .and_then(|u| u.hierarchy_group_id.clone())
        {
            // The lazy lookup in `due_requests` asks again.
            self.names.retry_group(&group_id);
        }
        if let Some(index) = self.index_at(self.cursor.selected) {
            let id = self.list.users[index].id();
            if let Some(user) = self.records.loaded(id) {
                let profiles = user.security_profile_ids.clone().unwrap_or_default();
                requests.extend(self.data.retry(user, &profiles));
            }
        }
        requests
    }

    pub fn is_loading(&self) -> bool {
        self.list.loading
            || self.sweep.is_running()
            || self.records.in_flight_count() > 0
            || self.data.loading_count() > 0
    }
}
