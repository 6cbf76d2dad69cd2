//! The `:rp`, `:sp` and `:groups` views: every routing profile, security profile or
//! hierarchy group of the open instance with how many users it has, counted from the
//! SearchUsers sweep (marked partial until the sweep is complete). A view is a small state
//! struct of its own — rows and a cursor — reached through the `:` line; Enter on a row
//! opens the users table filtered to it.

use super::cursor::Cursor;
use super::msg::NameKind;
use super::names::{Load, Names, PathState};
use super::sweep::SweepState;
use super::users_screen::UsersScreen;
use super::users_with::exact_term;

/// One row: a name (the ID when the listing has no name for it), its ID and its users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub id: String,
    pub name: Option<String>,
    /// A hierarchy group's path, top first ("EMEA › Dublin › Billing"), once known.
    pub path: Option<String>,
    pub users: usize,
}

/// What a view lists: the things a user is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Membership {
    RoutingProfiles,
    SecurityProfiles,
    HierarchyGroups,
}

impl Membership {
    /// The listing that names them.
    fn names(self) -> NameKind {
        match self {
            Membership::RoutingProfiles => NameKind::RoutingProfiles,
            Membership::SecurityProfiles => NameKind::SecurityProfiles,
            Membership::HierarchyGroups => NameKind::HierarchyGroups,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipView {
    pub kind: Membership,
    pub rows: Vec<MemberRow>,
    /// The counts cover only the users swept so far.
    pub partial: bool,
    pub cursor: Cursor,
}

impl MembershipView {
    pub fn new(kind: Membership, screen: &UsersScreen) -> MembershipView {
        let mut view = MembershipView {
            kind,
            rows: Vec::new(),
            partial: true,
            cursor: Cursor::default(),
        };
        view.refresh(screen);
        view
    }

    /// Recounts from `screen` (after a sweep page or a listing page), keeping the cursor on
    /// the same row.
    pub fn refresh(&mut self, screen: &UsersScreen) {
        let selected = self.rows.get(self.cursor.selected).map(|r| r.id.clone());
        let shared = &screen.list.shared;
        let mut counts: std::collections::HashMap<&str, usize> = Default::default();
        for index in 0..screen.list.users.len() {
            let Some(details) = screen.list.details(index) else {
                continue;
            };
            let ids: Vec<u32> = match self.kind {
                Membership::RoutingProfiles => vec![details.routing_profile],
                Membership::SecurityProfiles => shared.id_set(details.security_profiles).to_vec(),
                Membership::HierarchyGroups => vec![details.hierarchy_group],
            };
            for id in ids.into_iter().filter_map(|i| shared.id(i)) {
                *counts.entry(id).or_default() += 1;
            }
        }
        let names = &screen.names;
        let listing = names.list(self.kind.names());
        let path = |id: &str| match (self.kind, names.path(id)) {
            (Membership::HierarchyGroups, PathState::Known(levels)) if !levels.is_empty() => Some(
                levels
                    .into_iter()
                    .map(|(_, group)| group)
                    .collect::<Vec<_>>()
                    .join(" › "),
            ),
            _ => None,
        };
        let mut rows: Vec<MemberRow> = listing
            .entries()
            .map(|(id, name)| MemberRow {
                id: id.to_string(),
                name: Some(name.to_string()),
                path: path(id),
                users: counts.get(id).copied().unwrap_or_default(),
            })
            .collect();
        // IDs users have that the listing does not (yet) name.
        let listed: std::collections::HashSet<&str> = listing.entries().map(|(id, _)| id).collect();
        for (id, users) in &counts {
            if !listed.contains(id) {
                rows.push(MemberRow {
                    id: id.to_string(),
                    name: None,
                    path: path(id),
                    users: *users,
                });
            }
        }
        // Groups in the order of their paths, so each sits under the groups above it.
        let key = |r: &MemberRow| {
            r.path
                .as_ref()
                .or(r.name.as_ref())
                .unwrap_or(&r.id)
                .to_lowercase()
        };
        rows.sort_by_cached_key(|r| (key(r), r.id.clone()));
        self.rows = rows;
        self.partial = screen.sweep.state != SweepState::Done
            || screen.list.loading
            || matches!(listing.load, Load::Loading);
        if let Some(id) = selected
            && let Some(at) = self.rows.iter().position(|r| r.id == id)
        {
            self.cursor.selected = at;
        }
        self.cursor.selected = self.cursor.selected.min(self.rows.len().saturating_sub(1));
    }

    /// The users-table filter that shows exactly the selected row's users (as counted).
    pub fn filter_for_selected(&self, names: &Names) -> Option<String> {
        let row = self.rows.get(self.cursor.selected)?;
        let field = match self.kind {
            Membership::RoutingProfiles => "rp",
            Membership::SecurityProfiles => "sp",
            Membership::HierarchyGroups => "group",
        };
        Some(exact_term(field, self.kind.names(), &row.id, names))
    }

    pub fn title(&self) -> &'static str {
        match self.kind {
            Membership::RoutingProfiles => "Routing profiles",
            Membership::SecurityProfiles => "Security profiles",
            Membership::HierarchyGroups => "Hierarchy groups",
        }
    }
}
