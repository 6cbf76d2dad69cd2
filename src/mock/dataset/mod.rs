//! The data the endpoint serves: read from a `--data` file or the embedded demo set, checked,
//! completed (ARNs, timestamps, hierarchy paths, counts) and indexed once at start-up, then
//! shared read-only by every request — nothing is copied per request.

mod build;
mod error;
mod file;
mod hierarchy;
mod routing;

use std::collections::HashMap;
use std::path::Path;

pub use error::DataError;
pub use file::{DataFile, InstanceEntry};

#[cfg(test)]
mod tests;

use crate::model::{
    AgentStatusSummary, HierarchyGroup, HierarchyStructure, Instance, Queue, RoutingProfile,
    RoutingProfileQueueConfigSummary, SecurityProfile, Tags, User, UserData, UserProficiency,
    UserSummary,
};

/// Items in serving order plus an index by ID.
#[derive(Debug, Default)]
pub struct Indexed<T> {
    items: Vec<T>,
    by_id: HashMap<String, usize>,
}

impl<T> Indexed<T> {
    fn new(items: Vec<T>, id_of: impl Fn(&T) -> &str) -> Self {
        let by_id = items
            .iter()
            .enumerate()
            .map(|(i, item)| (id_of(item).to_string(), i))
            .collect();
        Indexed { items, by_id }
    }

    pub fn all(&self) -> &[T] {
        &self.items
    }

    pub fn get(&self, id: &str) -> Option<&T> {
        self.by_id.get(id).map(|&i| &self.items[i])
    }
}

/// One instance and everything in it.
#[derive(Debug)]
pub struct InstanceData {
    pub instance: Instance,
    pub users: Indexed<User>,
    /// Each user's `UserSummary` as JSON, in `users` order: ListUsers pages copy these.
    pub user_summaries: Vec<Box<str>>,
    pub routing_profiles: Indexed<RoutingProfile>,
    pub security_profiles: Indexed<SecurityProfile>,
    pub hierarchy_groups: Indexed<HierarchyGroup>,
    pub hierarchy_structure: HierarchyStructure,
    pub proficiencies: HashMap<String, Vec<UserProficiency>>,
    /// Standard queues (the file's `Queues`).
    pub queues: Indexed<Queue>,
    /// Queue configs by routing profile ID.
    pub routing_profile_queues: HashMap<String, Vec<RoutingProfileQueueConfigSummary>>,
    pub agent_statuses: Indexed<AgentStatusSummary>,
    /// Permission names by security profile ID.
    pub permissions: HashMap<String, Vec<String>>,
    /// Live states the file fixes, by user ID (everyone else follows `mock/live`'s schedule).
    pub pinned_live: HashMap<String, UserData>,
    /// Operations answered with 403 AccessDeniedException (the data file's `DeniedOperations`).
    pub denied_operations: Vec<String>,
}

impl InstanceData {
    pub fn id(&self) -> &str {
        self.instance.id.as_deref().unwrap_or_default()
    }
}

/// A user as ListUsers lists it.
pub fn user_summary(user: &User) -> UserSummary {
    UserSummary {
        id: user.id.clone(),
        arn: user.arn.clone(),
        username: user.username.clone(),
        last_modified_time: user.last_modified_time,
        last_modified_region: user.last_modified_region.clone(),
    }
}

/// Everything served.
#[derive(Debug)]
pub struct Dataset {
    instances: Indexed<InstanceData>,
    /// Tags of every taggable resource by ARN (ListTagsForResource).
    tags_by_arn: HashMap<String, Tags>,
}

impl Dataset {
    pub fn instances(&self) -> &[InstanceData] {
        self.instances.all()
    }

    pub fn instance(&self, id: &str) -> Option<&InstanceData> {
        self.instances.get(id)
    }

    pub fn tags(&self, arn: &str) -> Option<&Tags> {
        self.tags_by_arn.get(arn)
    }

    /// Checks and completes an already parsed data file.
    pub fn from_file(file: DataFile, origin: &str) -> Result<Dataset, DataError> {
        build::build(file).map_err(|e| e.in_origin(origin))
    }
}

/// Parses a data file's text, naming the JSON path of the first problem.
pub fn parse(text: &str, origin: &str) -> Result<DataFile, DataError> {
    let mut value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| DataError::at("", format!("not valid JSON: {e}")).in_origin(origin))?;
    file::unwrap_pasted_outputs(&mut value);
    let file: DataFile = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        DataError::at(path, e.into_inner().to_string()).in_origin(origin)
    })?;
    if let Some((op, why)) = file.throttle.as_ref().and_then(|t| t.unknown_operation()) {
        return Err(DataError::at(format!("Throttle.Operations.{op}"), why).in_origin(origin));
    }
    Ok(file)
}

/// Reads and parses a data file from disk.
pub fn read(path: &Path) -> Result<DataFile, DataError> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        DataError::at(String::new(), format!("cannot read the file: {e}")).in_origin(&origin)
    })?;
    parse(&text, &origin)
}
