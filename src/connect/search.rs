//! SearchUsers criteria and filter, given as JSON in the API's shapes (as `--search-criteria`
//! takes them), → SDK types. Unknown members and wrong types are rejected before any request,
//! naming the path, the way the AWS CLI's parameter validation does.

use aws_sdk_connect::types as sdk;
use serde_json::{Map, Value};

use super::ApiError;

type Res<T> = Result<T, ApiError>;

/// A JSON object being read member by member; rejects members it does not know.
struct Obj<'a> {
    path: String,
    map: &'a Map<String, Value>,
}

impl<'a> Obj<'a> {
    fn new(path: &str, value: &'a Value, allowed: &[&str]) -> Res<Self> {
        let map = value
            .as_object()
            .ok_or_else(|| invalid(path, "expected a JSON object"))?;
        if let Some(unknown) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(invalid(
                path,
                &format!(
                    "unknown parameter \"{unknown}\", must be one of: {}",
                    allowed.join(", ")
                ),
            ));
        }
        Ok(Obj {
            path: path.to_string(),
            map,
        })
    }

    fn at(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    fn string(&self, key: &str) -> Res<Option<String>> {
        match self.map.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(invalid(&self.at(key), "expected a string")),
        }
    }

    fn int(&self, key: &str) -> Res<Option<i32>> {
        match self.map.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_i64()
                .and_then(|n| i32::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| invalid(&self.at(key), "expected an integer")),
        }
    }

    fn object<T>(&self, key: &str, f: impl Fn(&str, &Value) -> Res<T>) -> Res<Option<T>> {
        self.map.get(key).map(|v| f(&self.at(key), v)).transpose()
    }

    fn list<T>(&self, key: &str, f: impl Fn(&str, &Value) -> Res<T>) -> Res<Option<Vec<T>>> {
        let Some(value) = self.map.get(key) else {
            return Ok(None);
        };
        let items = value
            .as_array()
            .ok_or_else(|| invalid(&self.at(key), "expected a list"))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| f(&format!("{}[{i}]", self.at(key)), item))
            .collect::<Res<Vec<T>>>()
            .map(Some)
    }
}

fn invalid(path: &str, what: &str) -> ApiError {
    ApiError::invalid_input(format!("{path}: {what}"))
}

/// `UserSearchCriteria` from JSON.
pub fn criteria(path: &str, value: &Value) -> Res<sdk::UserSearchCriteria> {
    let o = Obj::new(
        path,
        value,
        &[
            "OrConditions",
            "AndConditions",
            "StringCondition",
            "ListCondition",
            "HierarchyGroupCondition",
        ],
    )?;
    Ok(sdk::UserSearchCriteria::builder()
        .set_or_conditions(o.list("OrConditions", criteria)?)
        .set_and_conditions(o.list("AndConditions", criteria)?)
        .set_string_condition(o.object("StringCondition", string_condition)?)
        .set_list_condition(o.object("ListCondition", list_condition)?)
        .set_hierarchy_group_condition(o.object("HierarchyGroupCondition", hierarchy_condition)?)
        .build())
}

fn string_condition(path: &str, value: &Value) -> Res<sdk::StringCondition> {
    let o = Obj::new(path, value, &["FieldName", "Value", "ComparisonType"])?;
    Ok(sdk::StringCondition::builder()
        .set_field_name(o.string("FieldName")?)
        .set_value(o.string("Value")?)
        .set_comparison_type(o.string("ComparisonType")?.map(|s| s.as_str().into()))
        .build())
}

fn number_condition(path: &str, value: &Value) -> Res<sdk::NumberCondition> {
    let o = Obj::new(
        path,
        value,
        &["FieldName", "MinValue", "MaxValue", "ComparisonType"],
    )?;
    Ok(sdk::NumberCondition::builder()
        .set_field_name(o.string("FieldName")?)
        .set_min_value(o.int("MinValue")?)
        .set_max_value(o.int("MaxValue")?)
        .set_comparison_type(o.string("ComparisonType")?.map(|s| s.as_str().into()))
        .build())
}

fn list_condition(path: &str, value: &Value) -> Res<sdk::ListCondition> {
    let o = Obj::new(path, value, &["TargetListType", "Conditions"])?;
    Ok(sdk::ListCondition::builder()
        .set_target_list_type(o.string("TargetListType")?.map(|s| s.as_str().into()))
        .set_conditions(o.list("Conditions", |p, v| {
            let c = Obj::new(p, v, &["StringCondition", "NumberCondition"])?;
            Ok(sdk::Condition::builder()
                .set_string_condition(c.object("StringCondition", string_condition)?)
                .set_number_condition(c.object("NumberCondition", number_condition)?)
                .build())
        })?)
        .build())
}

