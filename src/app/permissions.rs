//! The permissions overlay: what the selected user's security profiles allow, grouped by
//! area (the part of a permission before its first dot: `Users`, `RoutingPolicies`, ...),
//! filtered by `/`. Opened with Enter on the security profiles pane; each profile's
//! ListSecurityProfilePermissions is sent once (cached for the screen).

use std::collections::BTreeMap;

use super::msg::Cmd;
use super::users_screen::{Focus, PaneId};
use super::{Action, App, Overlay, answers::push_calls};

/// One permission and the profiles (by name) that grant it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Granted {
    pub permission: String,
    pub profiles: Vec<String>,
}

/// Permissions by area, areas and permissions in alphabetical order. `profiles` pairs a
/// profile's name with its permissions; `filter` keeps permissions (or profiles) whose
/// name contains it, ignoring case.
pub fn grouped(profiles: &[(String, &[String])], filter: &str) -> Vec<(String, Vec<Granted>)> {
    let filter = filter.to_lowercase();
    let mut by_permission: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (profile, permissions) in profiles {
        for permission in *permissions {
            let shown = filter.is_empty()
                || permission.to_lowercase().contains(&filter)
                || profile.to_lowercase().contains(&filter);
            if shown {
                by_permission
                    .entry(permission.as_str())
                    .or_default()
                    .push(profile.clone());
            }
        }
    }
    let mut areas: BTreeMap<String, Vec<Granted>> = BTreeMap::new();
    for (permission, profiles) in by_permission {
        let area = permission.split('.').next().unwrap_or(permission);
        areas.entry(area.to_string()).or_default().push(Granted {
            permission: permission.to_string(),
            profiles,
        });
    }
    areas.into_iter().collect()
}

impl App {
    /// Enter on the security profiles pane: the overlay, and the listings it needs.
    pub(super) fn open_permissions(&mut self, cmds: &mut Vec<Cmd>) -> bool {
        let Some(b) = self.users.as_mut() else {
            return false;
        };
        if b.focus != Focus::Pane(PaneId::Security) {
            return false;
        }
        let Some(profiles) = b
            .selected_record()
            .map(|u| u.security_profile_ids.clone().unwrap_or_default())
        else {
            self.notify("The record has not arrived yet", true);
            return true;
        };
        let requests = b.data.permissions_due(&profiles);
        push_calls(cmds, &b.scope(), requests);
        self.permissions_filter.clear();
        self.overlay = Overlay::Permissions {
            scroll: 0,
            editing: false,
        };
        true
    }

    /// Keys while the overlay is open (`editing`: typing its filter).
    pub(super) fn on_permissions_action(&mut self, action: Action, scroll: u16, editing: bool) {
        let max = self.drawn.permissions_max_scroll;
        self.overlay = match (action, editing) {
            (Action::Down, _) => Overlay::Permissions {
                scroll: scroll.saturating_add(1).min(max),
                editing,
            },
            (Action::Up, _) => Overlay::Permissions {
                scroll: scroll.saturating_sub(1),
                editing,
            },
            (Action::PageDown, _) => Overlay::Permissions {
                scroll: scroll.saturating_add(10).min(max),
                editing,
            },
            (Action::PageUp, _) => Overlay::Permissions {
                scroll: scroll.saturating_sub(10),
                editing,
            },
            (Action::Filter, false) => Overlay::Permissions {
                scroll: 0,
                editing: true,
            },
            (Action::Confirm, true) => Overlay::Permissions {
                scroll,
                editing: false,
            },
            (Action::Back, true) => {
                self.permissions_filter.clear();
                Overlay::Permissions {
                    scroll: 0,
                    editing: false,
                }
            }
            (Action::Back, false) => Overlay::None,
            _ => Overlay::Permissions { scroll, editing },
        };
    }

    /// Typing into the overlay's filter.
    pub(super) fn on_permissions_edit(&mut self, edit: super::FilterEdit) {
        match edit {
            super::FilterEdit::Insert(c) if !c.is_control() => self.permissions_filter.push(c),
            super::FilterEdit::Insert(_) => {}
            super::FilterEdit::Backspace => {
                self.permissions_filter.pop();
            }
        }
        self.overlay = Overlay::Permissions {
            scroll: 0,
            editing: true,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn perms(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn permissions_group_by_the_part_before_the_first_dot() {
        let admin = perms(&[
            "Users.View",
            "Users.Edit",
            "RoutingPolicies.View",
            "BasicAgentAccess",
        ]);
        let agent = perms(&["BasicAgentAccess", "AccessMetrics.RealTimeMetrics.Access"]);
        let profiles = [
            ("Admin".to_string(), admin.as_slice()),
            ("Agent".to_string(), agent.as_slice()),
        ];
        let groups = grouped(&profiles, "");
        let areas: Vec<&str> = groups.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(
            areas,
            [
                "AccessMetrics",
                "BasicAgentAccess",
                "RoutingPolicies",
                "Users"
            ]
        );
        let basic = &groups[1].1[0];
        assert_eq!(basic.profiles, ["Admin", "Agent"], "granted by both");
        let users: Vec<&str> = groups[3].1.iter().map(|g| g.permission.as_str()).collect();
        assert_eq!(users, ["Users.Edit", "Users.View"]);
    }

    #[test]
    fn the_filter_matches_permissions_and_profiles_ignoring_case() {
        let admin = perms(&["Users.View", "Queues.Edit"]);
        let agent = perms(&["BasicAgentAccess"]);
        let profiles = [
            ("Admin".to_string(), admin.as_slice()),
            ("Agent".to_string(), agent.as_slice()),
        ];
        let areas = |f: &str| -> Vec<String> {
            grouped(&profiles, f).into_iter().map(|(a, _)| a).collect()
        };
        assert_eq!(areas("users."), ["Users"]);
        assert_eq!(areas("AGENT"), ["BasicAgentAccess"]);
        assert!(areas("nothing").is_empty());
    }
}
