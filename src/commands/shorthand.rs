//! The AWS CLI's shorthand syntax for structure options (awscli/shorthand.py), enough for
//! the structures the drop-ins take: `Agents=ID1,ID2,Queues=Q1`, explicit lists
//! `Agents=[ID1,ID2]`, nested structures `ContactFilter={ContactStates=[CONNECTED]}`, and
//! quoted values. A value given once where the model has a list becomes a one-item list,
//! as the AWS CLI's shape-aware post-processing does. A value starting with `{` is JSON.

use serde_json::{Map, Value};

use super::error::CommandError;
use super::input::{parse_json_param, read_param_value};

/// Parses an option's value (inline or `file://`) as JSON or shorthand. `lists` names the
/// members that are lists (`Outer/Inner` inside a nested structure).
pub fn parse_param(raw: &str, option: &str, lists: &[&str]) -> Result<Value, CommandError> {
    let text = read_param_value(raw, option)?;
    if text.trim_start().starts_with('{') {
        return parse_json_param(&text, option);
    }
    let mut parser = Parser {
        text: text.chars().collect(),
        at: 0,
    };
    let mut value = parser.parameter().map_err(|expected| {
        let received = parser
            .text
            .get(parser.at)
            .map_or_else(|| "EOF".to_string(), char::to_string);
        CommandError::Usage(format!(
            "Error parsing parameter '{option}': Expected: '{expected}', received: \
             '{received}' for input:\n{text}\n{}^",
            " ".repeat(parser.at)
        ))
    })?;
    coerce_lists(&mut value, "", lists);
    Ok(value)
}

struct Parser {
    text: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.text.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn parameter(&mut self) -> Result<Value, &'static str> {
        let map = self.keyvals(None)?;
        match self.peek() {
            None => Ok(Value::Object(map)),
            Some(_) => Err(","),
        }
    }

    /// `key=values` pairs separated by commas, up to `end` (or the end of input).
    fn keyvals(&mut self, end: Option<char>) -> Result<Map<String, Value>, &'static str> {
        let mut map = Map::new();
        loop {
            let key = self.key();
            if key.is_empty() {
                return Err("=");
            }
            if !self.eat('=') {
                return Err("=");
            }
            let value = self.values(end)?;
            map.insert(key, value);
            if self.peek() == end {
                return Ok(map);
            }
            if !self.eat(',') {
                return Err(",");
            }
        }
    }

    fn key(&mut self) -> String {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || "-_.#/:".contains(c))
        {
            self.at += 1;
        }
        self.text[start..self.at].iter().collect()
    }

    /// Whether a `key=` starts at the current position (so a comma before it ends a list).
    fn key_follows(&self) -> bool {
        let mut i = self.at;
        while self
            .text
            .get(i)
            .is_some_and(|c| c.is_alphanumeric() || "-_.#/:".contains(*c))
        {
            i += 1;
        }
        i > self.at && self.text.get(i) == Some(&'=')
    }

    fn values(&mut self, end: Option<char>) -> Result<Value, &'static str> {
        match self.peek() {
            Some('[') => self.explicit_list(),
            Some('{') => self.hash(),
            _ => {
                let mut values = vec![self.value(end)];
                while self.peek() == Some(',') {
                    self.at += 1;
                    if self.key_follows() {
                        self.at -= 1;
                        break;
                    }
                    values.push(self.value(end));
                }
                Ok(match values.len() {
                    1 => values.remove(0),
                    _ => Value::Array(values),
                })
            }
        }
    }

    fn explicit_list(&mut self) -> Result<Value, &'static str> {
        self.eat('[');
        let mut items = Vec::new();
        if self.eat(']') {
            return Ok(Value::Array(items));
        }
        loop {
            let item = match self.peek() {
                Some('{') => self.hash()?,
                Some('[') => self.explicit_list()?,
                _ => self.value(Some(']')),
            };
            items.push(item);
            if self.eat(']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(',') {
                return Err("]");
            }
        }
    }

    fn hash(&mut self) -> Result<Value, &'static str> {
        self.eat('{');
        let map = self.keyvals(Some('}'))?;
        if !self.eat('}') {
            return Err("}");
        }
        Ok(Value::Object(map))
    }

    /// One value: quoted, or everything up to a comma or the closing bracket.
    fn value(&mut self, end: Option<char>) -> Value {
        if let Some(quote @ ('\'' | '"')) = self.peek() {
            self.at += 1;
            let mut out = String::new();
            while let Some(c) = self.peek() {
                self.at += 1;
                match c {
                    '\\' => {
                        if let Some(next) = self.peek() {
                            out.push(next);
                            self.at += 1;
                        }
                    }
                    c if c == quote => break,
                    c => out.push(c),
                }
            }
            return Value::String(out);
        }
        let start = self.at;
        while self.peek().is_some_and(|c| c != ',' && Some(c) != end) {
            self.at += 1;
        }
        let text: String = self.text[start..self.at].iter().collect();
        Value::String(text.trim().to_string())
    }
}

/// Single values become one-item lists where the model has a list.
fn coerce_lists(value: &mut Value, prefix: &str, lists: &[&str]) {
    let Value::Object(map) = value else { return };
    for (key, member) in map.iter_mut() {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}/{key}")
        };
        if lists.contains(&path.as_str()) && !member.is_array() {
            *member = Value::Array(vec![member.take()]);
        }
        coerce_lists(member, &path, lists);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const LISTS: &[&str] = &["Agents", "Queues", "ContactFilter/ContactStates"];

    fn parse(text: &str) -> Value {
        parse_param(text, "--filters", LISTS).unwrap()
    }

    #[test]
    fn comma_separated_values_run_until_the_next_key() {
        assert_eq!(parse("Agents=a,b,c"), json!({"Agents": ["a", "b", "c"]}));
        assert_eq!(
            parse("Agents=a,b,Queues=q"),
            json!({"Agents": ["a", "b"], "Queues": ["q"]})
        );
        assert_eq!(parse("Agents=a"), json!({"Agents": ["a"]}));
    }

    #[test]
    fn lists_structures_quotes_and_json() {
        assert_eq!(
            parse("Agents=[a,b],ContactFilter={ContactStates=CONNECTED}"),
            json!({"Agents": ["a", "b"], "ContactFilter": {"ContactStates": ["CONNECTED"]}})
        );
        assert_eq!(parse("Agents='a,b'"), json!({"Agents": ["a,b"]}));
        assert_eq!(parse(r#"{"Agents": ["x"]}"#), json!({"Agents": ["x"]}));
    }

    #[test]
    fn malformed_shorthand_is_a_usage_error() {
        for bad in [
            "Agents",
            "Agents=[a",
            "=a",
            "ContactFilter={ContactStates=a",
        ] {
            let err = parse_param(bad, "--filters", LISTS).unwrap_err();
            assert_eq!(err.exit_code(), 252, "{bad}");
            assert!(
                err.stderr_text()
                    .contains("Error parsing parameter '--filters'"),
                "{bad}"
            );
        }
    }
}
