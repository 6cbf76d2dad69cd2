//! `--users N`: adds N made-up but plausible users to an instance, varied the way a real
//! contact center is (phone types, channels, profiles, hierarchy levels, optional members
//! present or not), and the same for the same seed.

use std::collections::HashSet;

use fastrand::Rng;

use super::dataset::InstanceEntry;
use super::ids::random_uuid;
use crate::model::{
    AfterContactWorkConfig, AfterContactWorkConfigPerChannel, AutoAcceptConfig,
    PersistentConnectionConfig, PhoneNumberConfig, Tags, Timestamp, User, UserIdentityInfo,
    UserPhoneConfig, VoiceEnhancementConfig,
};

/// First names as shown, and as they appear in user names.
const FIRST_NAMES: &[(&str, &str)] = &[
    ("Amelia", "amelia"),
    ("Björn", "bjorn"),
    ("Chloé", "chloe"),
    ("Daniel", "daniel"),
    ("Émile", "emile"),
    ("Fatima", "fatima"),
    ("Grace", "grace"),
    ("Hiroshi", "hiroshi"),
    ("Ingrid", "ingrid"),
    ("José", "jose"),
    ("Kwame", "kwame"),
    ("Léa", "lea"),
    ("Mateo", "mateo"),
    ("Nguyễn", "nguyen"),
    ("Olivia", "olivia"),
    ("Priya", "priya"),
    ("Quentin", "quentin"),
    ("Rafael", "rafael"),
    ("Søren", "soren"),
    ("Tomás", "tomas"),
    ("Uma", "uma"),
    ("Valentina", "valentina"),
    ("Wei", "wei"),
    ("Xavier", "xavier"),
    ("Yasmin", "yasmin"),
    ("Zoë", "zoe"),
    ("Aiden", "aiden"),
    ("Beatriz", "beatriz"),
    ("Carlos", "carlos"),
    ("Dmitri", "dmitri"),
    ("Elif", "elif"),
    ("Finn", "finn"),
];

const LAST_NAMES: &[(&str, &str)] = &[
    ("Anderson", "anderson"),
    ("Bianchi", "bianchi"),
    ("Çelik", "celik"),
    ("Dubois", "dubois"),
    ("Eriksen", "eriksen"),
    ("Fernández", "fernandez"),
    ("García", "garcia"),
    ("Hansen", "hansen"),
    ("Ivanova", "ivanova"),
    ("Jensen", "jensen"),
    ("Kowalski", "kowalski"),
    ("López", "lopez"),
    ("Müller", "muller"),
    ("Nakamura", "nakamura"),
    ("O'Brien", "obrien"),
    ("Patel", "patel"),
    ("Quinn", "quinn"),
    ("Rossi", "rossi"),
    ("Schäfer", "schafer"),
    ("Tanaka", "tanaka"),
    ("Usman", "usman"),
    ("Van der Berg", "vanderberg"),
    ("Wójcik", "wojcik"),
    ("Xu", "xu"),
    ("Yılmaz", "yilmaz"),
    ("Żak", "zak"),
    ("Okafor", "okafor"),
    ("Smith", "smith"),
];

const CHANNELS: &[&str] = &["VOICE", "CHAT", "TASK", "EMAIL"];
const ACW_SECONDS: &[i32] = &[0, 0, 15, 30, 60, 120, 300];
const TEAMS: &[&str] = &[
    "billing",
    "retention",
    "tech-support",
    "onboarding",
    "escalations",
];

/// What generated users may refer to: the instance's own profiles and groups.
struct Choices {
    routing_profiles: Vec<String>,
    security_profiles: Vec<String>,
    groups: Vec<String>,
}

