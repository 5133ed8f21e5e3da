//! Reuse between renders of one project, for `stend serve`: an office whose inputs did not
//! change since the last good render keeps its files, links and sitemap entries instead of
//! being planned and rendered again.
//!
//! The offices are nearly all of a site (sixteen pages per office), and an edit touches one
//! office, one content page or the theme. So each office job gets a fingerprint of everything
//! its pages are made from:
//!
//! - the *common* inputs of its language: the source of every template an office page can
//!   reach (below), `stend.yaml`, the edition,
//!   the shared breadcrumbs and the language's globals (site facts, UI strings, navigation,
//!   fee, hours …), which are also all the JSON-LD reads;
//! - its own office data: for a department job the whole department with its units (the
//!   department page lists them), for a unit job the department without its other units, and
//!   the unit.
//!
//! The directory of every office (the `departments` global) is left out of the common inputs
//! when no template an office page can reach names it, which is what lets a one-office edit
//! re-render one department's jobs and the site-wide pages instead of everything. A template
//! an office page reaches is found by name: an office template, or any template whose name
//! appears quoted in one already reached (`{% extends "base.html" %}`, imports, includes), or
//! any template defining a component (Tera 2 components are called by name from anywhere). A
//! reached template that names `departments`, or dumps the whole context (`__tera_context`),
//! puts the directory back in. Site-wide pages (content, forms, the directory itself) are always
//! rendered again: they are few.
//!
//! Fingerprints are 64-bit hashes of serialised values; a build (`stend build`) never uses
//! this module, so its output cannot depend on it. `tests/serve.rs` checks that a render
//! reusing a previous one is byte-identical to a fresh render after each kind of edit.

use crate::check::Pending;
use crate::model::Site;
use crate::model::data::Department;
use crate::plan::{OfficeJob, Plan};
use crate::render::SitemapEntry;
use std::collections::{BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
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
pub struct Reuse {
    jobs: HashMap<JobKey, Arc<Cached>>,
    /// Pages the render that made this reused from the one before.
    reused: usize,
}

impl Reuse {
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
    /// Per language index: the inputs every office job of that language shares.
    common: Vec<u64>,
    /// Per department: with all its units, and without them.
    whole: Vec<u64>,
    head: Vec<u64>,
}

impl Fingerprints {
    pub fn new(site: &Site, plan: &Plan, templates: &[(String, String)]) -> Fingerprints {
        let reached = office_reach(templates);
        let with_directory = reads_directory(templates, &reached);
        let mut base = DefaultHasher::new();
        for (name, src) in templates {
            if reached.contains(name.as_str()) {
                (name, src).hash(&mut base);
            }
        }
        format!("{:?}", site.config).hash(&mut base);
        format!("{:?}", plan.edition).hash(&mut base);
        let common = site
            .languages()
            .iter()
            .map(|lang| {
                let mut h = base.clone();
                lang.hash(&mut h);
                plan.crumbs_json(lang).hash(&mut h);
                if let Some(g) = plan.globals.iter().find(|g| &g.lang == lang) {
                    for (k, v) in &g.values {
                        k.hash(&mut h);
                        json_hash(v, &mut h);
                    }
                }
                if with_directory {
                    json_hash(&crate::plan::directory(site, &plan.edition, lang), &mut h);
                }
                h.finish()
            })
            .collect();
        let deps = &site.data.offices.departments;
        let whole = deps.iter().map(hash_of).collect();
        let head = deps.iter().map(department_head).collect();
        Fingerprints {
            common,
            whole,
            head,
        }
    }

    /// The key and fingerprint of an office job.
    pub(crate) fn of(&self, site: &Site, j: &OfficeJob) -> Option<(JobKey, u64)> {
        let langs = site.languages();
        let lang = langs.get(j.lang)?;
        let d = site.data.offices.departments.get(j.department)?;
        let mut h = DefaultHasher::new();
        self.common.get(j.lang)?.hash(&mut h);
        // The department's position is on its page (`department_index`).
        j.department.hash(&mut h);
        let unit = match j.unit {
            None => {
                self.whole.get(j.department)?.hash(&mut h);
                None
            }
            Some(ui) => {
                let u = d.units.get(ui)?;
                self.head.get(j.department)?.hash(&mut h);
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

fn json_hash(v: &serde_json::Value, h: &mut DefaultHasher) {
    // serde_json's output is deterministic (object keys are sorted maps here).
    match serde_json::to_vec(v) {
        Ok(bytes) => bytes.hash(h),
        Err(_) => 0u8.hash(h),
    }
}

fn hash_of<T: serde::Serialize>(v: &T) -> u64 {
    let mut h = DefaultHasher::new();
    match serde_json::to_vec(v) {
        Ok(bytes) => bytes.hash(&mut h),
        Err(_) => 0u8.hash(&mut h),
    }
    h.finish()
}

/// A department's own fields, without its units.
fn department_head(d: &Department) -> u64 {
    let mut h = DefaultHasher::new();
    match serde_json::to_value(d) {
        Ok(serde_json::Value::Object(mut m)) => {
            m.remove("units");
            json_hash(&serde_json::Value::Object(m), &mut h);
        }
        _ => 0u8.hash(&mut h),
    }
    h.finish()
}

/// The templates an office page can reach.
fn office_reach(templates: &[(String, String)]) -> BTreeSet<&str> {
    crate::render::reach(templates, &crate::plan::office_templates())
}

/// Whether a template in `reached` names the whole directory.
fn reads_directory(templates: &[(String, String)], reached: &BTreeSet<&str>) -> bool {
    crate::render::reads_directory(templates, reached)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str, src: &str) -> (String, String) {
        (name.to_string(), src.to_string())
    }

    fn offices_read_directory(templates: &[(String, String)]) -> bool {
        reads_directory(templates, &office_reach(templates))
    }

    #[test]
    fn the_directory_counts_only_where_office_pages_reach_it() {
        let base = t("base.html", "<main>{% block main %}{% endblock %}</main>");
        let office = t("office.html", r#"{% extends "base.html" %}"#);
        let offices = t("offices.html", "{% for d in departments %}{% endfor %}");
        assert!(!offices_read_directory(&[
            base.clone(),
            office.clone(),
            offices.clone()
        ]));
        // Through a template the office page extends.
        let base2 = t("base.html", "{{ departments | length }}");
        assert!(offices_read_directory(&[
            base2,
            office.clone(),
            offices.clone()
        ]));
        // Through an import of an import, with single quotes.
        let office3 = t("office.html", "{% import 'a.html' as a %}");
        let a = t("a.html", r#"{% include "b.html" %}"#);
        let b = t("b.html", "{{ __tera_context }}");
        assert!(offices_read_directory(&[office3, a, b, base.clone()]));
        // Through a component, which any template may call without naming its file.
        let comps = t(
            "components.html",
            "{% component dir() %}{{ departments | length }}{% endcomponent dir %}",
        );
        assert!(offices_read_directory(&[base, office, offices, comps]));
    }
}
