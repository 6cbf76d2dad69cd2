//! From parsed command-line arguments to a validated request: the API members (command line
//! merged over `--cli-input-*`), what to do (call, or print a skeleton) and how to page.

use serde_json::{Map, Value};

use super::args::{self, Members, OperationArgs};
use super::error::CommandError;
use super::input::{load_cli_input, merge, validate};
use super::operation::Operation;
use super::paging::StartingToken;
use super::skeleton::SkeletonKind;
use crate::cli::{InputArgs, PagingArgs};

/// One of the scriptable commands, borrowed from the parsed command line.
#[derive(Debug, Clone, Copy)]
pub struct CommandRequest<'a> {
    args: &'a dyn OperationArgs,
}

impl<'a> CommandRequest<'a> {
    /// The AWS CLI drop-in in `command`, if it is one (`mock-server` and `export-users` are
    /// not).
    pub fn from_command(command: &'a crate::cli::Command) -> Option<Self> {
        args::of_command(command).map(|args| CommandRequest { args })
    }

    pub fn operation(self) -> Operation {
        self.args.operation()
    }

    fn input(self) -> &'a InputArgs {
        self.args.input()
    }

    fn paging(self) -> Option<&'a PagingArgs> {
        self.args.paging()
    }

    /// The API members given on the command line, in model order.
    fn command_line_members(self) -> Result<Map<String, Value>, CommandError> {
        let mut members = Members::default();
        self.args.members(&mut members)?;
        if let Some(p) = self.paging() {
            members.string("NextToken", &p.next_token);
            members.integer("MaxResults", p.max_results);
        }
        Ok(members.into_map(self.operation()))
    }
}

/// How a list command pages.
#[derive(Debug, Clone, PartialEq)]
pub enum Paging {
    /// One request with exactly the members given (`--no-paginate`, or a `NextToken` /
    /// `MaxResults` member given explicitly, which turns automatic pagination off in v2).
    Single,
    /// Follow `NextToken` to the end or to `--max-items`.
    Auto {
        /// `--page-size`; `None`: sizes chosen by `paging::adaptive_page_size`.
        page_size: Option<i32>,
        max_items: Option<i64>,
        starting: Option<StartingToken>,
    },
}

/// What the user asked for, validated.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// Print an input skeleton (nothing else is read or checked, as in the AWS CLI).
    InputSkeleton(&'static str),
    /// Print the sample response (after validating the input like a real call).
    OutputSkeleton,
    Call {
        params: Map<String, Value>,
        paging: Paging,
    },
}

/// Builds the plan for `request`. `no_paginate` is the global `--no-paginate`.
pub fn plan(request: CommandRequest<'_>, no_paginate: bool) -> Result<Plan, CommandError> {
    let op = request.operation();
    let input = request.input();
    let skeleton = input
        .generate_cli_skeleton
        .as_deref()
        .map(SkeletonKind::parse)
        .transpose()?;
    if let Some(kind) = skeleton
        && let Some(text) = super::skeleton::input_text(op, kind)
    {
        return Ok(Plan::InputSkeleton(text));
    }
    let from_cli = request.command_line_members()?;
    if input.cli_input_json.is_none() && input.cli_input_yaml.is_none() {
        required_options_given(op, &from_cli)?;
    }
    let file = load_cli_input(
        input.cli_input_json.as_deref(),
        input.cli_input_yaml.as_deref(),
    )?;
    let mut params = merge(from_cli, file);
    validate(&params, op.members())?;
    if let Some(Value::String(raw)) = params.get("InstanceId") {
        let id =
            crate::connect::parse_instance_id(raw).map_err(|e| CommandError::Usage(e.message))?;
        params.insert("InstanceId".into(), Value::String(id));
    }
    if skeleton == Some(SkeletonKind::Output) {
        return Ok(Plan::OutputSkeleton);
    }
    let paging = match (op.paginator(), request.paging()) {
        (Some(_), Some(args)) => paging_for(op, &params, args, no_paginate)?,
        _ => Paging::Single,
    };
    Ok(Plan::Call { params, paging })
}

