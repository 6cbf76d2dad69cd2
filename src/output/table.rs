//! `--output table`: how the AWS CLI's `TableFormatter` turns a response into sections
//! (`_build_table` and friends in `awscli/formatter.py`), laid out by [`super::table_layout`].
//!
//! A dict becomes one header row of its scalar keys (sorted) over one value row — or a
//! key/value row when it has a single scalar key — and each non-scalar member becomes a
//! nested section titled with its key, indented one level. A list of dicts becomes a header
//! row of every scalar key seen, one row per element; when elements have nested members,
//! each element gets its own titled section so its nested tables follow it.

use serde_json::{Map, Value};

use super::python::{cell_text, repr_of, str_of};
use super::table_layout::{self, Section};

/// The width Python's `determine_terminal_width` falls back to when stdout is no terminal.
pub const DEFAULT_TERMINAL_WIDTH: usize = 80;

/// The table for `value` titled `title`; empty when `value` is falsy in Python's sense.
pub fn render(value: &Value, title: &str, color: bool, terminal_width: usize) -> String {
    let mut builder = Builder::default();
    if !builder.build(Some(title), value, 0) {
        return String::new();
    }
    table_layout::render(builder.sections, color, terminal_width)
}

/// Python truthiness: `None`, `False`, `0`, `""`, `[]` and `{}` are false.
fn is_truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

/// `str()` of a cell value (a container only lands here in malformed mixes).
fn cell(value: &Value) -> String {
    cell_text(&if is_scalar(value) {
        str_of(value)
    } else {
        repr_of(value)
    })
}

#[derive(Default)]
struct Builder {
    sections: Vec<Section>,
}

impl Builder {
    /// Member names are data too: titles and headers go through `cell_text` like values.
    fn new_section(&mut self, title: &str, indent_level: usize) {
        self.sections
            .push(Section::new(&cell_text(title), indent_level));
    }

    /// The section rows go into; `_build_table` always opens one before adding rows.
    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        let last = self.sections.len() - 1;
        &mut self.sections[last]
    }

    fn build(&mut self, title: Option<&str>, current: &Value, indent_level: usize) -> bool {
        if !is_truthy(current) {
            return false;
        }
        if let Some(title) = title {
            self.new_section(title, indent_level);
        }
        match current {
            Value::Array(items) => match items.first() {
                Some(Value::Object(_)) => self.list_of_dicts(items, indent_level, title),
                _ => self.list_of_other(items),
            },
            Value::Object(map) => self.dict(map, indent_level),
            _ => {}
        }
        true
    }

    fn list_of_other(&mut self, items: &[Value]) {
        for item in items {
            match item {
                Value::Array(inner) if inner.iter().all(is_scalar) => {
                    self.current().add_row(inner.iter().map(cell).collect());
                }
                // Iterating a dict in Python yields its keys, all scalars: the row is the keys.
                Value::Object(map) => self
                    .current()
                    .add_row(map.keys().map(|k| cell_text(k)).collect()),
                Value::Array(_) => {
                    self.build(None, item, 0);
                }
                scalar => self.current().add_row(vec![cell(scalar)]),
            }
        }
    }

    fn dict(&mut self, map: &Map<String, Value>, indent_level: usize) {
        let (headers, more) = group_scalar_keys(map);
        if headers.len() == 1 {
            let value = cell(&map[&headers[0]]);
            self.current().add_row(vec![cell_text(&headers[0]), value]);
        } else if !headers.is_empty() {
            let row = headers.iter().map(|k| cell(&map[k])).collect();
            self.current().add_header(displayed(&headers));
            self.current().add_row(row);
        }
        for key in more {
            self.build(Some(&key), &map[&key], indent_level + 1);
        }
    }

    fn list_of_dicts(&mut self, items: &[Value], indent_level: usize, title: Option<&str>) {
        let mut headers: Vec<String> = Vec::new();
        let mut more: Vec<String> = Vec::new();
        for map in items.iter().filter_map(Value::as_object) {
            let (h, m) = group_scalar_keys(map);
            headers.extend(h);
            more.extend(m);
        }
        for keys in [&mut headers, &mut more] {
            keys.sort();
            keys.dedup();
        }
        self.current().add_header(displayed(&headers));
        let empty = Map::new();
        for (i, element) in items.iter().enumerate() {
            if i > 0 && !more.is_empty() {
                self.new_section(title.unwrap_or(""), indent_level);
                self.current().add_header(displayed(&headers));
            }
            let map = element.as_object().unwrap_or(&empty);
            let row = headers
                .iter()
                .map(|h| map.get(h).map_or_else(String::new, cell))
                .collect();
            self.current().add_row(row);
            for key in &more {
                if let Some(nested) = map.get(key) {
                    self.build(Some(key), nested, indent_level + 1);
                }
            }
        }
    }
}

/// Header cells for member names.
fn displayed(keys: &[String]) -> Vec<String> {
    keys.iter().map(|k| cell_text(k)).collect()
}

/// `_group_scalar_keys`: (scalar keys, other keys), each sorted.
fn group_scalar_keys(map: &Map<String, Value>) -> (Vec<String>, Vec<String>) {
    let (mut headers, mut more): (Vec<String>, Vec<String>) =
        map.keys().cloned().partition(|k| is_scalar(&map[k]));
    headers.sort();
    more.sort();
    (headers, more)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn single_scalar_dict_is_a_key_value_row() {
        let out = render(&json!({"Count": 3}), "Op", false, 80);
        assert_eq!(
            out,
            "----------------\n|      Op      |\n+--------+-----+\n|  Count |  3  |\n+--------+-----+\n"
        );
    }

    #[test]
    fn falsy_values_print_nothing() {
        for value in [
            json!(null),
            json!(0),
            json!(""),
            json!([]),
            json!({}),
            json!(false),
        ] {
            assert_eq!(render(&value, "Op", false, 80), "");
        }
    }
}
