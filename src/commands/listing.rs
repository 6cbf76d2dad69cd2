//! Runs a list operation and prints it the way the AWS CLI does: one raw page for
//! `--no-paginate`; otherwise every page merged into one document (json, table, yaml), or
//! printed page by page as it arrives: text prints each page's list (the first page with its
//! non-aggregate member) and then the resume token, yaml-stream prints each raw page.
//! A `NextToken` resume token appears only when `--max-items` stopped early.

use std::future::Future;

use serde_json::{Map, Value};

use super::error::CommandError;
use super::operation::Paginator;
use super::paging::PageWalk;
use super::request::Paging;

/// One page as the service returned it, its items already in document form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageDoc {
    pub items: Vec<Value>,
    pub next_token: Option<String>,
    /// The paginator's non-aggregate member (SearchUsers' `ApproximateTotalCount`).
    pub non_aggregate: Option<Value>,
}

/// How an output format shows a paginated listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageStyle {
    /// One document once every page is in (json, table, yaml).
    Merged,
    /// Each page's list as it arrives, then the resume token (the AWS CLI's text formatter).
    ListPerPage,
    /// Each page as the service returned it, its list cut to `--max-items` (yaml-stream).
    RawPerPage,
}

/// Where documents go: the presenter in the program, a recorder in tests.
pub trait DocumentSink {
    fn page_style(&self) -> PageStyle;
    /// Prints one document (timestamps still epoch numbers).
    fn print(&mut self, doc: Value) -> Result<(), CommandError>;
}

/// Runs the listing; `fetch(service token, page size)` gets one page, `explicit` are the
/// `NextToken` / `MaxResults` members for single-page mode.
pub async fn run<F, Fut>(
    paginator: Paginator,
    paging: Paging,
    explicit: (Option<String>, Option<i32>),
    mut fetch: F,
    presenter: &mut dyn DocumentSink,
) -> Result<(), CommandError>
where
    F: FnMut(Option<String>, Option<i32>) -> Fut,
    Fut: Future<Output = Result<PageDoc, CommandError>>,
{
    let (page_size, max_items, starting) = match paging {
        Paging::Single => {
            let page = fetch(explicit.0, explicit.1).await?;
            return presenter.print(raw_page(paginator, page));
        }
        Paging::Auto {
            page_size,
            max_items,
            starting,
        } => (page_size, max_items, starting),
    };
    if max_items.is_some_and(|n| n <= 0) {
        eprintln!("warning: Non-positive values for --max-items may result in undefined behavior.");
    }
    let style = presenter.page_style();
    let mut walk = PageWalk::new(max_items, starting);
    let mut merged: Vec<Value> = Vec::new();
    let mut non_aggregate: Option<Value> = None;
    let mut first = true;
    while let Some(token) = walk.next_request() {
        let page = fetch(token.map(str::to_string), Some(page_size)).await?;
        let service_token = page.next_token.clone();
        let items = walk.accept(page.items, page.next_token)?;
        let mut doc = Map::new();
        if first && let Some(key) = paginator.non_aggregate_key {
            // botocore records the member from the first page, null when it is absent.
            let value = page.non_aggregate.clone().unwrap_or(Value::Null);
            non_aggregate = Some(value.clone());
            doc.insert(key.to_string(), value);
        }
        first = false;
        match style {
            PageStyle::Merged => merged.extend(items),
            PageStyle::ListPerPage => {
                doc.insert(paginator.result_key.to_string(), Value::Array(items));
                presenter.print(Value::Object(doc))?;
            }
            PageStyle::RawPerPage => {
                let raw = PageDoc {
                    items,
                    next_token: service_token,
                    non_aggregate: page.non_aggregate,
                };
                presenter.print(raw_page(paginator, raw))?;
            }
        }
    }
    match style {
        PageStyle::Merged => presenter.print(merged_document(
            paginator,
            merged,
            non_aggregate,
            walk.resume_token(),
        )),
        PageStyle::ListPerPage => match walk.resume_token() {
            Some(token) => {
                let inner = Map::from_iter([("NextToken".into(), token.into())]);
                let doc = Map::from_iter([("NextToken".into(), Value::Object(inner))]);
                presenter.print(Value::Object(doc))
            }
            None => Ok(()),
        },
        PageStyle::RawPerPage => Ok(()),
    }
}

/// A single response in the model's member order (result list, NextToken, extra member).
fn raw_page(paginator: Paginator, page: PageDoc) -> Value {
    let mut doc = Map::new();
    doc.insert(paginator.result_key.into(), Value::Array(page.items));
    if let Some(token) = page.next_token {
        doc.insert("NextToken".into(), Value::String(token));
    }
    if let (Some(key), Some(value)) = (paginator.non_aggregate_key, page.non_aggregate) {
        doc.insert(key.into(), value);
    }
    Value::Object(doc)
}

