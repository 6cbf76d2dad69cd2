//! HTTPS with a self-signed certificate: refused by default with a message that says why,
//! accepted with `--ca-bundle` (flag, `AWS_CA_BUNDLE`, profile) or `--no-verify-ssl`.

use std::time::Duration;

use connect_tui::connect::{ClientOptions, ConnectClient, ErrorKind, RateLimit};

use super::support::{KEYS, Sandbox, tls_endpoint};

const UNTRUSTED: &str = "TLS: the certificate of 127.0.0.1 is not trusted (unknown issuer); \
                         pass --ca-bundle FILE or check the endpoint";

fn options(url: &str) -> ClientOptions {
    ClientOptions {
        endpoint_url: Some(url.to_string()),
        demo: true,
        connect_timeout: Some(Duration::from_secs(5)),
        read_timeout: Some(Duration::from_secs(5)),
        rate_limit: Some(RateLimit::parse("1000").unwrap()),
        ..ClientOptions::default()
    }
}

#[tokio::test]
async fn sdk_client_refuses_an_untrusted_certificate_and_says_why() {
    let endpoint = tls_endpoint(&["127.0.0.1"]).await;
    let client = ConnectClient::new(&options(&endpoint.url)).await.unwrap();
    let err = client.list_instances_page(None, None).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Tls, "{err:?}");
    assert_eq!(err.human(), format!("ListInstances: {UNTRUSTED}"));
}

#[tokio::test]
async fn sdk_client_trusts_exactly_the_ca_bundle() {
    let endpoint = tls_endpoint(&["127.0.0.1"]).await;
    let sandbox = Sandbox::new();
    let bundle = sandbox.write("ca.pem", &endpoint.cert_pem);
    let client = ConnectClient::new(&ClientOptions {
        ca_bundle: Some(bundle),
        ..options(&endpoint.url)
    })
    .await
    .unwrap();
    let page = client.list_instances_page(None, None).await.unwrap();
    assert!(!page.items.is_empty(), "{page:?}");

    // Another self-signed certificate in the bundle: the endpoint's is not trusted.
    let other = tls_endpoint(&["127.0.0.1"]).await;
    let client = ConnectClient::new(&ClientOptions {
        ca_bundle: Some(sandbox.write("other.pem", &other.cert_pem)),
        ..options(&endpoint.url)
    })
    .await
    .unwrap();
    let err = client.list_instances_page(None, None).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Tls, "{err:?}");
}

#[tokio::test]
async fn sdk_client_names_a_certificate_for_another_host() {
    let endpoint = tls_endpoint(&["localhost"]).await;
    let sandbox = Sandbox::new();
    let client = ConnectClient::new(&ClientOptions {
        ca_bundle: Some(sandbox.write("ca.pem", &endpoint.cert_pem)),
        ..options(&endpoint.url)
    })
    .await
    .unwrap();
    let err = client.list_instances_page(None, None).await.unwrap_err();
    assert_eq!(
        err.human(),
        "ListInstances: TLS: the certificate of 127.0.0.1 is issued for another name; \
         pass --ca-bundle FILE or check the endpoint"
    );
}

#[tokio::test]
async fn sdk_client_without_verification_accepts_any_certificate() {
    let endpoint = tls_endpoint(&["localhost"]).await;
    let client = ConnectClient::new(&ClientOptions {
        no_verify_ssl: true,
        ..options(&endpoint.url)
    })
    .await
    .unwrap();
    let page = client.list_instances_page(None, None).await.unwrap();
    assert!(!page.items.is_empty(), "{page:?}");
}

#[tokio::test]
async fn a_ca_bundle_that_is_missing_or_not_pem_is_a_config_error() {
    let sandbox = Sandbox::new();
    let missing = sandbox.path("missing.pem");
    let not_pem = sandbox.write("not.pem", "hello\n");
    for (path, why) in [
        (missing, "cannot read the CA bundle"),
        (not_pem, "holds no PEM"),
    ] {
        let err = ConnectClient::new(&ClientOptions {
            ca_bundle: Some(path),
            ..options("https://127.0.0.1:1")
        })
        .await
        .unwrap_err();
        assert_eq!(err.kind, ErrorKind::Config, "{err:?}");
        assert!(err.human().contains(why), "{}", err.human());
    }
}

