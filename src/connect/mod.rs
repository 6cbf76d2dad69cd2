//! The AWS boundary: builds the SDK client from aws-config, pages, rate-limits, and maps SDK
//! outputs into the domain types of [`crate::model`]. Nothing outside this module imports
//! `aws_sdk_connect`.
//!
//! The client's reads are its `call!` sites: users, instances and names here; hierarchy groups
//! and the structure in `hierarchy.rs`; live agent state in `live.rs` (GetCurrentUserData,
//! ListAgentStatuses); routing profiles, queues, permissions and proficiencies in `routing.rs`.

mod config;
mod credentials_error;
mod error;
mod error_map;
mod instance_ref;
mod mapping;
mod mapping_live;
mod mapping_routing;
mod observe;
mod profiles;
mod rate_limit;
mod regions;
mod retry;
mod search;
mod tls;
mod tls_error;

pub use config::DEMO_REGION;
pub use error::{ApiError, ErrorKind};
pub use instance_ref::parse_instance_id;
pub use live::too_long_message as filter_too_long_message;
pub use observe::READ_OPERATIONS;
pub use profiles::profile_names;
pub use rate_limit::RateLimit;
pub use regions::CONNECT_REGIONS;
pub use tls::{NO_VERIFY_WARNING, TlsTrust};

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::model::{InstanceSummary, NamedSummary, Page, SearchPage, User, UserSummary};
use rate_limit::Limiter;

/// Largest page sizes the model allows (used unless the caller asks for less).
pub const MAX_INSTANCES_PAGE: i32 = 10;
pub const MAX_USERS_PAGE: i32 = 1000;
pub const MAX_SEARCH_PAGE: i32 = 500;
pub const MAX_NAMED_PAGE: i32 = 1000;
pub const MAX_GROUP_SEARCH_PAGE: i32 = 100;
pub const MAX_PROFICIENCIES_PAGE: i32 = 100;
pub const MAX_USER_DATA_PAGE: i32 = 100;
pub const MAX_AGENT_STATUSES_PAGE: i32 = 1000;
pub const MAX_ROUTING_PROFILE_QUEUES_PAGE: i32 = 100;
pub const MAX_QUEUES_PAGE: i32 = 1000;
pub const MAX_PERMISSIONS_PAGE: i32 = 1000;

/// How to reach Connect: the AWS CLI's options, or the demo endpoint.
#[derive(Clone, Debug, Default)]
pub struct ClientOptions {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    /// `None` = default (60 s); `Some(ZERO)` = no timeout.
    pub connect_timeout: Option<Duration>,
    pub read_timeout: Option<Duration>,
    pub no_sign_request: bool,
    /// `--ca-bundle`: trust exactly the PEM certificates in this file (else `AWS_CA_BUNDLE`,
    /// else the profile's `ca_bundle`, else the system's roots).
    pub ca_bundle: Option<PathBuf>,
    /// `--no-verify-ssl`: do not verify the endpoint's certificate (overrides `ca_bundle`).
    /// The caller prints [`NO_VERIFY_WARNING`].
    pub no_verify_ssl: bool,
    /// Static demo credentials and region; the user's AWS configuration is not read at all.
    /// Without `endpoint_url`, the built-in demo endpoint is started in-process.
    pub demo: bool,
    /// Client-side request rate per operation; `None` = the defaults (see [`RateLimit`]).
    pub rate_limit: Option<RateLimit>,
}

/// A cheap-to-clone handle on the Connect API (clones share the HTTP pool and rate limiter).
#[derive(Clone, Debug)]
pub struct ConnectClient {
    sdk: aws_sdk_connect::Client,
    limiter: Arc<Limiter>,
    throttled: Arc<tokio::sync::watch::Sender<u64>>,
    /// What error messages need to say what to do (SSO profile, endpoint host).
    hints: Arc<error_map::ErrorHints>,
    /// The in-process demo endpoint, kept alive as long as any clone of the client.
    _demo_endpoint: Option<Arc<crate::mock::MockHandle>>,
    /// Kept for clients in other regions (each region has its own quota and limiter).
    rate_limit: RateLimit,
    /// What the client was built from, so `:profile` / `:region` can build another the
    /// same way with only those changed.
    options: Arc<ClientOptions>,
    /// The profile in use (for the status bar and SSO hints).
    pub profile: Option<String>,
    /// The region in use.
    pub region: String,
}

