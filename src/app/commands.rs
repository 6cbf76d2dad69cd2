//! What the `:` command line does: opening and editing it, Tab, history, and running a
//! command. Parsing and completion are pure functions in [`super::command_line`].

use crate::connect::{CONNECT_REGIONS, parse_instance_id};

use super::action::Action;
use super::command_line::{Arg, CommandLine, complete, parse};
use super::membership::{Membership, MembershipView};
use super::msg::{Cmd, FilterEdit};
use super::picker::region_of;
use super::theme::{Theme, ThemeName};
use super::{App, Overlay, Screen};

/// History entries kept in memory (the file keeps as many).
const HISTORY: usize = crate::history::KEPT;

impl App {
    pub(super) fn open_command_line(&mut self) {
        self.command_line = CommandLine::default();
        self.overlay = Overlay::Command;
    }

    pub(super) fn on_command_edit(&mut self, edit: FilterEdit) {
        match edit {
            FilterEdit::Insert(c) if !c.is_control() => self.command_line.push(c),
            FilterEdit::Insert(_) => {}
            FilterEdit::Backspace if self.command_line.text.is_empty() => {
                // Backspace on an empty line closes it, as in k9s and vim.
                self.overlay = Overlay::None;
            }
            FilterEdit::Backspace => self.command_line.pop(),
        }
    }

    pub(super) fn on_command_action(&mut self, action: Action, cmds: &mut Vec<Cmd>) {
        match action {
            Action::Back => self.overlay = Overlay::None,
            Action::Up => self.command_line.older(&self.history),
            Action::Down => self.command_line.newer(&self.history),
            Action::Complete => {
                let values = |arg: Arg| self.completions(arg);
                let (text, candidates) = complete(&self.command_line.text, &values);
                self.command_line.set(text);
                self.command_line.candidates = candidates;
            }
            Action::Confirm => {
                let text = self.command_line.text.trim().to_string();
                match self.run_command(&text, cmds) {
                    Ok(()) => {
                        self.overlay = Overlay::None;
                        self.remember(text, cmds);
                    }
                    // The line stays, with what is wrong, to be corrected.
                    Err(message) => self.command_line.error = Some(message),
                }
            }
            _ => {}
        }
    }

    /// What Tab offers for an argument.
    fn completions(&self, arg: Arg) -> Vec<String> {
        match arg {
            Arg::None => Vec::new(),
            Arg::Instance => self
                .picker
                .instances
                .iter()
                .filter_map(|i| i.instance_alias.clone().or_else(|| i.id.clone()))
                .collect(),
            Arg::Profile => self.config.profiles.clone(),
            Arg::Region => std::iter::once("all")
                .chain(CONNECT_REGIONS.iter().copied())
                .map(str::to_string)
                .collect(),
            Arg::Theme => <ThemeName as clap::ValueEnum>::value_variants()
                .iter()
                .filter_map(clap::ValueEnum::to_possible_value)
                .map(|p| p.get_name().to_string())
                .collect(),
        }
    }

    /// Runs `text`; an error is what the command line then shows.
    fn run_command(&mut self, text: &str, cmds: &mut Vec<Cmd>) -> Result<(), String> {
        let parsed = parse(text)?;
        let arg = parsed.arg.map(str::to_string);
        match parsed.command.name {
            "quit" => cmds.push(Cmd::Quit),
            "users" => {
                if self.users.is_none() {
                    return Err("no instance is open: :instance NAME opens one".into());
                }
                self.view = None;
                self.screen = Screen::Users;
            }
            "rp" => self.open_view(Membership::RoutingProfiles)?,
            "sp" => self.open_view(Membership::SecurityProfiles)?,
            "groups" => self.open_view(Membership::HierarchyGroups)?,
            "instance" => match arg {
                None => self.screen = Screen::Picker,
                Some(wanted) => self.open_named_instance(&wanted, cmds)?,
            },
            "profile" => self.connect(arg, None, cmds),
            "region" => match arg.as_deref() {
                Some("all") => self.list_all_regions(cmds),
                _ => self.connect(None, arg, cmds),
            },
            "theme" => self.use_theme(arg.as_deref().unwrap_or_default())?,
            other => return Err(format!(":{other} is not available here")),
        }
        Ok(())
    }

    fn open_view(&mut self, kind: Membership) -> Result<(), String> {
        let screen = self
            .users
            .as_ref()
            .ok_or("no instance is open: :instance NAME opens one")?;
        self.view = Some(MembershipView::new(kind, screen));
        Ok(())
    }

    /// `:instance NAME|ID`: an instance of the picker by alias or ID, else an ID or ARN.
    fn open_named_instance(&mut self, wanted: &str, cmds: &mut Vec<Cmd>) -> Result<(), String> {
        let listed = self.picker.instances.iter().find(|i| {
            i.instance_alias.as_deref() == Some(wanted) || i.id.as_deref() == Some(wanted)
        });
        let (id, region) = match listed {
            Some(instance) => (
                instance.id.clone().unwrap_or_default(),
                self.config
                    .all_regions
                    .then(|| region_of(instance).map(str::to_string))
                    .flatten(),
            ),
            None => match parse_instance_id(wanted) {
                Ok(id) => (id, None),
                Err(_) => {
                    return Err(format!(
                        "no instance “{}” in the picker, and it is not an instance ID or ARN",
                        wanted
                    ));
                }
            },
        };
        self.open_instance(id, region, cmds);
        Ok(())
    }

    fn use_theme(&mut self, name: &str) -> Result<(), String> {
        let theme = <ThemeName as clap::ValueEnum>::from_str(name, false)
            .map_err(|_| format!("no theme “{name}”: dark, light, high-contrast or mono"))?;
        if self.config.no_color && theme != ThemeName::Mono {
            return Err("NO_COLOR is set: colours stay off".into());
        }
        self.config.theme = theme;
        self.theme = Theme::with_overrides(theme, &self.config.colors);
        Ok(())
    }

    /// Keeps `text` in the history (not twice in a row), here and across runs.
    fn remember(&mut self, text: String, cmds: &mut Vec<Cmd>) {
        if self.history.last() == Some(&text) {
            return;
        }
        self.history.push(text.clone());
        let excess = self.history.len().saturating_sub(HISTORY);
        self.history.drain(..excess);
        cmds.push(Cmd::Remember(text));
    }
}
