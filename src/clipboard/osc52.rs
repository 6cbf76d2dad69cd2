//! The OSC 52 "set clipboard" sequence: `ESC ] 52 ; c ; <base64> BEL`. The terminal emulator
//! on the admin's desk reads it and sets its own clipboard — the one copy method that works
//! over SSH without tmux. It never answers, so a written sequence is all we can know.

use base64::Engine;

use super::outcome::Problem;

/// Largest text sent through OSC 52. Terminals drop longer sequences silently (xterm's and
/// tmux's defaults are around 100 KB of base64), so we refuse up front and say so.
pub const OSC52_MAX_TEXT_BYTES: usize = 74_994;

/// The sequence for `text`; with `passthrough`, wrapped in tmux's DCS passthrough, which tmux
/// (since 3.3) drops unless `allow-passthrough` is on — so only when the user asks for it.
pub fn osc52_sequence(text: &str, passthrough: bool) -> Result<String, Problem> {
    if text.len() > OSC52_MAX_TEXT_BYTES {
        return Err(Problem::TooLongForOsc52 {
            kb: text.len().div_ceil(1024),
        });
    }
    let payload = base64::engine::general_purpose::STANDARD.encode(text);
    let osc = format!("\x1b]52;c;{payload}\x07");
    Ok(if passthrough {
        // DCS tmux; <the sequence with every ESC doubled> ST
        format!("\x1bPtmux;{}\x1b\\", osc.replace('\x1b', "\x1b\x1b"))
    } else {
        osc
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carries_base64_of_the_text() {
        let s = osc52_sequence("0c245dc0", false).unwrap();
        assert_eq!(s, "\x1b]52;c;MGMyNDVkYzA=\x07");
    }

    #[test]
    fn passthrough_wraps_it_for_tmux() {
        let s = osc52_sequence("hi", true).unwrap();
        assert_eq!(s, "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
    }

    #[test]
    fn refuses_oversized_text_with_a_clear_message() {
        let big = "x".repeat(OSC52_MAX_TEXT_BYTES + 1);
        let err = osc52_sequence(&big, false).unwrap_err();
        assert_eq!(err, Problem::TooLongForOsc52 { kb: 74 });
        assert_eq!(err.to_string(), "74 KB is over the OSC 52 limit of 73 KB");
        assert!(osc52_sequence(&big[1..], false).is_ok());
    }
}
