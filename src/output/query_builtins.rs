//! What each JMESPath built-in function computes, with Python's results: `avg` is always a
//! float, `ceil`/`floor` give ints, `sum` of ints stays an int, `sort_by` is stable and demands
//! one key type, `max`/`min` keep the first extreme element, `to_string` is `json.dumps`.

use serde_json::{Map, Number, Value};

use super::json::to_compact_ascii;
use super::query::{Eval, Interpreter, QueryError};
use super::query_functions::{Arg, Expref, error, str_of_any, type_error};
use super::query_values::{jmespath_type, python_compare, python_eq, python_type};

fn value_arg(args: &mut std::vec::IntoIter<Arg>) -> Value {
    match args.next() {
        Some(Arg::Value(v)) => v,
        _ => Value::Null,
    }
}

fn expref_arg<'a>(args: &mut std::vec::IntoIter<Arg<'a>>) -> Option<Expref<'a>> {
    match args.next() {
        Some(Arg::Expref(e)) => Some(e),
        _ => None,
    }
}

fn array(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        _ => Vec::new(),
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn float(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// Python `int(math.floor(x))`-style results: an int when it fits, else the float.
fn integral(f: f64) -> Value {
    if f.abs() < 9.2e18 {
        Value::from(f as i64)
    } else {
        float(f)
    }
}

pub(super) fn dispatch(interpreter: &Interpreter, name: &str, args: Vec<Arg>) -> Eval {
    let mut args = args.into_iter();
    let first = |args: &mut std::vec::IntoIter<Arg>| value_arg(args);
    Ok(match name {
        "abs" => match first(&mut args) {
            Value::Number(n) if n.is_f64() => float(n.as_f64().unwrap_or(0.0).abs()),
            Value::Number(n) => n.as_i64().map_or_else(
                || Value::Number(n.clone()),
                |i| Value::from(i.unsigned_abs()),
            ),
            other => other,
        },
        "avg" => {
            let items = array(first(&mut args));
            if items.is_empty() {
                Value::Null
            } else {
                float(sum_f64(&items) / items.len() as f64)
            }
        }
        "ceil" => integral(first(&mut args).as_f64().unwrap_or(0.0).ceil()),
        "floor" => integral(first(&mut args).as_f64().unwrap_or(0.0).floor()),
        "contains" => {
            let subject = first(&mut args);
            let search = value_arg(&mut args);
            match (&subject, &search) {
                (Value::String(s), Value::String(needle)) => {
                    Value::Bool(s.contains(needle.as_str()))
                }
                (Value::String(_), other) => {
                    return Err(error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        python_type(other)
                    )));
                }
                (Value::Array(items), _) => {
                    Value::Bool(items.iter().any(|i| python_eq(i, &search)))
                }
                _ => Value::Bool(false),
            }
        }
        "ends_with" | "starts_with" => {
            let subject = first(&mut args);
            let affix = value_arg(&mut args);
            let (s, a) = (subject.as_str().unwrap_or(""), affix.as_str().unwrap_or(""));
            Value::Bool(if name == "ends_with" {
                s.ends_with(a)
            } else {
                s.starts_with(a)
            })
        }
        "join" => {
            let separator = first(&mut args);
            let parts: Vec<String> = array(value_arg(&mut args))
                .into_iter()
                .map(|v| v.as_str().unwrap_or("").to_owned())
                .collect();
            Value::String(parts.join(separator.as_str().unwrap_or("")))
        }
        "keys" => Value::Array(
            object(first(&mut args))
                .into_iter()
                .map(|(k, _)| Value::String(k))
                .collect(),
        ),
        "values" => Value::Array(
            object(first(&mut args))
                .into_iter()
                .map(|(_, v)| v)
                .collect(),
        ),
        "length" => Value::from(match first(&mut args) {
            Value::String(s) => s.chars().count(),
            Value::Array(items) => items.len(),
            Value::Object(map) => map.len(),
            _ => 0,
        }),
        "map" => {
            let Some(expref) = expref_arg(&mut args) else {
                return Ok(Value::Null);
            };
            let items = array(value_arg(&mut args));
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                out.push(interpreter.evaluate(expref.0, item)?);
            }
            Value::Array(out)
        }
        "max" | "min" => {
            let symbol = if name == "max" { ">" } else { "<" };
            extreme(array(first(&mut args)), symbol)?.unwrap_or(Value::Null)
        }
        "max_by" | "min_by" => {
            let items = array(first(&mut args));
            let Some(expref) = expref_arg(&mut args) else {
                return Ok(Value::Null);
            };
            extreme_by(interpreter, name, items, &expref)?
        }
        "merge" => {
            let mut merged = Map::new();
            for arg in std::iter::once(Arg::Value(first(&mut args))).chain(args) {
                match arg {
                    Arg::Value(Value::Object(map)) => merged.extend(map),
                    Arg::Value(other) => {
                        return Err(error(format!(
                            "'{}' object is not iterable",
                            python_type(&other)
                        )));
                    }
                    Arg::Expref(_) => {
                        return Err(error("'_Expression' object is not iterable".to_owned()));
                    }
                }
            }
            Value::Object(merged)
        }
        "not_null" => std::iter::once(Arg::Value(first(&mut args)))
            .chain(args)
            .find_map(|a| match a {
                Arg::Value(v) if !v.is_null() => Some(v),
                _ => None,
            })
            .unwrap_or(Value::Null),
        "reverse" => match first(&mut args) {
            Value::String(s) => Value::String(s.chars().rev().collect()),
            Value::Array(mut items) => {
                items.reverse();
                Value::Array(items)
            }
            other => other,
        },
        "sort" => {
            let mut items = array(first(&mut args));
            items.sort_by(|a, b| python_compare(a, b, "<").unwrap_or(std::cmp::Ordering::Equal));
            Value::Array(items)
        }
        "sort_by" => {
            let items = array(first(&mut args));
            let Some(expref) = expref_arg(&mut args) else {
                return Ok(Value::Null);
            };
            sort_by(interpreter, items, &expref)?
        }
        "sum" => {
            let items = array(first(&mut args));
            if items.iter().all(|v| v.is_i64() || v.is_u64()) {
                let total: i128 = items
                    .iter()
                    .map(|v| {
                        v.as_i64()
                            .map_or_else(|| i128::from(v.as_u64().unwrap_or(0)), i128::from)
                    })
                    .sum();
                i64::try_from(total).map_or_else(|_| float(total as f64), Value::from)
            } else {
                float(sum_f64(&items))
            }
        }
        "to_array" => match first(&mut args) {
            Value::Array(items) => Value::Array(items),
            other => Value::Array(vec![other]),
        },
        "to_string" => match first(&mut args) {
            Value::String(s) => Value::String(s),
            other => Value::String(to_compact_ascii(&other)),
        },
        "to_number" => to_number(first(&mut args)),
        "type" => Value::String(jmespath_type(&first(&mut args)).to_owned()),
        _ => return Err(error(format!("Unknown function: {name}()"))),
    })
}

