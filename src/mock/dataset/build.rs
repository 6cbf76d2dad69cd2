//! Checks a parsed data file and completes it the way the service would present it: ARNs
//! from the instance ARN, timestamps and regions, and the routing profiles' user counts (the
//! hierarchy is completed in `hierarchy.rs`). Errors name the JSON path of the offending member.

use std::collections::{HashMap, HashSet};

use super::file::{DataFile, InstanceEntry};
use super::hierarchy::{complete_groups, complete_structure};
use super::routing;
use super::{DataError, Dataset, Indexed, InstanceData, user_summary};
use crate::model::{Instance, Tags, Timestamp, User};

const DEFAULT_REGION: &str = "us-west-2";
const DEFAULT_ACCOUNT: &str = "123456789012";
/// Timestamps a data file leaves out: 2024-01-15T09:00:00Z, fixed so output is reproducible.
pub(super) const DEFAULT_TIME: Timestamp = Timestamp(1_705_309_200.0);

pub(super) fn build(file: DataFile) -> Result<Dataset, DataError> {
    if file.instances.is_empty() {
        return Err(DataError::at(
            "Instances",
            "no instances: at least one is needed",
        ));
    }
    let mut instances = Vec::with_capacity(file.instances.len());
    let mut seen = HashSet::new();
    for (i, entry) in file.instances.into_iter().enumerate() {
        let data = build_instance(entry, &format!("Instances[{i}]"))?;
        if !seen.insert(data.id().to_string()) {
            let message = format!("duplicate instance Id `{}`", data.id());
            return Err(DataError::at(
                format!("Instances[{i}].Instance.Id"),
                message,
            ));
        }
        instances.push(data);
    }
    let tags_by_arn = collect_tags(&instances);
    Ok(Dataset {
        instances: Indexed::new(instances, |i| i.id()),
        tags_by_arn,
    })
}

/// Where the instance lives: its ARN, region and account.
pub(super) struct Home {
    pub instance_arn: String,
    pub region: String,
}

impl Home {
    pub fn arn(&self, kind: &str, id: &str) -> String {
        format!("{}/{kind}/{id}", self.instance_arn)
    }
}

pub(super) fn required<'a>(value: &'a Option<String>, path: &str) -> Result<&'a str, DataError> {
    match value.as_deref() {
        Some(text) if !text.is_empty() => Ok(text),
        _ => Err(DataError::at(path, "missing: this member is required")),
    }
}

