//! Render: compile the theme's Tera templates once and render every planned page in parallel.
//!
//! Each language gets a clone of the compiled templates whose Tera 2 global context holds that
//! language's site-wide values, so a page's own context stays small and a `kk` page can only
//! ever see `kk` strings.

use crate::diagnostics::{Diagnostic, Error, Result};
use crate::model::Site;
use crate::plan::{Page, Plan};
use crate::routes;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// One file of output: its route and its bytes.
#[derive(Debug, Clone)]
pub struct Output {
    /// Site-absolute route (`/kk/`, `/assets/style.css`).
    pub route: String,
    /// Path relative to the output root.
    pub path: String,
    pub bytes: Vec<u8>,
    /// Whether the file is an HTML page (for link checking).
    pub html: bool,
    /// Where the page came from, for diagnostics about its links.
    pub source: Option<PathBuf>,
    pub template: Option<String>,
}

/// Compiled templates, one instance per language.
pub struct Renderer<'a> {
    by_lang: BTreeMap<String, tera::Tera>,
    default_lang: String,
    theme_dir: PathBuf,
    sources: BTreeMap<String, String>,
    directory: Directory<'a>,
}

/// Where the `departments` value (the whole directory: every office of the edition) lives.
///
/// At national scale it is by far the largest site-wide value, and in the template engine's
/// own representation it costs several times its JSON size per language. The default theme
/// reads it on one page per language (the directory), so unless an office's page can read it
/// (then every page might, and it is built once into the global context), it is built only for
/// the pages whose templates can read it, and dropped with them.
enum Directory<'a> {
    Global,
    PerPage {
        site: &'a Site,
        edition: &'a crate::edition::Edition,
        /// Templates that can read `departments`.
        users: &'a BTreeSet<String>,
        /// One such page at a time: each holds the whole directory while it renders.
        one_at_a_time: std::sync::Mutex<()>,
    },
}

/// The theme's templates, compiled once per build and shared by every edition and language.
pub struct Templates {
    tera: tera::Tera,
    theme_dir: PathBuf,
    sources: BTreeMap<String, String>,
    /// Templates that can read the whole directory (see [`reads_directory`]).
    directory_users: BTreeSet<String>,
    /// Templates an office's pages can reach (see [`reach`]), and whether one of them can read
    /// the whole directory: then it is a global, and `stend serve` counts it as an input of
    /// every office.
    pub office_reach: BTreeSet<String>,
    pub offices_read_directory: bool,
}

/// The templates reached from `roots`: the roots, any template whose name appears quoted in one
/// reached (`{% extends "base.html" %}`, imports, includes), and any template that defines a
/// component (Tera 2 components are called by name from any template, without naming the file).
pub fn reach<'t>(templates: &'t [(String, String)], roots: &[String]) -> BTreeSet<&'t str> {
    let mut reached: BTreeSet<&str> = templates
        .iter()
        .filter(|(n, src)| roots.contains(n) || src.contains("{% component"))
        .map(|(n, _)| n.as_str())
        .collect();
    loop {
        let more: Vec<&str> = templates
            .iter()
            .map(|(n, _)| n.as_str())
            .filter(|n| !reached.contains(n))
            .filter(|n| {
                let quoted = [format!("\"{n}\""), format!("'{n}'"), format!("`{n}`")];
                templates.iter().any(|(m, src)| {
                    reached.contains(m.as_str()) && quoted.iter().any(|q| src.contains(q))
                })
            })
            .collect();
        if more.is_empty() {
            return reached;
        }
        reached.extend(more);
    }
}

/// Whether a template in `set` can read the whole directory: it names `departments`, or dumps
/// the whole context (`__tera_context`).
pub fn reads_directory(templates: &[(String, String)], set: &BTreeSet<&str>) -> bool {
    templates.iter().any(|(n, src)| {
        set.contains(n.as_str()) && (src.contains("departments") || src.contains("__tera_context"))
    })
}

impl Templates {
    /// Compiles the theme.
    pub fn compile(site: &Site) -> Result<Templates> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html", ".xml", ".svg"]);
        let theme_dir = site.theme.dir.join("templates");
        let sources: BTreeMap<String, String> = site.theme.templates.iter().cloned().collect();
        if let Err(e) = tera.add_raw_templates(
            site.theme
                .templates
                .iter()
                .map(|(n, s)| (n.as_str(), s.as_str())),
        ) {
            return Err(Error::Project(vec![tera_diagnostic(
                &e, &theme_dir, &sources, None,
            )]));
        }
        let all = &site.theme.templates;
        let directory_users = all
            .iter()
            .filter(|(n, _)| reads_directory(all, &reach(all, std::slice::from_ref(n))))
            .map(|(n, _)| n.clone())
            .collect();
        let office_set = reach(all, &crate::plan::office_templates());
        let offices_read_directory = reads_directory(all, &office_set);
        let office_reach = office_set.into_iter().map(String::from).collect();
        Ok(Templates {
            tera,
            theme_dir,
            sources,
            directory_users,
            office_reach,
            offices_read_directory,
        })
    }
}

