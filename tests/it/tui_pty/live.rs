//! The record's live parts in the real binary (`--demo`, a real pseudo-terminal at 200×50):
//! Jane's live status, the "why not" line and a queue of her routing profile on screen
//! without scrolling; a user on a call shows the contact with its queue.

use super::{INSTANCE, pty::Pty};

fn start() -> Pty {
    Pty::start(
        &["--demo", "--instance-id", INSTANCE, "--clipboard", "off"],
        &[],
        &["TMUX", "SSH_CONNECTION"],
        (50, 200),
    )
}

/// Filters the list to `name` (erasing the `erase` characters of the filter kept before)
/// and keeps the filter, the first match selected. Backspaces, not Esc: a lone Esc followed
/// at once by `/` can reach the program as Alt-/.
fn select(pty: &mut Pty, erase: usize, name: &str) {
    pty.send(&format!("/{}{name}", "\x7f".repeat(erase)));
    pty.wait_for("the filter to match", |screen, _| {
        screen.contains(&format!("/{name}")) && screen.contains(" of ")
    });
    pty.send("\r");
}

#[test]
fn jane_is_available_with_her_queues_and_a_user_on_a_call_shows_the_contact() {
    let mut pty = start();
    pty.wait_for("the users screen", |screen, _| screen.contains("Users ·"));
    select(&mut pty, 0, "Jane");
    pty.wait_for(
        "Jane's live status, why-not line and queues",
        |screen, _| {
            screen.contains("Status      Available for")
                && screen.contains("Available; serves 1 queue on VOICE, CHAT")
                && screen.contains("BasicQueue  VOICE")
        },
    );
    // rpatel is pinned on a voice call from the Billing queue in the demo data.
    select(&mut pty, "Jane".len(), "rpatel");
    pty.wait_for("rpatel's call", |screen, _| {
        screen
            .lines()
            .any(|l| l.contains("VOICE") && l.contains("CONNECTED") && l.contains("Billing"))
            && screen.contains("voice: 0 of 1 slot free (on a call from Billing)")
    });
}
