//! Runs [`Call`]s as tokio tasks against the Connect client and sends each answer back as
//! one [`Msg::Answer`] over the app's channel.
//!
//! Spawning never blocks the UI loop. A task that panics (a bug) still answers: its request
//! fails with an error the pane shows, instead of leaving it "Loading…" forever. Dropping the
//! worker aborts every task still running, so quitting never waits on the network. A small
//! watcher task reports when the service throttles us (even when retries hide it).

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;

use futures::FutureExt;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tokio::task::{AbortHandle, JoinSet};

use crate::app::{Call, Connection, LiveReply, Msg, NameKind, Reply, Request};
use crate::connect::{
    ApiError, ConnectClient, ErrorKind, MAX_GROUP_SEARCH_PAGE, MAX_INSTANCES_PAGE, MAX_NAMED_PAGE,
    MAX_SEARCH_PAGE, MAX_USERS_PAGE,
};
use crate::model::{NamedSummary, Page, QueueSummary, StampedPage};

pub struct Worker {
    client: ConnectClient,
    /// Clients for other regions than the client's own, made on first use and kept (each
    /// holds its region's rate limiter).
    regional: HashMap<String, ConnectClient>,
    answers: UnboundedSender<Msg>,
    tasks: JoinSet<()>,
    /// The task reporting the current client's throttling.
    watcher: AbortHandle,
    /// Clients built for `:profile` / `:region`, with the generation that asked, waiting to
    /// be installed by [`Worker::next_client`].
    built: (UnboundedSender<Built>, UnboundedReceiver<Built>),
}

/// A client built for the switch of that generation.
type Built = (u64, ConnectClient);

impl Worker {
    pub fn new(client: ConnectClient, answers: UnboundedSender<Msg>) -> Self {
        let mut tasks = JoinSet::new();
        let watcher = tasks.spawn(watch_throttling(client.clone(), answers.clone()));
        Worker {
            client,
            regional: HashMap::new(),
            answers,
            tasks,
            watcher,
            built: unbounded_channel(),
        }
    }

    /// Builds a client like the current one with `profile` and/or `region` changed (None:
    /// as now) through the standard AWS chain, in a task: credentials may take a while (SSO,
    /// `credential_process`). A failure is answered as [`Msg::Connected`] at once; a client
    /// arrives through [`Worker::next_client`], which installs it.
    pub fn connect(&mut self, profile: Option<String>, region: Option<String>, generation: u64) {
        let mut options = self.client.options().clone();
        let wanted = profile.clone();
        if profile.is_some() {
            options.profile = profile;
        }
        if region.is_some() {
            options.region = region;
        }
        let built = self.built.0.clone();
        let answers = self.answers.clone();
        self.tasks.spawn(async move {
            // The SDK takes a profile that is not there for an empty one (credentials may
            // still come from the environment): say so instead, as the AWS CLI does.
            if let Some(name) = wanted
                && !crate::connect::profile_names().await.contains(&name)
            {
                let error = ApiError::new(
                    ErrorKind::Config,
                    "",
                    format!("no profile “{name}” in the AWS config files"),
                );
                let _ = answers.send(Msg::Connected {
                    generation,
                    result: Err(error),
                });
                return;
            }
            match ConnectClient::new(&options).await {
                Ok(client) => {
                    let _ = built.send((generation, client));
                }
                Err(error) => {
                    let _ = answers.send(Msg::Connected {
                        generation,
                        result: Err(error),
                    });
                }
            }
        });
    }

    /// Waits for a client built by [`Worker::connect`], makes it the one every later call
    /// uses, and returns the message that tells the app. Never resolves when none is coming.
    pub async fn next_client(&mut self) -> Msg {
        let Some((generation, client)) = self.built.1.recv().await else {
            return std::future::pending().await;
        };
        self.watcher.abort();
        self.watcher = self
            .tasks
            .spawn(watch_throttling(client.clone(), self.answers.clone()));
        self.regional.clear();
        let connection = Connection {
            profile: client.profile.clone(),
            region: client.region.clone(),
        };
        self.client = client;
        Msg::Connected {
            generation,
            result: Ok(connection),
        }
    }

    /// The client for calls sent to `region`.
    fn client_for(&mut self, region: Option<&str>) -> ConnectClient {
        match region {
            Some(region) if region != self.client.region => self
                .regional
                .entry(region.to_string())
                .or_insert_with(|| self.client.in_region(region))
                .clone(),
            _ => self.client.clone(),
        }
    }

    /// Starts `call` in its own task; its answer arrives on the channel.
    pub fn spawn(&mut self, call: Call) {
        // Reap finished tasks so the set does not grow with every request.
        while self.tasks.try_join_next().is_some() {}
        let client = self.client_for(call.scope.region.as_deref());
        let answers = self.answers.clone();
        self.tasks.spawn(async move {
            let operation = call.request.operation();
            let result = AssertUnwindSafe(read(&client, &call))
                .catch_unwind()
                .await
                .unwrap_or_else(|_| {
                    let log = crate::logging::log_file_path();
                    Err(ApiError::new(
                        ErrorKind::Service,
                        operation,
                        format!("internal error (a bug); details in {}", log.display()),
                    ))
                });
            // The receiver is gone only when the app is quitting: nothing to do then.
            let _ = answers.send(Msg::Answer(Box::new(call.answer(result))));
        });
    }
}

