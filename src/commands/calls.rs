//! Each operation's client call, and its answer as the response document (single) or pages
//! (`listing::run`). The only per-operation code after argument parsing: which client method
//! answers, with which members.

use serde::Serialize;
use serde_json::{Map, Value};

use super::error::CommandError;
use super::listing::{self, DocumentSink, PageDoc};
use super::operation::Operation;
use super::presenter::Presenter;
use super::request::Paging;
use super::to_doc;
use crate::connect::ConnectClient;
use crate::model::{Page, StampedPage, UserDataFilters};

pub async fn call(
    client: &ConnectClient,
    op: Operation,
    params: &Map<String, Value>,
    paging: Paging,
    presenter: &mut Presenter<'_>,
) -> Result<(), CommandError> {
    let text = |name: &str| {
        params
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let instance = text("InstanceId");
    let instance = instance.as_str();
    let explicit = (
        params
            .get("NextToken")
            .and_then(Value::as_str)
            .map(str::to_string),
        params
            .get("MaxResults")
            .and_then(Value::as_i64)
            .and_then(|n| i32::try_from(n).ok()),
    );
    let strings = |name: &str| -> Vec<String> {
        params
            .get(name)
            .and_then(Value::as_array)
            .map(|l| {
                l.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    macro_rules! listing {
        (|$token:ident, $max:ident| $fetch:expr) => {
            listing::run(
                op,
                paging,
                explicit,
                |$token, $max| async move { $fetch },
                presenter as &mut dyn DocumentSink,
            )
            .await
        };
    }
    match op {
        Operation::DescribeUser => {
            let user = client.describe_user(instance, &text("UserId")).await?;
            presenter.print(wrapped("User", &user)?)
        }
        Operation::DescribeRoutingProfile => {
            let id = text("RoutingProfileId");
            let profile = client.describe_routing_profile(instance, &id).await?;
            presenter.print(wrapped("RoutingProfile", &profile)?)
        }
        Operation::GetCurrentUserData => {
            let filters: UserDataFilters = params
                .get("Filters")
                .map(|f| serde_json::from_value(f.clone()))
                .transpose()
                .map_err(|e| CommandError::Usage(format!("Invalid Filters: {e}")))?
                .unwrap_or_default();
            let page = client
                .get_current_user_data_page(instance, &filters, explicit.0, explicit.1)
                .await?;
            let mut doc = Map::new();
            if let Some(token) = page.next_token {
                doc.insert("NextToken".into(), Value::String(token));
            }
            doc.insert("UserDataList".into(), to_doc(&page.user_data_list)?);
            if let Some(total) = page.approximate_total_count {
                doc.insert("ApproximateTotalCount".into(), Value::from(total));
            }
            presenter.print(Value::Object(doc))
        }
        Operation::ListUsers => {
            listing!(|token, max| plain(client.list_users_page(instance, token, max).await?))
        }
        Operation::ListInstances => {
            listing!(|token, max| plain(client.list_instances_page(token, max).await?))
        }
        Operation::SearchUsers => {
            let criteria = params.get("SearchCriteria");
            let filter = params.get("SearchFilter");
            listing!(|token, max| {
                let page = client
                    .search_users_page(instance, criteria, filter, token, max)
                    .await?;
                let total = page.approximate_total_count.map(Value::from);
                Ok(PageDoc {
                    items: page.users,
                    next_token: page.next_token,
                    non_aggregate: total
                        .map(|t| Map::from_iter([("ApproximateTotalCount".into(), t)]))
                        .unwrap_or_default(),
                })
            })
        }
        Operation::ListAgentStatuses => {
            let types = strings("AgentStatusTypes");
            let types = types.as_slice();
            listing!(|token, max| {
                plain(
                    client
                        .list_agent_statuses_page(instance, types, token, max)
                        .await?,
                )
            })
        }
        Operation::ListRoutingProfileQueues => {
            let id = text("RoutingProfileId");
            let id = id.as_str();
            listing!(|token, max| {
                stamped(
                    client
                        .list_routing_profile_queues_page(instance, id, token, max)
                        .await?,
                )
            })
        }
        Operation::ListQueues => {
            let types = strings("QueueTypes");
            let types = types.as_slice();
            listing!(|token, max| {
                plain(client.list_queues_page(instance, types, token, max).await?)
            })
        }
        Operation::ListSecurityProfilePermissions => {
            let id = text("SecurityProfileId");
            let id = id.as_str();
            listing!(|token, max| {
                stamped(
                    client
                        .list_security_profile_permissions_page(instance, id, token, max)
                        .await?,
                )
            })
        }
        Operation::ListUserProficiencies => {
            let id = text("UserId");
            let id = id.as_str();
            listing!(|token, max| {
                stamped(
                    client
                        .list_user_proficiencies_page(instance, id, token, max)
                        .await?,
                )
            })
        }
    }
}

/// `{"<member>": value}`, a describe operation's response.
fn wrapped<T: Serialize>(member: &str, value: &T) -> Result<Value, CommandError> {
    Ok(Value::Object(Map::from_iter([(
        member.into(),
        to_doc(value)?,
    )])))
}

fn plain<T>(page: Page<T>) -> Result<PageDoc<T>, CommandError> {
    Ok(PageDoc {
        items: page.items,
        next_token: page.next_token,
        non_aggregate: Map::new(),
    })
}

/// A page whose response also says when the listed set last changed.
fn stamped<T>(page: StampedPage<T>) -> Result<PageDoc<T>, CommandError> {
    let mut non_aggregate = Map::new();
    if let Some(time) = page.last_modified_time {
        non_aggregate.insert("LastModifiedTime".into(), to_doc(&time)?);
    }
    if let Some(region) = page.last_modified_region {
        non_aggregate.insert("LastModifiedRegion".into(), Value::String(region));
    }
    Ok(PageDoc {
        items: page.items,
        next_token: page.next_token,
        non_aggregate,
    })
}
