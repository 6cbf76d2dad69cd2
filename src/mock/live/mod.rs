//! Live agent state for GetCurrentUserData, from `--seed` and the clock.
//!
//! Users a data file pins (`CurrentUserData`) keep that state; the clock-dependent members
//! it leaves out are filled from the server's start time, so their durations grow as a run
//! goes on. Everyone else follows a schedule: time is cut into [`WINDOW_SECS`] windows and
//! each user holds a state for one to six windows (the length and phase drawn from the seed
//! and the user's ID), so a run shows movement while two calls in one window agree. A state
//! is one of: logged out (absent from the answer), Offline, a custom status, Available and
//! idle, on contacts of one channel the routing profile takes, or in After Contact Work
//! (Available with the contact `ENDED`).

use super::dataset::InstanceData;
use super::ids::{derived_uuid, fnv1a};
use crate::model::{
    AgentContactReference, AgentStatusReference, AgentStatusSummary, ChannelCounts,
    HierarchyPathReference, NamedSummary, Reference, RoutingProfile, Timestamp, User, UserData,
};

/// How often scheduled states may change.
pub const WINDOW_SECS: u64 = 30;

/// How long a contact in After Contact Work had been connected before it ended.
const CALL_BEFORE_ACW_SECS: f64 = 240.0;

/// What the live state depends on besides the data.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    /// Epoch seconds now.
    pub now: f64,
    /// Epoch seconds when the server started (anchors pinned states' timestamps).
    pub started: f64,
    pub seed: u64,
}

/// `user`'s live state now, or `None` when the user is not logged in.
pub fn user_data(instance: &InstanceData, user: &User, clock: &Clock) -> Option<UserData> {
    let id = user.id.as_deref().unwrap_or_default();
    let (data, since) = match instance.pinned_live.get(id) {
        Some(pinned) => {
            // A per-user offset, so pinned users did not all change state at the same time.
            let offset = (fnv1a(id.as_bytes()) % 50 + 5) as f64 * 60.0;
            (pinned.clone(), (clock.started - offset).floor())
        }
        None => scheduled(instance, user, clock)?,
    };
    Some(complete(instance, user, data, since))
}

/// One scheduled state and the time it began; `None` = logged out.
fn scheduled(instance: &InstanceData, user: &User, clock: &Clock) -> Option<(UserData, f64)> {
    let id = user.id.as_deref().unwrap_or_default();
    let key = fnv1a(format!("{}/{id}", clock.seed).as_bytes());
    let windows = 1 + key % 6;
    let length = windows * WINDOW_SECS;
    let phase = ((key >> 8) % windows) * WINDOW_SECS;
    let now = clock.now.max(0.0) as u64;
    let segment = (now + phase) / length;
    let start = (segment * length).saturating_sub(phase) as f64;
    let roll = fnv1a(format!("{}/{id}/{segment}", clock.seed).as_bytes());
    let status = |kind: &str| status_named(instance, kind, roll);
    let mut data = UserData::default();
    match roll % 100 {
        0..15 => return None,
        15..27 => data.status = status("OFFLINE"),
        27..37 => data.status = status("CUSTOM").or_else(|| status("OFFLINE")),
        37..62 => data.status = status("ROUTABLE"),
        pick => {
            data.status = status("ROUTABLE");
            let after_work = pick >= 87;
            data.contacts = Some(contacts(instance, user, roll, start, after_work));
            if roll.is_multiple_of(7) {
                data.next_status = status("OFFLINE").and_then(|s| s.status_name);
            }
        }
    }
    Some((data, start))
}

fn status_named(instance: &InstanceData, kind: &str, roll: u64) -> Option<AgentStatusReference> {
    let matching: Vec<&AgentStatusSummary> = instance
        .agent_statuses
        .all()
        .iter()
        .filter(|s| s.r#type.as_deref() == Some(kind))
        .collect();
    let chosen = matching.get((roll >> 16) as usize % matching.len().max(1))?;
    Some(AgentStatusReference {
        status_name: chosen.name.clone(),
        ..AgentStatusReference::default()
    })
}

/// Contacts on one channel of the user's routing profile (as many as its concurrency allows,
/// at most two), from queues the profile serves on that channel.
fn contacts(
    instance: &InstanceData,
    user: &User,
    roll: u64,
    start: f64,
    after_work: bool,
) -> Vec<AgentContactReference> {
    let profile_id = user.routing_profile_id.as_deref().unwrap_or_default();
    let configs = instance
        .routing_profile_queues
        .get(profile_id)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let Some(config) = configs.get((roll >> 24) as usize % configs.len().max(1)) else {
        return Vec::new();
    };
    let channel = config.channel.clone().unwrap_or_default();
    let concurrency = profile(instance, user)
        .and_then(|p| p.media_concurrencies.as_ref())
        .and_then(|list| list.iter().find(|m| m.channel.as_ref() == Some(&channel)))
        .and_then(|m| m.concurrency)
        .unwrap_or(1);
    let count = if after_work || channel == "VOICE" {
        1
    } else {
        concurrency.clamp(1, 2)
    };
    (0..count)
        .map(|n| {
            let connected = start + 4.0 + f64::from(n) * 20.0;
            let state = match (after_work, channel.as_str(), roll >> 32 & 3) {
                (true, _, _) => "ENDED",
                (false, "VOICE", 0) => "CONNECTED_ONHOLD",
                _ => "CONNECTED",
            };
            AgentContactReference {
                contact_id: Some(derived_uuid(&format!(
                    "{}/{start}/{n}",
                    user.id.as_deref().unwrap_or_default()
                ))),
                channel: Some(channel.clone()),
                initiation_method: Some("INBOUND".into()),
                agent_contact_state: Some(state.into()),
                // After Contact Work began when the contact ended: the call came before.
                state_start_timestamp: Some(Timestamp(connected)),
                connected_to_agent_timestamp: Some(Timestamp(if after_work {
                    connected - CALL_BEFORE_ACW_SECS
                } else {
                    connected
                })),
                queue: Some(Reference {
                    id: config.queue_id.clone(),
                    arn: None,
                }),
            }
        })
        .collect()
}

fn profile<'a>(instance: &'a InstanceData, user: &User) -> Option<&'a RoutingProfile> {
    instance
        .routing_profiles
        .get(user.routing_profile_id.as_deref()?)
}

