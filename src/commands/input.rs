//! Request input: `--cli-input-json` / `--cli-input-yaml` (inline or `file://path`), merged
//! with the command-line values (which win), then checked the way botocore's parameter
//! validator does it, with its messages.
//!
//! YAML is read with `serde_norway` (the maintained fork of serde_yaml) into the same
//! `serde_json::Value` the JSON path produces, so both inputs share one validation.

use serde_json::{Map, Value};

use super::error::CommandError;

/// The JSON type a top-level input member must have.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A string of at least `min_len` characters.
    String { min_len: usize },
    /// An integer of at least `min`.
    Integer { min: i64 },
    /// A structure (JSON object); its inside is left to the service to validate.
    Structure,
    /// A list of at least `min_items` strings (`QueueTypes`, `Filters.Agents`).
    StringList { min_items: usize },
    /// A structure whose members are checked too (`Filters`).
    Fields(&'static [Member]),
}

/// One top-level member of an operation's input shape, in model order.
#[derive(Debug, Clone, Copy)]
pub struct Member {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
}

/// Reads a parameter value the AWS CLI way: `file://path` means the file's text, anything
/// else is the value itself. `param` is the option name without dashes, for messages.
pub fn read_param_value(raw: &str, param: &str) -> Result<String, CommandError> {
    match raw.strip_prefix("file://") {
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            CommandError::Usage(format!(
                "Error parsing parameter '{param}': Unable to load paramfile {raw}: {e}"
            ))
        }),
        None => Ok(raw.to_string()),
    }
}

/// Parses a JSON object given on the command line (inline or `file://`).
pub fn parse_json_param(raw: &str, param: &str) -> Result<Value, CommandError> {
    let text = read_param_value(raw, param)?;
    serde_json::from_str(&text).map_err(|e| {
        CommandError::Usage(format!(
            "Error parsing parameter '{param}': Invalid JSON: {e}\nJSON received: {text}"
        ))
    })
}

/// The members given by `--cli-input-json` or `--cli-input-yaml` (empty when neither).
pub fn load_cli_input(
    json: Option<&str>,
    yaml: Option<&str>,
) -> Result<Map<String, Value>, CommandError> {
    let (value, param) = match (json, yaml) {
        (Some(raw), _) => (parse_json_param(raw, "cli-input-json")?, "cli-input-json"),
        (None, Some(raw)) => {
            let text = read_param_value(raw, "cli-input-yaml")?;
            let value: Value = serde_norway::from_str(&text).map_err(|e| {
                CommandError::Usage(format!(
                    "Error parsing parameter 'cli-input-yaml': Invalid YAML: {e}"
                ))
            })?;
            (value, "cli-input-yaml")
        }
        (None, None) => return Ok(Map::new()),
    };
    match value {
        Value::Object(map) => Ok(map),
        // An empty YAML document reads as null: no members.
        Value::Null => Ok(Map::new()),
        other => Err(CommandError::Usage(format!(
            "Error parsing parameter '{param}': Invalid input: expected a mapping of \
             parameter names to values, got {}",
            python_type(&other)
        ))),
    }
}

/// Command-line values first, then the input file's members for what the command line left
/// unset (the AWS CLI's rule: explicit arguments override `--cli-input-*`).
pub fn merge(command_line: Map<String, Value>, file: Map<String, Value>) -> Map<String, Value> {
    let mut merged = command_line;
    for (key, value) in file {
        merged.entry(key).or_insert(value);
    }
    merged
}

/// botocore's checks on the top-level members, with its messages and in its order: missing
/// required members, unknown members, then wrong types and out-of-range values.
pub fn validate(params: &Map<String, Value>, members: &[Member]) -> Result<(), CommandError> {
    let problems = problems_in(params, members, "");
    if problems.is_empty() {
        Ok(())
    } else {
        Err(CommandError::param_validation(&problems))
    }
}