fn build_instance(entry: InstanceEntry, at: &str) -> Result<InstanceData, DataError> {
    let (instance, home) = complete_instance(entry.instance, &format!("{at}.Instance"))?;
    let stamp = |time: &mut Option<Timestamp>, region: &mut Option<String>| {
        time.get_or_insert(DEFAULT_TIME);
        region.get_or_insert_with(|| home.region.clone());
    };

    let mut security_profiles = Vec::with_capacity(entry.security_profiles.len());
    for (i, mut p) in entry.security_profiles.into_iter().enumerate() {
        let id = required(&p.id, &format!("{at}.SecurityProfiles[{i}].Id"))?.to_string();
        required(
            &p.security_profile_name,
            &format!("{at}.SecurityProfiles[{i}].SecurityProfileName"),
        )?;
        p.arn
            .get_or_insert_with(|| home.arn("security-profile", &id));
        p.organization_resource_id
            .get_or_insert_with(|| instance.id.clone().unwrap_or_default());
        stamp(&mut p.last_modified_time, &mut p.last_modified_region);
        security_profiles.push(p);
    }
    let security_profiles = unique(
        security_profiles,
        |p| p.id.as_deref(),
        &format!("{at}.SecurityProfiles"),
    )?;

    let users = complete_users(entry.users, &home, at)?;
    let queues = routing::complete_queues(entry.queues, &home, at)?;

    let mut routing_profiles = Vec::with_capacity(entry.routing_profiles.len());
    for (i, mut p) in entry.routing_profiles.into_iter().enumerate() {
        let id = required(
            &p.routing_profile_id,
            &format!("{at}.RoutingProfiles[{i}].RoutingProfileId"),
        )?
        .to_string();
        required(&p.name, &format!("{at}.RoutingProfiles[{i}].Name"))?;
        p.routing_profile_arn
            .get_or_insert_with(|| home.arn("routing-profile", &id));
        p.instance_id
            .get_or_insert_with(|| instance.id.clone().unwrap_or_default());
        p.number_of_associated_users.get_or_insert_with(|| {
            let count = users
                .all()
                .iter()
                .filter(|u| u.routing_profile_id.as_deref() == Some(&id))
                .count();
            count as i64
        });
        stamp(&mut p.last_modified_time, &mut p.last_modified_region);
        routing::complete_profile(
            &mut p,
            entry.routing_profile_queues.get(&id),
            &format!("{at}.RoutingProfiles[{i}]"),
        )?;
        routing_profiles.push(p);
    }
    let routing_profiles = unique(
        routing_profiles,
        |p| p.routing_profile_id.as_deref(),
        &format!("{at}.RoutingProfiles"),
    )?;

    let routing_profile_queues = routing::complete_queue_configs(
        entry.routing_profile_queues,
        &routing_profiles,
        &queues,
        at,
    )?;
    let agent_statuses = routing::complete_agent_statuses(entry.agent_statuses, &home, at)?;
    for profile_id in entry.security_profile_permissions.keys() {
        if security_profiles.get(profile_id).is_none() {
            return Err(DataError::at(
                format!("{at}.SecurityProfilePermissions.{profile_id}"),
                format!("no security profile with Id `{profile_id}` in this instance"),
            ));
        }
    }
    let pinned_live = routing::check_pinned(
        entry.current_user_data,
        &users,
        &agent_statuses,
        &queues,
        at,
    )?;

    let hierarchy_structure =
        complete_structure(entry.hierarchy_structure.unwrap_or_default(), &home, at)?;
    let hierarchy_groups = complete_groups(entry.hierarchy_groups, &home, at)?;

    for user_id in entry.user_proficiencies.keys() {
        if users.get(user_id).is_none() {
            return Err(DataError::at(
                format!("{at}.UserProficiencies.{user_id}"),
                format!("no user with Id `{user_id}` in this instance"),
            ));
        }
    }

    let user_summaries = users
        .all()
        .iter()
        .map(|u| serde_json::to_string(&user_summary(u)).map(String::into_boxed_str))
        .collect::<Result<_, _>>()
        .map_err(|e| DataError::at(format!("{at}.Users"), e.to_string()))?;

    for (i, op) in entry.denied_operations.iter().enumerate() {
        if !crate::mock::SERVED_OPERATIONS.contains(&op.as_str()) {
            return Err(DataError::at(
                format!("{at}.DeniedOperations[{i}]"),
                format!("`{op}` is not an operation this endpoint serves"),
            ));
        }
    }

    Ok(InstanceData {
        instance,
        users,
        user_summaries,
        routing_profiles,
        security_profiles,
        hierarchy_groups,
        hierarchy_structure,
        proficiencies: entry.user_proficiencies.into_iter().collect(),
        queues,
        routing_profile_queues,
        agent_statuses,
        permissions: entry.security_profile_permissions.into_iter().collect(),
        pinned_live,
        denied_operations: entry.denied_operations,
    })
}

