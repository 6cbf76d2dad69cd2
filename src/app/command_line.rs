//! The `:` command line (k9s-style): what is typed, the history, and — as pure functions —
//! the command table, parsing and Tab completion. What a command does is
//! [`super::commands`]; adding a command is one row of [`COMMANDS`] and one arm there.

/// What a command takes after its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg {
    None,
    Instance,
    Profile,
    Region,
    Theme,
}

/// One command: its name, other names, argument and the words help shows.
#[derive(Debug)]
pub struct CommandSpec {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub arg: Arg,
    pub usage: &'static str,
    pub help: &'static str,
}

/// The commands, in the order help lists them.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "users",
        aliases: &[],
        arg: Arg::None,
        usage: ":users",
        help: "the users table of the open instance",
    },
    CommandSpec {
        name: "rp",
        aliases: &["routing-profiles"],
        arg: Arg::None,
        usage: ":rp",
        help: "routing profiles with their number of users",
    },
    CommandSpec {
        name: "sp",
        aliases: &["security-profiles"],
        arg: Arg::None,
        usage: ":sp",
        help: "security profiles with their number of users",
    },
    CommandSpec {
        name: "groups",
        aliases: &["hierarchy-groups"],
        arg: Arg::None,
        usage: ":groups",
        help: "hierarchy groups with their number of users",
    },
    CommandSpec {
        name: "instance",
        aliases: &["instances"],
        arg: Arg::Instance,
        usage: ":instance [ALIAS|ID]",
        help: "open an instance (by alias or ID); without one, the picker",
    },
    CommandSpec {
        name: "profile",
        aliases: &[],
        arg: Arg::Profile,
        usage: ":profile NAME",
        help: "use another AWS profile (from ~/.aws), then pick an instance",
    },
    CommandSpec {
        name: "region",
        aliases: &[],
        arg: Arg::Region,
        usage: ":region NAME|all",
        help: "use another region, or list the instances of every region",
    },
    CommandSpec {
        name: "theme",
        aliases: &[],
        arg: Arg::Theme,
        usage: ":theme NAME",
        help: "colours: dark, light, high-contrast, mono",
    },
    CommandSpec {
        name: "quit",
        aliases: &["q", "q!"],
        arg: Arg::None,
        usage: ":q",
        help: "quit",
    },
];

/// A command line as typed, checked against [`COMMANDS`].
#[derive(Debug)]
pub struct Parsed<'a> {
    pub command: &'static CommandSpec,
    pub arg: Option<&'a str>,
}

/// Parses `text` (without the `:`). Errors are the words the command line shows.
pub fn parse(text: &str) -> Result<Parsed<'_>, String> {
    let text = text.trim();
    let (name, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let arg = Some(rest.trim()).filter(|a| !a.is_empty());
    let command = find(name).ok_or_else(|| {
        if name.is_empty() {
            "type a command (Tab lists them)".to_string()
        } else {
            format!("unknown command :{name} (Tab lists the commands)")
        }
    })?;
    match (command.arg, arg) {
        (Arg::None, Some(extra)) => Err(format!(
            ":{} takes no argument (got “{extra}”)",
            command.name
        )),
        (Arg::Profile | Arg::Region | Arg::Theme, None) => {
            Err(format!("usage: {} (Tab completes)", command.usage))
        }
        _ => Ok(Parsed { command, arg }),
    }
}

fn find(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS
        .iter()
        .find(|c| c.name == name || c.aliases.contains(&name))
}

/// What Tab does with `text`: the completed text, and the candidates when more than one
/// remain (shown under the line). `values` gives an argument kind's candidates.
pub fn complete(text: &str, values: &dyn Fn(Arg) -> Vec<String>) -> (String, Vec<String>) {
    match text.split_once(' ') {
        None => {
            let names: Vec<String> = COMMANDS.iter().map(|c| c.name.to_string()).collect();
            let (done, candidates) = extend(text, &names);
            // A whole command that takes an argument gets its space.
            let spaced = match find(&done) {
                Some(c) if candidates.len() <= 1 && c.arg != Arg::None => format!("{done} "),
                _ => done,
            };
            (spaced, candidates)
        }
        Some((name, typed)) => {
            let Some(command) = find(name) else {
                return (text.to_string(), Vec::new());
            };
            let (done, candidates) = extend(typed.trim_start(), &values(command.arg));
            (format!("{name} {done}"), candidates)
        }
    }
}

/// `typed` extended to the longest prefix its matches share, and the matches when several.
/// Matching ignores case; a value containing `typed` elsewhere matches when none starts
/// with it (instance aliases are long).
fn extend(typed: &str, values: &[String]) -> (String, Vec<String>) {
    let lower = typed.to_lowercase();
    let mut matches: Vec<&String> = values
        .iter()
        .filter(|v| v.to_lowercase().starts_with(&lower))
        .collect();
    if matches.is_empty() {
        matches = values
            .iter()
            .filter(|v| v.to_lowercase().contains(&lower))
            .collect();
    }
    match matches.as_slice() {
        [] => (typed.to_string(), Vec::new()),
        [one] => ((*one).clone(), Vec::new()),
        many => {
            let shared = many.iter().skip(1).fold(many[0].as_str(), |acc, v| {
                let n = acc
                    .char_indices()
                    .zip(v.chars())
                    .take_while(|((_, a), b)| a == b)
                    .last()
                    .map_or(0, |((i, a), _)| i + a.len_utf8());
                &acc[..n]
            });
            let done = if shared.len() > typed.len() {
                shared.to_string()
            } else {
                typed.to_string()
            };
            (done, many.iter().map(|v| (*v).clone()).collect())
        }
    }
}

