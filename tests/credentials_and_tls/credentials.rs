//! Credentials that cannot be had: each is one line that says what to do, exit code 253.
