use std::time::Instant;

use super::*;
use crate::app::fixtures::{config, jane};
use crate::app::fixtures_live::*;

fn facts<'a>(
    agent: Option<&'a Agent>,
    status_type: Option<&'a str>,
    user: &'a User,
    profile: &'a RoutingProfile,
    queues: &'a [RoutingProfileQueueConfigSummary],
) -> Facts<'a> {
    Facts {
        agent,
        status_type,
        user,
        profile: Some(profile),
        queues: Some(queues),
        queue_name: &|id| (id == BILLING_QUEUE).then(|| "Billing".to_string()),
        zone: config(None).zone,
    }
}

fn said(
    agent: Option<&Agent>,
    status_type: Option<&str>,
    queues: &[RoutingProfileQueueConfigSummary],
) -> Vec<String> {
    let (user, profile) = (jane(), basic_profile());
    statements(&facts(agent, status_type, &user, &profile, queues))
}

#[test]
fn offline_says_since_when() {
    let agent = agent(user_data("u", "Offline", vec![]), Instant::now());
    assert_eq!(
        said(Some(&agent), Some("OFFLINE"), &basic_queues()),
        ["Offline since 09:12"]
    );
}

#[test]
fn a_custom_status_is_not_routable() {
    let agent = agent(user_data("u", "Break", vec![]), Instant::now());
    assert_eq!(
        said(Some(&agent), Some("CUSTOM"), &basic_queues()),
        ["In Break since 09:12 (a custom status: not routable)"]
    );
}

#[test]
fn after_contact_work_names_the_limit() {
    // Jane's voice ACW limit is 0 (none); her chat limit is 30 s.
    let voice = agent(
        user_data(
            "u",
            "Available",
            vec![contact("VOICE", "ENDED", BILLING_QUEUE)],
        ),
        Instant::now(),
    );
    assert_eq!(
        said(Some(&voice), Some("ROUTABLE"), &basic_queues()),
        ["in After Contact Work (ACW limit: none)"]
    );
    let chat = agent(
        user_data(
            "u",
            "Available",
            vec![contact("CHAT", "ENDED", BASIC_QUEUE)],
        ),
        Instant::now(),
    );
    assert_eq!(
        said(Some(&chat), Some("ROUTABLE"), &basic_queues()),
        ["in After Contact Work (ACW limit: 30 s)"]
    );
}

#[test]
fn a_channel_without_a_queue_is_named() {
    let voice_only = vec![queue(BASIC_QUEUE, "BasicQueue", "VOICE", 1, 0)];
    let agent = agent(user_data("u", "Available", vec![]), Instant::now());
    assert_eq!(
        said(Some(&agent), Some("ROUTABLE"), &voice_only),
        ["no queue for CHAT in Basic Routing Profile"]
    );
    // Without live state the routing facts still stand.
    assert_eq!(
        said(None, None, &voice_only),
        ["no queue for CHAT in Basic Routing Profile"]
    );
}

#[test]
fn full_slots_say_what_holds_them() {
    let agent = agent(
        user_data(
            "u",
            "Available",
            vec![contact("VOICE", "CONNECTED", BILLING_QUEUE)],
        ),
        Instant::now(),
    );
    assert_eq!(
        said(Some(&agent), Some("ROUTABLE"), &basic_queues()),
        ["voice: 0 of 1 slot free (on a call from Billing)"]
    );
    let chats = vec![
        contact("CHAT", "CONNECTED", BASIC_QUEUE),
        contact("CHAT", "CONNECTED", BASIC_QUEUE),
    ];
    let agent =
        super::super::fixtures_live::agent(user_data("u", "Available", chats), Instant::now());
    assert_eq!(
        said(Some(&agent), Some("ROUTABLE"), &basic_queues()),
        ["chat: 0 of 2 slots free (on 2 chats from BasicQueue)"]
    );
}

#[test]
fn nothing_standing_out_says_what_is_served() {
    let agent = agent(user_data("u", "Available", vec![]), Instant::now());
    assert_eq!(
        said(Some(&agent), Some("ROUTABLE"), &basic_queues()),
        ["Available; serves 1 queue on VOICE, CHAT"]
    );
    assert_eq!(
        said(None, None, &basic_queues()),
        ["Serves 1 queue on VOICE, CHAT"]
    );
}

#[test]
fn logged_out_is_said_plainly() {
    assert_eq!(
        said(Some(&Agent::LoggedOut), None, &basic_queues()),
        ["Not logged in (absent from GetCurrentUserData)"]
    );
}
