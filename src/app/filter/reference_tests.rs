//! The filter engine held to a naive reference: random users (some swept, some only listed),
//! random names (some IDs unresolved), random expressions typed one character at a time. The
//! engine (interned tables, prefilter masks, narrowing from earlier results) must end every
//! keystroke at the set the reference finds by testing each user with plain string code.

use std::collections::HashMap;

use proptest::prelude::*;

use super::tests::bare_terms_match;
use super::*;
use crate::app::msg::NameKind;
use crate::app::names::Names;
use crate::app::user_list::UserList;
use crate::model::{
    NamedSummary, Page, UserIdentityInfoLite, UserPhoneConfig, UserSearchSummary, UserSummary,
};

const RPS: [&str; 3] = ["rp-1", "rp-2", "rp-3"];
const SPS: [&str; 3] = ["sp-1", "sp-2", "sp-3"];
const GROUPS: [&str; 2] = ["g-1", "g-2"];
const WORDS: [&str; 8] = [
    "Tier 1", "tier 2", "Basic", "Admin", "Agent", "Dublin", "Zoë", "j",
];

#[derive(Clone, Debug)]
struct TestUser {
    id: String,
    username: String,
    /// `None`: the sweep has not reached this user.
    swept: Option<UserSearchSummary>,
}

fn pick(from: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop::sample::select(from).prop_map(str::to_string))
}

fn user(n: usize) -> impl Strategy<Value = TestUser> {
    let word = || prop::sample::select(&WORDS[..]).prop_map(str::to_string);
    (
        word(),
        proptest::option::of(word()),
        proptest::option::of(word()),
        pick(&RPS),
        proptest::collection::vec(prop::sample::select(&SPS[..]), 0..3),
        pick(&GROUPS),
        proptest::option::of(prop::sample::select(vec!["SOFT_PHONE", "DESK_PHONE"])),
        proptest::collection::btree_map(
            prop::sample::select(vec!["Team", "site", "Cost center"]),
            prop::sample::select(vec!["billing", "Dublin", "a=b", ""]),
            0..3,
        ),
        any::<bool>(),
    )
        .prop_map(
            move |(name, first, last, rp, sps, group, phone, tags, is_swept)| {
                let id = format!("u-{n}");
                let username = format!("{name}{n}");
                let swept = UserSearchSummary {
                    id: Some(id.clone()),
                    username: Some(username.clone()),
                    identity_info: Some(UserIdentityInfoLite {
                        first_name: first,
                        last_name: last,
                    }),
                    routing_profile_id: rp,
                    security_profile_ids: Some(sps.iter().map(|s| s.to_string()).collect()),
                    hierarchy_group_id: group,
                    phone_config: Some(UserPhoneConfig {
                        phone_type: phone.map(str::to_string),
                        ..UserPhoneConfig::default()
                    }),
                    tags: Some(
                        tags.into_iter()
                            .map(|(k, v)| (k.to_string(), v.to_string()))
                            .collect(),
                    ),
                    ..UserSearchSummary::default()
                };
                TestUser {
                    id,
                    username,
                    swept: is_swept.then_some(swept),
                }
            },
        )
}

fn users() -> impl Strategy<Value = Vec<TestUser>> {
    (0..30usize)
        .prop_flat_map(|n| (0..n).map(user).collect::<Vec<_>>())
        .boxed()
}

/// Names for some of the IDs (the others stay unresolved).
fn names() -> impl Strategy<Value = HashMap<String, String>> {
    let ids: Vec<&str> = RPS.iter().chain(&SPS).chain(&GROUPS).copied().collect();
    proptest::collection::hash_map(
        prop::sample::select(ids).prop_map(str::to_string),
        prop::sample::select(&WORDS[..]).prop_map(str::to_string),
        0..8,
    )
}

/// One term as typed: maybe negated, a field or none, a value quoted when it has spaces.
fn term() -> impl Strategy<Value = String> {
    let field = prop::sample::select(vec!["", "rp:", "sp:", "group:", "tag:", "phone:", "id:"]);
    let value = prop::sample::select(vec![
        "",
        "tier",
        "Tier 1",
        "basic",
        "admin",
        "zoë",
        "team",
        "team=bill",
        "=dub",
        "a=b",
        "soft",
        "desk",
        "u-1",
        "U-2",
        "rp-1",
        "sp-2",
        "j",
        "dub",
    ]);
    (any::<bool>(), field, value).prop_map(|(negated, field, value)| {
        let bang = if negated { "!" } else { "" };
        if field.is_empty() && value.is_empty() {
            return "j".to_string();
        }
        if value.contains(' ') {
            format!("{bang}{field}\"{value}\"")
        } else {
            format!("{bang}{field}{value}")
        }
    })
}