const LIST: &[&str] = &["list-instances", "--output", "json"];

fn with_endpoint<'a>(url: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = LIST.to_vec();
    args.extend(["--endpoint-url", url]);
    args.extend(extra);
    args
}

#[tokio::test]
async fn binary_refuses_an_untrusted_certificate_with_one_line_and_255() {
    let endpoint = tls_endpoint(&["127.0.0.1"]).await;
    let out = Sandbox::new()
        .run(&with_endpoint(&endpoint.url, &[]), KEYS)
        .await;
    assert_eq!(out.code, Some(255), "{out:?}");
    assert_eq!(out.error_line(), format!("ListInstances: {UNTRUSTED}"));
}

#[tokio::test]
async fn binary_trusts_the_ca_bundle_from_flag_environment_or_profile() {
    let endpoint = tls_endpoint(&["127.0.0.1"]).await;
    let sandbox = Sandbox::new();
    let bundle = sandbox.write("ca.pem", &endpoint.cert_pem);
    let bundle = bundle.to_str().unwrap();

    let flag = sandbox
        .run(
            &with_endpoint(&endpoint.url, &["--ca-bundle", bundle]),
            KEYS,
        )
        .await;
    let mut env = KEYS.to_vec();
    env.push(("AWS_CA_BUNDLE", bundle));
    let environment = sandbox.run(&with_endpoint(&endpoint.url, &[]), &env).await;
    sandbox.write(".aws/config", &format!("[default]\nca_bundle = {bundle}\n"));
    let profile = sandbox.run(&with_endpoint(&endpoint.url, &[]), KEYS).await;

    for out in [flag, environment, profile] {
        assert_eq!(out.code, Some(0), "{out:?}");
        assert!(out.stdout.contains("\"InstanceSummaryList\""), "{out:?}");
        assert!(out.stderr.is_empty(), "{out:?}");
    }
}

#[tokio::test]
async fn binary_without_verification_works_and_warns() {
    let endpoint = tls_endpoint(&["localhost"]).await;
    let out = Sandbox::new()
        .run(&with_endpoint(&endpoint.url, &["--no-verify-ssl"]), KEYS)
        .await;
    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(out.stdout.contains("\"InstanceSummaryList\""), "{out:?}");
    assert_eq!(
        out.stderr.trim_end(),
        connect_tui::connect::NO_VERIFY_WARNING,
        "{out:?}"
    );
}

#[tokio::test]
async fn binary_reports_an_unusable_ca_bundle_as_a_config_error() {
    let sandbox = Sandbox::new();
    let not_pem = sandbox.write("not.pem", "-----BEGIN CERTIFICATE-----\n!!!\n");
    let missing = sandbox.path("missing.pem");
    for bundle in [not_pem, missing] {
        let out = sandbox
            .run(
                &with_endpoint(
                    "https://127.0.0.1:1",
                    &["--ca-bundle", bundle.to_str().unwrap()],
                ),
                KEYS,
            )
            .await;
        assert_eq!(out.code, Some(253), "{out:?}");
        assert!(out.error_line().contains("CA bundle"), "{out:?}");
    }
}

#[tokio::test]
async fn browser_warns_before_it_starts_the_ui() {
    // No terminal here, so the browser stops right after the warning; the warning must come
    // first, before anything the UI would hide behind the alternate screen.
    let out = Sandbox::new()
        .run(&["--demo", "--no-verify-ssl"], &[])
        .await;
    let first = out.stderr.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        format!("connect-tui: {}", connect_tui::connect::NO_VERIFY_WARNING),
        "{out:?}"
    );
}

#[tokio::test]
async fn sdk_client_without_verification_keeps_the_read_timeout() {
    // The unverified client is this project's own connector: it must time out like the SDK's.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let _silent = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let client = ConnectClient::new(&ClientOptions {
        no_verify_ssl: true,
        read_timeout: Some(Duration::from_millis(200)),
        ..options(&url)
    })
    .await
    .unwrap();
    // Five attempts of 200 ms plus back-off; a connector ignoring the timeout would hang.
    let err = tokio::time::timeout(
        Duration::from_secs(30),
        client.list_instances_page(None, None),
    )
    .await
    .expect("the read timeout fired")
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Timeout, "{err:?}");
}
