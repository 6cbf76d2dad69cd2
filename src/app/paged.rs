//! Paged listings cached by key: a routing profile's queues, a user's proficiencies, a
//! security profile's permissions, the instance's agent statuses. Each key is asked for once
//! (its first page when first needed, then page after page); a failure is kept until retried.

use std::collections::HashMap;

use crate::connect::ApiError;
use crate::model::Page;

use super::names::Load;

/// One listing: what has arrived, and how far it got.
#[derive(Clone, Debug)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub load: Load,
    /// The page to ask for next (also the one to retry after a failure).
    next_token: Option<String>,
}

impl<T> Default for Paged<T> {
    fn default() -> Self {
        Paged {
            items: Vec::new(),
            load: Load::Loading,
            next_token: None,
        }
    }
}

impl<T> Paged<T> {
    /// Takes one page; returns the token of the next page to ask for, if any.
    pub fn on_page(&mut self, result: Result<Page<T>, ApiError>) -> Option<String> {
        if self.load != Load::Loading {
            // A duplicated or late answer after the listing ended.
            return None;
        }
        match result {
            Ok(page) => {
                self.items.extend(page.items);
                self.next_token = page.next_token.filter(|t| !t.is_empty());
                if self.next_token.is_none() {
                    self.load = Load::Done;
                }
                self.next_token.clone()
            }
            Err(error) => {
                self.load = Load::Failed(error);
                None
            }
        }
    }

    /// After a failure: back to loading, with the token to resume from.
    pub fn retry(&mut self) -> Option<Option<String>> {
        matches!(self.load, Load::Failed(_)).then(|| {
            self.load = Load::Loading;
            self.next_token.clone()
        })
    }

    pub fn is_done(&self) -> bool {
        self.load == Load::Done
    }
}

/// Listings keyed by the ID they are for.
#[derive(Clone, Debug)]
pub struct PagedMap<T> {
    map: HashMap<String, Paged<T>>,
}

impl<T> Default for PagedMap<T> {
    fn default() -> Self {
        PagedMap {
            map: HashMap::new(),
        }
    }
}

impl<T> PagedMap<T> {
    pub fn get(&self, key: &str) -> Option<&Paged<T>> {
        self.map.get(key)
    }

    /// True the first time `key` is needed: the caller sends its first page (it is marked
    /// loading, so it is never asked for twice).
    pub fn start(&mut self, key: &str) -> bool {
        if self.map.contains_key(key) {
            return false;
        }
        self.map.insert(key.to_string(), Paged::default());
        true
    }

    /// Takes a page for `key` (ignored for a key never started); returns the next token.
    pub fn on_page(&mut self, key: &str, result: Result<Page<T>, ApiError>) -> Option<String> {
        self.map.get_mut(key)?.on_page(result)
    }

    /// The token to resume `key` from, when it failed.
    pub fn retry(&mut self, key: &str) -> Option<Option<String>> {
        self.map.get_mut(key)?.retry()
    }

    /// Keys in flight (for the loading indicator).
    pub fn loading_count(&self) -> usize {
        self.map
            .values()
            .filter(|p| p.load == Load::Loading)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connect::ErrorKind;

    fn page(items: &[u8], next: Option<&str>) -> Result<Page<u8>, ApiError> {
        Ok(Page {
            items: items.to_vec(),
            next_token: next.map(str::to_string),
        })
    }

    #[test]
    fn a_key_starts_once_and_fills_page_by_page() {
        let mut map = PagedMap::default();
        assert!(map.start("a"));
        assert!(!map.start("a"), "asked for once");
        assert_eq!(
            map.on_page("a", page(&[1, 2], Some("t"))).as_deref(),
            Some("t")
        );
        assert_eq!(map.on_page("a", page(&[3], None)), None);
        let a = map.get("a").expect("a");
        assert!(a.is_done());
        assert_eq!(a.items, vec![1, 2, 3]);
        assert_eq!(
            map.on_page("a", page(&[9], None)),
            None,
            "late page ignored"
        );
        assert_eq!(map.get("a").expect("a").items.len(), 3);
        assert_eq!(map.on_page("never", page(&[1], None)), None);
    }

    #[test]
    fn a_failure_resumes_from_the_page_that_failed() {
        let mut map = PagedMap::default();
        map.start("a");
        map.on_page("a", page(&[1], Some("t2")));
        let error = ApiError::new(ErrorKind::Throttled, "ListQueues", "slow down");
        map.on_page("a", Err(error));
        assert!(matches!(map.get("a").expect("a").load, Load::Failed(_)));
        assert_eq!(map.retry("a"), Some(Some("t2".to_string())));
        assert_eq!(map.retry("a"), None, "loading again, nothing to retry");
        assert_eq!(map.loading_count(), 1);
    }
}
