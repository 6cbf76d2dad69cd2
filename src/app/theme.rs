//! Colours by role, as data of the app's state (the `--theme` chosen at start; `NO_COLOR`
//! forces `mono`), so drawing stays a function of state. Plain ANSI colours so the terminal's
//! own palette applies; `mono` uses no colour at all and marks selection and focus with
//! reverse video, bold and underline.

use ratatui::style::{Color, Modifier, Style};

/// The built-in themes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    /// For dark terminal backgrounds (the default).
    #[default]
    Dark,
    /// For light terminal backgrounds.
    Light,
    /// Strong colours and bold text.
    HighContrast,
    /// No colour: reverse, bold and underline only (what `NO_COLOR` selects).
    Mono,
}

/// The style of each role on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    /// The selected row where the keyboard is.
    selected: Style,
    /// The selected row of a list that does not have the keyboard.
    selected_unfocused: Style,
    /// The border of the focused block.
    focus: Style,
    /// Other borders.
    border: Style,
    title: Style,
    label: Style,
    /// Secondary text: placeholders, hints, separators.
    muted: Style,
    error: Style,
    warning: Style,
    /// Key names in hints and help.
    key: Style,
    header: Style,
    status_bar: Style,
}

/// The roles a config file's `[colors]` can restyle, by the names it uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Selected,
    SelectedUnfocused,
    Focus,
    Border,
    Title,
    Label,
    Muted,
    Error,
    Warning,
    Key,
    Header,
    StatusBar,
}

impl Role {
    pub const ALL: [Role; 12] = [
        Role::Selected,
        Role::SelectedUnfocused,
        Role::Focus,
        Role::Border,
        Role::Title,
        Role::Label,
        Role::Muted,
        Role::Error,
        Role::Warning,
        Role::Key,
        Role::Header,
        Role::StatusBar,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Selected => "selected",
            Role::SelectedUnfocused => "selected_unfocused",
            Role::Focus => "focus",
            Role::Border => "border",
            Role::Title => "title",
            Role::Label => "label",
            Role::Muted => "muted",
            Role::Error => "error",
            Role::Warning => "warning",
            Role::Key => "key",
            Role::Header => "header",
            Role::StatusBar => "status_bar",
        }
    }

    /// What the role colours, for `config default`.
    pub fn description(self) -> &'static str {
        match self {
            Role::Selected => "the selected row where the keyboard is",
            Role::SelectedUnfocused => "the selected row of a list without the keyboard",
            Role::Focus => "the border of the focused pane",
            Role::Border => "other borders",
            Role::Title => "pane titles",
            Role::Label => "field labels",
            Role::Muted => "secondary text: placeholders, hints, separators",
            Role::Error => "errors",
            Role::Warning => "warnings (throttling)",
            Role::Key => "key names in hints and help",
            Role::Header => "headings",
            Role::StatusBar => "the status bar",
        }
    }
}

/// A config file's `[colors]`: styles patched over a theme's roles.
pub type ColorOverrides = Vec<(Role, Style)>;

impl Default for Theme {
    fn default() -> Self {
        Theme::named(ThemeName::Dark)
    }
}

