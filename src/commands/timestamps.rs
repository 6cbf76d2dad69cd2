//! Rewrites the timestamps of a response document, which arrive as epoch seconds, into the
//! configured `cli_timestamp_format`: ISO 8601 in the local time zone, or left as numbers.

use serde_json::Value;

use super::settings::TimestampFormat;
use crate::model::Timestamp;

/// Converts the values at `paths` (dotted member names; `Name[]` walks every list element).
pub fn convert(doc: &mut Value, paths: &[&str], format: TimestampFormat) {
    if format == TimestampFormat::None {
        return;
    }
    for path in paths {
        let parts: Vec<&str> = path.split('.').collect();
        rewrite_at(doc, &parts, &|v| {
            if let Some(secs) = v.as_f64() {
                *v = Value::String(crate::output::iso8601_local(Timestamp(secs)));
            }
        });
    }
}

/// Applies `f` to every value reached by `parts` (absent members are skipped).
pub fn rewrite_at(doc: &mut Value, parts: &[&str], f: &dyn Fn(&mut Value)) {
    let Some((first, rest)) = parts.split_first() else {
        f(doc);
        return;
    };
    let (name, each) = match first.strip_suffix("[]") {
        Some(name) => (name, true),
        None => (*first, false),
    };
    let Some(child) = doc.get_mut(name) else {
        return;
    };
    if each {
        if let Value::Array(items) = child {
            for item in items {
                rewrite_at(item, rest, f);
            }
        }
    } else {
        rewrite_at(child, rest, f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn iso8601_rewrites_every_listed_timestamp_and_nothing_else() {
        let mut doc = json!({
            "UserSummaryList": [
                {"Id": "a", "LastModifiedTime": 1589390427},
                {"Id": "b"},
                {"Id": "c", "LastModifiedTime": 1589390427.5}
            ],
            "NextToken": "1589390427"
        });
        convert(
            &mut doc,
            &["UserSummaryList[].LastModifiedTime"],
            TimestampFormat::Iso8601,
        );
        let list = doc["UserSummaryList"].as_array().unwrap();
        assert_eq!(
            list[0]["LastModifiedTime"],
            json!(crate::output::iso8601_local(Timestamp(1589390427.0)))
        );
        assert!(list[0]["LastModifiedTime"].is_string());
        assert!(list[1].get("LastModifiedTime").is_none());
        assert!(list[2]["LastModifiedTime"].is_string());
        assert_eq!(doc["NextToken"], json!("1589390427"));
    }

    #[test]
    fn none_keeps_the_epoch_numbers() {
        let mut doc = json!({"User": {"LastModifiedTime": 1589390427}});
        let before = doc.clone();
        convert(&mut doc, &["User.LastModifiedTime"], TimestampFormat::None);
        assert_eq!(doc, before);
    }
}