/// The problems of the structure at `path` (empty: the input itself).
fn problems_in(params: &Map<String, Value>, members: &[Member], path: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let place = if path.is_empty() { "input" } else { path };
    for m in members.iter().filter(|m| m.required) {
        if !params.contains_key(m.name) {
            problems.push(format!(
                "Missing required parameter in {place}: \"{}\"",
                m.name
            ));
        }
    }
    // Unknown members are all reported before the known members' values are checked.
    let names: Vec<&str> = members.iter().map(|m| m.name).collect();
    for key in params.keys().filter(|k| !names.contains(&k.as_str())) {
        problems.push(format!(
            "Unknown parameter in {place}: \"{key}\", must be one of: {}",
            names.join(", ")
        ));
    }
    for (key, value) in params {
        if let Some(m) = members.iter().find(|m| m.name == key) {
            let name = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            problems.extend(check_kind(&name, value, m.kind));
        }
    }
    problems
}

fn check_kind(name: &str, value: &Value, kind: Kind) -> Option<String> {
    let invalid_type = |valid: &str| {
        Some(format!(
            "Invalid type for parameter {name}, value: {}, type: <class '{}'>, valid types: \
             <class '{valid}'>",
            python_str(value),
            python_type(value)
        ))
    };
    match (kind, value) {
        (Kind::String { min_len }, Value::String(s)) => {
            let len = s.chars().count();
            (len < min_len).then(|| {
                format!(
                    "Invalid length for parameter {name}, value: {len}, valid min length: {min_len}"
                )
            })
        }
        (Kind::String { .. }, _) => invalid_type("str"),
        (Kind::Integer { min }, Value::Number(n)) => match n.as_i64() {
            Some(v) if v < min => Some(format!(
                "Invalid value for parameter {name}, value: {v}, valid min value: {min}"
            )),
            Some(_) => None,
            None => invalid_type("int"),
        },
        (Kind::Integer { .. }, _) => invalid_type("int"),
        (Kind::Structure, Value::Object(_)) => None,
        (Kind::Structure, _) => invalid_type("dict"),
        (Kind::StringList { min_items }, Value::Array(items)) if items.len() < min_items => {
            Some(format!(
                "Invalid length for parameter {name}, value: {}, valid min length: {min_items}",
                items.len()
            ))
        }
        (Kind::StringList { .. }, Value::Array(items)) => {
            let problems: Vec<String> = items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    check_kind(&format!("{name}[{i}]"), item, Kind::String { min_len: 0 })
                })
                .collect();
            (!problems.is_empty()).then(|| problems.join("\n"))
        }
        (Kind::Fields(members), Value::Object(map)) => {
            let problems = problems_in(map, members, name);
            (!problems.is_empty()).then(|| problems.join("\n"))
        }
        (Kind::Fields(_), _) => invalid_type("dict"),
        (Kind::StringList { .. }, _) => Some(format!(
            "Invalid type for parameter {name}, value: {}, type: <class '{}'>, valid types: \
             <class 'list'>, <class 'tuple'>",
            python_str(value),
            python_type(value)
        )),
    }
}

/// Python's type name for a JSON value, as botocore's messages show it.
fn python_type(value: &Value) -> &'static str {
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

/// Python's `str()` of a JSON value (strings bare at the top, `repr` inside containers).
fn python_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => python_repr(other),
    }
}

