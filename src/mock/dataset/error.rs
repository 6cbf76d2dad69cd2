//! A problem in a data file, reported with the file, the JSON path and what is wrong.

use std::fmt;

/// A problem in a data file: where (file, JSON path) and what.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    origin: Option<String>,
    path: String,
    message: String,
}

impl DataError {
    pub(crate) fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        DataError {
            origin: None,
            path: path.into(),
            message: message.into(),
        }
    }

    pub(crate) fn in_origin(mut self, origin: &str) -> Self {
        self.origin = Some(origin.to_string());
        self
    }

    /// The JSON path of the problem (`Instances[0].Users[3].Username`), empty for the whole file.
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(origin) = &self.origin {
            write!(f, "{origin}: ")?;
        }
        if !self.path.is_empty() && self.path != "." {
            write!(f, "at {}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for DataError {}
