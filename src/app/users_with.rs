//! "Users with…" (`f`, or Enter on the Routing pane): the selected user's routing profile,
//! security profiles, hierarchy group and the levels above it, each a way into the users
//! table filtered to the users who share it. Esc on that table clears the filter and goes
//! back to where it was opened from — the record, or the `:rp`/`:sp`/`:groups` view.
//!
//! The filter is written so that what it shows is exactly the membership offered: the name
//! when no other name contains it (readable, and editable on the filter line), else the ID
//! (which matches exactly). For a group either means its users and those of the groups below
//! it.

use super::membership::MembershipView;
use super::msg::NameKind;
use super::names::{Lookup, Names};
use super::users_screen::{Focus, UsersScreen};
use super::{App, Overlay};

/// One row of the menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsersWithItem {
    /// What it is: "Routing profile", "Security profile", "Hierarchy group", "Under".
    pub what: &'static str,
    /// Its name (the ID while the listing has no name for it).
    pub name: String,
    /// The users-table filter that shows its users.
    pub filter: String,
}

/// What the users screen showed before a drill-in, for Esc to go back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CameFrom {
    pub filter: String,
    pub user: Option<String>,
    pub focus: Focus,
    /// The `:rp`/`:sp`/`:groups` view it was opened from, its cursor where it was.
    pub view: Option<MembershipView>,
}

/// A filter term for `field` that matches exactly the users of `id` (a routing profile,
/// security profile or hierarchy group of `kind`).
pub fn exact_term(field: &str, kind: NameKind, id: &str, names: &Names) -> String {
    let Lookup::Known(name) = names.lookup(kind, id) else {
        return format!("{field}:{id}");
    };
    let lower = name.to_lowercase();
    let mut others = names
        .list(kind)
        .entries()
        .filter(|(other, _)| *other != id)
        .map(|(_, other)| other.to_lowercase());
    // The value matches every name containing it (for groups: at any level of a path, as
    // the group's ID does).
    let ambiguous =
        name.contains('"') || name.trim().is_empty() || others.any(|other| other.contains(&lower));
    if ambiguous {
        format!("{field}:{id}")
    } else {
        format!("{field}:\"{name}\"")
    }
}

/// The memberships of the selected user (from the record when it has arrived, else from the
/// sweep's row), in the order of the record's panes.
pub fn items(screen: &UsersScreen) -> Vec<UsersWithItem> {
    let (routing, security, group) = memberships(screen);
    let names = &screen.names;
    let name_of = |kind, id: &str| match names.lookup(kind, id) {
        Lookup::Known(name) => name.to_string(),
        _ => id.to_string(),
    };
    let mut items = Vec::new();
    if let Some(id) = routing {
        items.push(UsersWithItem {
            what: "Routing profile",
            name: name_of(NameKind::RoutingProfiles, &id),
            filter: exact_term("rp", NameKind::RoutingProfiles, &id, names),
        });
    }
    for id in security {
        items.push(UsersWithItem {
            what: "Security profile",
            name: name_of(NameKind::SecurityProfiles, &id),
            filter: exact_term("sp", NameKind::SecurityProfiles, &id, names),
        });
    }
    if let Some(id) = group {
        items.push(UsersWithItem {
            what: "Hierarchy group",
            name: name_of(NameKind::HierarchyGroups, &id),
            filter: exact_term("group", NameKind::HierarchyGroups, &id, names),
        });
        // The groups above it: everyone under them (`group:` matches any level of a path).
        for (ancestor, level, name) in names.ancestors(&id) {
            items.push(UsersWithItem {
                what: "Under",
                name: format!("{name} ({level})"),
                filter: exact_term("group", NameKind::HierarchyGroups, &ancestor, names),
            });
        }
    }
    items
}

/// (routing profile, security profiles, hierarchy group) IDs of the selected user.
fn memberships(screen: &UsersScreen) -> (Option<String>, Vec<String>, Option<String>) {
    if let Some(user) = screen.selected_record() {
        return (
            user.routing_profile_id.clone(),
            user.security_profile_ids.clone().unwrap_or_default(),
            user.hierarchy_group_id.clone(),
        );
    }
    let shared = &screen.list.shared;
    let details = screen
        .index_at(screen.cursor.selected)
        .and_then(|index| screen.list.details(index));
    let Some(details) = details else {
        return (None, Vec::new(), None);
    };
    let id = |i: u32| shared.id(i).filter(|s| !s.is_empty()).map(str::to_string);
    (
        id(details.routing_profile),
        shared
            .id_set(details.security_profiles)
            .iter()
            .filter_map(|i| id(*i))
            .collect(),
        id(details.hierarchy_group),
    )
}

impl App {
    /// Opens the menu with `first` highlighted (if the user has it), or says why not.
    pub(super) fn open_users_with(&mut self, first: Option<&str>) {
        let Some(screen) = self.users.as_ref() else {
            return;
        };
        let items = items(screen);
        if items.is_empty() {
            let why = if screen.selected_id().is_none() {
                "No user is selected"
            } else {
                "Nothing to show users by yet: the record and the sweep have not arrived"
            };
            self.notify(why, true);
            return;
        }
        let selected = first
            .and_then(|what| items.iter().position(|i| i.what == what))
            .unwrap_or(0);
        self.overlay = Overlay::UsersWith { selected };
    }

    /// Keys while the menu is open.
    pub(super) fn on_users_with_action(&mut self, action: super::Action, selected: usize) {
        use super::Action;
        let items = self.users.as_ref().map(items).unwrap_or_default();
        let last = items.len().saturating_sub(1);
        match action {
            Action::Down => {
                self.overlay = Overlay::UsersWith {
                    selected: (selected + 1).min(last),
                }
            }
            Action::Up => {
                self.overlay = Overlay::UsersWith {
                    selected: selected.saturating_sub(1),
                }
            }
            Action::Confirm => {
                self.overlay = Overlay::None;
                if let Some(item) = items.get(selected.min(last)) {
                    self.drill_in(&item.filter, None);
                }
            }
            Action::Back => self.overlay = Overlay::None,
            _ => {}
        }
    }

    /// Shows the users table filtered by `filter` (visible and editable on the filter line),
    /// remembering what it showed (and `view`, when opened from one) for Esc.
    pub(super) fn drill_in(&mut self, filter: &str, view: Option<MembershipView>) {
        let rows = self.list_rows();
        self.view = None;
        let Some(b) = self.users.as_mut() else {
            return;
        };
        let came_from = CameFrom {
            filter: b.filter.query().to_string(),
            user: b.selected_id().map(str::to_string),
            focus: b.focus,
            view,
        };
        b.filter.set_query(filter);
        b.filter.editing = false;
        b.focus = Focus::List;
        b.cursor = Default::default();
        b.came_from = Some(came_from);
        b.refilter(true, None, rows);
    }

    /// Esc on a drilled-in table: the filter, selection and focus it had before, and the
    /// view it came from, if any.
    pub(super) fn go_back(&mut self, came_from: CameFrom) {
        let rows = self.list_rows();
        let Some(b) = self.users.as_mut() else {
            return;
        };
        b.filter.set_query(&came_from.filter);
        b.refilter(true, came_from.user.as_deref(), rows);
        b.focus = came_from.focus;
        if let Some(mut view) = came_from.view {
            view.refresh(b);
            self.view = Some(view);
        }
    }
}
