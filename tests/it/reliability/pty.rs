//! The interactive browser in a pseudo-terminal against the hostile data set: none of the
//! data's escape sequences or controls reach the terminal (checked on the raw bytes), the
//! list's columns stay aligned, and its `--debug` log file holds no secrets.

use std::io::Read;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::pty_harness::{DEADLINE, Pty};

use super::hostile_data::is_dangerous;
use super::support::*;

const ROWS: u16 = 40;
const COLS: u16 = 140;
/// The browser in a 140×40 terminal with the test's private AWS environment.
fn start(env: &AwsEnv, args: &[&str]) -> Pty {
    let set: Vec<(&str, &str)> = env
        .vars()
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let remove: Vec<&str> = env.removed().iter().map(String::as_str).collect();
    Pty::start(args, &set, &remove, (ROWS, COLS))
}

/// The browser on `mock`'s instance of Jane (the demo data), clipboard off.
fn start_on_janes_instance(env: &AwsEnv, mock: &Mock) -> Pty {
    let args = [
        "--endpoint-url",
        mock.url.as_str(),
        "--instance-id",
        JANE_INSTANCE,
        "--clipboard",
        "off",
    ];
    start(env, &args)
}

/// Browses every user of the hostile data set (the record of each is drawn), then quits.
fn browse_hostile_users(env: &AwsEnv, mock: &Mock, extra: &[&str]) -> Pty {
    let mut args = vec![
        "--endpoint-url",
        mock.url.as_str(),
        "--instance-id",
        HOSTILE_INSTANCE,
        "--clipboard",
        "off",
    ];
    args.extend(extra);
    let mut pty = start(env, &args);
    pty.wait_for("the hostile users listed", |s, _| {
        s.contains("Users ·") && s.contains("u99-long-")
    });
    for n in 1..=10 {
        pty.send("j");
        let id = if n == 10 {
            "00000000-0000-4000-8000-999999999999".to_string()
        } else {
            format!("00000000-0000-4000-8000-{n:012}")
        };
        pty.wait_for(&format!("the record of user {n}"), |s, _| s.contains(&id));
    }
    pty.wait_for("the routing profile's hostile name, inert", |s, _| {
        s.contains("rp␛]52;c;SE9TVElMRUNMSVA=␇clip")
    });
    pty
}

#[test]
fn hostile_data_never_reaches_the_terminal_as_control_sequences() {
    let env = AwsEnv::new();
    let mock = Mock::start(&["--data", HOSTILE_DATA]);
    let mut pty = browse_hostile_users(&env, &mock, &[]);

    // Columns stay aligned: the users pane's right border is in one column on every row.
    let rows: Vec<String> = pty.screen.screen().rows(0, COLS).collect();
    let top = rows
        .iter()
        .position(|r| r.contains("Users ·"))
        .expect("the users pane");
    let border = rows[top]
        .chars()
        .position(|c| c == '┐')
        .expect("the pane's top-right corner");
    let screen = pty.screen.screen();
    for (row, text) in rows.iter().enumerate().skip(top + 1) {
        let cell = screen
            .cell(row as u16, border as u16)
            .map(|c| c.contents().to_string())
            .unwrap_or_default();
        if cell == "┘" {
            break;
        }
        assert_eq!(cell, "│", "row {row} is misaligned: {text:?}");
    }
    pty.quit();

    let raw = String::from_utf8_lossy(&pty.raw).into_owned();
    let live: Vec<&str> = [
        "\x1b]",              // any OSC: clipboard (52), title (0, 2)...
        "\x1bP",              // DCS
        "\x07",               // BEL, the OSC terminator
        "\x1b[6nHOSTILEDSR",  // the data's cursor-position query
        "\x1b[31mHOSTILERED", // the data's colour
        "\x1b[2J\x1b[31m",    // the data's screen clear
    ]
    .into_iter()
    .filter(|seq| raw.contains(seq))
    .collect();
    assert!(
        live.is_empty(),
        "live sequences from the data reached the terminal: {live:?}"
    );
    let dangerous: Vec<String> = raw
        .chars()
        .filter(|&c| is_dangerous(c) && !matches!(c, '\x1b' | '\r' | '\x08'))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(
        dangerous.is_empty(),
        "controls from the data: {dangerous:?}"
    );
}

