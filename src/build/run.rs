//! One edition through the pipeline: plan it, then render, check and store each page as soon as
//! it is made (in parallel, in batches in plan order), write the sitemap as it fills, add the
//! files that are not pages, and check every link once the whole edition exists.

use super::Project;
use super::cache::{Cache, Cached, Fingerprints, JobKey};
use crate::check::{self, Links, Place};
use crate::diagnostics::{Diagnostic, Error, Result};
use crate::model::{Edition, Site};
use crate::page::{Output, Page, PdfFile, Plan, Work};
use crate::render::Renderer;
use crate::write::Sink;
use crate::write::sitemap::{SitemapEntry, SitemapWriter};
use crate::{assets, opendata, plan, routes, view};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Units of work rendered in parallel between two writes of the sitemap (office jobs are eight
/// pages each): large enough to keep every core busy, small enough that a batch's sitemap
/// entries are a few megabytes.
const BATCH: usize = 4096;

/// What a render of one edition produced.
pub struct Rendered {
    /// HTML pages rendered (or reused).
    pub pages: usize,
    /// What the next render may reuse (empty unless a cache was given).
    pub cache: Cache,
}

/// Plans, renders and checks one edition, storing each file in `sink` under `prefix` as soon as
/// it is rendered (no page is kept once stored). Every link is checked once the whole edition
/// exists; any problem is an error, and the caller discards what was stored. With `cache`, the
/// offices whose inputs did not change since that render are taken from it.
pub fn render(
    project: &Project,
    ed: &Edition,
    sink: &dyn Sink,
    prefix: &str,
    cache: Option<&Cache>,
) -> Result<Rendered> {
    let site = &project.site;
    let plan = plan::plan(site, ed).map_err(Error::Project)?;
    let renderer = Renderer::new(site, &project.templates, &plan.edition)?;
    let run = Run {
        site,
        fonts: project.fonts.as_ref(),
        plan: &plan,
        renderer: &renderer,
        sink,
        prefix,
        cache,
        fingerprints: cache.map(|_| Fingerprints::new(site, &plan, &project.templates)),
        theme_templates: site.theme.dir.join("templates"),
        sources: OnceLock::new(),
        failed: AtomicBool::new(false),
        shared_pdfs: Mutex::new(HashMap::new()),
    };
    let mut done = run.pages()?;
    if !done.diagnostics.is_empty() {
        return Err(Error::Project(done.diagnostics));
    }
    run.extras(&mut done.links)?;
    let broken = run.broken_links(done.links);
    if !broken.is_empty() {
        return Err(Error::Project(broken));
    }
    let mut next = Cache::default();
    next.set_reused_pages(done.reused);
    for (key, cached) in done.jobs {
        next.insert(key, cached);
    }
    Ok(Rendered {
        pages: done.pages,
        cache: next,
    })
}

/// What rendering left behind besides the files it stored: small per page, merged in plan
/// order so that diagnostics and the sitemap come out the same whatever the thread count.
#[derive(Default)]
struct Done {
    pages: usize,
    diagnostics: Vec<Diagnostic>,
    links: Links,
    sitemap: Vec<SitemapEntry>,
    /// Pages taken unchanged from the previous render.
    reused: usize,
    /// Office jobs for the next render to reuse (only when a cache was given).
    jobs: Vec<(JobKey, Arc<Cached>)>,
}

impl Done {
    /// `self` followed by `later`.
    fn merge(mut self, later: Done) -> Done {
        self.pages += later.pages;
        self.reused += later.reused;
        for d in later.diagnostics {
            self.problem(d);
        }
        self.links.merge(later.links);
        self.sitemap.extend(later.sitemap);
        self.jobs.extend(later.jobs);
        self
    }

    /// A template error repeats on every page that uses it; report it once.
    fn problem(&mut self, d: Diagnostic) {
        if !self.diagnostics.contains(&d) {
            self.diagnostics.push(d);
        }
    }
}

/// One edition's render in progress.
struct Run<'a> {
    site: &'a Site,
    /// Set when printable pages get their PDFs (`pdf: true`).
    fonts: Option<&'a crate::pdf::Fonts>,
    plan: &'a Plan,
    renderer: &'a Renderer<'a>,
    sink: &'a dyn Sink,
    prefix: &'a str,
    cache: Option<&'a Cache>,
    fingerprints: Option<Fingerprints>,
    theme_templates: PathBuf,
    /// Every input file's text, to quote the line of a broken link: only made when there is
    /// one (at national scale the directory's YAML alone is megabytes).
    sources: OnceLock<BTreeMap<PathBuf, String>>,
    /// Set at the first page that failed: the render will be discarded, so later pages are
    /// still rendered (to report every distinct problem) but no longer stored, which would
    /// pre-compress them for nothing.
    failed: AtomicBool,
    /// PDFs that pages of several languages link (bilingual printables), by route: typeset and
    /// written by whichever of those pages' jobs comes first; the others take its size (a
    /// page says how large its PDF is). Only sizes are kept, so memory does not grow with the
    /// directory.
    shared_pdfs: Mutex<HashMap<String, SharedPdf>>,
}

