//! Keys as the config file writes them (`"ctrl-y"`, `"j"`, `"down"`, `"shift-tab"`, `"f5"`)
//! and as help shows them (`Ctrl-Y`, `j`, `↓`). Hand-written rather than a crate: the few
//! key-notation crates each bring their own key type, and ours is crossterm's, matched after
//! [`super::normalize`] (Shift is part of the character; only Ctrl is kept).

use crossterm::event::{KeyCode, KeyModifiers};

use super::Chord;

/// Named keys: the config file's spelling, crossterm's code, help's label. The first name
/// of a code is the one `config default` writes.
const NAMED: &[(&str, KeyCode, &str)] = &[
    ("enter", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("escape", KeyCode::Esc, "Esc"),
    ("tab", KeyCode::Tab, "Tab"),
    ("shift-tab", KeyCode::BackTab, "Shift-Tab"),
    ("backtab", KeyCode::BackTab, "Shift-Tab"),
    ("space", KeyCode::Char(' '), "Space"),
    ("backspace", KeyCode::Backspace, "Backspace"),
    ("delete", KeyCode::Delete, "Delete"),
    ("insert", KeyCode::Insert, "Insert"),
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("pageup", KeyCode::PageUp, "PgUp"),
    ("pagedown", KeyCode::PageDown, "PgDn"),
    ("pgup", KeyCode::PageUp, "PgUp"),
    ("pgdn", KeyCode::PageDown, "PgDn"),
];

/// Parses one key. Errors are the words after "cannot bind …: ".
pub fn parse(text: &str) -> Result<Chord, String> {
    let lower = text.to_ascii_lowercase();
    let (ctrl, rest) = match lower.strip_prefix("ctrl-") {
        Some(rest) if !rest.is_empty() => (true, &text["ctrl-".len()..]),
        _ => (false, text),
    };
    let rest_lower = rest.to_ascii_lowercase();
    if rest_lower.starts_with("alt-") || rest_lower.starts_with("meta-") {
        return Err("Alt/Meta keys are not supported (terminals send them inconsistently)".into());
    }
    let code = key_code(rest)?;
    if ctrl {
        match code {
            KeyCode::Char(c) if c.is_ascii_alphabetic() => Ok(Chord {
                code: KeyCode::Char(c.to_ascii_lowercase()),
                modifiers: KeyModifiers::CONTROL,
            }),
            _ => Err("Ctrl works with the letters a–z only".into()),
        }
    } else {
        Ok(Chord {
            code,
            modifiers: KeyModifiers::NONE,
        })
    }
}

fn key_code(text: &str) -> Result<KeyCode, String> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return if c.is_control() {
            Err("write control keys by name (\"tab\", \"enter\", \"ctrl-x\")".into())
        } else {
            Ok(KeyCode::Char(c))
        };
    }
    let lower = text.to_ascii_lowercase();
    if let Some(shifted) = lower.strip_prefix("shift-")
        && let Some(c) = single_letter(shifted)
    {
        return Ok(KeyCode::Char(c.to_ascii_uppercase()));
    }
    if let Some((_, code, _)) = NAMED.iter().find(|(name, _, _)| *name == lower) {
        return Ok(*code);
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
        && (1..=12).contains(&n)
    {
        return Ok(KeyCode::F(n));
    }
    if text.is_empty() {
        return Err("the key is empty".into());
    }
    Err(format!(
        "unknown key; write a character (\"j\", \"Y\", \"/\"), ctrl-LETTER, f1–f12 or one of {}",
        NAMED
            .iter()
            .map(|(name, _, _)| *name)
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

fn single_letter(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(c),
        _ => None,
    }
}

/// How the config file writes `chord` (parses back to the same chord).
pub fn config_name(chord: Chord) -> String {
    let base = match chord.code {
        KeyCode::Char(c) if c != ' ' => c.to_string(),
        KeyCode::F(n) => format!("f{n}"),
        code => NAMED
            .iter()
            .find(|(_, named, _)| *named == code)
            .map_or_else(|| format!("{code:?}"), |(name, _, _)| name.to_string()),
    };
    if chord.modifiers.contains(KeyModifiers::CONTROL) {
        format!("ctrl-{base}")
    } else {
        base
    }
}

/// How help and hints show `chord`.
pub fn label(chord: Chord) -> String {
    let base = match chord.code {
        KeyCode::Char(c) if c != ' ' => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        code => NAMED
            .iter()
            .find(|(_, named, _)| *named == code)
            .map_or_else(|| format!("{code:?}"), |(_, _, label)| label.to_string()),
    };
    if chord.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_ascii_uppercase())
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chord(code: KeyCode, modifiers: KeyModifiers) -> Chord {
        Chord { code, modifiers }
    }

    #[test]
    fn keys_parse_as_written_in_the_config_file() {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        for (text, expected) in [
            ("j", chord(KeyCode::Char('j'), none)),
            ("Y", chord(KeyCode::Char('Y'), none)),
            ("shift-y", chord(KeyCode::Char('Y'), none)),
            ("/", chord(KeyCode::Char('/'), none)),
            ("ctrl-y", chord(KeyCode::Char('y'), ctrl)),
            ("Ctrl-Y", chord(KeyCode::Char('y'), ctrl)),
            ("down", chord(KeyCode::Down, none)),
            ("PgDn", chord(KeyCode::PageDown, none)),
            ("space", chord(KeyCode::Char(' '), none)),
            ("shift-tab", chord(KeyCode::BackTab, none)),
            ("f5", chord(KeyCode::F(5), none)),
        ] {
            assert_eq!(parse(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn keys_that_cannot_be_told_apart_or_named_are_refused_with_a_reason() {
        for (text, reason) in [
            ("alt-x", "Alt/Meta"),
            ("ctrl-1", "letters a–z"),
            ("ctrl-down", "letters a–z"),
            ("downn", "unknown key"),
            ("", "empty"),
            ("f13", "unknown key"),
            ("\t", "by name"),
        ] {
            let err = parse(text).unwrap_err();
            assert!(err.contains(reason), "{text:?}: {err}");
        }
    }

    #[test]
    fn config_names_parse_back_to_the_same_chord() {
        let mut chords: Vec<Chord> = NAMED
            .iter()
            .map(|(_, code, _)| chord(*code, KeyModifiers::NONE))
            .collect();
        chords.push(chord(KeyCode::Char('q'), KeyModifiers::NONE));
        chords.push(chord(KeyCode::Char('?'), KeyModifiers::NONE));
        chords.push(chord(KeyCode::Char('r'), KeyModifiers::CONTROL));
        chords.push(chord(KeyCode::F(12), KeyModifiers::NONE));
        for c in chords {
            assert_eq!(parse(&config_name(c)), Ok(c), "{}", config_name(c));
        }
    }

    #[test]
    fn labels_read_as_help_shows_keys() {
        assert_eq!(
            label(chord(KeyCode::Char('y'), KeyModifiers::CONTROL)),
            "Ctrl-Y"
        );
        assert_eq!(label(chord(KeyCode::Down, KeyModifiers::NONE)), "↓");
        assert_eq!(
            label(chord(KeyCode::Char(' '), KeyModifiers::NONE)),
            "Space"
        );
    }
}
