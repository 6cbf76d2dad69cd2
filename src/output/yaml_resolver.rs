//! Which strings YAML would read back as something else (a bool, number, null, timestamp...).
//! Those must not be written plain, so the emitter quotes them: `'123'`, `'true'`,
//! `'2024-05-01'`. These are ruamel.yaml's YAML 1.2 implicit resolvers (the version AWS CLI v2
//! dumps with), so `yes`, `on` and `0777`-style strings stay plain while `0o17` is quoted.

/// True when a plain scalar `text` would not load back as the string it is.
pub fn resolves_to_non_string(text: &str) -> bool {
    matches!(
        text,
        "" | "~" | "null" | "Null" | "NULL" | "<<" | "=" | "!" | "&" | "*"
    ) || matches!(text, "true" | "True" | "TRUE" | "false" | "False" | "FALSE")
        || is_float(text)
        || is_int(text)
        || is_timestamp(text)
}

fn strip_sign(text: &str) -> &str {
    text.strip_prefix(['-', '+']).unwrap_or(text)
}

fn all(text: &str, allowed: impl Fn(char) -> bool) -> bool {
    !text.is_empty() && text.chars().all(allowed)
}

fn digit_or_underscore(c: char) -> bool {
    c.is_ascii_digit() || c == '_'
}

/// `[eE][-+]?[0-9]+` (sign optional) or `[eE][-+][0-9]+` (sign required).
fn is_exponent(text: &str, sign_required: bool) -> bool {
    let Some(rest) = text.strip_prefix(['e', 'E']) else {
        return false;
    };
    let digits = match rest.strip_prefix(['-', '+']) {
        Some(d) => d,
        None if sign_required => return false,
        None => rest,
    };
    all(digits, |c| c.is_ascii_digit())
}

/// The YAML 1.2 float resolver of ruamel.yaml.
fn is_float(text: &str) -> bool {
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let body = strip_sign(text);
    if matches!(body, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    if let Some(fraction) = body.strip_prefix('.') {
        // `\.[0-9_]+(?:[eE][-+][0-9]+)?`
        let end = fraction.find(['e', 'E']).unwrap_or(fraction.len());
        let (digits, exponent) = fraction.split_at(end);
        return all(digits, digit_or_underscore)
            && (exponent.is_empty() || is_exponent(exponent, true));
    }
    // `[0-9][0-9_]*` then either `\.[0-9_]*` with an optional exponent, or an exponent.
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let int_end = body
        .find(|c: char| !digit_or_underscore(c))
        .unwrap_or(body.len());
    let rest = &body[int_end..];
    if let Some(after_point) = rest.strip_prefix('.') {
        let end = after_point
            .find(|c: char| !digit_or_underscore(c))
            .unwrap_or(after_point.len());
        let exponent = &after_point[end..];
        exponent.is_empty() || is_exponent(exponent, false)
    } else {
        is_exponent(rest, false)
    }
}

/// The YAML 1.2 int resolver: binary, octal (`0o17` or `017`), decimal, hex; `_` allowed.
fn is_int(text: &str) -> bool {
    let body = strip_sign(text);
    if let Some(bits) = body.strip_prefix("0b") {
        return all(bits, |c| matches!(c, '0' | '1' | '_'));
    }
    if let Some(hex) = body.strip_prefix("0x") {
        return all(hex, |c| c.is_ascii_hexdigit() || c == '_');
    }
    if let Some(octal) = body.strip_prefix("0o") {
        return all(octal, |c| matches!(c, '0'..='7' | '_'));
    }
    all(body, digit_or_underscore)
}

/// `YYYY-MM-DD`, or a date and time (`T`/`t`/blanks between, optional fraction and zone).
fn is_timestamp(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if b.len() == 10
        && (0..4).all(digit)
        && b[4] == b'-'
        && digit(5)
        && digit(6)
        && b[7] == b'-'
        && digit(8)
        && digit(9)
    {
        return true;
    }
    let mut i = 0;
    let take_digits = |i: &mut usize, min: usize, max: usize| -> bool {
        let start = *i;
        while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start >= min
    };
    let expect = |i: &mut usize, ch: u8| -> bool {
        if b.get(*i) == Some(&ch) {
            *i += 1;
            true
        } else {
            false
        }
    };
    if !(take_digits(&mut i, 4, 4) && expect(&mut i, b'-') && take_digits(&mut i, 1, 2)) {
        return false;
    }
    if !(expect(&mut i, b'-') && take_digits(&mut i, 1, 2)) {
        return false;
    }
    if matches!(b.get(i), Some(b'T' | b't')) {
        i += 1;
    } else {
        let start = i;
        while matches!(b.get(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if !(take_digits(&mut i, 1, 2)
        && expect(&mut i, b':')
        && take_digits(&mut i, 2, 2)
        && expect(&mut i, b':')
        && take_digits(&mut i, 2, 2))
    {
        return false;
    }
    if expect(&mut i, b'.') {
        while matches!(b.get(i), Some(c) if c.is_ascii_digit()) {
            i += 1;
        }
    }
    if i == b.len() {
        return true;
    }
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    if expect(&mut i, b'Z') {
        return i == b.len();
    }
    if !matches!(b.get(i), Some(b'-' | b'+')) {
        return false;
    }
    i += 1;
    if !take_digits(&mut i, 1, 2) {
        return false;
    }
    if expect(&mut i, b':') && !take_digits(&mut i, 2, 2) {
        return false;
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_like_ruamel_yaml_1_2() {
        for text in [
            "true",
            "FALSE",
            "123",
            "-1",
            "+1",
            "1_000",
            "0x1F",
            "0o17",
            "0b101",
            "1.5",
            ".5",
            "1e3",
            "1.0e+16",
            ".inf",
            "-.Inf",
            ".NaN",
            "~",
            "null",
            "",
            "2024-01-01",
            "2020-05-13T13:20:27-04:00",
            "2020-05-13 13:20:27.5 Z",
            "<<",
            "=",
            "-_",
        ] {
            assert!(resolves_to_non_string(text), "{text:?}");
        }
        for text in [
            "yes",
            "no",
            "on",
            "Off",
            "y",
            "n",
            "jane",
            "1.2.3",
            "0x",
            "1e",
            ".5e3",
            "+.",
            "2024-1-1",
            "2020-05-13T13:20:27-04:0",
            "a1",
            "12:30",
            "True1",
        ] {
            assert!(!resolves_to_non_string(text), "{text:?}");
        }
    }
}
