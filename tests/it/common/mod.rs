//! Helpers shared by several test modules.

pub mod mock_process;
pub mod pty;
pub mod query_corpus;
