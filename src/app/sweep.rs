//! The background SearchUsers sweep that fills every row of the users table: one search
//! without criteria, 500 users a page (the API's largest), started with the instance and
//! paged to the end. ListUsers runs beside it (its own quota), so usernames keep arriving at
//! 1,000 a page and stay listed when SearchUsers is denied; see `docs/performance.md`.

use crate::connect::{ApiError, ErrorKind};
use crate::model::SearchPage;

/// Where the sweep is.
#[derive(Clone, Debug, PartialEq)]
pub enum SweepState {
    Running,
    Done,
    /// SearchUsers is not allowed: the table keeps the ListUsers usernames.
    Denied(ApiError),
    /// Another failure; `R` resumes from the page that failed.
    Failed(ApiError),
}

#[derive(Debug)]
pub struct Sweep {
    pub state: SweepState,
    /// Pages received.
    pub pages: usize,
    /// Users received (repeats included).
    pub received: usize,
    /// The service's estimate of how many users the sweep covers.
    pub approximate_total: Option<i64>,
    /// The token of the next page (also the one to retry after a failure).
    next_token: Option<String>,
}

impl Default for Sweep {
    fn default() -> Self {
        Sweep {
            state: SweepState::Running,
            pages: 0,
            received: 0,
            approximate_total: None,
            next_token: None,
        }
    }
}

impl Sweep {
    pub fn is_running(&self) -> bool {
        self.state == SweepState::Running
    }

    /// Takes one page's bookkeeping; returns the token of the next page to ask for.
    pub fn on_page(&mut self, page: &SearchPage) -> Option<String> {
        self.pages += 1;
        self.received += page.users.len();
        if page.approximate_total_count.is_some() {
            self.approximate_total = page.approximate_total_count;
        }
        self.next_token = page.next_token.clone().filter(|t| !t.is_empty());
        if self.next_token.is_none() {
            self.state = SweepState::Done;
        }
        self.next_token.clone()
    }

    pub fn on_error(&mut self, error: ApiError) {
        self.state = if error.kind == ErrorKind::AccessDenied {
            SweepState::Denied(error)
        } else {
            SweepState::Failed(error)
        };
    }

    /// After a failure (not a denial): resume from the page that failed.
    pub fn retry(&mut self) -> Option<Option<String>> {
        if !matches!(self.state, SweepState::Failed(_)) {
            return None;
        }
        self.state = SweepState::Running;
        Some(self.next_token.clone())
    }

    /// The one line that says what is missing when the sweep is denied.
    pub fn denied_line(&self) -> Option<String> {
        match &self.state {
            SweepState::Denied(_) => Some(DENIED.to_string()),
            _ => None,
        }
    }

    /// Progress for the title: "swept 1,500 of ~3,031" while running.
    pub fn progress(&self) -> Option<(usize, Option<i64>)> {
        self.is_running()
            .then_some((self.received, self.approximate_total))
    }
}

/// What the table says, once, when SearchUsers is denied.
pub const DENIED: &str = "SearchUsers denied: names, profiles and groups need IAM action connect:SearchUsers (usernames only)";
