//! Names instead of UUIDs: routing profiles, security profiles and hierarchy groups listed
//! once per instance, the hierarchy structure (level names), and hierarchy groups described
//! lazily (for their path) and cached.

use std::collections::{HashMap, HashSet};

use crate::connect::ApiError;
use crate::model::{HierarchyGroup, HierarchyStructure, NamedSummary, Page};

use super::msg::NameKind;

/// Progress of one background listing.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Done,
    Failed(ApiError),
}

/// One paged listing of id → name.
#[derive(Debug)]
pub struct NameList {
    names: HashMap<String, String>,
    pub load: Load,
    /// The token of the next page to ask for (also the one to retry after a failure).
    next_token: Option<String>,
}

impl NameList {
    /// Every (id, name) listed so far, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.names
            .iter()
            .map(|(id, name)| (id.as_str(), name.as_str()))
    }
}

impl Default for NameList {
    fn default() -> Self {
        NameList {
            names: HashMap::new(),
            load: Load::Loading,
            next_token: None,
        }
    }
}

/// What is known about the name of one id.
#[derive(Debug, PartialEq)]
pub enum Lookup<'a> {
    Known(&'a str),
    /// The listing has not reached it yet.
    Pending,
    /// The listing failed (for example access denied).
    Unavailable(&'a ApiError),
    /// The listing finished without this id.
    Missing,
}

/// What is known about a hierarchy group's path.
#[derive(Debug, PartialEq)]
pub enum PathState<'a> {
    Pending,
    Failed(&'a ApiError),
    /// (level name, group name) from the top level down.
    Known(Vec<(String, String)>),
}

#[derive(Debug, Default)]
pub struct Names {
    routing: NameList,
    security: NameList,
    groups: NameList,
    queues: NameList,
    pub structure: Option<Result<HierarchyStructure, ApiError>>,
    described: HashMap<String, Result<HierarchyGroup, ApiError>>,
    describing: HashSet<String>,
}

impl Names {
    pub fn list(&self, kind: NameKind) -> &NameList {
        match kind {
            NameKind::RoutingProfiles => &self.routing,
            NameKind::SecurityProfiles => &self.security,
            NameKind::HierarchyGroups => &self.groups,
            NameKind::Queues => &self.queues,
        }
    }

    fn list_mut(&mut self, kind: NameKind) -> &mut NameList {
        match kind {
            NameKind::RoutingProfiles => &mut self.routing,
            NameKind::SecurityProfiles => &mut self.security,
            NameKind::HierarchyGroups => &mut self.groups,
            NameKind::Queues => &mut self.queues,
        }
    }

    /// Takes one page; returns the token of the next page to request, if any.
    pub fn on_page(
        &mut self,
        kind: NameKind,
        result: Result<Page<NamedSummary>, ApiError>,
    ) -> Option<String> {
        let list = self.list_mut(kind);
        if list.load != Load::Loading {
            // A duplicated or late answer after the listing ended.
            return None;
        }
        match result {
            Ok(page) => {
                for item in page.items {
                    if let (Some(id), Some(name)) = (item.id, item.name) {
                        list.names.insert(id, name);
                    }
                }
                list.next_token = page.next_token.filter(|t| !t.is_empty());
                if list.next_token.is_none() {
                    list.load = Load::Done;
                }
                list.next_token.clone()
            }
            Err(error) => {
                list.load = Load::Failed(error);
                None
            }
        }
    }

    pub fn lookup(&self, kind: NameKind, id: &str) -> Lookup<'_> {
        let list = self.list(kind);
        if let Some(name) = list.names.get(id) {
            return Lookup::Known(name);
        }
        if kind == NameKind::HierarchyGroups
            && let Some(Ok(group)) = self.described.get(id)
            && let Some(name) = &group.name
        {
            return Lookup::Known(name);
        }
        match &list.load {
            Load::Loading => Lookup::Pending,
            Load::Failed(error) => Lookup::Unavailable(error),
            Load::Done => Lookup::Missing,
        }
    }

    /// The failed listings to request again (their state goes back to loading), with the token
    /// to resume from.
    pub fn retry_lists(&mut self) -> Vec<(NameKind, Option<String>)> {
        NameKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let list = self.list_mut(kind);
                matches!(list.load, Load::Failed(_)).then(|| {
                    list.load = Load::Loading;
                    (kind, list.next_token.clone())
                })
            })
            .collect()
    }

    /// True when the structure should be requested again (it failed).
    pub fn retry_structure(&mut self) -> bool {
        if matches!(self.structure, Some(Err(_))) {
            self.structure = None;
            return true;
        }
        false
    }

    pub fn on_structure(&mut self, result: Result<HierarchyStructure, ApiError>) {
        self.structure = Some(result);
    }

    /// True when `group_id` should be described now (marks it in flight).
    pub fn should_describe_group(&mut self, group_id: &str) -> bool {
        if self.described.contains_key(group_id) || self.describing.contains(group_id) {
            return false;
        }
        self.describing.insert(group_id.to_string());
        true
    }

    pub fn on_group(&mut self, group_id: &str, result: Result<HierarchyGroup, ApiError>) {
        self.describing.remove(group_id);
        self.described.insert(group_id.to_string(), result);
    }

    /// Forgets a failed group description so it is asked for again.
    pub fn retry_group(&mut self, group_id: &str) {
        if matches!(self.described.get(group_id), Some(Err(_))) {
            self.described.remove(group_id);
        }
    }

    /// The levels above `group_id` (level name, group name), top first; empty until it is
    /// described.
    pub fn ancestors(&self, group_id: &str) -> Vec<(String, String)> {
        let PathState::Known(path) = self.path(group_id) else {
            return Vec::new();
        };
        let ids = self.level_ids(group_id);
        path.into_iter()
            .zip(ids)
            .filter(|(_, id)| id.as_deref() != Some(group_id))
            .map(|(level, _)| level)
            .collect()
    }

    /// True when a described group sits below `group_id` (its path passes through it).
    pub fn has_subgroups(&self, group_id: &str) -> bool {
        self.described
            .keys()
            .filter(|id| id.as_str() != group_id)
            .any(|id| {
                self.level_ids(id)
                    .iter()
                    .any(|l| l.as_deref() == Some(group_id))
            })
    }

    /// The IDs along the described path of `group_id`, top first.
    fn level_ids(&self, group_id: &str) -> Vec<Option<String>> {
        match self.described.get(group_id) {
            Some(Ok(group)) => group
                .hierarchy_path
                .as_ref()
                .map(|p| p.levels().into_iter().map(|l| l.id.clone()).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// The path of `group_id` with level names ("Level 2" until the structure is known).
    pub fn path(&self, group_id: &str) -> PathState<'_> {
        let group = match self.described.get(group_id) {
            None => return PathState::Pending,
            Some(Err(error)) => return PathState::Failed(error),
            Some(Ok(group)) => group,
        };
        let structure = match &self.structure {
            Some(Ok(structure)) => Some(structure),
            _ => None,
        };
        let levels = group
            .hierarchy_path
            .as_ref()
            .map(|p| p.levels())
            .unwrap_or_default();
        let path = levels
            .into_iter()
            .enumerate()
            .map(|(depth, level)| {
                let level_name = structure
                    .and_then(|s| s.level(depth))
                    .and_then(|l| l.name.clone())
                    .unwrap_or_else(|| format!("Level {}", depth + 1));
                let group_name = level
                    .name
                    .clone()
                    .or_else(|| level.id.clone())
                    .unwrap_or_default();
                (level_name, group_name)
            })
            .collect();
        PathState::Known(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::HierarchyPath;

    fn named(id: &str, name: &str) -> NamedSummary {
        NamedSummary {
            id: Some(id.into()),
            name: Some(name.into()),
            ..NamedSummary::default()
        }
    }

    #[test]
    fn names_fill_in_page_by_page() {
        let mut names = Names::default();
        assert_eq!(
            names.lookup(NameKind::RoutingProfiles, "rp1"),
            Lookup::Pending
        );
        let next = names.on_page(
            NameKind::RoutingProfiles,
            Ok(Page {
                items: vec![named("rp1", "Basic")],
                next_token: Some("t".into()),
            }),
        );
        assert_eq!(next.as_deref(), Some("t"));
        assert_eq!(
            names.lookup(NameKind::RoutingProfiles, "rp1"),
            Lookup::Known("Basic")
        );
        assert_eq!(
            names.lookup(NameKind::RoutingProfiles, "rp2"),
            Lookup::Pending
        );
        names.on_page(NameKind::RoutingProfiles, Ok(Page::default()));
        assert_eq!(
            names.lookup(NameKind::RoutingProfiles, "rp2"),
            Lookup::Missing
        );
    }

    #[test]
    fn path_uses_level_names_when_the_structure_is_known() {
        let mut names = Names::default();
        let group = HierarchyGroup {
            id: Some("g3".into()),
            hierarchy_path: Some(HierarchyPath {
                level_one: Some(named("g1", "EMEA")),
                level_two: Some(named("g2", "Dublin")),
                ..HierarchyPath::default()
            }),
            ..HierarchyGroup::default()
        };
        assert!(names.should_describe_group("g3"));
        assert!(!names.should_describe_group("g3"));
        names.on_group("g3", Ok(group));
        let expected_default = vec![
            ("Level 1".to_string(), "EMEA".to_string()),
            ("Level 2".to_string(), "Dublin".to_string()),
        ];
        assert_eq!(names.path("g3"), PathState::Known(expected_default));
        names.on_structure(Ok(HierarchyStructure {
            level_one: Some(named("l1", "Region")),
            level_two: Some(named("l2", "Site")),
            ..HierarchyStructure::default()
        }));
        assert_eq!(
            names.path("g3"),
            PathState::Known(vec![
                ("Region".to_string(), "EMEA".to_string()),
                ("Site".to_string(), "Dublin".to_string()),
            ])
        );
    }
}
