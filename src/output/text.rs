//! `--output text`: a port of `awscli/text.py` (identical in AWS CLI v1 and v2).
//!
//! Dicts print their scalar values tab-separated on one line (keys sorted), prefixed by the
//! upper-cased name of the member that held them; nested lists and dicts follow on their own
//! lines. A list of dicts shares one column set: every scalar key seen in any element, sorted,
//! with '' where an element lacks one.

use serde_json::{Map, Value};

use super::python::{cell_text, repr_of, str_of};

/// The text rendering of `value`, including the trailing newline(s).
pub fn render(value: &Value) -> String {
    let mut out = String::new();
    format_value(&mut out, value, None, None);
    out
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

/// `str()` of a value in a column: scalars as Python prints them, a container (a key that is
/// scalar in one list element and not in another) as Python's `repr` of it.
fn cell(value: &Value) -> String {
    cell_text(&if is_scalar(value) {
        str_of(value)
    } else {
        repr_of(value)
    })
}

fn format_value(out: &mut String, item: &Value, identifier: Option<&str>, keys: Option<&[String]>) {
    match item {
        Value::Object(map) => format_dict(out, map, identifier, keys),
        Value::Array(items) => format_list(out, items, identifier),
        scalar => {
            out.push_str(&cell_text(&str_of(scalar)));
            out.push('\n');
        }
    }
}

fn format_list(out: &mut String, items: &[Value], identifier: Option<&str>) {
    if items.is_empty() {
        return;
    }
    if items.iter().any(Value::is_object) {
        let keys = all_scalar_keys(items);
        for element in items {
            format_value(out, element, identifier, Some(&keys));
        }
    } else if items.iter().any(Value::is_array) {
        let (scalars, nested): (Vec<&Value>, Vec<&Value>) =
            items.iter().partition(|v| is_scalar(v));
        if !scalars.is_empty() {
            format_scalar_list(out, &scalars, identifier);
        }
        for element in nested {
            format_value(out, element, identifier, None);
        }
    } else {
        let all: Vec<&Value> = items.iter().collect();
        format_scalar_list(out, &all, identifier);
    }
}

fn format_scalar_list(out: &mut String, items: &[&Value], identifier: Option<&str>) {
    match identifier {
        Some(name) => {
            for item in items {
                out.push_str(&cell_text(&name.to_uppercase()));
                out.push('\t');
                out.push_str(&cell(item));
                out.push('\n');
            }
        }
        None => {
            let cells: Vec<String> = items.iter().map(|v| cell(v)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
}

fn format_dict(
    out: &mut String,
    map: &Map<String, Value>,
    identifier: Option<&str>,
    keys: Option<&[String]>,
) {
    let (mut scalars, nested) = partition_dict(map, keys);
    if !scalars.is_empty() {
        if let Some(name) = identifier {
            scalars.insert(0, cell_text(&name.to_uppercase()));
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (name, value) in nested {
        format_value(out, value, Some(name), None);
    }
}

/// Every key holding a scalar in any of the dicts, sorted (`_all_scalar_keys`).
fn all_scalar_keys(items: &[Value]) -> Vec<String> {
    let mut keys: Vec<String> = items
        .iter()
        .filter_map(Value::as_object)
        .flat_map(|map| map.iter())
        .filter(|(_, v)| is_scalar(v))
        .map(|(k, _)| k.clone())
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Splits a dict into the printed scalar cells and the (key, value) pairs printed after them.
fn partition_dict<'a>(
    map: &'a Map<String, Value>,
    keys: Option<&[String]>,
) -> (Vec<String>, Vec<(&'a str, &'a Value)>) {
    let mut sorted: Vec<(&String, &Value)> = map.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    match keys {
        None => {
            let mut scalars = Vec::new();
            let mut nested = Vec::new();
            for (key, value) in sorted {
                if is_scalar(value) {
                    scalars.push(cell(value));
                } else {
                    nested.push((key.as_str(), value));
                }
            }
            (scalars, nested)
        }
        Some(keys) => {
            let scalars = keys
                .iter()
                .map(|k| map.get(k).map_or_else(String::new, cell))
                .collect();
            let nested = sorted
                .into_iter()
                .filter(|(k, _)| !keys.contains(k))
                .map(|(k, v)| (k.as_str(), v))
                .collect();
            (scalars, nested)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dict_scalars_sorted_then_nested_with_identifier() {
        let value = json!({"User": {"Username": "jane", "Id": "1", "Tags": {"b": "2", "a": "1"}}});
        assert_eq!(render(&value), "USER\t1\tjane\nTAGS\t1\t2\n");
    }

    #[test]
    fn list_of_dicts_shares_columns() {
        let value = json!({"L": [{"A": 1, "B": 2}, {"B": 3, "C": true}]});
        assert_eq!(render(&value), "L\t1\t2\t\nL\t\t3\tTrue\n");
    }

    #[test]
    fn scalars_and_lists() {
        assert_eq!(render(&json!(null)), "None\n");
        assert_eq!(render(&json!(["a", "b"])), "a\tb\n");
        assert_eq!(render(&json!({"Ids": ["a", "b"]})), "IDS\ta\nIDS\tb\n");
        assert_eq!(render(&json!([["a", 1], ["b", 2]])), "a\t1\nb\t2\n");
        assert_eq!(render(&json!([])), "");
        assert_eq!(render(&json!({})), "");
    }
}