/// Appends `count` users to `entry`, deterministic for `seed`.
pub fn add_users(entry: &mut InstanceEntry, count: usize, seed: u64) {
    let mut rng = Rng::with_seed(seed);
    let choices = Choices {
        routing_profiles: entry
            .routing_profiles
            .iter()
            .filter_map(|p| p.routing_profile_id.clone())
            .collect(),
        security_profiles: entry
            .security_profiles
            .iter()
            .filter_map(|p| p.id.clone())
            .collect(),
        groups: entry
            .hierarchy_groups
            .iter()
            .filter_map(|g| g.id.clone())
            .collect(),
    };
    let mut taken: HashSet<String> = entry
        .users
        .iter()
        .filter_map(|u| u.username.as_deref().map(str::to_lowercase))
        .collect();
    entry.users.reserve(count);
    for n in 0..count {
        let user = generate_user(&mut rng, &choices, &mut taken, n);
        entry.users.push(user);
    }
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> Option<&'a T> {
    (!items.is_empty()).then(|| &items[rng.usize(..items.len())])
}

fn phone_number(rng: &mut Rng) -> String {
    format!(
        "+1{}555{:04}",
        pick(rng, &[206, 512, 312, 646, 415])
            .copied()
            .unwrap_or(206),
        rng.u32(0..10_000)
    )
}

fn generate_user(rng: &mut Rng, choices: &Choices, taken: &mut HashSet<String>, n: usize) -> User {
    let (first, first_ascii) = *pick(rng, FIRST_NAMES).unwrap_or(&("Alex", "alex"));
    let (last, last_ascii) = *pick(rng, LAST_NAMES).unwrap_or(&("Doe", "doe"));
    let mut username = format!("{first_ascii}.{last_ascii}");
    // Common names repeat: number them, as directories do, until the name is free.
    let mut suffix = n;
    while !taken.insert(username.clone()) {
        username = format!("{first_ascii}.{last_ascii}{suffix}");
        suffix += 1;
    }
    let desk_phone = rng.u8(..100) < 20;
    let channels: Vec<&str> = CHANNELS.iter().copied().filter(|_| rng.bool()).collect();

    User {
        id: Some(random_uuid(rng)),
        arn: None,
        username: Some(username.clone()),
        identity_info: Some(UserIdentityInfo {
            first_name: Some(first.to_string()),
            last_name: Some(last.to_string()),
            email: (rng.u8(..100) < 90).then(|| format!("{username}@anycompany.example")),
            secondary_email: (rng.u8(..100) < 10)
                .then(|| format!("{first_ascii}.{last_ascii}@mail.example")),
            mobile: (rng.u8(..100) < 30).then(|| phone_number(rng)),
        }),
        phone_config: Some(UserPhoneConfig {
            phone_type: Some(
                if desk_phone {
                    "DESK_PHONE"
                } else {
                    "SOFT_PHONE"
                }
                .to_string(),
            ),
            auto_accept: Some(rng.u8(..100) < 25),
            after_contact_work_time_limit: pick(rng, ACW_SECONDS).copied(),
            desk_phone_number: desk_phone.then(|| phone_number(rng)),
            persistent_connection: (rng.u8(..100) < 40).then(|| rng.bool()),
        }),
        directory_user_id: Some(random_uuid(rng)),
        security_profile_ids: security_profiles(rng, &choices.security_profiles),
        routing_profile_id: pick(rng, &choices.routing_profiles).cloned(),
        // Most agents sit in a team; some at a site or region level, a few nowhere.
        hierarchy_group_id: (rng.u8(..100) < 85)
            .then(|| pick(rng, &choices.groups).cloned())
            .flatten(),
        tags: (rng.u8(..100) < 60).then(|| tags(rng)),
        auto_accept_configs: (!channels.is_empty()).then(|| {
            channels
                .iter()
                .map(|c| AutoAcceptConfig {
                    channel: Some(c.to_string()),
                    auto_accept: Some(rng.bool()),
                    agent_first_callback_auto_accept: (*c == "VOICE").then(|| rng.bool()),
                })
                .collect()
        }),
        after_contact_work_configs: (!channels.is_empty()).then(|| {
            channels
                .iter()
                .map(|c| AfterContactWorkConfigPerChannel {
                    channel: Some(c.to_string()),
                    after_contact_work_config: Some(AfterContactWorkConfig {
                        after_contact_work_time_limit: pick(rng, ACW_SECONDS).copied(),
                    }),
                    agent_first_callback_after_contact_work_config: None,
                })
                .collect()
        }),
        phone_number_configs: channels.contains(&"VOICE").then(|| {
            vec![PhoneNumberConfig {
                channel: Some("VOICE".into()),
                phone_type: Some(
                    if desk_phone {
                        "DESK_PHONE"
                    } else {
                        "SOFT_PHONE"
                    }
                    .into(),
                ),
                phone_number: desk_phone.then(|| phone_number(rng)),
            }]
        }),
        persistent_connection_configs: channels.contains(&"VOICE").then(|| {
            vec![PersistentConnectionConfig {
                channel: Some("VOICE".into()),
                persistent_connection: Some(rng.bool()),
            }]
        }),
        voice_enhancement_configs: channels.contains(&"VOICE").then(|| {
            vec![VoiceEnhancementConfig {
                channel: Some("VOICE".into()),
                voice_enhancement_mode: pick(
                    rng,
                    &["VOICE_ISOLATION", "NOISE_SUPPRESSION", "NONE"],
                )
                .map(|m| m.to_string()),
            }]
        }),
        // Some time in 2023–2025.
        last_modified_time: Some(Timestamp(f64::from(rng.u32(1_672_531_200..1_767_225_600)))),
        last_modified_region: None,
    }
}

