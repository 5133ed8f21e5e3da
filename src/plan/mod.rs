//! Plan: decide every page of an edition — its route, language, template, title, alternates,
//! breadcrumbs and what it shows ([`PageKind`]). Planning renders the content's Markdown (and
//! reports its problems) but builds nothing a template reads: that is `view`'s work.
//!
//! Site-wide pages are planned at once by [`plan`]; the pages of each office are planned when
//! they are rendered, by [`pages_of`] (see [`Plan`]).

mod offices;

use crate::diagnostics::Diagnostic;
use crate::markdown;
use crate::model::{ContentPage, ContentVersion, Edition, Site};
use crate::page::{Alternate, Content, Crumb, OfficeJob, OfficeRef, Page, PageKind, Plan, Work};
use crate::routes;

pub use offices::{office_pages, office_templates};

/// Plans the whole site, as the edition `ed` publishes it; the problems found in content (e.g.
/// forbidden links in Markdown) are errors.
pub fn plan(site: &Site, ed: &Edition) -> Result<Plan, Vec<Diagnostic>> {
    let mut p = Planner {
        site,
        ed,
        plan: Plan {
            edition: ed.clone(),
            pages: Vec::new(),
            work: Vec::new(),
            office_crumbs: Vec::new(),
        },
        problems: Vec::new(),
    };
    for (li, lang) in site.languages().iter().enumerate() {
        p.language(li, lang);
    }
    for (route, template, kind) in [
        (routes::root(), "landing.html", PageKind::Landing),
        (routes::not_found(), "404.html", PageKind::NotFound),
    ] {
        p.bilingual(route, template, kind);
    }
    if p.problems.is_empty() {
        Ok(p.plan)
    } else {
        Err(p.problems)
    }
}

/// The pages of one unit of work, planned now.
pub fn pages_of(site: &Site, plan: &Plan, work: &Work) -> Vec<Page> {
    match work {
        Work::Page(i) => vec![plan.pages[*i].clone()],
        Work::Office(j) => office_pages(site, plan, j),
    }
}

struct Planner<'a> {
    site: &'a Site,
    ed: &'a Edition,
    plan: Plan,
    problems: Vec<Diagnostic>,
}

impl Planner<'_> {
    fn push(&mut self, page: Page) {
        self.plan.work.push(Work::Page(self.plan.pages.len()));
        self.plan.pages.push(page);
    }

    /// Every page of one language, in output order: content, forms, the directory, offices.
    fn language(&mut self, li: usize, lang: &str) {
        let site = self.site;
        let home = Crumb {
            title: home_title(site, lang),
            url: routes::home(lang),
        };
        for cp in &site.pages {
            if let Some(v) = cp.versions.get(lang) {
                self.content(lang, cp, v, &home);
            }
        }
        self.forms(lang, &home);
        let offices_title = ui(site, lang, "offices_title");
        let offices_route = routes::offices(lang);
        self.push(page(
            site,
            self.ed,
            lang,
            offices_route.clone(),
            "offices.html",
            offices_title.clone(),
            ui(site, lang, "offices_description"),
            vec![home.clone()],
            routes::offices,
            PageKind::Directory,
        ));
        let trail = vec![
            home,
            Crumb {
                title: offices_title,
                url: offices_route,
            },
        ];
        self.plan.office_crumbs.push(trail);
        for department in self.ed.departments(site) {
            let d = &site.data.offices.departments[department];
            let units = std::iter::once(None).chain((0..d.units.len()).map(Some));
            for unit in units {
                self.plan.work.push(Work::Office(OfficeJob {
                    lang: li,
                    office: OfficeRef { department, unit },
                }));
            }
        }
    }

    fn content(&mut self, lang: &str, cp: &ContentPage, v: &ContentVersion, home: &Crumb) {
        let site = self.site;
        let mut rendered = markdown::render(&v.body);
        if let Some(scheme) = v.derived {
            self.transliterate(lang, v, scheme, &mut rendered);
        }
        for p in &rendered.problems {
            let mut d = Diagnostic::new(&v.file, p.message.clone())
                .at_offset(&v.source, body_offset(v) + p.offset);
            if let Some(h) = &p.hint {
                d = d.hint(h.clone());
            }
            self.problems.push(d);
        }
        let crumbs = if cp.slug.is_empty() {
            vec![]
        } else {
            vec![home.clone()]
        };
        let content = Content {
            slug: cp.slug.clone(),
            html: rendered.html,
            headings: rendered.headings,
            translation_of: v
                .front
                .translation_of
                .as_ref()
                .map(|l| (l.clone(), lang_name(site, l))),
        };
        let template = v
            .front
            .template
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_else(|| "page.html".into());
        let mut p = page(
            site,
            self.ed,
            lang,
            routes::content(lang, &cp.slug),
            &template,
            v.front.title.clone(),
            v.front.description.clone(),
            crumbs,
            |l| routes::content(l, &cp.slug),
            PageKind::Content(content),
        );
        p.source = Some(v.file.clone());
        self.push(p);
    }

    /// A derived language's version of a page: its written version's body, rendered, then
    /// transliterated (HTML-aware: markup, addresses and `lang="ru"` fragments stay as they are).
    /// A letter the transliteration leaves behind is an error at its place in the written file.
    fn transliterate(
        &mut self,
        lang: &str,
        v: &ContentVersion,
        scheme: crate::translit::Scheme,
        rendered: &mut markdown::Rendered,
    ) {
        let Some(d) = self.site.derived(lang) else {
            return;
        };
        match crate::translit::transliterate_html_checked(scheme, &rendered.html) {
            Ok((html, left)) => {
                if let Some((at, letter)) = left {
                    let word = crate::model::text::word_at(&rendered.html, at);
                    let m = crate::msg!(
                        "translit-letter-left",
                        letter = letter.to_string(),
                        word = &word,
                        lang = &d.code,
                        from = &d.from,
                        scheme = scheme.name()
                    );
                    let offset = v.body.find(&word).map_or(0, |i| body_offset(v) + i);
                    self.problems
                        .push(Diagnostic::new(&v.file, m).at_offset(&v.source, offset));
                }
                rendered.html = html;
            }
            Err(e) => self.problems.push(Diagnostic::new(
                &v.file,
                crate::msg!(
                    "translit-html",
                    why = crate::i18n::Msg::verbatim(e.to_string())
                ),
            )),
        }
        for h in &mut rendered.headings {
            h.text = crate::translit::transliterate(scheme, &h.text);
        }
    }

    /// The list of blank forms, each form, and the generic bilingual receipts.
    fn forms(&mut self, lang: &str, home: &Crumb) {
        let (site, ed) = (self.site, self.ed);
        let t = |key: &str| ui(site, lang, key);
        let forms_title = t("forms_title");
        let forms_route = routes::forms(lang);
        self.push(page(
            site,
            ed,
            lang,
            forms_route.clone(),
            "forms.html",
            forms_title.clone(),
            t("forms_description"),
            vec![home.clone()],
            routes::forms,
            PageKind::Forms,
        ));
        let trail = vec![
            home.clone(),
            Crumb {
                title: forms_title,
                url: forms_route,
            },
        ];
        for form in site.form_names() {
            let key = form.replace('-', "_");
            self.push(page(
                site,
                ed,
                lang,
                routes::form(lang, form),
                &format!("form-{form}.html"),
                t(&format!("form_{key}")),
                t(&format!("form_{key}_description")),
                trail.clone(),
                |l| routes::form(l, form),
                PageKind::Form { form },
            ));
        }
        for form in routes::RECEIPTS {
            let key = form.replace('-', "_");
            let kind = PageKind::BilingualForm { form };
            self.push(page(
                site,
                ed,
                lang,
                routes::receipt(lang, None, form, true),
                &format!("form-{form}.html"),
                crate::page::printable_title(site, lang, &kind).unwrap_or_default(),
                t(&format!("form_{key}_description")),
                trail.clone(),
                |l| routes::receipt(l, None, form, true),
                kind,
            ));
        }
    }

    /// A page in every language at once (the landing and 404 pages), in the default language's
    /// place, without breadcrumbs. The landing page is the `x-default` of the home pages and
    /// declares their set; the 404 page has no alternates.
    fn bilingual(&mut self, route: String, template: &str, kind: PageKind) {
        let site = self.site;
        let title = site
            .languages()
            .iter()
            .map(|l| site.config.title.get(l))
            .collect::<Vec<_>>()
            .join(" · ");
        let (alternates, x_default) = match kind {
            PageKind::Landing => {
                let lang = site.default_language();
                let home = page(
                    site,
                    self.ed,
                    lang,
                    routes::home(lang),
                    template,
                    String::new(),
                    String::new(),
                    vec![],
                    routes::home,
                    PageKind::Landing,
                );
                (home.alternates, home.x_default)
            }
            _ => (Vec::new(), None),
        };
        self.push(Page {
            route,
            lang: None,
            template: template.into(),
            title,
            description: String::new(),
            alternates,
            x_default,
            breadcrumbs: Vec::new(),
            kind,
            source: None,
            pdf: None,
        });
    }
}

