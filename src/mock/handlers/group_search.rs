//! SearchUserHierarchyGroups: whole groups (paths included), paging and ApproximateTotalCount.
//!
//! `SearchCriteria`: `StringCondition` on the fields the model documents — `name`,
//! `parentId`, `levelId`, `resourceID` — with STARTS_WITH / CONTAINS / EXACT, case-insensitive
//! as the mock's SearchUsers matches, nested in `AndConditions` / `OrConditions`.
//! `SearchFilter` (tag conditions) is refused with a clear 400: the mock does not evaluate it,
//! and silently ignoring it would return wrong results.

use serde::Deserialize;

use super::Request;
use super::search::token_scope;
use crate::mock::dataset::InstanceData;
use crate::mock::paging::{self, Paging};
use crate::mock::wire::{self, Answer, ServiceError};
use crate::model::HierarchyGroup;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct SearchGroupsRequest {
    instance_id: Option<String>,
    next_token: Option<String>,
    max_results: Option<i64>,
    search_filter: Option<serde_json::Value>,
    search_criteria: Option<serde_json::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Criteria {
    or_conditions: Option<Vec<Criteria>>,
    and_conditions: Option<Vec<Criteria>>,
    string_condition: Option<StringCondition>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct StringCondition {
    field_name: Option<String>,
    value: Option<String>,
    comparison_type: Option<String>,
}

enum Field {
    Name,
    ParentId,
    LevelId,
    ResourceId,
}

enum Comparison {
    StartsWith,
    Contains,
    Exact,
}

/// A condition checked once, so a bad request fails whole.
struct Condition {
    field: Field,
    comparison: Comparison,
    value: String,
}

pub fn search_groups(request: &Request) -> Answer {
    let body: SearchGroupsRequest = request.json_body()?;
    let instance = request.body_instance(body.instance_id.as_deref())?;
    let instance_id = body.instance_id.as_deref().unwrap_or_default();
    let matches = selected(instance, &body)?;
    // A token is only good for the same instance, criteria and filter.
    let scope = token_scope(
        "SearchUserHierarchyGroups",
        instance_id,
        [&body.search_criteria, &body.search_filter],
    );
    let paging = Paging::new(
        scope,
        body.max_results,
        body.next_token.as_deref(),
        paging::GROUP_SEARCH,
    )?;
    let (page, next) = paging.slice(&matches);
    let mut response = serde_json::json!({
        "UserHierarchyGroups": page,
        "ApproximateTotalCount": matches.len(),
    });
    if let Some(token) = next {
        response["NextToken"] = token.into();
    }
    Ok(wire::json(&response))
}

/// The groups of `instance` that the body's criteria select, in the data set's order.
fn selected<'d>(
    instance: &'d InstanceData,
    body: &SearchGroupsRequest,
) -> Result<Vec<&'d HierarchyGroup>, ServiceError> {
    if body.search_filter.is_some() {
        return Err(ServiceError::invalid_parameter(
            "SearchFilter (tag conditions) is not supported by connect-tui mock-server for \
             SearchUserHierarchyGroups",
        ));
    }
    let criteria: Criteria = match &body.search_criteria {
        None => Criteria::default(),
        Some(v) => Criteria::deserialize(v).map_err(|e| {
            ServiceError::invalid_request(format!(
                "the request body is not a valid SearchUserHierarchyGroups request: {e}"
            ))
        })?,
    };
    validate(&criteria)?;
    Ok(instance
        .hierarchy_groups
        .all()
        .iter()
        .filter(|g| matches(&criteria, g))
        .collect())
}

fn validate(criteria: &Criteria) -> Result<(), ServiceError> {
    if let Some(c) = &criteria.string_condition {
        condition(c)?;
    }
    for nested in criteria
        .and_conditions
        .iter()
        .chain(&criteria.or_conditions)
        .flatten()
    {
        validate(nested)?;
    }
    Ok(())
}

fn condition(c: &StringCondition) -> Result<Condition, ServiceError> {
    let field = match c
        .field_name
        .as_deref()
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "name" => Field::Name,
        "parentid" => Field::ParentId,
        "levelid" => Field::LevelId,
        "resourceid" => Field::ResourceId,
        _ => {
            return Err(ServiceError::invalid_parameter(format!(
                "StringCondition FieldName `{}` is not supported; use name, parentId, levelId \
                 or resourceID",
                c.field_name.as_deref().unwrap_or_default()
            )));
        }
    };
    let comparison = match c.comparison_type.as_deref().unwrap_or_default() {
        "STARTS_WITH" => Comparison::StartsWith,
        "CONTAINS" => Comparison::Contains,
        "EXACT" => Comparison::Exact,
        other => {
            return Err(ServiceError::invalid_parameter(format!(
                "StringCondition ComparisonType `{other}` is not one of STARTS_WITH, CONTAINS, EXACT"
            )));
        }
    };
    Ok(Condition {
        field,
        comparison,
        value: c.value.as_deref().unwrap_or_default().to_lowercase(),
    })
}

