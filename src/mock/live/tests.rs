use std::collections::BTreeSet;

use super::*;
use crate::mock::dataset::{self, Dataset};
use crate::mock::demo::{DEMO_JSON, DEMO_ORIGIN};

const JANE: &str = "0c245dc0-0cf5-4e37-800e-2a7481cc8a60";
const ON_A_CALL: &str = "ccdf22a2-6cee-486f-b7d8-1daa5bc20f26"; // rpatel
const OFFLINE: &str = "68f66aa5-2e69-4828-b758-386a208b3419"; // jchen
const IN_ACW: &str = "68e6850a-c2f1-4c19-adf4-7a52d02842ee"; // sobrien

fn demo(extra_users: usize) -> Dataset {
    let mut file = dataset::parse(DEMO_JSON, DEMO_ORIGIN).unwrap();
    if extra_users > 0 {
        crate::mock::generate::add_users(&mut file.instances[0], extra_users, 7);
    }
    Dataset::from_file(file, DEMO_ORIGIN).unwrap()
}

fn clock(now: f64) -> Clock {
    Clock {
        now,
        started: 1_800_000_000.0,
        seed: 7,
    }
}

fn state(data: &Dataset, user: &str, now: f64) -> Option<UserData> {
    let instance = &data.instances()[0];
    user_data(instance, instance.users.get(user).unwrap(), &clock(now))
}

/// What the why-not line would say, reduced to a word.
fn kind(data: &Option<UserData>) -> &'static str {
    let Some(data) = data else {
        return "logged out";
    };
    let contacts = data.contacts.as_deref().unwrap_or_default();
    match data.status.as_ref().and_then(|s| s.status_name.as_deref()) {
        Some("Offline") => "offline",
        Some("Available") if contacts.is_empty() => "available",
        Some("Available") if contacts[0].agent_contact_state.as_deref() == Some("ENDED") => "acw",
        Some("Available") => "on contact",
        _ => "custom",
    }
}

#[test]
fn the_demo_pins_jane_available_and_one_user_per_notable_state() {
    let data = demo(0);
    for now in [1_800_000_000.0, 1_800_000_000.0 + 3_600.0 * 7.0] {
        let jane = state(&data, JANE, now).unwrap();
        assert_eq!(kind(&Some(jane.clone())), "available");
        assert_eq!(
            jane.available_slots_by_channel,
            Some(ChannelCounts::from([
                ("CHAT".into(), 2),
                ("VOICE".into(), 1)
            ]))
        );
        let call = state(&data, ON_A_CALL, now).unwrap();
        assert_eq!(kind(&Some(call.clone())), "on contact");
        let contact = &call.contacts.as_ref().unwrap()[0];
        assert_eq!(contact.channel.as_deref(), Some("VOICE"));
        assert!(contact.queue.as_ref().unwrap().arn.is_some());
        // On a voice call (current channel only): nothing free on any channel.
        assert!(
            call.available_slots_by_channel
                .unwrap()
                .values()
                .all(|&n| n == 0)
        );
        assert_eq!(kind(&state(&data, OFFLINE, now)), "offline");
        let acw = state(&data, IN_ACW, now);
        assert_eq!(kind(&acw), "acw");
        // The contact ended (ACW began) after it was connected.
        let contact = &acw.unwrap().contacts.unwrap()[0];
        let (ended, connected) = (
            contact.state_start_timestamp.unwrap().0,
            contact.connected_to_agent_timestamp.unwrap().0,
        );
        assert!(ended > connected, "{ended} <= {connected}");
    }
    // Pinned timestamps come from the server's start, before it.
    let jane = state(&data, JANE, 1_800_000_100.0).unwrap();
    let since = jane.status.unwrap().status_start_timestamp.unwrap().0;
    assert!(since < 1_800_000_000.0, "{since}");
}

#[test]
fn scheduled_states_hold_within_a_window_and_move_across_windows() {
    let data = demo(300);
    let instance = &data.instances()[0];
    let window = WINDOW_SECS as f64;
    let start = 1_800_000_000.0; // a multiple of 30
    let mut kinds = BTreeSet::new();
    let mut changed = 0;
    for user in instance.users.all() {
        let id = user.id.as_deref().unwrap();
        let first = state(&data, id, start + 1.0);
        assert_eq!(first, state(&data, id, start + window - 1.0), "{id}");
        let later: Vec<_> = (1..20)
            .map(|n| state(&data, id, start + n as f64 * window + 1.0))
            .collect();
        if later.iter().any(|s| *s != first) {
            changed += 1;
        }
        kinds.insert(kind(&first));
    }
    let all: BTreeSet<_> = [
        "logged out",
        "offline",
        "custom",
        "available",
        "on contact",
        "acw",
    ]
    .into_iter()
    .collect();
    assert_eq!(kinds, all);
    assert!(
        changed > instance.users.all().len() * 9 / 10,
        "{changed} changed"
    );
}

#[test]
fn slots_follow_concurrency_contacts_and_status() {
    let data = demo(300);
    let instance = &data.instances()[0];
    let mut seen_on_contact = 0;
    for user in instance.users.all() {
        let Some(d) = user_data(instance, user, &clock(1_800_000_001.0)) else {
            continue;
        };
        let max = d.max_slots_by_channel.clone().unwrap();
        let active = d.active_slots_by_channel.clone().unwrap();
        let free = d.available_slots_by_channel.clone().unwrap();
        for (channel, limit) in &max {
            assert!(active[channel] <= *limit, "{d:?}");
            assert!(free[channel] + active[channel] <= *limit, "{d:?}");
        }
        let contacts = d.contacts.as_deref().unwrap_or_default();
        for c in contacts {
            let channel = c.channel.as_deref().unwrap();
            assert!(
                max.contains_key(channel),
                "{channel} not in the profile: {d:?}"
            );
            seen_on_contact += 1;
        }
        if kind(&Some(d.clone())) != "available" && contacts.is_empty() {
            assert!(free.values().all(|&n| n == 0), "{d:?}");
        }
    }
    assert!(seen_on_contact > 0);
}
