//! The users of the open instance, streamed in page by page, with the text the filter
//! searches for each of them.

use std::collections::HashMap;

use crate::connect::ApiError;
use crate::model::{Page, User, UserSummary};

use super::filter::{FIELD_SEPARATOR, Haystacks, char_mask};

#[derive(Debug, Default)]
pub struct UserList {
    pub users: Vec<UserSummary>,
    /// The filter's text for described users: username, first name, last name, email. Others
    /// are searched by username alone (no copy kept: this list can hold 100,000 users).
    enriched: HashMap<u32, String>,
    /// Per user: whether `enriched` holds its text (saves a hash lookup per user and keystroke).
    is_enriched: Vec<bool>,
    /// Per user: the filter's character mask of its text.
    masks: Vec<u64>,
    index_by_id: HashMap<String, usize>,
    /// More pages are coming (or the next page is being retried).
    pub loading: bool,
    /// The last page request failed; the list keeps what arrived.
    pub error: Option<ApiError>,
    /// The token of the next page (also the one to retry after a failure).
    next_token: Option<String>,
}

impl UserList {
    pub fn loading() -> Self {
        UserList {
            loading: true,
            ..UserList::default()
        }
    }

    pub fn index_of(&self, user_id: &str) -> Option<usize> {
        self.index_by_id.get(user_id).copied()
    }

    /// Appends a page (skipping users already listed: paging under faults may repeat them);
    /// returns the token of the next page to request.
    pub fn on_page(&mut self, result: Result<Page<UserSummary>, ApiError>) -> Option<String> {
        if !self.loading {
            return None;
        }
        match result {
            Ok(page) => {
                for user in page.items {
                    let Some(id) = user.id.clone() else { continue };
                    if self.index_by_id.contains_key(&id) {
                        continue;
                    }
                    self.index_by_id.insert(id, self.users.len());
                    self.masks
                        .push(char_mask(user.username.as_deref().unwrap_or_default()));
                    self.is_enriched.push(false);
                    self.users.push(user);
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

    /// Adds the names and email of a described user to what the filter searches; true when
    /// the searchable text changed.
    pub fn enrich(&mut self, user: &User) -> bool {
        let Some(index) = user.id.as_deref().and_then(|id| self.index_of(id)) else {
            return false;
        };
        let info = user.identity_info.as_ref();
        let fields = [
            info.and_then(|i| i.first_name.as_deref()),
            info.and_then(|i| i.last_name.as_deref()),
            info.and_then(|i| i.email.as_deref()),
        ];
        let mut text = self.users[index].username.clone().unwrap_or_default();
        for field in fields.into_iter().flatten() {
            text.push(FIELD_SEPARATOR);
            text.push_str(field);
        }
        let changed = self.text(index) != text;
        self.masks[index] = char_mask(&text);
        self.is_enriched[index] = true;
        self.enriched.insert(index as u32, text);
        changed
    }
}

impl Haystacks for UserList {
    fn count(&self) -> usize {
        self.users.len()
    }

    fn text(&self, index: usize) -> &str {
        if self.is_enriched.get(index) == Some(&true)
            && let Some(text) = self.enriched.get(&(index as u32))
        {
            return text;
        }
        self.users
            .get(index)
            .and_then(|u| u.username.as_deref())
            .unwrap_or_default()
    }

    fn mask(&self, index: usize) -> u64 {
        self.masks.get(index).copied().unwrap_or(0)
    }
}
