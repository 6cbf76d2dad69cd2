//! Name listings, the hierarchy groups' search and its fallback, and paths.

use super::*;
use crate::app::fixtures::{group_at, named};
use crate::model::HierarchyPath;

#[test]
fn names_fill_in_page_by_page() {
    let mut names = Names::default();
    assert_eq!(
        names.lookup(NameKind::RoutingProfiles, "rp1"),
        Lookup::Pending
    );
    let next = names.on_page(
        NameKind::RoutingProfiles,
        Ok(Page {
            items: vec![named("rp1", "Basic")],
            next_token: Some("t".into()),
        }),
    );
    assert_eq!(next.as_deref(), Some("t"));
    assert_eq!(
        names.lookup(NameKind::RoutingProfiles, "rp1"),
        Lookup::Known("Basic")
    );
    assert_eq!(
        names.lookup(NameKind::RoutingProfiles, "rp2"),
        Lookup::Pending
    );
    names.on_page(NameKind::RoutingProfiles, Ok(Page::default()));
    assert_eq!(
        names.lookup(NameKind::RoutingProfiles, "rp2"),
        Lookup::Missing
    );
}

#[test]
fn path_uses_level_names_when_the_structure_is_known() {
    let mut names = Names::default();
    let group = HierarchyGroup {
        id: Some("g3".into()),
        hierarchy_path: Some(HierarchyPath {
            level_one: Some(named("g1", "EMEA")),
            level_two: Some(named("g2", "Dublin")),
            ..HierarchyPath::default()
        }),
        ..HierarchyGroup::default()
    };
    // The groups' search ended without g3: it is described, once.
    names.on_group_search(Ok(Page::default()));
    assert!(names.should_describe_group("g3"));
    assert!(!names.should_describe_group("g3"));
    names.on_group("g3", Ok(group));
    let expected_default = vec![
        ("Level 1".to_string(), "EMEA".to_string()),
        ("Level 2".to_string(), "Dublin".to_string()),
    ];
    assert_eq!(names.path("g3"), PathState::Known(expected_default));
    names.on_structure(Ok(HierarchyStructure {
        level_one: Some(named("l1", "Region")),
        level_two: Some(named("l2", "Site")),
        ..HierarchyStructure::default()
    }));
    assert_eq!(
        names.path("g3"),
        PathState::Known(vec![
            ("Region".to_string(), "EMEA".to_string()),
            ("Site".to_string(), "Dublin".to_string()),
        ])
    );
}

fn groups_page(items: Vec<HierarchyGroup>, next: Option<&str>) -> Page<HierarchyGroup> {
    Page {
        items,
        next_token: next.map(str::to_string),
    }
}

fn denied() -> ApiError {
    ApiError::new(
        ErrorKind::AccessDenied,
        "SearchUserHierarchyGroups",
        "not authorized",
    )
}

fn group_names(levels: PathState<'_>) -> Vec<String> {
    match levels {
        PathState::Known(levels) => levels.into_iter().map(|(_, g)| g).collect(),
        other => panic!("path not known: {other:?}"),
    }
}

#[test]
fn the_groups_search_gives_every_listed_group_its_name_and_path() {
    let mut names = Names::default();
    assert!(
        !names.should_describe_group("lif"),
        "while the search runs, a group is waited for, not described"
    );
    let eu = group_at(&[("eu", "Europe")]);
    let dub = group_at(&[("eu", "Europe"), ("dub", "Dublin")]);
    let next = names.on_group_search(Ok(groups_page(vec![eu, dub], Some("t2"))));
    assert_eq!(next, Some(NextGroups::Search(Some("t2".into()))));
    let lif = group_at(&[("eu", "Europe"), ("dub", "Dublin"), ("lif", "Team Liffey")]);
    let mut foundation = group_at(&[("root", "root")]);
    foundation.level_id = Some("0".into());
    assert_eq!(
        names.on_group_search(Ok(groups_page(vec![lif, foundation], None))),
        None
    );
    assert_eq!(names.list(NameKind::HierarchyGroups).load, Load::Done);
    assert_eq!(
        names.lookup(NameKind::HierarchyGroups, "lif"),
        Lookup::Known("Team Liffey")
    );
    assert_eq!(
        group_names(names.path("lif")),
        ["Europe", "Dublin", "Team Liffey"]
    );
    assert_eq!(group_names(names.path("eu")), ["Europe"]);
    assert_eq!(
        names.lookup(NameKind::HierarchyGroups, "root"),
        Lookup::Missing,
        "the foundation group (LevelId 0) is not a name to list"
    );
    assert!(
        !names.should_describe_group("lif"),
        "listed: never described"
    );
    assert!(
        names.should_describe_group("new"),
        "a group the listing did not have is described"
    );
    assert!(!names.group_search_denied());
}

#[test]
fn a_denied_search_falls_back_to_the_names_listing_and_groups_are_described() {
    let mut names = Names::default();
    assert_eq!(
        names.on_group_search(Err(denied())),
        Some(NextGroups::List(None))
    );
    assert!(names.group_search_denied());
    assert_eq!(
        names.list(NameKind::HierarchyGroups).load,
        Load::Loading,
        "the names are still coming"
    );
    assert!(
        names.should_describe_group("dub"),
        "paths come only from describing"
    );
    let next = names.on_group_names(Ok(Page {
        items: vec![named("eu", "Europe")],
        next_token: Some("l2".into()),
    }));
    assert_eq!(next, Some(NextGroups::List(Some("l2".into()))));
    assert_eq!(
        names.lookup(NameKind::HierarchyGroups, "eu"),
        Lookup::Known("Europe")
    );
    assert_eq!(names.path("eu"), PathState::Pending, "a name, no path");

    // The second page fails; a retry asks the search again, and its denial resumes the
    // names listing at the page that failed.
    let failed = ApiError::new(ErrorKind::Throttled, "ListUserHierarchyGroups", "slow down");
    assert_eq!(names.on_group_names(Err(failed)), None);
    assert_eq!(
        names.retry_lists(),
        [(NameKind::HierarchyGroups, None)],
        "the search, from its first page"
    );
    assert_eq!(
        names.on_group_search(Err(denied())),
        Some(NextGroups::List(Some("l2".into())))
    );

    // Allowed by then: the search takes over, with paths.
    let mut names = Names::default();
    names.on_group_search(Err(denied()));
    names.on_group_names(Err(ApiError::new(
        ErrorKind::Throttled,
        "ListUserHierarchyGroups",
        "slow down",
    )));
    names.retry_lists();
    let dub = group_at(&[("eu", "Europe"), ("dub", "Dublin")]);
    assert_eq!(
        names.on_group_search(Ok(groups_page(vec![dub], None))),
        None
    );
    assert!(!names.group_search_denied());
    assert_eq!(group_names(names.path("dub")), ["Europe", "Dublin"]);
}

#[test]
fn a_failed_search_resumes_where_it_stopped_and_its_groups_are_described_meanwhile() {
    let mut names = Names::default();
    names.on_group_search(Ok(groups_page(
        vec![group_at(&[("eu", "Europe")])],
        Some("t2"),
    )));
    let failed = ApiError::new(ErrorKind::Throttled, "SearchUserHierarchyGroups", "slow");
    assert_eq!(names.on_group_search(Err(failed)), None);
    assert!(
        names.should_describe_group("dub"),
        "the search will not bring it now"
    );
    assert_eq!(
        names.retry_lists(),
        [(NameKind::HierarchyGroups, Some("t2".into()))]
    );
}
