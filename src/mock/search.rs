//! SearchUsers' `SearchCriteria` and `SearchFilter`, evaluated against one user.
//!
//! Criteria: `StringCondition` on Username, FirstName, LastName, resourceId, RoutingProfileId
//! or SecurityProfileId (STARTS_WITH / CONTAINS / EXACT, case-insensitive as the service
//! matches), `HierarchyGroupCondition` (EXACT or WITH_CHILD_GROUPS), nested
//! `AndConditions` / `OrConditions`. Filter: `TagFilter` and `UserAttributeFilter` (tags and
//! hierarchy group). `ListCondition` (proficiencies) is refused with a clear 400: the mock
//! does not evaluate it, and silently ignoring it would return wrong results.

use serde::Deserialize;

use super::dataset::InstanceData;
use super::wire::ServiceError;
use crate::model::User;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Criteria {
    or_conditions: Option<Vec<Criteria>>,
    and_conditions: Option<Vec<Criteria>>,
    string_condition: Option<StringCondition>,
    hierarchy_group_condition: Option<HierarchyGroupCondition>,
    list_condition: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct StringCondition {
    field_name: Option<String>,
    value: Option<String>,
    comparison_type: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct HierarchyGroupCondition {
    value: Option<String>,
    hierarchy_group_match_type: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Filter {
    tag_filter: Option<TagFilter>,
    user_attribute_filter: Option<UserAttributeFilter>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct TagFilter {
    or_conditions: Option<Vec<Vec<TagCondition>>>,
    and_conditions: Option<Vec<TagCondition>>,
    tag_condition: Option<TagCondition>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct UserAttributeFilter {
    or_conditions: Option<Vec<AttributeAndCondition>>,
    and_condition: Option<AttributeAndCondition>,
    tag_condition: Option<TagCondition>,
    hierarchy_group_condition: Option<HierarchyGroupCondition>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct AttributeAndCondition {
    tag_conditions: Option<Vec<TagCondition>>,
    hierarchy_group_condition: Option<HierarchyGroupCondition>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct TagCondition {
    tag_key: Option<String>,
    tag_value: Option<String>,
}

/// Checks criteria and filter once for values the service would reject, so a bad request
/// fails whole instead of per user.
pub fn validate(criteria: &Criteria, filter: &Filter) -> Result<(), ServiceError> {
    validate_criteria(criteria)?;
    if let Some(f) = &filter.user_attribute_filter {
        let nested = f
            .and_condition
            .iter()
            .chain(f.or_conditions.iter().flatten());
        let conditions = f
            .hierarchy_group_condition
            .iter()
            .chain(nested.filter_map(|a| a.hierarchy_group_condition.as_ref()));
        for condition in conditions {
            hierarchy_match_of(condition)?;
        }
    }
    Ok(())
}

fn validate_criteria(criteria: &Criteria) -> Result<(), ServiceError> {
    if criteria.list_condition.is_some() {
        return Err(ServiceError::invalid_parameter(
            "ListCondition is not supported by connect-tui mock-server",
        ));
    }
    if let Some(c) = &criteria.string_condition {
        field_of(c)?;
        comparison_of(c)?;
    }
    if let Some(c) = &criteria.hierarchy_group_condition {
        hierarchy_match_of(c)?;
    }
    for nested in criteria
        .and_conditions
        .iter()
        .chain(&criteria.or_conditions)
        .flatten()
    {
        validate_criteria(nested)?;
    }
    Ok(())
}

/// Evaluates criteria and filters against the users of one instance.
pub struct Matcher<'a> {
    pub instance: &'a InstanceData,
}

impl Matcher<'_> {
    /// Every member present must hold; `OrConditions` needs one of its entries, `AndConditions` all.
    pub fn criteria(&self, c: &Criteria, user: &User) -> bool {
        c.string_condition
            .as_ref()
            .is_none_or(|s| string_matches(s, user))
            && c.hierarchy_group_condition
                .as_ref()
                .is_none_or(|h| self.in_group(h, user))
            && c.and_conditions
                .as_ref()
                .is_none_or(|all| all.iter().all(|n| self.criteria(n, user)))
            && c.or_conditions
                .as_ref()
                .is_none_or(|any| any.iter().any(|n| self.criteria(n, user)))
    }

    pub fn filter(&self, f: &Filter, user: &User) -> bool {
        f.tag_filter
            .as_ref()
            .is_none_or(|t| tag_filter_matches(t, user))
            && f.user_attribute_filter
                .as_ref()
                .is_none_or(|a| self.attribute_filter(a, user))
    }

    fn attribute_filter(&self, f: &UserAttributeFilter, user: &User) -> bool {
        let and_holds = |a: &AttributeAndCondition| {
            a.tag_conditions.iter().flatten().all(|t| has_tag(t, user))
                && a.hierarchy_group_condition
                    .as_ref()
                    .is_none_or(|h| self.in_group(h, user))
        };
        f.tag_condition.as_ref().is_none_or(|t| has_tag(t, user))
            && f.hierarchy_group_condition
                .as_ref()
                .is_none_or(|h| self.in_group(h, user))
            && f.and_condition.as_ref().is_none_or(and_holds)
            && f.or_conditions
                .as_ref()
                .is_none_or(|any| any.iter().any(and_holds))
    }

    fn in_group(&self, c: &HierarchyGroupCondition, user: &User) -> bool {
        let (Some(wanted), Some(group_id)) =
            (c.value.as_deref(), user.hierarchy_group_id.as_deref())
        else {
            return false;
        };
        if group_id == wanted {
            return true;
        }
        let with_children = matches!(hierarchy_match_of(c), Ok(HierarchyMatch::WithChildGroups));
        with_children
            && self
                .instance
                .hierarchy_groups
                .get(group_id)
                .and_then(|g| g.hierarchy_path.as_ref())
                .is_some_and(|path| {
                    path.levels()
                        .iter()
                        .any(|level| level.id.as_deref() == Some(wanted))
                })
    }
}

enum Field {
    Username,
    FirstName,
    LastName,
    ResourceId,
    RoutingProfileId,
    SecurityProfileId,
}

enum Comparison {
    StartsWith,
    Contains,
    Exact,
}

enum HierarchyMatch {
    Exact,
    WithChildGroups,
}

fn field_of(c: &StringCondition) -> Result<Field, ServiceError> {
    Ok(match c.field_name.as_deref().unwrap_or_default() {
        "Username" | "username" => Field::Username,
        "FirstName" | "firstName" => Field::FirstName,
        "LastName" | "lastName" => Field::LastName,
        "resourceId" | "ResourceId" => Field::ResourceId,
        "RoutingProfileId" | "routingProfileId" => Field::RoutingProfileId,
        "SecurityProfileId" | "securityProfileId" => Field::SecurityProfileId,
        other => {
            return Err(ServiceError::invalid_parameter(format!(
                "StringCondition FieldName `{other}` is not supported; use Username, FirstName, \
                 LastName, resourceId, RoutingProfileId or SecurityProfileId"
            )));
        }
    })
}

fn comparison_of(c: &StringCondition) -> Result<Comparison, ServiceError> {
    Ok(match c.comparison_type.as_deref().unwrap_or_default() {
        "STARTS_WITH" => Comparison::StartsWith,
        "CONTAINS" => Comparison::Contains,
        "EXACT" => Comparison::Exact,
        other => {
            return Err(ServiceError::invalid_parameter(format!(
                "StringCondition ComparisonType `{other}` is not one of STARTS_WITH, CONTAINS, EXACT"
            )));
        }
    })
}

fn hierarchy_match_of(c: &HierarchyGroupCondition) -> Result<HierarchyMatch, ServiceError> {
    Ok(
        match c.hierarchy_group_match_type.as_deref().unwrap_or("EXACT") {
            "EXACT" => HierarchyMatch::Exact,
            "WITH_CHILD_GROUPS" => HierarchyMatch::WithChildGroups,
            other => {
                return Err(ServiceError::invalid_parameter(format!(
                    "HierarchyGroupMatchType `{other}` is not one of EXACT, WITH_CHILD_GROUPS"
                )));
            }
        },
    )
}

fn string_matches(c: &StringCondition, user: &User) -> bool {
    let (Ok(field), Ok(comparison)) = (field_of(c), comparison_of(c)) else {
        return false;
    };
    let wanted = c.value.as_deref().unwrap_or_default().to_lowercase();
    let test = |value: Option<&str>| {
        let value = value.unwrap_or_default().to_lowercase();
        match comparison {
            Comparison::StartsWith => value.starts_with(&wanted),
            Comparison::Contains => value.contains(&wanted),
            Comparison::Exact => value == wanted,
        }
    };
    let identity = user.identity_info.as_ref();
    match field {
        Field::Username => test(user.username.as_deref()),
        Field::FirstName => test(identity.and_then(|i| i.first_name.as_deref())),
        Field::LastName => test(identity.and_then(|i| i.last_name.as_deref())),
        Field::ResourceId => test(user.id.as_deref()),
        Field::RoutingProfileId => test(user.routing_profile_id.as_deref()),
        Field::SecurityProfileId => user
            .security_profile_ids
            .iter()
            .flatten()
            .any(|id| test(Some(id))),
    }
}

fn has_tag(c: &TagCondition, user: &User) -> bool {
    let Some(key) = c.tag_key.as_deref() else {
        return false;
    };
    user.tags
        .as_ref()
        .and_then(|tags| tags.get(key))
        .is_some_and(|value| c.tag_value.as_deref().is_none_or(|wanted| wanted == value))
}

fn tag_filter_matches(f: &TagFilter, user: &User) -> bool {
    f.tag_condition.as_ref().is_none_or(|t| has_tag(t, user))
        && f.and_conditions.iter().flatten().all(|t| has_tag(t, user))
        && f.or_conditions
            .as_ref()
            .is_none_or(|any| any.iter().any(|all| all.iter().all(|t| has_tag(t, user))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mock::dataset::{self, Dataset};

    const DATA: &str = r#"{"Instances":[{"Instance":{"Id":"i"},
        "HierarchyGroups":[{"Id":"top","Name":"Top"},{"Id":"leaf","Name":"Leaf","ParentGroupId":"top"}],
        "Users":[
          {"Id":"u1","Username":"Ana","SecurityProfileIds":["sp-a","sp-b"],"HierarchyGroupId":"leaf","Tags":{"Team":"red"}},
          {"Id":"u2","Username":"bob","SecurityProfileIds":["sp-b"],"HierarchyGroupId":"top"},
          {"Id":"u3","Username":"Carla"}]}]}"#;

    fn matching(
        criteria: serde_json::Value,
        filter: serde_json::Value,
    ) -> Result<Vec<String>, ServiceError> {
        let data = Dataset::from_file(dataset::parse(DATA, "t").unwrap(), "t").unwrap();
        let instance = data.instance("i").unwrap();
        let matcher = Matcher { instance };
        let criteria: Criteria = serde_json::from_value(criteria).unwrap();
        let filter: Filter = serde_json::from_value(filter).unwrap();
        validate(&criteria, &filter)?;
        Ok(instance
            .users
            .all()
            .iter()
            .filter(|u| matcher.criteria(&criteria, u) && matcher.filter(&filter, u))
            .map(|u| u.id.clone().unwrap())
            .collect())
    }

    fn string(field: &str, comparison: &str, value: &str) -> serde_json::Value {
        serde_json::json!({"StringCondition": {"FieldName": field, "ComparisonType": comparison, "Value": value}})
    }

    #[test]
    fn empty_criteria_match_everyone() {
        let all = matching(serde_json::json!({}), serde_json::json!({})).unwrap();
        assert_eq!(all, ["u1", "u2", "u3"]);
    }

    #[test]
    fn strings_compare_case_insensitively_and_lists_match_any_member() {
        assert_eq!(
            matching(string("Username", "EXACT", "ANA"), serde_json::json!({})).unwrap(),
            ["u1"]
        );
        assert_eq!(
            matching(
                string("SecurityProfileId", "EXACT", "sp-b"),
                serde_json::json!({})
            )
            .unwrap(),
            ["u1", "u2"]
        );
        assert_eq!(
            matching(string("Username", "CONTAINS", "AR"), serde_json::json!({})).unwrap(),
            ["u3"]
        );
    }

    #[test]
    fn attribute_filters_combine_tags_and_hierarchy() {
        let filter = serde_json::json!({"UserAttributeFilter": {"OrConditions": [
            {"TagConditions": [{"TagKey": "Team", "TagValue": "red"}]},
            {"HierarchyGroupCondition": {"Value": "top", "HierarchyGroupMatchType": "EXACT"}}
        ]}});
        assert_eq!(
            matching(serde_json::json!({}), filter).unwrap(),
            ["u1", "u2"]
        );
        let children = serde_json::json!({"HierarchyGroupCondition": {"Value": "top", "HierarchyGroupMatchType": "WITH_CHILD_GROUPS"}});
        assert_eq!(
            matching(children, serde_json::json!({})).unwrap(),
            ["u1", "u2"]
        );
    }

    #[test]
    fn unsupported_conditions_are_refused_not_ignored() {
        let list = serde_json::json!({"AndConditions": [{"ListCondition": {"TargetListType": "PROFICIENCIES"}}]});
        let error = matching(list, serde_json::json!({})).unwrap_err();
        assert_eq!(error.code, "InvalidParameterException");
        assert!(matching(string("Username", "FUZZY", "a"), serde_json::json!({})).is_err());
        let bad_match = serde_json::json!({"HierarchyGroupCondition": {"Value": "top", "HierarchyGroupMatchType": "NEAR"}});
        assert!(matching(bad_match.clone(), serde_json::json!({})).is_err());
        let bad_filter = serde_json::json!({"UserAttributeFilter": {"AndCondition": bad_match}});
        assert!(matching(serde_json::json!({}), bad_filter).is_err());
    }
}