/// botocore's `build_full_result`: the merged list, the first page's non-aggregate member,
/// then the resume token.
fn merged_document(
    paginator: Paginator,
    items: Vec<Value>,
    non_aggregate: Option<Value>,
    resume_token: Option<&str>,
) -> Value {
    let mut doc = Map::new();
    doc.insert(paginator.result_key.into(), Value::Array(items));
    if let (Some(key), Some(value)) = (paginator.non_aggregate_key, non_aggregate) {
        doc.insert(key.into(), value);
    }
    if let Some(token) = resume_token {
        doc.insert("NextToken".into(), Value::String(token.into()));
    }
    Value::Object(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::operation::Operation;
    use crate::commands::paging::encode_resume_token;
    use serde_json::json;
    use std::cell::RefCell;

    struct Recorder {
        style: PageStyle,
        docs: Vec<Value>,
    }

    impl DocumentSink for Recorder {
        fn page_style(&self) -> PageStyle {
            self.style
        }
        fn print(&mut self, doc: Value) -> Result<(), CommandError> {
            self.docs.push(doc);
            Ok(())
        }
    }

    /// Three pages of users 0..7 (pages of 3); records each request.
    struct FakeService {
        requests: RefCell<Vec<(Option<String>, Option<i32>)>>,
    }

    impl FakeService {
        fn new() -> Self {
            FakeService {
                requests: RefCell::new(Vec::new()),
            }
        }

        async fn page(
            &self,
            token: Option<String>,
            size: Option<i32>,
        ) -> Result<PageDoc, CommandError> {
            self.requests.borrow_mut().push((token.clone(), size));
            let start: usize = token.as_deref().map_or(0, |t| t.parse().unwrap());
            let end = (start + 3).min(7);
            Ok(PageDoc {
                items: (start..end).map(|i| json!({"Id": i})).collect(),
                next_token: (end < 7).then(|| end.to_string()),
                non_aggregate: Some(json!(7)),
            })
        }
    }

    async fn run_with(
        op: Operation,
        style: PageStyle,
        paging: Paging,
    ) -> (Vec<Value>, FakeService) {
        let service = FakeService::new();
        let mut sink = Recorder {
            style,
            docs: Vec::new(),
        };
        let paginator = op.paginator().unwrap();
        run(
            paginator,
            paging,
            (None, None),
            |t, s| service.page(t, s),
            &mut sink,
        )
        .await
        .unwrap();
        (sink.docs, service)
    }

    #[tokio::test]
    async fn json_merges_all_pages_into_one_document() {
        let paging = Paging::Auto {
            page_size: 3,
            max_items: None,
            starting: None,
        };
        let (docs, service) = run_with(Operation::SearchUsers, PageStyle::Merged, paging).await;
        assert_eq!(docs.len(), 1);
        let ids: Vec<Value> = (0..7).map(|i| json!({"Id": i})).collect();
        assert_eq!(docs[0], json!({"Users": ids, "ApproximateTotalCount": 7}));
        let keys: Vec<&String> = docs[0].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["Users", "ApproximateTotalCount"]);
        assert_eq!(
            *service.requests.borrow(),
            vec![
                (None, Some(3)),
                (Some("3".into()), Some(3)),
                (Some("6".into()), Some(3))
            ]
        );
    }

    #[tokio::test]
    async fn max_items_stops_early_and_prints_the_resume_token_last() {
        let paging = Paging::Auto {
            page_size: 3,
            max_items: Some(4),
            starting: None,
        };
        let (docs, service) = run_with(Operation::ListUsers, PageStyle::Merged, paging).await;
        let doc = &docs[0];
        assert_eq!(doc["UserSummaryList"].as_array().unwrap().len(), 4);
        assert_eq!(
            doc["NextToken"],
            json!(encode_resume_token(Some("3"), Some(1)))
        );
        assert_eq!(service.requests.borrow().len(), 2);
    }

    #[tokio::test]
    async fn text_streams_each_page_with_the_first_pages_extra_member_first() {
        let paging = Paging::Auto {
            page_size: 3,
            max_items: Some(5),
            starting: None,
        };
        let (docs, _) = run_with(Operation::SearchUsers, PageStyle::ListPerPage, paging).await;
        assert_eq!(docs.len(), 3);
        let keys: Vec<&String> = docs[0].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["ApproximateTotalCount", "Users"]);
        assert_eq!(docs[1], json!({"Users": [{"Id": 3}, {"Id": 4}]}));
        assert_eq!(
            docs[2],
            json!({"NextToken": {"NextToken": encode_resume_token(Some("3"), Some(2))}})
        );
    }

    #[tokio::test]
    async fn single_page_mode_prints_the_raw_response_in_model_order() {
        let (docs, service) =
            run_with(Operation::SearchUsers, PageStyle::Merged, Paging::Single).await;
        let doc = &docs[0];
        let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["Users", "NextToken", "ApproximateTotalCount"]);
        assert_eq!(*service.requests.borrow(), vec![(None, None)]);
    }

    #[tokio::test]
    async fn yaml_stream_prints_each_raw_page_cut_to_max_items() {
        let paging = Paging::Auto {
            page_size: 3,
            max_items: Some(5),
            starting: None,
        };
        let (docs, _) = run_with(Operation::SearchUsers, PageStyle::RawPerPage, paging).await;
        assert_eq!(
            docs,
            vec![
                json!({"Users": [{"Id": 0}, {"Id": 1}, {"Id": 2}], "NextToken": "3", "ApproximateTotalCount": 7}),
                json!({"Users": [{"Id": 3}, {"Id": 4}], "NextToken": "6", "ApproximateTotalCount": 7}),
            ]
        );
    }
}