/// Fills what follows from the data: references, ARNs, timestamps and slots.
fn complete(instance: &InstanceData, user: &User, mut data: UserData, since: f64) -> UserData {
    data.user = Some(Reference {
        id: user.id.clone(),
        arn: user.arn.clone(),
    });
    let profile = profile(instance, user);
    data.routing_profile = profile.map(|p| Reference {
        id: p.routing_profile_id.clone(),
        arn: p.routing_profile_arn.clone(),
    });
    data.hierarchy_path = hierarchy_path(instance, user);
    let status = data.status.get_or_insert_with(|| AgentStatusReference {
        status_name: Some("Available".into()),
        ..AgentStatusReference::default()
    });
    let summary = instance
        .agent_statuses
        .all()
        .iter()
        .find(|s| s.name.is_some() && s.name == status.status_name);
    status
        .status_start_timestamp
        .get_or_insert(Timestamp(since));
    if status.status_arn.is_none() {
        status.status_arn = summary.and_then(|s| s.arn.clone());
    }
    let routable = summary.and_then(|s| s.r#type.as_deref()) == Some("ROUTABLE");
    let contacts = data.contacts.get_or_insert_with(Vec::new);
    for (n, contact) in contacts.iter_mut().enumerate() {
        let at = Timestamp(since + 4.0 + n as f64 * 20.0);
        contact.contact_id.get_or_insert_with(|| {
            derived_uuid(&format!(
                "{}/pinned/{n}",
                user.id.as_deref().unwrap_or_default()
            ))
        });
        contact
            .initiation_method
            .get_or_insert_with(|| "INBOUND".into());
        contact
            .agent_contact_state
            .get_or_insert_with(|| "CONNECTED".into());
        contact.state_start_timestamp.get_or_insert(at);
        let ended = contact.agent_contact_state.as_deref() == Some("ENDED");
        contact
            .connected_to_agent_timestamp
            .get_or_insert(if ended {
                Timestamp(at.0 - CALL_BEFORE_ACW_SECS)
            } else {
                at
            });
        if let Some(queue) = contact.queue.as_mut()
            && queue.arn.is_none()
        {
            queue.arn = queue
                .id
                .as_deref()
                .and_then(|id| instance.queues.get(id))
                .and_then(|q| q.queue_arn.clone());
        }
    }
    let (max, active, available) = slots(profile, contacts, routable);
    data.max_slots_by_channel.get_or_insert(max);
    data.active_slots_by_channel.get_or_insert(active);
    data.available_slots_by_channel.get_or_insert(available);
    data
}

/// Maximum slots from the profile's concurrency, active ones from the contacts (a contact in
/// After Contact Work still holds its slot), available ones what is left — none outside a
/// routable status, and none on other channels while a contact of a
/// `ROUTE_CURRENT_CHANNEL_ONLY` channel is in progress.
fn slots(
    profile: Option<&RoutingProfile>,
    contacts: &[AgentContactReference],
    routable: bool,
) -> (ChannelCounts, ChannelCounts, ChannelCounts) {
    let concurrencies = profile
        .and_then(|p| p.media_concurrencies.as_deref())
        .unwrap_or_default();
    let mut max = ChannelCounts::new();
    let mut active = ChannelCounts::new();
    for m in concurrencies {
        if let Some(channel) = &m.channel {
            max.insert(channel.clone(), m.concurrency.unwrap_or(0));
            active.insert(channel.clone(), 0);
        }
    }
    for c in contacts {
        if let Some(n) = c.channel.as_ref().and_then(|ch| active.get_mut(ch)) {
            *n += 1;
        }
    }
    let exclusive = concurrencies.iter().any(|m| {
        let busy = m.channel.as_ref().and_then(|c| active.get(c)).copied() > Some(0);
        let only = m
            .cross_channel_behavior
            .as_ref()
            .and_then(|b| b.behavior_type.as_deref())
            != Some("ROUTE_ANY_CHANNEL");
        busy && only
    });
    let available = max
        .iter()
        .map(|(channel, &limit)| {
            let used = active.get(channel).copied().unwrap_or(0);
            let free = if !routable || (exclusive && used == 0) {
                0
            } else {
                (limit - used).max(0)
            };
            (channel.clone(), free)
        })
        .collect();
    (max, active, available)
}

fn hierarchy_path(instance: &InstanceData, user: &User) -> Option<HierarchyPathReference> {
    let group = instance
        .hierarchy_groups
        .get(user.hierarchy_group_id.as_deref()?)?;
    let path = group.hierarchy_path.as_ref()?;
    let level = |l: &Option<NamedSummary>| {
        l.as_ref().map(|g| Reference {
            id: g.id.clone(),
            arn: g.arn.clone(),
        })
    };
    Some(HierarchyPathReference {
        level_one: level(&path.level_one),
        level_two: level(&path.level_two),
        level_three: level(&path.level_three),
        level_four: level(&path.level_four),
        level_five: level(&path.level_five),
    })
}

#[cfg(test)]
mod tests;
