//! Field terms (`rp:`, `sp:`, `group:`, `tag:`, `phone:`, `id:`) evaluated over the users of
//! one instance. Users hold interned indices ([`super::super::user_details`]), so a term is
//! compiled once per query into a table "does this routing profile / set of security profiles
//! / set of tags match", and each user then costs an index or two, not a name lookup and a
//! lowercase comparison: a keystroke stays within its 2 ms over 100,000 users.

use crate::app::msg::NameKind;
use crate::app::names::{Lookup, Names, PathState};
use crate::app::user_details::{Details, NONE, Shared};
use crate::app::user_list::UserList;

use super::Haystacks;
use super::syntax::{Field, Term};

/// The users of an instance with the names their IDs resolve to: what the filter searches.
pub struct Searchable<'a> {
    pub list: &'a UserList,
    pub names: &'a Names,
}

/// Field terms compiled against one data set.
#[derive(Debug, Default)]
pub struct Compiled {
    terms: Vec<CompiledTerm>,
}

impl Compiled {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[derive(Debug)]
struct CompiledTerm {
    negated: bool,
    test: Test,
}

/// What a term tests, as a table over the interned values where it can be one.
#[derive(Debug)]
enum Test {
    /// Indexed by `Shared::ids`: the user's routing profile / hierarchy group / phone type.
    RoutingProfile(Vec<bool>),
    Group(Vec<bool>),
    Phone(Vec<bool>),
    /// Indexed by `Shared::id_sets`.
    SecurityProfiles(Vec<bool>),
    /// Indexed by `Shared::tag_sets`.
    Tags(Vec<bool>),
    /// A user ID, lowercase.
    Id(String),
}

impl Haystacks for Searchable<'_> {
    fn count(&self) -> usize {
        self.list.users.len()
    }

    fn text(&self, index: usize) -> &str {
        self.list.text(index)
    }

    fn mask(&self, index: usize) -> u64 {
        self.list.mask(index)
    }

    fn compile(&self, terms: &[&Term]) -> Compiled {
        let shared = &self.list.shared;
        let terms = terms
            .iter()
            .filter_map(|term| {
                let field = term.field?;
                let value = term.value.to_lowercase();
                let test = match field {
                    Field::Id => Test::Id(value),
                    Field::RoutingProfile => Test::RoutingProfile(id_table(shared, |id| {
                        names_match(self.names, NameKind::RoutingProfiles, id, &value)
                    })),
                    Field::Group => {
                        Test::Group(id_table(shared, |id| group_matches(self.names, id, &value)))
                    }
                    Field::Phone => Test::Phone(id_table(shared, |phone| contains(phone, &value))),
                    Field::SecurityProfile => {
                        let profile = id_table(shared, |id| {
                            names_match(self.names, NameKind::SecurityProfiles, id, &value)
                        });
                        Test::SecurityProfiles(
                            shared
                                .id_sets
                                .iter()
                                .map(|set| set.iter().any(|i| profile[*i as usize]))
                                .collect(),
                        )
                    }
                    Field::Tag => Test::Tags(tag_table(shared, &value)),
                };
                Some(CompiledTerm {
                    negated: term.negated,
                    test,
                })
            })
            .collect();
        Compiled { terms }
    }

    fn matches_fields(&self, compiled: &Compiled, index: usize) -> bool {
        let details = self.list.details(index);
        compiled.terms.iter().all(|term| {
            let result = match &term.test {
                Test::Id(id) => self
                    .list
                    .users
                    .get(index)
                    .is_some_and(|row| row.id().eq_ignore_ascii_case(id)),
                // A user the sweep has not reached matches no field term, negated or not:
                // "no group" is not known of it yet.
                test => match details {
                    Some(details) => test_details(test, details),
                    None => return false,
                },
            };
            result != term.negated
        })
    }
}

fn test_details(test: &Test, d: &Details) -> bool {
    let at = |table: &[bool], i: u32| i != NONE && table.get(i as usize) == Some(&true);
    match test {
        Test::RoutingProfile(t) => at(t, d.routing_profile),
        Test::Group(t) => at(t, d.hierarchy_group),
        Test::Phone(t) => at(t, d.phone_type),
        Test::SecurityProfiles(t) => at(t, d.security_profiles),
        Test::Tags(t) => at(t, d.tags),
        Test::Id(_) => false,
    }
}

/// `matches(id)` for every interned ID.
fn id_table(shared: &Shared, matches: impl Fn(&str) -> bool) -> Vec<bool> {
    shared.ids.iter().map(|id| matches(id)).collect()
}

/// Case-insensitive substring (`value` is lowercase already); an empty value matches.
pub fn contains(text: &str, value: &str) -> bool {
    value.is_empty() || text.to_lowercase().contains(value)
}

/// The ID itself (exactly) or its resolved name (substring).
fn names_match(names: &Names, kind: NameKind, id: &str, value: &str) -> bool {
    value.is_empty()
        || id.eq_ignore_ascii_case(value)
        || matches!(names.lookup(kind, id), Lookup::Known(name) if contains(name, value))
}

/// The ID or the name of the group or of any group above it in its path (where known: every
/// group the groups' search listed, and the groups described) — a group's users and the users
/// of every group below it.
fn group_matches(names: &Names, id: &str, value: &str) -> bool {
    if names_match(names, NameKind::HierarchyGroups, id, value)
        || names
            .in_or_under(id)
            .iter()
            .any(|level| level.eq_ignore_ascii_case(value))
    {
        return true;
    }
    match names.path(id) {
        PathState::Known(levels) => levels.iter().any(|(_, group)| contains(group, value)),
        _ => false,
    }
}

/// `tag:KEY` (a tag whose key contains KEY) or `tag:KEY=VALUE` (and whose value contains
/// VALUE), for every interned set of tags. `tag:` alone: any tag.
fn tag_table(shared: &Shared, value: &str) -> Vec<bool> {
    let (key, wanted) = match value.split_once('=') {
        Some((k, v)) => (k, Some(v)),
        None => (value, None),
    };
    let lower: Vec<String> = shared.tag_texts.iter().map(|t| t.to_lowercase()).collect();
    let has = |i: u32, part: &str| lower.get(i as usize).is_some_and(|t| t.contains(part));
    shared
        .tag_sets
        .iter()
        .map(|set| {
            set.iter()
                .any(|(k, v)| has(*k, key) && wanted.is_none_or(|w| has(*v, w)))
        })
        .collect()
}
