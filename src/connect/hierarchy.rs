//! The agent hierarchy: its groups and its structure (level names).
//!
//! SearchUserHierarchyGroups lists every group with its whole `HierarchyPath` in one paged
//! listing (100 a page, the model's largest), which is how names and paths are loaded.
//! ListUserHierarchyGroups (names only) and DescribeUserHierarchyGroup (one group's path) stay
//! for IAM policies written before the search existed, and for a group the search did not
//! list.

use super::error::ApiError;
use super::{ConnectClient, MAX_GROUP_SEARCH_PAGE, MAX_NAMED_PAGE, empty, mapped, mapping, page};
use crate::model::{HierarchyGroup, HierarchyStructure, NamedSummary, Page};

impl ConnectClient {
    /// One page of SearchUserHierarchyGroups without criteria: every group, path included.
    pub async fn search_hierarchy_groups_page(
        &self,
        instance_id: &str,
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<Page<HierarchyGroup>, ApiError> {
        let out = call!(
            self,
            "SearchUserHierarchyGroups",
            self.sdk
                .search_user_hierarchy_groups()
                .instance_id(instance_id)
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_GROUP_SEARCH_PAGE))
                .send()
        )?;
        Ok(Page {
            items: mapped(out.user_hierarchy_groups, mapping::hierarchy_group),
            next_token: out.next_token,
        })
    }

    pub async fn list_hierarchy_groups_page(
        &self,
        instance_id: &str,
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<Page<NamedSummary>, ApiError> {
        let out = call!(
            self,
            "ListUserHierarchyGroups",
            self.sdk
                .list_user_hierarchy_groups()
                .instance_id(instance_id)
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_NAMED_PAGE))
                .send()
        )?;
        Ok(page(
            out.user_hierarchy_group_summary_list,
            out.next_token,
            mapping::hierarchy_group_summary,
        ))
    }

    pub async fn describe_hierarchy_group(
        &self,
        instance_id: &str,
        id: &str,
    ) -> Result<HierarchyGroup, ApiError> {
        let out = call!(
            self,
            "DescribeUserHierarchyGroup",
            self.sdk
                .describe_user_hierarchy_group()
                .instance_id(instance_id)
                .hierarchy_group_id(id)
                .send()
        )?;
        out.hierarchy_group
            .map(mapping::hierarchy_group)
            .ok_or_else(|| empty("DescribeUserHierarchyGroup", "HierarchyGroup"))
    }

    pub async fn describe_hierarchy_structure(
        &self,
        instance_id: &str,
    ) -> Result<HierarchyStructure, ApiError> {
        let out = call!(
            self,
            "DescribeUserHierarchyStructure",
            self.sdk
                .describe_user_hierarchy_structure()
                .instance_id(instance_id)
                .send()
        )?;
        // An instance without a hierarchy answers with no structure: that is not an error.
        Ok(out
            .hierarchy_structure
            .map(mapping::hierarchy_structure)
            .unwrap_or_default())
    }
}
