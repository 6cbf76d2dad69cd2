//! The interactive browser's runtime: terminal setup and restore, the panic hook, and the
//! terminal's side of the event loop — keyboard/mouse/resize events, drawing, the clipboard —
//! around the shared [`Driver`] (update, worker answers, timers).
//!
//! Entry point: [`run`]. Everything it draws comes from `ui::draw(&app)`; everything that
//! changes state goes through `App::update`; network work runs in the worker.

use std::io::{self, Stdout, Write};
use std::panic::PanicHookInfo;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::ThreadId;

use crossterm::event::{
    DisableFocusChange, DisableMouseCapture, EnableFocusChange, EnableMouseCapture, Event,
    EventStream,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use futures::StreamExt;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{AppConfig, ColorOverrides, Drawn, Msg, ThemeName, Zone};
use crate::cli::ClipboardMode;
use crate::clipboard::{Clipboard, CopyOutcome, Session};
use crate::connect::{ApiError, ConnectClient, parse_instance_id};
use crate::event_loop::{Copier, Driver, Flow};
use crate::keys::{self, KeyMap};
use crate::ui;

/// Options of the interactive browser (from the command line).
#[derive(Clone, Debug, Default)]
pub struct TuiOptions {
    /// `--instance-id`: an instance ID or ARN to open directly.
    pub instance_id: Option<String>,
    /// `--clipboard`.
    pub clipboard: ClipboardMode,
    /// `--demo` (the status bar says so).
    pub demo: bool,
    /// `--theme` (or the environment's, the config file's; `mono` under `NO_COLOR`).
    pub theme: ThemeName,
    /// `--export-dir` (`None`: the current directory).
    pub export_dir: Option<std::path::PathBuf>,
    /// `--all-regions`.
    pub all_regions: bool,
    /// `NO_COLOR` is set (the theme is then mono, and `:theme` keeps it so).
    pub no_color: bool,
    /// The AWS profiles, for `:profile`'s completion.
    pub profiles: Vec<String>,
    /// `--live-interval` (`None`: 0, off).
    pub live_interval: Option<std::time::Duration>,
    /// The config file's `[colors]`.
    pub colors: ColorOverrides,
    /// The config file's `[table]`.
    pub columns: Vec<crate::app::table::Column>,
    pub sort: Option<crate::app::table::Sort>,
    /// The key table with the config file's `[keys]` applied.
    pub keys: KeyMap,
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
        export_dir: crate::export_file::resolve_dir(options.export_dir.as_deref()),
        theme: options.theme,
        all_regions: options.all_regions,
        no_color: options.no_color,
        profiles: options.profiles,
        history: crate::history::load(&crate::history::path()),
        colors: options.colors,
        columns: options.columns,
        sort: options.sort,
        live_interval: options.live_interval,
    };
    let mut clipboard = Clipboard::new(options.clipboard, Session::from_env());
    install_panic_hook();
    let result = {
        let mut terminal = TerminalGuard::enter()?;
        event_loop(
            &mut terminal.terminal,
            client,
            config,
            &options.keys,
            &mut clipboard,
        )
        .await
    };
    drop(clipboard);
    result.map_err(TuiError::from)
}

type Term = Terminal<CrosstermBackend<Stdout>>;

async fn event_loop(
    terminal: &mut Term,
    client: ConnectClient,
    config: AppConfig,
    keymap: &KeyMap,
    clipboard: &mut Clipboard,
) -> io::Result<()> {
    let size = terminal.size()?;
    let size = (size.width, size.height);
    let (mut driver, flow) = Driver::start(client, config, size, &mut copier(clipboard, terminal));
    if flow == Flow::Quit {
        return Ok(());
    }
    driver.keep_history(crate::history::path());
    let mut events = EventStream::new();
    let mut terminate = termination();
    let panic_on_first_key = test_panic_requested();
    // Drawn after every message, and only then: ignored events (mouse motion) draw nothing.
    let mut dirty = true;
    loop {
        if dirty {
            let mut drawn = Drawn::default();
            terminal.draw(|frame| drawn = ui::draw(frame, &driver.app, keymap))?;
            dirty = false;
            if driver.drawn(drawn, &mut copier(clipboard, terminal)) == Flow::Quit {
                return Ok(());
            }
        }
        let incoming = tokio::select! {
            event = events.next() => Incoming::Terminal(event),
            msg = driver.next() => Incoming::Msg(msg),
            () = &mut terminate => return Ok(()),
        };
        let first = match incoming {
            Incoming::Msg(msg) => msg,
            Incoming::Terminal(Some(Ok(Event::Key(_)))) if panic_on_first_key => {
                panic!("{TEST_PANIC_VAR} is set: panicking on the first key, as asked")
            }
            Incoming::Terminal(Some(Ok(event))) => {
                match keys::to_msg(keymap, &event, driver.app.mode()) {
                    Some(msg) => msg,
                    // Mouse motion, focus changes...: nothing to redraw.
                    None => continue,
                }
            }
            Incoming::Terminal(Some(Err(error))) => return Err(error),
            Incoming::Terminal(None) => return Ok(()),
        };
        dirty = true;
        if driver.apply(first, &mut copier(clipboard, terminal)) == Flow::Quit {
            return Ok(());
        }
    }
}

/// What woke the loop.
enum Incoming {
    Terminal(Option<io::Result<Event>>),
    Msg(Msg),
}

/// The browser's clipboard, writing OSC 52 into the terminal it draws on.
struct TerminalCopier<'a> {
    clipboard: &'a mut Clipboard,
    terminal: &'a mut Term,
}

impl Copier for TerminalCopier<'_> {
    fn copy(&mut self, text: &str) -> CopyOutcome {
        self.clipboard.copy(text, self.terminal.backend_mut())
    }
}

fn copier<'a>(clipboard: &'a mut Clipboard, terminal: &'a mut Term) -> TerminalCopier<'a> {
    TerminalCopier {
        clipboard,
        terminal,
    }
}

/// Set to `1`, the browser panics on the first key press, on the UI thread. It exists only
/// so the end-to-end test (`tests/it/tui_pty.rs`) can prove that a panic restores the terminal
/// and names the log file; there is no other way to make the real binary panic on purpose.
const TEST_PANIC_VAR: &str = "CONNECT_TUI_TEST_PANIC";

fn test_panic_requested() -> bool {
    std::env::var_os(TEST_PANIC_VAR).is_some_and(|v| v == "1")
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
        let setup = execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableFocusChange
        )
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
            DisableFocusChange,
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