impl<'a> Renderer<'a> {
    /// Installs each language's globals of `plan` into its own clone of the compiled templates.
    pub fn new(site: &'a Site, templates: &'a Templates, plan: &'a Plan) -> Result<Renderer<'a>> {
        let tera = &templates.tera;
        let theme_dir = templates.theme_dir.clone();
        let sources = templates.sources.clone();
        let global_directory = templates.offices_read_directory;
        let mut by_lang = BTreeMap::new();
        for g in &plan.globals {
            let mut t = tera.clone();
            for (k, v) in &g.values {
                t.global_context().insert(k.clone(), v);
            }
            if global_directory {
                let directory = crate::plan::Directory {
                    site,
                    edition: &plan.edition,
                    lang: &g.lang,
                };
                t.global_context().insert("departments", &directory);
            }
            by_lang.insert(g.lang.clone(), t);
        }
        let directory = if global_directory {
            Directory::Global
        } else {
            Directory::PerPage {
                site,
                edition: &plan.edition,
                users: &templates.directory_users,
                one_at_a_time: std::sync::Mutex::new(()),
            }
        };
        Ok(Renderer {
            by_lang,
            default_lang: site.languages().first().cloned().unwrap_or_default(),
            theme_dir,
            sources,
            directory,
        })
    }

    /// Whether pages of `template` get the whole directory built for them alone (see
    /// [`Directory`]): the heaviest pages to render.
    pub fn holds_directory(&self, template: &str) -> bool {
        matches!(&self.directory, Directory::PerPage { users, .. } if users.contains(template))
    }

    /// Renders one page.
    pub fn render(&self, page: &Page) -> std::result::Result<Output, Diagnostic> {
        let lang = page.lang.as_deref().unwrap_or(&self.default_lang);
        let tera = self
            .by_lang
            .get(lang)
            .or_else(|| self.by_lang.values().next());
        let Some(tera) = tera else {
            return Err(Diagnostic::new("stend.yaml", "no languages are configured"));
        };
        if !self.sources.contains_key(&page.template) {
            let file = page
                .source
                .clone()
                .unwrap_or_else(|| self.theme_dir.clone());
            return Err(Diagnostic::new(
                file,
                format!("template `{}` does not exist", page.template),
            )
            .hint(format!(
                "add {}/{}",
                self.theme_dir.display(),
                page.template
            )));
        }
        let mut ctx = tera::Context::from_serialize(&page.context)
            .map_err(|e| Diagnostic::new(self.theme_dir.join(&page.template), e.to_string()))?;
        let mut _turn = None;
        if let Directory::PerPage {
            site,
            edition,
            users,
            one_at_a_time,
        } = &self.directory
            && users.contains(&page.template)
        {
            _turn = Some(one_at_a_time.lock().unwrap_or_else(|e| e.into_inner()));
            ctx.insert(
                "departments",
                &crate::plan::Directory {
                    site,
                    edition,
                    lang,
                },
            );
        }
        let html = tera.render(&page.template, &ctx).map_err(|e| {
            tera_diagnostic(&e, &self.theme_dir, &self.sources, Some(&page.template))
        })?;
        drop(ctx);
        Ok(Output {
            path: routes::output_file(&page.route),
            route: page.route.clone(),
            bytes: html.into_bytes(),
            html: true,
            source: page.source.clone(),
            template: Some(page.template.clone()),
        })
    }
}

/// Turns a Tera error into a diagnostic naming the template file, line and column.
fn tera_diagnostic(
    e: &tera::Error,
    theme_dir: &std::path::Path,
    sources: &BTreeMap<String, String>,
    template: Option<&str>,
) -> Diagnostic {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let name = if r.filename().is_empty() {
                template.unwrap_or_default().to_string()
            } else {
                r.filename().to_string()
            };
            let file = theme_dir.join(&name);
            let mut d = Diagnostic::new(file, r.message().to_string());
            if let Some(src) = sources.get(&name) {
                let span = r.span();
                d = d.at(src, span.start_line, span.start_col + 1);
            }
            let msg = r.message();
            if msg.contains("not defined")
                || msg.contains("not found in context")
                || msg.contains("undefined")
            {
                d = d.hint("templates may only use values stend provides (see README.md, Themes); use `x?.y` or `x is defined` for optional ones");
            }
            d
        }
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::new(
            theme_dir.join(current),
            format!("extends `{parent}`, which does not exist"),
        ),
        tera::ErrorKind::TemplateNotFound(name) => Diagnostic::new(
            theme_dir.join(template.unwrap_or(name)),
            format!("template `{name}` does not exist"),
        ),
        _ => Diagnostic::new(
            theme_dir.join(template.unwrap_or_default()),
            e.to_string().lines().next().unwrap_or_default().to_string(),
        ),
    }
}