/// Runs one SDK call after the rate limiter allows it, mapping its error.
macro_rules! call {
    ($self:ident, $op:literal, $send:expr) => {{
        $self.limiter.acquire($op).await;
        $send
            .await
            .map_err(|e| $crate::connect::error_map::map_sdk_error($op, e, &$self.hints))
    }};
}

// After `call!`, which they use: the reads of live state, and of routing and permissions.
mod hierarchy;
mod live;
mod routing;

impl ConnectClient {
    pub async fn new(opts: &ClientOptions) -> Result<Self, ApiError> {
        let asked = Arc::new(opts.clone());
        let mut demo_endpoint = None;
        let mut opts = opts.clone();
        if opts.demo && opts.endpoint_url.is_none() {
            let handle = crate::mock::start(crate::mock::MockConfig::demo())
                .await
                .map_err(|e| {
                    ApiError::new(
                        ErrorKind::Config,
                        "",
                        format!("cannot start the demo endpoint: {e}"),
                    )
                })?;
            opts.endpoint_url = Some(handle.endpoint_url());
            demo_endpoint = Some(Arc::new(handle));
        }
        let opts = &opts;
        let facts = config::profile_facts(opts).await;
        let sdk_config = config::load(
            opts,
            &config::tls_trust(opts, std::env::var_os("AWS_CA_BUNDLE"), &facts),
        )
        .await?;
        let region = sdk_config
            .region()
            .map(|r| r.to_string())
            .unwrap_or_default();
        let profile = if opts.demo {
            None
        } else {
            opts.profile
                .clone()
                .or_else(|| std::env::var("AWS_PROFILE").ok())
        };
        let observer = observe::Observer::default();
        let throttled = observer.throttled_counter();
        let sdk_conf = aws_sdk_connect::config::Builder::from(&sdk_config)
            .interceptor(observer)
            .retry_classifier(retry::UnreadableSuccessClassifier)
            .retry_classifier(tls_error::NeverRetryHandshakeFailures)
            .build();
        Ok(ConnectClient {
            sdk: aws_sdk_connect::Client::from_conf(sdk_conf),
            throttled,
            limiter: Arc::new(Limiter::new(opts.rate_limit.unwrap_or_default())),
            hints: Arc::new(error_map::ErrorHints {
                sso_profile: facts.sso_profile,
                host: config::endpoint_host(opts.endpoint_url.as_deref(), &region),
                endpoint: endpoint_for_messages(opts, &sdk_config, &region),
            }),
            _demo_endpoint: demo_endpoint,
            rate_limit: opts.rate_limit.unwrap_or_default(),
            options: asked,
            profile,
            region,
        })
    }

    /// The options this client was built from.
    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// How many throttled (429) answers this client has seen, retried ones included.
    pub fn throttled_count(&self) -> u64 {
        *self.throttled.borrow()
    }

    /// Changes whenever the service throttles a request (the value is
    /// [`Self::throttled_count`]): the UI waits on it to show a notice while retries hide
    /// the throttling, instead of polling the count.
    pub fn watch_throttling(&self) -> tokio::sync::watch::Receiver<u64> {
        self.throttled.subscribe()
    }

