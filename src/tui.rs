//! The interactive browser's runtime: terminal setup and restore, the panic hook, and the
//! event loop that joins keyboard/mouse/resize events, worker answers and timers.
//!
//! Entry point: [`run`]. Everything it draws comes from `ui::draw(&app)`; everything that
//! changes state goes through `App::update`; network work runs in the [`Worker`].

use std::collections::VecDeque;
use std::io::{self, Stdout, Write};
use std::panic::PanicHookInfo;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::ThreadId;
use std::time::Instant;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, EventStream};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use futures::StreamExt;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use tokio::sync::mpsc;

use crate::app::{App, AppConfig, Cmd, Msg, Zone};
use crate::cli::ClipboardMode;
use crate::clipboard::{Clipboard, Session};
use crate::connect::{ApiError, ConnectClient, parse_instance_id};
use crate::worker::Worker;
use crate::{keys, ui};

/// Options of the interactive browser (from the command line).
#[derive(Clone, Debug, Default)]
pub struct TuiOptions {
    /// `--instance-id`: an instance ID or ARN to open directly.
    pub instance_id: Option<String>,
    /// `--clipboard`.
    pub clipboard: ClipboardMode,
    /// `--demo` (the status bar says so).
    pub demo: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    /// `--instance-id` is neither an instance ID nor an instance ARN.
    #[error(transparent)]
    InvalidInstance(ApiError),
    /// The terminal could not be set up, read or written.
    #[error("terminal error: {0}")]
    Terminal(#[from] io::Error),
}

/// Runs the interactive browser until the user quits.
///
/// Sets up the terminal (raw mode, alternate screen, mouse), installs a panic hook that
/// restores it, and always restores it before returning — on quit, Ctrl-C, SIGTERM/SIGHUP,
/// or error. Requests still in flight are abandoned, not awaited. The native clipboard is
/// dropped last, after the terminal is restored, so arboard can hand copied text over to the
/// clipboard manager.
pub async fn run(client: ConnectClient, options: TuiOptions) -> Result<(), TuiError> {
    let instance_id = options
        .instance_id
        .as_deref()
        .map(parse_instance_id)
        .transpose()
        .map_err(TuiError::InvalidInstance)?;
    let config = AppConfig {
        profile: client.profile.clone(),
        demo: options.demo,
        region: client.region.clone(),
        instance_id,
        zone: Zone::Local,
    };
    let mut clipboard = Clipboard::new(options.clipboard, Session::from_env());
    install_panic_hook();
    let result = {
        let mut terminal = TerminalGuard::enter()?;
        event_loop(&mut terminal.terminal, client, config, &mut clipboard).await
    };
    drop(clipboard);
    result.map_err(TuiError::from)
}

type Term = Terminal<CrosstermBackend<Stdout>>;

async fn event_loop(
    terminal: &mut Term,
    client: ConnectClient,
    config: AppConfig,
    clipboard: &mut Clipboard,
) -> io::Result<()> {
    let (answers, mut inbox) = mpsc::unbounded_channel();
    let mut worker = Worker::new(client, answers);
    let size = terminal.size()?;
    let (mut app, first) = App::new(config, (size.width, size.height), Instant::now());
    if perform(first, &mut app, &mut worker, clipboard, terminal) == Flow::Quit {
        return Ok(());
    }
    let mut events = EventStream::new();
    let mut terminate = termination();
    let panic_on_first_key = test_panic_requested();
    // Drawn after every message, and only then: ignored events (mouse motion) draw nothing.
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|frame| ui::draw(frame, &app))?;
            dirty = false;
        }
        let wakeup = app.next_wakeup();
        let timer = async move {
            match wakeup {
                Some(at) => tokio::time::sleep_until(at.into()).await,
                None => std::future::pending().await,
            }
        };
        let first = tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(_))) if panic_on_first_key => {
                    panic!("{TEST_PANIC_VAR} is set: panicking on the first key, as asked")
                }
                Some(Ok(event)) => match keys::to_msg(&event, app.mode()) {
                    Some(msg) => msg,
                    // Mouse motion, focus changes...: nothing to redraw.
                    None => continue,
                },
                Some(Err(error)) => return Err(error),
                None => return Ok(()),
            },
            Some(msg) = inbox.recv() => msg,
            () = timer => Msg::Tick,
            () = &mut terminate => return Ok(()),
        };
        dirty = true;
        // Answers that are already waiting are applied before the next frame (one redraw
        // for a burst of pages, not one each).
        let mut batch = vec![first];
        while let Ok(msg) = inbox.try_recv() {
            batch.push(msg);
        }
        for msg in batch {
            let cmds = app.update(msg, Instant::now());
            if perform(cmds, &mut app, &mut worker, clipboard, terminal) == Flow::Quit {
                return Ok(());
            }
        }
    }
}

