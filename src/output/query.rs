//! `--query`: JMESPath evaluated the way the AWS CLI's Python `jmespath` package does.
//!
//! Why not just `jmespath::Expression::search`? No JMESPath crate on crates.io gives the AWS
//! CLI's results: `jmespath` 0.5 (and its fork `jmespatch`) store objects in a `BTreeMap`, so
//! `--query User` would print members alphabetically and `{Name:Username,Id:Id}` as `{Id, Name}`;
//! they also refuse ordering comparisons of strings (`[?LastModifiedTime > '2024-01-01']`, a
//! common AWS CLI idiom that Python's jmespath supports). `jmespath_community` keeps order but
//! holds numbers as `f64` and, in 0.1.2, lacks `sort_by`, `max`, `join`, `to_string` and more.
//! So the `jmespath` crate (the reference Rust implementation) still does the hard, well-tested
//! part — parsing to its public [`Ast`] — and this module evaluates that AST directly on
//! `serde_json::Value` with Python's rules (the `TreeInterpreter` of jmespath 1.1.0).

use std::fmt;

use jmespath::ast::{Ast, Comparator};
use serde_json::{Map, Value};

use super::query_functions::{self, Expref};
use super::query_literals::quote_legacy_literals;
use super::query_syntax::{self, Described};
use super::query_values::{is_false, jmespath_equals, python_compare};

/// Why `--query` could not be applied.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryError {
    /// The expression does not parse (the AWS CLI rejects it before calling the service).
    Invalid { expression: String, reason: String },
    /// Evaluating it failed (an unknown function, a wrong argument type, ...); the message is
    /// Python jmespath's.
    Evaluation(String),
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::Invalid { expression, reason } => {
                write!(f, "Bad value for --query {expression}: {reason}")
            }
            QueryError::Evaluation(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for QueryError {}

/// A `--query` expression, parsed once: the AWS CLI compiles `--query` while reading its
/// arguments (so a bad one fails before any request), then evaluates that compiled value on
/// each response. Parsing is the only validation; [`Query::apply`] evaluates the same tree.
#[derive(Debug)]
pub struct Query {
    /// The text evaluated (legacy literals rewritten), which literals are re-read from.
    source: String,
    ast: Ast,
}

impl Query {
    /// Parses `expression` as Python's jmespath does (legacy literals included), or says why
    /// the AWS CLI would reject it.
    pub fn parse(expression: &str) -> Result<Query, QueryError> {
        let invalid = |reason: String| QueryError::Invalid {
            expression: expression.to_owned(),
            reason,
        };
        if expression.is_empty() {
            return Err(invalid(
                "Invalid JMESPath expression: cannot be empty.".to_owned(),
            ));
        }
        // Python's grammar decides (and words the error); the crate builds the tree, from the
        // text with legacy literals made JSON, which it alone does not accept.
        query_syntax::check(expression)
            .map_err(|e| invalid(Described(&e, expression).to_string()))?;
        let source = quote_legacy_literals(expression).into_owned();
        let ast = jmespath::parse(&source)
            .map_err(|e| invalid(format!("{} at column {}", e.reason, e.column)))?;
        Ok(Query { source, ast })
    }

    /// Evaluates the query on one response, keeping object member order.
    pub fn apply(&self, value: &Value) -> Result<Value, QueryError> {
        Interpreter {
            source: &self.source,
        }
        .evaluate(&self.ast, value)
    }
}

pub(super) type Eval = Result<Value, QueryError>;

/// Evaluates one parsed expression; `source` is its text, for literals (see [`Self::literal`]).
pub(super) struct Interpreter<'s> {
    pub source: &'s str,
}

