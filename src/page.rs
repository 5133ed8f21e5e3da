//! The pages of a build as they travel from stage to stage: what the plan decides
//! ([`Plan`], [`Page`], [`PageKind`]) and what rendering produces ([`Output`]).
//!
//! A page knows its route, language, template, title, alternates and breadcrumbs, and its
//! [`PageKind`] says what it shows by reference into the model (an office by its indices, a form
//! by its name). What a template sees of it is built from these by `view`.

use crate::markdown::Heading;
use crate::model::{Edition, Site};
use std::path::PathBuf;

/// The plan of one edition: every page and the order to render them in.
///
/// Site-wide pages (content, forms, the directory's index) are planned in full. The pages of
/// each office — its page, posters and receipts, sixteen per office in two languages — are only
/// listed as [`OfficeJob`]s and planned when they are rendered, so that a directory of tens of
/// thousands of offices never has all its pages in memory at once.
#[derive(Debug, Clone)]
pub struct Plan {
    pub edition: Edition,
    /// Pages planned in full, in the order of [`Plan::work`].
    pub pages: Vec<Page>,
    /// Everything to render, in output order: whole pages and office jobs.
    pub work: Vec<Work>,
    /// Breadcrumbs every office page of a language starts with (home, the directory), by
    /// language index.
    pub office_crumbs: Vec<Vec<Crumb>>,
}

/// Menu weights of the pages that are not content files (content pages give theirs in their
/// front matter; lower comes first).
pub const OFFICES_WEIGHT: i64 = 60;
pub const FORMS_WEIGHT: i64 = 70;

/// One unit of rendering work.
#[derive(Debug, Clone, Copy)]
pub enum Work {
    /// `Plan::pages[i]`.
    Page(usize),
    /// The pages of one office.
    Office(OfficeJob),
}

/// An office whose pages are planned when rendered: a department's seat (the department page
/// and the seat's printables) or a unit (its page and printables), in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficeJob {
    /// Index into `Site::languages()`.
    pub lang: usize,
    pub office: OfficeRef,
}

/// An office of the directory by position: a department, or one of its units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OfficeRef {
    /// Index into `offices.departments`.
    pub department: usize,
    /// Index into the department's `units`; `None` for the department's seat.
    pub unit: Option<usize>,
}

/// A page to render.
#[derive(Debug, Clone)]
pub struct Page {
    /// Site-absolute route, e.g. `/kk/offices/astana/`.
    pub route: String,
    /// The page's language; `None` for the bilingual landing and 404 pages.
    pub lang: Option<String>,
    /// Template name under the theme's `templates/`.
    pub template: String,
    pub title: String,
    pub description: String,
    /// The page in every language (the 404 page has none).
    pub alternates: Vec<Alternate>,
    /// The route of the version for readers of no listed language (`hreflang="x-default"`):
    /// the default language's; for the home pages and the landing page, the landing page.
    pub x_default: Option<String>,
    /// The trail to the page, without the page itself.
    pub breadcrumbs: Vec<Crumb>,
    pub kind: PageKind,
    /// Content file the page comes from, for diagnostics.
    pub source: Option<PathBuf>,
    /// The PDF the page is also published as, once the render has made it (printable pages
    /// with `pdf: true` only): its page links it with its size.
    pub pdf: Option<PdfFile>,
}

/// A printable page's PDF, as its page links it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfFile {
    /// Site-absolute route (`/kk/offices/astana/poster/a3/poster.pdf`).
    pub route: String,
    /// The sheet, as printed in the link (`A4`, `75 × 55 мм`).
    pub paper: String,
    /// Size in bytes.
    pub bytes: usize,
}

/// What a page shows.
#[derive(Debug, Clone)]
pub enum PageKind {
    /// A content page: its Markdown rendered.
    Content(Content),
    /// The list of blank forms.
    Forms,
    /// A blank form in the page's language (`form` is its name in `routes::FORMS`).
    Form { form: &'static str },
    /// A blank receipt with every language's copy side by side (no office).
    BilingualForm { form: &'static str },
    /// The office directory.
    Directory,
    /// A department's page: its seat and its units.
    Department { department: usize },
    /// A unit's page.
    Unit { office: OfficeRef },
    /// A stand poster of an office; `variant` is one of `routes::POSTER_VARIANTS`.
    Poster {
        office: OfficeRef,
        variant: &'static str,
    },
    /// A receipt pre-printed for an office, in the page's language or bilingual.
    Receipt {
        office: OfficeRef,
        form: &'static str,
        bilingual: bool,
    },
    /// The bilingual landing page at `/`.
    Landing,
    /// The bilingual 404 page.
    NotFound,
}

/// A content page's body.
#[derive(Debug, Clone)]
pub struct Content {
    /// The page's slug path (`standard`; `""` for the home page).
    pub slug: String,
    pub html: String,
    pub headings: Vec<Heading>,
    /// The language this page says it is translated from: (code, name).
    pub translation_of: Option<(String, String)>,
}

/// The page in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate {
    pub lang: String,
    /// The language's name in itself.
    pub name: String,
    pub route: String,
    /// Absolute URL when the edition has an address, else the route.
    pub absolute: String,
    pub current: bool,
    /// "In this language", in that language (for the switcher's accessible label).
    pub label: String,
}

/// One step of a breadcrumb trail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Crumb {
    pub title: String,
    pub url: String,
}

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

impl Output {
    /// A file that is not a page.
    pub fn file(route: String, bytes: Vec<u8>) -> Output {
        Output {
            path: crate::routes::output_file(&route),
            route,
            bytes,
            html: false,
            source: None,
            template: None,
        }
    }
}

/// The title of a printable page (a poster, an office's receipt or a blank bilingual form) in
/// `lang`; `None` for other pages. The PDF of a bilingual printable carries its owner
/// language's title (`Site::bilingual_owner`), so the title is made here for any language.
pub fn printable_title(site: &Site, lang: &str, kind: &PageKind) -> Option<String> {
    let t = |key: &str| site.ui(lang, key);
    let office_name = |o: &OfficeRef| {
        let d = site.data.offices.departments.get(o.department);
        let office = d.and_then(|d| o.unit.and_then(|u| d.units.get(u)).or(Some(d)));
        office
            .map(|o| o.name.get(lang).to_string())
            .unwrap_or_default()
    };
    Some(match kind {
        PageKind::Poster { office, variant } => {
            let key = if variant.is_empty() {
                "poster".to_string()
            } else {
                format!("poster_{variant}")
            };
            format!("{} — {}", t(&key), office_name(office))
        }
        PageKind::Receipt {
            office,
            form,
            bilingual,
        } => {
            let key = form.replace('-', "_");
            let title = format!("{} — {}", t(&format!("form_{key}")), office_name(office));
            if *bilingual {
                format!("{title} ({})", t("bilingual"))
            } else {
                title
            }
        }
        PageKind::BilingualForm { form } => {
            let key = form.replace('-', "_");
            format!("{} — {}", t(&format!("form_{key}")), t("bilingual"))
        }
        _ => return None,
    })
}
