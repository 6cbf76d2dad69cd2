//! DescribeUser answers: a per-user cache, the debounce that sends a request only once the
//! selection rests on a user, and the set of requests in flight (at most one per user).

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use crate::connect::ApiError;
use crate::model::User;

/// How long the selection must rest on a user before DescribeUser is sent: holding an arrow
/// key down sends nothing until it is released.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// What the panes can show for one user.
#[derive(Debug, PartialEq)]
pub enum RecordState<'a> {
    /// Debouncing or in flight.
    Waiting,
    Loaded(&'a User),
    Failed(&'a ApiError),
}

#[derive(Debug, Default)]
pub struct RecordCache {
    answers: HashMap<String, Result<User, ApiError>>,
    in_flight: HashSet<String>,
    /// The user the selection rests on, and since when.
    resting: Option<(String, Instant)>,
}

impl RecordCache {
    pub fn state(&self, user_id: &str) -> RecordState<'_> {
        match self.answers.get(user_id) {
            Some(Ok(user)) => RecordState::Loaded(user),
            Some(Err(error)) => RecordState::Failed(error),
            None => RecordState::Waiting,
        }
    }

    pub fn loaded(&self, user_id: &str) -> Option<&User> {
        match self.answers.get(user_id) {
            Some(Ok(user)) => Some(user),
            _ => None,
        }
    }

    pub fn is_in_flight(&self, user_id: &str) -> bool {
        self.in_flight.contains(user_id)
    }

    pub fn in_flight_count(&self) -> usize {
        self.in_flight.len()
    }

    /// Notes where the selection is; the debounce restarts whenever it moves.
    pub fn rest_on(&mut self, user_id: Option<&str>, now: Instant) {
        let same = self.resting.as_ref().map(|(id, _)| id.as_str()) == user_id;
        if !same {
            self.resting = user_id.map(|id| (id.to_string(), now));
        }
    }

    /// The user to describe now, if the selection has rested long enough and the user is
    /// neither cached nor already being described. Marks it in flight.
    pub fn due(&mut self, now: Instant) -> Option<String> {
        let (id, since) = self.resting.as_ref()?;
        if now < *since + DEBOUNCE || !self.needs_request(id) {
            return None;
        }
        let id = id.clone();
        self.in_flight.insert(id.clone());
        Some(id)
    }

    /// When the pending debounce ends, if one is pending.
    pub fn deadline(&self) -> Option<Instant> {
        let (id, since) = self.resting.as_ref()?;
        self.needs_request(id).then_some(*since + DEBOUNCE)
    }

    fn needs_request(&self, user_id: &str) -> bool {
        !self.answers.contains_key(user_id) && !self.in_flight.contains(user_id)
    }

    /// Stores an answer (for whichever user it is: a late answer is cached, and only shown if
    /// that user is selected).
    pub fn answer(&mut self, user_id: &str, result: Result<User, ApiError>) {
        self.in_flight.remove(user_id);
        self.answers.insert(user_id.to_string(), result);
    }

    /// Forgets a failed answer so the user is described again; true when a request should be
    /// sent now (marked in flight).
    pub fn retry(&mut self, user_id: &str) -> bool {
        if !matches!(self.answers.get(user_id), Some(Err(_))) {
            return false;
        }
        self.answers.remove(user_id);
        self.in_flight.insert(user_id.to_string());
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_due_before_the_selection_rests() {
        let t0 = Instant::now();
        let mut r = RecordCache::default();
        r.rest_on(Some("a"), t0);
        assert_eq!(r.due(t0 + Duration::from_millis(100)), None);
        r.rest_on(Some("b"), t0 + Duration::from_millis(100));
        assert_eq!(r.due(t0 + Duration::from_millis(200)), None);
        assert_eq!(r.deadline(), Some(t0 + Duration::from_millis(250)));
        assert_eq!(
            r.due(t0 + Duration::from_millis(250)),
            Some("b".to_string())
        );
        assert_eq!(
            r.due(t0 + Duration::from_millis(300)),
            None,
            "already in flight"
        );
        assert_eq!(r.deadline(), None);
    }
}
