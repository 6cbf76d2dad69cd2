//! The instance picker: ListInstances streamed in, one row per instance — of the client's
//! region, or (`--all-regions`) of every region where Connect is offered, listed
//! concurrently, each region failing on its own row without hiding the others.

use crate::connect::ApiError;
use crate::model::{InstanceSummary, Page};

use super::cursor::Cursor;

#[derive(Debug, Default)]
pub struct Picker {
    pub instances: Vec<InstanceSummary>,
    pub loading: bool,
    pub error: Option<ApiError>,
    pub cursor: Cursor,
    /// Answers tagged with another generation are stale (a refresh happened).
    pub generation: u64,
    next_token: Option<String>,
    /// With `--all-regions`: each region's listing, in display order (empty otherwise).
    pub regions: Vec<RegionListing>,
}

/// One region's ListInstances in all-regions mode.
#[derive(Debug)]
pub struct RegionListing {
    pub region: String,
    pub loading: bool,
    pub error: Option<ApiError>,
    next_token: Option<String>,
}

/// A row of the picker: an instance, or (all regions) a region whose listing failed.
#[derive(Debug, Clone, Copy)]
pub enum PickerRow<'a> {
    Instance(&'a InstanceSummary),
    Failed(&'a RegionListing),
}

/// The region of an instance, from its ARN (`arn:aws:connect:REGION:ACCOUNT:instance/ID`).
pub fn region_of(instance: &InstanceSummary) -> Option<&str> {
    instance
        .arn
        .as_deref()?
        .split(':')
        .nth(3)
        .filter(|r| !r.is_empty())
}

impl Picker {
    pub fn loading(generation: u64) -> Self {
        Picker {
            loading: true,
            generation,
            ..Picker::default()
        }
    }

    /// Listing every region of `regions` at once.
    pub fn all_regions(generation: u64, regions: &[&str]) -> Self {
        Picker {
            loading: true,
            generation,
            regions: regions
                .iter()
                .map(|region| RegionListing {
                    region: region.to_string(),
                    loading: true,
                    error: None,
                    next_token: None,
                })
                .collect(),
            ..Picker::default()
        }
    }

    /// Takes one page of `region`'s listing (all-regions mode); returns the token of that
    /// region's next page. Instances stay grouped by region, in the regions' order.
    pub fn on_region_page(
        &mut self,
        region: &str,
        result: Result<Page<InstanceSummary>, ApiError>,
    ) -> Option<String> {
        let listing = self.regions.iter_mut().find(|l| l.region == region)?;
        if !listing.loading {
            return None;
        }
        let next = match result {
            Ok(page) => {
                listing.next_token = page.next_token.filter(|t| !t.is_empty());
                listing.loading = listing.next_token.is_some();
                self.add(page.items);
                let order: Vec<&str> = self.regions.iter().map(|l| l.region.as_str()).collect();
                let rank = |i: &InstanceSummary| {
                    region_of(i).and_then(|r| order.iter().position(|o| *o == r))
                };
                // Stable: a region's instances keep the service's order.
                self.instances
                    .sort_by_key(|i| rank(i).unwrap_or(usize::MAX));
                self.regions
                    .iter()
                    .find(|l| l.region == region)
                    .and_then(|l| l.next_token.clone())
            }
            Err(error) => {
                listing.error = Some(error);
                listing.loading = false;
                None
            }
        };
        self.loading = self.regions.iter().any(|l| l.loading);
        next
    }

    fn add(&mut self, items: Vec<InstanceSummary>) {
        for instance in items {
            let duplicate =
                instance.id.is_some() && self.instances.iter().any(|i| i.id == instance.id);
            if !duplicate {
                self.instances.push(instance);
            }
        }
    }

    /// The rows: every instance, then each region whose listing failed.
    pub fn rows(&self) -> impl Iterator<Item = PickerRow<'_>> {
        self.instances.iter().map(PickerRow::Instance).chain(
            self.regions
                .iter()
                .filter(|l| l.error.is_some())
                .map(PickerRow::Failed),
        )
    }

    pub fn row_count(&self) -> usize {
        self.instances.len() + self.regions.iter().filter(|l| l.error.is_some()).count()
    }

    /// After failures in all-regions mode: each failed region and the page to resume from.
    pub fn retry_regions(&mut self) -> Vec<(String, Option<String>)> {
        let retried: Vec<(String, Option<String>)> = self
            .regions
            .iter_mut()
            .filter_map(|l| {
                l.error.take()?;
                l.loading = true;
                Some((l.region.clone(), l.next_token.clone()))
            })
            .collect();
        self.loading = self.regions.iter().any(|l| l.loading);
        retried
    }

    /// Takes one page; returns the token of the next page to request.
    pub fn on_page(&mut self, result: Result<Page<InstanceSummary>, ApiError>) -> Option<String> {
        if !self.loading {
            return None;
        }
        match result {
            Ok(page) => {
                self.add(page.items);
                self.error = None;
                self.next_token = page.next_token.filter(|t| !t.is_empty());
                self.loading = self.next_token.is_some();
                self.next_token.clone()
            }
            Err(error) => {
                self.error = Some(error);
                self.loading = false;
                None
            }
        }
    }

    /// After a failure: resume from the page that failed. `None` when nothing failed.
    pub fn retry(&mut self) -> Option<Option<String>> {
        self.error.take()?;
        self.loading = true;
        Some(self.next_token.clone())
    }

    /// The selected instance (None on a failed region's row).
    pub fn selected(&self) -> Option<&InstanceSummary> {
        self.instances.get(self.cursor.selected)
    }

    pub fn alias_of(&self, instance_id: &str) -> Option<String> {
        self.instances
            .iter()
            .find(|i| i.id.as_deref() == Some(instance_id))
            .and_then(|i| i.instance_alias.clone())
    }
}