/// One profile for most users, a handful for some, up to ten (the service's maximum).
fn security_profiles(rng: &mut Rng, all: &[String]) -> Option<Vec<String>> {
    if all.is_empty() {
        return None;
    }
    let wanted = match rng.u8(..100) {
        0..70 => 1,
        70..95 => 2 + rng.usize(..3),
        _ => 10,
    }
    .min(all.len());
    let mut ids: Vec<String> = Vec::with_capacity(wanted);
    while ids.len() < wanted {
        if let Some(id) = pick(rng, all).filter(|id| !ids.contains(id)) {
            ids.push(id.clone());
        }
    }
    Some(ids)
}

fn tags(rng: &mut Rng) -> Tags {
    let mut tags = Tags::new();
    if let Some(team) = pick(rng, TEAMS) {
        tags.insert("Team".into(), team.to_string());
    }
    if rng.bool() {
        tags.insert("CostCenter".into(), format!("CC-{}", rng.u16(1000..10_000)));
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mock::dataset;

    fn demo_entry() -> InstanceEntry {
        let mut file = dataset::parse(crate::mock::demo::DEMO_JSON, "demo").unwrap();
        file.instances.swap_remove(0)
    }

    #[test]
    fn same_seed_same_users_other_seed_other_users() {
        let (mut a, mut b, mut c) = (demo_entry(), demo_entry(), demo_entry());
        add_users(&mut a, 50, 7);
        add_users(&mut b, 50, 7);
        add_users(&mut c, 50, 8);
        assert_eq!(a.users, b.users);
        assert_ne!(a.users, c.users);
    }

    #[test]
    fn generated_users_have_unique_names_and_valid_references() {
        let mut entry = demo_entry();
        let before = entry.users.len();
        add_users(&mut entry, 2000, 1);
        let names: HashSet<String> = entry
            .users
            .iter()
            .map(|u| u.username.clone().unwrap().to_lowercase())
            .collect();
        assert_eq!(names.len(), before + 2000);
        let profiles: HashSet<_> = entry
            .security_profiles
            .iter()
            .map(|p| p.id.clone().unwrap())
            .collect();
        for user in &entry.users[before..] {
            let ids = user.security_profile_ids.as_ref().unwrap();
            assert!((1..=10).contains(&ids.len()));
            assert!(ids.iter().all(|id| profiles.contains(id)));
        }
        assert!(
            entry.users[before..]
                .iter()
                .any(|u| u.hierarchy_group_id.is_none())
        );
        assert!(entry.users[before..].iter().any(|u| u.tags.is_none()));
        assert!(
            entry.users[before..].iter().any(|u| u
                .phone_config
                .as_ref()
                .unwrap()
                .desk_phone_number
                .is_some())
        );
    }
}
