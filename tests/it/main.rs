//! The integration tests, as one test binary: every test binary links the whole AWS SDK for
//! Connect, and linking was most of CI's time. Each module is what was once its own binary.

mod common;

mod api_economy;
mod client_layer;
mod commands_vs_aws_cli;
mod config_file;
mod credentials_and_tls;
mod export_users;
mod mock_server;
mod output_vs_aws_cli;
mod quota;
mod reliability;
mod shell;
mod tui_pty;
