//! Write: where rendered files go — a staging directory on disk that becomes the output in one
//! transaction ([`Staging`]), or memory ([`Memory`], for `stend check` and `stend serve`) — and
//! the files written alongside pages: the pre-compressed copies ([`compress`]) and the sitemap
//! ([`sitemap`]).

mod compress;
pub mod sitemap;
mod staging;

pub use compress::{both as compress_both, is_text};
pub use staging::{Claim, MARKER, Staging, guard};

use crate::diagnostics::Result;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Where rendered files go: a staging directory on disk ([`Staging`]) or memory ([`Memory`],
/// for `stend check` and `stend serve`). Rendering threads put files as they finish them, so
/// a build never holds the whole site in memory.
pub trait Sink: Sync {
    /// Stores one file at `path` (relative to the output root).
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()>;
    /// Stores a file whose bytes are shared with an earlier render (`stend serve` reuses
    /// unchanged pages); a sink that keeps files in memory keeps them without a copy.
    fn put_shared(&self, path: &str, bytes: Arc<Vec<u8>>) -> Result<()> {
        self.put(path, Arc::unwrap_or_clone(bytes))
    }
    /// Reads back a file stored earlier (the link check reads the ids of linked pages).
    fn read(&self, path: &str) -> Option<Vec<u8>>;
    /// Stores a file that is costly to make (a PDF) with its `recipe`: a fingerprint of
    /// everything its bytes are made from, by which a later build can take it over.
    fn put_made(&self, path: &str, bytes: Arc<Vec<u8>>, recipe: u64) -> Result<()> {
        let _ = recipe;
        self.put_shared(path, bytes)
    }
    /// Stores the previous output's file at `path` again when it was made from the same
    /// `recipe` and is unchanged since; returns its size. `None`: make it.
    fn reuse_made(&self, path: &str, recipe: u64) -> Option<u64> {
        let _ = (path, recipe);
        None
    }
}

/// A site in memory.
#[derive(Debug, Default)]
pub struct Memory {
    files: Mutex<HashMap<String, Arc<Vec<u8>>>>,
}

impl Memory {
    /// The files, sorted by path.
    pub fn into_files(self) -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<_> = self
            .into_shared()
            .into_iter()
            .map(|(p, b)| (p, Arc::unwrap_or_clone(b)))
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }

    /// The files by path, their bytes possibly shared with an earlier render.
    pub fn into_shared(self) -> HashMap<String, Arc<Vec<u8>>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()> {
        self.put_shared(path, Arc::new(bytes))
    }

    fn put_shared(&self, path: &str, bytes: Arc<Vec<u8>>) -> Result<()> {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), bytes);
        Ok(())
    }

    fn read(&self, path: &str) -> Option<Vec<u8>> {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
            .map(|b| b.as_ref().clone())
    }
}
