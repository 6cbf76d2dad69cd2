//! connect-tui: a terminal UI and scriptable commands for browsing Amazon Connect users.
//! See DESIGN.md in the shared folder and README.md for the map.

pub mod app;
pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod config;
pub mod connect;
pub mod event_loop;
pub mod export_file;
pub mod history;
pub mod keys;
pub mod logging;
pub mod mock;
pub mod model;
pub mod output;
pub mod sanitize;
pub mod shell;
pub mod tui;
pub mod ui;
pub mod worker;
