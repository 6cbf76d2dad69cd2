//! A merged listing (json, table, yaml): botocore's `build_full_result` — the items of every
//! page in one list, the first page's non-aggregate member, then the resume token.
//!
//! `--query`, table and yaml need the whole result as a document before anything prints. Plain
//! `--output json` does not: its text is the items' text in order, so each page's items are
//! written as JSON as they arrive ([`JsonListing`]) and never become documents at all — for a
//! 20,000-user listing that was most of the time between the last response and stdout.

use serde::Serialize;
use serde_json::{Map, Value};

use super::error::CommandError;
use super::operation::Paginator;
use super::to_doc;
use crate::output::JsonListing;

/// Where the pages of a merged listing are collected.
pub enum MergedPages {
    /// As documents, for `--query` and the formats that lay out the whole result.
    Documents(Vec<Value>),
    /// As `--output json` text (timestamps already in their printed form).
    Json(JsonListing),
}

/// The finished listing.
#[derive(Debug, PartialEq)]
pub enum Merged {
    /// The merged document (timestamps still epoch numbers).
    Document(Value),
    /// The text to print, byte for byte.
    Text(Vec<u8>),
}

impl MergedPages {
    /// JSON text for list `result_key`; `iso_member` prints that item member as local ISO
    /// 8601 time.
    pub fn json(result_key: &str, iso_member: Option<&'static str>) -> Result<Self, CommandError> {
        JsonListing::new(result_key, iso_member)
            .map(MergedPages::Json)
            .map_err(json_error)
    }

    /// Adds one page's items (already cut to `--max-items` and the starting token).
    pub fn extend<T: Serialize>(&mut self, items: Vec<T>) -> Result<(), CommandError> {
        match self {
            MergedPages::Documents(list) => {
                list.reserve(items.len());
                for item in &items {
                    list.push(to_doc(item)?);
                }
            }
            MergedPages::Json(listing) => {
                for item in &items {
                    listing.push(item).map_err(json_error)?;
                }
            }
        }
        Ok(())
    }

    pub fn finish(
        self,
        paginator: Paginator,
        non_aggregate: Map<String, Value>,
        resume_token: Option<&str>,
    ) -> Result<Merged, CommandError> {
        let resume_token = resume_token.map(|token| ("NextToken".to_string(), Value::from(token)));
        let trailing = non_aggregate.into_iter().chain(resume_token);
        match self {
            MergedPages::Documents(items) => {
                let mut doc = Map::new();
                doc.insert(paginator.result_key.into(), Value::Array(items));
                doc.extend(trailing);
                Ok(Merged::Document(Value::Object(doc)))
            }
            MergedPages::Json(listing) => {
                let owned: Vec<(String, Value)> = trailing.collect();
                let trailing: Vec<(&str, Value)> =
                    owned.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                listing
                    .finish(&trailing)
                    .map(Merged::Text)
                    .map_err(json_error)
            }
        }
    }
}

fn json_error(e: serde_json::Error) -> CommandError {
    CommandError::Other(e.to_string())
}