impl Theme {
    pub fn named(name: ThemeName) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let header = bold.add_modifier(Modifier::UNDERLINED);
        match name {
            ThemeName::Dark => Theme {
                name,
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Cyan)
                    .add_modifier(Modifier::BOLD),
                selected_unfocused: Style::new().bg(Color::DarkGray).fg(Color::White),
                focus: Style::new().fg(Color::Cyan),
                border: Style::new().fg(Color::DarkGray),
                title: bold,
                label: Style::new().fg(Color::Gray),
                muted: Style::new().fg(Color::DarkGray),
                error: Style::new().fg(Color::Red),
                warning: Style::new().fg(Color::Black).bg(Color::Yellow),
                key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                header,
                status_bar: Style::new().bg(Color::Black).fg(Color::Gray),
            },
            // Dark grey and cyan wash out on white: darker blues, and black for labels.
            ThemeName::Light => Theme {
                name,
                selected: Style::new()
                    .fg(Color::White)
                    .bg(Color::Blue)
                    .add_modifier(Modifier::BOLD),
                selected_unfocused: Style::new().fg(Color::Black).bg(Color::Gray),
                focus: Style::new().fg(Color::Blue),
                border: Style::new().fg(Color::Gray),
                title: bold,
                label: Style::new().fg(Color::Black),
                muted: Style::new().fg(Color::DarkGray),
                error: Style::new().fg(Color::Red),
                warning: Style::new().fg(Color::Black).bg(Color::Yellow),
                key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
                header,
                status_bar: Style::new().bg(Color::Gray).fg(Color::Black),
            },
            ThemeName::HighContrast => Theme {
                name,
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::LightYellow)
                    .add_modifier(Modifier::BOLD),
                selected_unfocused: Style::new().fg(Color::Black).bg(Color::White),
                focus: Style::new()
                    .fg(Color::LightYellow)
                    .add_modifier(Modifier::BOLD),
                border: Style::new().fg(Color::White),
                title: bold.fg(Color::White),
                label: Style::new().fg(Color::White),
                muted: Style::new().fg(Color::White),
                error: Style::new()
                    .fg(Color::LightRed)
                    .add_modifier(Modifier::BOLD),
                warning: Style::new()
                    .fg(Color::Black)
                    .bg(Color::LightYellow)
                    .add_modifier(Modifier::BOLD),
                key: Style::new()
                    .fg(Color::LightCyan)
                    .add_modifier(Modifier::BOLD),
                header,
                status_bar: Style::new().bg(Color::Black).fg(Color::White),
            },
            ThemeName::Mono => Theme {
                name,
                selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
                selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
                focus: bold,
                border: Style::new(),
                title: bold,
                label: Style::new(),
                muted: Style::new(),
                error: bold,
                warning: Style::new().add_modifier(Modifier::REVERSED),
                key: bold,
                header,
                status_bar: Style::new(),
            },
        }
    }

    /// `name` with `overrides` patched over its roles. `mono` takes only their modifiers:
    /// it promises no colour at all (it is what `NO_COLOR` selects).
    pub fn with_overrides(name: ThemeName, overrides: &[(Role, Style)]) -> Theme {
        let mut theme = Theme::named(name);
        for (role, patch) in overrides {
            let mut patch = *patch;
            if name == ThemeName::Mono {
                patch.fg = None;
                patch.bg = None;
                patch.underline_color = None;
            }
            let style = theme.role_mut(*role);
            *style = style.patch(patch);
        }
        theme
    }

    fn role_mut(&mut self, role: Role) -> &mut Style {
        match role {
            Role::Selected => &mut self.selected,
            Role::SelectedUnfocused => &mut self.selected_unfocused,
            Role::Focus => &mut self.focus,
            Role::Border => &mut self.border,
            Role::Title => &mut self.title,
            Role::Label => &mut self.label,
            Role::Muted => &mut self.muted,
            Role::Error => &mut self.error,
            Role::Warning => &mut self.warning,
            Role::Key => &mut self.key,
            Role::Header => &mut self.header,
            Role::StatusBar => &mut self.status_bar,
        }
    }

    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            self.selected
        } else {
            self.selected_unfocused
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused { self.focus } else { self.border }
    }

    pub fn title(&self) -> Style {
        self.title
    }

    pub fn label(&self) -> Style {
        self.label
    }

    pub fn dim(&self) -> Style {
        self.muted
    }

    pub fn error(&self) -> Style {
        self.error
    }

    pub fn warning(&self) -> Style {
        self.warning
    }

    pub fn key(&self) -> Style {
        self.key
    }

    pub fn header(&self) -> Style {
        self.header
    }

    pub fn status_bar(&self) -> Style {
        self.status_bar
    }
}