fn expression() -> impl Strategy<Value = String> {
    proptest::collection::vec(term(), 1..4).prop_map(|terms| terms.join(" "))
}

/// The reference: each term tested on the raw data with plain string code.
fn reference(query: &Query, user: &TestUser, names: &HashMap<String, String>) -> bool {
    let text = match &user.swept {
        Some(s) => {
            let info = s.identity_info.as_ref();
            let part = |f: Option<&String>| f.cloned().unwrap_or_default();
            format!(
                "{}\n{}\n{}",
                user.username,
                part(info.and_then(|i| i.first_name.as_ref())),
                part(info.and_then(|i| i.last_name.as_ref()))
            )
        }
        None => user.username.clone(),
    };
    let lower = |s: &str| s.to_lowercase();
    let named = |id: &str, value: &str| {
        value.is_empty()
            || lower(id) == value
            || names.get(id).is_some_and(|n| lower(n).contains(value))
    };
    query.terms.iter().all(|term| {
        let value = lower(&term.value);
        let Some(field) = term.field else {
            let alone = Query {
                terms: vec![term.clone()],
            };
            return bare_terms_match(&alone, &text);
        };
        if field == Field::Id {
            return (lower(&user.id) == value) != term.negated;
        }
        let Some(s) = &user.swept else {
            return false;
        };
        let result = match field {
            Field::RoutingProfile => s
                .routing_profile_id
                .as_deref()
                .is_some_and(|id| named(id, &value)),
            Field::Group => s
                .hierarchy_group_id
                .as_deref()
                .is_some_and(|id| named(id, &value)),
            Field::SecurityProfile => s
                .security_profile_ids
                .iter()
                .flatten()
                .any(|id| named(id, &value)),
            Field::Phone => s
                .phone_config
                .as_ref()
                .and_then(|p| p.phone_type.as_deref())
                .is_some_and(|t| lower(t).contains(&value)),
            Field::Tag => {
                let (key, wanted) = match value.split_once('=') {
                    Some((k, v)) => (k, Some(v)),
                    None => (value.as_str(), None),
                };
                s.tags.iter().flatten().any(|(k, v)| {
                    lower(k).contains(key) && wanted.is_none_or(|w| lower(v).contains(w))
                })
            }
            Field::Id => unreachable!("handled above"),
        };
        result != term.negated
    })
}

fn list_of(users: &[TestUser]) -> UserList {
    let mut list = UserList::loading();
    let summaries = users
        .iter()
        .map(|u| UserSummary {
            id: Some(u.id.clone()),
            username: Some(u.username.clone()),
            ..UserSummary::default()
        })
        .collect();
    list.on_page(Ok(Page {
        items: summaries,
        next_token: None,
    }));
    let swept: Vec<UserSearchSummary> = users.iter().filter_map(|u| u.swept.clone()).collect();
    list.on_search_page(&swept);
    list
}

fn names_of(map: &HashMap<String, String>) -> Names {
    let mut names = Names::default();
    for kind in NameKind::ALL {
        let items = map
            .iter()
            .map(|(id, name)| NamedSummary {
                id: Some(id.clone()),
                name: Some(name.clone()),
                ..NamedSummary::default()
            })
            .collect();
        names.on_page(
            kind,
            Ok(Page {
                items,
                next_token: None,
            }),
        );
    }
    names
}

proptest! {
    #[test]
    fn the_engine_finds_what_the_naive_reference_finds(
        users in users(),
        names in names(),
        expression in expression(),
    ) {
        let list = list_of(&users);
        let resolved = names_of(&names);
        let searchable = Searchable { list: &list, names: &resolved };
        let mut filter = Filter::default();
        let mut last_valid = Query::default();
        // Typed one character at a time: every prefix goes through narrowing.
        for (end, _) in expression.char_indices().skip(1).chain([(expression.len(), ' ')]) {
            let typed = &expression[..end];
            filter.set_query(typed);
            filter.refresh(&searchable, false);
            if let Ok(q) = syntax::parse(typed) {
                last_valid = q;
            }
            let mut got = filter.matches().map(<[u32]>::to_vec).unwrap_or_default();
            got.sort_unstable();
            let expected: Vec<u32> = if last_valid.is_empty() {
                Vec::new()
            } else {
                (0..users.len() as u32)
                    .filter(|i| reference(&last_valid, &users[*i as usize], &names))
                    .collect()
            };
            prop_assert_eq!(got, expected, "typed {:?}", typed);
        }
    }
}
