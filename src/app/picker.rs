//! The instance picker: ListInstances streamed in, one row per instance.

use crate::connect::ApiError;
use crate::model::{InstanceSummary, Page};

use super::cursor::Cursor;

#[derive(Debug, Default)]
pub struct Picker {
    pub instances: Vec<InstanceSummary>,
    pub loading: bool,
    pub error: Option<ApiError>,
    pub cursor: Cursor,
    /// Answers tagged with another generation are stale (a refresh happened).
    pub generation: u64,
    next_token: Option<String>,
}

impl Picker {
    pub fn loading(generation: u64) -> Self {
        Picker {
            loading: true,
            generation,
            ..Picker::default()
        }
    }

    /// Takes one page; returns the token of the next page to request.
    pub fn on_page(&mut self, result: Result<Page<InstanceSummary>, ApiError>) -> Option<String> {
        if !self.loading {
            return None;
        }
        match result {
            Ok(page) => {
                for instance in page.items {
                    let duplicate = instance.id.is_some()
                        && self.instances.iter().any(|i| i.id == instance.id);
                    if !duplicate {
                        self.instances.push(instance);
                    }
                }
                self.error = None;
                self.next_token = page.next_token.filter(|t| !t.is_empty());
                self.loading = self.next_token.is_some();
                self.next_token.clone()
            }
            Err(error) => {
                self.error = Some(error);
                self.loading = false;
                None
            }
        }
    }

    /// After a failure: resume from the page that failed. `None` when nothing failed.
    pub fn retry(&mut self) -> Option<Option<String>> {
        self.error.take()?;
        self.loading = true;
        Some(self.next_token.clone())
    }

    pub fn selected(&self) -> Option<&InstanceSummary> {
        self.instances.get(self.cursor.selected)
    }

    pub fn alias_of(&self, instance_id: &str) -> Option<String> {
        self.instances
            .iter()
            .find(|i| i.id.as_deref() == Some(instance_id))
            .and_then(|i| i.instance_alias.clone())
    }
}
