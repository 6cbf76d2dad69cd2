//! Runs [`Request`]s as tokio tasks against the Connect client and sends each answer back as
//! one [`Msg`] over the app's channel.
//!
//! Spawning never blocks the UI loop. A task that panics (a bug) still answers: its request
//! fails with an error the pane shows, instead of leaving it "Loading…" forever. Dropping the
//! worker aborts every task still running, so quitting never waits on the network. A small
//! watcher task reports when the service throttles us (even when retries hide it).

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use futures::FutureExt;
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinSet;

use crate::app::{Msg, NameKind, Request};
use crate::connect::{
    ApiError, ConnectClient, ErrorKind, MAX_INSTANCES_PAGE, MAX_NAMED_PAGE, MAX_USERS_PAGE,
};

pub struct Worker {
    client: ConnectClient,
    answers: UnboundedSender<Msg>,
    tasks: JoinSet<()>,
}

impl Worker {
    pub fn new(client: ConnectClient, answers: UnboundedSender<Msg>) -> Self {
        let mut tasks = JoinSet::new();
        tasks.spawn(watch_throttling(client.clone(), answers.clone()));
        Worker {
            client,
            answers,
            tasks,
        }
    }

    /// Starts `request` in its own task; its answer arrives on the channel.
    pub fn spawn(&mut self, request: Request) {
        // Reap finished tasks so the set does not grow with every request.
        while self.tasks.try_join_next().is_some() {}
        let client = self.client.clone();
        let answers = self.answers.clone();
        self.tasks.spawn(async move {
            let operation = request.operation();
            let answer = AssertUnwindSafe(execute(&client, request.clone()))
                .catch_unwind()
                .await
                .unwrap_or_else(|_| {
                    let log = crate::logging::log_file_path();
                    request.failed(ApiError::new(
                        ErrorKind::Service,
                        operation,
                        format!("internal error (a bug); details in {}", log.display()),
                    ))
                });
            // The receiver is gone only when the app is quitting: nothing to do then.
            let _ = answers.send(answer);
        });
    }
}

/// How often the throttling counter is looked at.
const THROTTLE_POLL: Duration = Duration::from_millis(250);

/// Reports each rise of the client's count of throttled (429) answers. The SDK retries
/// throttled requests itself, so most never surface as errors: without this, a request
/// slowed down by seconds of retries would look like a hang. Reading an atomic a few times
/// a second costs nothing, and a message is sent only when the count rises.
async fn watch_throttling(client: ConnectClient, answers: UnboundedSender<Msg>) {
    let mut seen = client.throttled_count();
    loop {
        tokio::time::sleep(THROTTLE_POLL).await;
        let total = client.throttled_count();
        if total > seen {
            seen = total;
            if answers.send(Msg::Throttled { total }).is_err() {
                return;
            }
        }
    }
}

async fn execute(client: &ConnectClient, request: Request) -> Msg {
    match request {
        Request::ListInstances { generation, token } => Msg::Instances {
            generation,
            result: client
                .list_instances_page(token, Some(MAX_INSTANCES_PAGE))
                .await,
        },
        Request::ListUsers {
            instance_id,
            generation,
            token,
        } => {
            let result = client
                .list_users_page(&instance_id, token, Some(MAX_USERS_PAGE))
                .await;
            Msg::Users {
                instance_id,
                generation,
                result,
            }
        }
        Request::DescribeUser {
            instance_id,
            generation,
            user_id,
        } => {
            let result = client.describe_user(&instance_id, &user_id).await;
            Msg::User {
                instance_id,
                generation,
                user_id,
                result,
            }
        }
        Request::ListNames {
            instance_id,
            generation,
            kind,
            token,
        } => {
            let max = Some(MAX_NAMED_PAGE);
            let result = match kind {
                NameKind::RoutingProfiles => {
                    client
                        .list_routing_profiles_page(&instance_id, token, max)
                        .await
                }
                NameKind::SecurityProfiles => {
                    client
                        .list_security_profiles_page(&instance_id, token, max)
                        .await
                }
                NameKind::HierarchyGroups => {
                    client
                        .list_hierarchy_groups_page(&instance_id, token, max)
                        .await
                }
            };
            Msg::Names {
                instance_id,
                generation,
                kind,
                result,
            }
        }
        Request::DescribeStructure {
            instance_id,
            generation,
        } => {
            let result = client.describe_hierarchy_structure(&instance_id).await;
            Msg::Structure {
                instance_id,
                generation,
                result,
            }
        }
        Request::DescribeGroup {
            instance_id,
            generation,
            group_id,
        } => {
            let result = client
                .describe_hierarchy_group(&instance_id, &group_id)
                .await;
            Msg::Group {
                instance_id,
                generation,
                group_id,
                result,
            }
        }
    }
}
