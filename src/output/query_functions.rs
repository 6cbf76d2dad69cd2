//! JMESPath's built-in functions with the signatures, type checks, results and error messages
//! of Python's jmespath 1.1.0 (`jmespath/functions.py`), which the AWS CLI uses.

use jmespath::ast::Ast;
use serde_json::Value;

use super::python::{repr_of, str_of};
use super::query::{Eval, Interpreter, QueryError};
use super::query_builtins::dispatch;
use super::query_values::{jmespath_type, python_type};

/// An `&expression` argument, evaluated by the function on each element.
pub struct Expref<'a>(pub &'a Ast);

/// A resolved function argument.
pub enum Arg<'a> {
    Value(Value),
    Expref(Expref<'a>),
}

/// Parameter type specs in jmespath's notation (`"array-number"` = an array of numbers).
struct Signature {
    name: &'static str,
    params: &'static [&'static [&'static str]],
    variadic: bool,
}

const ANY: &[&str] = &[];

#[rustfmt::skip]
const SIGNATURES: &[Signature] = &[
    Signature { name: "abs", params: &[&["number"]], variadic: false },
    Signature { name: "avg", params: &[&["array-number"]], variadic: false },
    Signature { name: "ceil", params: &[&["number"]], variadic: false },
    Signature { name: "contains", params: &[&["array", "string"], ANY], variadic: false },
    Signature { name: "ends_with", params: &[&["string"], &["string"]], variadic: false },
    Signature { name: "floor", params: &[&["number"]], variadic: false },
    Signature { name: "join", params: &[&["string"], &["array-string"]], variadic: false },
    Signature { name: "keys", params: &[&["object"]], variadic: false },
    Signature { name: "length", params: &[&["string", "array", "object"]], variadic: false },
    Signature { name: "map", params: &[&["expref"], &["array"]], variadic: false },
    Signature { name: "max", params: &[&["array-number", "array-string"]], variadic: false },
    Signature { name: "max_by", params: &[&["array"], &["expref"]], variadic: false },
    Signature { name: "merge", params: &[&["object"]], variadic: true },
    Signature { name: "min", params: &[&["array-number", "array-string"]], variadic: false },
    Signature { name: "min_by", params: &[&["array"], &["expref"]], variadic: false },
    Signature { name: "not_null", params: &[ANY], variadic: true },
    Signature { name: "reverse", params: &[&["array", "string"]], variadic: false },
    Signature { name: "sort", params: &[&["array-string", "array-number"]], variadic: false },
    Signature { name: "sort_by", params: &[&["array"], &["expref"]], variadic: false },
    Signature { name: "starts_with", params: &[&["string"], &["string"]], variadic: false },
    Signature { name: "sum", params: &[&["array-number"]], variadic: false },
    Signature { name: "to_array", params: &[ANY], variadic: false },
    Signature { name: "to_number", params: &[ANY], variadic: false },
    Signature { name: "to_string", params: &[ANY], variadic: false },
    Signature { name: "type", params: &[ANY], variadic: false },
    Signature { name: "values", params: &[&["object"]], variadic: false },
];

pub(super) fn error(message: String) -> QueryError {
    QueryError::Evaluation(message)
}

/// Python's `str()` of an argument, as type errors print it.
fn describe(arg: &Arg) -> String {
    match arg {
        Arg::Value(v @ (Value::Array(_) | Value::Object(_))) => repr_of(v),
        Arg::Value(v) => str_of(v),
        Arg::Expref(_) => "<jmespath.visitor._Expression object>".to_owned(),
    }
}

pub(super) fn type_error(
    function: &str,
    value: String,
    actual: &str,
    expected: &[&str],
) -> QueryError {
    let expected: Vec<String> = expected.iter().map(|t| format!("'{t}'")).collect();
    error(format!(
        "In function {function}(), invalid type for value: {value}, expected one of: [{}], received: \"{actual}\"",
        expected.join(", ")
    ))
}

/// Calls `name` with `args` after Python's arity and type checks.
pub fn call(interpreter: &Interpreter, name: &str, args: Vec<Arg>) -> Eval {
    let Some(sig) = SIGNATURES.iter().find(|s| s.name == name) else {
        return Err(error(format!("Unknown function: {name}()")));
    };
    let expected = sig.params.len();
    let plural = if expected == 1 {
        "argument"
    } else {
        "arguments"
    };
    if sig.variadic && args.len() < expected {
        return Err(error(format!(
            "Expected at least {expected} {plural} for function {name}(), received {}",
            args.len()
        )));
    }
    if !sig.variadic && args.len() != expected {
        return Err(error(format!(
            "Expected {expected} {plural} for function {name}(), received {}",
            args.len()
        )));
    }
    for (arg, spec) in args.iter().zip(sig.params) {
        type_check(name, arg, spec)?;
    }
    dispatch(interpreter, name, args)
}

/// `_type_check_single`: the top-level type, then array element types.
fn type_check(function: &str, arg: &Arg, spec: &[&str]) -> Result<(), QueryError> {
    if spec.is_empty() {
        return Ok(());
    }
    let actual = match arg {
        Arg::Expref(_) => "expref",
        Arg::Value(v) => jmespath_type(v),
    };
    let top_types: Vec<&str> = spec
        .iter()
        .map(|t| t.split('-').next().unwrap_or(t))
        .collect();
    if !top_types.contains(&actual) {
        return Err(type_error(function, describe(arg), actual, spec));
    }
    let subtypes: Vec<&str> = spec
        .iter()
        .filter_map(|t| t.split_once('-'))
        .map(|(_, s)| s)
        .collect();
    let Arg::Value(Value::Array(items)) = arg else {
        return Ok(());
    };
    let allowed = match (subtypes.as_slice(), items.first()) {
        ([], _) => return Ok(()),
        ([only], _) => *only,
        (_, None) => return Ok(()),
        (many, Some(first)) => match many.iter().find(|s| **s == jmespath_type(first)) {
            Some(s) => *s,
            None => {
                return Err(type_error(
                    function,
                    str_of_any(first),
                    python_type(first),
                    spec,
                ));
            }
        },
    };
    // Python compares its own type names here, so `bool` is not a number and messages say `str`.
    for item in items {
        if jmespath_type(item) != allowed {
            return Err(type_error(
                function,
                str_of_any(item),
                python_type(item),
                spec,
            ));
        }
    }
    Ok(())
}

/// Python's `str()` of a value, as type errors print it.
pub(super) fn str_of_any(value: &Value) -> String {
    describe(&Arg::Value(value.clone()))
}