fn complete_instance(mut instance: Instance, at: &str) -> Result<(Instance, Home), DataError> {
    let id = required(&instance.id, &format!("{at}.Id"))?.to_string();
    // `arn:aws:connect:REGION:ACCOUNT:instance/ID`: region and account come from a given ARN.
    let (region, account) = match instance.arn.as_deref() {
        Some(arn) => {
            let parts: Vec<&str> = arn.split(':').collect();
            match parts.as_slice() {
                ["arn", _, "connect", region, account, _] if !region.is_empty() => {
                    (region.to_string(), account.to_string())
                }
                _ => {
                    return Err(DataError::at(
                        format!("{at}.Arn"),
                        format!("`{arn}` is not a Connect instance ARN"),
                    ));
                }
            }
        }
        None => (DEFAULT_REGION.to_string(), DEFAULT_ACCOUNT.to_string()),
    };
    let instance_arn = instance
        .arn
        .get_or_insert_with(|| format!("arn:aws:connect:{region}:{account}:instance/{id}"))
        .clone();
    instance
        .identity_management_type
        .get_or_insert_with(|| "CONNECT_MANAGED".into());
    instance.created_time.get_or_insert(DEFAULT_TIME);
    instance
        .instance_status
        .get_or_insert_with(|| "ACTIVE".into());
    instance.inbound_calls_enabled.get_or_insert(true);
    instance.outbound_calls_enabled.get_or_insert(true);
    instance.service_role.get_or_insert_with(|| {
        format!("arn:aws:iam::{account}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect")
    });
    if let Some(alias) = instance.instance_alias.clone() {
        instance
            .instance_access_url
            .get_or_insert_with(|| format!("https://{alias}.my.connect.aws"));
    }
    Ok((
        instance,
        Home {
            instance_arn,
            region,
        },
    ))
}

fn complete_users(users: Vec<User>, home: &Home, at: &str) -> Result<Indexed<User>, DataError> {
    let mut usernames = HashSet::with_capacity(users.len());
    let mut completed = Vec::with_capacity(users.len());
    for (i, mut user) in users.into_iter().enumerate() {
        let id = required(&user.id, &format!("{at}.Users[{i}].Id"))?.to_string();
        let username = required(&user.username, &format!("{at}.Users[{i}].Username"))?;
        // Connect user names are unique per instance regardless of case.
        if !usernames.insert(username.to_lowercase()) {
            return Err(DataError::at(
                format!("{at}.Users[{i}].Username"),
                format!("duplicate Username `{username}`"),
            ));
        }
        user.arn.get_or_insert_with(|| home.arn("agent", &id));
        user.last_modified_time.get_or_insert(DEFAULT_TIME);
        user.last_modified_region
            .get_or_insert_with(|| home.region.clone());
        completed.push(user);
    }
    unique(completed, |u| u.id.as_deref(), &format!("{at}.Users"))
}

/// Indexes `items` by ID, refusing duplicates.
pub(super) fn unique<T>(
    items: Vec<T>,
    id_of: impl Fn(&T) -> Option<&str>,
    at: &str,
) -> Result<Indexed<T>, DataError> {
    let mut seen = HashSet::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let id = id_of(item).unwrap_or_default();
        if !seen.insert(id) {
            return Err(DataError::at(
                format!("{at}[{i}]"),
                format!("duplicate Id `{id}`"),
            ));
        }
    }
    Ok(Indexed::new(items, move |item| {
        id_of(item).unwrap_or_default()
    }))
}

fn collect_tags(instances: &[InstanceData]) -> HashMap<String, Tags> {
    let mut tags = HashMap::new();
    let mut add = |arn: &Option<String>, t: &Option<Tags>| {
        if let Some(arn) = arn {
            tags.insert(arn.clone(), t.clone().unwrap_or_default());
        }
    };
    for data in instances {
        add(&data.instance.arn, &data.instance.tags);
        for u in data.users.all() {
            add(&u.arn, &u.tags);
        }
        for p in data.routing_profiles.all() {
            add(&p.routing_profile_arn, &p.tags);
        }
        for p in data.security_profiles.all() {
            add(&p.arn, &p.tags);
        }
        for g in data.hierarchy_groups.all() {
            add(&g.arn, &g.tags);
        }
        for q in data.queues.all() {
            add(&q.queue_arn, &q.tags);
        }
    }
    tags
}
