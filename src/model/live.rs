//! Live agent data: GetCurrentUserData and ListAgentStatuses, in the API's shapes.
//!
//! How Connect reports an agent (and how the mock-server plays it):
//! - logged out: absent from `UserDataList` altogether;
//! - `Status.StatusName` is the agent status they chose (`Available`, `Offline`, a custom
//!   one such as `Break`), held since `Status.StatusStartTimestamp`;
//! - on a contact: `Contacts[]` with `Channel`, `AgentContactState` (`CONNECTED`,
//!   `CONNECTED_ONHOLD`, `CONNECTING`, ...) and `Queue.Id`;
//! - in After Contact Work: the contact is still listed, in state `ENDED`, until the agent
//!   clears it;
//! - `AvailableSlotsByChannel` / `MaxSlotsByChannel` / `ActiveSlotsByChannel` map a channel
//!   (`VOICE`, `CHAT`, `TASK`, `EMAIL`) to a count; an agent not in a routable status has
//!   no available slots.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Timestamp;

/// A channel (`VOICE`, `CHAT`, `TASK`, `EMAIL`) → a count (`ChannelToCountMap`). Ordered,
/// so output is stable.
pub type ChannelCounts = BTreeMap<String, i32>;

/// `Id` and `Arn` of another resource: the model's `UserReference`,
/// `RoutingProfileReference`, `QueueReference` and `HierarchyGroupSummaryReference`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Reference {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
}

/// `HierarchyPathReference`: the groups from level one down to the user's group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HierarchyPathReference {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_one: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_two: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_three: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_four: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_five: Option<Reference>,
}

/// `AgentStatusReference`: the status an agent is in, and since when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AgentStatusReference {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_start_timestamp: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_name: Option<String>,
}

/// `AgentContactReference`: one contact an agent is handling (or wrapping up).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AgentContactReference {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initiation_method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent_contact_state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_start_timestamp: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connected_to_agent_timestamp: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<Reference>,
}

/// `UserData` (GetCurrentUserData): one logged-in agent's live state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserData {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routing_profile: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hierarchy_path: Option<HierarchyPathReference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<AgentStatusReference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available_slots_by_channel: Option<ChannelCounts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_slots_by_channel: Option<ChannelCounts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_slots_by_channel: Option<ChannelCounts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Vec<AgentContactReference>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_status: Option<String>,
}

/// `ContactFilter` (of `UserDataFilters`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContactFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_states: Option<Vec<String>>,
}

/// `UserDataFilters`: which agents GetCurrentUserData reports on. Each list holds at most
/// [`UserDataFilters::MAX_IDS`] IDs (the model's limit; `UserHierarchyGroups` at most one).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserDataFilters {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queues: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_filter: Option<ContactFilter>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routing_profiles: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agents: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_hierarchy_groups: Option<Vec<String>>,
}

impl UserDataFilters {
    /// The most IDs one filter list may hold (`AgentsMinOneMaxHundred`, `Queues`, ...).
    pub const MAX_IDS: usize = 100;

    /// The filter the browser uses: these agents (at most [`Self::MAX_IDS`]).
    pub fn agents(ids: impl IntoIterator<Item = String>) -> Self {
        UserDataFilters {
            agents: Some(ids.into_iter().collect()),
            ..UserDataFilters::default()
        }
    }
}

/// One page of GetCurrentUserData.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UserDataPage {
    pub user_data_list: Vec<UserData>,
    pub next_token: Option<String>,
    pub approximate_total_count: Option<i64>,
}

/// `AgentStatusSummary` (ListAgentStatuses). `Type` is `ROUTABLE`, `CUSTOM` or `OFFLINE`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AgentStatusSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_region: Option<String>,
}