fn hierarchy_condition(path: &str, value: &Value) -> Res<sdk::HierarchyGroupCondition> {
    let o = Obj::new(path, value, &["Value", "HierarchyGroupMatchType"])?;
    Ok(sdk::HierarchyGroupCondition::builder()
        .set_value(o.string("Value")?)
        .set_hierarchy_group_match_type(
            o.string("HierarchyGroupMatchType")?
                .map(|s| s.as_str().into()),
        )
        .build())
}

fn tag_condition(path: &str, value: &Value) -> Res<sdk::TagCondition> {
    let o = Obj::new(path, value, &["TagKey", "TagValue"])?;
    Ok(sdk::TagCondition::builder()
        .set_tag_key(o.string("TagKey")?)
        .set_tag_value(o.string("TagValue")?)
        .build())
}

fn attribute_and_condition(path: &str, value: &Value) -> Res<sdk::AttributeAndCondition> {
    let o = Obj::new(path, value, &["TagConditions", "HierarchyGroupCondition"])?;
    Ok(sdk::AttributeAndCondition::builder()
        .set_tag_conditions(o.list("TagConditions", tag_condition)?)
        .set_hierarchy_group_condition(o.object("HierarchyGroupCondition", hierarchy_condition)?)
        .build())
}

/// `UserSearchFilter` from JSON.
pub fn filter(path: &str, value: &Value) -> Res<sdk::UserSearchFilter> {
    let o = Obj::new(path, value, &["TagFilter", "UserAttributeFilter"])?;
    let tag_filter = o.object("TagFilter", |p, v| {
        let t = Obj::new(p, v, &["OrConditions", "AndConditions", "TagCondition"])?;
        Ok(sdk::ControlPlaneTagFilter::builder()
            .set_or_conditions(t.list("OrConditions", |p, v| {
                let items = v.as_array().ok_or_else(|| invalid(p, "expected a list"))?;
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| tag_condition(&format!("{p}[{i}]"), item))
                    .collect()
            })?)
            .set_and_conditions(t.list("AndConditions", tag_condition)?)
            .set_tag_condition(t.object("TagCondition", tag_condition)?)
            .build())
    })?;
    let attribute_filter = o.object("UserAttributeFilter", |p, v| {
        let a = Obj::new(
            p,
            v,
            &[
                "OrConditions",
                "AndCondition",
                "TagCondition",
                "HierarchyGroupCondition",
            ],
        )?;
        Ok(sdk::ControlPlaneUserAttributeFilter::builder()
            .set_or_conditions(a.list("OrConditions", attribute_and_condition)?)
            .set_and_condition(a.object("AndCondition", attribute_and_condition)?)
            .set_tag_condition(a.object("TagCondition", tag_condition)?)
            .set_hierarchy_group_condition(
                a.object("HierarchyGroupCondition", hierarchy_condition)?,
            )
            .build())
    })?;
    Ok(sdk::UserSearchFilter::builder()
        .set_tag_filter(tag_filter)
        .set_user_attribute_filter(attribute_filter)
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_criteria_convert() {
        let c = criteria(
            "SearchCriteria",
            &json!({"OrConditions": [
                {"StringCondition": {"FieldName": "Username", "Value": "ja", "ComparisonType": "STARTS_WITH"}},
                {"AndConditions": [{"StringCondition": {"FieldName": "FirstName", "Value": "Jane", "ComparisonType": "EXACT"}}]}
            ]}),
        )
        .unwrap();
        let or = c.or_conditions.unwrap();
        assert_eq!(or.len(), 2);
        let s = or[0].string_condition.as_ref().unwrap();
        assert_eq!(s.value.as_deref(), Some("ja"));
        assert_eq!(s.comparison_type.as_ref().unwrap().as_str(), "STARTS_WITH");
        assert_eq!(or[1].and_conditions.as_ref().unwrap().len(), 1);
    }

    #[test]
    fn unknown_members_and_wrong_types_name_the_path() {
        let err = criteria(
            "SearchCriteria",
            &json!({"StringCondition": {"Field": "x"}}),
        )
        .unwrap_err();
        assert!(
            err.message
                .starts_with("SearchCriteria.StringCondition: unknown parameter \"Field\""),
            "{}",
            err.message
        );
        let err = criteria(
            "SearchCriteria",
            &json!({"OrConditions": [{"StringCondition": {"Value": 3}}]}),
        )
        .unwrap_err();
        assert_eq!(
            err.message,
            "SearchCriteria.OrConditions[0].StringCondition.Value: expected a string"
        );
        let err = filter("SearchFilter", &json!([1])).unwrap_err();
        assert_eq!(err.message, "SearchFilter: expected a JSON object");
    }

    #[test]
    fn filters_convert() {
        let f = filter(
            "SearchFilter",
            &json!({"TagFilter": {"OrConditions": [[{"TagKey": "team", "TagValue": "billing"}]]}}),
        )
        .unwrap();
        let or = f.tag_filter.unwrap().or_conditions.unwrap();
        assert_eq!(or[0][0].tag_key.as_deref(), Some("team"));
    }
}