/// A shared PDF's size, or why it could not be made, once a job has made it.
type SharedPdf = Arc<OnceLock<std::result::Result<usize, String>>>;

impl Run<'_> {
    fn sources(&self) -> &BTreeMap<PathBuf, String> {
        self.sources.get_or_init(|| {
            let mut m = self.site.sources.clone();
            for p in &self.site.pages {
                for v in p.versions.values() {
                    m.insert(v.file.clone(), v.source.clone());
                }
            }
            m
        })
    }

    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()> {
        self.sink.put(&format!("{}{path}", self.prefix), bytes)
    }

    /// Every page, in batches in plan order: the pages that hold the whole directory while
    /// they render (one per language) first, while little else is in memory; their results
    /// join the others at their place in plan order.
    fn pages(&self) -> Result<Done> {
        let mut early: HashMap<usize, Mutex<Option<Done>>> = HashMap::new();
        for (wi, w) in self.plan.work.iter().enumerate() {
            if let Work::Page(i) = w
                && self.renderer.holds_directory(&self.plan.pages[*i].template)
            {
                let mut d = Done::default();
                self.work(&mut d, wi as u32, w)?;
                early.insert(wi, Mutex::new(Some(d)));
            }
        }
        let mut sitemap = self
            .plan
            .edition
            .base_url
            .as_deref()
            .map(SitemapWriter::new);
        let mut sitemap_files = Vec::new();
        let mut put_sitemap = |route: String, xml: String| {
            let path = routes::output_file(&route);
            self.put(&path, xml.into_bytes())?;
            sitemap_files.push(path);
            Ok(())
        };
        let mut total = Done::default();
        for (b, batch) in self.plan.work.chunks(BATCH).enumerate() {
            let first = b * BATCH;
            let mut done = batch
                .par_iter()
                .enumerate()
                .try_fold(Done::default, |mut d, (i, w)| -> Result<Done> {
                    let taken = early
                        .get(&(first + i))
                        .and_then(|e| e.lock().unwrap_or_else(|e| e.into_inner()).take());
                    match taken {
                        Some(e) => d = d.merge(e),
                        None => self.work(&mut d, (first + i) as u32, w)?,
                    }
                    Ok(d)
                })
                .try_reduce(Done::default, |a, b| Ok(a.merge(b)))?;
            if let Some(w) = &mut sitemap {
                for e in std::mem::take(&mut done.sitemap) {
                    w.add(&e, &mut put_sitemap)?;
                }
            }
            total = total.merge(done);
        }
        if total.diagnostics.is_empty()
            && let Some(w) = sitemap
        {
            w.finish(&mut put_sitemap)?;
        }
        for path in &sitemap_files {
            total.links.file(path);
        }
        Ok(total)
    }

    /// One unit of work: its pages rendered, checked and stored, or taken from the cache.
    fn work(&self, d: &mut Done, wi: u32, w: &Work) -> Result<()> {
        let job = match (w, &self.fingerprints) {
            (Work::Office(j), Some(f)) => f.of(self.site, j),
            _ => None,
        };
        if let (Some((key, fp)), Some(prev)) = (&job, self.cache)
            && let Some(c) = prev.get(key, *fp)
        {
            return self.reuse(d, wi, key, c);
        }
        let mut keep = job.as_ref().map(|(_, fp)| Cached::new(*fp));
        for (pi, mut page) in plan::pages_of(self.site, self.plan, w)
            .into_iter()
            .enumerate()
        {
            // The PDF first: its page links it with its size.
            if let Some(fonts) = self.fonts {
                self.pdf(d, &mut page, fonts, keep.as_mut())?;
            }
            let o = match self.renderer.render(&page) {
                Ok(o) => o,
                Err(e) => {
                    self.failed.store(true, Ordering::Relaxed);
                    d.problem(e);
                    continue;
                }
            };
            let place = (wi, pi as u32);
            let entry = self
                .plan
                .edition
                .base_url
                .is_some()
                .then(|| SitemapEntry::of(&page));
            self.store(d, o, place, entry, keep.as_mut())?;
        }
        // A job with problems fails the whole render, and then nothing is kept.
        if let (Some((key, _)), Some(mut k)) = (job, keep) {
            k.dedup_links();
            d.jobs.push((key, Arc::new(k)));
        }
        Ok(())
    }

    /// A rendered page: its own links checked, the rest kept for the end, the file stored.
    fn store(
        &self,
        d: &mut Done,
        o: Output,
        place: Place,
        entry: Option<SitemapEntry>,
        keep: Option<&mut Cached>,
    ) -> Result<()> {
        let (problems, pending) = check::page_links(&o);
        for (target, problem) in problems {
            self.failed.store(true, Ordering::Relaxed);
            let origin = check::Origin::of(&o);
            d.problem(check::locate(
                &origin,
                &target,
                problem,
                &self.theme_templates,
                self.sources(),
            ));
        }
        if o.html
            && let Some(derived) = self
                .site
                .config
                .derived
                .iter()
                .find(|l| o.route.starts_with(&routes::home(&l.code)))
            && let Some(problem) = check::derived_page(
                &o,
                derived,
                &self.theme_templates,
                &self.site.theme.templates,
            )
        {
            self.failed.store(true, Ordering::Relaxed);
            d.problem(problem);
        }
        d.pages += 1;
        let path = format!("{}{}", self.prefix, o.path);
        d.links.file(&o.path);
        if self.failed.load(Ordering::Relaxed) {
            return Ok(());
        }
        match keep {
            Some(k) => {
                let bytes = Arc::new(o.bytes);
                self.sink.put_shared(&path, Arc::clone(&bytes))?;
                k.files.push((o.path, bytes));
                k.pending
                    .extend(pending.iter().map(|p| (place.1, p.clone())));
                k.sitemap.extend(entry.iter().cloned());
                k.pages += 1;
            }
            None => self.sink.put(&path, o.bytes)?,
        }
        for p in pending {
            d.links.want(p, place);
        }
        d.sitemap.extend(entry);
        Ok(())
    }

    /// The PDF of a printable page, made and stored (and kept for reuse with its job); the
    /// page then links it. A PDF that cannot be made is a problem of the render.
    fn pdf(
        &self,
        d: &mut Done,
        page: &mut Page,
        fonts: &crate::pdf::Fonts,
        keep: Option<&mut Cached>,
    ) -> Result<()> {
        let Some(printable) = view::pdf::doc_of(self.site, &self.plan.edition, page) else {
            return Ok(());
        };
        let route = routes::pdf(&printable.home, printable.name);
        let path = routes::output_file(&route);
        let full = format!("{}{path}", self.prefix);
        // Only a build into a fresh output takes PDFs over from the previous one; `serve`
        // keeps them with its jobs (`keep`) instead.
        let recipe = match keep {
            None => printable.doc.recipe(fonts),
            Some(_) => None,
        };
        // Set by the job that places the file: `Some(None)` when it was taken over from the
        // previous output, `Some(Some(bytes))` when typeset here.
        let mut placed: Option<Option<Arc<Vec<u8>>>> = None;
        let mut make = || -> std::result::Result<usize, String> {
            if let Some(r) = recipe
                && let Some(n) = self.sink.reuse_made(&full, r)
            {
                placed = Some(None);
                return Ok(n as usize);
            }
            let bytes = printable.doc.write(fonts).map_err(|e| e.to_string())?;
            let n = bytes.len();
            placed = Some(Some(Arc::new(bytes)));
            Ok(n)
        };
        let made = if printable.shared {
            let cell = {
                let mut shared = self.shared_pdfs.lock().unwrap_or_else(|e| e.into_inner());
                Arc::clone(shared.entry(route.clone()).or_default())
            };
            // A job of another language typesetting it right now is waited for (typesetting
            // does not use the thread pool, so the wait cannot deadlock).
            cell.get_or_init(make).clone()
        } else {
            make()
        };
        let size = match made {
            Ok(n) => n,
            Err(why) => {
                self.pdf_failed(d, page, &path, &route, why);
                return Ok(());
            }
        };
        let lang = page.lang.as_deref().unwrap_or(self.site.default_language());
        page.pdf = Some(PdfFile {
            route,
            paper: view::pdf::paper_label(self.site, lang, printable.doc.paper()),
            bytes: size,
        });
        let Some(placed) = placed else {
            // Another language's job placed this shared PDF.
            return Ok(());
        };
        d.links.file(&path);
        if self.failed.load(Ordering::Relaxed) {
            return Ok(());
        }
        let Some(bytes) = placed else {
            return Ok(());
        };
        match (keep, recipe) {
            (Some(k), _) => {
                self.sink.put_shared(&full, Arc::clone(&bytes))?;
                k.files.push((path, bytes));
            }
            (None, Some(r)) => self.sink.put_made(&full, bytes, r)?,
            (None, None) => self.sink.put_shared(&full, bytes)?,
        }
        Ok(())
    }

    /// A PDF that could not be made: a problem of the render, at the page's source.
    fn pdf_failed(&self, d: &mut Done, page: &Page, path: &str, route: &str, why: String) {
        self.failed.store(true, Ordering::Relaxed);
        let file = page.source.clone().unwrap_or_else(|| PathBuf::from(path));
        d.problem(
            Diagnostic::new(
                file,
                crate::msg!(
                    "pdf-failed",
                    route = route,
                    why = crate::i18n::Msg::verbatim(why)
                ),
            )
            .hint(crate::msg!("hint-pdf-failed")),
        );
    }

    /// An office job taken unchanged from the previous render.
    fn reuse(&self, d: &mut Done, wi: u32, key: &JobKey, c: &Arc<Cached>) -> Result<()> {
        for (path, bytes) in &c.files {
            self.sink
                .put_shared(&format!("{}{path}", self.prefix), Arc::clone(bytes))?;
            d.links.file(path);
        }
        for (pi, p) in &c.pending {
            d.links.want(p.clone(), (wi, *pi));
        }
        d.sitemap.extend(c.sitemap.iter().cloned());
        d.pages += c.pages;
        d.reused += c.pages;
        d.jobs.push((key.clone(), Arc::clone(c)));
        Ok(())
    }

    /// The files that are not pages: theme assets, open data, robots.txt.
    fn extras(&self, links: &mut Links) -> Result<()> {
        let mut put = |o: Output| {
            self.put(&o.path, o.bytes)?;
            links.file(&o.path);
            Ok(())
        };
        let ed = &self.plan.edition;
        assets::files(self.site, ed, &mut put)?;
        opendata::files(self.site, ed, &mut |route, bytes| {
            put(Output::file(route, bytes))
        })
    }

    /// Every link of the edition checked against its files; a broken link is kept as a key
    /// and a place, and that page rendered again to name it.
    fn broken_links(&self, links: Links) -> Vec<Diagnostic> {
        let refind = |(wi, pi): Place, file: u64| {
            let w = self.plan.work.get(wi as usize)?;
            let page = plan::pages_of(self.site, self.plan, w)
                .into_iter()
                .nth(pi as usize)?;
            let o = self.renderer.render(&page).ok()?;
            let (_, pending) = check::page_links(&o);
            pending
                .into_iter()
                .find(|p| p.fragment.is_none() && check::key(&p.file) == file)
        };
        links.finish(
            |path| self.sink.read(&format!("{}{path}", self.prefix)),
            refind,
            &self.theme_templates,
            self.sources(),
        )
    }
}
