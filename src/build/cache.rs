//! Reuse between renders of one project, for `stend serve`: an office whose inputs did not
//! change since the last good render keeps its files, links and sitemap entries instead of
//! being planned and rendered again. The cache is handed to a render ([`super::render`]) and
//! the render returns the cache for the next one.
//!
//! The offices are nearly all of a site (sixteen pages per office), and an edit touches one
//! office, one content page or the theme. So each office job gets a fingerprint of everything
//! its pages are made from:
//!
//! - the *common* inputs of its language: the source of every template an office page can
//!   reach ([`crate::render::reach`]: by extends/include/import names and components),
//!   `stend.yaml`, the edition, the shared breadcrumbs and the language's globals (site facts,
//!   UI strings, navigation, fee, hours …), which with the office's data are all that its
//!   views and JSON-LD read;
//! - its own office data: for a department job the whole department with its units (the
//!   department page lists them), for a unit job the department without its other units, and
//!   the unit.
//!
//! The directory of every office (`departments`) counts only when a template an office page
//! can reach reads it (it is then a global; see `render::Renderer`), which is what lets a
//! one-office edit re-render one department's jobs and the site-wide pages instead of
//! everything. Site-wide pages (content, forms, the directory itself) are always rendered
//! again: they are few.
//!
//! Fingerprints are 64-bit hashes of serialised values; a build (`stend build`) never uses
//! this module, so its output cannot depend on it. `tests/incremental.rs` checks that a render
//! reusing a previous one is byte-identical to a fresh render after each kind of edit.

use crate::check::Pending;
use crate::model::Site;
use crate::model::data::Office;
use crate::page::{OfficeJob, Plan};
use crate::render::Templates;
use crate::util::hash::{self, of_json as hash_of};
use crate::view::{Directory, Globals};
use crate::write::sitemap::SitemapEntry;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Which office a job renders, by names that survive reordering the directory.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct JobKey {
    lang: String,
    department: String,
    unit: Option<String>,
}

/// What one office job produced, kept for the next render.
#[derive(Debug, Default)]
pub struct Cached {
    fingerprint: u64,
    pub(crate) pages: usize,
    /// (output path, bytes), in render order.
    pub(crate) files: Vec<(String, Arc<Vec<u8>>)>,
    /// Links that wait for the whole site, with the page of the job that gave them.
    pub(crate) pending: Vec<(u32, Pending)>,
    pub(crate) sitemap: Vec<SitemapEntry>,
}

/// The office jobs of the last good render.
#[derive(Debug, Default)]
pub struct Cache {
    jobs: HashMap<JobKey, Arc<Cached>>,
    /// Pages the render that made this reused from the one before.
    reused: usize,
}

impl Cache {
    /// The earlier result of `key`, if it was made from the same inputs.
    pub(crate) fn get(&self, key: &JobKey, fingerprint: u64) -> Option<&Arc<Cached>> {
        self.jobs.get(key).filter(|c| c.fingerprint == fingerprint)
    }

    pub(crate) fn insert(&mut self, key: JobKey, cached: Arc<Cached>) {
        self.jobs.insert(key, cached);
    }

    pub(crate) fn set_reused_pages(&mut self, pages: usize) {
        self.reused = pages;
    }

    /// Pages the render that returned this took unchanged from the render before.
    pub fn reused_pages(&self) -> usize {
        self.reused
    }

    /// Number of office jobs remembered.
    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }
}

impl Cached {
    pub(crate) fn new(fingerprint: u64) -> Cached {
        Cached {
            fingerprint,
            ..Cached::default()
        }
    }

    /// Keeps each link target once, with the first page that linked it: the site-wide check
    /// keeps the first origin anyway, and an office's pages share most of their links.
    pub(crate) fn dedup_links(&mut self) {
        let mut seen = std::collections::HashSet::new();
        self.pending
            .retain(|(_, p)| seen.insert((p.file.clone(), p.fragment.clone())));
    }
}

/// The fingerprints of one render's inputs, computed once before rendering.
pub struct Fingerprints {
    langs: Vec<String>,
    /// Per language index: the inputs every office job of that language shares.
    common: Vec<u64>,
    /// Per language index: the languages whose bilingual printables share its PDFs
    /// (`Site::bilingual_owner`), itself included. Any of their jobs may be the one that
    /// writes a shared PDF, so each depends on what all of them are made from.
    sharing: Vec<Vec<usize>>,
    /// Per department: with all its units, and without them.
    whole: Vec<u64>,
    head: Vec<u64>,
}

impl Fingerprints {
    pub fn new(site: &Site, plan: &Plan, templates: &Templates) -> Fingerprints {
        let mut base = hash::hasher();
        for (name, src) in &site.theme.templates {
            if templates.office_reach.contains(name) {
                (name, src).hash(&mut base);
            }
        }
        format!("{:?}", site.config).hash(&mut base);
        format!("{:?}", plan.edition).hash(&mut base);
        let langs = site.languages();
        let ed = &plan.edition;
        let common = langs
            .iter()
            .enumerate()
            .map(|(li, lang)| {
                let mut h = base.clone();
                lang.hash(&mut h);
                hash_of(&plan.office_crumbs.get(li)).hash(&mut h);
                hash_of(&Globals::new(site, ed, lang)).hash(&mut h);
                if templates.offices_read_directory {
                    let d = Directory {
                        site,
                        edition: ed,
                        lang,
                    };
                    hash_of(&d).hash(&mut h);
                }
                h.finish()
            })
            .collect();
        let deps = &site.data.offices.departments;
        let whole = deps.iter().map(department_whole).collect();
        let head = deps.iter().map(hash_of).collect();
        let owners: Vec<String> = langs.iter().map(|l| site.bilingual_owner(l)).collect();
        let sharing = owners
            .iter()
            .map(|o| (0..owners.len()).filter(|&i| &owners[i] == o).collect())
            .collect();
        Fingerprints {
            langs,
            common,
            sharing,
            whole,
            head,
        }
    }

    /// The key and fingerprint of an office job.
    pub(crate) fn of(&self, site: &Site, j: &OfficeJob) -> Option<(JobKey, u64)> {
        let lang = self.langs.get(j.lang)?;
        let d = site.data.offices.departments.get(j.office.department)?;
        let mut h = hash::hasher();
        for &li in self.sharing.get(j.lang)? {
            self.common.get(li)?.hash(&mut h);
        }
        // The department's position is part of what its pages are made from.
        j.office.department.hash(&mut h);
        let unit = match j.office.unit {
            None => {
                self.whole.get(j.office.department)?.hash(&mut h);
                None
            }
            Some(ui) => {
                let u = d.units.get(ui)?;
                self.head.get(j.office.department)?.hash(&mut h);
                hash_of(u).hash(&mut h);
                Some(u.slug.value.clone())
            }
        };
        Some((
            JobKey {
                lang: lang.clone(),
                department: d.slug.value.clone(),
                unit,
            },
            h.finish(),
        ))
    }
}

/// A department with all its units (its page lists them).
fn department_whole(d: &Office) -> u64 {
    let mut h = hash::hasher();
    hash_of(d).hash(&mut h);
    for u in &d.units {
        hash_of(u).hash(&mut h);
    }
    h.finish()
}