/// Every member present must hold; `OrConditions` needs one of its entries, `AndConditions`
/// all. (Conditions were validated first: one that does not parse matches nothing.)
fn matches(c: &Criteria, group: &HierarchyGroup) -> bool {
    c.string_condition
        .as_ref()
        .is_none_or(|s| condition(s).is_ok_and(|s| s.holds(group)))
        && c.and_conditions
            .as_ref()
            .is_none_or(|all| all.iter().all(|n| matches(n, group)))
        && c.or_conditions
            .as_ref()
            .is_none_or(|any| any.iter().any(|n| matches(n, group)))
}

impl Condition {
    fn holds(&self, group: &HierarchyGroup) -> bool {
        let value = match self.field {
            Field::Name => group.name.as_deref(),
            Field::ResourceId => group.id.as_deref(),
            Field::LevelId => group.level_id.as_deref(),
            Field::ParentId => parent_id(group),
        };
        let value = value.unwrap_or_default().to_lowercase();
        match self.comparison {
            Comparison::StartsWith => value.starts_with(&self.value),
            Comparison::Contains => value.contains(&self.value),
            Comparison::Exact => value == self.value,
        }
    }
}

/// The group one level up the path (none for a top-level group).
fn parent_id(group: &HierarchyGroup) -> Option<&str> {
    let levels = group.hierarchy_path.as_ref()?.levels();
    let parent = levels.len().checked_sub(2)?;
    levels[parent].id.as_deref()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mock::dataset::{self, Dataset};

    const DATA: &str = r#"{"Instances":[{"Instance":{"Id":"i"},
        "HierarchyGroups":[
          {"Id":"eu","Name":"Europe"},
          {"Id":"dub","Name":"Dublin","ParentGroupId":"eu"},
          {"Id":"lif","Name":"Team Liffey","ParentGroupId":"dub"},
          {"Id":"na","Name":"North America"}]}]}"#;

    /// Names of the groups selected by `body` (its InstanceId aside).
    fn names(body: serde_json::Value) -> Result<Vec<String>, ServiceError> {
        let data = Dataset::from_file(dataset::parse(DATA, "t").unwrap(), "t").unwrap();
        let instance = data.instance("i").unwrap();
        let body: SearchGroupsRequest = serde_json::from_value(body).unwrap();
        Ok(selected(instance, &body)?
            .iter()
            .map(|g| g.name.clone().unwrap_or_default())
            .collect())
    }

    fn criteria(criteria: serde_json::Value) -> Result<Vec<String>, ServiceError> {
        names(serde_json::json!({ "SearchCriteria": criteria }))
    }

    fn string(field: &str, comparison: &str, value: &str) -> serde_json::Value {
        serde_json::json!({"StringCondition": {
            "FieldName": field, "ComparisonType": comparison, "Value": value}})
    }

    #[test]
    fn string_conditions_on_each_documented_field_nested_in_and_or() {
        let found = |c| criteria(c).unwrap();
        assert_eq!(found(string("name", "CONTAINS", "TEAM")), ["Team Liffey"]);
        assert_eq!(found(string("name", "STARTS_WITH", "d")), ["Dublin"]);
        assert_eq!(found(string("name", "EXACT", "dub")), Vec::<String>::new());
        assert_eq!(found(string("parentId", "EXACT", "eu")), ["Dublin"]);
        assert_eq!(
            found(string("levelId", "EXACT", "1")),
            ["Europe", "North America"]
        );
        assert_eq!(found(string("resourceID", "EXACT", "lif")), ["Team Liffey"]);
        let either = serde_json::json!({"OrConditions": [
            string("name", "EXACT", "europe"), string("levelId", "EXACT", "3")]});
        assert_eq!(found(either), ["Europe", "Team Liffey"]);
        let both = serde_json::json!({"AndConditions": [
            string("name", "CONTAINS", "i"), string("levelId", "EXACT", "2")]});
        assert_eq!(found(both), ["Dublin"]);
    }

    #[test]
    fn no_criteria_select_every_group_and_what_is_not_evaluated_is_refused() {
        assert_eq!(names(serde_json::json!({})).unwrap().len(), 4);
        let refused = |result: Result<Vec<String>, ServiceError>, says: &str| {
            let error = result.expect_err("refused");
            assert_eq!(error.code, "InvalidParameterException");
            assert!(error.message.contains(says), "{}", error.message);
        };
        refused(
            names(serde_json::json!({"SearchFilter": {"AttributeFilter": {
                "TagCondition": {"TagKey": "a", "TagValue": "b"}}}})),
            "SearchFilter (tag conditions) is not supported",
        );
        refused(
            criteria(string("Tags", "EXACT", "x")),
            "FieldName `Tags` is not supported",
        );
        refused(
            criteria(serde_json::json!({"AndConditions": [string("name", "NEAR", "x")]})),
            "ComparisonType `NEAR`",
        );
    }
}
