//! `--all-regions`: one ListInstances per region at once, instances grouped by region, a
//! failing region on its own row (retried alone), and an instance from another region
//! opened with its calls sent to that region.

use crate::app::fixtures::*;
use crate::app::{Action, App, Cmd, PickerRow, Request, Scope};
use crate::connect::{ApiError, CONNECT_REGIONS, ErrorKind};
use crate::model::InstanceSummary;

fn in_region(id: &str, alias: &str, region: &str) -> InstanceSummary {
    InstanceSummary {
        arn: Some(format!(
            "arn:aws:connect:{region}:123456789012:instance/{id}"
        )),
        ..instance(id, alias)
    }
}

fn listing_regions(cmds: &[Cmd]) -> Vec<Option<String>> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Request(call) if matches!(call.request, Request::ListInstances { .. }) => {
                Some(call.scope.region.clone())
            }
            _ => None,
        })
        .collect()
}

fn start() -> (Session, Vec<Cmd>) {
    let now = std::time::Instant::now();
    let config = crate::app::AppConfig {
        all_regions: true,
        ..config(None)
    };
    let (app, cmds) = App::new(config, (120, 30), now);
    (Session { app, now }, cmds)
}

fn answer_region(s: &mut Session, region: &str, result: Result<Vec<InstanceSummary>, ApiError>) {
    let scope = Scope::picker(1).in_region(Some(region));
    let result = result.map(|items| page(items, None).into());
    s.send(answer(
        scope,
        Request::ListInstances { token: None },
        result,
    ));
}

#[test]
fn every_region_is_listed_at_once_and_rows_keep_the_regions_order() {
    let (mut s, cmds) = start();
    let expected: Vec<Option<String>> = CONNECT_REGIONS
        .iter()
        .map(|r| Some(r.to_string()))
        .collect();
    assert_eq!(listing_regions(&cmds), expected);
    assert_eq!(s.app.region_label(), "all regions");

    // Answers arrive in any order; rows follow the regions' order.
    answer_region(
        &mut s,
        "eu-west-2",
        Ok(vec![in_region("i-eu", "london", "eu-west-2")]),
    );
    answer_region(
        &mut s,
        "us-east-1",
        Ok(vec![in_region("i-us", "virginia", "us-east-1")]),
    );
    let denied = ApiError::new(
        ErrorKind::Credentials { sso_profile: None },
        "ListInstances",
        "The security token included in the request is invalid.",
    );
    answer_region(&mut s, "af-south-1", Err(denied));
    for region in CONNECT_REGIONS {
        if !["eu-west-2", "us-east-1", "af-south-1"].contains(region) {
            answer_region(&mut s, region, Ok(vec![]));
        }
    }
    assert!(!s.app.picker.loading);
    let rows: Vec<String> = s
        .app
        .picker
        .rows()
        .map(|row| match row {
            PickerRow::Instance(i) => i.instance_alias.clone().unwrap_or_default(),
            PickerRow::Failed(l) => format!("failed {}", l.region),
        })
        .collect();
    assert_eq!(rows, ["virginia", "london", "failed af-south-1"]);
    // Two instances and a failed region: nothing is opened for the user.
    assert!(s.app.users.is_none());

    // R retries the failed region only.
    let cmds = s.action(Action::Retry);
    assert_eq!(listing_regions(&cmds), vec![Some("af-south-1".to_string())]);
}

#[test]
fn an_instance_of_another_region_is_opened_with_its_calls_sent_there() {
    let (mut s, _) = start();
    for region in CONNECT_REGIONS {
        let items = if *region == "eu-west-2" {
            vec![in_region("i-eu", "london", region)]
        } else if *region == "us-east-1" {
            vec![in_region("i-us", "virginia", region)]
        } else {
            vec![]
        };
        answer_region(&mut s, region, Ok(items));
    }
    s.action(Action::Down);
    let cmds = s.action(Action::Confirm);
    let users = s.app.users.as_ref().expect("the users screen");
    assert_eq!(users.instance_id, "i-eu");
    assert!(!cmds.is_empty());
    for cmd in &cmds {
        if let Cmd::Request(call) = cmd {
            assert_eq!(call.scope.region.as_deref(), Some("eu-west-2"), "{call:?}");
        }
    }
    assert_eq!(s.app.region_label(), "eu-west-2");
}

#[test]
fn a_single_instance_across_all_regions_opens_at_once_in_its_region() {
    let (mut s, _) = start();
    for region in CONNECT_REGIONS {
        let items = if *region == "ap-southeast-2" {
            vec![in_region("i-syd", "sydney", region)]
        } else {
            vec![]
        };
        answer_region(&mut s, region, Ok(items));
    }
    let users = s.app.users.as_ref().expect("opened");
    assert_eq!(users.region.as_deref(), Some("ap-southeast-2"));
}