impl Interpreter<'_> {
    /// `TreeInterpreter.visit`: one AST node against the current value.
    pub(super) fn evaluate(&self, node: &Ast, value: &Value) -> Eval {
        let evaluate = |node: &Ast, value: &Value| self.evaluate(node, value);
        match node {
            Ast::Identity { .. } => Ok(value.clone()),
            Ast::Field { name, .. } => Ok(value.get(name).cloned().unwrap_or(Value::Null)),
            Ast::Index { idx, .. } => Ok(index(value, *idx)),
            Ast::Literal {
                value: literal,
                offset,
            } => Ok(self
                .literal(*offset)
                .unwrap_or_else(|| serde_json::to_value(&**literal).unwrap_or(Value::Null))),
            Ast::Subexpr { lhs, rhs, .. } => evaluate(rhs, &evaluate(lhs, value)?),
            Ast::Projection { lhs, rhs, .. } => {
                let Value::Array(items) = evaluate(lhs, value)? else {
                    return Ok(Value::Null);
                };
                let mut collected = Vec::with_capacity(items.len());
                for item in &items {
                    let current = evaluate(rhs, item)?;
                    if !current.is_null() {
                        collected.push(current);
                    }
                }
                Ok(Value::Array(collected))
            }
            Ast::ObjectValues { node, .. } => Ok(match evaluate(node, value)? {
                Value::Object(map) => Value::Array(map.into_iter().map(|(_, v)| v).collect()),
                _ => Value::Null,
            }),
            Ast::Flatten { node, .. } => Ok(match evaluate(node, value)? {
                Value::Array(items) => Value::Array(flatten(items)),
                _ => Value::Null,
            }),
            Ast::Slice {
                start, stop, step, ..
            } => slice(value, *start, *stop, *step),
            Ast::Condition {
                predicate, then, ..
            } => {
                if is_false(&evaluate(predicate, value)?) {
                    Ok(Value::Null)
                } else {
                    evaluate(then, value)
                }
            }
            Ast::Comparison {
                comparator,
                lhs,
                rhs,
                ..
            } => compare(comparator, &evaluate(lhs, value)?, &evaluate(rhs, value)?),
            Ast::Not { node, .. } => Ok(Value::Bool(is_false(&evaluate(node, value)?))),
            Ast::And { lhs, rhs, .. } => {
                let left = evaluate(lhs, value)?;
                if is_false(&left) {
                    Ok(left)
                } else {
                    evaluate(rhs, value)
                }
            }
            Ast::Or { lhs, rhs, .. } => {
                let left = evaluate(lhs, value)?;
                if is_false(&left) {
                    evaluate(rhs, value)
                } else {
                    Ok(left)
                }
            }
            Ast::MultiList { elements, .. } => {
                if value.is_null() {
                    return Ok(Value::Null);
                }
                let items = elements
                    .iter()
                    .map(|e| evaluate(e, value))
                    .collect::<Result<_, _>>()?;
                Ok(Value::Array(items))
            }
            Ast::MultiHash { elements, .. } => {
                if value.is_null() {
                    return Ok(Value::Null);
                }
                let mut map = Map::new();
                for pair in elements {
                    map.insert(pair.key.clone(), evaluate(&pair.value, value)?);
                }
                Ok(Value::Object(map))
            }
            Ast::Function { name, args, .. } => {
                let mut resolved = Vec::with_capacity(args.len());
                for arg in args {
                    resolved.push(match arg {
                        Ast::Expref { ast, .. } => query_functions::Arg::Expref(Expref(ast)),
                        other => query_functions::Arg::Value(evaluate(other, value)?),
                    });
                }
                query_functions::call(self, name, resolved)
            }
            // A bare `&expr` outside a function argument is a value Python cannot print either.
            Ast::Expref { .. } => Err(QueryError::Evaluation(
                "Object of type _Expression is not JSON serializable".to_owned(),
            )),
        }
    }

    /// A `` `json` `` literal re-read from the expression text with member order kept (the
    /// parser's value holds objects sorted); `None` for raw strings and unreadable text.
    fn literal(&self, offset: usize) -> Option<Value> {
        let body = self.source.get(offset..)?.strip_prefix('`')?;
        let mut end = None;
        let mut escaped = false;
        for (i, ch) in body.char_indices() {
            match ch {
                '\\' if !escaped => escaped = true,
                '`' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        serde_json::from_str(&body[..end?].replace("\\`", "`")).ok()
    }
}

fn index(value: &Value, idx: i32) -> Value {
    let Value::Array(items) = value else {
        return Value::Null;
    };
    let len = items.len() as i64;
    let i = if idx < 0 {
        len + i64::from(idx)
    } else {
        i64::from(idx)
    };
    if (0..len).contains(&i) {
        items[i as usize].clone()
    } else {
        Value::Null
    }
}

fn flatten(items: Vec<Value>) -> Vec<Value> {
    let mut merged = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Value::Array(inner) => merged.extend(inner),
            other => merged.push(other),
        }
    }
    merged
}

/// Python's `list[start:stop:step]`.
fn slice(value: &Value, start: Option<i32>, stop: Option<i32>, step: i32) -> Eval {
    let Value::Array(items) = value else {
        return Ok(Value::Null);
    };
    if step == 0 {
        return Err(QueryError::Evaluation(
            "slice step cannot be zero".to_owned(),
        ));
    }
    let len = items.len() as i64;
    let step = i64::from(step);
    let clamp = |bound: Option<i32>, default: i64| -> i64 {
        match bound {
            None => default,
            Some(b) => {
                let b = i64::from(b);
                let b = if b < 0 { b + len } else { b };
                if step > 0 {
                    b.clamp(0, len)
                } else {
                    b.clamp(-1, len - 1)
                }
            }
        }
    };
    let (default_start, default_stop) = if step > 0 { (0, len) } else { (len - 1, -1) };
    let mut i = clamp(start, default_start);
    let stop = clamp(stop, default_stop);
    let mut out = Vec::new();
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(items[i as usize].clone());
        i += step;
    }
    Ok(Value::Array(out))
}

