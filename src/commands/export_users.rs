//! `connect-tui export-users`: every user of an instance with names resolved, as CSV, JSON or
//! JSON lines on stdout — the rows of the browser's users table, built by the same code
//! (`app::export`) and filtered by the same engine (`--filter` takes the `/` syntax).
//!
//! Requests: one listing per kind of name — hierarchy groups by SearchUserHierarchyGroups
//! (100 a page), which brings every group's path for the HierarchyPath column —, one
//! SearchUsers sweep (500 a page), and DescribeUser per exported user only with `--describe`.
//! Where the groups' search is denied (IAM policies written before it existed), names come
//! from ListUserHierarchyGroups and paths from one DescribeUserHierarchyGroup per distinct
//! group the users sit in, as for a group the listing did not have.

use std::collections::BTreeSet;
use std::io::{BufWriter, IsTerminal, Write};
use std::time::Duration;

use crate::app::export::{self, Described, ExportRow, Format};
use crate::app::{Filter, NameKind, Names, NextGroups, PathState, Searchable, UserList};
use crate::cli::{ExportUsersArgs, GlobalArgs};
use crate::connect::{
    ApiError, ConnectClient, ErrorKind, MAX_GROUP_SEARCH_PAGE, MAX_NAMED_PAGE, MAX_SEARCH_PAGE,
};

use super::error::CommandError;

pub async fn execute(global: &GlobalArgs, args: &ExportUsersArgs) -> Result<(), CommandError> {
    // Bad input first, before any request.
    let mut filter = Filter::default();
    if let Some(expr) = args.filter.as_deref() {
        crate::app::parse_filter(expr)
            .map_err(|e| CommandError::Usage(format!("--filter: {e}")))?;
        filter.set_query(expr);
    }
    let instance = crate::connect::parse_instance_id(&args.instance_id)
        .map_err(|e| CommandError::Usage(format!("--instance-id: {}", e.human())))?;
    if global.no_verify_ssl {
        eprintln!("{}", crate::connect::NO_VERIFY_WARNING);
    }
    let (_, profile) = super::presentation(global).await?;
    let client = ConnectClient::new(&super::client::options(global, profile)).await?;

    let mut names = Names::default();
    for kind in NameKind::OF_USERS {
        list_names(&client, &instance, kind, &mut names).await?;
    }
    let mut list = UserList::loading();
    let mut token = None;
    loop {
        let page = client
            .search_users_page(&instance, None, None, token, Some(MAX_SEARCH_PAGE))
            .await?;
        list.on_search_page(&page.users);
        token = page.next_token.filter(|t| !t.is_empty());
        if token.is_none() {
            break;
        }
    }
    describe_groups(&client, &instance, &list, &mut names).await;

    filter.refresh(
        &Searchable {
            list: &list,
            names: &names,
        },
        false,
    );
    let indices: Vec<usize> = match filter.matches() {
        Some(matches) => {
            let mut m: Vec<usize> = matches.iter().map(|i| *i as usize).collect();
            m.sort_unstable(); // Scripts get the sweep's order, not the fuzzy ranking.
            m
        }
        None => (0..list.users.len()).collect(),
    };
    let progress = args.describe && std::io::stderr().is_terminal();
    if args.describe {
        let rate = global.max_rps.unwrap_or_default();
        eprintln!(
            "export-users: --describe sends {} DescribeUser requests: about {} at {} requests/s",
            indices.len(),
            human_duration(rate.duration_of(indices.len())),
            rate.per_second()
        );
    }
    // Files keep values verbatim; a terminal never receives live escape sequences.
    let terminal = std::io::stdout().is_terminal();
    let mut sink = Sink::new(args.format, args.describe);
    for (n, index) in indices.iter().enumerate() {
        let Some(mut row) = export::row(&list, &names, *index) else {
            continue;
        };
        if args.describe {
            let user = client.describe_user(&instance, &row.id).await?;
            row.described = Some(Described::of(&user));
            if progress {
                eprint!("\rexport-users: described {} of {}", n + 1, indices.len());
            }
        }
        if terminal {
            row = row.sanitized();
        }
        if !sink.push(row)? {
            break; // The reader went away (a closed pipe is not an error).
        }
    }
    if progress {
        eprintln!();
    }
    sink.finish()
}

/// Where rows go: JSON lines are written as they come, CSV and the JSON array at the end.
enum Sink {
    Stream(BufWriter<std::io::StdoutLock<'static>>, bool),
    Collect(Format, bool, Vec<ExportRow>),
}

impl Sink {
    fn new(format: Format, describe: bool) -> Sink {
        match format {
            Format::Jsonl => Sink::Stream(BufWriter::new(std::io::stdout().lock()), describe),
            other => Sink::Collect(other, describe, Vec::new()),
        }
    }

