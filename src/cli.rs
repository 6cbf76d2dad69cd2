//! Command-line definitions: the AWS-CLI-style global options, the interactive browser's own
//! options, and the subcommands. Parsing only; `main.rs` decides what runs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::app::ThemeName;

mod reads;
pub use reads::{
    DescribeRoutingProfileArgs, GetCurrentUserDataArgs, ListAgentStatusesArgs, ListQueuesArgs,
    ListRoutingProfileQueuesArgs, ListSecurityProfilePermissionsArgs, ListUserProficienciesArgs,
};

#[derive(Debug, Parser)]
#[command(
    name = "connect-tui",
    version,
    about = "Browse Amazon Connect users in the terminal; scriptable drop-ins for `aws connect`.",
    long_about = None,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    /// Open this instance directly (instance ID or full instance ARN).
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: Option<String>,

    /// List the instances of every region where Amazon Connect is offered (concurrently,
    /// each region within its own quota), with a Region column.
    #[arg(long)]
    pub all_regions: bool,

    /// Refresh the live agent status (GetCurrentUserData) of the users on screen every
    /// SECONDS while the users screen shows and the terminal has focus; 0 turns it off.
    /// Default: 10 (or the config file's `live_interval`).
    #[arg(long, value_name = "SECONDS")]
    pub live_interval: Option<u64>,

    /// How `y`/`Y`/`c` copy: through tmux, the native clipboard, OSC 52 through the terminal,
    /// or not at all. Default: auto (or CONNECT_TUI_CLIPBOARD, or the config file's).
    #[arg(long, value_enum)]
    pub clipboard: Option<ClipboardMode>,

    /// The browser's colours: dark (for dark backgrounds), light (for light backgrounds),
    /// high-contrast, or mono (no colour; also whenever NO_COLOR is set). Default: dark (or
    /// CONNECT_TUI_THEME, or the config file's).
    #[arg(long, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeName>,

    /// The browser's config file. Default: $XDG_CONFIG_HOME/connect-tui/config.toml
    /// (~/.config/connect-tui/config.toml); `connect-tui config path` tells.
    /// (CONNECT_TUI_CONFIG names one too.)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Where Ctrl-S writes the users table as CSV (default: the config file's `export_dir`,
    /// else the current directory).
    #[arg(long, value_name = "DIR")]
    pub export_dir: Option<std::path::PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command accepts, named and behaving as in the AWS CLI.
#[derive(Debug, Args, Clone, Default)]
pub struct GlobalArgs {
    /// Use the built-in demo endpoint and data set (no AWS account needed).
    #[arg(long, global = true)]
    pub demo: bool,

    /// Use a specific profile from your credential file.
    #[arg(long, global = true, value_name = "PROFILE")]
    pub profile: Option<String>,

    /// The region to use. Overrides config/env settings.
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,

    /// Override the default Amazon Connect URL with the given URL.
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint_url: Option<String>,

    /// The formatting style for command output.
    #[arg(long, global = true, value_enum)]
    pub output: Option<OutputFormat>,

    /// A JMESPath query to use in filtering the response data.
    #[arg(long, global = true, value_name = "JMESPATH")]
    pub query: Option<String>,

    /// Turn on/off color output.
    #[arg(long, global = true, value_enum)]
    pub color: Option<ColorMode>,

    /// Turn on debug logging (on stderr; credentials and signatures redacted).
    #[arg(long, global = true)]
    pub debug: bool,

    /// Do not verify TLS certificates (prints a warning on every run).
    #[arg(long, global = true)]
    pub no_verify_ssl: bool,

    /// Disable automatic pagination: print only the first page.
    #[arg(long, global = true)]
    pub no_paginate: bool,

    /// Do not sign requests. Credentials will not be loaded.
    #[arg(long, global = true)]
    pub no_sign_request: bool,

    /// The CA certificate bundle to use when verifying TLS certificates.
    #[arg(long, global = true, value_name = "FILE")]
    pub ca_bundle: Option<PathBuf>,

    /// The maximum socket read time in seconds (0 = no timeout). Default 60.
    #[arg(long, global = true, value_name = "SECONDS")]
    pub cli_read_timeout: Option<u64>,

    /// The maximum socket connect time in seconds (0 = no timeout). Default 60.
    #[arg(long, global = true, value_name = "SECONDS")]
    pub cli_connect_timeout: Option<u64>,

    /// Accepted for compatibility: no operation here takes binary input.
    #[arg(long, global = true, value_parser = ["base64", "raw-in-base64-out"])]
    pub cli_binary_format: Option<String>,

    /// Accepted for compatibility: connect-tui never pages its output.
    #[arg(long, global = true)]
    pub no_cli_pager: bool,

    /// Accepted and ignored: connect-tui never prompts for parameters (the interactive
    /// browser is `connect-tui` with no subcommand).
    #[arg(long, global = true)]
    pub cli_auto_prompt: bool,

