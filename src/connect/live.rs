//! Live agent state: GetCurrentUserData and ListAgentStatuses.
//!
//! For the browser (domain types in `crate::model`, see `model/live.rs` for how Connect
//! reports each state):
//! - `ConnectClient::get_current_user_data(&self, instance_id: &str, agent_ids: &[String])
//!   -> Result<Vec<UserData>, ApiError>` — the live state of at most 100 agents
//!   (`UserDataFilters::MAX_IDS`), every page followed; an agent who is not logged in is
//!   absent. More than 100 IDs: `ErrorKind::InvalidInput` before anything is sent.
//! - `ConnectClient::get_current_user_data_page(&self, instance_id: &str, filters:
//!   &UserDataFilters, token: Option<String>, max: Option<i32>) -> Result<UserDataPage,
//!   ApiError>` — one page, any filter (the drop-in command's).
//! - `ConnectClient::list_agent_statuses_page(&self, instance_id: &str, types: &[String],
//!   token: Option<String>, max: Option<i32>) -> Result<Page<AgentStatusSummary>, ApiError>`
//!   (`types`: `ROUTABLE`, `CUSTOM`, `OFFLINE`; empty lists all).
//!
//! Filters are checked before anything is sent: the API takes at most 100 IDs per filter
//! list (one hierarchy group), and a caller that sends more is refused by the service anyway
//! — this says so without spending a request of the quota.

use super::error::{ApiError, ErrorKind};
use super::{ConnectClient, MAX_AGENT_STATUSES_PAGE, MAX_USER_DATA_PAGE, mapping_live, page};
use crate::model::{AgentStatusSummary, Page, UserData, UserDataFilters, UserDataPage};

impl ConnectClient {
    /// One page of GetCurrentUserData. Refuses, before sending, a filter list longer than
    /// the API allows ([`UserDataFilters::MAX_IDS`]), with the service's own error.
    pub async fn get_current_user_data_page(
        &self,
        instance_id: &str,
        filters: &UserDataFilters,
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<UserDataPage, ApiError> {
        check_filters(filters)?;
        let out = call!(
            self,
            "GetCurrentUserData",
            self.sdk
                .get_current_user_data()
                .instance_id(instance_id)
                .filters(mapping_live::user_data_filters(filters))
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_USER_DATA_PAGE))
                .send()
        )?;
        Ok(UserDataPage {
            user_data_list: out
                .user_data_list
                .unwrap_or_default()
                .into_iter()
                .map(mapping_live::user_data)
                .collect(),
            next_token: out.next_token,
            approximate_total_count: out.approximate_total_count,
        })
    }

    /// The live state of up to 100 agents (one request unless the service pages): what the
    /// users table's Status column and the record's status line show. An agent who is not
    /// logged in is absent from the answer.
    pub async fn get_current_user_data(
        &self,
        instance_id: &str,
        agent_ids: &[String],
    ) -> Result<Vec<UserData>, ApiError> {
        let filters = UserDataFilters::agents(agent_ids.iter().cloned());
        let mut all = Vec::new();
        let mut token = None;
        loop {
            let page = self
                .get_current_user_data_page(instance_id, &filters, token, None)
                .await?;
            all.extend(page.user_data_list);
            match page.next_token {
                Some(next) => token = Some(next),
                None => return Ok(all),
            }
        }
    }

    /// `types`: `ROUTABLE`, `CUSTOM` and/or `OFFLINE`; empty lists every status.
    pub async fn list_agent_statuses_page(
        &self,
        instance_id: &str,
        types: &[String],
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<Page<AgentStatusSummary>, ApiError> {
        let out = call!(
            self,
            "ListAgentStatuses",
            self.sdk
                .list_agent_statuses()
                .instance_id(instance_id)
                .set_agent_status_types(
                    (!types.is_empty()).then(|| types.iter().map(|t| t.as_str().into()).collect())
                )
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_AGENT_STATUSES_PAGE))
                .send()
        )?;
        Ok(page(
            out.agent_status_summary_list,
            out.next_token,
            mapping_live::agent_status_summary,
        ))
    }
}

/// The service's error for an over-long filter list, word for word what mock-server says.
pub fn check_filters(filters: &UserDataFilters) -> Result<(), ApiError> {
    let lists = [
        ("queues", &filters.queues, UserDataFilters::MAX_IDS),
        (
            "routingProfiles",
            &filters.routing_profiles,
            UserDataFilters::MAX_IDS,
        ),
        ("agents", &filters.agents, UserDataFilters::MAX_IDS),
        ("userHierarchyGroups", &filters.user_hierarchy_groups, 1),
    ];
    for (name, list, max) in lists {
        let len = list.as_ref().map_or(0, Vec::len);
        if len > max {
            return Err(ApiError::new(
                ErrorKind::InvalidInput,
                "GetCurrentUserData",
                too_long_message(name, max),
            )
            .with_code("InvalidParameterException"));
        }
    }
    Ok(())
}

/// The wording of a list-length violation (shared with the mock's handler).
pub fn too_long_message(member: &str, max: usize) -> String {
    format!(
        "1 validation error detected: Value at 'filters.{member}' failed to satisfy \
         constraint: Member must have length less than or equal to {max}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_100_agents_and_one_group() {
        let ids = |n: usize| (0..n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert!(check_filters(&UserDataFilters::agents(ids(100))).is_ok());
        let err = check_filters(&UserDataFilters::agents(ids(101))).unwrap_err();
        assert_eq!(err.code.as_deref(), Some("InvalidParameterException"));
        assert!(err.message.contains("'filters.agents'"), "{}", err.message);
        let groups = UserDataFilters {
            user_hierarchy_groups: Some(ids(2)),
            ..UserDataFilters::default()
        };
        assert!(check_filters(&groups).is_err());
    }
}
