//! Live agent state (GetCurrentUserData) for the users screen, and its refresh schedule.
//!
//! The schedule is a function of this state and the injected `now`: a refresh cycle asks for
//! the agents on screen, one request per at most 100 of them, and the next cycle is due one
//! interval after this one was sent, never while one is in flight. Besides the cycles, the
//! selected user whose live state is not known yet (the list scrolled to them) is asked for
//! alone, at most once per interval. That is the whole budget: at most ⌈visible/100⌉ + 1
//! requests per interval. Nothing is sent while the users screen is not showing, while the
//! terminal reports that it lost focus, or when the interval is off; a throttled refresh
//! doubles the interval (up to [`MAX_BACKOFF`]) until a cycle succeeds again.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::connect::{ApiError, ErrorKind};
use crate::model::{AgentStatusSummary, Page, UserData, UserDataFilters};

use super::msg::{LiveReply, Request};
use super::paged::Paged;

/// The default of `--live-interval`.
pub const DEFAULT_LIVE_INTERVAL: Duration = Duration::from_secs(10);
/// A throttled refresh doubles the interval up to this.
pub const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// What is known of one agent, and when it was learned.
#[derive(Clone, Debug, PartialEq)]
pub enum Agent {
    /// Absent from GetCurrentUserData's answer: not logged in.
    LoggedOut,
    /// Logged in; `at_epoch` is the wall-clock time of the answer (epoch seconds) and
    /// `as_of` the app's clock then, so durations keep growing between refreshes.
    In {
        data: Box<UserData>,
        at_epoch: f64,
        as_of: Instant,
    },
}

impl Agent {
    /// Epoch seconds at `now` on the app's clock, as seen from this answer.
    pub fn epoch_at(&self, now: Instant) -> Option<f64> {
        match self {
            Agent::LoggedOut => None,
            Agent::In {
                at_epoch, as_of, ..
            } => Some(at_epoch + now.saturating_duration_since(*as_of).as_secs_f64()),
        }
    }

    pub fn data(&self) -> Option<&UserData> {
        match self {
            Agent::LoggedOut => None,
            Agent::In { data, .. } => Some(data),
        }
    }
}

#[derive(Debug, Default)]
pub struct Live {
    agents: HashMap<String, Agent>,
    /// ListAgentStatuses, once per instance (a status's type: routable, custom, offline).
    pub statuses: Option<Paged<AgentStatusSummary>>,
    /// When the next cycle is due; `None`: at once.
    next_cycle: Option<Instant>,
    /// GetCurrentUserData requests sent and not answered.
    in_flight: usize,
    /// The first failure of the cycle in flight.
    cycle_error: Option<ApiError>,
    /// The last cycle failed: what is shown is older than one interval.
    pub stale: Option<ApiError>,
    /// The interval while throttled (doubled per throttled cycle).
    pub backoff: Option<Duration>,
    /// When the last single-agent request for the selection was sent.
    last_extra: Option<Instant>,
}

/// What the schedule depends on besides this state.
#[derive(Clone, Copy, Debug)]
pub struct Conditions<'a> {
    /// `--live-interval` (`None`: off).
    pub interval: Option<Duration>,
    /// The users screen shows and the terminal has focus.
    pub showing: bool,
    /// The user IDs of the rows on screen.
    pub visible: &'a [String],
    /// The selected user, once its record has arrived (so holding an arrow key down sends
    /// nothing).
    pub selected: Option<&'a str>,
}

impl Live {
    pub fn agent(&self, user_id: &str) -> Option<&Agent> {
        self.agents.get(user_id)
    }

    /// The refresh interval in force (the back-off while throttled).
    fn interval(&self, base: Duration) -> Duration {
        self.backoff.unwrap_or(base)
    }

    /// The requests due at `now`.
    pub fn due(&mut self, now: Instant, c: Conditions<'_>) -> Vec<Request> {
        let Some(base) = c.interval.filter(|_| c.showing) else {
            return Vec::new();
        };
        let mut requests = Vec::new();
        if self.statuses.is_none() {
            self.statuses = Some(Paged::default());
            requests.push(Request::ListAgentStatuses { token: None });
        }
        if self.in_flight > 0 {
            return requests;
        }
        let interval = self.interval(base);
        if self.next_cycle.is_none_or(|at| now >= at) {
            let mut ids: Vec<String> = c.visible.to_vec();
            if let Some(selected) = c.selected
                && !ids.iter().any(|id| id == selected)
            {
                ids.push(selected.to_string());
            }
            if ids.is_empty() {
                return requests;
            }
            for chunk in ids.chunks(UserDataFilters::MAX_IDS) {
                requests.push(Request::GetCurrentUserData {
                    user_ids: chunk.to_vec(),
                });
                self.in_flight += 1;
            }
            self.next_cycle = Some(now + interval);
            return requests;
        }
        let unknown = c.selected.filter(|id| !self.agents.contains_key(*id));
        // Never while backing off: the service asked us to slow down.
        let allowed =
            self.backoff.is_none() && self.last_extra.is_none_or(|at| now >= at + interval);
        if let Some(selected) = unknown
            && allowed
        {
            requests.push(Request::GetCurrentUserData {
                user_ids: vec![selected.to_string()],
            });
            self.in_flight += 1;
            self.last_extra = Some(now);
        }
        requests
    }

