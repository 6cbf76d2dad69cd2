//! The users table end to end: the real binary in a pseudo-terminal against `mock-server
//! --users 3000`. Rows fill in from the SearchUsers sweep (names and routing profiles on
//! screen), a field filter shows its `N of M` with N counted from the data set (what
//! `export-users` gives for the same endpoint), `s` sorts, and Ctrl-S writes a complete 0600
//! CSV of the view as shown.

use std::collections::BTreeMap;
use std::process::Command;

use serde_json::Value;

use super::INSTANCE;
use crate::common::mock_process::Mock;
use crate::common::pty::Pty;

const KEYS: [(&str, &str); 4] = [
    ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"),
    (
        "AWS_SECRET_ACCESS_KEY",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ),
    ("AWS_DEFAULT_REGION", "us-east-1"),
    ("AWS_PAGER", ""),
];

/// Every user of the data set, as `export-users --format json` gives them.
fn data_set(mock: &Mock, home: &std::path::Path) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_connect-tui"))
        .args(["export-users", "--format", "json", "--max-rps", "1000/1000"])
        .args(["--instance-id", INSTANCE, "--endpoint-url", &mock.url])
        .envs(KEYS)
        .env("HOME", home)
        .env("AWS_CONFIG_FILE", home.join("config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("credentials"))
        .output()
        .expect("export-users");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON rows")
}

#[test]
fn enriched_rows_a_field_filter_with_its_count_a_sort_and_ctrl_s() {
    let mock = Mock::start(&["--users", "3000"]);
    let home = tempfile::tempdir().expect("home");
    let exports = tempfile::tempdir().expect("export dir");
    let all = data_set(&mock, home.path());
    assert_eq!(all.len(), 3031);
    let basic = all
        .iter()
        .filter(|r| {
            r["RoutingProfile"]
                .as_str()
                .is_some_and(|n| n.to_lowercase().contains("basic"))
        })
        .count();
    assert!(
        basic > 0 && basic < all.len(),
        "a filter that selects: {basic}"
    );

    let home_str = home.path().to_str().unwrap().to_string();
    let config = home.path().join("config").to_str().unwrap().to_string();
    let mut env: Vec<(&str, &str)> = KEYS.to_vec();
    env.extend([
        ("HOME", home_str.as_str()),
        ("AWS_CONFIG_FILE", config.as_str()),
    ]);
    let export_dir = exports.path().to_str().unwrap();
    let args = [
        "--endpoint-url",
        &mock.url,
        "--instance-id",
        INSTANCE,
        "--max-rps",
        "1000/1000",
        "--clipboard",
        "off",
        "--export-dir",
        export_dir,
    ];
    let mut pty = Pty::start(&args, &env, &["TMUX", "AWS_PROFILE"], (50, 220));
    pty.wait_for("every user listed and swept", |screen, _| {
        let title = screen.lines().next().unwrap_or_default();
        title.contains("loaded 3,031") && !title.contains("details")
    });
    pty.wait_for(
        "Jane's row with her name and routing profile",
        |screen, _| {
            screen.lines().any(|l| {
                l.contains("│Jane ") && l.contains("Jane Doe") && l.contains("Basic Routing")
            })
        },
    );

    pty.send("/rp:basic");
    let count = format!("{} of 3,031", thousands(basic));
    pty.wait_for(&format!("the title to say {count}"), |screen, _| {
        screen.lines().next().is_some_and(|t| t.contains(&count))
    });
    pty.send("\r");
    pty.send("s");
    pty.wait_for("the header to mark the sort", |screen, _| {
        screen.contains("Username ▲")
    });

    pty.send("\x13"); // Ctrl-S
    let wrote = format!("Wrote {} users to {export_dir}/", thousands(basic));
    pty.wait_for("the status line to name the file", |screen, _| {
        screen.contains(&wrote)
    });
    let files: Vec<_> = std::fs::read_dir(exports.path())
        .expect("export dir")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(files.len(), 1, "one file, no temporary left: {files:?}");
    let name = files[0].file_name().unwrap().to_str().unwrap().to_string();
    let stamp = name
        .split_once("-users-")
        .and_then(|(_, rest)| rest.strip_suffix("Z.csv"))
        .unwrap_or_default();
    assert!(
        stamp.len() == 15 && stamp.as_bytes()[8] == b'T',
        "<alias>-users-<UTC timestamp>.csv: {name}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let mut reader = csv::Reader::from_path(&files[0]).expect("CSV");
    assert_eq!(reader.headers().unwrap().len(), 16, "every column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), basic, "the whole filtered view");
    assert!(rows.iter().all(|r| r[5].to_lowercase().contains("basic")));
    let usernames: Vec<String> = rows.iter().map(|r| r[2].to_lowercase()).collect();
    let mut sorted = usernames.clone();
    sorted.sort();
    assert_eq!(usernames, sorted, "sorted by username as on screen");

    views_filters_and_users_with(&mut pty, &all);

    pty.send("q");
    let status = pty.wait_for_exit();
    assert!(status.success(), "exit status {status:?}");
}

/// `:rp` counts, `:groups` paths and counts, a `!group:` filter and "users with…" from
/// Jane's record, each checked against the data set.
fn views_filters_and_users_with(pty: &mut Pty, all: &[Value]) {
    let text = |row: &Value, key: &str| row[key].as_str().unwrap_or_default().to_string();
    let title_has = |wanted: String| {
        move |screen: &str, _: &[u8]| screen.lines().next().is_some_and(|t| t.contains(&wanted))
    };
    // Each Esc is waited out: a key right behind it would arrive as Alt-key.
    let whole_table = |pty: &mut Pty| {
        pty.wait_for("the whole table again", |screen, _| {
            let title = screen.lines().next().unwrap_or_default();
            title.contains("Users · loaded 3,031") && !title.contains(" of ")
        })
    };
    pty.send("\x1b"); // the kept filter goes
    whole_table(pty);

    let mut per_profile: BTreeMap<(String, String), usize> = BTreeMap::new();
    for row in all {
        let key = (text(row, "RoutingProfile"), text(row, "RoutingProfileId"));
        *per_profile.entry(key).or_default() += 1;
    }
    pty.send(":rp\r");
    pty.wait_for("every routing profile with its users", |screen, _| {
        per_profile.iter().all(|((name, id), users)| {
            let count = format!(" {}", thousands(*users));
            screen.lines().any(|l| {
                l.starts_with(&format!("│{name} "))
                    && l.contains(&format!(" {id} "))
                    && l.trim_end_matches(['│', ' ']).ends_with(&count)
            })
        })
    });
    pty.send("\x1b");
    whole_table(pty);

    // :groups: every group with its path, counting its users and those of the groups below
    // it (each user counts for every group along their path).
    let mut per_group: BTreeMap<(String, String), usize> = BTreeMap::new();
    for row in all.iter().filter(|r| !text(r, "HierarchyGroup").is_empty()) {
        let path: Vec<&str> = row["HierarchyPath"]
            .as_array()
            .map(|levels| levels.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for depth in 1..=path.len() {
            let key = (path[depth - 1].to_string(), path[..depth].join(" › "));
            *per_group.entry(key).or_default() += 1;
        }
    }
    assert!(
        per_group
            .keys()
            .any(|(_, path)| path.matches(" › ").count() == 2)
    );
    pty.send(":groups\r");
    pty.wait_for("every group with its path and users", |screen, _| {
        per_group.iter().all(|((name, path), users)| {
            let count = format!(" {}", thousands(*users));
            screen.lines().any(|l| {
                l.starts_with(&format!("│{name} "))
                    && l.contains(&format!(" {path} "))
                    && l.trim_end_matches(['│', ' ']).ends_with(&count)
            })
        })
    });
    pty.send("\x1b");
    whole_table(pty);

    let ungrouped = all
        .iter()
        .filter(|r| text(r, "HierarchyGroup").is_empty())
        .count();
    assert!(ungrouped > 0 && ungrouped < all.len(), "{ungrouped}");
    pty.send("/!group:\r");
    let count = format!("{} of 3,031", thousands(ungrouped));
    pty.wait_for(
        &format!("!group: to show {count}"),
        title_has(count.clone()),
    );
    pty.send("\x1b");
    whole_table(pty);

    let jane = all
        .iter()
        .find(|r| text(r, "Username") == "Jane")
        .expect("Jane");
    let jane_rp = text(jane, "RoutingProfileId");
    let same_rp = all
        .iter()
        .filter(|r| text(r, "RoutingProfileId") == jane_rp)
        .count();
    pty.send(&format!("/id:{}\r", text(jane, "Id")));
    pty.wait_for("Jane alone", title_has("1 of 3,031".into()));
    pty.send("f");
    pty.wait_for("the users-with menu", |screen, _| {
        screen.contains("Enter shows them") && screen.contains("Routing profile  Basic Routing")
    });
    pty.send("\r");
    let count = format!("{} of 3,031", thousands(same_rp));
    pty.wait_for(
        &format!("Jane's routing profile to show {count}"),
        title_has(count.clone()),
    );
    pty.send("\x1b");
    pty.wait_for("Esc back to Jane alone", title_has("1 of 3,031".into()));
}

fn thousands(n: usize) -> String {
    connect_tui::app::table::thousands(n)
}
