//! GetCurrentUserData and ListAgentStatuses: SDK types ↔ domain types (`crate::model::live`).
//! Channels, states and types become their wire strings, so values newer than this build
//! survive as-is.

use std::collections::HashMap;

use aws_sdk_connect::types as sdk;

use super::mapping::{list, ts};
use crate::model::{self, ChannelCounts};

/// The domain filter as the SDK's request member.
pub fn user_data_filters(f: &model::UserDataFilters) -> sdk::UserDataFilters {
    sdk::UserDataFilters::builder()
        .set_queues(f.queues.clone())
        .set_contact_filter(f.contact_filter.as_ref().map(|c| {
            sdk::ContactFilter::builder()
                .set_contact_states(
                    c.contact_states
                        .as_ref()
                        .map(|states| states.iter().map(|s| s.as_str().into()).collect()),
                )
                .build()
        }))
        .set_routing_profiles(f.routing_profiles.clone())
        .set_agents(f.agents.clone())
        .set_user_hierarchy_groups(f.user_hierarchy_groups.clone())
        .build()
}

fn counts(map: Option<HashMap<sdk::Channel, i32>>) -> Option<ChannelCounts> {
    map.map(|m| {
        m.into_iter()
            .map(|(channel, n)| (channel.as_str().to_string(), n))
            .collect()
    })
}

fn reference(id: Option<String>, arn: Option<String>) -> model::Reference {
    model::Reference { id, arn }
}

fn group(g: sdk::HierarchyGroupSummaryReference) -> model::Reference {
    reference(g.id, g.arn)
}

fn contact(c: sdk::AgentContactReference) -> model::AgentContactReference {
    model::AgentContactReference {
        contact_id: c.contact_id,
        channel: c.channel.map(|v| v.as_str().to_string()),
        initiation_method: c.initiation_method.map(|v| v.as_str().to_string()),
        agent_contact_state: c.agent_contact_state.map(|v| v.as_str().to_string()),
        state_start_timestamp: ts(c.state_start_timestamp),
        connected_to_agent_timestamp: ts(c.connected_to_agent_timestamp),
        queue: c.queue.map(|q| reference(q.id, q.arn)),
    }
}

pub fn user_data(u: sdk::UserData) -> model::UserData {
    model::UserData {
        user: u.user.map(|r| reference(r.id, r.arn)),
        routing_profile: u.routing_profile.map(|r| reference(r.id, r.arn)),
        hierarchy_path: u.hierarchy_path.map(|p| model::HierarchyPathReference {
            level_one: p.level_one.map(group),
            level_two: p.level_two.map(group),
            level_three: p.level_three.map(group),
            level_four: p.level_four.map(group),
            level_five: p.level_five.map(group),
        }),
        status: u.status.map(|s| model::AgentStatusReference {
            status_start_timestamp: ts(s.status_start_timestamp),
            status_arn: s.status_arn,
            status_name: s.status_name,
        }),
        available_slots_by_channel: counts(u.available_slots_by_channel),
        max_slots_by_channel: counts(u.max_slots_by_channel),
        active_slots_by_channel: counts(u.active_slots_by_channel),
        contacts: list(u.contacts, contact),
        next_status: u.next_status,
    }
}

pub fn agent_status_summary(s: sdk::AgentStatusSummary) -> model::AgentStatusSummary {
    model::AgentStatusSummary {
        id: s.id,
        arn: s.arn,
        name: s.name,
        r#type: s.r#type.map(|v| v.as_str().to_string()),
        last_modified_time: ts(s.last_modified_time),
        last_modified_region: s.last_modified_region,
    }
}
