//! The client layer's TLS and credential handling for real: a self-signed HTTPS endpoint on
//! loopback in front of the mock, and AWS setups whose credentials cannot be had, through the
//! real SDK client (`ConnectClient`) and the real binary (its stderr and exit codes).

mod support {
    use std::path::PathBuf;
    use std::process::Output;
    use std::sync::Arc;
    use std::time::Duration;

    use connect_tui::mock::{MockConfig, MockHandle};
    use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
    use tokio::net::{TcpListener, TcpStream};
    use tokio::task::JoinHandle;
    use tokio_rustls::TlsAcceptor;

    pub const BIN: &str = env!("CARGO_BIN_EXE_connect-tui");
    /// Generous: a command that fails on credentials or TLS does so within seconds.
    const COMMAND_DEADLINE: Duration = Duration::from_secs(60);

    /// The demo mock behind a TLS terminator whose certificate is self-signed for `names`.
    pub struct TlsEndpoint {
        pub url: String,
        pub cert_pem: String,
        _mock: MockHandle,
        proxy: JoinHandle<()>,
    }

    impl Drop for TlsEndpoint {
        fn drop(&mut self) {
            self.proxy.abort();
        }
    }

    pub async fn tls_endpoint(names: &[&str]) -> TlsEndpoint {
        let mock = connect_tui::mock::start(MockConfig::demo()).await.unwrap();
        let backend = mock.addr();
        let certified = rcgen::generate_simple_self_signed(
            names.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
        )
        .unwrap();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
            certified.signing_key.serialize_der(),
        ));
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![certified.cert.der().clone()], key)
            .unwrap();
        let acceptor = TlsAcceptor::from(Arc::new(config));
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let proxy = tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    // A client that refuses the certificate ends the handshake: nothing to do.
                    let Ok(mut tls) = acceptor.accept(socket).await else {
                        return;
                    };
                    if let Ok(mut plain) = TcpStream::connect(backend).await {
                        let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
                    }
                });
            }
        });
        TlsEndpoint {
            url: format!("https://127.0.0.1:{port}"),
            cert_pem: certified.cert.pem(),
            _mock: mock,
            proxy,
        }
    }

    /// A home directory and AWS config files of the test's own; the binary runs with a
    /// cleared environment plus these (and IMDS disabled, so nothing waits on it).
    pub struct Sandbox {
        dir: tempfile::TempDir,
    }

    impl Sandbox {
        pub fn new() -> Self {
            let dir = tempfile::tempdir().unwrap();
            std::fs::create_dir_all(dir.path().join(".aws")).unwrap();
            let sandbox = Sandbox { dir };
            sandbox.write(".aws/config", "");
            sandbox.write(".aws/credentials", "");
            sandbox
        }

        pub fn path(&self, name: &str) -> PathBuf {
            self.dir.path().join(name)
        }

        pub fn write(&self, name: &str, text: &str) -> PathBuf {
            let path = self.path(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            path
        }

        /// Runs the binary with `env` on top of the sandbox's environment.
        pub async fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Outcome {
            let mut command = tokio::process::Command::new(BIN);
            command
                .args(args)
                .env_clear()
                .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                .env("HOME", self.dir.path())
                .env("AWS_CONFIG_FILE", self.path(".aws/config"))
                .env("AWS_SHARED_CREDENTIALS_FILE", self.path(".aws/credentials"))
                .env("AWS_EC2_METADATA_DISABLED", "true")
                .envs(env.iter().copied())
                .kill_on_drop(true);
            let output = tokio::time::timeout(COMMAND_DEADLINE, command.output())
                .await
                .expect("the command finished within the deadline")
                .unwrap();
            Outcome::from(output)
        }
    }

    /// Static keys for runs that should get past credentials.
    pub const KEYS: &[(&str, &str)] = &[
        ("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"),
        (
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        ),
        ("AWS_REGION", "us-west-2"),
    ];

    #[derive(Debug)]
    pub struct Outcome {
        pub code: Option<i32>,
        pub stdout: String,
        pub stderr: String,
    }

    impl From<Output> for Outcome {
        fn from(output: Output) -> Self {
            Outcome {
                code: output.status.code(),
                stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            }
        }
    }

    impl Outcome {
        /// The one line of a failure: the AWS CLI prints an empty line, then the message.
        pub fn error_line(&self) -> &str {
            let lines: Vec<&str> = self.stderr.lines().filter(|l| !l.is_empty()).collect();
            assert_eq!(lines.len(), 1, "one line on stderr: {self:?}");
            assert!(self.stdout.is_empty(), "nothing on stdout: {self:?}");
            lines[0]
        }
    }
}

#[path = "credentials_and_tls/credentials.rs"]
mod credentials;
#[path = "credentials_and_tls/throttling.rs"]
mod throttling;
#[path = "credentials_and_tls/tls.rs"]
mod tls;
