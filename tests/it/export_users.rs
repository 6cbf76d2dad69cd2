//! `connect-tui export-users` against the real `connect-tui mock-server` binary: every user
//! once, names as the AWS CLI's `search-users` and `list-*` give them for the same endpoint,
//! the filter syntax, CSV injection and escape sequences in the data, the requests it sends
//! (from the request log) and its errors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

use crate::common::mock_process::Mock;

const BIN: &str = env!("CARGO_BIN_EXE_connect-tui");
const INSTANCE: &str = "40c83b68-ea62-414c-97bb-d018e39e158e";

/// A private AWS environment (dummy keys, a temp HOME) for both tools.
fn command(program: &str, home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    for var in [
        "AWS_PROFILE",
        "AWS_DEFAULT_PROFILE",
        "AWS_CA_BUNDLE",
        "AWS_SESSION_TOKEN",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home)
        .env("AWS_CONFIG_FILE", home.join("config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("credentials"))
        .env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
        .env(
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        )
        .env("AWS_DEFAULT_REGION", "us-east-1")
        .env("AWS_PAGER", "")
        .env("PYTHONUTF8", "1")
        .args(args)
        .stdin(Stdio::null());
    cmd
}

fn export(home: &Path, mock: &Mock, args: &[&str]) -> Output {
    let mut all = vec![
        "export-users",
        "--endpoint-url",
        &mock.url,
        "--max-rps",
        "1000/1000",
    ];
    all.extend(args);
    command(BIN, home, &all).output().expect("run connect-tui")
}

fn ok_stdout(out: &Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what}: exit {:?}, stderr {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 stdout")
}

fn json_rows(home: &Path, mock: &Mock, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--instance-id", INSTANCE, "--format", "json"];
    all.extend(args);
    let text = ok_stdout(&export(home, mock, &all), "export-users --format json");
    serde_json::from_str(&text).expect("one JSON array")
}

/// Requests connect-tui sent (the AWS CLI's are told apart by their User-Agent).
fn our_requests(mock: &Mock) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for entry in mock.requests() {
        if entry["agent"]
            .as_str()
            .is_some_and(|a| a.contains("aws-cli"))
        {
            continue;
        }
        *counts
            .entry(entry["op"].as_str().unwrap_or("?").to_string())
            .or_insert(0) += 1;
    }
    counts
}

fn aws(home: &Path, mock: &Mock, args: &[&str]) -> Option<Value> {
    let mut all = args.to_vec();
    all.extend(["--endpoint-url", &mock.url, "--output", "json"]);
    let out = command("aws", home, &all).output().ok()?;
    Some(serde_json::from_str(&ok_stdout(&out, &args.join(" "))).expect("aws JSON"))
}

/// Name by ID from an `aws connect list-*` answer.
fn names(answer: &Value, list: &str) -> BTreeMap<String, String> {
    answer[list]
        .as_array()
        .expect(list)
        .iter()
        .map(|s| {
            (
                s["Id"].as_str().unwrap().to_string(),
                s["Name"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_user_once_with_names_as_the_aws_cli_gives_them_and_the_requests_counted() {
    let home = tempfile::tempdir().expect("home");
    let mock = Mock::start(&["--users", "2500"]);
    let rows = json_rows(home.path(), &mock, &[]);
    let ids: BTreeSet<&str> = rows.iter().map(|r| r["Id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), rows.len(), "every user once");
    assert_eq!(rows.len(), 2531, "the demo's 31 users and 2,500 generated");

    let counts = our_requests(&mock);
    assert_eq!(
        counts.get("SearchUsers"),
        Some(&2531usize.div_ceil(500)),
        "{counts:?}"
    );
    // The demo's groups fit one page of SearchUserHierarchyGroups (100).
    for op in [
        "ListRoutingProfiles",
        "ListSecurityProfiles",
        "SearchUserHierarchyGroups",
    ] {
        assert_eq!(counts.get(op), Some(&1), "{op}: {counts:?}");
    }
    for op in ["ListUserHierarchyGroups", "DescribeUserHierarchyGroup"] {
        assert_eq!(
            counts.get(op),
            None,
            "names and paths came from the groups' search: {counts:?}"
        );
    }
    assert_eq!(
        counts.get("DescribeUser"),
        None,
        "no DescribeUser without --describe"
    );
    assert_eq!(
        counts.get("ListUsers"),
        None,
        "the sweep lists every user: {counts:?}"
    );

    let Some(search) = aws(
        home.path(),
        &mock,
        &["connect", "search-users", "--instance-id", INSTANCE],
    ) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "the AWS CLI is required under CI"
        );
        println!("skipped: the AWS CLI (aws) is not installed; names not cross-checked");
        return;
    };
    let list = |what: &str| {
        aws(
            home.path(),
            &mock,
            &["connect", what, "--instance-id", INSTANCE],
        )
        .expect("aws")
    };
    let rps = names(&list("list-routing-profiles"), "RoutingProfileSummaryList");
    let sps = names(
        &list("list-security-profiles"),
        "SecurityProfileSummaryList",
    );
    let groups = names(
        &list("list-user-hierarchy-groups"),
        "UserHierarchyGroupSummaryList",
    );
    let searched = list("search-user-hierarchy-groups");
    let paths: BTreeMap<&str, Vec<&Value>> = searched["UserHierarchyGroups"]
        .as_array()
        .expect("UserHierarchyGroups")
        .iter()
        .map(|g| {
            let levels = [
                "LevelOne",
                "LevelTwo",
                "LevelThree",
                "LevelFour",
                "LevelFive",
            ];
            let path = levels
                .iter()
                .map_while(|l| g["HierarchyPath"][l].get("Name"))
                .collect();
            (g["Id"].as_str().unwrap(), path)
        })
        .collect();
    let theirs: BTreeMap<&str, &Value> = search["Users"]
        .as_array()
        .expect("Users")
        .iter()
        .map(|u| (u["Id"].as_str().unwrap(), u))
        .collect();
    assert_eq!(
        theirs.keys().copied().collect::<BTreeSet<_>>(),
        ids,
        "the same users"
    );
    for row in &rows {
        let user = theirs[row["Id"].as_str().unwrap()];
        let id = row["Id"].as_str().unwrap();
        assert_eq!(row["Username"], user["Username"], "{id}");
        assert_eq!(row["FirstName"], user["IdentityInfo"]["FirstName"], "{id}");
        assert_eq!(row["LastName"], user["IdentityInfo"]["LastName"], "{id}");
        let rp = user["RoutingProfileId"].as_str().unwrap();
        assert_eq!(row["RoutingProfileId"], rp);
        assert_eq!(row["RoutingProfile"], json!(rps.get(rp)), "{id}");
        let their_sps: Vec<&str> = user["SecurityProfileIds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert_eq!(row["SecurityProfileIds"], json!(their_sps), "{id}");
        let sp_names: Vec<&str> = their_sps.iter().map(|s| sps[*s].as_str()).collect();
        assert_eq!(row["SecurityProfiles"], json!(sp_names), "{id}");
        let group = user["HierarchyGroupId"].as_str().filter(|g| !g.is_empty());
        assert_eq!(
            row["HierarchyGroup"],
            json!(group.map(|g| &groups[g])),
            "{id}"
        );
        if let Some(group) = group {
            let path = row["HierarchyPath"].as_array().expect("path");
            assert_eq!(
                path.iter().collect::<Vec<_>>(),
                paths[group],
                "{id}: the path as the AWS CLI's search-user-hierarchy-groups gives it"
            );
            assert_eq!(
                path.last(),
                Some(&row["HierarchyGroup"]),
                "{id}: the leaf ends the path"
            );
        }
        let phone = &user["PhoneConfig"];
        assert_eq!(row["PhoneType"], phone["PhoneType"], "{id}");
        assert_eq!(row["AutoAccept"], phone["AutoAccept"], "{id}");
        // SearchUsers answers milliseconds; the export says seconds, as DescribeUser does.
        let ms = phone["AfterContactWorkTimeLimit"].as_i64().unwrap();
        assert_eq!(
            row["AfterContactWorkTimeLimit"],
            json!((ms + 500) / 1000),
            "{id}"
        );
        assert_eq!(
            row["Tags"],
            user.get("Tags").cloned().unwrap_or(json!({})),
            "{id}"
        );
    }
}

#[test]
fn the_filter_is_the_browsers_and_csv_and_jsonl_carry_the_same_rows() {
    let home = tempfile::tempdir().expect("home");
    let mock = Mock::start(&["--users", "600"]);
    let all = json_rows(home.path(), &mock, &[]);
    let expected: Vec<&Value> = all
        .iter()
        .filter(|r| {
            r["SecurityProfiles"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| !s.as_str().unwrap().to_lowercase().contains("admin"))
                && r["HierarchyGroup"].is_null()
        })
        .collect();
    assert!(!expected.is_empty(), "the data set has such users");
    let filtered = json_rows(home.path(), &mock, &["--filter", "!sp:admin !group:"]);
    assert_eq!(filtered.iter().collect::<Vec<_>>(), expected);

    // `group:` matches any level of the path: Europe is a region above the teams users are in.
    let in_europe: Vec<&Value> = all
        .iter()
        .filter(|r| {
            r["HierarchyPath"]
                .as_array()
                .unwrap()
                .iter()
                .any(|level| level.as_str().unwrap().to_lowercase().contains("europe"))
        })
        .collect();
    assert!(
        in_europe
            .iter()
            .any(|r| !r["HierarchyGroup"].as_str().unwrap().contains("Europe")),
        "users below Europe"
    );
    let by_region = json_rows(home.path(), &mock, &["--filter", "group:europe"]);
    assert_eq!(by_region.iter().collect::<Vec<_>>(), in_europe);

    let jsonl = ok_stdout(
        &export(
            home.path(),
            &mock,
            &[
                "--instance-id",
                INSTANCE,
                "--format",
                "jsonl",
                "--filter",
                "!sp:admin !group:",
            ],
        ),
        "jsonl",
    );
    let lines: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines, filtered);

    let csv_text = ok_stdout(
        &export(home.path(), &mock, &["--instance-id", INSTANCE]),
        "csv",
    );
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(header.len(), 16);
    assert_eq!(&header[0], "Id");
    assert_eq!(&header[15], "Tags");
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), all.len());
    for (record, row) in records.iter().zip(&all) {
        assert_eq!(&record[0], row["Id"].as_str().unwrap());
        let sps: Vec<&str> = row["SecurityProfiles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert_eq!(&record[7], sps.join("; "));
        let path: Vec<&str> = row["HierarchyPath"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert_eq!(&record[10], path.join(" › "));
    }
}

/// One instance whose users hold a formula and an escape sequence.
fn hostile_data(dir: &Path) -> std::path::PathBuf {
    let data = json!({"Instances": [{
        "Instance": {"Id": INSTANCE, "InstanceAlias": "hostile", "IdentityManagementType": "CONNECT_MANAGED", "InstanceStatus": "ACTIVE"},
        "Users": [
            {"Id": "00000000-0000-4000-8000-000000000001", "Username": "=HYPERLINK(\"http://evil.example\",\"x\")",
             "IdentityInfo": {"FirstName": "+cmd|' /C calc'!A0", "LastName": "@SUM(1+1)", "Email": "a@example.com"},
             "RoutingProfileId": "rp-1", "SecurityProfileIds": ["sp-1"], "PhoneConfig": {"PhoneType": "SOFT_PHONE"},
             "Tags": {"-danger": "=1+1"}},
            {"Id": "00000000-0000-4000-8000-000000000002", "Username": "esc\u{1b}[31mred",
             "IdentityInfo": {"FirstName": "\u{1b}]0;TITLE\u{7}t", "LastName": "Doe"},
             "RoutingProfileId": "rp-1", "SecurityProfileIds": ["sp-1"], "PhoneConfig": {"PhoneType": "SOFT_PHONE"}}
        ],
        "RoutingProfiles": [{"RoutingProfileId": "rp-1", "Name": "=Tier 1"}],
        "SecurityProfiles": [{"Id": "sp-1", "SecurityProfileName": "Agent"}]
    }]});
    let path = dir.join("hostile.json");
    std::fs::write(&path, data.to_string()).expect("write data");
    path
}

#[test]
fn formulas_are_guarded_in_csv_and_every_value_is_verbatim_in_json() {
    let home = tempfile::tempdir().expect("home");
    let data = hostile_data(home.path());
    let mock = Mock::start(&["--data", data.to_str().unwrap()]);
    let csv_text = ok_stdout(
        &export(
            home.path(),
            &mock,
            &["--instance-id", INSTANCE, "--describe"],
        ),
        "csv",
    );
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().len(),
        19,
        "with the describe columns"
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let first = &records[0];
    assert_eq!(&first[2], "'=HYPERLINK(\"http://evil.example\",\"x\")");
    assert_eq!(&first[3], "'+cmd|' /C calc'!A0");
    assert_eq!(&first[4], "'@SUM(1+1)");
    assert_eq!(&first[5], "'=Tier 1");
    assert_eq!(&first[15], "'-danger==1+1");
    assert_eq!(&first[16], "a@example.com", "Email from DescribeUser");
    // Not a terminal: the file gets the data as it is (a CSV reader sees the same bytes).
    assert_eq!(&records[1][2], "esc\u{1b}[31mred");

    let rows = json_rows(home.path(), &mock, &[]);
    assert_eq!(
        rows[0]["Username"],
        "=HYPERLINK(\"http://evil.example\",\"x\")"
    );
    assert_eq!(rows[0]["Tags"], json!({"-danger": "=1+1"}));
    assert_eq!(rows[1]["FirstName"], "\u{1b}]0;TITLE\u{7}t");
    let counts = our_requests(&mock);
    assert_eq!(
        counts.get("DescribeUser"),
        Some(&2),
        "--describe: one per user: {counts:?}"
    );
}

#[test]
fn describe_says_its_cost_first_and_errors_are_one_line_with_the_cli_exit_codes() {
    let home = tempfile::tempdir().expect("home");
    let mock = Mock::start(&[]);
    let out = export(
        home.path(),
        &mock,
        &["--instance-id", INSTANCE, "--describe", "--format", "jsonl"],
    );
    ok_stdout(&out, "--describe");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "export-users: --describe sends 31 DescribeUser requests: about 0 s at 1000 requests/s"
        ),
        "{stderr}"
    );

    let bad_filter = export(
        home.path(),
        &mock,
        &["--instance-id", INSTANCE, "--filter", "team:x"],
    );
    assert_eq!(bad_filter.status.code(), Some(252));
    let text = String::from_utf8_lossy(&bad_filter.stderr);
    assert_eq!(text.trim().lines().count(), 1, "{text}");
    assert!(text.contains("--filter: unknown field “team:”"), "{text}");
    assert!(bad_filter.stdout.is_empty());
    assert!(
        our_requests(&mock)
            .get("SearchUsers")
            .is_some_and(|n| *n == 1),
        "no request for a bad filter"
    );

    let unknown = export(
        home.path(),
        &mock,
        &["--instance-id", "00000000-0000-4000-8000-00000000dead"],
    );
    assert_eq!(unknown.status.code(), Some(254));
    let text = String::from_utf8_lossy(&unknown.stderr);
    assert_eq!(text.trim().lines().count(), 1, "{text}");
    assert!(text.contains("ResourceNotFoundException"), "{text}");

    let bad_id = export(home.path(), &mock, &["--instance-id", "not an id"]);
    assert_eq!(bad_id.status.code(), Some(252));
}

#[test]
fn a_denied_group_search_takes_names_from_the_listing_and_paths_from_one_description_per_group() {
    let home = tempfile::tempdir().expect("home");
    let mut data: Value =
        serde_json::from_str(include_str!("../../assets/demo.json")).expect("demo data");
    let instance = data["Instances"]
        .as_array_mut()
        .expect("Instances")
        .iter_mut()
        .find(|i| i["Instance"]["Id"] == INSTANCE)
        .expect("the demo instance");
    instance["DeniedOperations"] = json!(["SearchUserHierarchyGroups"]);
    let grouped: BTreeSet<String> = instance["Users"]
        .as_array()
        .expect("Users")
        .iter()
        .filter_map(|u| u["HierarchyGroupId"].as_str().map(str::to_string))
        .collect();
    assert!(grouped.len() > 1, "users in several groups");
    let file = home.path().join("old-policy.json");
    std::fs::write(&file, data.to_string()).expect("write the data file");
    let mock = Mock::start(&["--data", file.to_str().unwrap()]);

    let out = export(
        home.path(),
        &mock,
        &["--instance-id", INSTANCE, "--format", "json"],
    );
    let rows: Vec<Value> =
        serde_json::from_str(&ok_stdout(&out, "export-users")).expect("one JSON array");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        "export-users: SearchUserHierarchyGroups denied (IAM action \
         connect:SearchUserHierarchyGroups): describing each group for HierarchyPath",
        "said once, in one line"
    );
    let in_groups: Vec<&Value> = rows
        .iter()
        .filter(|r| r["HierarchyGroup"].is_string())
        .collect();
    assert!(!in_groups.is_empty());
    for row in in_groups {
        let path = row["HierarchyPath"].as_array().expect("path");
        assert_eq!(
            path.last(),
            Some(&row["HierarchyGroup"]),
            "{}: the path, described, ends with the leaf",
            row["Id"]
        );
    }
    let counts = our_requests(&mock);
    assert_eq!(
        counts.get("SearchUserHierarchyGroups"),
        Some(&1),
        "{counts:?}"
    );
    assert_eq!(
        counts.get("ListUserHierarchyGroups"),
        Some(&1),
        "{counts:?}"
    );
    assert_eq!(
        counts.get("DescribeUserHierarchyGroup"),
        Some(&grouped.len()),
        "one description per distinct group: {counts:?}"
    );
}
