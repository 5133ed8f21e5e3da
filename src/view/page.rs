//! The `page` object every template receives.

use super::jsonld;
use crate::markdown::Heading;
use crate::model::{Edition, Site};
use crate::page::{Alternate, Crumb, Page, PageKind};
use crate::routes;
use serde::Serialize;
use std::collections::BTreeMap;

/// A link ready to print.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// `page`: what every page (but the bilingual ones) says about itself.
#[derive(Serialize)]
pub struct PageView<'a> {
    title: &'a str,
    description: &'a str,
    url: &'a str,
    canonical: Option<String>,
    lang: &'a str,
    /// Open Graph locale (`kk_KZ`).
    locale: &'a str,
    /// The other languages' Open Graph locales, each once and not the page's own (Kazakh in
    /// either alphabet is `kk_KZ`).
    locale_alternates: Vec<&'a str>,
    alternates: Vec<AlternateView<'a>>,
    /// The version for readers of no listed language.
    x_default: Option<XDefault>,
    breadcrumbs: &'a [Crumb],
    /// The rendered Markdown of a content page (empty otherwise).
    body: &'a str,
    headings: &'a [Heading],
    translation_of: Option<TranslationOf<'a>>,
    /// A content page's slug (`None` for other pages).
    slug: Option<&'a str>,
    /// The page's structured data, ready for a `<script type="application/ld+json">`.
    jsonld: Option<String>,
    /// A printable page's PDF: its address and its link text (format, sheet, size).
    pdf: Option<PdfView>,
}

#[derive(Serialize)]
struct PdfView {
    url: String,
    label: String,
}

impl PdfView {
    /// The link text from the theme's `pdf_link` (`{paper}`, `{size}` in kilobytes, at least 1).
    fn of(site: &Site, lang: &str, pdf: &crate::page::PdfFile) -> PdfView {
        let kb = pdf.bytes.div_ceil(1024).max(1);
        PdfView {
            url: pdf.route.clone(),
            label: site
                .ui(lang, "pdf_link")
                .replace("{paper}", &pdf.paper)
                .replace("{size}", &kb.to_string()),
        }
    }
}

#[derive(Serialize)]
struct AlternateView<'a> {
    lang: &'a str,
    name: &'a str,
    url: &'a str,
    absolute: &'a str,
    current: bool,
    label: &'a str,
    /// Open Graph locale of that language (`ru_RU`).
    locale: &'a str,
}

/// `hreflang="x-default"`: a route and its absolute URL.
#[derive(Serialize)]
struct XDefault {
    url: String,
    absolute: String,
}

impl XDefault {
    fn of(ed: &Edition, page: &Page) -> Option<XDefault> {
        page.x_default.as_ref().map(|r| XDefault {
            url: r.clone(),
            absolute: routes::absolute_or_route(ed.base_url.as_deref(), r),
        })
    }
}

fn alternates<'a>(site: &'a Site, page: &'a Page) -> Vec<AlternateView<'a>> {
    let locale = |code: &str| site.language(code).map(|l| l.locale.as_str()).unwrap_or("");
    page.alternates
        .iter()
        .map(|a: &'a Alternate| AlternateView {
            lang: &a.lang,
            name: &a.name,
            url: &a.route,
            absolute: &a.absolute,
            current: a.current,
            label: &a.label,
            locale: locale(&a.lang),
        })
        .collect()
}

#[derive(Serialize)]
struct TranslationOf<'a> {
    code: &'a str,
    name: &'a str,
}

impl<'a> PageView<'a> {
    pub fn new(site: &'a Site, ed: &'a Edition, page: &'a Page, lang: &'a str) -> PageView<'a> {
        let locale = |code: &str| site.language(code).map(|l| l.locale.as_str()).unwrap_or("");
        let content = match &page.kind {
            PageKind::Content(c) => Some(c),
            _ => None,
        };
        PageView {
            title: &page.title,
            description: &page.description,
            url: &page.route,
            canonical: ed
                .base_url
                .as_deref()
                .map(|b| routes::absolute(b, &page.route)),
            lang,
            locale: locale(lang),
            locale_alternates: {
                let mut v: Vec<&str> = Vec::new();
                for a in &page.alternates {
                    let l = locale(&a.lang);
                    if !a.current && l != locale(lang) && !v.contains(&l) {
                        v.push(l);
                    }
                }
                v
            },
            alternates: alternates(site, page),
            x_default: XDefault::of(ed, page),
            breadcrumbs: &page.breadcrumbs,
            body: content.map_or("", |c| c.html.as_str()),
            headings: content.map_or(&[], |c| c.headings.as_slice()),
            translation_of: content
                .and_then(|c| c.translation_of.as_ref())
                .map(|(code, name)| TranslationOf { code, name }),
            slug: content.map(|c| c.slug.as_str()),
            jsonld: jsonld::of(site, ed, page, lang),
            pdf: page.pdf.as_ref().map(|p| PdfView::of(site, lang, p)),
        }
    }
}

/// `page` of the bilingual landing and 404 pages: the site in each language.
#[derive(Serialize)]
pub struct LandingView<'a> {
    url: &'a str,
    canonical: Option<String>,
    lang: &'a str,
    title: &'a str,
    versions: Vec<Version<'a>>,
    /// The home pages (the landing page declares their set).
    alternates: Vec<AlternateView<'a>>,
    /// The landing page itself, the `x-default` of the home pages.
    x_default: Option<XDefault>,
}

/// The site in one language, for the landing and 404 pages.
#[derive(Serialize)]
struct Version<'a> {
    code: &'a str,
    name: &'a str,
    title: &'a str,
    service: &'a str,
    url: String,
    /// `url` made absolute when the edition has an address.
    absolute: String,
    offices_url: String,
    t: &'a BTreeMap<String, String>,
}

impl<'a> LandingView<'a> {
    pub fn new(site: &'a Site, ed: &'a Edition, page: &'a Page) -> LandingView<'a> {
        let base = ed.base_url.as_deref();
        let empty: &'static BTreeMap<String, String> = {
            static EMPTY: std::sync::OnceLock<BTreeMap<String, String>> =
                std::sync::OnceLock::new();
            EMPTY.get_or_init(BTreeMap::new)
        };
        LandingView {
            url: &page.route,
            canonical: base.map(|b| routes::absolute(b, &page.route)),
            lang: site.default_language(),
            title: &page.title,
            versions: site
                .config
                .languages
                .iter()
                .map(|l| {
                    let code = l.code.value.as_str();
                    Version {
                        code,
                        name: &l.name,
                        title: site.config.title.get(code),
                        service: site.data.service.name.get(code),
                        url: routes::home(code),
                        absolute: routes::absolute_or_route(base, &routes::home(code)),
                        offices_url: routes::offices(code),
                        t: site.theme.i18n.get(code).unwrap_or(empty),
                    }
                })
                .collect(),
            alternates: alternates(site, page),
            x_default: XDefault::of(ed, page),
        }
    }
}
