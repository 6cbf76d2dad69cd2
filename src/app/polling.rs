//! The app's side of live polling: which agents are on screen, whether the users screen
//! shows, and the answers of the live reads. The schedule itself is in `live.rs`.

use std::time::Instant;

use crate::connect::ApiError;

use super::live::Conditions;
use super::msg::{LiveReply, Request, Scope};
use super::{App, Screen};

impl App {
    /// True while live state may be polled: the users screen shows and the terminal has
    /// focus (overlays such as help leave the screen showing beneath them).
    pub fn live_showing(&self) -> bool {
        self.screen == Screen::Users && self.focused
    }

    /// The user IDs of the list rows on screen now.
    pub fn visible_user_ids(&self) -> Vec<String> {
        let rows = self.list_rows();
        let Some(b) = self.users.as_ref() else {
            return Vec::new();
        };
        let end = (b.cursor.top + rows).min(b.view_len());
        (b.cursor.top..end)
            .filter_map(|row| b.user_at(row).and_then(|u| u.id))
            .collect()
    }

    /// The live reads due now (none off the users screen).
    pub(super) fn live_due(&mut self, now: Instant) -> (Scope, Vec<Request>) {
        let visible = self.visible_user_ids();
        let interval = self.config.live_interval;
        let showing = self.live_showing();
        let Some(b) = self.users.as_mut() else {
            return (Scope::picker(0), Vec::new());
        };
        let selected = b
            .selected_id()
            .filter(|id| b.records.loaded(id).is_some())
            .map(str::to_string);
        let conditions = Conditions {
            interval,
            showing,
            visible: &visible,
            selected: selected.as_deref(),
        };
        let requests = b.live.due(now, conditions);
        (b.scope(), requests)
    }

    /// When the next live refresh is due, for [`App::next_wakeup`].
    pub(super) fn live_deadline(&self) -> Option<Instant> {
        let b = self.users.as_ref()?;
        let visible = self.visible_user_ids();
        let selected = b.selected_id().filter(|id| b.records.loaded(id).is_some());
        b.live.deadline(
            self.now,
            Conditions {
                interval: self.config.live_interval,
                showing: self.live_showing(),
                visible: &visible,
                selected,
            },
        )
    }

    pub(super) fn on_live(
        &mut self,
        scope: &Scope,
        user_ids: &[String],
        result: Result<LiveReply, ApiError>,
    ) {
        let (now, interval) = (self.now, self.config.live_interval);
        if let Some(b) = self.users.as_mut().filter(|s| s.is_current(scope)) {
            b.live.on_answer(user_ids, result, now, interval);
        }
    }
}
