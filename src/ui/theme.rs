//! What drawing needs besides the app's [`crate::app::Theme`]: the loading indicator.

/// The loading indicator, one frame per [`crate::app::SPINNER_FRAME`].
pub fn spinner(frame: usize) -> &'static str {
    const FRAMES: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    FRAMES[frame % FRAMES.len()]
}
