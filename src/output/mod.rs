//! PLACEHOLDER on the `commands` branch only: the real module comes from the `output` branch
//! (same API). This shim exists so `src/commands/` compiles and its tests run before the merge;
//! the lead takes the output branch's version of this file.

use serde::Serialize;
use serde_json::Value;

use crate::cli::OutputFormat;
use crate::model::Timestamp;

#[derive(Debug)]
pub struct QueryError(pub String);

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn render(value: &Value, _format: OutputFormat, _title: &str, _color: bool) -> String {
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    let _ = value.serialize(&mut ser);
    format!("{}\n", String::from_utf8_lossy(&out))
}

pub fn apply_query(value: &Value, expression: &str) -> Result<Value, QueryError> {
    let expr = jmespath::compile(expression).map_err(|e| QueryError(e.to_string()))?;
    let data = jmespath::Variable::from_json(&value.to_string()).map_err(QueryError)?;
    let result = expr.search(data).map_err(|e| QueryError(e.to_string()))?;
    serde_json::to_value(&*result).map_err(|e| QueryError(e.to_string()))
}

pub fn iso8601_local(ts: Timestamp) -> String {
    ts.to_chrono()
        .map(|t| t.with_timezone(&chrono::Local).to_rfc3339())
        .unwrap_or_default()
}
