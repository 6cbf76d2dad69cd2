//! GetCurrentUserData (the live state of the agents a filter selects) and ListAgentStatuses.

use serde::Deserialize;

use super::{Request, listing};
use crate::mock::ids::fnv1a;
use crate::mock::live;
use crate::mock::paging::{self, Paging};
use crate::mock::wire::{self, Answer, ServiceError};
use crate::model::{User, UserData, UserDataFilters};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct GetCurrentUserDataRequest {
    filters: Option<UserDataFilters>,
    next_token: Option<String>,
    max_results: Option<i64>,
}

pub fn current_user_data(request: &Request) -> Answer {
    let instance = request.instance()?;
    let body: GetCurrentUserDataRequest = request.json_body()?;
    let filters = body.filters.ok_or_else(|| {
        ServiceError::invalid_parameter(
            "1 validation error detected: Value null at 'filters' failed to satisfy \
             constraint: Member must not be null",
        )
    })?;
    check_lengths(&filters)?;
    let scope = format!(
        "{}/{:016x}",
        instance.id(),
        fnv1a(
            serde_json::to_string(&filters)
                .unwrap_or_default()
                .as_bytes()
        )
    );
    let paging = Paging::new(
        format!("{}/{scope}", request.op.name),
        body.max_results,
        body.next_token.as_deref(),
        paging::USER_DATA,
    )?;
    let states = filters
        .contact_filter
        .as_ref()
        .and_then(|c| c.contact_states.as_deref())
        .unwrap_or_default();
    let selected: Vec<UserData> = instance
        .users
        .all()
        .iter()
        .filter(|u| selects(&filters, u, instance))
        .filter_map(|u| live::user_data(instance, u, &request.clock))
        .filter(|d| states.is_empty() || in_states(d, states))
        .collect();
    let (page, next) = paging.slice(&selected);
    let mut body = serde_json::json!({
        "UserDataList": page,
        "ApproximateTotalCount": selected.len(),
    });
    if let Some(token) = next {
        body["NextToken"] = token.into();
    }
    Ok(wire::json(&body))
}

/// The model's list bounds (1–100 IDs, one hierarchy group), and at least one of the
/// resource filters, as Connect requires.
fn check_lengths(filters: &UserDataFilters) -> Result<(), ServiceError> {
    let lists = [
        ("queues", &filters.queues, UserDataFilters::MAX_IDS),
        (
            "routingProfiles",
            &filters.routing_profiles,
            UserDataFilters::MAX_IDS,
        ),
        ("agents", &filters.agents, UserDataFilters::MAX_IDS),
        ("userHierarchyGroups", &filters.user_hierarchy_groups, 1),
    ];
    for (name, list, max) in lists {
        match list.as_ref().map(Vec::len) {
            Some(0) => {
                return Err(ServiceError::invalid_parameter(format!(
                    "1 validation error detected: Value at 'filters.{name}' failed to satisfy \
                     constraint: Member must have length greater than or equal to 1"
                )));
            }
            Some(n) if n > max => {
                return Err(ServiceError::invalid_parameter(
                    crate::connect::filter_too_long_message(name, max),
                ));
            }
            _ => {}
        }
    }
    if lists.iter().all(|(_, list, _)| list.is_none()) {
        return Err(ServiceError::invalid_request(
            "At least one of Queues, RoutingProfiles, Agents or UserHierarchyGroups must be \
             given in Filters",
        ));
    }
    Ok(())
}

fn selects(
    filters: &UserDataFilters,
    user: &User,
    instance: &crate::mock::dataset::InstanceData,
) -> bool {
    let has = |list: &Option<Vec<String>>, value: Option<&str>| match list {
        None => true,
        Some(ids) => value.is_some_and(|v| ids.iter().any(|id| id == v)),
    };
    let serves_queue = || match &filters.queues {
        None => true,
        Some(queues) => user
            .routing_profile_id
            .as_deref()
            .and_then(|p| instance.routing_profile_queues.get(p))
            .is_some_and(|configs| {
                configs
                    .iter()
                    .any(|c| c.queue_id.as_ref().is_some_and(|q| queues.contains(q)))
            }),
    };
    let in_group = || match &filters.user_hierarchy_groups {
        None => true,
        Some(groups) => user
            .hierarchy_group_id
            .as_deref()
            .and_then(|g| instance.hierarchy_groups.get(g))
            .and_then(|g| g.hierarchy_path.as_ref())
            .is_some_and(|path| {
                path.levels()
                    .iter()
                    .any(|l| l.id.as_ref().is_some_and(|id| groups.contains(id)))
            }),
    };
    has(&filters.agents, user.id.as_deref())
        && has(
            &filters.routing_profiles,
            user.routing_profile_id.as_deref(),
        )
        && serves_queue()
        && in_group()
}

fn in_states(data: &UserData, states: &[String]) -> bool {
    data.contacts.iter().flatten().any(|c| {
        c.agent_contact_state
            .as_ref()
            .is_some_and(|s| states.contains(s))
    })
}

pub fn list_agent_statuses(request: &Request) -> Answer {
    let instance = request.instance()?;
    // `AgentStatusTypes` (repeated query parameter) narrows the list.
    let types: Vec<&str> = request
        .query
        .iter()
        .filter(|(k, _)| k == "AgentStatusTypes")
        .map(|(_, v)| v.as_str())
        .collect();
    let paging = request.paging(
        &format!("{}/{}", instance.id(), types.join(",")),
        paging::LISTS_1000,
    )?;
    let matching: Vec<_> = instance
        .agent_statuses
        .all()
        .iter()
        .filter(|s| types.is_empty() || s.r#type.as_deref().is_some_and(|t| types.contains(&t)))
        .collect();
    let (page, next) = paging.slice(&matching);
    listing("AgentStatusSummaryList", page, next)
}
