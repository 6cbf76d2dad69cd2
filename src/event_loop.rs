//! The one event loop, shared by the terminal UI (`tui.rs`) and by the headless harness of
//! the tests and benches: `App::update`, the worker that runs its calls, the channel that
//! brings answers back, and the app's own timer. The terminal adds only what it owns — key
//! and mouse events, drawing, the clipboard — so a test of request economy measures the
//! real loop, not a copy of it.

use std::path::PathBuf;
use std::time::Instant;

use tokio::sync::mpsc::{self, UnboundedReceiver};

use crate::app::{App, AppConfig, Cmd, Drawn, Msg};
use crate::clipboard::CopyOutcome;
use crate::connect::ConnectClient;
use crate::worker::Worker;

/// Where [`Cmd::Copy`] goes: the terminal UI's clipboard (which may write OSC 52 into the
/// terminal), or nowhere in a headless run.
pub trait Copier {
    fn copy(&mut self, text: &str) -> CopyOutcome;
}

/// Headless runs have no clipboard: copies report that the clipboard is off.
pub struct NoClipboard;

impl Copier for NoClipboard {
    fn copy(&mut self, _text: &str) -> CopyOutcome {
        CopyOutcome::Disabled
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

pub struct Driver {
    pub app: App,
    worker: Worker,
    inbox: UnboundedReceiver<Msg>,
    /// Where `:` commands are kept across runs (the terminal UI's; none headless).
    history: Option<PathBuf>,
}

impl Driver {
    /// The app started at `size`, its first calls sent. Call inside a tokio runtime.
    pub fn start(
        client: ConnectClient,
        config: AppConfig,
        size: (u16, u16),
        copier: &mut dyn Copier,
    ) -> (Driver, Flow) {
        let (answers, inbox) = mpsc::unbounded_channel();
        let (app, first) = App::new(config, size, Instant::now());
        let mut driver = Driver {
            app,
            worker: Worker::new(client, answers),
            inbox,
            history: None,
        };
        let flow = driver.perform(first, copier);
        (driver, flow)
    }

    /// Keeps the `:` commands run from now on in the file at `path`.
    pub fn keep_history(&mut self, path: PathBuf) {
        self.history = Some(path);
    }

    /// Waits for the next answer from the worker, or for the app's next timer
    /// ([`App::next_wakeup`]) as [`Msg::Tick`]. With nothing loading and no timer due it
    /// waits without waking the process: no periodic tick.
    pub async fn next(&mut self) -> Msg {
        let wakeup = self.app.next_wakeup();
        let timer = async move {
            match wakeup {
                Some(at) => tokio::time::sleep_until(at.into()).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            // The worker holds a sender as long as the driver lives: never closed here.
            Some(msg) = self.inbox.recv() => msg,
            msg = self.worker.next_client() => msg,
            () = timer => Msg::Tick,
        }
    }

    /// Applies `first` and every answer already waiting (one frame for a burst of pages,
    /// not one each), performing their effects; stops at the first quit.
    pub fn apply(&mut self, first: Msg, copier: &mut dyn Copier) -> Flow {
        let mut batch = vec![first];
        while let Ok(msg) = self.inbox.try_recv() {
            batch.push(msg);
        }
        for msg in batch {
            let cmds = self.app.update(msg, Instant::now());
            if self.perform(cmds, copier) == Flow::Quit {
                return Flow::Quit;
            }
        }
        Flow::Continue
    }

    /// Hands what a frame measured back to the app.
    pub fn drawn(&mut self, drawn: Drawn, copier: &mut dyn Copier) -> Flow {
        let cmds = self.app.update(Msg::Drawn(drawn), Instant::now());
        self.perform(cmds, copier)
    }

    /// Runs the effects of one update: calls go to the worker, copies to `copier`, whose
    /// outcome is one more message.
    fn perform(&mut self, cmds: Vec<Cmd>, copier: &mut dyn Copier) -> Flow {
        let mut queue = std::collections::VecDeque::from(cmds);
        while let Some(cmd) = queue.pop_front() {
            match cmd {
                Cmd::Request(call) => self.worker.spawn(call),
                Cmd::Connect {
                    profile,
                    region,
                    generation,
                } => self.worker.connect(profile, region, generation),
                Cmd::Copy { what, text } => {
                    let outcome = copier.copy(&text);
                    queue.extend(
                        self.app
                            .update(Msg::Copied { what, outcome }, Instant::now()),
                    );
                }
                Cmd::Export {
                    dir,
                    alias,
                    csv,
                    rows,
                } => {
                    let result = crate::export_file::write(&dir, &alias, &csv, chrono::Utc::now())
                        .map(|path| (path, rows));
                    queue.extend(self.app.update(Msg::Exported { result }, Instant::now()));
                }
                Cmd::Remember(command) => {
                    if let Some(path) = self.history.clone() {
                        // A small append, off the UI thread; a failure only loses history.
                        tokio::task::spawn_blocking(move || {
                            if let Err(e) = crate::history::append(&path, &command) {
                                tracing::warn!("history {}: {e}", path.display());
                            }
                        });
                    }
                }
                Cmd::Quit => return Flow::Quit,
            }
        }
        Flow::Continue
    }
}
