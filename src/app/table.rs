//! The users table's columns: what each cell says, and the stable sort by a column. Cells
//! come from the sweep's details and the instance's name listings (the selected user's
//! record fills the name while the sweep has not reached it); drawing lays them out.

use std::cmp::Reverse;

use super::live::Live;
use super::msg::NameKind;
use super::names::{Lookup, Names};
use super::record_cache::RecordCache;
use super::user_details::NONE;
use super::user_list::UserList;

/// The table's columns, in the order they are shown (as many as fit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Username,
    Name,
    /// The live status (GetCurrentUserData for the rows on screen).
    Status,
    RoutingProfile,
    SecurityProfiles,
    HierarchyGroup,
    Phone,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Username,
        Column::Name,
        Column::Status,
        Column::RoutingProfile,
        Column::SecurityProfiles,
        Column::HierarchyGroup,
        Column::Phone,
    ];

    /// The columns `s` sorts by: not the live status, which is known only for the rows on
    /// screen and changes under the sort.
    pub const SORTABLE: [Column; 6] = [
        Column::Username,
        Column::Name,
        Column::RoutingProfile,
        Column::SecurityProfiles,
        Column::HierarchyGroup,
        Column::Phone,
    ];

    /// The config file's name for the column (`[table] columns`, `sort`).
    pub fn config_name(self) -> &'static str {
        match self {
            Column::Username => "username",
            Column::Name => "name",
            Column::Status => "status",
            Column::RoutingProfile => "routing_profile",
            Column::SecurityProfiles => "security_profiles",
            Column::HierarchyGroup => "hierarchy_group",
            Column::Phone => "phone",
        }
    }

    pub fn from_config_name(name: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.config_name() == name)
    }

    pub fn title(self) -> &'static str {
        match self {
            Column::Username => "Username",
            Column::Name => "Name",
            Column::Status => "Status",
            Column::RoutingProfile => "Routing profile",
            Column::SecurityProfiles => "Security profiles",
            Column::HierarchyGroup => "Hierarchy group",
            Column::Phone => "Phone",
        }
    }

    /// (narrowest, widest) useful width in columns.
    pub fn widths(self) -> (u16, u16) {
        match self {
            Column::Username => (10, 22),
            Column::Name => (10, 24),
            Column::Status => (6, 14),
            Column::RoutingProfile => (10, 24),
            Column::SecurityProfiles => (10, 26),
            Column::HierarchyGroup => (8, 18),
            Column::Phone => (5, 5),
        }
    }
}

/// The sort: a column, ascending unless reversed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub descending: bool,
}

impl Sort {
    /// `s`: the next column (after the last one, back to the filter's order).
    pub fn cycle(sort: Option<Sort>) -> Option<Sort> {
        let next = match sort {
            None => Some(Column::SORTABLE[0]),
            Some(s) => Column::SORTABLE
                .iter()
                .position(|c| *c == s.column)
                .and_then(|i| Column::SORTABLE.get(i + 1).copied()),
        };
        next.map(|column| Sort {
            column,
            descending: false,
        })
    }
}

/// One cell: its text and whether it stands in for a missing name (an unresolved ID, drawn
/// dim).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub unresolved: bool,
}

impl Cell {
    fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            unresolved: false,
        }
    }
}

/// The name of `id`, or the ID itself (marked unresolved) while it has none.
fn name_or_id(names: &Names, kind: NameKind, id: &str) -> Cell {
    match names.lookup(kind, id) {
        Lookup::Known(name) => Cell::plain(name),
        _ => Cell {
            text: id.to_string(),
            unresolved: true,
        },
    }
}

/// What the table shows of user `index` in `column`.
pub fn cell(
    list: &UserList,
    names: &Names,
    records: &RecordCache,
    live: &Live,
    index: usize,
    column: Column,
) -> Cell {
    let details = list.details(index);
    let shared = &list.shared;
    let id = |i: u32| (i != NONE).then(|| shared.id(i)).flatten();
    match column {
        Column::Username => Cell::plain(list.username(index).unwrap_or_default()),
        // Dim while the last refresh failed: what it shows may be out of date.
        Column::Status => Cell {
            text: list
                .users
                .get(index)
                .and_then(|row| live.status_label(row.id()))
                .unwrap_or_default(),
            unresolved: live.stale.is_some(),
        },
        Column::Name => {
            let (first, last) = match details {
                Some(d) => (d.first_name(), d.last_name()),
                None => {
                    let info = list
                        .users
                        .get(index)
                        .and_then(|row| records.loaded(row.id()))
                        .and_then(|u| u.identity_info.as_ref());
                    (
                        info.and_then(|i| i.first_name.as_deref()),
                        info.and_then(|i| i.last_name.as_deref()),
                    )
                }
            };
            let name = [first, last]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            Cell::plain(name)
        }
        Column::RoutingProfile => details
            .and_then(|d| id(d.routing_profile))
            .map_or(Cell::plain(""), |rp| {
                name_or_id(names, NameKind::RoutingProfiles, rp)
            }),
        Column::SecurityProfiles => {
            let Some(d) = details else {
                return Cell::plain("");
            };
            let cells: Vec<Cell> = shared
                .id_set(d.security_profiles)
                .iter()
                .filter_map(|sp| shared.id(*sp))
                .map(|sp| name_or_id(names, NameKind::SecurityProfiles, sp))
                .collect();
            Cell {
                unresolved: cells.iter().any(|c| c.unresolved),
                text: cells
                    .into_iter()
                    .map(|c| c.text)
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        }
        Column::HierarchyGroup => details
            .and_then(|d| id(d.hierarchy_group))
            .map_or(Cell::plain(""), |g| {
                name_or_id(names, NameKind::HierarchyGroups, g)
            }),
        Column::Phone => {
            let phone = details.and_then(|d| id(d.phone_type)).unwrap_or_default();
            Cell::plain(match phone {
                "SOFT_PHONE" => "soft".to_string(),
                "DESK_PHONE" => "desk".to_string(),
                other => other.to_lowercase(),
            })
        }
    }
}

/// `view` (list indices, in the filter's order) sorted stably by `sort`: equal cells keep
/// the filter's order, in either direction. Keys are computed once per user, case-folded.
pub fn sorted(
    view: impl Iterator<Item = u32>,
    sort: Sort,
    list: &UserList,
    names: &Names,
    records: &RecordCache,
    live: &Live,
) -> Vec<u32> {
    let mut keyed: Vec<(String, u32)> = view
        .map(|i| {
            let key = cell(list, names, records, live, i as usize, sort.column)
                .text
                .to_lowercase();
            (key, i)
        })
        .collect();
    if sort.descending {
        keyed.sort_by(|a, b| Reverse(&a.0).cmp(&Reverse(&b.0)));
    } else {
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
    }
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s_cycles_through_the_columns_and_back_to_the_filter_order() {
        let mut sort = None;
        let mut seen = Vec::new();
        for _ in 0..Column::SORTABLE.len() {
            sort = Sort::cycle(sort);
            seen.push(sort.map(|s| s.column));
        }
        assert_eq!(seen, Column::SORTABLE.map(Some));
        assert_eq!(Sort::cycle(sort), None);
    }
}
