//! Names instead of UUIDs: routing profiles, security profiles, hierarchy groups and queues
//! listed once per instance, and the hierarchy structure (level names).
//!
//! Hierarchy groups are listed by SearchUserHierarchyGroups, which gives each group's path
//! with its name, so every listed group's path is known without a request of its own. Where
//! an IAM policy denies the search (policies written before it existed), the names come from
//! ListUserHierarchyGroups instead and a group's path only from describing it
//! (DescribeUserHierarchyGroup, for the records opened); the same happens to a group the
//! listing did not have.

use std::collections::{HashMap, HashSet};

use crate::connect::{ApiError, ErrorKind};
use crate::model::{HierarchyGroup, HierarchyStructure, NamedSummary, Page};

use super::msg::NameKind;

/// What the browser says, once, when the groups' search is denied.
pub const GROUP_SEARCH_DENIED: &str = "SearchUserHierarchyGroups denied: group: matches leaf \
    names only (whole paths need IAM action connect:SearchUserHierarchyGroups)";

/// The `LevelId` of the group Connect builds the levels on: not user-definable and not shown
/// in Connect's own UI (the model's documentation of SearchUserHierarchyGroups), so not a
/// name to list either.
const FOUNDATION_LEVEL: &str = "0";

/// Where the hierarchy groups' names come from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum GroupSource {
    /// SearchUserHierarchyGroups: names and paths.
    #[default]
    Search,
    /// ListUserHierarchyGroups, because the search was denied: names only.
    List,
}

/// The next page the hierarchy groups' listing needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NextGroups {
    /// SearchUserHierarchyGroups from this token (none: the first page).
    Search(Option<String>),
    /// ListUserHierarchyGroups from this token (none: the first page).
    List(Option<String>),
}

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
    /// Hierarchy groups whose path is known (listed by the search, or described), or whose
    /// description failed.
    described: HashMap<String, Result<HierarchyGroup, ApiError>>,
    describing: HashSet<String>,
    group_source: GroupSource,
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

    /// Takes one page of SearchUserHierarchyGroups: every group's name and path. A denial
    /// switches to ListUserHierarchyGroups (resuming where that listing stopped, when this
    /// search was asked again by a retry after it failed).
    pub fn on_group_search(
        &mut self,
        result: Result<Page<HierarchyGroup>, ApiError>,
    ) -> Option<NextGroups> {
        if self.groups.load != Load::Loading {
            return None; // A duplicated or late answer after the listing ended.
        }
        match result {
            Ok(page) => {
                self.group_source = GroupSource::Search;
                for group in page.items {
                    if group.level_id.as_deref() == Some(FOUNDATION_LEVEL) {
                        continue;
                    }
                    let Some(id) = group.id.clone() else { continue };
                    if let Some(name) = group.name.clone() {
                        self.groups.names.insert(id.clone(), name);
                    }
                    self.described.insert(id, Ok(group));
                }
                let next = page.next_token.filter(|t| !t.is_empty());
                self.groups.next_token = next.clone();
                if next.is_none() {
                    self.groups.load = Load::Done;
                }
                next.map(|token| NextGroups::Search(Some(token)))
            }
            Err(error) if error.kind == ErrorKind::AccessDenied => {
                let resume = match self.group_source {
                    GroupSource::List => self.groups.next_token.clone(),
                    GroupSource::Search => None,
                };
                self.group_source = GroupSource::List;
                self.groups.next_token = resume.clone();
                Some(NextGroups::List(resume))
            }
            Err(error) => {
                self.groups.load = Load::Failed(error);
                None
            }
        }
    }

    /// Takes one page of ListUserHierarchyGroups (the search was denied): names only.
    pub fn on_group_names(
        &mut self,
        result: Result<Page<NamedSummary>, ApiError>,
    ) -> Option<NextGroups> {
        self.on_page(NameKind::HierarchyGroups, result)
            .map(|token| NextGroups::List(Some(token)))
    }

    /// True when the groups' search was denied and names come from ListUserHierarchyGroups.
    pub fn group_search_denied(&self) -> bool {
        self.group_source == GroupSource::List
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
    /// to resume from. The groups' listing, when it failed after the search was denied, asks
    /// the search again from its start: a policy fixed since is then used at once, and a
    /// denial resumes ListUserHierarchyGroups where it failed (see [`Names::on_group_search`]).
    pub fn retry_lists(&mut self) -> Vec<(NameKind, Option<String>)> {
        let listing_groups = self.group_source == GroupSource::List;
        NameKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let list = self.list_mut(kind);
                matches!(list.load, Load::Failed(_)).then(|| {
                    list.load = Load::Loading;
                    let token = match kind {
                        NameKind::HierarchyGroups if listing_groups => None,
                        _ => list.next_token.clone(),
                    };
                    (kind, token)
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

    /// True when `group_id` should be described now (marks it in flight): its path is not
    /// known and will not come with the groups' search (done, failed or denied; while it
    /// runs, the group is waited for rather than described).
    pub fn should_describe_group(&mut self, group_id: &str) -> bool {
        if self.described.contains_key(group_id) || self.describing.contains(group_id) {
            return false;
        }
        if self.group_source == GroupSource::Search && self.groups.load == Load::Loading {
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

    /// The groups above `group_id` as (ID, level name, group name), top first; empty until
    /// its path is known.
    pub fn ancestors(&self, group_id: &str) -> Vec<(String, String, String)> {
        let PathState::Known(path) = self.path(group_id) else {
            return Vec::new();
        };
        path.into_iter()
            .zip(self.level_ids(group_id))
            .filter_map(|((level, name), id)| Some((id?.to_string(), level, name)))
            .filter(|(id, _, _)| id != group_id)
            .collect()
    }

    /// `group_id` itself and the groups above it, where its path is known: the groups a user
    /// of `group_id` is in or under.
    pub fn in_or_under<'a>(&'a self, group_id: &'a str) -> Vec<&'a str> {
        let mut ids: Vec<&str> = self.level_ids(group_id).into_iter().flatten().collect();
        if !ids.contains(&group_id) {
            ids.push(group_id);
        }
        ids
    }

    /// The IDs along the known path of `group_id`, top first, one per level of
    /// [`Names::path`] (a level may lack its ID).
    fn level_ids(&self, group_id: &str) -> Vec<Option<&str>> {
        match self.described.get(group_id) {
            Some(Ok(group)) => group
                .hierarchy_path
                .as_ref()
                .map(|p| p.levels().into_iter().map(|l| l.id.as_deref()).collect())
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
#[path = "names_tests.rs"]
mod tests;
