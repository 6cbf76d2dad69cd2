//! The `--query` corpus (fixture, expression), shared through `#[path]` so that the same list
//! runs at the output level (`tests/output_vs_aws_cli.rs`, on `tests/fixtures/output/*.json`)
//! and at the command level (`tests/commands_vs_aws_cli.rs`, through the real commands
//! against a mock-server). The fixture names a response shape: `describe_user`, `list_users`,
//! `list_instances`, `search_users`, or the synthetic `odd`.

/// `--query` expressions typical for these commands, with the fixture they run on.
pub const QUERIES: &[(&str, &str)] = &[
    ("describe_user", "User.Username"),
    ("describe_user", "User.{Name:Username,Id:Id}"),
    ("describe_user", "User.IdentityInfo"),
    ("describe_user", "User.SecurityProfileIds"),
    ("describe_user", "User.SecurityProfileIds[0]"),
    ("describe_user", "User.Tags"),
    ("describe_user", "keys(User.Tags)"),
    (
        "describe_user",
        "User.AutoAcceptConfigs[?AutoAccept].Channel",
    ),
    (
        "describe_user",
        "User.AfterContactWorkConfigs[*].AfterContactWorkConfig.AfterContactWorkTimeLimit",
    ),
    ("describe_user", "User.PhoneConfig.AutoAccept"),
    (
        "describe_user",
        "User.PhoneConfig.AfterContactWorkTimeLimit",
    ),
    ("describe_user", "User.Missing"),
    ("describe_user", "User.[Username, IdentityInfo.Email]"),
    ("describe_user", "to_string(User.PhoneConfig)"),
    ("describe_user", "length(User.SecurityProfileIds)"),
    ("describe_user", "User.LastModifiedTime"),
    (
        "describe_user",
        "merge(User.IdentityInfo, User.PhoneConfig)",
    ),
    ("describe_user", "User.IdentityInfo.*"),
    ("describe_user", "User"),
    (
        "list_users",
        "UserSummaryList[?starts_with(Username,'j')].Id",
    ),
    ("list_users", "length(UserSummaryList)"),
    ("list_users", "UserSummaryList[*].[Username,Id]"),
    ("list_users", "sort_by(UserSummaryList,&Username)[0]"),
    (
        "list_users",
        "sort_by(UserSummaryList,&Username)[].Username",
    ),
    (
        "list_users",
        "UserSummaryList[?LastModifiedTime > '2022-01-01'].Username",
    ),
    (
        "list_users",
        "max_by(UserSummaryList,&LastModifiedTime).Username",
    ),
    ("list_users", "min_by(UserSummaryList,&Username).Id"),
    ("list_users", "UserSummaryList[-1]"),
    ("list_users", "UserSummaryList[::2].Username"),
    ("list_users", "reverse(UserSummaryList)[0].Username"),
    ("list_users", "join(', ', UserSummaryList[].Username)"),
    ("list_users", "UserSummaryList[?contains(Username, 'ë')]"),
    (
        "list_users",
        "UserSummaryList[0:2].{U:Username, Modified:LastModifiedTime}",
    ),
    ("list_users", "map(&length(Username), UserSummaryList)"),
    ("list_users", "UserSummaryList[?Username=='Jane'] | [0].Arn"),
    ("list_instances", "InstanceSummaryList[].InstanceAlias"),
    (
        "list_instances",
        "InstanceSummaryList[?InboundCallsEnabled && !OutboundCallsEnabled].Id",
    ),
    (
        "list_instances",
        "InstanceSummaryList[*].{Alias:InstanceAlias,Status:InstanceStatus}",
    ),
    (
        "list_instances",
        "length(InstanceSummaryList[?InstanceStatus=='ACTIVE'])",
    ),
    (
        "list_instances",
        "not_null(InstanceSummaryList[1].ServiceRole, 'none')",
    ),
    ("list_instances", "type(InstanceSummaryList)"),
    (
        "list_instances",
        "InstanceSummaryList[?InstanceStatus==`ACTIVE`].Id",
    ),
    (
        "list_instances",
        "InstanceSummaryList[?IdentityManagementType==`  SAML`] | length(@)",
    ),
    ("list_instances", "`{bad`"),
    ("search_users", "ApproximateTotalCount"),
    ("search_users", "Users[].IdentityInfo"),
    ("search_users", "Users[?PhoneConfig.AutoAccept].Username"),
    ("search_users", "NextToken"),
    (
        "search_users",
        "sum(Users[].PhoneConfig.AfterContactWorkTimeLimit)",
    ),
    (
        "search_users",
        "avg(Users[].PhoneConfig.AfterContactWorkTimeLimit)",
    ),
    (
        "search_users",
        "max(Users[].PhoneConfig.AfterContactWorkTimeLimit)",
    ),
    ("search_users", "Users[].Tags"),
    ("search_users", "Users[*].SecurityProfileIds[]"),
    (
        "search_users",
        "Users[0].PhoneConfig.AfterContactWorkTimeLimit == `0`",
    ),
    ("search_users", "to_number('42')"),
    ("search_users", "abs(`-3`)"),
    (
        "search_users",
        r#"`{"b": 1, "a": {"d": "x\`y", "c": [4, 3]}}`"#,
    ),
    (
        "search_users",
        r#"merge(`{"z": 1, "y": 2}`, Users[0].IdentityInfo)"#,
    ),
    // Literals of every kind: legacy (`ACTIVE` above), JSON string, number, raw string.
    ("describe_user", "`\"x\"`"),
    ("describe_user", "`5`"),
    ("describe_user", "'x'"),
    (
        "describe_user",
        "User.[Username, `5`, 'raw', `\"json\"`, `legacy`]",
    ),
    (
        "list_instances",
        "InstanceSummaryList[?InstanceStatus==`\"ACTIVE\"`].InstanceAlias",
    ),
    (
        "list_users",
        "UserSummaryList[?length(Username) > `5`].Username",
    ),
    // Nested functions.
    (
        "list_users",
        "length(sort_by(UserSummaryList, &Username)[?starts_with(Username, 'a')])",
    ),
    (
        "list_users",
        "join(', ', sort(map(&Username, UserSummaryList))[:3])",
    ),
    (
        "search_users",
        "max_by(Users, &length(Username)).{U: Username, N: length(Username)}",
    ),
    ("odd", "Numbers"),
    ("odd", "sort(Numbers)"),
    ("odd", "Strings[?length(@) > `5`]"),
    ("odd", "Nested[]"),
    ("odd", "Nested[*][0]"),
    ("odd", "values(Unicode)"),
    ("odd", "to_string(Unicode)"),
    ("odd", "Mixed[*].B"),
    // Evaluation errors: the messages must be jmespath's.
    ("describe_user", "length(`1`)"),
    ("describe_user", "unknown_fn(User)"),
    ("describe_user", "length(User, User)"),
    ("describe_user", "User.Username > `1`"),
    ("describe_user", "avg(User.SecurityProfileIds)"),
    ("list_users", "sort_by(UserSummaryList, &Missing)"),
    ("list_users", "sort(UserSummaryList)"),
    // Expressions that do not parse.
    ("describe_user", "User.["),
    ("describe_user", "foo[?"),
    ("describe_user", "a.b."),
    ("describe_user", "User.Username |"),
    ("describe_user", ""),
    ("describe_user", "length("),
    ("describe_user", "a ++ b"),
    ("describe_user", "User.Username)"),
    ("describe_user", "User[?Username == `x`"),
    ("describe_user", "User.'Username'"),
    ("describe_user", "{Name: User.Username"),
];
