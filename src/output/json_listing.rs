//! A merged listing (`{"UserSummaryList": [...], ...}`) written as `--output json` text item by
//! item, as pages arrive: the same bytes as rendering the merged document, without building
//! that document (a `Value` per item, a 20,000-item array) and then walking it again.

use serde::Serialize;
use serde_json::{Serializer, Value};

use super::json_format::{PythonJson, TimestampMember};

/// Items sit in the document's list: object depth 1, list depth 2.
const ITEM_DEPTH: usize = 2;

pub struct JsonListing {
    out: Vec<u8>,
    items: usize,
    timestamp: Option<TimestampMember>,
}

impl JsonListing {
    /// Starts the document with its list `result_key`; `iso_member` is the item member whose
    /// epoch seconds print as local ISO 8601 (`None`: numbers as they are).
    pub fn new(result_key: &str, iso_member: Option<&'static str>) -> serde_json::Result<Self> {
        let mut listing = JsonListing {
            out: Vec::new(),
            items: 0,
            timestamp: iso_member.map(|name| TimestampMember {
                name,
                depth: ITEM_DEPTH + 1,
            }),
        };
        listing.out.extend_from_slice(b"{\n");
        listing.member_name(result_key)?;
        listing.out.push(b'[');
        Ok(listing)
    }

    /// Appends the list's next item.
    pub fn push<T: Serialize>(&mut self, item: &T) -> serde_json::Result<()> {
        self.out
            .extend_from_slice(if self.items == 0 { b"\n" } else { b",\n" });
        indent(&mut self.out, ITEM_DEPTH);
        let formatter = PythonJson::nested(ITEM_DEPTH, self.timestamp);
        item.serialize(&mut Serializer::with_formatter(&mut self.out, formatter))?;
        self.items += 1;
        Ok(())
    }

    /// Closes the list, appends the `trailing` members in order (the non-aggregate member,
    /// the resume token) and returns the whole text with its final newline.
    pub fn finish(mut self, trailing: &[(&str, Value)]) -> serde_json::Result<Vec<u8>> {
        if self.items > 0 {
            self.out.push(b'\n');
            indent(&mut self.out, 1);
        }
        self.out.push(b']');
        for (name, value) in trailing {
            self.out.extend_from_slice(b",\n");
            self.member_name(name)?;
            value.serialize(&mut Serializer::with_formatter(
                &mut self.out,
                PythonJson::nested(1, None),
            ))?;
        }
        self.out.extend_from_slice(b"\n}\n");
        Ok(self.out)
    }

    /// `    "Name": ` at the document's top level.
    fn member_name(&mut self, name: &str) -> serde_json::Result<()> {
        indent(&mut self.out, 1);
        name.serialize(&mut Serializer::with_formatter(
            &mut self.out,
            PythonJson::default(),
        ))?;
        self.out.extend_from_slice(b": ");
        Ok(())
    }
}

fn indent(out: &mut Vec<u8>, depth: usize) {
    for _ in 0..depth {
        out.extend_from_slice(b"    ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Timestamp;
    use serde_json::json;

    /// The text equals rendering the merged document with its timestamps rewritten.
    #[test]
    fn same_bytes_as_the_rendered_document() {
        let items = [
            json!({"Id": "a\"é\u{1}", "LastModifiedTime": 1589390427, "N": {"LastModifiedTime": 1}}),
            json!({"Id": "b", "LastModifiedTime": 1589390427.547, "Tags": {}, "L": []}),
        ];
        let mut listing = JsonListing::new("Users", Some("LastModifiedTime")).unwrap();
        for item in &items {
            listing.push(item).unwrap();
        }
        let text = listing
            .finish(&[("Count", json!(1.5e16)), ("NextToken", json!("t"))])
            .unwrap();
        let mut converted = items.to_vec();
        for item in &mut converted {
            let secs = item["LastModifiedTime"].as_f64().unwrap();
            item["LastModifiedTime"] = json!(crate::output::iso8601_local(Timestamp(secs)));
        }
        let doc = json!({"Users": converted, "Count": 1.5e16, "NextToken": "t"});
        assert_eq!(
            String::from_utf8(text).unwrap(),
            crate::output::json::render(&doc)
        );
    }

    #[test]
    fn an_empty_listing_is_an_empty_list() {
        let text = JsonListing::new("Users", None)
            .unwrap()
            .finish(&[])
            .unwrap();
        assert_eq!(text, b"{\n    \"Users\": []\n}\n");
    }
}
