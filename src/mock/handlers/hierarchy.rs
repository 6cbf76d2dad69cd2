//! ListUserHierarchyGroups, DescribeUserHierarchyGroup, DescribeUserHierarchyStructure.

use super::{Request, found, listing, single};
use crate::mock::paging;
use crate::mock::wire::Answer;
use crate::model::NamedSummary;

pub fn list_groups(request: &Request) -> Answer {
    let instance = request.instance()?;
    let paging = request.paging(instance.id(), paging::LISTS_1000)?;
    let (page, next) = paging.slice(instance.hierarchy_groups.all());
    let summaries: Vec<NamedSummary> = page
        .iter()
        .map(|g| NamedSummary {
            id: g.id.clone(),
            arn: g.arn.clone(),
            name: g.name.clone(),
            last_modified_time: g.last_modified_time,
            last_modified_region: g.last_modified_region.clone(),
        })
        .collect();
    listing("UserHierarchyGroupSummaryList", &summaries, next)
}

pub fn describe_group(request: &Request) -> Answer {
    let instance = request.instance()?;
    let id = request.op.label("HierarchyGroupId");
    let group = found(instance.hierarchy_groups.get(id), "Hierarchy group", id)?;
    single("HierarchyGroup", group)
}

pub fn structure(request: &Request) -> Answer {
    single(
        "HierarchyStructure",
        &request.instance()?.hierarchy_structure,
    )
}
