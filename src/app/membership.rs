//! The `:rp`, `:sp` and `:groups` views: every routing profile, security profile or
//! hierarchy group of the open instance with how many users it has, counted from the
//! SearchUsers sweep (marked partial until the sweep is complete). A view is a small state
//! struct of its own — rows and a cursor — reached through the `:` line; Enter on a row
//! opens the users table filtered to it.

use std::collections::{HashMap, HashSet};

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
        let names = &screen.names;
        // Users per interned value first (one index per user), then per ID.
        let mut per_value: HashMap<u32, usize> = HashMap::new();
        for index in 0..screen.list.users.len() {
            let Some(details) = screen.list.details(index) else {
                continue;
            };
            let value = match self.kind {
                Membership::RoutingProfiles => details.routing_profile,
                Membership::SecurityProfiles => details.security_profiles,
                Membership::HierarchyGroups => details.hierarchy_group,
            };
            *per_value.entry(value).or_default() += 1;
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (value, users) in per_value {
            let ids: Vec<&str> = match self.kind {
                Membership::RoutingProfiles => shared.id(value).into_iter().collect(),
                Membership::SecurityProfiles => shared
                    .id_set(value)
                    .iter()
                    .filter_map(|i| shared.id(*i))
                    .collect(),
                // A group counts its own users and those of the groups below it, as its
                // `group:` filter shows them.
                Membership::HierarchyGroups => shared
                    .id(value)
                    .map(|id| names.in_or_under(id))
                    .unwrap_or_default(),
            };
            for id in ids.into_iter().filter(|id| !id.is_empty()) {
                *counts.entry(id).or_default() += users;
            }
        }
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
        let listed: HashSet<&str> = listing.entries().map(|(id, _)| id).collect();
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
        // Groups in the order of their paths, level by level, so each sits right under the
        // groups above it; the others by name.
        let key = |r: &MemberRow| -> Vec<String> {
            match names.path(&r.id) {
                PathState::Known(levels) if !levels.is_empty() => {
                    levels.into_iter().map(|(_, g)| g.to_lowercase()).collect()
                }
                _ => vec![r.name.as_ref().unwrap_or(&r.id).to_lowercase()],
            }
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