#[test]
fn the_browsers_debug_log_holds_no_secrets() {
    let env = AwsEnv::new();
    let mock = Mock::start(&["--data", HOSTILE_DATA]);
    let mut pty = browse_hostile_users(&env, &mock, &["--debug"]);
    pty.quit();
    let log_path = env
        .path("state")
        .join("connect-tui")
        .join("connect-tui.log");
    let log = std::fs::read_to_string(&log_path)
        .unwrap_or_else(|e| panic!("no log at {}: {e}", log_path.display()));
    super::security::assert_no_secrets(&log, "the browser's --debug log");
    assert!(
        log.contains("DescribeUser request"),
        "the debug log does not show the requests, so it proves nothing:\n{log}"
    );
}

#[test]
fn quitting_with_a_request_in_flight_exits_at_once() {
    let env = AwsEnv::new();
    // An endpoint that takes the request and never answers: once it has read the request,
    // the listing is in flight for as long as the test wants.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let (tx, requests) = mpsc::channel();
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
            head.push(byte[0]);
        }
        // Keep the connection open (unanswered) while the test runs.
        let _ = tx.send((String::from_utf8_lossy(&head).into_owned(), stream));
    });
    let mut pty = start(&env, &["--endpoint-url", &url, "--clipboard", "off"]);
    let (request, _connection) = requests
        .recv_timeout(DEADLINE)
        .expect("the browser never sent its first request");
    assert!(request.starts_with("GET /instance"), "{request}");
    pty.wait_for("the first frame", |s, _| {
        s.contains("Amazon Connect instances")
    });
    let pressed = Instant::now();
    pty.quit();
    assert!(
        pressed.elapsed() < Duration::from_secs(5),
        "quitting took {:?}",
        pressed.elapsed()
    );
}

#[test]
fn the_browser_works_through_injected_faults() {
    let env = AwsEnv::new();
    // Half of all answers fail: the client's retries and, when a pane still fails, the
    // retry key must get Jane's whole record through.
    let mock = Mock::start(&["--fault-rate", "0.5", "--seed", "9"]);
    let mut pty = start_on_janes_instance(&env, &mock);
    pty.wait_for("the users screen", |s, _| s.contains("Users ·"));
    pty.send("/Jane");
    pty.wait_for("the filter to match Jane", |s, _| {
        s.contains("/Jane") && s.contains(" of ")
    });
    pty.send("\r");
    let loaded = |s: &str, _: &[u8]| {
        s.contains("First name       Jane")
            && s.lines()
                .any(|l| l.contains("Routing profile") && l.contains("Basic Routing Profile"))
    };
    // The client retries by itself; should a pane still fail (five faults in a row), the
    // retry key must bring it back, as a user would press it.
    let mut retries = 0;
    while !pty.wait_until(Duration::from_secs(15), "Jane's record", loaded) {
        retries += 1;
        assert!(
            retries <= 3,
            "Jane's record never loaded through the faults"
        );
        pty.send("R");
    }
    pty.quit();
    let faults = mock
        .requests()
        .iter()
        .filter(|e| e.get("fault").is_some())
        .count();
    assert!(
        faults > 0,
        "no fault was injected, so this proves nothing: {:?}",
        mock.requests()
    );
}

#[test]
fn while_connect_throttles_the_browser_says_so_and_keeps_going() {
    let env = AwsEnv::new();
    // ListUsers may be sent once, then once every 100 s: the second page of 2,031 users is
    // throttled, and the SDK's retries (which hide the 429s from the answer) keep meeting it.
    let mock = Mock::start(&["--users", "2000", "--throttle", "ListUsers=0.01/1"]);
    let mut pty = start_on_janes_instance(&env, &mock);
    pty.wait_for("the throttling notice in the status bar", |s, _| {
        s.contains("throttled by Connect")
    });
    // The input never waits on the retries: help opens and closes at once.
    pty.send("?");
    pty.wait_for("help, while throttled", |s, _| {
        s.contains("Help · Esc closes")
    });
    pty.send("q");
    pty.wait_for("help closed", |s, _| !s.contains("Help · Esc closes"));
    pty.quit();
    let throttled = mock
        .requests()
        .iter()
        .filter(|r| r["op"] == "ListUsers" && r["status"] == 429)
        .count();
    assert!(throttled > 0, "the endpoint throttled ListUsers");
}

