//! What each answer does: the one place where a read's result reaches the state. An answer
//! for a screen that is gone (another instance, a refresh since) is dropped here; a late
//! answer for the current screen is kept (its caches store it, the panes show it only if it
//! is for what is selected).

use crate::connect::{ApiError, ErrorKind};
use crate::model::{InstanceSummary, Page};

use super::msg::{Answer, Call, Cmd, NameKind, Request, Scope, typed};
use super::names::GROUP_SEARCH_DENIED;
use super::picker::region_of;
use super::sweep::SweepState;
use super::users_screen::UsersScreen;
use super::{App, Screen};

impl App {
    pub(super) fn on_answer(&mut self, answer: Answer, cmds: &mut Vec<Cmd>) {
        let Answer {
            scope,
            request,
            result,
        } = answer;
        let operation = request.operation();
        match request {
            Request::ListInstances { .. } => {
                self.on_instances(&scope, typed(result, operation), cmds)
            }
            Request::ListUsers { .. } => self.on_screen(&scope, cmds, |s, rows| {
                s.on_users(typed(result, operation), rows)
            }),
            Request::DescribeUser { user_id } => self.on_screen(&scope, cmds, |s, rows| {
                s.on_user(&user_id, typed(result, operation), rows)
            }),
            Request::ListNames {
                kind: NameKind::HierarchyGroups,
                ..
            } => {
                let denied = matches!(&result, Err(e) if e.kind == ErrorKind::AccessDenied);
                self.on_screen(&scope, cmds, |s, rows| {
                    s.on_group_search(typed(result, operation), rows)
                });
                // Said when the denial arrives (names still come, from the fallback listing),
                // unless SearchUsers is denied too: then no row has a group, and its line says
                // what matters.
                let say = self.users.as_ref().is_some_and(|s| {
                    s.is_current(&scope) && !matches!(s.sweep.state, SweepState::Denied(_))
                });
                if denied && say {
                    self.notify(GROUP_SEARCH_DENIED, true);
                }
            }
            Request::ListNames { kind, .. } => self.on_screen(&scope, cmds, |s, rows| {
                s.on_names(kind, typed(result, operation), rows)
            }),
            Request::ListGroupNames { .. } => self.on_screen(&scope, cmds, |s, rows| {
                s.on_group_names(typed(result, operation), rows)
            }),
            Request::DescribeStructure => self.on_screen(&scope, cmds, |s, _| {
                s.on_structure(typed(result, operation))
            }),
            Request::DescribeGroup { group_id } => self.on_screen(&scope, cmds, |s, rows| {
                s.on_group(&group_id, typed(result, operation), rows)
            }),
            Request::SearchUsers { .. } => {
                self.on_screen(&scope, cmds, |s, rows| {
                    s.on_search(typed(result, operation), rows)
                });
                // Said once, when the denial arrives; the list's title keeps a short mark.
                let denied = self
                    .users
                    .as_ref()
                    .filter(|s| s.is_current(&scope))
                    .and_then(|s| s.sweep.denied_line());
                if let Some(line) = denied {
                    self.notify(line, true);
                }
            }
            Request::DescribeRoutingProfile { routing_profile_id } => {
                self.on_screen(&scope, cmds, |s, _| {
                    s.data
                        .on_profile(&routing_profile_id, typed(result, operation));
                    Vec::new()
                })
            }
            Request::ListRoutingProfileQueues {
                routing_profile_id, ..
            } => self.on_screen(&scope, cmds, |s, _| {
                s.data
                    .on_queues(&routing_profile_id, typed(result, operation))
            }),
            Request::ListUserProficiencies { user_id, .. } => {
                self.on_screen(&scope, cmds, |s, _| {
                    s.data.on_proficiencies(&user_id, typed(result, operation))
                })
            }
            Request::ListSecurityProfilePermissions {
                security_profile_id,
                ..
            } => self.on_screen(&scope, cmds, |s, _| {
                s.data
                    .on_permissions(&security_profile_id, typed(result, operation))
            }),
            Request::ListAgentStatuses { .. } => self.on_screen(&scope, cmds, |s, _| {
                s.live.on_statuses(typed(result, operation))
            }),
            Request::GetCurrentUserData { user_ids } => {
                self.on_live(&scope, &user_ids, typed(result, operation))
            }
        }
    }

    /// Runs `apply` on the users screen when `scope` is still its scope, with the number of
    /// list rows on screen, and sends the requests it returns.
    fn on_screen(
        &mut self,
        scope: &Scope,
        cmds: &mut Vec<Cmd>,
        apply: impl FnOnce(&mut UsersScreen, usize) -> Vec<Request>,
    ) {
        let rows = self.list_rows();
        let Some(screen) = self.users.as_mut().filter(|s| s.is_current(scope)) else {
            return;
        };
        let scope = screen.scope();
        let requests = apply(screen, rows);
        push_calls(cmds, &scope, requests);
    }

    fn on_instances(
        &mut self,
        scope: &Scope,
        result: Result<Page<InstanceSummary>, ApiError>,
        cmds: &mut Vec<Cmd>,
    ) {
        if scope.generation != self.picker.generation {
            return;
        }
        let next = match &scope.region {
            Some(region) if self.config.all_regions => self.picker.on_region_page(region, result),
            _ => self.picker.on_page(result),
        };
        if let Some(token) = next {
            cmds.push(Cmd::Request(Call {
                scope: scope.clone(),
                request: Request::ListInstances { token: Some(token) },
            }));
        }
        if let Some(b) = self.users.as_mut()
            && b.alias.is_none()
        {
            b.alias = self.picker.alias_of(&b.instance_id);
        }
        // Complete, and no region failed (a failed region may hold more instances).
        let complete = !self.picker.loading
            && self.picker.error.is_none()
            && self.picker.row_count() == self.picker.instances.len();
        if complete && self.screen == Screen::Picker && self.users.is_none() {
            match self.picker.instances.as_slice() {
                [only] => {
                    let region = self
                        .config
                        .all_regions
                        .then(|| region_of(only).map(str::to_string))
                        .flatten();
                    if let Some(id) = only.id.clone() {
                        self.open_instance(id, region, cmds);
                    }
                }
                [] => self.notify(
                    format!(
                        "No Amazon Connect instances in {} for profile {}: check --profile and --region",
                        self.region_label(),
                        self.profile_label()
                    ),
                    true,
                ),
                _ => {}
            }
        }
    }
}

/// Sends `requests` as calls in `scope`.
pub(super) fn push_calls(cmds: &mut Vec<Cmd>, scope: &Scope, requests: Vec<Request>) {
    cmds.extend(requests.into_iter().map(|request| {
        Cmd::Request(Call {
            scope: scope.clone(),
            request,
        })
    }));
}
