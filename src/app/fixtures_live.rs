//! Test data for the record's routing, proficiencies and live state: the demo's Basic
//! Routing Profile (VOICE 1, CHAT 2, BasicQueue on both) and agents in each live state.

use std::time::Instant;

use crate::model::{
    AgentContactReference, AgentStatusReference, AgentStatusSummary, ChannelCounts,
    MediaConcurrency, Reference, RoutingProfile, RoutingProfileQueueConfigSummary, Timestamp,
    UserData, UserProficiency,
};

use super::fixtures::{JANE, ROUTING, Session, page};
use super::live::Agent;
use super::msg::{LiveReply, NameKind, Reply, Request};

pub const BASIC_QUEUE: &str = "bc3c5385-2597-4c81-a438-a3078597f77d";
pub const BILLING_QUEUE: &str = "91b9c7b9-7c96-4c28-b575-db51308e92fa";
/// 2024-05-01 09:12:00 UTC.
pub const AT_0912: f64 = 1714554720.0;

pub fn basic_profile() -> RoutingProfile {
    RoutingProfile {
        routing_profile_id: Some(ROUTING.into()),
        name: Some("Basic Routing Profile".into()),
        media_concurrencies: Some(vec![concurrency("VOICE", 1), concurrency("CHAT", 2)]),
        default_outbound_queue_id: Some(BASIC_QUEUE.into()),
        ..RoutingProfile::default()
    }
}

pub fn concurrency(channel: &str, n: i32) -> MediaConcurrency {
    MediaConcurrency {
        channel: Some(channel.into()),
        concurrency: Some(n),
        cross_channel_behavior: None,
    }
}

pub fn queue(
    id: &str,
    name: &str,
    channel: &str,
    priority: i32,
    delay: i32,
) -> RoutingProfileQueueConfigSummary {
    RoutingProfileQueueConfigSummary {
        queue_id: Some(id.into()),
        queue_name: Some(name.into()),
        channel: Some(channel.into()),
        priority: Some(priority),
        delay: Some(delay),
        ..RoutingProfileQueueConfigSummary::default()
    }
}

pub fn basic_queues() -> Vec<RoutingProfileQueueConfigSummary> {
    vec![
        queue(BASIC_QUEUE, "BasicQueue", "VOICE", 1, 0),
        queue(BASIC_QUEUE, "BasicQueue", "CHAT", 1, 0),
    ]
}

pub fn proficiencies() -> Vec<UserProficiency> {
    vec![
        UserProficiency {
            attribute_name: Some("Language".into()),
            attribute_value: Some("Spanish".into()),
            level: Some(5.0),
        },
        UserProficiency {
            attribute_name: Some("Skill".into()),
            attribute_value: Some("Refunds".into()),
            level: Some(3.5),
        },
    ]
}

pub fn statuses() -> Vec<AgentStatusSummary> {
    [
        ("Available", "ROUTABLE"),
        ("Offline", "OFFLINE"),
        ("Break", "CUSTOM"),
    ]
    .into_iter()
    .map(|(name, kind)| AgentStatusSummary {
        name: Some(name.into()),
        r#type: Some(kind.into()),
        ..AgentStatusSummary::default()
    })
    .collect()
}

fn counts(pairs: &[(&str, i32)]) -> ChannelCounts {
    pairs.iter().map(|(c, n)| (c.to_string(), *n)).collect()
}

/// `user_id` in status `name` since 09:12, with `contacts`; slots from the Basic profile.
pub fn user_data(user_id: &str, name: &str, contacts: Vec<AgentContactReference>) -> UserData {
    let routable = name == "Available";
    let voice = contacts
        .iter()
        .filter(|c| c.channel.as_deref() == Some("VOICE"))
        .count() as i32;
    let chat = contacts
        .iter()
        .filter(|c| c.channel.as_deref() == Some("CHAT"))
        .count() as i32;
    let free = |max: i32, used: i32| if routable { (max - used).max(0) } else { 0 };
    UserData {
        user: Some(Reference {
            id: Some(user_id.into()),
            arn: None,
        }),
        status: Some(AgentStatusReference {
            status_start_timestamp: Some(Timestamp(AT_0912)),
            status_arn: None,
            status_name: Some(name.into()),
        }),
        max_slots_by_channel: Some(counts(&[("CHAT", 2), ("VOICE", 1)])),
        active_slots_by_channel: Some(counts(&[("CHAT", chat), ("VOICE", voice)])),
        available_slots_by_channel: Some(counts(&[
            ("CHAT", free(2, chat)),
            ("VOICE", free(1, voice)),
        ])),
        contacts: Some(contacts),
        ..UserData::default()
    }
}

/// A contact on `channel` from `queue`, in `state`, connected at 09:12 plus `after` seconds.
pub fn contact(channel: &str, state: &str, queue: &str) -> AgentContactReference {
    AgentContactReference {
        contact_id: Some("c-1".into()),
        channel: Some(channel.into()),
        agent_contact_state: Some(state.into()),
        state_start_timestamp: Some(Timestamp(AT_0912 + 60.0)),
        connected_to_agent_timestamp: Some(Timestamp(AT_0912 + 60.0)),
        queue: Some(Reference {
            id: Some(queue.into()),
            arn: None,
        }),
        ..AgentContactReference::default()
    }
}

/// `data` as it would be stored after an answer at 09:20 (app clock `as_of`).
pub fn agent(data: UserData, as_of: Instant) -> Agent {
    Agent::In {
        data: Box::new(data),
        at_epoch: AT_0912 + 480.0,
        as_of,
    }
}

impl Session {
    /// Answers the record reads of Jane's record: her routing profile, its queues, her
    /// proficiencies, the queue names and the agent statuses.
    pub fn jane_routing(&mut self) {
        let rp = ROUTING.to_string();
        self.answer(
            Request::DescribeRoutingProfile {
                routing_profile_id: rp.clone(),
            },
            Ok(basic_profile().into()),
        );
        self.answer(
            Request::ListRoutingProfileQueues {
                routing_profile_id: rp,
                token: None,
            },
            Ok(Reply::ProfileQueues(page(basic_queues(), None))),
        );
        self.answer(
            Request::ListUserProficiencies {
                user_id: JANE.into(),
                token: None,
            },
            Ok(Reply::Proficiencies(page(proficiencies(), None))),
        );
        self.names(
            NameKind::Queues,
            vec![
                super::fixtures::named(BASIC_QUEUE, "BasicQueue"),
                super::fixtures::named(BILLING_QUEUE, "Billing"),
            ],
        );
    }

    /// Answers a GetCurrentUserData request for `user_ids` with `agents`, at 09:20.
    pub fn live(&mut self, user_ids: Vec<String>, agents: Vec<UserData>) -> Vec<crate::app::Cmd> {
        self.answer(
            Request::GetCurrentUserData { user_ids },
            Ok(Reply::Live(LiveReply {
                agents,
                at_epoch: AT_0912 + 480.0,
            })),
        )
    }

    pub fn statuses(&mut self) {
        self.answer(
            Request::ListAgentStatuses { token: None },
            Ok(Reply::Statuses(page(statuses(), None))),
        );
    }
}
