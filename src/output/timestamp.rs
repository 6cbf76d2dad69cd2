//! Timestamps as AWS CLI v2 prints them (`cli_timestamp_format = iso8601`, the v2 default).
//!
//! The CLI's parser does `datetime.fromtimestamp(epoch, tzlocal()).isoformat()`: local time
//! (so `TZ` applies) with a `±HH:MM` offset, microseconds only when they are not zero
//! (`2020-05-13T13:20:27-04:00`, `2020-05-13T13:20:27.547000-04:00`), and the fraction rounded
//! to microseconds half-to-even, as CPython's `fromtimestamp` rounds.

use chrono::{DateTime, Local, Offset, TimeZone};

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
    let mut out = local.naive_local().format("%Y-%m-%dT%H:%M:%S").to_string();
    if micros != 0 {
        out.push_str(&format!(".{micros:06}"));
    }
    out.push_str(&offset_text(local.offset().fix().local_minus_utc()));
    out
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
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let abs = seconds.unsigned_abs();
    let (h, m, s) = (abs / 3600, abs / 60 % 60, abs % 60);
    if s == 0 {
        format!("{sign}{h:02}:{m:02}")
    } else {
        format!("{sign}{h:02}:{m:02}:{s:02}")
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
    fn before_the_epoch_borrows_a_second() {
        let utc = FixedOffset::east_opt(0).unwrap();
        assert_eq!(
            format_in(Timestamp(-0.5), &utc),
            "1969-12-31T23:59:59.500000+00:00"
        );
    }
}