fn compare(comparator: &Comparator, left: &Value, right: &Value) -> Eval {
    let ordering = match comparator {
        Comparator::Equal => return Ok(Value::Bool(jmespath_equals(left, right))),
        Comparator::NotEqual => return Ok(Value::Bool(!jmespath_equals(left, right))),
        _ => {
            let comparable = |v: &Value| v.is_number() || v.is_string();
            if !(comparable(left) && comparable(right)) {
                return Ok(Value::Null);
            }
            let symbol = match comparator {
                Comparator::LessThan => "<",
                Comparator::LessThanEqual => "<=",
                Comparator::GreaterThan => ">",
                _ => ">=",
            };
            python_compare(left, right, symbol)?
        }
    };
    Ok(Value::Bool(match comparator {
        Comparator::LessThan => ordering.is_lt(),
        Comparator::LessThanEqual => ordering.is_le(),
        Comparator::GreaterThan => ordering.is_gt(),
        _ => ordering.is_ge(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn apply_query(value: &Value, expression: &str) -> Result<Value, QueryError> {
        Query::parse(expression)?.apply(value)
    }

    #[test]
    fn multiselect_hash_keeps_expression_order() {
        let data = json!({"User": {"Username": "jane", "Id": "1"}});
        let out = apply_query(&data, "User.{Name:Username,Id:Id}").unwrap();
        let keys: Vec<&String> = out.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["Name", "Id"]);
    }

    #[test]
    fn strings_compare_like_python() {
        let data = json!({"L": [{"T": "2024-02-01"}, {"T": "2023-12-31"}]});
        let out = apply_query(&data, "L[?T > '2024-01-01'].T").unwrap();
        assert_eq!(out, json!(["2024-02-01"]));
    }

    #[test]
    fn slices_follow_python() {
        let data = json!([0, 1, 2, 3, 4]);
        assert_eq!(apply_query(&data, "[::-2]").unwrap(), json!([4, 2, 0]));
        assert_eq!(apply_query(&data, "[-2:]").unwrap(), json!([3, 4]));
        assert_eq!(apply_query(&data, "[1:3]").unwrap(), json!([1, 2]));
    }

    #[test]
    fn a_compiled_query_accepts_legacy_literals_and_applies_again() {
        let query = Query::parse("L[?S==`ACTIVE`].Id").unwrap();
        let data = json!({"L": [{"S": "ACTIVE", "Id": 1}, {"S": "OFF", "Id": 2}]});
        assert_eq!(query.apply(&data).unwrap(), json!([1]));
        assert_eq!(query.apply(&json!({"L": []})).unwrap(), json!([]));
        assert_eq!(Query::parse("`5`").unwrap().apply(&data).unwrap(), json!(5));
        for literal in ["`\"x\"`", "'x'", "`x`"] {
            let query = Query::parse(literal).unwrap();
            assert_eq!(query.apply(&data).unwrap(), json!("x"), "{literal}");
        }
    }

    #[test]
    fn parse_errors_are_worded_as_the_aws_cli_prints_them() {
        let message = |e: &str| Query::parse(e).unwrap_err().to_string();
        assert_eq!(
            message("User.["),
            "Bad value for --query User.[: Invalid jmespath expression: Incomplete \
             expression:\n\"User.[\"\n       ^"
        );
        assert_eq!(
            message("a ++ b"),
            "Bad value for --query a ++ b: Bad jmespath expression: Unknown token +:\na ++ b\n  ^"
        );
        assert_eq!(
            message("a)"),
            "Bad value for --query a): Unexpected token: ): Parse error at column 1, token \
             \")\" (RPAREN), for expression:\n\"a)\"\n  ^"
        );
        assert_eq!(
            message(""),
            "Bad value for --query : Invalid JMESPath expression: cannot be empty."
        );
    }

    #[test]
    fn bad_expression_is_invalid() {
        let err = Query::parse("User.[").unwrap_err();
        assert!(matches!(err, QueryError::Invalid { .. }));
        assert!(
            err.to_string()
                .starts_with("Bad value for --query User.[: ")
        );
        for bad in ["foo[?", "a.b.", "User.Username |", "", "length(", "a ++ b"] {
            let err = apply_query(&json!({}), bad).unwrap_err();
            assert!(matches!(err, QueryError::Invalid { .. }), "{bad}: {err}");
        }
    }
}
