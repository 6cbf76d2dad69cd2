//! How the HTTPS client trusts the endpoint, as the AWS CLI does it: the system's roots by
//! default; `--ca-bundle FILE` (or `AWS_CA_BUNDLE`, or the profile's `ca_bundle`) trusts
//! exactly the PEM certificates in that file; `--no-verify-ssl` does not verify the
//! endpoint's certificate at all. The choice applies to every client aws-config builds
//! (Connect, and the SSO / STS calls behind the credentials), like the CLI's session setting.
//!
//! A CA bundle goes through the SDK's own HTTP client with a custom trust store (the
//! supported route: pooling, timeouts and error classification stay the SDK's). Skipping
//! verification has no switch in aws-smithy-http-client, so it gets a small connector of its
//! own: hyper-util's client over hyper-rustls, with a rustls verifier that accepts any
//! certificate (handshake signatures are still checked).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aws_smithy_http_client::tls::{self, TlsContext, TrustStore, rustls_provider::CryptoMode};
use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpClient,
    SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector as TcpConnector;
use hyper_util::rt::TokioExecutor;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::{DigitallySignedStruct, SignatureScheme};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName, UnixTime};

use super::{ApiError, ErrorKind};

/// Which certificates the endpoint's must chain to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum TlsTrust {
    /// The system's trusted roots (the SDK's default client).
    #[default]
    System,
    /// Exactly the certificates in this PEM file.
    CaBundle(PathBuf),
    /// Any certificate: `--no-verify-ssl`.
    NoVerify,
}

/// The warning printed on every run with `--no-verify-ssl` (on stderr, before any output).
pub const NO_VERIFY_WARNING: &str = "warning: --no-verify-ssl: TLS certificates of the endpoint \
     are not verified; responses could come from anyone on the network path.";

/// The HTTP client for `trust`, or `None` for the SDK's default one. A CA bundle that cannot
/// be read, or holds no valid PEM certificate, is a configuration error.
pub fn http_client(trust: &TlsTrust) -> Result<Option<SharedHttpClient>, ApiError> {
    match trust {
        TlsTrust::System => Ok(None),
        TlsTrust::CaBundle(path) => {
            let pem = read_ca_bundle(path)?;
            let context = TlsContext::builder()
                .with_trust_store(TrustStore::empty().with_pem_certificate(pem))
                .build()
                .map_err(|e| config_error(format!("the CA bundle cannot be used: {e}")))?;
            Ok(Some(
                aws_smithy_http_client::Builder::new()
                    .tls_provider(tls::Provider::Rustls(CryptoMode::AwsLc))
                    .tls_context(context)
                    .build_https(),
            ))
        }
        TlsTrust::NoVerify => Ok(Some(SharedHttpClient::new(UnverifiedClient::new()?))),
    }
}

/// The bundle's bytes, once every certificate in it is known to parse: the SDK's client
/// parses them again later and would panic on a bad one.
fn read_ca_bundle(path: &Path) -> Result<Vec<u8>, ApiError> {
    let shown = path.display();
    let pem = std::fs::read(path)
        .map_err(|e| config_error(format!("cannot read the CA bundle {shown}: {e}")))?;
    let certificates = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| config_error(format!("the CA bundle {shown} is not valid PEM: {e}")))?;
    if certificates.is_empty() {
        return Err(config_error(format!(
            "the CA bundle {shown} holds no PEM certificate (-----BEGIN CERTIFICATE-----)"
        )));
    }
    let mut roots = rustls::RootCertStore::empty();
    for (index, certificate) in certificates.into_iter().enumerate() {
        roots.add(certificate).map_err(|e| {
            config_error(format!(
                "certificate {} in the CA bundle {shown} is not usable: {e}",
                index + 1
            ))
        })?;
    }
    Ok(pem)
}

fn config_error(message: String) -> ApiError {
    ApiError::new(ErrorKind::Config, "", message)
}

/// Connect and read timeouts: what distinguishes one connector from another.
type Timeouts = (Option<Duration>, Option<Duration>);

/// An HTTPS client that does not verify certificates; one connector per timeout setting
/// (aws-config asks for one per client), each with its own connection pool.
#[derive(Debug)]
struct UnverifiedClient {
    tls: rustls::ClientConfig,
    connectors: Mutex<HashMap<Timeouts, SharedHttpConnector>>,
}

