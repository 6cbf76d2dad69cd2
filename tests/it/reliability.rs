//! Reliability and security guarantees, each checked on the real binary against the local
//! endpoint (`connect-tui mock-server`): faults injected by the server, hostile data, a matrix
//! of bad input, and the read-only and no-secrets guarantees. Every mock started here writes a
//! request log, and every operation in it must be on the read-only allowlist (see
//! `support::Mock`), so each test doubles as a read-only check.

use crate::common::mock_process;
use crate::common::pty as pty_harness;
#[path = "reliability/support.rs"]
mod support;

#[path = "reliability/bad_input.rs"]
mod bad_input;
#[path = "reliability/faults.rs"]
mod faults;
#[path = "reliability/hostile_data.rs"]
mod hostile_data;
#[path = "reliability/pty.rs"]
mod pty;
#[path = "reliability/security.rs"]
mod security;
