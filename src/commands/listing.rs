//! Runs a list operation and prints it the way the AWS CLI does: one raw page for
//! `--no-paginate`; otherwise every page merged into one document (json, table, yaml), or
//! printed page by page as it arrives: text prints each page's list (the first page with its
//! non-aggregate member) and then the resume token, yaml-stream prints each raw page.
//! A `NextToken` resume token appears only when `--max-items` stopped early.
//!
//! Items stay typed (`T: Serialize`) until a page is printed or merged, so a merge that
//! writes JSON text (see [`MergedPages`]) never turns them into documents.

use std::future::Future;

use serde::Serialize;
use serde_json::{Map, Value};

use super::error::CommandError;
use super::merge::{Merged, MergedPages};
use super::operation::{Operation, Paginator};
use super::paging::{PageWalk, adaptive_page_size};
use super::request::Paging;
use super::to_doc;

/// One page as the service returned it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageDoc<T> {
    pub items: Vec<T>,
    pub next_token: Option<String>,
    /// The paginator's non-aggregate members present on this page (SearchUsers'
    /// `ApproximateTotalCount`, ListRoutingProfileQueues' `LastModifiedTime`...).
    pub non_aggregate: Map<String, Value>,
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
    /// Where a merged listing's pages are collected as they arrive.
    fn merged_pages(&self, paginator: Paginator) -> Result<MergedPages, CommandError>;
    /// Prints a merged listing once every page is in.
    fn print_merged(&mut self, merged: Merged) -> Result<(), CommandError>;
}

