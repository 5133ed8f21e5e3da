//! stend: a static site generator for public service standards.
//!
//! The data flows one way, a module per stage:
//!
//! ```text
//! load → validate → plan → render → check → write
//! ```
//!
//! [`load`] reads the project into a typed [`model::Site`]; [`validate`] applies the rules the
//! types cannot; [`plan`] decides every page and resolves languages; [`render`] fills the Tera
//! templates in parallel; [`check`] proves every internal link and fragment resolves; [`write`]
//! swaps the new output in atomically. [`routes`] makes every URL. [`diagnostics`] is the one
//! error type. The binary (`cli`) is a thin shell over [`build`] and [`check_project`].

// Diagnostics are large by design (file, location, field, hint, quoted line) and only travel on
// the error path, so boxing them would add noise without saving anything measurable.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod cli;
pub mod compress;
pub mod diagnostics;
pub mod edition;
pub mod incremental;
pub mod load;
pub mod markdown;
pub mod model;
pub mod opendata;
pub mod plan;
pub mod present;
pub mod qr;
pub mod render;
pub mod routes;
pub mod schema;
pub mod serve;
pub mod structured;
pub mod translit;
pub mod validate;
pub mod write;

use diagnostics::{Error, Result};
use std::path::Path;

/// What a successful build produced.
#[derive(Debug, Clone)]
pub struct Report {
    /// HTML pages rendered.
    pub pages: usize,
    /// Files in the output (pages, assets, sitemap …).
    pub files: usize,
    /// Bytes of output.
    pub bytes: u64,
}

/// Which editions a build writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editions {
    /// The ministry's edition (the whole directory), into `--out`.
    Ministry,
    /// One department's edition, into `--out`.
    Department(String),
    /// The ministry's and every department's, into `--out/ministry/`, `--out/<slug>/`.
    All,
}

/// Loads and validates the project.
pub fn load_site(root: &Path, env: &load::Env) -> Result<model::Site> {
    let site = load::load(root, env)?;
    validate::validate(&site)?;
    let problems = edition::check_config(&site);
    if !problems.is_empty() {
        return Err(Error::Project(problems));
    }
    Ok(site)
}

/// Plans, renders and checks one edition of a loaded site in memory; the files sorted by path.
pub fn render_edition(
    site: &model::Site,
    templates: &render::Templates,
    ed: &edition::Edition,
) -> Result<Vec<render::Output>> {
    let memory = write::Memory::default();
    render_edition_into(site, templates, ed, &memory, "")?;
    Ok(memory
        .into_files()
        .into_iter()
        .map(|(path, bytes)| render::Output {
            route: routes::route_of_file(&path),
            html: path.ends_with(".html"),
            path,
            bytes,
            source: None,
            template: None,
        })
        .collect())
}

/// Units of work rendered in parallel between two writes of the sitemap (office jobs are eight
/// pages each): large enough to keep every core busy, small enough that a batch's sitemap
/// entries are a few megabytes.
const BATCH: usize = 4096;

/// What rendering left behind besides the files it stored: small per page, merged in plan
/// order so that diagnostics and the sitemap come out the same whatever the thread count.
#[derive(Default)]
struct Rendered {
    pages: usize,
    diagnostics: Vec<diagnostics::Diagnostic>,
    links: check::Links,
    sitemap: Vec<render::SitemapEntry>,
    /// Pages taken unchanged from the previous render.
    reused: usize,
    /// Office jobs for the next render to reuse (only when asked for).
    jobs: Vec<(incremental::JobKey, std::sync::Arc<incremental::Cached>)>,
}

impl Rendered {
    /// `self` followed by `later`.
    fn merge(mut self, later: Rendered) -> Rendered {
        self.pages += later.pages;
        self.reused += later.reused;
        for d in later.diagnostics {
            // A template error repeats on every page that uses it; report it once.
            if !self.diagnostics.contains(&d) {
                self.diagnostics.push(d);
            }
        }
        self.links.merge(later.links);
        self.sitemap.extend(later.sitemap);
        self.jobs.extend(later.jobs);
        self
    }

    fn problem(&mut self, d: diagnostics::Diagnostic) {
        if !self.diagnostics.contains(&d) {
            self.diagnostics.push(d);
        }
    }
}

/// Plans, renders and checks one edition, storing each file in `sink` under `prefix` as soon as
/// it is rendered (pages in parallel; no page is kept once stored). Returns the number of
/// pages. Every link is checked once the whole edition exists; any problem is an error, and the
/// caller discards what was stored.
pub fn render_edition_into(
    site: &model::Site,
    templates: &render::Templates,
    ed: &edition::Edition,
    sink: &dyn write::Sink,
    prefix: &str,
) -> Result<usize> {
    render_edition_reusing(site, templates, ed, sink, prefix, None).map(|(pages, _)| pages)
}

