//! Completing what routing and live state need: queues (ARNs, status, timestamps), each
//! routing profile's queue configs (queue ARN and name from the queue), the routing
//! profiles' counts and concurrency, agent statuses (Connect's built-in two when the file
//! has none), security profile permissions and pinned live states (checked against users,
//! statuses and queues; their clock-dependent members are filled when served).

use std::collections::{BTreeMap, HashMap};

use super::build::{DEFAULT_TIME, Home, required};
use super::{DataError, Indexed};
use crate::mock::ids::derived_uuid;
use crate::model::{
    AgentStatusSummary, Queue, RoutingProfile, RoutingProfileQueueConfigSummary, User, UserData,
};

pub(super) const CHANNELS: [&str; 4] = ["VOICE", "CHAT", "TASK", "EMAIL"];

pub(super) fn complete_queues(
    queues: Vec<Queue>,
    home: &Home,
    at: &str,
) -> Result<Indexed<Queue>, DataError> {
    let mut completed = Vec::with_capacity(queues.len());
    for (i, mut q) in queues.into_iter().enumerate() {
        let id = required(&q.queue_id, &format!("{at}.Queues[{i}].QueueId"))?.to_string();
        required(&q.name, &format!("{at}.Queues[{i}].Name"))?;
        q.queue_arn.get_or_insert_with(|| home.arn("queue", &id));
        q.status.get_or_insert_with(|| "ENABLED".into());
        q.last_modified_time.get_or_insert(DEFAULT_TIME);
        q.last_modified_region
            .get_or_insert_with(|| home.region.clone());
        completed.push(q);
    }
    super::build::unique(
        completed,
        |q| q.queue_id.as_deref(),
        &format!("{at}.Queues"),
    )
}

/// Checks each config against the queues and the model's bounds, and names its queue.
pub(super) fn complete_queue_configs(
    configs: BTreeMap<String, Vec<RoutingProfileQueueConfigSummary>>,
    profiles: &Indexed<RoutingProfile>,
    queues: &Indexed<Queue>,
    at: &str,
) -> Result<HashMap<String, Vec<RoutingProfileQueueConfigSummary>>, DataError> {
    let mut out = HashMap::with_capacity(configs.len());
    for (profile_id, list) in configs {
        let here = format!("{at}.RoutingProfileQueues.{profile_id}");
        if profiles.get(&profile_id).is_none() {
            return Err(DataError::at(
                here,
                format!("no routing profile with Id `{profile_id}` in this instance"),
            ));
        }
        let mut completed = Vec::with_capacity(list.len());
        for (i, mut c) in list.into_iter().enumerate() {
            let queue_id = required(&c.queue_id, &format!("{here}[{i}].QueueId"))?;
            let queue = queues.get(queue_id).ok_or_else(|| {
                DataError::at(
                    format!("{here}[{i}].QueueId"),
                    format!("no queue with QueueId `{queue_id}` in this instance"),
                )
            })?;
            let channel = required(&c.channel, &format!("{here}[{i}].Channel"))?;
            channel_known(channel, &format!("{here}[{i}].Channel"))?;
            let priority = c.priority.get_or_insert(1);
            in_range(*priority, 1, 99, &format!("{here}[{i}].Priority"))?;
            let delay = c.delay.get_or_insert(0);
            in_range(*delay, 0, 9999, &format!("{here}[{i}].Delay"))?;
            c.queue_arn = queue.queue_arn.clone();
            c.queue_name = queue.name.clone();
            completed.push(c);
        }
        out.insert(profile_id, completed);
    }
    Ok(out)
}

/// The members DescribeRoutingProfile always carries, derived from the queue configs when
/// the file does not say: queue counts and IDs, concurrency checked against the model.
pub(super) fn complete_profile(
    profile: &mut RoutingProfile,
    configs: Option<&Vec<RoutingProfileQueueConfigSummary>>,
    at: &str,
) -> Result<(), DataError> {
    let mut queue_ids: Vec<String> = Vec::new();
    for c in configs.into_iter().flatten() {
        if let Some(id) = &c.queue_id
            && !queue_ids.contains(id)
        {
            queue_ids.push(id.clone());
        }
    }
    profile
        .number_of_associated_queues
        .get_or_insert(queue_ids.len() as i64);
    profile.associated_queue_ids.get_or_insert(queue_ids);
    profile
        .number_of_associated_manual_assignment_queues
        .get_or_insert(0);
    profile
        .agent_availability_timer
        .get_or_insert_with(|| "TIME_SINCE_LAST_ACTIVITY".into());
    profile.is_default.get_or_insert(false);
    // Connect requires a concurrency for at least voice; a profile without any takes one call.
    let concurrencies = profile.media_concurrencies.get_or_insert_with(|| {
        vec![crate::model::MediaConcurrency {
            channel: Some("VOICE".into()),
            concurrency: Some(1),
            cross_channel_behavior: None,
        }]
    });
    for (i, m) in concurrencies.iter_mut().enumerate() {
        let here = format!("{at}.MediaConcurrencies[{i}]");
        channel_known(required(&m.channel, &format!("{here}.Channel"))?, &here)?;
        in_range(
            m.concurrency.unwrap_or(0),
            1,
            10,
            &format!("{here}.Concurrency"),
        )?;
        m.cross_channel_behavior
            .get_or_insert_with(|| crate::model::CrossChannelBehavior {
                behavior_type: Some("ROUTE_CURRENT_CHANNEL_ONLY".into()),
            });
    }
    Ok(())
}

