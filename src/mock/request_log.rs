//! `--request-log FILE`: one JSON object per request, appended as it completes, so tests and
//! users can see exactly which operations a client sent: `{"op":"ListUsers","status":200,"ms":1.2}`.
//! `op` is the model's operation name (`Unknown` for a path no operation is bound to), `ms` the
//! server-side time including `--latency-ms`; `"fault"` is added when the response was an
//! injected fault (`internal`, `unavailable`, `throttled`, `connection_closed`,
//! `truncated_json`, `malformed_json`, `wrong_type`) or over the
//! `--throttle` quota (`rate_limit`); status 499 means the client hung up before the answer.
//! `"agent"` is the request's `User-Agent`, when it sent one; `"region"` the region it was
//! signed for (SigV4's credential scope), when it was signed.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;
use std::time::Instant;

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Entry<'a> {
    pub op: &'a str,
    pub status: u16,
    pub ms: f64,
    /// The injected fault, when there was one (`throttled`, `internal`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<&'a str>,
    /// The request's `User-Agent`, so a log of several clients sharing the endpoint tells
    /// them apart (`aws-sdk-rust/…` is connect-tui, `aws-cli/…` the AWS CLI).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<&'a str>,
    /// The region the request was signed for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<&'a str>,
}

/// Who sent a request, as far as its headers tell.
#[derive(Debug, Default, Clone)]
pub struct Caller {
    pub agent: Option<String>,
    pub region: Option<String>,
}

pub struct RequestLog {
    file: Mutex<File>,
}

impl RequestLog {
    pub fn open(path: &Path) -> std::io::Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(RequestLog {
            file: Mutex::new(file),
        })
    }

    /// Appends one line. A failing log must not fail the request, so errors are traced only.
    pub fn write(&self, entry: &Entry) {
        let Ok(mut line) = serde_json::to_vec(entry) else {
            return;
        };
        line.push(b'\n');
        // One write per line under the lock: lines never interleave.
        let result = match self.file.lock() {
            Ok(mut file) => file.write_all(&line),
            Err(_) => return,
        };
        if let Err(e) = result {
            tracing::warn!("request log: {e}");
        }
    }
}

/// A request not yet logged. It is written exactly once: by [`Pending::finish`] with the
/// response's status, or, when the handler is dropped because the client went away, with
/// status 499 (nginx's "client closed request") — so every request's operation is named.
pub struct Pending<'a> {
    log: Option<&'a RequestLog>,
    op: &'static str,
    caller: Caller,
    started: Instant,
    written: bool,
}

impl<'a> Pending<'a> {
    pub fn new(
        log: Option<&'a RequestLog>,
        op: &'static str,
        caller: Caller,
        started: Instant,
    ) -> Self {
        Pending {
            log,
            op,
            caller,
            started,
            written: false,
        }
    }

    pub fn finish(mut self, status: u16, fault: Option<&str>) {
        self.write(status, fault);
    }

    fn write(&mut self, status: u16, fault: Option<&str>) {
        self.written = true;
        if let Some(log) = self.log {
            log.write(&Entry {
                op: self.op,
                status,
                ms: (self.started.elapsed().as_secs_f64() * 10_000.0).round() / 10.0,
                fault,
                agent: self.caller.agent.as_deref(),
                region: self.caller.region.as_deref(),
            });
        }
    }
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        if !self.written {
            self.write(499, None);
        }
    }
}