/// [`render_edition_into`], reusing what an earlier render of the same edition made of the
/// offices whose inputs have not changed since (see [`incremental`]); returns the pages and
/// what the next render may reuse. Without `reuse`, nothing is kept for later.
pub fn render_edition_reusing(
    site: &model::Site,
    templates: &render::Templates,
    ed: &edition::Edition,
    sink: &dyn write::Sink,
    prefix: &str,
    reuse: Option<&incremental::Reuse>,
) -> Result<(usize, incremental::Reuse)> {
    use rayon::prelude::*;
    use std::sync::Arc;
    let plan = plan::plan(site, ed);
    if !plan.problems.is_empty() {
        return Err(Error::Project(plan.problems));
    }
    let renderer = render::Renderer::new(site, templates, &plan)?;
    let fingerprints = reuse.map(|_| incremental::Fingerprints::new(site, &plan, templates));
    let theme_templates = site.theme.dir.join("templates");
    // Every input file's text, to quote the line of a broken link: only made when there is one
    // (at national scale the directory's YAML alone is megabytes).
    let all_sources = std::sync::OnceLock::new();
    let sources = || {
        all_sources.get_or_init(|| {
            let mut m = site.sources.clone();
            for p in &site.pages {
                for v in p.versions.values() {
                    m.insert(v.file.clone(), v.source.clone());
                }
            }
            m
        })
    };
    let mut sitemap = plan
        .edition
        .base_url
        .as_deref()
        .map(render::SitemapWriter::new);
    let with_sitemap = sitemap.is_some();
    let mut sitemap_files = Vec::new();
    let mut put_sitemap = |route: String, xml: String| {
        let path = routes::output_file(&route);
        sink.put(&format!("{prefix}{path}"), xml.into_bytes())?;
        sitemap_files.push(path);
        Ok(())
    };
    // One unit of work: its pages rendered, checked and stored, or reused from `reuse`.
    let render_work = |r: &mut Rendered, wi: u32, w: &plan::Work| -> Result<()> {
        let job = match (w, &fingerprints) {
            (plan::Work::Office(j), Some(f)) => f.of(site, j),
            _ => None,
        };
        if let (Some((key, fp)), Some(prev)) = (&job, reuse)
            && let Some(c) = prev.get(key, *fp)
        {
            for (path, bytes) in &c.files {
                sink.put_shared(&format!("{prefix}{path}"), Arc::clone(bytes))?;
                r.links.file(path);
            }
            for (pi, p) in &c.pending {
                r.links.want(p.clone(), (wi, *pi));
            }
            r.sitemap.extend(c.sitemap.iter().cloned());
            r.pages += c.pages;
            r.reused += c.pages;
            r.jobs.push((key.clone(), Arc::clone(c)));
            return Ok(());
        }
        let mut keep = job.as_ref().map(|(_, fp)| incremental::Cached::new(*fp));
        for (pi, page) in plan.pages_of(site, w).into_iter().enumerate() {
            let pi = pi as u32;
            let o = match renderer.render(&page) {
                Ok(o) => o,
                Err(d) => {
                    r.problem(d);
                    continue;
                }
            };
            let (problems, pending) = check::page_links(&o);
            for (target, problem) in problems {
                r.problem(check::locate(
                    &check::Origin::of(&o),
                    &target,
                    problem,
                    &theme_templates,
                    sources(),
                ));
            }
            let entry = with_sitemap.then(|| render::SitemapEntry::of(&page));
            r.pages += 1;
            let path = format!("{prefix}{}", o.path);
            match &mut keep {
                Some(k) => {
                    let bytes = Arc::new(o.bytes);
                    sink.put_shared(&path, Arc::clone(&bytes))?;
                    k.files.push((o.path.clone(), bytes));
                    k.pending.extend(pending.iter().map(|p| (pi, p.clone())));
                    k.sitemap.extend(entry.iter().cloned());
                    k.pages += 1;
                }
                None => sink.put(&path, o.bytes)?,
            }
            for p in pending {
                r.links.want(p, (wi, pi));
            }
            r.sitemap.extend(entry);
            r.links.file(&o.path);
        }
        // A job with problems fails the whole render, and then nothing is kept.
        if let (Some((key, _)), Some(mut k)) = (job, keep) {
            k.dedup_links();
            r.jobs.push((key, Arc::new(k)));
        }
        Ok(())
    };
    // Pages that hold the whole directory while they render (one per language) go first, while
    // little else is in memory; their results join the others at their place in plan order.
    let mut early: std::collections::HashMap<usize, std::sync::Mutex<Option<Rendered>>> =
        std::collections::HashMap::new();
    for (wi, w) in plan.work.iter().enumerate() {
        if let plan::Work::Page(i) = w
            && renderer.holds_directory(&plan.pages[*i].template)
        {
            let mut r = Rendered::default();
            render_work(&mut r, wi as u32, w)?;
            early.insert(wi, std::sync::Mutex::new(Some(r)));
        }
    }
    let mut total = Rendered::default();
    // In batches, in plan order, so that the sitemap can be written as it fills instead of
    // being held for the whole site; each batch is rendered in parallel.
    for (b, batch) in plan.work.chunks(BATCH).enumerate() {
        let first = b * BATCH;
        let rendered = batch
            .par_iter()
            .enumerate()
            .try_fold(Rendered::default, |mut r, (i, w)| -> Result<Rendered> {
                let done = early
                    .get(&(first + i))
                    .and_then(|e| e.lock().unwrap_or_else(|e| e.into_inner()).take());
                match done {
                    Some(e) => r = r.merge(e),
                    None => render_work(&mut r, (first + i) as u32, w)?,
                }
                Ok(r)
            })
            .try_reduce(Rendered::default, |a, b| Ok(a.merge(b)))?;
        let mut rendered = rendered;
        if let Some(w) = &mut sitemap {
            for e in std::mem::take(&mut rendered.sitemap) {
                w.add(&e, &mut put_sitemap)?;
            }
        }
        total = total.merge(rendered);
    }
    let Rendered {
        pages,
        diagnostics: diags,
        mut links,
        sitemap: _,
        reused,
        jobs,
    } = total;
    if !diags.is_empty() {
        return Err(Error::Project(diags));
    }
    if let Some(w) = sitemap {
        w.finish(&mut put_sitemap)?;
    }
    for path in &sitemap_files {
        links.file(path);
    }
    render::extras(site, &plan, &mut |o| {
        sink.put(&format!("{prefix}{}", o.path), o.bytes)?;
        links.file(&o.path);
        Ok(())
    })?;
    // A broken link is kept as a key and a place; render that page again to name it.
    let refind = |(wi, pi): check::Place, file: u64| {
        let w = plan.work.get(wi as usize)?;
        let page = plan.pages_of(site, w).into_iter().nth(pi as usize)?;
        let o = renderer.render(&page).ok()?;
        let (_, pending) = check::page_links(&o);
        pending
            .into_iter()
            .find(|p| p.fragment.is_none() && check::key(&p.file) == file)
    };
    let broken = links.finish(
        |path| sink.read(&format!("{prefix}{path}")),
        refind,
        &theme_templates,
        sources(),
    );
    if !broken.is_empty() {
        return Err(Error::Project(broken));
    }
    let mut next = incremental::Reuse::default();
    next.set_reused_pages(reused);
    for (key, cached) in jobs {
        next.insert(key, cached);
    }
    Ok((pages, next))
}

