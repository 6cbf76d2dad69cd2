//! The value rules Python's jmespath inherits from Python itself: truthiness, `==` (where
//! `1 == 1.0` and `True == 1`), ordering of numbers and strings, and the type names that
//! appear in its error messages.

use std::cmp::Ordering;

use serde_json::Value;

use super::query::QueryError;

/// `TreeInterpreter._is_false`: `''`, `[]`, `{}`, `None` and `False` (but not `0`).
pub fn is_false(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::String(s) => s.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        Value::Number(_) => false,
    }
}

/// The jmespath type name (`string`, `number`, ...).
pub fn jmespath_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The Python type name (`str`, `int`, `NoneType`, ...), which some messages show instead.
pub fn python_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Python's `==` on JSON values: numbers by value, bools equal to 0/1, dicts ignoring order.
pub fn python_eq(a: &Value, b: &Value) -> bool {
    match (as_number(a), as_number(b)) {
        (Some(x), Some(y)) => return x == y,
        (Some(_), None) | (None, Some(_)) => return false,
        (None, None) => {}
    }
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| python_eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| python_eq(v, w)))
        }
        _ => false,
    }
}

/// jmespath's `_equals`: Python `==`, except that 0/1 never equal a boolean.
pub fn jmespath_equals(a: &Value, b: &Value) -> bool {
    let zero_or_one = |v: &Value| v.as_f64().is_some_and(|f| f == 0.0 || f == 1.0);
    if (zero_or_one(a) && b.is_boolean()) || (zero_or_one(b) && a.is_boolean()) {
        return false;
    }
    python_eq(a, b)
}

/// A number, or a bool as Python's `int` subclass.
fn as_number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    }
}

/// Python's ordering of two numbers or two strings; anything else is Python's `TypeError`.
pub fn python_compare(a: &Value, b: &Value, symbol: &str) -> Result<Ordering, QueryError> {
    match (a, b) {
        (Value::String(x), Value::String(y)) => Ok(x.cmp(y)),
        (Value::Number(_), Value::Number(_)) => {
            let (x, y) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
            Ok(x.partial_cmp(&y).unwrap_or(Ordering::Equal))
        }
        _ => Err(QueryError::Evaluation(format!(
            "'{symbol}' not supported between instances of '{}' and '{}'",
            python_type(a),
            python_type(b)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equality_follows_python_with_jmespaths_bool_exception() {
        assert!(python_eq(&json!(1), &json!(1.0)));
        assert!(python_eq(&json!(true), &json!(1)));
        assert!(!jmespath_equals(&json!(true), &json!(1)));
        assert!(jmespath_equals(
            &json!({"a": 1, "b": 2}),
            &json!({"b": 2, "a": 1.0})
        ));
    }

    #[test]
    fn mixed_ordering_is_a_type_error() {
        let err = python_compare(&json!(1), &json!("a"), "<").unwrap_err();
        assert_eq!(
            err.to_string(),
            "'<' not supported between instances of 'int' and 'str'"
        );
    }
}
