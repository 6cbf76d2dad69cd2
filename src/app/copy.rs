//! What can be copied for a user, and the exact text of each item.

use crate::model::{User, UserSummary};

/// An item of the copy menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CopyItem {
    UserId,
    Arn,
    Username,
    Email,
    RoutingProfileId,
    SecurityProfileIds,
    HierarchyGroupId,
    Json,
    CliCommand,
    /// The marked rows (the menu offers these instead while rows are marked).
    MarkedIds,
    MarkedArns,
    MarkedUsernames,
    MarkedCsv,
}

impl CopyItem {
    /// Menu order.
    pub const ALL: [CopyItem; 9] = [
        CopyItem::UserId,
        CopyItem::Arn,
        CopyItem::Username,
        CopyItem::Email,
        CopyItem::RoutingProfileId,
        CopyItem::SecurityProfileIds,
        CopyItem::HierarchyGroupId,
        CopyItem::Json,
        CopyItem::CliCommand,
    ];

    /// The menu while rows are marked.
    pub const MARKED: [CopyItem; 4] = [
        CopyItem::MarkedIds,
        CopyItem::MarkedArns,
        CopyItem::MarkedUsernames,
        CopyItem::MarkedCsv,
    ];

    /// How the item is named in the status line ("Copied user ID (OSC 52)").
    pub fn label(self) -> &'static str {
        match self {
            CopyItem::UserId => "user ID",
            CopyItem::Arn => "user ARN",
            CopyItem::Username => "username",
            CopyItem::Email => "email",
            CopyItem::RoutingProfileId => "routing profile ID",
            CopyItem::SecurityProfileIds => "security profile IDs",
            CopyItem::HierarchyGroupId => "hierarchy group ID",
            CopyItem::Json => "DescribeUser JSON",
            CopyItem::CliCommand => "describe-user command",
            CopyItem::MarkedIds => "marked users' IDs",
            CopyItem::MarkedArns => "marked users' ARNs",
            CopyItem::MarkedUsernames => "marked usernames",
            CopyItem::MarkedCsv => "marked rows as CSV",
        }
    }
}

/// Everything copy texts are made from.
pub struct CopySource<'a> {
    pub instance_id: &'a str,
    pub region: &'a str,
    pub profile: Option<&'a str>,
    pub summary: UserSummary,
    /// The DescribeUser record, once it has arrived.
    pub record: Option<&'a User>,
}

impl CopySource<'_> {
    /// The text for `item`, or why there is none yet.
    pub fn text(&self, item: CopyItem) -> Result<String, String> {
        let record = self.record;
        let need_record =
            || record.ok_or_else(|| "the user's record has not loaded yet".to_string());
        let present = |value: Option<&String>, what: &str| {
            value
                .filter(|v| !v.is_empty())
                .cloned()
                .ok_or_else(|| format!("this user has no {what}"))
        };
        match item {
            CopyItem::UserId => present(self.user_id(), "ID"),
            CopyItem::Arn => present(
                self.summary
                    .arn
                    .as_ref()
                    .or(record.and_then(|r| r.arn.as_ref())),
                "ARN",
            ),
            CopyItem::Username => present(
                self.summary
                    .username
                    .as_ref()
                    .or(record.and_then(|r| r.username.as_ref())),
                "username",
            ),
            CopyItem::Email => present(
                need_record()?
                    .identity_info
                    .as_ref()
                    .and_then(|i| i.email.as_ref()),
                "email",
            ),
            CopyItem::RoutingProfileId => present(
                need_record()?.routing_profile_id.as_ref(),
                "routing profile",
            ),
            CopyItem::SecurityProfileIds => {
                let ids = need_record()?
                    .security_profile_ids
                    .clone()
                    .unwrap_or_default();
                if ids.is_empty() {
                    Err("this user has no security profiles".to_string())
                } else {
                    Ok(ids.join("\n"))
                }
            }
            CopyItem::HierarchyGroupId => present(
                need_record()?.hierarchy_group_id.as_ref(),
                "hierarchy group",
            ),
            CopyItem::Json => serde_json::to_string_pretty(need_record()?)
                .map_err(|e| format!("could not serialise the record: {e}")),
            CopyItem::CliCommand => {
                let user_id = present(self.user_id(), "ID")?;
                let mut line = format!(
                    "aws connect describe-user --instance-id {} --user-id {} --region {}",
                    shell_quote(self.instance_id),
                    shell_quote(&user_id),
                    shell_quote(self.region)
                );
                if let Some(profile) = self.profile {
                    line.push_str(&format!(" --profile {}", shell_quote(profile)));
                }
                Ok(line)
            }
            // The screen answers these from its marks (`UsersScreen::marked_text`).
            CopyItem::MarkedIds
            | CopyItem::MarkedArns
            | CopyItem::MarkedUsernames
            | CopyItem::MarkedCsv => Err("no rows are marked".to_string()),
        }
    }

    fn user_id(&self) -> Option<&String> {
        self.summary
            .id
            .as_ref()
            .or(self.record.and_then(|r| r.id.as_ref()))
    }
}

/// Quotes `s` for a POSIX shell unless it is made only of characters that need no quoting
/// (IDs, regions and profile names normally are, but they come from outside).
fn shell_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '/'));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quote_leaves_ids_alone_and_quotes_the_rest() {
        assert_eq!(shell_quote("40c83b68-ea62"), "40c83b68-ea62");
        assert_eq!(shell_quote("my profile"), "'my profile'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("$(rm -rf ~)"), "'$(rm -rf ~)'");
    }
}