/// The editions selected, resolved against the loaded site.
pub fn select(site: &model::Site, which: &Editions) -> Result<Vec<edition::Edition>> {
    Ok(match which {
        Editions::Ministry => vec![edition::Edition::ministry(site)],
        Editions::Department(slug) => vec![edition::department(site, slug)?],
        Editions::All => edition::all(site),
    })
}

/// Loads, validates, plans, renders and checks the ministry edition, without writing anything.
pub fn render_project(root: &Path, env: &load::Env) -> Result<Vec<render::Output>> {
    let site = load_site(root, env)?;
    let templates = render::Templates::compile(&site)?;
    render_edition(&site, &templates, &edition::Edition::ministry(&site))
}

/// Builds the ministry edition of the project at `root` into `out`.
pub fn build(root: &Path, out: &Path, env: &load::Env) -> Result<Report> {
    build_editions(root, out, env, &Editions::Ministry)
}

/// Builds the selected editions: loading and template compilation are shared; nothing is
/// written unless every edition rendered and checked cleanly.
pub fn build_editions(
    root: &Path,
    out: &Path,
    env: &load::Env,
    which: &Editions,
) -> Result<Report> {
    // Refuse a wrong --out before doing any work.
    write::guard(out)?;
    let site = load_site(root, env)?;
    let templates = render::Templates::compile(&site)?;
    let editions = select(&site, which)?;
    let staging = write::Staging::begin(out, site.config.precompress)?;
    let mut pages = 0;
    let mut diags = Vec::new();
    for ed in &editions {
        let prefix = if *which == Editions::All {
            format!("{}/", ed.slug)
        } else {
            String::new()
        };
        match render_edition_into(&site, &templates, ed, &staging, &prefix) {
            Ok(n) => pages += n,
            Err(Error::Project(d)) => diags.extend(d),
            Err(e) => return Err(e),
        }
    }
    if !diags.is_empty() {
        // Dropping the staging directory leaves the previous output as it was.
        return Err(Error::Project(diags));
    }
    let (files, bytes) = staging.commit()?;
    Ok(Report {
        pages,
        files,
        bytes,
    })
}

/// Checks the project at `root` — every edition — with everything a build does except writing.
pub fn check_project(root: &Path, env: &load::Env) -> Result<Report> {
    let site = load_site(root, env)?;
    let templates = render::Templates::compile(&site)?;
    let mut pages = 0;
    let mut files = 0;
    let mut bytes = 0;
    let mut diags = Vec::new();
    for ed in edition::all(&site) {
        match render_edition(&site, &templates, &ed) {
            Ok(outputs) => {
                pages += outputs.iter().filter(|o| o.html).count();
                files += outputs.len();
                bytes += outputs.iter().map(|o| o.bytes.len() as u64).sum::<u64>();
            }
            Err(Error::Project(d)) => {
                for x in d {
                    if !diags.contains(&x) {
                        diags.push(x);
                    }
                }
            }
            Err(e) => return Err(e),
        }
    }
    if !diags.is_empty() {
        return Err(Error::Project(diags));
    }
    Ok(Report {
        pages,
        files,
        bytes,
    })
}