    /// False when stdout is closed.
    fn push(&mut self, row: ExportRow) -> Result<bool, CommandError> {
        match self {
            Sink::Stream(out, describe) => written(export::write_jsonl_row(out, &row, *describe)),
            Sink::Collect(_, _, rows) => {
                rows.push(row);
                Ok(true)
            }
        }
    }

    fn finish(self) -> Result<(), CommandError> {
        let result = match self {
            Sink::Stream(mut out, _) => out.flush(),
            Sink::Collect(format, describe, rows) => {
                let out = BufWriter::new(std::io::stdout().lock());
                if format == Format::Csv {
                    export::write_csv(out, &rows, describe)
                } else {
                    export::write_json(out, &rows, describe)
                }
            }
        };
        written(result).map(|_| ())
    }
}

/// A write's result: false when the reader closed the pipe (like the other commands, not an
/// error), an error for anything else.
fn written(result: std::io::Result<()>) -> Result<bool, CommandError> {
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(CommandError::Other(format!("cannot write the output: {e}"))),
    }
}

/// Every page of one name listing.
async fn list_names(
    client: &ConnectClient,
    instance: &str,
    kind: NameKind,
    names: &mut Names,
) -> Result<(), ApiError> {
    let mut token = None;
    loop {
        let (t, max) = (token.take(), Some(MAX_NAMED_PAGE));
        let page = match kind {
            NameKind::RoutingProfiles => client.list_routing_profiles_page(instance, t, max).await,
            NameKind::SecurityProfiles => {
                client.list_security_profiles_page(instance, t, max).await
            }
            NameKind::HierarchyGroups => return list_groups(client, instance, names).await,
            // No users' column names a queue.
            NameKind::Queues => return Ok(()),
        }?;
        token = names.on_page(kind, Ok(page));
        if token.is_none() {
            return Ok(());
        }
    }
}

/// Every hierarchy group with its path (SearchUserHierarchyGroups), or, where the search is
/// denied, every group's name (ListUserHierarchyGroups), said once on stderr.
async fn list_groups(
    client: &ConnectClient,
    instance: &str,
    names: &mut Names,
) -> Result<(), ApiError> {
    let mut next = Some(NextGroups::Search(None));
    while let Some(step) = next {
        next = match step {
            NextGroups::Search(token) => {
                let max = Some(MAX_GROUP_SEARCH_PAGE);
                match client
                    .search_hierarchy_groups_page(instance, token, max)
                    .await
                {
                    Err(e) if e.kind != ErrorKind::AccessDenied => return Err(e),
                    result => names.on_group_search(result),
                }
            }
            NextGroups::List(token) => {
                let max = Some(MAX_NAMED_PAGE);
                let page = client
                    .list_hierarchy_groups_page(instance, token, max)
                    .await?;
                names.on_group_names(Ok(page))
            }
        };
    }
    if names.group_search_denied() {
        eprintln!(
            "export-users: SearchUserHierarchyGroups denied (IAM action \
             connect:SearchUserHierarchyGroups): describing each group for HierarchyPath"
        );
    }
    Ok(())
}

/// Describes each distinct hierarchy group the users sit in whose path the listing did not
/// bring (all of them when the groups' search is denied), once. A group that cannot be
/// described keeps its name and an empty path; the first failure is said once on stderr.
async fn describe_groups(
    client: &ConnectClient,
    instance: &str,
    list: &UserList,
    names: &mut Names,
) {
    let groups: BTreeSet<u32> = (0..list.users.len())
        .filter_map(|i| list.details(i))
        .map(|d| d.hierarchy_group)
        .collect();
    let mut warned = false;
    for group in groups {
        let Some(id) = list.shared.id(group) else {
            continue;
        };
        if matches!(names.path(id), PathState::Known(_)) {
            continue;
        }
        let result = client.describe_hierarchy_group(instance, id).await;
        if let Err(e) = &result
            && !warned
        {
            eprintln!(
                "export-users: HierarchyPath left empty where groups cannot be described: {}",
                e.human()
            );
            warned = true;
        }
        names.on_group(id, result);
    }
}

fn human_duration(d: Duration) -> String {
    let secs = d.as_secs();
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min {} s", secs / 60, secs % 60),
        _ => format!("{} h {} min", secs / 3600, secs % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_read_as_people_say_them() {
        assert_eq!(human_duration(Duration::from_secs(42)), "42 s");
        assert_eq!(human_duration(Duration::from_secs(125)), "2 min 5 s");
        assert_eq!(
            human_duration(Duration::from_secs(3 * 3600 + 120)),
            "3 h 2 min"
        );
    }
}
