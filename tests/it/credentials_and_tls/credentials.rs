//! Credentials that cannot be had: each is one line that says what to do, exit code 253.

use connect_tui::mock::MockConfig;

use super::support::Sandbox;

/// `sha1("admin")`: where aws-config looks for the token of the SSO session named `admin`.
const ADMIN_SESSION_CACHE: &str = ".aws/sso/cache/d033e22ae348aeb5660fc2140aec35850c4da997.json";

/// An SSO profile whose session `admin` starts on 127.0.0.1:1 (nothing listens there).
const SSO_CONFIG: &str = "[profile corp]\nsso_session = admin\nsso_account_id = 111122223333\n\
                          sso_role_name = ReadOnly\nregion = us-west-2\n\n\
                          [sso-session admin]\nsso_start_url = https://127.0.0.1:1/start\n\
                          sso_region = us-west-2\nsso_registration_scopes = sso:account:access\n";

async fn list_instances(sandbox: &Sandbox, extra: &[&str]) -> super::support::Outcome {
    let mock = connect_tui::mock::start(MockConfig::demo()).await.unwrap();
    let url = mock.endpoint_url();
    let mut args = vec!["list-instances", "--endpoint-url", url.as_str()];
    args.extend(extra);
    sandbox.run(&args, &[]).await
}

/// `[profile name]` with `credential_process` set to a command that fails.
const FAILING_PROCESS: &str = "[profile vault]\nregion = us-west-2\n\
     credential_process = sh -c 'echo the vault is sealed >&2; exit 1'\n";

#[tokio::test]
async fn no_credentials_at_all_says_how_to_configure_them() {
    let sandbox = Sandbox::new();
    let out = list_instances(&sandbox, &["--region", "us-west-2"]).await;
    assert_eq!(out.code, Some(253), "{out:?}");
    assert_eq!(
        out.error_line(),
        "ListInstances: no AWS credentials were found (environment, profile, web identity, \
         container and instance metadata were tried); configure them: aws configure, --profile / \
         AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
    );
}

#[tokio::test]
async fn a_failing_credential_process_is_quoted_with_its_stderr() {
    let sandbox = Sandbox::new();
    sandbox.write(".aws/config", FAILING_PROCESS);
    let out = list_instances(&sandbox, &["--profile", "vault"]).await;
    assert_eq!(out.code, Some(253), "{out:?}");
    let line = out.error_line();
    assert!(
        line.starts_with("ListInstances: the profile's credential_process failed: "),
        "{line}"
    );
    assert!(line.contains("exit status: 1"), "{line}");
    assert!(line.contains("the vault is sealed"), "{line}");
    assert!(
        line.ends_with("; fix the command, or run it by hand to see why"),
        "{line}"
    );
}

#[tokio::test]
async fn an_sso_profile_never_logged_in_says_aws_sso_login() {
    let sandbox = Sandbox::new();
    sandbox.write(".aws/config", SSO_CONFIG);
    let out = list_instances(&sandbox, &["--profile", "corp"]).await;
    assert_eq!(out.code, Some(253), "{out:?}");
    assert_eq!(
        out.error_line(),
        "ListInstances: there is no SSO session for this profile (no cached token); \
         run `aws sso login --profile corp` and try again"
    );
}

#[tokio::test]
async fn an_expired_sso_session_says_aws_sso_login() {
    let sandbox = Sandbox::new();
    sandbox.write(".aws/config", SSO_CONFIG);
    sandbox.write(
        ADMIN_SESSION_CACHE,
        r#"{"accessToken": "expired-token", "expiresAt": "2020-01-01T00:00:00Z",
            "region": "us-west-2", "startUrl": "https://127.0.0.1:1/start"}"#,
    );
    // Selected through the environment this time, as `AWS_PROFILE=corp aws ...` would.
    let mock = connect_tui::mock::start(MockConfig::demo()).await.unwrap();
    let url = mock.endpoint_url();
    let out = sandbox
        .run(
            &["list-instances", "--endpoint-url", &url],
            &[("AWS_PROFILE", "corp")],
        )
        .await;
    assert_eq!(out.code, Some(253), "{out:?}");
    assert_eq!(
        out.error_line(),
        "ListInstances: the SSO session has expired; run `aws sso login --profile corp` and try again"
    );
}
