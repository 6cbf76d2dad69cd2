//! Switching profile or region from inside the browser (`:profile NAME`, `:region NAME`,
//! `:region all`): the worker builds a new client through the standard AWS chain while the
//! old one stays in use; once it is ready the picker reopens with it. A profile that cannot
//! be used (unknown, expired SSO session…) says why and changes nothing.

use crate::connect::ApiError;

use super::msg::{Cmd, Connection};
use super::{App, Overlay, Screen};

impl App {
    /// Starts using `profile` and/or `region` (None: keep it).
    pub(super) fn connect(
        &mut self,
        profile: Option<String>,
        region: Option<String>,
        cmds: &mut Vec<Cmd>,
    ) {
        if self.config.demo {
            self.notify(
                "The demo has no AWS profiles or regions: run connect-tui without --demo",
                true,
            );
            return;
        }
        let generation = self.next_generation();
        self.connecting = Some(generation);
        let what = match (&profile, &region) {
            (Some(p), Some(r)) => format!("profile {p} in {r}"),
            (Some(p), None) => format!("profile {p}"),
            (None, Some(r)) => format!("region {r}"),
            (None, None) => "the same settings".to_string(),
        };
        self.notify(format!("Connecting with {what}…"), false);
        cmds.push(Cmd::Connect {
            profile,
            region,
            generation,
        });
    }

    /// `:region all`: the picker lists every region, with the client as it is.
    pub(super) fn list_all_regions(&mut self, cmds: &mut Vec<Cmd>) {
        self.config.all_regions = true;
        self.reopen_picker(cmds);
    }

    pub(super) fn on_connected(
        &mut self,
        generation: u64,
        result: Result<Connection, ApiError>,
        cmds: &mut Vec<Cmd>,
    ) {
        // Only the latest request counts: an older one finishing late is not applied.
        if self.connecting != Some(generation) {
            return;
        }
        self.connecting = None;
        match result {
            Ok(connection) => {
                self.config.profile = connection.profile;
                self.config.region = connection.region;
                self.config.all_regions = false;
                self.notify(
                    format!(
                        "Now using profile {} in {}",
                        self.profile_label(),
                        self.config.region
                    ),
                    false,
                );
                self.reopen_picker(cmds);
            }
            Err(error) => self.notify(
                format!("Still using the previous settings: {}", error.human()),
                true,
            ),
        }
    }

    /// The picker, listed afresh; the open instance is closed (it may not exist there).
    fn reopen_picker(&mut self, cmds: &mut Vec<Cmd>) {
        self.users = None;
        self.screen = Screen::Picker;
        self.overlay = Overlay::None;
        let generation = self.next_generation();
        self.list_instances(generation, cmds);
    }
}
