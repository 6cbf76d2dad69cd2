//! "Why isn't this agent getting contacts?": plain statements that follow from the live
//! state, the routing profile and its queues, and nothing more. A pure function of domain
//! data, so each case is a unit test.

use crate::model::{RoutingProfile, RoutingProfileQueueConfigSummary, Timestamp, User};
use crate::sanitize::sanitize;

use super::Zone;
use super::live::{Agent, is_after_contact_work};

/// What the statements are drawn from. `None` means not known (yet), never "none".
pub struct Facts<'a> {
    /// The live state (`None`: live status off or not fetched yet).
    pub agent: Option<&'a Agent>,
    /// The type of the agent's status (`ROUTABLE`, `CUSTOM`, `OFFLINE`; ListAgentStatuses).
    pub status_type: Option<&'a str>,
    pub user: &'a User,
    pub profile: Option<&'a RoutingProfile>,
    /// The profile's queues, once all pages have arrived.
    pub queues: Option<&'a [RoutingProfileQueueConfigSummary]>,
    /// The name of a queue ID (ListQueues), if known.
    pub queue_name: &'a dyn Fn(&str) -> Option<String>,
    pub zone: Zone,
}

/// The statements, most important first; never empty once anything is known.
pub fn statements(f: &Facts<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let data = match f.agent {
        Some(Agent::LoggedOut) => {
            out.push("Not logged in (absent from GetCurrentUserData)".to_string());
            None
        }
        Some(agent) => agent.data(),
        None => None,
    };
    let status = data.and_then(|d| d.status.as_ref());
    let name = status.and_then(|s| s.status_name.as_deref());
    let since = status
        .and_then(|s| s.status_start_timestamp)
        .map(|at| clock(at, f.zone));
    let since = since.map_or_else(String::new, |at| format!(" since {at}"));
    let kind = f
        .status_type
        .or_else(|| (name == Some("Offline")).then_some("OFFLINE"));
    match (name, kind) {
        (Some(_), Some("OFFLINE")) => out.push(format!("Offline{since}")),
        (Some(name), Some("CUSTOM")) => out.push(format!(
            "In {}{since} (a custom status: not routable)",
            sanitize(name)
        )),
        _ => {}
    }
    let contacts = data.and_then(|d| d.contacts.as_deref()).unwrap_or_default();
    for contact in contacts.iter().filter(|c| is_after_contact_work(c)) {
        let limit = acw_limit(f.user, contact.channel.as_deref());
        let limit = match limit {
            Some(seconds) if seconds > 0 => format!("{seconds} s"),
            _ => "none".to_string(),
        };
        out.push(format!("in After Contact Work (ACW limit: {limit})"));
    }
    if let (Some(profile), Some(queues)) = (f.profile, f.queues) {
        let profile_name = profile.name.as_deref().map_or_else(
            || "its routing profile".into(),
            |n| sanitize(n).into_owned(),
        );
        for channel in concurrency_channels(profile) {
            if !queues.iter().any(|q| q.channel.as_deref() == Some(channel)) {
                out.push(format!(
                    "no queue for {} in {profile_name}",
                    sanitize(channel)
                ));
            }
        }
    }
    if let Some(data) = data {
        let max = data.max_slots_by_channel.clone().unwrap_or_default();
        let free = data.available_slots_by_channel.clone().unwrap_or_default();
        for (channel, &limit) in &max {
            let connected: Vec<_> = contacts
                .iter()
                .filter(|c| c.channel.as_deref() == Some(channel) && !is_after_contact_work(c))
                .collect();
            let available = free.get(channel).copied().unwrap_or(0);
            if limit <= 0 || available > 0 || connected.is_empty() {
                continue;
            }
            let mut from: Vec<String> = connected
                .iter()
                .filter_map(|c| c.queue.as_ref()?.id.as_deref())
                .map(|id| queue_label(f, id))
                .collect();
            from.dedup();
            let what = match (channel.as_str(), connected.len()) {
                ("VOICE", 1) => "on a call".to_string(),
                ("CHAT", n) => format!("on {n} chat{}", plural(n)),
                ("TASK", n) => format!("on {n} task{}", plural(n)),
                (_, n) => format!("on {n} contact{}", plural(n)),
            };
            let from = if from.is_empty() {
                String::new()
            } else {
                format!(" from {}", from.join(", "))
            };
            out.push(format!(
                "{}: {available} of {limit} slot{} free ({what}{from})",
                sanitize(&channel.to_lowercase()),
                plural(limit as usize)
            ));
        }
    }
    if out.is_empty()
        && let Some(queues) = f.queues
    {
        let serves = serves(f.profile, queues);
        out.push(match name {
            Some(name) => format!("{}; {serves}", sanitize(name)),
            None => capitalise(&serves),
        });
    }
    out
}

/// "serves 2 queues on VOICE, CHAT", channels in the profile's order.
fn serves(profile: Option<&RoutingProfile>, queues: &[RoutingProfileQueueConfigSummary]) -> String {
    let mut ids: Vec<&str> = queues
        .iter()
        .filter_map(|q| q.queue_id.as_deref())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut channels: Vec<&str> = profile.map(concurrency_channels).unwrap_or_default();
    channels.retain(|c| queues.iter().any(|q| q.channel.as_deref() == Some(*c)));
    for q in queues {
        if let Some(c) = q.channel.as_deref()
            && !channels.contains(&c)
        {
            channels.push(c);
        }
    }
    let n = ids.len();
    let channels: Vec<String> = channels.iter().map(|c| sanitize(c).into_owned()).collect();
    if channels.is_empty() {
        return format!("serves {n} queue{}", plural(n));
    }
    format!("serves {n} queue{} on {}", plural(n), channels.join(", "))
}

/// The channels the profile takes contacts of (concurrency above zero).
fn concurrency_channels(profile: &RoutingProfile) -> Vec<&str> {
    profile
        .media_concurrencies
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter(|m| m.concurrency.unwrap_or(0) > 0)
        .filter_map(|m| m.channel.as_deref())
        .collect()
}

/// The user's ACW limit for `channel`: the per-channel setting, else (voice) the phone
/// configuration's.
fn acw_limit(user: &User, channel: Option<&str>) -> Option<i32> {
    let per_channel = user
        .after_contact_work_configs
        .as_deref()
        .unwrap_or_default()
        .iter()
        .find(|c| c.channel.as_deref() == channel)
        .and_then(|c| c.after_contact_work_config.as_ref())
        .and_then(|c| c.after_contact_work_time_limit);
    per_channel.or_else(|| {
        user.phone_config
            .as_ref()
            .and_then(|p| p.after_contact_work_time_limit)
    })
}

fn queue_label(f: &Facts<'_>, id: &str) -> String {
    let from_profile = f
        .queues
        .unwrap_or_default()
        .iter()
        .find(|q| q.queue_id.as_deref() == Some(id))
        .and_then(|q| q.queue_name.clone());
    let name = (f.queue_name)(id).or(from_profile);
    sanitize(name.as_deref().unwrap_or(id)).into_owned()
}

/// `09:12` in the configured zone.
pub fn clock(at: Timestamp, zone: Zone) -> String {
    let Some(utc) = at.to_chrono() else {
        return "?".to_string();
    };
    match zone {
        Zone::Local => utc
            .with_timezone(&chrono::Local)
            .format("%H:%M")
            .to_string(),
        Zone::Fixed(offset) => utc.with_timezone(&offset).format("%H:%M").to_string(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
#[path = "why_not_tests.rs"]
mod tests;