/// Without `--cli-input-*`, required members are required options: argparse's message and
/// the command's usage line, as the AWS CLI prints them (with an input file they become
/// optional and botocore's validator reports what is still missing).
fn required_options_given(op: Operation, given: &Map<String, Value>) -> Result<(), CommandError> {
    let missing: Vec<String> = op
        .members()
        .iter()
        .filter(|m| m.required && !given.contains_key(m.name))
        .map(|m| format!("--{}", kebab(m.name)))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut cli = <crate::cli::Cli as clap::CommandFactory>::command();
    cli.build();
    let usage = cli
        .find_subcommand_mut(op.command())
        .map(|sub| sub.render_usage().to_string())
        .unwrap_or_default();
    Err(CommandError::Usage(format!(
        "{usage}\nconnect-tui {}: error: the following arguments are required: {}",
        op.command(),
        missing.join(", ")
    )))
}

/// `InstanceId` → `instance-id`.
fn kebab(member: &str) -> String {
    let mut out = String::new();
    for (i, c) in member.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// botocore's `check_should_enable_pagination` and `PaginationConfig` handling.
fn paging_for(
    op: Operation,
    params: &Map<String, Value>,
    args: &PagingArgs,
    no_paginate: bool,
) -> Result<Paging, CommandError> {
    let manual = params.contains_key("NextToken") || params.contains_key("MaxResults");
    if no_paginate || manual {
        // Python truthiness: `--max-items 0` does not count as "given".
        let used: Vec<&str> = [
            (
                "--starting-token",
                args.starting_token
                    .as_deref()
                    .is_some_and(|t| !t.is_empty()),
            ),
            ("--page-size", args.page_size.is_some_and(|n| n != 0)),
            ("--max-items", args.max_items.is_some_and(|n| n != 0)),
        ]
        .into_iter()
        .filter_map(|(name, given)| given.then_some(name))
        .collect();
        if !used.is_empty() {
            return Err(CommandError::Other(format!(
                "Error during pagination: Cannot specify --no-paginate along with pagination \
                 arguments: {}",
                used.join(", ")
            )));
        }
        return Ok(Paging::Single);
    }
    let page_size = match args.page_size {
        None => None,
        Some(n) if n < 1 => {
            return Err(CommandError::param_validation(&[format!(
                "Invalid value for parameter MaxResults, value: {n}, valid min value: 1"
            )]));
        }
        Some(n) => Some(i32::try_from(n).map_err(|_| {
            CommandError::Usage(format!("argument --page-size: value {n} is too large"))
        })?),
    };
    let starting = args
        .starting_token
        .as_deref()
        .map(|token| StartingToken::parse(token, op.members()))
        .transpose()?;
    Ok(Paging::Auto {
        page_size,
        max_items: args.max_items,
        starting,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;
    use serde_json::json;

    const ID: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";

    fn plan_for(args: &[&str]) -> Result<Plan, CommandError> {
        let cli = Cli::try_parse_from(std::iter::once("connect-tui").chain(args.iter().copied()))
            .unwrap();
        let request = CommandRequest::from_command(cli.command.as_ref().unwrap()).unwrap();
        plan(request, cli.global.no_paginate)
    }

    #[test]
    fn arns_become_ids_and_cli_values_beat_the_input_file() {
        let arn = format!("arn:aws:connect:us-east-1:123456789012:instance/{ID}");
        let input = json!({"UserId": "from-file", "InstanceId": "ignored"}).to_string();
        let plan = plan_for(&[
            "describe-user",
            "--user-id",
            "u1",
            "--instance-id",
            &arn,
            "--cli-input-json",
            &input,
        ])
        .unwrap();
        let Plan::Call { params, paging } = plan else {
            panic!("{plan:?}")
        };
        assert_eq!(
            Value::Object(params),
            json!({"UserId": "u1", "InstanceId": ID})
        );
        assert_eq!(paging, Paging::Single);
    }

    #[test]
    fn missing_members_and_bad_instances_are_usage_errors() {
        let err = plan_for(&["describe-user", "--instance-id", ID]).unwrap_err();
        assert_eq!(err.exit_code(), 252);
        let text = err.stderr_text();
        assert!(text.contains("Usage: connect-tui describe-user"), "{text}");
        assert!(
            text.contains("error: the following arguments are required: --user-id"),
            "{text}"
        );
        let input = format!(r#"{{"InstanceId": "{ID}"}}"#);
        let err = plan_for(&["describe-user", "--cli-input-json", &input]).unwrap_err();
        assert!(
            err.stderr_text()
                .contains("Missing required parameter in input: \"UserId\"")
        );
        let err =
            plan_for(&["describe-user", "--user-id", "u", "--instance-id", "nope"]).unwrap_err();
        assert_eq!(err.exit_code(), 252);
        let err =
            plan_for(&["search-users", "--instance-id", ID, "--search-filter", "{"]).unwrap_err();
        assert!(
            err.stderr_text()
                .contains("Error parsing parameter '--search-filter'")
        );
    }

    #[test]
    fn list_commands_choose_their_page_sizes_unless_told() {
        let plan = plan_for(&["list-users", "--instance-id", ID, "--max-items", "5"]).unwrap();
        assert_eq!(
            plan,
            Plan::Call {
                params: json!({"InstanceId": ID}).as_object().unwrap().clone(),
                paging: Paging::Auto {
                    page_size: None,
                    max_items: Some(5),
                    starting: None
                },
            }
        );
        let Plan::Call { paging, .. } =
            plan_for(&["search-users", "--instance-id", ID, "--page-size", "7"]).unwrap()
        else {
            panic!()
        };
        assert_eq!(
            paging,
            Paging::Auto {
                page_size: Some(7),
                max_items: None,
                starting: None
            }
        );
        let Plan::Call { paging, .. } = plan_for(&["list-instances"]).unwrap() else {
            panic!()
        };
        assert_eq!(
            paging,
            Paging::Auto {
                page_size: None,
                max_items: None,
                starting: None
            }
        );
    }

    #[test]
    fn no_paginate_or_explicit_page_members_mean_one_request() {
        let Plan::Call { paging, .. } = plan_for(&["--no-paginate", "list-instances"]).unwrap()
        else {
            panic!()
        };
        assert_eq!(paging, Paging::Single);
        let input = r#"{"MaxResults": 3}"#;
        let Plan::Call { params, paging } =
            plan_for(&["list-instances", "--cli-input-json", input]).unwrap()
        else {
            panic!()
        };
        assert_eq!(
            (params["MaxResults"].clone(), paging),
            (json!(3), Paging::Single)
        );
        let err = plan_for(&[
            "list-instances",
            "--no-paginate",
            "--max-items",
            "2",
            "--page-size",
            "1",
        ])
        .unwrap_err();
        assert_eq!(
            err.stderr_text(),
            "\nError during pagination: Cannot specify --no-paginate along with pagination \
             arguments: --page-size, --max-items\n"
        );
        let err = plan_for(&["list-instances", "--page-size", "0"]).unwrap_err();
        assert_eq!(err.exit_code(), 252);
    }

    #[test]
    fn input_skeletons_need_nothing_else_but_output_skeletons_validate() {
        let plan = plan_for(&["describe-user", "--generate-cli-skeleton"]).unwrap();
        assert!(matches!(plan, Plan::InputSkeleton(t) if t.contains("\"UserId\": \"\"")));
        let plan = plan_for(&["list-users", "--generate-cli-skeleton", "yaml-input"]).unwrap();
        assert!(matches!(plan, Plan::InputSkeleton(t) if t.starts_with("InstanceId: ''")));
        let err = plan_for(&["describe-user", "--generate-cli-skeleton", "output"]).unwrap_err();
        assert_eq!(err.exit_code(), 252);
        let plan = plan_for(&["list-instances", "--generate-cli-skeleton", "output"]).unwrap();
        assert!(matches!(plan, Plan::OutputSkeleton));
    }
}
