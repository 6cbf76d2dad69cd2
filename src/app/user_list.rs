//! The users of the open instance, streamed in page by page, with the text the filter
//! searches for each of them. Sized for 100,000 users: rows are compact ([`UserRow`]) and the
//! id index holds row numbers, not copies of the ids.

use std::collections::HashMap;
use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashTable};

use crate::connect::ApiError;
use crate::model::{Page, User, UserSearchSummary, UserSummary};

use super::filter::{FIELD_SEPARATOR, char_mask};
use super::user_details::{Details, Shared};
use super::user_row::{ArnPrefix, UserRow};

#[derive(Debug, Default)]
pub struct UserList {
    /// Every listed user, in list order.
    pub users: Vec<UserRow>,
    arns: ArnPrefix,
    /// Every user's username, one after the other: the filter reads them in list order, so
    /// keeping them contiguous (instead of one allocation each) makes a keystroke several times
    /// faster. `username_ends[i]` is where user `i`'s ends.
    usernames: String,
    username_ends: Vec<u32>,
    /// Row numbers, found by the hash of the row's id.
    index: HashTable<u32>,
    hasher: DefaultHashBuilder,
    /// The filter's text for described users: username, first name, last name, email. Others
    /// are searched by username alone (no copy kept).
    enriched: HashMap<u32, String>,
    /// Per user: whether `enriched` holds its text (saves a hash lookup per user and keystroke).
    is_enriched: Vec<bool>,
    /// Per user: the filter's character mask of its text.
    masks: Vec<u64>,
    /// Per user: what the SearchUsers sweep said about it (`None` until its page arrives).
    details: Vec<Option<Details>>,
    /// The IDs and sets the details point into.
    pub shared: Shared,
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
        let hash = self.hasher.hash_one(user_id);
        self.index
            .find(hash, |row| self.users[*row as usize].id() == user_id)
            .map(|row| *row as usize)
    }

    /// The user at `index` as the API listed it (built from the compact row).
    pub fn summary(&self, index: usize) -> Option<UserSummary> {
        let row = self.users.get(index)?;
        Some(row.summary(&self.arns, self.username(index)))
    }

    pub fn username(&self, index: usize) -> Option<&str> {
        let row = self.users.get(index)?;
        row.has_username().then(|| self.username_text(index))
    }

    /// The username at `index`, empty when there is none. Reads only the username buffer:
    /// the filter calls this for thousands of users per keystroke, and touching each row too
    /// would cost a cache miss each.
    fn username_text(&self, index: usize) -> &str {
        let Some(end) = self.username_ends.get(index) else {
            return "";
        };
        let start = index
            .checked_sub(1)
            .map_or(0, |i| self.username_ends[i] as usize);
        &self.usernames[start..*end as usize]
    }

    /// Appends a page (skipping users already listed: paging under faults may repeat them);
    /// returns the token of the next page to request.
    pub fn on_page(&mut self, result: Result<Page<UserSummary>, ApiError>) -> Option<String> {
        if !self.loading {
            return None;
        }
        match result {
            Ok(page) => {
                for user in &page.items {
                    if let Some(id) = user.id.as_deref() {
                        self.push(id, user);
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

    /// Adds `user`; returns its row number. A user already listed keeps its row, updated
    /// with what ListUsers adds (the sweep may have listed it first, without the last
    /// modification).
    fn push(&mut self, id: &str, user: &UserSummary) -> Option<usize> {
        if let Some(row) = self.index_of(id) {
            self.users[row] = UserRow::new(id, user, &mut self.arns);
            return Some(row);
        }
        let username = user.username.as_deref().unwrap_or_default();
        let (Ok(row), Ok(end)) = (
            u32::try_from(self.users.len()),
            u32::try_from(self.usernames.len() + username.len()),
        ) else {
            return None; // Four billion users or 4 GB of usernames: not a Connect instance.
        };
        self.masks.push(char_mask(username));
        self.usernames.push_str(username);
        self.username_ends.push(end);
        self.is_enriched.push(false);
        self.details.push(None);
        self.users.push(UserRow::new(id, user, &mut self.arns));
        let hash = self.hasher.hash_one(id);
        let (users, hasher) = (&self.users, &self.hasher);
        self.index
            .insert_unique(hash, row, |r| hasher.hash_one(users[*r as usize].id()));
        Some(row as usize)
    }

    /// Takes one page of the SearchUsers sweep: each user's details, and the user itself
    /// when ListUsers has not listed it yet.
    pub fn on_search_page(&mut self, users: &[UserSearchSummary]) {
        for user in users {
            let Some(id) = user.id.as_deref().filter(|id| !id.is_empty()) else {
                continue;
            };
            let row = match self.index_of(id) {
                Some(row) => row,
                None => {
                    let summary = UserSummary {
                        id: Some(id.to_string()),
                        arn: user.arn.clone(),
                        username: user.username.clone(),
                        last_modified_time: None,
                        last_modified_region: None,
                    };
                    let Some(row) = self.push(id, &summary) else {
                        continue;
                    };
                    row
                }
            };
            let username = self.username_text(row).to_string();
            let details = Details::new(&username, user, &mut self.shared);
            if !self.is_enriched[row] {
                // A described user's text (with its email) is the more complete one.
                self.masks[row] = char_mask(details.text());
            }
            self.details[row] = Some(details);
        }
    }

    /// What the sweep said about the user at `index`.
    pub fn details(&self, index: usize) -> Option<&Details> {
        self.details.get(index)?.as_ref()
    }

    /// Users the sweep has described.
    pub fn swept(&self) -> usize {
        self.details.iter().filter(|d| d.is_some()).count()
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
        let mut text = self.username(index).unwrap_or_default().to_string();
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

impl UserList {
    /// The searchable fields of user `index` for the filter's bare terms: username, first
    /// name, last name and email, as far as known, separated by [`FIELD_SEPARATOR`].
    pub fn text(&self, index: usize) -> &str {
        if self.is_enriched.get(index) == Some(&true)
            && let Some(text) = self.enriched.get(&(index as u32))
        {
            return text;
        }
        if let Some(details) = self.details(index) {
            return details.text();
        }
        self.username_text(index)
    }

    /// `char_mask(self.text(index))`, kept up to date with the text.
    pub fn mask(&self, index: usize) -> u64 {
        self.masks.get(index).copied().unwrap_or(0)
    }
}