    /// Accepted and ignored (see --cli-auto-prompt).
    #[arg(long, global = true)]
    pub no_cli_auto_prompt: bool,

    /// Client-side request rate per Connect operation: R or R/B (requests per second, burst).
    /// Default 1.6/5, just under Connect's default quota of 2/s, burst 5; raise it for
    /// accounts with raised quotas.
    #[arg(long, global = true, value_name = "R[/B]", env = "CONNECT_TUI_MAX_RPS", value_parser = crate::connect::RateLimit::parse)]
    pub max_rps: Option<crate::connect::RateLimit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Json,
    Text,
    Table,
    Yaml,
    #[value(name = "yaml-stream")]
    YamlStream,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorMode {
    On,
    Off,
    Auto,
}

/// `--clipboard`: how `y`/`Y`/`c` copy. The doc comments are the `--help` text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ClipboardMode {
    /// Inside tmux: tmux; otherwise the native clipboard; OSC 52 over SSH or when neither works
    #[default]
    Auto,
    /// tmux's paste buffer (`tmux load-buffer -w`); tmux passes it on to the terminal
    Tmux,
    /// The native clipboard (X11, Wayland, macOS, Windows)
    Native,
    /// OSC 52 through the terminal (the terminal never confirms it)
    Osc52,
    /// OSC 52 in tmux's passthrough wrapper (needs `set -g allow-passthrough on`)
    Osc52Passthrough,
    /// Do not copy
    Off,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve a local, wire-compatible Amazon Connect endpoint (for demos and tests).
    MockServer(MockServerArgs),
    /// Describe one user (drop-in for `aws connect describe-user`).
    DescribeUser(DescribeUserArgs),
    /// List the users of an instance (drop-in for `aws connect list-users`).
    ListUsers(ListUsersArgs),
    /// List the Connect instances (drop-in for `aws connect list-instances`).
    ListInstances(ListInstancesArgs),
    /// Search the users of an instance (drop-in for `aws connect search-users`).
    SearchUsers(SearchUsersArgs),
    /// Every user of an instance with names resolved, as CSV, JSON or JSON lines (the
    /// browser's users table, filtered with the browser's filter syntax).
    ExportUsers(ExportUsersArgs),
    /// Live status of agents (drop-in for `aws connect get-current-user-data`).
    GetCurrentUserData(GetCurrentUserDataArgs),
    /// List the agent statuses (drop-in for `aws connect list-agent-statuses`).
    ListAgentStatuses(ListAgentStatusesArgs),
    /// A routing profile's queues (drop-in for `aws connect list-routing-profile-queues`).
    ListRoutingProfileQueues(ListRoutingProfileQueuesArgs),
    /// Describe a routing profile (drop-in for `aws connect describe-routing-profile`).
    DescribeRoutingProfile(DescribeRoutingProfileArgs),
    /// List the queues (drop-in for `aws connect list-queues`).
    ListQueues(ListQueuesArgs),
    /// A security profile's permissions (drop-in for `aws connect list-security-profile-permissions`).
    ListSecurityProfilePermissions(ListSecurityProfilePermissionsArgs),
    /// A user's proficiencies (drop-in for `aws connect list-user-proficiencies`).
    ListUserProficiencies(ListUserProficienciesArgs),
    /// Print a completion script for SHELL on stdout (install it as the README says).
    Completions(CompletionsArgs),
    /// Print the man page (roff) on stdout, the browser's keys included.
    Man,
    /// The browser's config file: where it is looked for, and a complete default one.
    #[command(subcommand)]
    Config(ConfigCommand),
}

#[derive(Debug, Subcommand, Clone, Copy)]
pub enum ConfigCommand {
    /// Print where the config file is looked for and whether it exists.
    Path,
    /// Print a complete, commented config file with every setting at its default.
    Default,
}