/// Files that are not rendered from templates: theme assets, open data, `robots.txt` (which
/// names the sitemap when the edition has an address; [`SitemapWriter`] writes that).
pub fn extras(site: &Site, plan: &Plan, put: &mut dyn FnMut(Output) -> Result<()>) -> Result<()> {
    let file = |route: String, bytes: Vec<u8>| Output {
        path: routes::output_file(&route),
        route,
        bytes,
        html: false,
        source: None,
        template: None,
    };
    let mut assets: Vec<&(String, Vec<u8>)> = site.theme.static_files.iter().collect();
    assets.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, bytes) in assets {
        put(file(routes::asset(name), bytes.clone()))?;
    }
    crate::opendata::files(site, &plan.edition, &mut |route, bytes| {
        put(file(route, bytes))
    })?;
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = plan.edition.base_url.as_deref() {
        robots.push_str(&format!(
            "\nSitemap: {}\n",
            routes::absolute(base, &routes::sitemap())
        ));
    }
    put(file(routes::robots(), robots.into_bytes()))
}

/// Writes the sitemap as pages are rendered, in plan order, holding one file's text at a time:
/// Writes the sitemap as pages are rendered, in plan order, holding one file's text at a time:
/// `sitemap.xml` listing every page; beyond `max` pages (the protocol's limit), `sitemap-1.xml`,
/// `sitemap-2.xml`, … of `max` pages each and `sitemap.xml` the sitemap index.
pub struct SitemapWriter {
    base: String,
    max: usize,
    current: String,
    in_current: usize,
    /// Files written so far (only once the site proved larger than `max`).
    written: usize,
}

/// The most URLs one sitemap file may list (sitemaps.org protocol).
const SITEMAP_MAX_URLS: usize = 50_000;

const URLSET_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_TAIL: &str = "</urlset>\n";

impl SitemapWriter {
    pub fn new(base: &str) -> SitemapWriter {
        SitemapWriter::with_max(base, SITEMAP_MAX_URLS)
    }

    fn with_max(base: &str, max: usize) -> SitemapWriter {
        SitemapWriter {
            base: base.to_string(),
            max: max.max(1),
            current: String::from(URLSET_HEAD),
            in_current: 0,
            written: 0,
        }
    }

    /// Adds a page (the 404 page is not listed).
    pub fn add(
        &mut self,
        p: &SitemapEntry,
        put: &mut dyn FnMut(String, String) -> Result<()>,
    ) -> Result<()> {
        if p.route() == routes::not_found() {
            return Ok(());
        }
        if self.in_current == self.max {
            self.flush(put)?;
        }
        url_xml(&self.base, p, &mut self.current);
        self.in_current += 1;
        Ok(())
    }

    fn flush(&mut self, put: &mut dyn FnMut(String, String) -> Result<()>) -> Result<()> {
        let mut xml = std::mem::replace(&mut self.current, String::from(URLSET_HEAD));
        xml.push_str(URLSET_TAIL);
        self.written += 1;
        self.in_current = 0;
        put(format!("/sitemap-{}.xml", self.written), xml)
    }

    /// Writes what is left: the one sitemap, or the last part and the index.
    pub fn finish(mut self, put: &mut dyn FnMut(String, String) -> Result<()>) -> Result<()> {
        if self.written == 0 {
            let mut xml = std::mem::take(&mut self.current);
            xml.push_str(URLSET_TAIL);
            return put(routes::sitemap(), xml);
        }
        if self.in_current > 0 {
            self.flush(put)?;
        }
        let mut index = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for i in 1..=self.written {
            index.push_str(&format!(
                "  <sitemap><loc>{}</loc></sitemap>\n",
                xml_escape(&routes::absolute(&self.base, &format!("/sitemap-{i}.xml")))
            ));
        }
        index.push_str("</sitemapindex>\n");
        put(routes::sitemap(), index)
    }
}