/// Reports each rise of the client's count of throttled (429) answers. The SDK retries
/// throttled requests itself, so most never surface as errors: without this, a request
/// slowed down by seconds of retries would look like a hang. The task sleeps until the
/// client's interceptor counts a 429 (a watch channel): no timer, so an idle browser is not
/// woken.
async fn watch_throttling(client: ConnectClient, answers: UnboundedSender<Msg>) {
    let mut throttled = client.watch_throttling();
    while throttled.changed().await.is_ok() {
        let total = *throttled.borrow_and_update();
        if answers.send(Msg::Throttled { total }).is_err() {
            return;
        }
    }
}

/// The one mapping from a request to the client call that answers it.
async fn read(client: &ConnectClient, call: &Call) -> Result<Reply, ApiError> {
    let instance = call.scope.instance_id.as_deref().unwrap_or_default();
    match &call.request {
        Request::ListInstances { token } => client
            .list_instances_page(token.clone(), Some(MAX_INSTANCES_PAGE))
            .await
            .map(Reply::from),
        Request::ListUsers { token } => client
            .list_users_page(instance, token.clone(), Some(MAX_USERS_PAGE))
            .await
            .map(Reply::from),
        Request::DescribeUser { user_id } => client
            .describe_user(instance, user_id)
            .await
            .map(Reply::from),
        Request::ListNames { kind, token } => {
            let (token, max) = (token.clone(), Some(MAX_NAMED_PAGE));
            match kind {
                NameKind::RoutingProfiles => {
                    client
                        .list_routing_profiles_page(instance, token, max)
                        .await
                }
                NameKind::SecurityProfiles => {
                    client
                        .list_security_profiles_page(instance, token, max)
                        .await
                }
                // Whole groups (paths included), not only names.
                NameKind::HierarchyGroups => {
                    let max = Some(MAX_GROUP_SEARCH_PAGE);
                    return client
                        .search_hierarchy_groups_page(instance, token, max)
                        .await
                        .map(Reply::Groups);
                }
                NameKind::Queues => client
                    .list_queues_page(instance, &["STANDARD".to_string()], token, None)
                    .await
                    .map(queue_names),
            }
            .map(Reply::Names)
        }
        Request::ListGroupNames { token } => client
            .list_hierarchy_groups_page(instance, token.clone(), Some(MAX_NAMED_PAGE))
            .await
            .map(Reply::Names),
        Request::DescribeStructure => client
            .describe_hierarchy_structure(instance)
            .await
            .map(Reply::from),
        Request::DescribeGroup { group_id } => client
            .describe_hierarchy_group(instance, group_id)
            .await
            .map(Reply::from),
        Request::SearchUsers { token } => client
            .search_users_page(instance, None, None, token.clone(), Some(MAX_SEARCH_PAGE))
            .await
            .map(Reply::from),
        Request::DescribeRoutingProfile { routing_profile_id } => client
            .describe_routing_profile(instance, routing_profile_id)
            .await
            .map(Reply::from),
        Request::ListRoutingProfileQueues {
            routing_profile_id,
            token,
        } => client
            .list_routing_profile_queues_page(instance, routing_profile_id, token.clone(), None)
            .await
            .map(|p| Reply::ProfileQueues(unstamped(p))),
        Request::ListUserProficiencies { user_id, token } => client
            .list_user_proficiencies_page(instance, user_id, token.clone(), None)
            .await
            .map(|p| Reply::Proficiencies(unstamped(p))),
        Request::ListSecurityProfilePermissions {
            security_profile_id,
            token,
        } => client
            .list_security_profile_permissions_page(
                instance,
                security_profile_id,
                token.clone(),
                None,
            )
            .await
            .map(|p| Reply::Permissions(unstamped(p))),
        Request::ListAgentStatuses { token } => client
            .list_agent_statuses_page(instance, &[], token.clone(), None)
            .await
            .map(Reply::Statuses),
        Request::GetCurrentUserData { user_ids } => {
            let agents = client.get_current_user_data(instance, user_ids).await?;
            Ok(Reply::Live(LiveReply {
                agents,
                at_epoch: epoch_now(),
            }))
        }
    }
}

/// A page without its "last modified" stamp, which the browser does not show.
fn unstamped<T>(page: StampedPage<T>) -> Page<T> {
    Page {
        items: page.items,
        next_token: page.next_token,
    }
}

/// Queue summaries as names (ID, ARN, name), for the name cache.
fn queue_names(page: Page<QueueSummary>) -> Page<NamedSummary> {
    Page {
        items: page
            .items
            .into_iter()
            .map(|q| NamedSummary {
                id: q.id,
                arn: q.arn,
                name: q.name,
                last_modified_time: q.last_modified_time,
                last_modified_region: q.last_modified_region,
            })
            .collect(),
        next_token: page.next_token,
    }
}

/// Wall-clock time now, in epoch seconds.
fn epoch_now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}
