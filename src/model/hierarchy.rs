//! The user hierarchy: a group's path, the structure's level names, a group.

use serde::{Deserialize, Serialize};

use super::{NamedSummary, Tags, Timestamp};

/// `HierarchyLevel` (one level of the hierarchy structure) has the same members.
pub type HierarchyLevel = NamedSummary;

/// `HierarchyPath`: the groups from level one down to a group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HierarchyPath {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_one: Option<NamedSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_two: Option<NamedSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_three: Option<NamedSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_four: Option<NamedSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_five: Option<NamedSummary>,
}

impl HierarchyPath {
    /// The levels present, top first.
    pub fn levels(&self) -> Vec<&NamedSummary> {
        [
            &self.level_one,
            &self.level_two,
            &self.level_three,
            &self.level_four,
            &self.level_five,
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// `HierarchyStructure`: the names of the (up to five) levels.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HierarchyStructure {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_one: Option<HierarchyLevel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_two: Option<HierarchyLevel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_three: Option<HierarchyLevel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_four: Option<HierarchyLevel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_five: Option<HierarchyLevel>,
}

impl HierarchyStructure {
    /// Level `index` (0 = level one), if the structure defines it.
    pub fn level(&self, index: usize) -> Option<&HierarchyLevel> {
        [
            &self.level_one,
            &self.level_two,
            &self.level_three,
            &self.level_four,
            &self.level_five,
        ]
        .get(index)
        .and_then(|l| l.as_ref())
    }
}

/// `HierarchyGroup` (DescribeUserHierarchyGroup).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HierarchyGroup {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hierarchy_path: Option<HierarchyPath>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Tags>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified_region: Option<String>,
}