/// Set to `1`, the browser panics on the first key press, on the UI thread. It exists only
/// so the end-to-end test (`tests/tui_pty.rs`) can prove that a panic restores the terminal
/// and names the log file; there is no other way to make the real binary panic on purpose.
const TEST_PANIC_VAR: &str = "CONNECT_TUI_TEST_PANIC";

fn test_panic_requested() -> bool {
    std::env::var_os(TEST_PANIC_VAR).is_some_and(|v| v == "1")
}

#[derive(PartialEq, Eq)]
enum Flow {
    Continue,
    Quit,
}

/// Runs the effects of one update: requests go to the worker, copies happen here (the loop
/// owns the clipboard and the terminal that OSC 52 is written to).
fn perform(
    cmds: Vec<Cmd>,
    app: &mut App,
    worker: &mut Worker,
    clipboard: &mut Clipboard,
    terminal: &mut Term,
) -> Flow {
    let mut queue: VecDeque<Cmd> = cmds.into();
    while let Some(cmd) = queue.pop_front() {
        match cmd {
            Cmd::Request(request) => worker.spawn(request),
            Cmd::Copy { what, text } => {
                let outcome = clipboard.copy(&text, terminal.backend_mut());
                queue.extend(app.update(Msg::Copied { what, outcome }, Instant::now()));
            }
            Cmd::Quit => return Flow::Quit,
        }
    }
    Flow::Continue
}

/// Resolves when the process is asked to terminate (SIGTERM, SIGHUP). Ctrl-C arrives as a
/// key in raw mode.
fn termination() -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> {
    use tokio::signal::unix::{SignalKind, signal};
    match (
        signal(SignalKind::terminate()),
        signal(SignalKind::hangup()),
    ) {
        (Ok(mut term), Ok(mut hup)) => Box::pin(async move {
            tokio::select! {
                _ = term.recv() => {}
                _ = hup.recv() => {}
            }
        }),
        // Without signal handlers the default action (exit) applies; nothing to wait for.
        _ => Box::pin(std::future::pending()),
    }
}

/// The terminal in TUI mode; restores it when dropped (normal return, error, or unwinding).
struct TerminalGuard {
    terminal: Term,
}

/// True while the terminal is in TUI mode (the panic hook restores it only then).
static TERMINAL_ACTIVE: AtomicBool = AtomicBool::new(false);
/// The thread that owns the terminal: a panic there ends the program; elsewhere it is a
/// worker task, which the worker reports as an error in the pane.
static UI_THREAD: OnceLock<ThreadId> = OnceLock::new();

impl TerminalGuard {
    fn enter() -> io::Result<Self> {
        let _ = UI_THREAD.set(std::thread::current().id());
        enable_raw_mode()?;
        TERMINAL_ACTIVE.store(true, Ordering::SeqCst);
        let setup = execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
            .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        match setup {
            Ok(terminal) => Ok(TerminalGuard { terminal }),
            Err(error) => {
                restore_terminal();
                Err(error)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Raw mode off, mouse off, main screen back, cursor visible. Safe to call twice.
fn restore_terminal() {
    if TERMINAL_ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            io::stdout(),
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
        let _ = io::stdout().flush();
    }
}

fn install_panic_hook() {
    static INSTALLED: OnceLock<()> = OnceLock::new();
    INSTALLED.get_or_init(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let active = TERMINAL_ACTIVE.load(Ordering::SeqCst);
            let on_ui_thread = UI_THREAD.get() == Some(&std::thread::current().id());
            if !active {
                previous(info);
                return;
            }
            let logged = log_panic(info);
            if !on_ui_thread {
                // A worker task: it is caught and shown as an error in the pane that asked.
                return;
            }
            restore_terminal();
            let location = info.location().map(|l| format!(" at {l}")).unwrap_or_default();
            let message = info.payload_as_str().unwrap_or("panic");
            match logged {
                Ok(path) => eprintln!(
                    "connect-tui crashed{location}: {message}\nThe terminal was restored; the log is at {}",
                    path.display()
                ),
                Err(_) => previous(info),
            }
        }));
    });
}

/// Appends the panic and a backtrace to the browser's one log file (the same file
/// `logging::init_file` writes to), so there is a single place to look.
fn log_panic(info: &PanicHookInfo<'_>) -> io::Result<PathBuf> {
    let path = crate::logging::log_file_path();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)?;
    writeln!(
        file,
        "{} connect-tui {} panicked: {info}\n{}",
        chrono::Utc::now().to_rfc3339(),
        env!("CARGO_PKG_VERSION"),
        std::backtrace::Backtrace::force_capture()
    )?;
    Ok(path)
}