/// The line being typed, and where ↑/↓ are in the history.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CommandLine {
    pub text: String,
    /// What is wrong with the text, after Enter.
    pub error: Option<String>,
    /// What Tab found when more than one thing fits.
    pub candidates: Vec<String>,
    /// Index into the history while browsing it with ↑/↓ (None: the typed text).
    browsing: Option<usize>,
    /// The typed text, kept while browsing the history.
    typed: String,
}

impl CommandLine {
    pub fn push(&mut self, c: char) {
        self.text.push(c);
        self.edited();
    }

    pub fn pop(&mut self) {
        self.text.pop();
        self.edited();
    }

    pub fn set(&mut self, text: String) {
        self.text = text;
        self.edited();
    }

    fn edited(&mut self) {
        self.error = None;
        self.candidates.clear();
        self.browsing = None;
    }

    /// ↑: the previous command of `history` (oldest first).
    pub fn older(&mut self, history: &[String]) {
        let next = match self.browsing {
            None if history.is_empty() => return,
            None => {
                self.typed = self.text.clone();
                history.len() - 1
            }
            Some(0) => 0,
            Some(i) => i - 1,
        };
        self.browsing = Some(next);
        self.text = history[next].clone();
        self.error = None;
        self.candidates.clear();
    }

    /// ↓: the next command of `history`, then back to what was typed.
    pub fn newer(&mut self, history: &[String]) {
        let Some(i) = self.browsing else {
            return;
        };
        if i + 1 < history.len() {
            self.browsing = Some(i + 1);
            self.text = history[i + 1].clone();
        } else {
            self.browsing = None;
            self.text = std::mem::take(&mut self.typed);
        }
        self.error = None;
        self.candidates.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(arg: Arg) -> Vec<String> {
        match arg {
            Arg::Theme => vec![
                "dark".into(),
                "light".into(),
                "high-contrast".into(),
                "mono".into(),
            ],
            Arg::Region => vec!["all".into(), "eu-central-1".into(), "eu-west-2".into()],
            Arg::Instance => vec!["anycompany-support".into(), "anycompany-lab".into()],
            _ => Vec::new(),
        }
    }

    #[test]
    fn commands_parse_with_their_arguments_and_mistakes_say_what_is_wrong() {
        let p = parse(" region  eu-west-2 ").expect("parses");
        assert_eq!((p.command.name, p.arg), ("region", Some("eu-west-2")));
        assert_eq!(parse("q").expect("q").command.name, "quit");
        assert_eq!(parse("instance").expect("bare").arg, None);
        assert_eq!(
            parse("frobnicate").unwrap_err(),
            "unknown command :frobnicate (Tab lists the commands)"
        );
        assert_eq!(
            parse("theme").unwrap_err(),
            "usage: :theme NAME (Tab completes)"
        );
        assert!(parse("q now").unwrap_err().contains("takes no argument"));
        assert!(parse("").unwrap_err().contains("Tab lists them"));
    }

    #[test]
    fn every_command_name_and_alias_is_unique() {
        let mut names: Vec<&str> = COMMANDS
            .iter()
            .flat_map(|c| std::iter::once(c.name).chain(c.aliases.iter().copied()))
            .collect();
        let all = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all);
    }

    #[test]
    fn tab_completes_commands_then_their_arguments() {
        assert_eq!(complete("th", &values), ("theme ".to_string(), vec![]));
        assert_eq!(
            complete("theme l", &values),
            ("theme light".to_string(), vec![])
        );
        let (text, candidates) = complete("region eu", &values);
        assert_eq!(text, "region eu-");
        assert_eq!(candidates, ["eu-central-1", "eu-west-2"]);
        // Not a prefix of any: a value containing it.
        assert_eq!(
            complete("instance lab", &values).0,
            "instance anycompany-lab"
        );
        let (text, candidates) = complete("", &values);
        assert_eq!(text, "");
        assert_eq!(candidates.len(), COMMANDS.len());
        assert_eq!(complete("q", &values).0, "quit");
        assert_eq!(complete("nope x", &values), ("nope x".to_string(), vec![]));
    }

    #[test]
    fn up_and_down_walk_the_history_and_come_back_to_what_was_typed() {
        let history = vec!["theme light".to_string(), "region eu-west-2".to_string()];
        let mut line = CommandLine::default();
        line.push('t');
        line.older(&history);
        assert_eq!(line.text, "region eu-west-2");
        line.older(&history);
        line.older(&history);
        assert_eq!(line.text, "theme light");
        line.newer(&history);
        assert_eq!(line.text, "region eu-west-2");
        line.newer(&history);
        assert_eq!(line.text, "t");
        line.older(&[]);
        assert_eq!(line.text, "t");
    }
}
