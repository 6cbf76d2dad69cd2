//! The built-in demo data set, embedded in the binary (`assets/demo.json`).

/// The demo data file's text.
pub const DEMO_JSON: &str = include_str!("../../assets/demo.json");

/// How the demo set is named in error messages.
pub const DEMO_ORIGIN: &str = "built-in demo data (assets/demo.json)";