pub(super) fn complete_agent_statuses(
    statuses: Option<Vec<AgentStatusSummary>>,
    home: &Home,
    at: &str,
) -> Result<Indexed<AgentStatusSummary>, DataError> {
    let statuses = statuses.unwrap_or_else(|| {
        [("Available", "ROUTABLE"), ("Offline", "OFFLINE")]
            .into_iter()
            .map(|(name, kind)| AgentStatusSummary {
                name: Some(name.into()),
                r#type: Some(kind.into()),
                ..AgentStatusSummary::default()
            })
            .collect()
    });
    let mut completed = Vec::with_capacity(statuses.len());
    for (i, mut s) in statuses.into_iter().enumerate() {
        let name = required(&s.name, &format!("{at}.AgentStatuses[{i}].Name"))?.to_string();
        let kind = s.r#type.get_or_insert_with(|| "CUSTOM".into());
        if !["ROUTABLE", "CUSTOM", "OFFLINE"].contains(&kind.as_str()) {
            return Err(DataError::at(
                format!("{at}.AgentStatuses[{i}].Type"),
                format!("`{kind}` is not ROUTABLE, CUSTOM or OFFLINE"),
            ));
        }
        let id =
            s.id.get_or_insert_with(|| {
                derived_uuid(&format!("{}/agent-state/{name}", home.instance_arn))
            })
            .clone();
        s.arn.get_or_insert_with(|| home.arn("agent-state", &id));
        s.last_modified_time.get_or_insert(DEFAULT_TIME);
        s.last_modified_region
            .get_or_insert_with(|| home.region.clone());
        completed.push(s);
    }
    super::build::unique(
        completed,
        |s| s.id.as_deref(),
        &format!("{at}.AgentStatuses"),
    )
}

/// Pinned live states by user ID, checked against what they refer to.
pub(super) fn check_pinned(
    pinned: Vec<UserData>,
    users: &Indexed<User>,
    statuses: &Indexed<AgentStatusSummary>,
    queues: &Indexed<Queue>,
    at: &str,
) -> Result<HashMap<String, UserData>, DataError> {
    let mut out = HashMap::with_capacity(pinned.len());
    for (i, data) in pinned.into_iter().enumerate() {
        let here = format!("{at}.CurrentUserData[{i}]");
        let id = data.user.as_ref().and_then(|u| u.id.clone());
        let id = required(&id, &format!("{here}.User.Id"))?.to_string();
        if users.get(&id).is_none() {
            return Err(DataError::at(
                format!("{here}.User.Id"),
                format!("no user with Id `{id}` in this instance"),
            ));
        }
        for name in [
            data.status.as_ref().and_then(|s| s.status_name.as_ref()),
            data.next_status.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            if !statuses.all().iter().any(|s| s.name.as_ref() == Some(name)) {
                return Err(DataError::at(
                    format!("{here}.Status.StatusName"),
                    format!("no agent status named `{name}` in this instance"),
                ));
            }
        }
        for (j, contact) in data.contacts.iter().flatten().enumerate() {
            let channel = required(&contact.channel, &format!("{here}.Contacts[{j}].Channel"))?;
            channel_known(channel, &format!("{here}.Contacts[{j}].Channel"))?;
            if let Some(queue) = contact.queue.as_ref().and_then(|q| q.id.as_deref())
                && queues.get(queue).is_none()
            {
                return Err(DataError::at(
                    format!("{here}.Contacts[{j}].Queue.Id"),
                    format!("no queue with QueueId `{queue}` in this instance"),
                ));
            }
        }
        if out.insert(id.clone(), data).is_some() {
            return Err(DataError::at(here, format!("user `{id}` is pinned twice")));
        }
    }
    Ok(out)
}

fn channel_known(channel: &str, at: &str) -> Result<(), DataError> {
    if CHANNELS.contains(&channel) {
        Ok(())
    } else {
        Err(DataError::at(
            at,
            format!("`{channel}` is not a channel (VOICE, CHAT, TASK or EMAIL)"),
        ))
    }
}

fn in_range(value: i32, min: i32, max: i32, at: &str) -> Result<(), DataError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(DataError::at(
            at,
            format!("{value} is out of range: expected {min} to {max}"),
        ))
    }
}
