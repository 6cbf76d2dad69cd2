//! SearchUsers: the request body, the matching users, paging and ApproximateTotalCount; the
//! paging scope every search shares.

use std::hash::{DefaultHasher, Hash, Hasher};

use serde::Deserialize;

use super::Request;
use crate::mock::paging::{self, Paging};
use crate::mock::search::{Criteria, Filter, Matcher, validate};
use crate::mock::wire::{self, Answer};
use crate::model::{User, UserIdentityInfoLite, UserSearchSummary};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct SearchUsersRequest {
    instance_id: Option<String>,
    next_token: Option<String>,
    max_results: Option<i64>,
    search_filter: Option<serde_json::Value>,
    search_criteria: Option<serde_json::Value>,
}

pub fn search_users(request: &Request) -> Answer {
    let body: SearchUsersRequest = request.json_body()?;
    let instance = request.body_instance(body.instance_id.as_deref())?;
    let instance_id = body.instance_id.as_deref().unwrap_or_default();
    let criteria: Criteria = request.json_part(&body.search_criteria)?;
    let filter: Filter = request.json_part(&body.search_filter)?;
    validate(&criteria, &filter)?;
    let matcher = Matcher { instance };

    // A token is only good for the same instance, criteria and filter.
    let scope = token_scope(
        "SearchUsers",
        instance_id,
        [&body.search_criteria, &body.search_filter],
    );
    let paging = Paging::new(
        scope,
        body.max_results,
        body.next_token.as_deref(),
        paging::SEARCH,
    )?;

    let matches: Vec<&User> = instance
        .users
        .all()
        .iter()
        .filter(|u| matcher.criteria(&criteria, u) && matcher.filter(&filter, u))
        .collect();
    let (page, next) = paging.slice(&matches);
    let users: Vec<UserSearchSummary> = page.iter().map(|u| summary(u)).collect();
    let mut response = serde_json::json!({
        "Users": users,
        "ApproximateTotalCount": matches.len(),
    });
    if let Some(token) = next {
        response["NextToken"] = token.into();
    }
    Ok(wire::json(&response))
}

/// The paging scope of a search: its operation, instance, and what selects the results (a
/// token is refused for another search).
pub(super) fn token_scope(
    operation: &str,
    instance_id: &str,
    selection: [&Option<serde_json::Value>; 2],
) -> String {
    let mut hasher = DefaultHasher::new();
    for part in selection {
        part.as_ref().map(ToString::to_string).hash(&mut hasher);
    }
    format!("{operation}/{instance_id}/{:x}", hasher.finish())
}

fn summary(user: &User) -> UserSearchSummary {
    UserSearchSummary {
        arn: user.arn.clone(),
        directory_user_id: user.directory_user_id.clone(),
        hierarchy_group_id: user.hierarchy_group_id.clone(),
        id: user.id.clone(),
        identity_info: user.identity_info.as_ref().map(|i| UserIdentityInfoLite {
            first_name: i.first_name.clone(),
            last_name: i.last_name.clone(),
        }),
        phone_config: user.phone_config.clone().map(|mut p| {
            // SearchUsers reports the after-contact-work limit in milliseconds where
            // DescribeUser reports seconds (the dataset keeps seconds).
            p.after_contact_work_time_limit = p
                .after_contact_work_time_limit
                .map(|s| s.saturating_mul(1000));
            p
        }),
        routing_profile_id: user.routing_profile_id.clone(),
        security_profile_ids: user.security_profile_ids.clone(),
        tags: user.tags.clone(),
        username: user.username.clone(),
        auto_accept_configs: user.auto_accept_configs.clone(),
        after_contact_work_configs: user.after_contact_work_configs.clone(),
        phone_number_configs: user.phone_number_configs.clone(),
        persistent_connection_configs: user.persistent_connection_configs.clone(),
        voice_enhancement_configs: user.voice_enhancement_configs.clone(),
    }
}
