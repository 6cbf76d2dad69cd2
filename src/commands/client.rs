//! The global AWS CLI options that shape the connection, mapped onto the client layer.

use std::time::Duration;

use crate::cli::GlobalArgs;
use crate::connect::ClientOptions;

/// `profile` is the one botocore selects (`--profile`, `AWS_DEFAULT_PROFILE`, `AWS_PROFILE`;
/// the SDK alone would not read `AWS_DEFAULT_PROFILE`). `--cli-connect-timeout` /
/// `--cli-read-timeout` are seconds, 0 meaning no timeout (`Some(Duration::ZERO)`).
pub fn options(global: &GlobalArgs, profile: Option<String>) -> ClientOptions {
    ClientOptions {
        profile,
        region: global.region.clone(),
        endpoint_url: global.endpoint_url.clone(),
        connect_timeout: global.cli_connect_timeout.map(Duration::from_secs),
        read_timeout: global.cli_read_timeout.map(Duration::from_secs),
        no_sign_request: global.no_sign_request,
        ca_bundle: global.ca_bundle.clone(),
        no_verify_ssl: global.no_verify_ssl,
        demo: global.demo,
        rate_limit: global.max_rps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_options_reach_the_client_and_zero_means_no_timeout() {
        let global = GlobalArgs {
            region: Some("eu-west-2".into()),
            endpoint_url: Some("http://127.0.0.1:1".into()),
            cli_connect_timeout: Some(0),
            cli_read_timeout: Some(5),
            no_sign_request: true,
            demo: true,
            ca_bundle: Some("ca.pem".into()),
            no_verify_ssl: true,
            ..GlobalArgs::default()
        };
        let opts = options(&global, Some("p".into()));
        assert_eq!(opts.profile.as_deref(), Some("p"));
        assert_eq!(opts.region.as_deref(), Some("eu-west-2"));
        assert_eq!(opts.endpoint_url.as_deref(), Some("http://127.0.0.1:1"));
        assert_eq!(opts.connect_timeout, Some(Duration::ZERO));
        assert_eq!(opts.read_timeout, Some(Duration::from_secs(5)));
        assert!(opts.no_sign_request && opts.demo);
        assert_eq!(opts.ca_bundle, Some("ca.pem".into()));
        assert!(opts.no_verify_ssl);
    }
}