/// Runs the listing of `op` (a paginated operation); `fetch(service token, page size)` gets
/// one page, `explicit` are the `NextToken` / `MaxResults` members for single-page mode.
pub async fn run<T, F, Fut>(
    op: Operation,
    paging: Paging,
    explicit: (Option<String>, Option<i32>),
    mut fetch: F,
    presenter: &mut dyn DocumentSink,
) -> Result<(), CommandError>
where
    T: Serialize,
    F: FnMut(Option<String>, Option<i32>) -> Fut,
    Fut: Future<Output = Result<PageDoc<T>, CommandError>>,
{
    let Some(paginator) = op.paginator() else {
        return Err(CommandError::Other(format!(
            "{} is not paginated",
            op.name()
        )));
    };
    let (page_size, max_items, starting) = match paging {
        Paging::Single => {
            // Without an explicit MaxResults the service's own default, as the AWS CLI gets.
            let size = explicit.1.unwrap_or(paginator.default_page_size);
            let page = fetch(explicit.0, Some(size)).await?;
            return presenter.print(raw_page(op, page)?);
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
    // Used by the merged style only (empty, and left so, for the others).
    let mut merged = presenter.merged_pages(paginator)?;
    let mut non_aggregate = Map::new();
    let mut first = true;
    while let Some(token) = walk.next_request() {
        let size = page_size.unwrap_or_else(|| {
            adaptive_page_size(
                paginator.max_page_size,
                paginator.default_page_size,
                walk.positions_needed(),
            )
        });
        let skip = walk.pending_skip();
        let page = fetch(token.map(str::to_string), Some(size)).await?;
        let service_token = page.next_token.clone();
        let items = walk.accept(page.items, page.next_token)?;
        let mut doc = Map::new();
        if first {
            // botocore records the members from the first page, null when absent.
            for key in paginator.non_aggregate_keys {
                let value = page.non_aggregate.get(*key).cloned().unwrap_or(Value::Null);
                non_aggregate.insert(key.to_string(), value.clone());
                doc.insert(key.to_string(), value);
            }
        }
        first = false;
        match style {
            PageStyle::Merged => merged.extend(items)?,
            PageStyle::ListPerPage => {
                let items = documents(&items)?;
                // Text shows page boundaries (a `--query` list prints one line per page): with
                // our own large pages, print them as the default-size pages the AWS CLI sees.
                let pages = match page_size {
                    Some(_) => vec![items],
                    None => default_pages(items, skip, paginator.default_page_size),
                };
                for items in pages {
                    doc.insert(paginator.result_key.to_string(), Value::Array(items));
                    presenter.print(Value::Object(std::mem::take(&mut doc)))?;
                }
            }
            PageStyle::RawPerPage => {
                let raw = PageDoc {
                    items,
                    next_token: service_token,
                    non_aggregate: page.non_aggregate,
                };
                presenter.print(raw_page(op, raw)?)?;
            }
        }
    }
    match style {
        PageStyle::Merged => {
            let merged = merged.finish(paginator, non_aggregate, walk.resume_token())?;
            presenter.print_merged(merged)
        }
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

fn documents<T: Serialize>(items: &[T]) -> Result<Vec<Value>, CommandError> {
    items.iter().map(to_doc).collect()
}

/// Splits a fetched page's kept items into the default-size pages the service would have
/// returned: `skip` items at the page's start were dropped by the starting token, so the
/// first piece is shorter. Always at least one (possibly empty) piece, like a real page.
fn default_pages(items: Vec<Value>, skip: usize, default: i32) -> Vec<Vec<Value>> {
    let default = usize::try_from(default).unwrap_or(1).max(1);
    let mut pages = vec![Vec::new()];
    for (index, item) in items.into_iter().enumerate() {
        let starts_page = (skip + index).is_multiple_of(default);
        match pages.last_mut() {
            Some(current) if current.is_empty() || !starts_page => current.push(item),
            _ => pages.push(vec![item]),
        }
    }
    pages
}

/// A single response in the model's member order, as botocore parses it (members the
/// service left out stay out).
fn raw_page<T: Serialize>(op: Operation, mut page: PageDoc<T>) -> Result<Value, CommandError> {
    let result_key = op.paginator().map(|p| p.result_key);
    let mut doc = Map::new();
    for member in op.spec().response_members {
        if Some(*member) == result_key {
            doc.insert(member.to_string(), Value::Array(documents(&page.items)?));
        } else if *member == "NextToken" {
            if let Some(token) = page.next_token.take() {
                doc.insert("NextToken".into(), Value::String(token));
            }
        } else if let Some(value) = page.non_aggregate.remove(*member) {
            doc.insert(member.to_string(), value);
        }
    }
    Ok(Value::Object(doc))
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
        fn merged_pages(&self, _: Paginator) -> Result<MergedPages, CommandError> {
            Ok(MergedPages::Documents(Vec::new()))
        }
        fn print_merged(&mut self, merged: Merged) -> Result<(), CommandError> {
            match merged {
                Merged::Document(doc) => self.print(doc),
                Merged::Text(_) => panic!("the recorder collects documents"),
            }
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
        ) -> Result<PageDoc<Value>, CommandError> {
            self.requests.borrow_mut().push((token.clone(), size));
            let start: usize = token.as_deref().map_or(0, |t| t.parse().unwrap());
            let end = (start + 3).min(7);
            Ok(PageDoc {
                items: (start..end).map(|i| json!({"Id": i})).collect(),
                next_token: (end < 7).then(|| end.to_string()),
                non_aggregate: Map::from_iter([("ApproximateTotalCount".into(), json!(7))]),
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
        run(
            op,
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
            page_size: Some(3),
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
            page_size: Some(3),
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
            page_size: Some(3),
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
        // The service's default page size is asked for explicitly, as the AWS CLI gets it.
        assert_eq!(*service.requests.borrow(), vec![(None, Some(100))]);
    }

    #[tokio::test]
    async fn yaml_stream_prints_each_raw_page_cut_to_max_items() {
        let paging = Paging::Auto {
            page_size: Some(3),
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

    #[test]
    fn default_pages_follow_the_services_grid() {
        let items = |r: std::ops::Range<i32>| r.map(|i| json!(i)).collect::<Vec<_>>();
        let sizes = |pages: Vec<Vec<Value>>| pages.iter().map(Vec::len).collect::<Vec<_>>();
        assert_eq!(
            sizes(default_pages(items(0..250), 0, 100)),
            vec![100, 100, 50]
        );
        // 30 skipped by the starting token: the first default page has 70 left.
        assert_eq!(sizes(default_pages(items(0..170), 30, 100)), vec![70, 100]);
        assert_eq!(sizes(default_pages(Vec::new(), 0, 100)), vec![0]);
    }

    #[tokio::test]
    async fn without_page_size_requests_are_large_and_shrink_near_max_items() {
        let paging = Paging::Auto {
            page_size: None,
            max_items: Some(2),
            starting: None,
        };
        let (docs, service) = run_with(Operation::SearchUsers, PageStyle::Merged, paging).await;
        assert_eq!(docs[0]["Users"].as_array().unwrap().len(), 2);
        assert_eq!(*service.requests.borrow(), vec![(None, Some(100))]);
        let paging = Paging::Auto {
            page_size: None,
            max_items: None,
            starting: None,
        };
        let (_, service) = run_with(Operation::SearchUsers, PageStyle::Merged, paging).await;
        assert_eq!(service.requests.borrow()[0], (None, Some(500)));
    }
}