fn sum_f64(items: &[Value]) -> f64 {
    items.iter().filter_map(Value::as_f64).sum()
}

/// `max()`/`min()`: the first extreme element, comparing as Python does.
fn extreme(items: Vec<Value>, symbol: &str) -> Result<Option<Value>, QueryError> {
    let mut best: Option<Value> = None;
    for item in items {
        let better = match &best {
            None => true,
            Some(current) => {
                let ord = python_compare(&item, current, symbol)?;
                if symbol == ">" {
                    ord.is_gt()
                } else {
                    ord.is_lt()
                }
            }
        };
        if better {
            best = Some(item);
        }
    }
    Ok(best)
}

/// The key of one element for the `*_by` functions, type-checked as Python's key functions do.
fn key_of(
    interpreter: &Interpreter,
    function: &str,
    expref: &Expref,
    item: &Value,
    allowed: &[&str],
) -> Eval {
    let key = interpreter.evaluate(expref.0, item)?;
    if !allowed.contains(&jmespath_type(&key)) {
        return Err(type_error(
            function,
            str_of_any(&key),
            jmespath_type(&key),
            allowed,
        ));
    }
    Ok(key)
}

fn extreme_by(
    interpreter: &Interpreter,
    function: &str,
    items: Vec<Value>,
    expref: &Expref,
) -> Eval {
    let symbol = if function == "max_by" { ">" } else { "<" };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let key = key_of(interpreter, function, expref, &item, &["number", "string"])?;
        let better = match &best {
            None => true,
            Some((best_key, _)) => {
                let ord = python_compare(&key, best_key, symbol)?;
                if symbol == ">" {
                    ord.is_gt()
                } else {
                    ord.is_lt()
                }
            }
        };
        if better {
            best = Some((key, item));
        }
    }
    Ok(best.map_or(Value::Null, |(_, item)| item))
}

