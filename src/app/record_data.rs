//! What the record shows besides DescribeUser: the routing profile (media concurrency,
//! default outbound queue) and its queues, the user's proficiencies, and the permissions of
//! security profiles. Each is cached for the screen (that is, per instance): a routing
//! profile is described and its queues listed once however many of its agents are opened,
//! a security profile's permissions are listed once.

use crate::connect::ApiError;
use crate::model::{Page, RoutingProfile, RoutingProfileQueueConfigSummary, User, UserProficiency};

use super::msg::Request;
use super::paged::{Paged, PagedMap};

#[derive(Debug, Default)]
pub struct RecordData {
    /// DescribeRoutingProfile by profile ID, kept as a one-page listing so a description and
    /// a listing share the same once-only and retry rules.
    profiles: PagedMap<RoutingProfile>,
    profile_queues: PagedMap<RoutingProfileQueueConfigSummary>,
    proficiencies: PagedMap<UserProficiency>,
    permissions: PagedMap<String>,
}

impl RecordData {
    /// The reads `user`'s record needs and has not asked for yet.
    pub fn due(&mut self, user: &User) -> Vec<Request> {
        let mut requests = Vec::new();
        if let Some(profile) = routing_profile_id(user) {
            if self.profiles.start(profile) {
                requests.push(Request::DescribeRoutingProfile {
                    routing_profile_id: profile.to_string(),
                });
            }
            if self.profile_queues.start(profile) {
                requests.push(Request::ListRoutingProfileQueues {
                    routing_profile_id: profile.to_string(),
                    token: None,
                });
            }
        }
        if let Some(user_id) = user.id.as_deref()
            && self.proficiencies.start(user_id)
        {
            requests.push(Request::ListUserProficiencies {
                user_id: user_id.to_string(),
                token: None,
            });
        }
        requests
    }

    /// The permission listings of `profiles` not asked for yet (the permissions overlay).
    pub fn permissions_due(&mut self, profiles: &[String]) -> Vec<Request> {
        profiles
            .iter()
            .filter(|id| self.permissions.start(id))
            .map(|id| Request::ListSecurityProfilePermissions {
                security_profile_id: id.clone(),
                token: None,
            })
            .collect()
    }

    pub fn profile(&self, id: &str) -> Option<&Paged<RoutingProfile>> {
        self.profiles.get(id)
    }

    pub fn queues(&self, profile_id: &str) -> Option<&Paged<RoutingProfileQueueConfigSummary>> {
        self.profile_queues.get(profile_id)
    }

    pub fn proficiencies(&self, user_id: &str) -> Option<&Paged<UserProficiency>> {
        self.proficiencies.get(user_id)
    }

    pub fn permissions(&self, security_profile_id: &str) -> Option<&Paged<String>> {
        self.permissions.get(security_profile_id)
    }

    pub fn on_profile(&mut self, id: &str, result: Result<RoutingProfile, ApiError>) {
        let page = result.map(|profile| Page {
            items: vec![profile],
            next_token: None,
        });
        self.profiles.on_page(id, page);
    }

    pub fn on_queues(
        &mut self,
        id: &str,
        result: Result<Page<RoutingProfileQueueConfigSummary>, ApiError>,
    ) -> Vec<Request> {
        self.profile_queues
            .on_page(id, result)
            .map(|token| Request::ListRoutingProfileQueues {
                routing_profile_id: id.to_string(),
                token: Some(token),
            })
            .into_iter()
            .collect()
    }

    pub fn on_proficiencies(
        &mut self,
        user_id: &str,
        result: Result<Page<UserProficiency>, ApiError>,
    ) -> Vec<Request> {
        self.proficiencies
            .on_page(user_id, result)
            .map(|token| Request::ListUserProficiencies {
                user_id: user_id.to_string(),
                token: Some(token),
            })
            .into_iter()
            .collect()
    }

    pub fn on_permissions(
        &mut self,
        id: &str,
        result: Result<Page<String>, ApiError>,
    ) -> Vec<Request> {
        self.permissions
            .on_page(id, result)
            .map(|token| Request::ListSecurityProfilePermissions {
                security_profile_id: id.to_string(),
                token: Some(token),
            })
            .into_iter()
            .collect()
    }

    /// Requests that retry what failed for `user`'s record and for `security_profiles`.
    pub fn retry(&mut self, user: &User, security_profiles: &[String]) -> Vec<Request> {
        let mut requests = Vec::new();
        if let Some(profile) = routing_profile_id(user) {
            if self.profiles.retry(profile).is_some() {
                requests.push(Request::DescribeRoutingProfile {
                    routing_profile_id: profile.to_string(),
                });
            }
            if let Some(token) = self.profile_queues.retry(profile) {
                requests.push(Request::ListRoutingProfileQueues {
                    routing_profile_id: profile.to_string(),
                    token,
                });
            }
        }
        if let Some(user_id) = user.id.as_deref()
            && let Some(token) = self.proficiencies.retry(user_id)
        {
            requests.push(Request::ListUserProficiencies {
                user_id: user_id.to_string(),
                token,
            });
        }
        for id in security_profiles {
            if let Some(token) = self.permissions.retry(id) {
                requests.push(Request::ListSecurityProfilePermissions {
                    security_profile_id: id.clone(),
                    token,
                });
            }
        }
        requests
    }

    /// Listings in flight (the loading indicator animates while any is).
    pub fn loading_count(&self) -> usize {
        self.profiles.loading_count()
            + self.profile_queues.loading_count()
            + self.proficiencies.loading_count()
            + self.permissions.loading_count()
    }
}

/// The user's routing profile ID, when it names one.
pub fn routing_profile_id(user: &User) -> Option<&str> {
    user.routing_profile_id.as_deref().filter(|s| !s.is_empty())
}
