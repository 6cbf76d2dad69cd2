//! What a frame measured: content heights that only drawing knows. The loop reports them
//! back after each frame ([`super::Msg::Drawn`]), as television's render task returns its UI
//! state, so `update` bounds scrolling by what is on screen without building render text.

use super::PaneId;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drawn {
    /// The help overlay's largest scroll offset, when help was drawn.
    pub help_max_scroll: u16,
    /// The permissions overlay's largest scroll offset, when it was drawn.
    pub permissions_max_scroll: u16,
    /// Lines of content of each pane drawn, at the width it was drawn at.
    pub pane_lines: Vec<(PaneId, usize)>,
}

impl Drawn {
    pub fn lines_of(&self, pane: PaneId) -> usize {
        self.pane_lines
            .iter()
            .find(|(p, _)| *p == pane)
            .map_or(0, |(_, lines)| *lines)
    }
}
