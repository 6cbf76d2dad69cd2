//! The answers that name hierarchy groups on the users screen: SearchUserHierarchyGroups
//! pages (names and paths), ListUserHierarchyGroups pages when the search is denied, and single
//! DescribeUserHierarchyGroup answers. The bookkeeping is [`Names`](super::Names)'; here each
//! also re-runs an active filter, since `group:` terms match names and paths.

use crate::connect::ApiError;
use crate::model::{HierarchyGroup, NamedSummary, Page};

use super::msg::{NameKind, Request};
use super::names::NextGroups;
use super::users_screen::UsersScreen;

impl UsersScreen {
    /// One page of SearchUserHierarchyGroups; the request for what comes next.
    pub(super) fn on_group_search(
        &mut self,
        result: Result<Page<HierarchyGroup>, ApiError>,
        rows: usize,
    ) -> Vec<Request> {
        let resolved_more = result.is_ok();
        let next = self.names.on_group_search(result);
        self.groups_resolved(resolved_more, rows);
        next.map(request).into_iter().collect()
    }

    /// One page of ListUserHierarchyGroups (the search's fallback).
    pub(super) fn on_group_names(
        &mut self,
        result: Result<Page<NamedSummary>, ApiError>,
        rows: usize,
    ) -> Vec<Request> {
        let resolved_more = result.is_ok();
        let next = self.names.on_group_names(result);
        self.groups_resolved(resolved_more, rows);
        next.map(request).into_iter().collect()
    }

    /// A group described one by one (the listing lacked it, or the search was denied).
    pub fn on_group(
        &mut self,
        group_id: &str,
        result: Result<HierarchyGroup, ApiError>,
        rows: usize,
    ) -> Vec<Request> {
        let resolved_more = result.is_ok();
        self.names.on_group(group_id, result);
        self.groups_resolved(resolved_more, rows);
        Vec::new()
    }

    fn groups_resolved(&mut self, resolved_more: bool, rows: usize) {
        if resolved_more && self.filter.is_active() {
            let selected = self.selected_id().map(str::to_string);
            self.refilter(true, selected.as_deref(), rows);
        }
    }
}

fn request(next: NextGroups) -> Request {
    match next {
        NextGroups::Search(token) => Request::ListNames {
            kind: NameKind::HierarchyGroups,
            token,
        },
        NextGroups::List(token) => Request::ListGroupNames { token },
    }
}