#[derive(Debug, Args, Clone)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args, Clone)]
pub struct MockServerArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:0")]
    pub addr: String,
    /// Data set to serve (API shapes); the built-in demo data when absent.
    #[arg(long, value_name = "FILE.json")]
    pub data: Option<PathBuf>,
    /// Add N generated users to the demo instance.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub users: usize,
    /// Seed for generated users and random faults.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// Added latency per response, fixed (`200`) or a range (`50-2000`).
    #[arg(long, value_name = "MIN[-MAX]")]
    pub latency_ms: Option<String>,
    /// Share of responses (0..1) turned into a fault drawn uniformly from --fault-kinds.
    #[arg(long, default_value_t = 0.0, value_name = "P")]
    pub fault_rate: f64,
    /// Faults to draw from, comma-separated; all by default: internal (500), unavailable
    /// (503), throttled (429), connection_closed (dropped mid-response), truncated_json,
    /// malformed_json, wrong_type (200 answers with a corrupt body).
    #[arg(long, value_name = "KIND,...")]
    pub fault_kinds: Option<String>,
    /// Answer 429 ThrottlingException over a quota, as Connect does: RATE requests a second
    /// with bursts of BURST (5 when omitted), e.g. `2/5` (Connect's default quota), `0.5` or
    /// `1.6/3`; a bucket per operation unless --throttle-scope account. `OPERATION=RATE[/BURST]`
    /// gives one served operation its own quota, e.g. `ListUsers=10/15` (repeat the flag for
    /// more). Operations with no quota are not throttled. Also settable in the --data file's
    /// "Throttle" section; the command line wins.
    #[arg(long, value_name = "[OPERATION=]RATE[/BURST]")]
    pub throttle: Vec<String>,
    /// What --throttle RATE counts: `operation` (the default; each operation its own bucket,
    /// as Connect's per-API quotas) or `account` (one bucket shared by every operation
    /// without a quota of its own).
    #[arg(long, value_name = "operation|account")]
    pub throttle_scope: Option<String>,
    /// Older spelling of `--throttle R/B --throttle-scope account`, B being R rounded down
    /// (at least 1): one account-wide bucket holding a second's worth of requests.
    #[arg(long, value_name = "R")]
    pub throttle_rps: Option<f64>,
    /// Append one JSON line per request: {"op":"ListUsers","status":200,"ms":1.2}.
    #[arg(long, value_name = "FILE.jsonl")]
    pub request_log: Option<PathBuf>,

    /// Refuse requests signed for REGION as Connect does in a region the account has not
    /// enabled (403 UnrecognizedClientException). Repeatable.
    #[arg(long, value_name = "REGION")]
    pub deny_region: Vec<String>,
}

/// Input members, paging and skeleton options shared by the scriptable commands.
#[derive(Debug, Args, Clone, Default)]
pub struct InputArgs {
    /// Read arguments from JSON (inline or file://path); command-line values override it.
    #[arg(long, value_name = "JSON", conflicts_with = "cli_input_yaml")]
    pub cli_input_json: Option<String>,
    /// Read arguments from YAML (inline or file://path); command-line values override it.
    #[arg(long, value_name = "YAML")]
    pub cli_input_yaml: Option<String>,
    /// Print a skeleton (input, yaml-input or output) instead of calling the service.
    #[arg(
        long,
        value_name = "input|yaml-input|output",
        num_args = 0..=1,
        default_missing_value = "input",
        value_parser = ["input", "yaml-input", "output"]
    )]
    pub generate_cli_skeleton: Option<String>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct PagingArgs {
    /// The total number of items to return; a NextToken is printed when more remain.
    #[arg(long, value_name = "N")]
    pub max_items: Option<i64>,
    /// A NextToken from a previous truncated response.
    #[arg(long, value_name = "TOKEN")]
    pub starting_token: Option<String>,
    /// The size of each page requested from the service (default: the largest allowed).
    #[arg(long, value_name = "N")]
    pub page_size: Option<i64>,
    /// The service's own token for one page; turns automatic pagination off (as in the AWS
    /// CLI, where this member is accepted but undocumented).
    #[arg(long, value_name = "TOKEN", hide = true)]
    pub next_token: Option<String>,
    /// The service's own page size for one page; turns automatic pagination off.
    #[arg(long, value_name = "N", hide = true)]
    pub max_results: Option<i64>,
}

#[derive(Debug, Args, Clone)]
pub struct DescribeUserArgs {
    /// The identifier of the user account.
    #[arg(long, value_name = "ID")]
    pub user_id: Option<String>,
    /// The identifier (or ARN) of the Amazon Connect instance.
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: Option<String>,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ListUsersArgs {
    /// The identifier (or ARN) of the Amazon Connect instance.
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: Option<String>,
    #[command(flatten)]
    pub paging: PagingArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ListInstancesArgs {
    #[command(flatten)]
    pub paging: PagingArgs,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ExportUsersArgs {
    /// The identifier (or ARN) of the Amazon Connect instance.
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: String,
    /// Only the users matching EXPR, in the browser's `/` syntax (`rp:"Tier 1" !sp:admin`).
    #[arg(long, value_name = "EXPR")]
    pub filter: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = crate::app::export::Format::Csv)]
    pub format: crate::app::export::Format,
    /// Add Email, SecondaryEmail and Mobile: one DescribeUser per exported user, at the rate
    /// limit (the estimated time is printed first).
    #[arg(long)]
    pub describe: bool,
}

#[derive(Debug, Args, Clone)]
pub struct SearchUsersArgs {
    /// The identifier (or ARN) of the Amazon Connect instance.
    #[arg(long, value_name = "ID|ARN")]
    pub instance_id: Option<String>,
    /// UserSearchCriteria as JSON (inline or file://path).
    #[arg(long, value_name = "JSON")]
    pub search_criteria: Option<String>,
    /// UserSearchFilter as JSON (inline or file://path).
    #[arg(long, value_name = "JSON")]
    pub search_filter: Option<String>,
    #[command(flatten)]
    pub paging: PagingArgs,
    #[command(flatten)]
    pub input: InputArgs,
}