/// A page in `lang` at `route`, with its alternates (`route_in` gives its route in another
/// language).
#[allow(clippy::too_many_arguments)]
pub(crate) fn page(
    site: &Site,
    ed: &Edition,
    lang: &str,
    route: String,
    template: &str,
    title: String,
    description: String,
    breadcrumbs: Vec<Crumb>,
    route_in: impl Fn(&str) -> String,
    kind: PageKind,
) -> Page {
    let base = ed.base_url.as_deref();
    let alternates = site
        .config
        .languages
        .iter()
        .map(|l| {
            let code = &l.code.value;
            let r = route_in(code);
            Alternate {
                lang: code.clone(),
                name: l.name.clone(),
                absolute: routes::absolute_or_route(base, &r),
                route: r,
                current: code == lang,
                label: ui(site, code, "in_this_language"),
            }
        })
        .collect();
    // Search engines need every page of a set to declare the same set, x-default included.
    let default = site.default_language();
    let mut x_default = route_in(default);
    if x_default == routes::home(default) {
        x_default = routes::root();
    }
    Page {
        route,
        lang: Some(lang.to_string()),
        template: template.to_string(),
        title,
        description,
        alternates,
        x_default: Some(x_default),
        breadcrumbs,
        kind,
        source: None,
        pdf: None,
    }
}

/// Byte offset of the body's first line in its file.
fn body_offset(v: &ContentVersion) -> usize {
    v.source
        .split_inclusive('\n')
        .take(v.body_line.saturating_sub(1))
        .map(str::len)
        .sum()
}

/// The home page's title in the menu and breadcrumbs: its `nav_title` or `title`.
fn home_title(site: &Site, lang: &str) -> String {
    site.pages
        .iter()
        .find(|p| p.slug.is_empty())
        .and_then(|p| p.versions.get(lang))
        .map(|v| v.front.nav_title().to_string())
        .unwrap_or_else(|| ui(site, lang, "home"))
}

/// A UI string of the theme (loading guarantees every language has every key).
pub(crate) fn ui(site: &Site, lang: &str, key: &str) -> String {
    site.ui(lang, key).to_string()
}

fn lang_name(site: &Site, code: &str) -> String {
    site.language_name(code).to_string()
}
