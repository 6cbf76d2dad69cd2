//! Timestamps as AWS CLI v2 prints them (`cli_timestamp_format = iso8601`, the v2 default).
//!
//! The CLI's parser does `datetime.fromtimestamp(epoch, tzlocal()).isoformat()`: local time
//! (so `TZ` applies) with a `±HH:MM` offset, microseconds only when they are not zero
//! (`2020-05-13T13:20:27-04:00`, `2020-05-13T13:20:27.547000-04:00`), and the fraction rounded
//! to microseconds half-to-even, as CPython's `fromtimestamp` rounds.

use chrono::{DateTime, Datelike, Local, NaiveDateTime, Offset, TimeZone, Timelike};

use crate::model::Timestamp;

/// ISO 8601 in the local time zone, exactly as `datetime.isoformat()` spells it.
pub fn iso8601_local(ts: Timestamp) -> String {
    format_in(ts, &Local)
}

/// The same, in an explicit time zone (tests, and callers that pin one).
pub fn format_in<Tz: TimeZone>(ts: Timestamp, zone: &Tz) -> String {
    let (secs, micros) = split_micros(ts.0);
    let Some(utc) = DateTime::from_timestamp(secs, micros * 1000) else {
        // Out of chrono's range: the epoch number itself is the most honest output.
        return super::python::float_repr(ts.0);
    };
    let local = utc.with_timezone(zone);
    let mut out = String::with_capacity(32);
    push_date_time(&mut out, local.naive_local());
    if micros != 0 {
        out.push('.');
        push_digits(&mut out, micros, 6);
    }
    push_offset(&mut out, local.offset().fix().local_minus_utc());
    out
}

/// `%Y-%m-%dT%H:%M:%S`, digit by digit: a listing prints one per item, and chrono's strftime
/// parses its format string on every call (it was a tenth of a 20,000-user listing's time).
fn push_date_time(out: &mut String, t: NaiveDateTime) {
    match u32::try_from(t.year()) {
        Ok(year) if year <= 9999 => push_digits(out, year, 4),
        // Beyond four digits: chrono's own spelling (`+10000`, `-0001`).
        _ => out.push_str(&t.format("%Y").to_string()),
    }
    for (separator, value) in [
        ('-', t.month()),
        ('-', t.day()),
        ('T', t.hour()),
        (':', t.minute()),
        (':', t.second()),
    ] {
        out.push(separator);
        push_digits(out, value, 2);
    }
}

/// `value` zero-padded to `width` digits (it has at most that many).
fn push_digits(out: &mut String, value: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = value / 10u32.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// Whole seconds and microseconds, CPython-style: `modf`, then round-half-even the fraction.
fn split_micros(epoch: f64) -> (i64, u32) {
    let mut secs = epoch.trunc();
    let mut micros = ((epoch - secs) * 1e6).round_ties_even();
    if micros >= 1e6 {
        secs += 1.0;
        micros -= 1e6;
    } else if micros < 0.0 {
        secs -= 1.0;
        micros += 1e6;
    }
    (secs as i64, micros as u32)
}

/// `+HH:MM` (with `:SS` only when the offset has seconds), as `isoformat` writes it.
fn push_offset(out: &mut String, seconds: i32) {
    out.push(if seconds < 0 { '-' } else { '+' });
    let abs = seconds.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    push_digits(out, h, 2);
    out.push(':');
    push_digits(out, m, 2);
    if s != 0 {
        out.push(':');
        push_digits(out, s, 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn whole_and_fractional_seconds() {
        let utc = FixedOffset::east_opt(0).unwrap();
        assert_eq!(
            format_in(Timestamp(1589390427.0), &utc),
            "2020-05-13T17:20:27+00:00"
        );
        assert_eq!(
            format_in(Timestamp(1589390427.547), &utc),
            "2020-05-13T17:20:27.547000+00:00"
        );
        let new_york_summer = FixedOffset::west_opt(4 * 3600).unwrap();
        assert_eq!(
            format_in(Timestamp(1589390427.5), &new_york_summer),
            "2020-05-13T13:20:27.500000-04:00"
        );
    }

    #[test]
    fn digits_are_strftimes() {
        let zone = FixedOffset::east_opt(5 * 3600 + 30 * 60 + 15).unwrap();
        for secs in [
            -62_135_596_801.0,
            -1.0,
            0.0,
            951_782_400.0,
            4_102_444_800.0,
            253_402_300_800.0,
        ] {
            let local = DateTime::from_timestamp(secs as i64, 0)
                .unwrap()
                .with_timezone(&zone);
            let want = local.naive_local().format("%Y-%m-%dT%H:%M:%S").to_string() + "+05:30:15";
            assert_eq!(format_in(Timestamp(secs), &zone), want);
        }
    }

    #[test]
    fn before_the_epoch_borrows_a_second() {
        let utc = FixedOffset::east_opt(0).unwrap();
        assert_eq!(
            format_in(Timestamp(-0.5), &utc),
            "1969-12-31T23:59:59.500000+00:00"
        );
    }
}
