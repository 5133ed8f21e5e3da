//! Render: compile the theme's Tera templates once and render every planned page in parallel.
//!
//! Each language gets a clone of the compiled templates whose Tera 2 global context holds that
//! language's site-wide values, so a page's own context stays small and a `kk` page can only
//! ever see `kk` strings.

use crate::diagnostics::{Diagnostic, Error, Result};
use crate::model::Site;
use crate::plan::{Page, Plan};
use crate::routes;
use std::collections::BTreeMap;
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
pub struct Renderer {
    by_lang: BTreeMap<String, tera::Tera>,
    default_lang: String,
    theme_dir: PathBuf,
    sources: BTreeMap<String, String>,
}

/// The theme's templates, compiled once per build and shared by every edition and language.
pub struct Templates {
    tera: tera::Tera,
    theme_dir: PathBuf,
    sources: BTreeMap<String, String>,
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
        Ok(Templates {
            tera,
            theme_dir,
            sources,
        })
    }
}

impl Renderer {
    /// Installs each language's globals of `plan` into its own clone of the compiled templates.
    pub fn new(site: &Site, templates: &Templates, plan: &Plan) -> Result<Renderer> {
        let tera = &templates.tera;
        let theme_dir = templates.theme_dir.clone();
        let sources = templates.sources.clone();
        let mut by_lang = BTreeMap::new();
        for g in &plan.globals {
            let mut t = tera.clone();
            for (k, v) in &g.values {
                t.global_context().insert(k.clone(), v);
            }
            by_lang.insert(g.lang.clone(), t);
        }
        Ok(Renderer {
            by_lang,
            default_lang: site.languages().first().cloned().unwrap_or_default(),
            theme_dir,
            sources,
        })
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
        let ctx = tera::Context::from_serialize(&page.context)
            .map_err(|e| Diagnostic::new(self.theme_dir.join(&page.template), e.to_string()))?;
        let html = tera.render(&page.template, &ctx).map_err(|e| {
            tera_diagnostic(&e, &self.theme_dir, &self.sources, Some(&page.template))
        })?;
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

/// Files that are not rendered from templates: theme assets, open data, `sitemap.xml` (when the
/// edition has an address), `robots.txt`.
pub fn extras(site: &Site, plan: &Plan, pages: &[SitemapEntry]) -> Vec<Output> {
    let mut out = Vec::new();
    let mut assets: Vec<&(String, Vec<u8>)> = site.theme.static_files.iter().collect();
    assets.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, bytes) in assets {
        let route = routes::asset(name);
        out.push(Output {
            path: routes::output_file(&route),
            route,
            bytes: bytes.clone(),
            html: false,
            source: None,
            template: None,
        });
    }
    for (route, bytes) in crate::opendata::files(site, &plan.edition) {
        out.push(Output {
            path: routes::output_file(&route),
            route,
            bytes,
            html: false,
            source: None,
            template: None,
        });
    }
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = plan.edition.base_url.as_deref() {
        for (route, xml) in sitemaps(base, pages, SITEMAP_MAX_URLS) {
            out.push(Output {
                path: routes::output_file(&route),
                route,
                bytes: xml.into_bytes(),
                html: false,
                source: None,
                template: None,
            });
        }
        robots.push_str(&format!(
            "\nSitemap: {}\n",
            routes::absolute(base, &routes::sitemap())
        ));
    }
    out.push(Output {
        route: routes::robots(),
        path: routes::output_file(&routes::robots()),
        bytes: robots.into_bytes(),
        html: false,
        source: None,
        template: None,
    });
    out
}

/// What the sitemap needs of a page: its route and its language alternates.
#[derive(Debug, Clone)]
pub struct SitemapEntry {
    pub route: String,
    /// `(lang, absolute URL)` of every language version.
    pub alternates: Vec<(String, String)>,
}

impl SitemapEntry {
    pub fn of(p: &Page) -> SitemapEntry {
        let alternates = p
            .context
            .get("page")
            .and_then(|v| v.get("alternates"))
            .and_then(|v| v.as_array())
            .map(|alts| {
                alts.iter()
                    .map(|a| {
                        let field = |k: &str| {
                            a.get(k)
                                .and_then(|v| v.as_str())
                                .unwrap_or_default()
                                .to_string()
                        };
                        (field("lang"), field("absolute"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        SitemapEntry {
            route: p.route.clone(),
            alternates,
        }
    }
}

/// The most URLs one sitemap file may list (sitemaps.org protocol).
const SITEMAP_MAX_URLS: usize = 50_000;

/// `sitemap.xml` listing every page; beyond `max` pages, `sitemap.xml` is a sitemap index of
/// `sitemap-1.xml`, `sitemap-2.xml`, … of `max` pages each, as the protocol requires.
fn sitemaps(base: &str, pages: &[SitemapEntry], max: usize) -> Vec<(String, String)> {
    let listed: Vec<&SitemapEntry> = pages
        .iter()
        .filter(|p| p.route != routes::not_found())
        .collect();
    if listed.len() <= max {
        return vec![(routes::sitemap(), sitemap(base, &listed))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (i, chunk) in listed.chunks(max.max(1)).enumerate() {
        let route = format!("/sitemap-{}.xml", i + 1);
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            xml_escape(&routes::absolute(base, &route))
        ));
        files.push((route, sitemap(base, chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, (routes::sitemap(), index));
    files
}

/// One sitemap file: `pages`, each with its language alternates and `x-default`.
fn sitemap(base: &str, pages: &[&SitemapEntry]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for p in pages {
        s.push_str("  <url>\n    <loc>");
        s.push_str(&xml_escape(&routes::absolute(base, &p.route)));
        s.push_str("</loc>\n");
        if !p.alternates.is_empty() {
            for (lang, abs) in &p.alternates {
                s.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    xml_escape(lang),
                    xml_escape(abs)
                ));
            }
            s.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n",
                xml_escape(&routes::absolute(base, &routes::root()))
            ));
        }
        s.push_str("  </url>\n");
    }
    s.push_str("</urlset>\n");
    s
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
        SitemapEntry {
            route: route.into(),
            alternates: vec![("kk".into(), format!("https://x.kz{route}"))],
        }
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
