//! Makes strings from the API safe to draw on a terminal.
//!
//! Any string field Amazon Connect returns can hold anything an admin (or an attacker with
//! write access to the instance) typed: escape sequences that recolour the screen, retitle the
//! window or write the clipboard (OSC 52), C1 controls that some terminals read as CSI, bidi
//! overrides that reorder what is shown, zero-width characters that make two different names
//! look the same. [`sanitize`] keeps every character visible and none of them active:
//!
//! - C0 controls and DEL become their Unicode "control picture" (`ESC` → `␛`, TAB → `␉`, LF →
//!   `␊`). Replacing the ESC (and the C1 CSI/OSC introducers) is what disarms a whole escape
//!   sequence: the rest of it is plain printable text.
//! - C1 controls, bidi embeddings/overrides/isolates and marks, zero-width and other invisible
//!   format characters become U+FFFD `�`: one column, clearly "something odd is here".
//!
//! Wide (CJK, emoji) and combining characters are kept: ratatui lays them out by their
//! `unicode-width`, so columns stay aligned.
//!
//! Hand-written rather than a crate: the candidates (`strip-ansi-escapes`, `console`) *remove*
//! escape sequences, which hides what the data really holds; an admin debugging a strange
//! username wants to see it.

use std::borrow::Cow;

/// Returns `s` unchanged when it holds nothing to neutralise (no allocation), otherwise a copy
/// with every dangerous character replaced by an inert, visible one (see the module docs).
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_replacement) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(replacement).collect())
}

fn needs_replacement(c: char) -> bool {
    replacement(c) != c
}

fn replacement(c: char) -> char {
    match c {
        // C0 controls map onto the Control Pictures block at the same offset.
        '\u{00}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}', // ␡
        // C1 controls (0x9B is CSI, 0x9D is OSC on terminals that honour 8-bit controls).
        '\u{80}'..='\u{9F}' => '\u{FFFD}',
        _ if is_invisible_format(c) => '\u{FFFD}',
        _ => c,
    }
}

/// Characters that change how *other* text is shown, or show nothing themselves.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'                // soft hyphen
        | '\u{061C}'              // Arabic letter mark
        | '\u{115F}' | '\u{1160}' // Hangul fillers
        | '\u{180E}'              // Mongolian vowel separator
        | '\u{200B}'..='\u{200F}' // zero-width space/non-joiner/joiner, LRM, RLM
        | '\u{2028}' | '\u{2029}' // line/paragraph separators
        | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
        | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, bidi isolates, deprecated
        | '\u{3164}'              // Hangul filler
        | '\u{FEFF}'              // zero-width no-break space / BOM
        | '\u{FFA0}'              // halfwidth Hangul filler
        | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
        | '\u{E0000}'..='\u{E007F}' // tag characters
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn has_control(s: &str) -> bool {
        s.chars()
            .any(|c| c.is_control() || is_invisible_format(c))
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let s = "jane.doe@example.com";
        assert!(matches!(sanitize(s), Cow::Borrowed(_)));
    }

    #[test]
    fn csi_sequences_are_disarmed_but_visible() {
        let out = sanitize("\x1b[31mred\x1b[0m");
        assert_eq!(out, "␛[31mred␛[0m");
        assert!(!has_control(&out));
    }

    #[test]
    fn osc52_clipboard_write_and_title_change_are_disarmed() {
        let osc52 = "\x1b]52;c;ZXZpbA==\x07";
        assert_eq!(sanitize(osc52), "␛]52;c;ZXZpbA==␇");
        let title = "\x1b]0;pwned\x1b\\";
        assert_eq!(sanitize(title), "␛]0;pwned␛\\");
    }

    #[test]
    fn c1_controls_including_8bit_csi_and_osc_are_replaced() {
        let out = sanitize("a\u{9b}31mb\u{9d}52;c;x\u{9c}");
        assert_eq!(out, "a�31mb�52;c;x�");
    }

    #[test]
    fn newlines_tabs_and_del_become_pictures() {
        assert_eq!(sanitize("a\nb\tc\rd\x7f"), "a␊b␉c␍d␡");
    }

    #[test]
    fn bidi_overrides_and_isolates_are_replaced() {
        // "admin" written right-to-left with an override would show as "nimda".
        assert_eq!(sanitize("\u{202E}nimda\u{202C}"), "�nimda�");
        assert_eq!(sanitize("x\u{2066}y\u{2069}"), "x�y�");
        assert_eq!(sanitize("\u{200F}"), "�");
    }

    #[test]
    fn zero_width_characters_are_shown() {
        assert_eq!(sanitize("ad\u{200B}min"), "ad�min");
        assert_eq!(sanitize("ad\u{200D}min\u{FEFF}"), "ad�min�");
        assert_eq!(sanitize("a\u{2060}b"), "a�b");
    }

    #[test]
    fn cjk_emoji_and_combining_characters_are_kept_with_their_widths() {
        let s = "山田 太郎 😀 e\u{301}";
        assert_eq!(sanitize(s), s);
        // 山田(4) space(1) 太郎(4) space(1) 😀(2) space(1) é(1) = 14 columns.
        assert_eq!(s.width(), 14);
    }

    #[test]
    fn every_output_char_has_a_non_negative_stable_width() {
        let hostile = "\x1b[2J\x1b]52;c;QUJD\x07\u{9b}\u{202E}\u{200B}\x00\x08";
        let out = sanitize(hostile);
        assert!(!has_control(&out));
        // Each replaced character occupies exactly one column.
        assert_eq!(out.chars().count(), out.width());
    }

    #[test]
    fn long_strings_are_handled() {
        let s = "\x1b".repeat(10_000);
        assert_eq!(sanitize(&s).chars().count(), 10_000);
    }
}