impl UnverifiedClient {
    fn new() -> Result<Self, ApiError> {
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let tls = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| config_error(format!("TLS setup failed: {e}")))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate(provider)))
            .with_no_client_auth();
        Ok(UnverifiedClient {
            tls,
            connectors: Mutex::default(),
        })
    }
}

impl HttpClient for UnverifiedClient {
    fn http_connector(
        &self,
        settings: &HttpConnectorSettings,
        _components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        let key: Timeouts = (settings.connect_timeout(), settings.read_timeout());
        // A poisoned lock only means another thread panicked mid-insert; the map is intact.
        let mut connectors = self
            .connectors
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        connectors
            .entry(key)
            .or_insert_with(|| {
                SharedHttpConnector::new(UnverifiedConnector::new(self.tls.clone(), key.0, key.1))
            })
            .clone()
    }
}

#[derive(Debug, Clone)]
struct UnverifiedConnector {
    client: Client<HttpsConnector<TcpConnector>, SdkBody>,
    read_timeout: Option<Duration>,
}

impl UnverifiedConnector {
    fn new(
        tls: rustls::ClientConfig,
        connect_timeout: Option<Duration>,
        read_timeout: Option<Duration>,
    ) -> Self {
        let mut tcp = TcpConnector::new();
        tcp.enforce_http(false);
        tcp.set_connect_timeout(connect_timeout);
        tcp.set_nodelay(true);
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(tcp);
        UnverifiedConnector {
            client: Client::builder(TokioExecutor::new()).build(https),
            read_timeout,
        }
    }
}

impl HttpConnector for UnverifiedConnector {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let client = self.client.clone();
        let read_timeout = self.read_timeout;
        HttpConnectorFuture::new(async move {
            let request = request
                .try_into_http1x()
                .map_err(|e| ConnectorError::user(e.into()))?;
            let sending = client.request(request);
            let response = match read_timeout {
                Some(limit) => tokio::time::timeout(limit, sending).await.map_err(|_| {
                    ConnectorError::timeout(format!("no response within {limit:?}").into())
                })?,
                None => sending.await,
            }
            .map_err(classify)?;
            HttpResponse::try_from(response.map(SdkBody::from_body_1_x))
                .map_err(|e| ConnectorError::other(e.into(), None))
        })
    }
}

/// The SDK retries I/O errors and timeouts; everything else (a refused certificate cannot be
/// one here, but a protocol error can) is final.
fn classify(err: hyper_util::client::legacy::Error) -> ConnectorError {
    let io_kind = {
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&err);
        let mut found = None;
        while let Some(e) = source {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                found = Some(io.kind());
                break;
            }
            source = e.source();
        }
        found
    };
    match io_kind {
        Some(std::io::ErrorKind::TimedOut) => ConnectorError::timeout(err.into()),
        Some(_) => ConnectorError::io(err.into()),
        None if err.is_connect() => ConnectorError::io(err.into()),
        None => ConnectorError::other(err.into(), None),
    }
}

/// Accepts every server certificate; the handshake's signatures are still verified with the
/// provider's algorithms, so the session is encrypted to whoever holds the presented key.
#[derive(Debug)]
struct AcceptAnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    fn message(result: Result<Option<SharedHttpClient>, ApiError>) -> String {
        let err = result.map(|_| ()).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Config);
        err.message
    }

    #[test]
    fn a_missing_bundle_is_a_config_error() {
        let trust = TlsTrust::CaBundle("/nonexistent/ca.pem".into());
        let msg = message(http_client(&trust));
        assert!(
            msg.starts_with("cannot read the CA bundle /nonexistent/ca.pem"),
            "{msg}"
        );
    }

    #[test]
    fn a_bundle_without_certificates_is_a_config_error() {
        let (_dir, path) = bundle("just some text\n");
        let msg = message(http_client(&TlsTrust::CaBundle(path)));
        assert!(msg.contains("holds no PEM certificate"), "{msg}");
    }

    #[test]
    fn a_bundle_with_a_broken_certificate_is_a_config_error() {
        // Valid base64 inside the armour, but not a certificate.
        let (_dir, path) =
            bundle("-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n");
        let msg = message(http_client(&TlsTrust::CaBundle(path)));
        assert!(msg.contains("certificate 1 in the CA bundle"), "{msg}");
    }

    #[test]
    fn system_trust_keeps_the_sdk_default_client() {
        assert!(http_client(&TlsTrust::System).unwrap().is_none());
        assert!(http_client(&TlsTrust::NoVerify).unwrap().is_some());
    }
}
