//! The `--data` file format: the API's own shapes (a user can paste the `User` object of
//! `aws connect describe-user` output), wrapped per instance. Only what cannot be derived is
//! required; see `build.rs` for what is filled in.
//!
//! ```json
//! {"Instances": [{
//!   "Instance": {"Id": "...", "InstanceAlias": "..."},
//!   "Users": [{"Id": "...", "Username": "..."}],
//!   "RoutingProfiles": [{"RoutingProfileId": "...", "Name": "..."}],
//!   "SecurityProfiles": [{"Id": "...", "SecurityProfileName": "..."}],
//!   "HierarchyStructure": {"LevelOne": {"Name": "Region"}},
//!   "HierarchyGroups": [{"Id": "...", "Name": "...", "ParentGroupId": "..."}],
//!   "UserProficiencies": {"<user id>": [{"AttributeName": "...", "AttributeValue": "...", "Level": 3.0}]},
//!   "Queues": [{"QueueId": "...", "Name": "..."}],
//!   "RoutingProfileQueues": {"<routing profile id>": [{"QueueId": "...", "Channel": "VOICE", "Priority": 1, "Delay": 0}]},
//!   "AgentStatuses": [{"Name": "Break", "Type": "CUSTOM"}],
//!   "SecurityProfilePermissions": {"<security profile id>": ["Users.View"]},
//!   "CurrentUserData": [{"User": {"Id": "..."}, "Status": {"StatusName": "Offline"}}],
//!   "DeniedOperations": ["DescribeUser"]
//! }],
//! "Throttle": {"Rate": "2/5", "Scope": "operation", "Operations": {"ListUsers": "10/15"}}}
//! ```
//!
//! `Throttle` is optional and mirrors `--throttle`: `Rate` the quota of every operation
//! (`"RATE[/BURST]"` or a number of requests a second, burst 5), `Scope` `operation` (the
//! default) or `account`, `Operations` per-operation quotas. The command line wins.
//!
//! `CurrentUserData` pins users' live state (GetCurrentUserData's `UserData` shape; see
//! `mock/live`); every other user's state follows a schedule drawn from `--seed` and the
//! clock. Without `AgentStatuses` an instance has Connect's two built-in ones, `Available`
//! and `Offline`.
//!
//! Whole `describe-*` outputs are accepted in the lists too (`{"User": {...}}` as
//! `aws connect describe-user` prints it), so pasting needs no editing.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::mock::throttle::ThrottleSettings;
use crate::model::{
    AgentStatusSummary, HierarchyPath, HierarchyStructure, Instance, Queue, RoutingProfile,
    RoutingProfileQueueConfigSummary, SecurityProfile, Tags, Timestamp, User, UserData,
    UserProficiency,
};

// The wrappers refuse unknown members so a misspelt section ("RoutingProfile") is an error
// rather than silently empty; the API shapes inside stay lenient like the AWS CLI's output.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DataFile {
    pub instances: Vec<InstanceEntry>,
    /// Throttling, under the command line's `--throttle` flags.
    #[serde(default)]
    pub throttle: Option<ThrottleSettings>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct InstanceEntry {
    pub instance: Instance,
    #[serde(default)]
    pub users: Vec<User>,
    #[serde(default)]
    pub routing_profiles: Vec<RoutingProfile>,
    #[serde(default)]
    pub security_profiles: Vec<SecurityProfile>,
    #[serde(default)]
    pub hierarchy_structure: Option<HierarchyStructure>,
    #[serde(default)]
    pub hierarchy_groups: Vec<HierarchyGroupEntry>,
    /// Proficiencies by user ID (ListUserProficiencies has no place in the `User` shape).
    #[serde(default)]
    pub user_proficiencies: BTreeMap<String, Vec<UserProficiency>>,
    #[serde(default)]
    pub queues: Vec<Queue>,
    /// Each routing profile's queues by routing profile ID (`QueueArn` and `QueueName` are
    /// filled in from `Queues`).
    #[serde(default)]
    pub routing_profile_queues: BTreeMap<String, Vec<RoutingProfileQueueConfigSummary>>,
    #[serde(default)]
    pub agent_statuses: Option<Vec<AgentStatusSummary>>,
    /// Permission names by security profile ID.
    #[serde(default)]
    pub security_profile_permissions: BTreeMap<String, Vec<String>>,
    /// Users whose live state is fixed rather than scheduled.
    #[serde(default)]
    pub current_user_data: Vec<UserData>,
    /// Operations answered with 403 AccessDeniedException on this instance (e.g.
    /// `["DescribeUser"]`): how a caller whose IAM policy lacks those actions sees it.
    #[serde(default)]
    pub denied_operations: Vec<String>,
}

/// A `HierarchyGroup` as DescribeUserHierarchyGroup returns it, plus `ParentGroupId` (as in
/// CreateUserHierarchyGroup) so a hand-written file need not spell out every `HierarchyPath`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct HierarchyGroupEntry {
    pub id: Option<String>,
    pub arn: Option<String>,
    pub name: Option<String>,
    pub level_id: Option<String>,
    pub hierarchy_path: Option<HierarchyPath>,
    pub parent_group_id: Option<String>,
    pub tags: Option<Tags>,
    pub last_modified_time: Option<Timestamp>,
    pub last_modified_region: Option<String>,
}

/// The wrapper member each list's `describe-*` output has (`describe-user` → `{"User": ...}`).
const PASTED_WRAPPERS: [(&str, &str); 6] = [
    ("Queues", "Queue"),
    ("Users", "User"),
    ("RoutingProfiles", "RoutingProfile"),
    ("SecurityProfiles", "SecurityProfile"),
    ("HierarchyGroups", "HierarchyGroup"),
    ("HierarchyStructure", "HierarchyStructure"),
];

/// Replaces pasted `describe-*` outputs by the object they wrap, in every instance entry.
pub fn unwrap_pasted_outputs(file: &mut serde_json::Value) {
    let Some(instances) = file.get_mut("Instances").and_then(|v| v.as_array_mut()) else {
        return;
    };
    for entry in instances.iter_mut().filter_map(|e| e.as_object_mut()) {
        for (section, wrapper) in PASTED_WRAPPERS {
            match entry.get_mut(section) {
                Some(serde_json::Value::Array(items)) => {
                    items.iter_mut().for_each(|item| unwrap(item, wrapper))
                }
                Some(item) => unwrap(item, wrapper),
                None => {}
            }
        }
    }
}

fn unwrap(item: &mut serde_json::Value, wrapper: &str) {
    if let Some(object) = item.as_object_mut()
        && object.len() == 1
        && let Some(inner) = object.remove(wrapper)
    {
        *item = inner;
    }
}