/// `--all-regions` against mock-server refusing one region (as Connect does in a region the
/// account has not enabled): every region is asked once, signed for that region (the
/// request log says which), the instances are listed with their Region, and the refused
/// region has its own row with its error without hiding the others.
#[test]
fn all_regions_lists_every_region_and_a_failing_one_gets_its_own_row() {
    let env = AwsEnv::new();
    let mock = Mock::start(&["--deny-region", "af-south-1"]);
    let mut pty = start(
        &env,
        &[
            "--endpoint-url",
            mock.url.as_str(),
            "--all-regions",
            "--clipboard",
            "off",
        ],
    );
    pty.wait_for("the instances and the failed region", |s, _| {
        s.contains("Region")
            && s.contains(JANE_INSTANCE)
            && s.contains("af-south-1")
            && s.contains("1 region failed")
            && s.contains("all regions")
    });
    // On the failed region's row (the last), its whole error is on the frame's edge.
    pty.send("G");
    pty.wait_for("the failed region's whole error", |s, _| {
        s.contains(
            "af-south-1: ListInstances: The security token included in the request is invalid.",
        )
    });
    pty.quit();

    let listings: Vec<(String, u64)> = mock
        .requests()
        .iter()
        .filter(|r| r["op"] == "ListInstances")
        .map(|r| {
            (
                r["region"].as_str().unwrap_or_default().to_string(),
                r["status"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let mut regions: Vec<&str> = listings.iter().map(|(r, _)| r.as_str()).collect();
    regions.sort_unstable();
    let mut expected = connect_tui::connect::CONNECT_REGIONS.to_vec();
    expected.sort_unstable();
    assert_eq!(
        regions, expected,
        "one ListInstances per region: {listings:?}"
    );
    for (region, status) in &listings {
        let want = if region == "af-south-1" { 403 } else { 200 };
        assert_eq!(*status, want, "{region}");
    }
}

/// The `:` line against mock-server: `:instance ALIAS` opens that instance, `:profile NAME`
/// rebuilds the client through the AWS chain and reopens the picker with it, `:region`
/// sends the next listing to the new region (the request log says which region each was
/// signed for), and an unknown profile says so and changes nothing.
#[test]
fn colon_instance_profile_and_region_switch_against_mock_server() {
    let env = AwsEnv::new();
    let mut config = std::fs::read_to_string(env.path("config")).expect("read config");
    config.push_str("\n[profile emea]\nregion = eu-west-2\n");
    std::fs::write(env.path("config"), config).expect("write config");
    let mock = Mock::start(&[]);
    let mut pty = start(
        &env,
        &["--endpoint-url", mock.url.as_str(), "--clipboard", "off"],
    );
    pty.wait_for("the picker", |s, _| s.contains("anycompany-support"));

    pty.send(":instance anycompany-support\r");
    pty.wait_for("Jane's instance open", |s, _| {
        s.contains("Users ·") && s.contains("Jane Doe")
    });

    pty.send(":profile emea\r");
    pty.wait_for("the picker again, with profile emea", |s, _| {
        s.contains("Now using profile emea") && s.contains("Amazon Connect instances")
    });

    pty.send(":profile no-such-profile\r");
    pty.wait_for("the failure", |s, _| {
        s.contains("Still using the previous settings") && s.contains("no-such-profile")
    });

    pty.send(":region ca-central-1\r");
    // Still profile emea: the failed switch changed nothing.
    pty.wait_for("the picker listed in ca-central-1", |s, _| {
        s.contains("Now using profile emea in ca-central-1") && s.contains("anycompany-support")
    });
    pty.quit();

    let regions: Vec<String> = mock
        .requests()
        .iter()
        .filter(|r| r["op"] == "ListInstances")
        .map(|r| r["region"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        regions.last().map(String::as_str),
        Some("ca-central-1"),
        "{regions:?}"
    );
    assert!(regions.len() >= 3, "one listing per switch: {regions:?}");
}