fn python_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(python_repr).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("'{k}': {}", python_repr(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const DESCRIBE: &[Member] = &[
        Member {
            name: "UserId",
            kind: Kind::String { min_len: 1 },
            required: true,
        },
        Member {
            name: "InstanceId",
            kind: Kind::String { min_len: 1 },
            required: true,
        },
    ];

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn command_line_values_override_the_input_file() {
        let merged = merge(
            obj(json!({"UserId": "from-cli"})),
            obj(json!({"UserId": "from-file", "InstanceId": "i"})),
        );
        assert_eq!(
            Value::Object(merged),
            json!({"UserId": "from-cli", "InstanceId": "i"})
        );
    }

    #[test]
    fn json_and_yaml_inputs_read_inline_and_from_files() {
        let dir = tempfile::tempdir().unwrap();
        let yaml_path = dir.path().join("in.yaml");
        std::fs::write(&yaml_path, "UserId: u1\nInstanceId: 'i1'\n").unwrap();
        let from_yaml =
            load_cli_input(None, Some(&format!("file://{}", yaml_path.display()))).unwrap();
        assert_eq!(
            Value::Object(from_yaml),
            json!({"UserId": "u1", "InstanceId": "i1"})
        );
        let inline = load_cli_input(Some(r#"{"UserId": "u2"}"#), None).unwrap();
        assert_eq!(Value::Object(inline), json!({"UserId": "u2"}));
        assert!(load_cli_input(None, None).unwrap().is_empty());
    }

    #[test]
    fn malformed_or_missing_input_is_a_usage_error() {
        let err = load_cli_input(Some(r#"{"UserId":"a""#), None).unwrap_err();
        assert_eq!(err.exit_code(), 252);
        assert!(
            err.stderr_text()
                .contains("Error parsing parameter 'cli-input-json': Invalid JSON:"),
            "{err:?}"
        );
        let err = load_cli_input(Some("file:///nonexistent/x.json"), None).unwrap_err();
        assert!(
            err.stderr_text()
                .contains("Unable to load paramfile file:///nonexistent/x.json")
        );
        let err = load_cli_input(None, Some("[1, 2]")).unwrap_err();
        assert!(err.stderr_text().contains("got list"), "{err:?}");
        let err = load_cli_input(None, Some("a: [unclosed")).unwrap_err();
        assert!(err.stderr_text().contains("Invalid YAML"), "{err:?}");
    }

    #[test]
    fn validation_reports_like_botocore() {
        let err = validate(&obj(json!({"Foo": 1, "UserId": "a"})), DESCRIBE).unwrap_err();
        assert_eq!(
            err,
            CommandError::Usage(
                "Parameter validation failed:\n\
                 Missing required parameter in input: \"InstanceId\"\n\
                 Unknown parameter in input: \"Foo\", must be one of: UserId, InstanceId"
                    .into()
            )
        );
        let err = validate(&obj(json!({"UserId": 5, "InstanceId": ""})), DESCRIBE).unwrap_err();
        assert_eq!(
            err,
            CommandError::Usage(
                "Parameter validation failed:\n\
                 Invalid type for parameter UserId, value: 5, type: <class 'int'>, valid types: <class 'str'>\n\
                 Invalid length for parameter InstanceId, value: 0, valid min length: 1"
                    .into()
            )
        );
        assert!(validate(&obj(json!({"UserId": "u", "InstanceId": "i"})), DESCRIBE).is_ok());
    }

    #[test]
    fn unknown_members_come_before_type_errors() {
        let err = validate(&obj(json!({"UserId": 5, "Foo": 1})), DESCRIBE).unwrap_err();
        assert_eq!(
            err,
            CommandError::Usage(
                "Parameter validation failed:\n\
                 Missing required parameter in input: \"InstanceId\"\n\
                 Unknown parameter in input: \"Foo\", must be one of: UserId, InstanceId\n\
                 Invalid type for parameter UserId, value: 5, type: <class 'int'>, valid types: <class 'str'>"
                    .into()
            )
        );
    }

    #[test]
    fn integers_and_structures_are_checked() {
        let members = [
            Member {
                name: "MaxResults",
                kind: Kind::Integer { min: 1 },
                required: false,
            },
            Member {
                name: "SearchFilter",
                kind: Kind::Structure,
                required: false,
            },
        ];
        let err = validate(
            &obj(json!({"MaxResults": 0, "SearchFilter": ["x"]})),
            &members,
        )
        .unwrap_err();
        assert_eq!(
            err,
            CommandError::Usage(
                "Parameter validation failed:\n\
                 Invalid value for parameter MaxResults, value: 0, valid min value: 1\n\
                 Invalid type for parameter SearchFilter, value: ['x'], type: <class 'list'>, valid types: <class 'dict'>"
                    .into()
            )
        );
        let err = validate(&obj(json!({"MaxResults": "ten"})), &members).unwrap_err();
        assert!(
            err.stderr_text()
                .contains("value: ten, type: <class 'str'>")
        );
    }
}