/// What the sitemap needs of a page: its route and the route of each language version, packed
/// into one string (`route`, then `lang`, `route` per version, separated by NUL, which no route
/// contains): one small allocation per page; the absolute addresses are made when written.
#[derive(Debug, Clone)]
pub struct SitemapEntry {
    packed: Box<str>,
}

impl SitemapEntry {
    pub fn new<'a>(route: &str, alternates: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = String::from(route);
        for (lang, url) in alternates {
            s.push('\0');
            s.push_str(lang);
            s.push('\0');
            s.push_str(url);
        }
        SitemapEntry {
            packed: s.into_boxed_str(),
        }
    }

    pub fn of(p: &Page) -> SitemapEntry {
        let field = |a: &'_ serde_json::Value, k: &str| -> String {
            a.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let page = p.context.get("page");
        let mut alternates: Vec<(String, String)> = page
            .and_then(|v| v.get("alternates"))
            .and_then(|v| v.as_array())
            .map(|alts| {
                alts.iter()
                    .map(|a| (field(a, "lang"), field(a, "url")))
                    .collect()
            })
            .unwrap_or_default();
        // The same `x-default` as the page's head declares.
        if let Some(x) = page
            .and_then(|v| v.get("x_default"))
            .filter(|x| x.is_object())
        {
            alternates.push(("x-default".into(), field(x, "url")));
        }
        SitemapEntry::new(
            &p.route,
            alternates.iter().map(|(l, u)| (l.as_str(), u.as_str())),
        )
    }

    pub fn route(&self) -> &str {
        self.packed.split('\0').next().unwrap_or_default()
    }

    /// `(lang, route)` of every language version, then `("x-default", route)`.
    pub fn alternates(&self) -> impl Iterator<Item = (&str, &str)> {
        let mut parts = self.packed.split('\0').skip(1);
        std::iter::from_fn(move || Some((parts.next()?, parts.next()?)))
    }
}

/// One page's `<url>` element, with the alternates its head declares.
fn url_xml(base: &str, p: &SitemapEntry, s: &mut String) {
    s.push_str("  <url>\n    <loc>");
    s.push_str(&xml_escape(&routes::absolute(base, p.route())));
    s.push_str("</loc>\n");
    for (lang, route) in p.alternates() {
        s.push_str(&format!(
            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
            xml_escape(lang),
            xml_escape(&routes::absolute(base, route))
        ));
    }
    s.push_str("  </url>\n");
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(route: &str) -> SitemapEntry {
        SitemapEntry::new(route, [("kk", route)])
    }

    fn t(name: &str, src: &str) -> (String, String) {
        (name.to_string(), src.to_string())
    }

    fn offices_read_directory(templates: &[(String, String)]) -> bool {
        reads_directory(
            templates,
            &reach(templates, &crate::plan::office_templates()),
        )
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

    /// The sitemap files, the index (written last) first.
    fn sitemaps(base: &str, pages: &[SitemapEntry], max: usize) -> Vec<(String, String)> {
        let mut v = Vec::new();
        let mut put = |route, xml| {
            v.push((route, xml));
            Ok(())
        };
        let mut w = SitemapWriter::with_max(base, max);
        for p in pages {
            w.add(p, &mut put).expect("add");
        }
        w.finish(&mut put).expect("finish");
        v.rotate_right(1);
        v
    }

    #[test]
    fn large_sites_get_a_sitemap_index() {
        let pages: Vec<SitemapEntry> =
            ["/kk/", "/kk/a/", "/kk/b/", "/404.html", "/kk/c/", "/kk/d/"]
                .iter()
                .map(|r| entry(r))
                .collect();
        let one = sitemaps("https://x.kz", &pages, 10);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].0, "/sitemap.xml");
        assert_eq!(one[0].1.matches("<loc>").count(), 5, "404 is not listed");

        let split = sitemaps("https://x.kz", &pages, 2);
        let routes: Vec<&str> = split.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(
            routes,
            [
                "/sitemap.xml",
                "/sitemap-1.xml",
                "/sitemap-2.xml",
                "/sitemap-3.xml"
            ]
        );
        assert!(split[0].1.contains("<sitemapindex"));
        assert!(split[0].1.contains("<loc>https://x.kz/sitemap-3.xml</loc>"));
        assert_eq!(split[1].1.matches("<url>").count(), 2);
        assert_eq!(split[3].1.matches("<url>").count(), 1);
        assert!(split[3].1.contains("<loc>https://x.kz/kk/d/</loc>"));
    }
}
