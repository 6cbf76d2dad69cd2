//! Completing the hierarchy: level IDs and ARNs of the structure, and each group's
//! `HierarchyPath` and `LevelId` from its parent links (or the path the file gives).

use std::collections::HashMap;

use super::DataError;
use super::Indexed;
use super::build::{DEFAULT_TIME, Home, required};
use super::file::HierarchyGroupEntry;
use crate::mock::ids::derived_uuid;
use crate::model::{HierarchyGroup, HierarchyPath, HierarchyStructure, NamedSummary};

pub(super) fn complete_structure(
    mut structure: HierarchyStructure,
    home: &Home,
    at: &str,
) -> Result<HierarchyStructure, DataError> {
    let levels = [
        ("LevelOne", &mut structure.level_one),
        ("LevelTwo", &mut structure.level_two),
        ("LevelThree", &mut structure.level_three),
        ("LevelFour", &mut structure.level_four),
        ("LevelFive", &mut structure.level_five),
    ];
    for (number, (name, level)) in (1..).zip(levels) {
        let Some(level) = level else { continue };
        required(&level.name, &format!("{at}.HierarchyStructure.{name}.Name"))?;
        level
            .id
            .get_or_insert_with(|| derived_uuid(&format!("{}/level/{number}", home.instance_arn)));
        level
            .arn
            .get_or_insert_with(|| home.arn("agent-group-level", &number.to_string()));
        level.last_modified_time.get_or_insert(DEFAULT_TIME);
        level
            .last_modified_region
            .get_or_insert_with(|| home.region.clone());
    }
    Ok(structure)
}

pub(super) fn complete_groups(
    entries: Vec<HierarchyGroupEntry>,
    home: &Home,
    at: &str,
) -> Result<Indexed<HierarchyGroup>, DataError> {
    let mut position = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let id = required(&entry.id, &format!("{at}.HierarchyGroups[{i}].Id"))?;
        required(&entry.name, &format!("{at}.HierarchyGroups[{i}].Name"))?;
        if position.insert(id.to_string(), i).is_some() {
            return Err(DataError::at(
                format!("{at}.HierarchyGroups[{i}].Id"),
                format!("duplicate Id `{id}`"),
            ));
        }
    }
    let summary =
        |entry: &HierarchyGroupEntry| NamedSummary {
            id: entry.id.clone(),
            arn: Some(entry.arn.clone().unwrap_or_else(|| {
                home.arn("agent-group", entry.id.as_deref().unwrap_or_default())
            })),
            name: entry.name.clone(),
            last_modified_time: Some(entry.last_modified_time.unwrap_or(DEFAULT_TIME)),
            last_modified_region: Some(
                entry
                    .last_modified_region
                    .clone()
                    .unwrap_or_else(|| home.region.clone()),
            ),
        };

    let mut groups = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let levels = path_of(i, &entries, &position, &summary, at)?;
        let mut path = HierarchyPath::default();
        let slots = [
            &mut path.level_one,
            &mut path.level_two,
            &mut path.level_three,
            &mut path.level_four,
            &mut path.level_five,
        ];
        let depth = levels.len();
        for (slot, level) in slots.into_iter().zip(levels) {
            *slot = Some(level);
        }
        let own = summary(entry);
        groups.push(HierarchyGroup {
            id: own.id,
            arn: own.arn,
            name: own.name,
            level_id: Some(entry.level_id.clone().unwrap_or_else(|| depth.to_string())),
            hierarchy_path: Some(path),
            tags: entry.tags.clone(),
            last_modified_time: own.last_modified_time,
            last_modified_region: own.last_modified_region,
        });
    }
    Ok(Indexed::new(groups, |g| {
        g.id.as_deref().unwrap_or_default()
    }))
}

/// The groups from level one down to `entries[index]`: its `HierarchyPath` when given,
/// else its parents' path (following `ParentGroupId`) plus itself.
fn path_of(
    index: usize,
    entries: &[HierarchyGroupEntry],
    position: &HashMap<String, usize>,
    summary: &dyn Fn(&HierarchyGroupEntry) -> NamedSummary,
    at: &str,
) -> Result<Vec<NamedSummary>, DataError> {
    let mut chain = vec![index];
    let mut current = index;
    while let Some(parent_id) = entries[current].parent_group_id.as_deref() {
        let here = format!("{at}.HierarchyGroups[{current}].ParentGroupId");
        let &parent = position.get(parent_id).ok_or_else(|| {
            DataError::at(&here, format!("no hierarchy group with Id `{parent_id}`"))
        })?;
        if chain.contains(&parent) {
            return Err(DataError::at(here, "the ParentGroupId links form a cycle"));
        }
        chain.push(parent);
        current = parent;
    }
    let top = &entries[current];
    let mut levels: Vec<NamedSummary> = match &top.hierarchy_path {
        Some(given) => given.levels().into_iter().cloned().collect(),
        None => vec![summary(top)],
    };
    levels.extend(chain.iter().rev().skip(1).map(|&i| summary(&entries[i])));
    if levels.len() > 5 {
        return Err(DataError::at(
            format!("{at}.HierarchyGroups[{index}]"),
            "a hierarchy has at most five levels",
        ));
    }
    Ok(levels)
}