    pub async fn list_instances_page(
        &self,
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<Page<InstanceSummary>, ApiError> {
        let out = call!(
            self,
            "ListInstances",
            self.sdk
                .list_instances()
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_INSTANCES_PAGE))
                .send()
        )?;
        Ok(page(
            out.instance_summary_list,
            out.next_token,
            mapping::instance_summary,
        ))
    }

    pub async fn list_users_page(
        &self,
        instance_id: &str,
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<Page<UserSummary>, ApiError> {
        let out = call!(
            self,
            "ListUsers",
            self.sdk
                .list_users()
                .instance_id(instance_id)
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_USERS_PAGE))
                .send()
        )?;
        Ok(page(
            out.user_summary_list,
            out.next_token,
            mapping::user_summary,
        ))
    }

    pub async fn describe_user(&self, instance_id: &str, user_id: &str) -> Result<User, ApiError> {
        let out = call!(
            self,
            "DescribeUser",
            self.sdk
                .describe_user()
                .instance_id(instance_id)
                .user_id(user_id)
                .send()
        )?;
        out.user
            .map(mapping::user)
            .ok_or_else(|| empty("DescribeUser", "User"))
    }

    /// `criteria` / `filter` are `UserSearchCriteria` / `UserSearchFilter` in their JSON shape.
    pub async fn search_users_page(
        &self,
        instance_id: &str,
        criteria: Option<&serde_json::Value>,
        filter: Option<&serde_json::Value>,
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<SearchPage, ApiError> {
        let criteria = criteria
            .map(|c| search::criteria("SearchCriteria", c))
            .transpose()?;
        let filter = filter
            .map(|f| search::filter("SearchFilter", f))
            .transpose()?;
        let out = call!(
            self,
            "SearchUsers",
            self.sdk
                .search_users()
                .instance_id(instance_id)
                .set_search_criteria(criteria)
                .set_search_filter(filter)
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_SEARCH_PAGE))
                .send()
        )?;
        Ok(SearchPage {
            users: out
                .users
                .unwrap_or_default()
                .into_iter()
                .map(mapping::user_search_summary)
                .collect(),
            next_token: out.next_token,
            approximate_total_count: out.approximate_total_count,
        })
    }

    pub async fn list_routing_profiles_page(
        &self,
        instance_id: &str,
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<Page<NamedSummary>, ApiError> {
        let out = call!(
            self,
            "ListRoutingProfiles",
            self.sdk
                .list_routing_profiles()
                .instance_id(instance_id)
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_NAMED_PAGE))
                .send()
        )?;
        Ok(page(
            out.routing_profile_summary_list,
            out.next_token,
            mapping::routing_profile_summary,
        ))
    }

    pub async fn list_security_profiles_page(
        &self,
        instance_id: &str,
        token: Option<String>,
        max: Option<i32>,
    ) -> Result<Page<NamedSummary>, ApiError> {
        let out = call!(
            self,
            "ListSecurityProfiles",
            self.sdk
                .list_security_profiles()
                .instance_id(instance_id)
                .set_next_token(token)
                .max_results(max.unwrap_or(MAX_NAMED_PAGE))
                .send()
        )?;
        Ok(page(
            out.security_profile_summary_list,
            out.next_token,
            mapping::security_profile_summary,
        ))
    }
}

/// The endpoint requests go to, for error messages: the flag, then the variables and profile
/// setting aws-config reads, then Connect's regional endpoint. (A profile's per-service
/// `services` section is not consulted: this only names the URL in a message.)
fn endpoint_for_messages(
    opts: &ClientOptions,
    sdk_config: &aws_config::SdkConfig,
    region: &str,
) -> String {
    opts.endpoint_url
        .clone()
        .or_else(|| std::env::var("AWS_ENDPOINT_URL_CONNECT").ok())
        .or_else(|| sdk_config.endpoint_url().map(str::to_string))
        .unwrap_or_else(|| format!("https://connect.{region}.amazonaws.com"))
}

/// One page of a listing: the SDK's items mapped to domain types, and the token for the next.
fn page<S, T>(items: Option<Vec<S>>, next_token: Option<String>, map: fn(S) -> T) -> Page<T> {
    Page {
        items: mapped(items, map),
        next_token,
    }
}

fn mapped<S, T>(items: Option<Vec<S>>, map: fn(S) -> T) -> Vec<T> {
    items.unwrap_or_default().into_iter().map(map).collect()
}

/// A successful answer without the member the operation exists to return.
fn empty(op: &'static str, member: &str) -> ApiError {
    ApiError::new(
        ErrorKind::Service,
        op,
        format!("the service answered without {member}"),
    )
}

#[cfg(test)]
mod allowlist_tests {
    use std::collections::BTreeSet;

    /// The operations named by the client's `call!` sites, read from the sources of this
    /// module (every file, so a new one cannot slip past): the only way a request leaves
    /// this program.
    fn operations_the_client_calls() -> BTreeSet<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/connect");
        let mut source = String::new();
        for entry in std::fs::read_dir(dir).expect("src/connect is readable") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|e| e == "rs") {
                source.push_str(&std::fs::read_to_string(&path).expect("a source file"));
            }
        }
        source
            .split("call!(")
            .skip(1)
            .filter_map(|site| {
                // A site is the macro, `self`, then the operation name in quotes.
                let rest = site.trim_start().strip_prefix("self,")?.trim_start();
                let name = rest.strip_prefix('"')?.split('"').next()?;
                Some(name.to_string())
            })
            .collect()
    }

    #[test]
    fn the_allowlist_is_exactly_what_the_client_calls() {
        let allowed: BTreeSet<String> = super::READ_OPERATIONS
            .iter()
            .map(|op| op.to_string())
            .collect();
        assert_eq!(operations_the_client_calls(), allowed);
    }
}