/// `sort_by`: the first element's key type is required of all; the sort is stable.
fn sort_by(interpreter: &Interpreter, items: Vec<Value>, expref: &Expref) -> Eval {
    let Some(first) = items.first() else {
        return Ok(Value::Array(items));
    };
    let required = jmespath_type(&interpreter.evaluate(expref.0, first)?);
    if required != "number" && required != "string" {
        return Err(type_error(
            "sort_by",
            str_of_any(first),
            required,
            &["string", "number"],
        ));
    }
    let mut keyed = Vec::with_capacity(items.len());
    for item in items {
        let key = key_of(interpreter, "sort_by", expref, &item, &[required])?;
        keyed.push((key, item));
    }
    keyed.sort_by(|(a, _), (b, _)| python_compare(a, b, "<").unwrap_or(std::cmp::Ordering::Equal));
    Ok(Value::Array(
        keyed.into_iter().map(|(_, item)| item).collect(),
    ))
}

/// `to_number`: numbers pass, strings parse as Python's `int()` then `float()`, else null.
fn to_number(value: Value) -> Value {
    match value {
        Value::Number(n) => Value::Number(n),
        Value::String(s) => {
            let text = s.trim();
            if let Ok(i) = text.parse::<i64>() {
                Value::from(i)
            } else if text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            {
                text.parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite())
                    .map_or(Value::Null, float)
            } else {
                Value::Null
            }
        }
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use crate::output::Query;
    use serde_json::{Value, json};

    fn apply_query(data: &Value, expression: &str) -> Result<Value, crate::output::QueryError> {
        Query::parse(expression)?.apply(data)
    }

    #[test]
    fn number_results_keep_pythons_int_and_float_kinds() {
        let data = json!({"ints": [1, 2, 4], "floats": [1.5, 2.5]});
        let q = |e: &str| apply_query(&data, e).unwrap();
        assert_eq!(q("sum(ints)"), json!(7));
        assert!(q("sum(ints)").is_i64());
        assert_eq!(q("sum(floats)"), json!(4.0));
        assert!(q("avg(ints)").is_f64());
        assert!(q("ceil(`1.2`)").is_i64());
        assert_eq!(q("to_number('2.50')"), json!(2.5));
        assert_eq!(q("to_number('x')"), json!(null));
    }

    #[test]
    fn sort_by_is_stable_and_merge_keeps_first_positions() {
        let data = json!([{"k": 1, "n": "a"}, {"k": 0, "n": "b"}, {"k": 1, "n": "c"}]);
        let sorted = apply_query(&data, "sort_by(@, &k)[].n").unwrap();
        assert_eq!(sorted, json!(["b", "a", "c"]));
        let merged = apply_query(
            &json!({}),
            "merge(`{\"b\": 1, \"a\": 2}`, `{\"c\": 3, \"b\": 4}`)",
        )
        .unwrap();
        let keys: Vec<&String> = merged.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["b", "a", "c"]);
        assert_eq!(merged["b"], json!(4));
    }
}