    /// When the next cycle is due, if the schedule is running (for the loop's timer): not
    /// while off, hidden, in flight, or with no agent to ask about.
    pub fn deadline(&self, now: Instant, c: Conditions<'_>) -> Option<Instant> {
        let targets = !c.visible.is_empty() || c.selected.is_some();
        (c.interval.is_some() && c.showing && self.in_flight == 0 && targets)
            .then(|| self.next_cycle.unwrap_or(now))
    }

    /// Takes one GetCurrentUserData answer for `user_ids`.
    pub fn on_answer(
        &mut self,
        user_ids: &[String],
        result: Result<LiveReply, ApiError>,
        now: Instant,
        base: Option<Duration>,
    ) {
        self.in_flight = self.in_flight.saturating_sub(1);
        match result {
            Ok(reply) => {
                for id in user_ids {
                    self.agents.insert(id.clone(), Agent::LoggedOut);
                }
                for data in reply.agents {
                    let Some(id) = data.user.as_ref().and_then(|u| u.id.clone()) else {
                        continue;
                    };
                    // Only the agents asked for: never another user's state under this name.
                    if user_ids.contains(&id) {
                        let agent = Agent::In {
                            data: Box::new(data),
                            at_epoch: reply.at_epoch,
                            as_of: now,
                        };
                        self.agents.insert(id, agent);
                    }
                }
            }
            Err(error) => {
                if error.kind == ErrorKind::Throttled {
                    let base = base.unwrap_or(DEFAULT_LIVE_INTERVAL);
                    let doubled = (self.interval(base) * 2).min(MAX_BACKOFF).max(base);
                    self.backoff = Some(doubled);
                    self.next_cycle = Some(now + doubled);
                }
                self.cycle_error.get_or_insert(error);
            }
        }
        if self.in_flight == 0 {
            self.stale = self.cycle_error.take();
            if self.stale.is_none() {
                self.backoff = None;
            }
        }
    }

    /// Takes a page of ListAgentStatuses; returns the next page's request.
    pub fn on_statuses(
        &mut self,
        result: Result<Page<AgentStatusSummary>, ApiError>,
    ) -> Vec<Request> {
        let statuses = self.statuses.get_or_insert_with(Paged::default);
        statuses
            .on_page(result)
            .map(|token| Request::ListAgentStatuses { token: Some(token) })
            .into_iter()
            .collect()
    }

    /// After ListAgentStatuses failed: the request that resumes it (back to loading).
    pub fn retry_statuses(&mut self) -> Option<Request> {
        let token = self.statuses.as_mut()?.retry()?;
        Some(Request::ListAgentStatuses { token })
    }

    /// The type (`ROUTABLE`, `CUSTOM`, `OFFLINE`) of the status called `name`.
    pub fn status_type(&self, name: &str) -> Option<&str> {
        self.statuses
            .as_ref()?
            .items
            .iter()
            .find(|s| s.name.as_deref() == Some(name))
            .and_then(|s| s.r#type.as_deref())
    }

    /// A short word for `user_id`'s live state, for a Status column: `None` until known.
    /// "Logged out", "ACW" (a contact ended and is being wrapped up), "On VOICE" (on a
    /// contact of that channel), else the agent status name.
    pub fn status_label(&self, user_id: &str) -> Option<String> {
        let data = match self.agents.get(user_id)? {
            Agent::LoggedOut => return Some("Logged out".to_string()),
            Agent::In { data, .. } => data,
        };
        let contacts = data.contacts.as_deref().unwrap_or_default();
        if contacts.iter().any(is_after_contact_work) {
            return Some("ACW".to_string());
        }
        if let Some(channel) = contacts.iter().find_map(|c| c.channel.as_deref()) {
            return Some(format!("On {}", crate::sanitize::sanitize(channel)));
        }
        let name = data.status.as_ref().and_then(|s| s.status_name.as_deref());
        Some(name.map_or_else(
            || "?".to_string(),
            |n| crate::sanitize::sanitize(n).into_owned(),
        ))
    }

    /// When the next refresh cycle is due (`None`: at once, or never asked yet).
    pub fn next_refresh(&self) -> Option<Instant> {
        self.next_cycle
    }

    /// True while a refresh is in flight (the status line says "refreshing").
    pub fn is_refreshing(&self) -> bool {
        self.in_flight > 0
    }
}

/// A contact in After Contact Work: Connect reports it `ENDED` until the agent clears it.
pub fn is_after_contact_work(contact: &crate::model::AgentContactReference) -> bool {
    contact.agent_contact_state.as_deref() == Some("ENDED")
}
