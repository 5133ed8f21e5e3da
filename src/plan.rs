//! Plan: decide every page of the site — its route, language, template and what it shows.
//!
//! The plan resolves languages: a page's context holds strings of its own language only, and
//! site-wide values (data, UI strings, navigation) are prepared once per language as the
//! [`Globals`] that the renderer installs as Tera's global context.

use crate::edition::Edition;
use crate::markdown;
use crate::model::data::*;
use crate::model::{ContentPage, Site, Text};
use crate::present;
use crate::routes;
use erased::Ser as _;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// A page to render.
#[derive(Debug, Clone)]
pub struct Page {
    /// Site-absolute route, e.g. `/kk/offices/astana/`.
    pub route: String,
    /// The page's language; `None` for the bilingual landing and 404 pages.
    pub lang: Option<String>,
    /// Template name under the theme's `templates/`.
    pub template: String,
    /// The `page` object and page-specific values (`department`, `unit`).
    pub context: Map<String, Value>,
    /// Content file the page comes from, for diagnostics.
    pub source: Option<PathBuf>,
}

/// Site-wide values of one language, shared by all its pages.
#[derive(Debug, Clone)]
pub struct Globals {
    pub lang: String,
    pub values: Map<String, Value>,
}

/// The plan of a build.
///
/// Site-wide pages (content, forms, the directory's index) are planned here in full. The pages
/// of each office — its page, posters and receipts, sixteen per office in two languages — are
/// only listed as [`OfficeJob`]s and planned by [`office_pages`] when they are rendered, so that
/// a directory of tens of thousands of offices never has all its page contexts in memory at once.
#[derive(Debug, Clone)]
pub struct Plan {
    pub edition: Edition,
    /// Pages planned in full, in the order of [`Plan::work`].
    pub pages: Vec<Page>,
    /// Everything to render, in output order: whole pages and office jobs.
    pub work: Vec<Work>,
    pub globals: Vec<Globals>,
    /// Problems found while planning (e.g. forbidden links in Markdown).
    pub problems: Vec<crate::diagnostics::Diagnostic>,
    /// Breadcrumbs shared by the office pages of each language: home, the directory.
    crumbs: BTreeMap<String, [Value; 2]>,
}

/// One unit of rendering work.
#[derive(Debug, Clone, Copy)]
pub enum Work {
    /// `Plan::pages[i]`.
    Page(usize),
    /// The pages of one office.
    Office(OfficeJob),
}

/// An office whose pages are planned when rendered: a department's seat (`unit: None`: the
/// department page and the seat's printables) or a unit (its page and printables).
#[derive(Debug, Clone, Copy)]
pub struct OfficeJob {
    /// Index into `Site::languages()`.
    pub lang: usize,
    /// Index into `offices.departments`.
    pub department: usize,
    /// Index into the department's `units`.
    pub unit: Option<usize>,
}

impl Plan {
    /// The breadcrumbs every office page of `lang` starts with, as JSON (for fingerprints).
    pub fn crumbs_json(&self, lang: &str) -> String {
        self.crumbs
            .get(lang)
            .map(|c| serde_json::to_string(c).unwrap_or_default())
            .unwrap_or_default()
    }

    /// The pages of one unit of work, planned now.
    pub fn pages_of(&self, site: &Site, work: &Work) -> Vec<Page> {
        match work {
            Work::Page(i) => vec![self.pages[*i].clone()],
            Work::Office(j) => office_pages(site, self, j),
        }
    }
}

/// Pages of one office job: its own page plus the posters and receipts.
const OFFICE_PAGES: usize = 1 + routes::POSTER_VARIANTS.len() + 2 * routes::RECEIPTS.len();

/// The templates office pages are rendered with (see [`office_pages`] and `printables`).
pub fn office_templates() -> Vec<String> {
    let mut v: Vec<String> = [
        "department.html",
        "office.html",
        "poster.html",
        "poster-bilingual.html",
    ]
    .map(String::from)
    .to_vec();
    v.extend(routes::RECEIPTS.iter().map(|n| format!("form-{n}.html")));
    v
}

/// Adds a fully planned page and its place in the work list.
fn push(pages: &mut Vec<Page>, work: &mut Vec<Work>, page: Page) {
    work.push(Work::Page(pages.len()));
    pages.push(page);
}

/// Navigation weights of the pages that are not content files.
const OFFICES_WEIGHT: i64 = 60;
const FORMS_WEIGHT: i64 = 70;

/// Plans the whole site, as the edition `ed` publishes it.
pub fn plan(site: &Site, ed: &Edition) -> Plan {
    let langs = site.languages();
    let base = ed.base_url.as_deref();
    let mut pages = Vec::new();
    let mut globals = Vec::new();
    let mut problems = Vec::new();
    let mut work = Vec::new();
    let mut crumbs = BTreeMap::new();

    for (li, lang) in langs.iter().enumerate() {
        globals.push(Globals {
            lang: lang.clone(),
            values: globals_for(site, lang, ed),
        });
        let t = |key: &str| ui(site, lang, key);
        let home_title = site
            .pages
            .iter()
            .find(|p| p.slug.is_empty())
            .and_then(|p| p.versions.get(lang))
            .map(|v| nav_title(&v.front))
            .unwrap_or_else(|| t("home"));
        let home_crumb = json!({"title": home_title, "url": routes::home(lang)});

        // Content pages.
        for cp in &site.pages {
            let Some(v) = cp.versions.get(lang) else {
                continue;
            };
            let route = routes::content(lang, &cp.slug);
            let rendered = markdown::render(&v.body);
            for (offset, msg) in &rendered.problems {
                problems.push(
                    crate::diagnostics::Diagnostic::new(&v.file, msg.clone())
                        .at_offset(&v.source, body_offset(v) + offset),
                );
            }
            let mut crumbs = vec![];
            if !cp.slug.is_empty() {
                crumbs.push(home_crumb.clone());
            }
            let mut page = page_object(
                site,
                base,
                lang,
                &route,
                &v.front.title,
                &v.front.description,
                crumbs,
                |l| routes::content(l, &cp.slug),
            );
            page.insert("body".into(), Value::String(rendered.html));
            page.insert(
                "headings".into(),
                serde_json::to_value(&rendered.headings).unwrap_or(Value::Null),
            );
            page.insert(
                "translation_of".into(),
                match &v.front.translation_of {
                    Some(l) => json!({"code": l, "name": lang_name(site, l)}),
                    None => Value::Null,
                },
            );
            page.insert("slug".into(), Value::String(cp.slug.clone()));
            push(
                &mut pages,
                &mut work,
                Page {
                    route,
                    lang: Some(lang.clone()),
                    template: v
                        .front
                        .template
                        .as_ref()
                        .map(|t| t.value.clone())
                        .unwrap_or_else(|| "page.html".into()),
                    context: wrap(page),
                    source: Some(v.file.clone()),
                },
            );
        }

        // Blank forms (Appendices 2, 3 and 4).
        let forms_title = t("forms_title");
        let forms_route = routes::forms(lang);
        let page = page_object(
            site,
            base,
            lang,
            &forms_route,
            &forms_title,
            &t("forms_description"),
            vec![home_crumb.clone()],
            routes::forms,
        );
        push(
            &mut pages,
            &mut work,
            Page {
                route: forms_route.clone(),
                lang: Some(lang.clone()),
                template: "forms.html".into(),
                context: wrap(page),
                source: None,
            },
        );
        let forms_crumb = json!({"title": forms_title, "url": forms_route});
        for name in routes::FORMS {
            let route = routes::form(lang, name);
            let key = name.replace('-', "_");
            let page = page_object(
                site,
                base,
                lang,
                &route,
                &t(&format!("form_{key}")),
                &t(&format!("form_{key}_description")),
                vec![home_crumb.clone(), forms_crumb.clone()],
                |l| routes::form(l, name),
            );
            push(
                &mut pages,
                &mut work,
                Page {
                    route,
                    lang: Some(lang.clone()),
                    template: format!("form-{name}.html"),
                    context: wrap(page),
                    source: None,
                },
            );
        }

        for name in routes::RECEIPTS {
            let route = routes::receipt(lang, None, name, true);
            let key = name.replace('-', "_");
            let title = format!("{} — {}", t(&format!("form_{key}")), t("bilingual"));
            let page = page_object(
                site,
                base,
                lang,
                &route,
                &title,
                &t(&format!("form_{key}_description")),
                vec![home_crumb.clone(), forms_crumb.clone()],
                |l| routes::receipt(l, None, name, true),
            );
            let mut ctx = wrap(page);
            ctx.insert("office".into(), Value::Null);
            ctx.insert("sheets".into(), sheets(site, None));
            push(
                &mut pages,
                &mut work,
                Page {
                    route,
                    lang: Some(lang.clone()),
                    template: format!("form-{name}.html"),
                    context: ctx,
                    source: None,
                },
            );
        }

        // The office directory.
        let offices_title = t("offices_title");
        let offices_route = routes::offices(lang);
        let offices_crumb = json!({"title": offices_title, "url": offices_route});
        let page = page_object(
            site,
            base,
            lang,
            &offices_route,
            &offices_title,
            &t("offices_description"),
            vec![home_crumb.clone()],
            routes::offices,
        );
        push(
            &mut pages,
            &mut work,
            Page {
                route: offices_route.clone(),
                lang: Some(lang.clone()),
                template: "offices.html".into(),
                context: wrap(page),
                source: None,
            },
        );
        crumbs.insert(lang.clone(), [home_crumb.clone(), offices_crumb.clone()]);
        for di in ed.departments(site) {
            let d = &site.data.offices.departments[di];
            work.push(Work::Office(OfficeJob {
                lang: li,
                department: di,
                unit: None,
            }));
            for ui in 0..d.units.len() {
                work.push(Work::Office(OfficeJob {
                    lang: li,
                    department: di,
                    unit: Some(ui),
                }));
            }
        }
    }

    // The bilingual landing page and 404 page.
    let versions: Vec<Value> = langs
        .iter()
        .map(|l| {
            json!({
                "code": l,
                "name": lang_name(site, l),
                "title": site.config.title.get(l),
                "service": site.data.service.name.get(l),
                "url": routes::home(l),
                "offices_url": routes::offices(l),
                "t": site.theme.i18n.get(l).cloned().unwrap_or_default(),
            })
        })
        .collect();
    let default = langs.first().cloned().unwrap_or_default();
    for (route, template) in [
        (routes::root(), "landing.html"),
        (routes::not_found(), "404.html"),
    ] {
        let mut page = Map::new();
        page.insert("url".into(), json!(route));
        page.insert(
            "canonical".into(),
            json!(base.map(|b| routes::absolute(b, &route))),
        );
        page.insert("lang".into(), json!(default));
        page.insert("versions".into(), Value::Array(versions.clone()));
        page.insert(
            "title".into(),
            json!(
                langs
                    .iter()
                    .map(|l| site.config.title.get(l))
                    .collect::<Vec<_>>()
                    .join(" · ")
            ),
        );
        push(
            &mut pages,
            &mut work,
            Page {
                route,
                lang: None,
                template: template.into(),
                context: wrap(page),
                source: None,
            },
        );
    }
    for p in &mut pages {
        let lang = p
            .lang
            .clone()
            .unwrap_or_else(|| langs.first().cloned().unwrap_or_default());
        if let Some(g) = globals.iter().find(|g| g.lang == lang) {
            attach_jsonld(p, g, base);
        }
    }
    Plan {
        edition: ed.clone(),
        pages,
        work,
        globals,
        problems,
        crumbs,
    }
}

/// Plans the pages of one office: the department page (for a seat) or the unit's page, then its
/// posters and receipts.
pub fn office_pages(site: &Site, plan: &Plan, j: &OfficeJob) -> Vec<Page> {
    let ed = &plan.edition;
    let base = ed.base_url.as_deref();
    let langs = site.languages();
    let lang = langs.get(j.lang).map(String::as_str).unwrap_or_default();
    let Some([home_crumb, offices_crumb]) = plan.crumbs.get(lang) else {
        return Vec::new();
    };
    let Some(d) = site.data.offices.departments.get(j.department) else {
        return Vec::new();
    };
    let mut pages = Vec::with_capacity(OFFICE_PAGES);
    let route = routes::department(lang, &d.slug);
    let name = d.name.get(lang);
    let dep_crumb = json!({"title": name, "url": route});
    match j.unit.and_then(|ui| d.units.get(ui)) {
        None => {
            let page = page_object(
                site,
                base,
                lang,
                &route,
                name,
                &format!("{} — {}", name, d.address.get(lang)),
                vec![home_crumb.clone(), offices_crumb.clone()],
                |l| routes::department(l, &d.slug),
            );
            let mut ctx = wrap(page);
            ctx.insert("department".into(), department_view(d, lang, true));
            ctx.insert("department_index".into(), json!(j.department));
            pages.push(Page {
                route: route.clone(),
                lang: Some(lang.to_string()),
                template: "department.html".into(),
                context: ctx,
                source: None,
            });
            let crumbs = vec![home_crumb.clone(), offices_crumb.clone(), dep_crumb];
            printables(site, ed, lang, d, None, &crumbs, &mut pages);
        }
        Some(u) => {
            let uroute = routes::unit(lang, &d.slug, &u.slug);
            let uname = u.name.get(lang);
            let page = page_object(
                site,
                base,
                lang,
                &uroute,
                uname,
                &format!("{} — {}", uname, u.address.get(lang)),
                vec![home_crumb.clone(), offices_crumb.clone(), dep_crumb.clone()],
                |l| routes::unit(l, &d.slug, &u.slug),
            );
            let mut ctx = wrap(page);
            ctx.insert("department".into(), department_view(d, lang, false));
            ctx.insert("unit".into(), unit_view(d, u, lang));
            pages.push(Page {
                route: uroute.clone(),
                lang: Some(lang.to_string()),
                template: "office.html".into(),
                context: ctx,
                source: None,
            });
            let crumbs = vec![
                home_crumb.clone(),
                offices_crumb.clone(),
                dep_crumb,
                json!({"title": uname, "url": uroute}),
            ];
            printables(site, ed, lang, d, Some(u), &crumbs, &mut pages);
        }
    }
    if let Some(g) = plan.globals.iter().find(|g| g.lang == lang) {
        for p in &mut pages {
            attach_jsonld(p, g, base);
        }
    }
    pages
}

/// Adds the page's JSON-LD (when it has any) to its `page` object.
fn attach_jsonld(p: &mut Page, g: &Globals, base: Option<&str>) {
    if let Some(ld) = crate::structured::jsonld(&p.context, &g.values, base)
        && let Some(Value::Object(page)) = p.context.get_mut("page")
    {
        page.insert("jsonld".into(), json!(ld));
    }
}

/// The office (a department's seat or a unit) in `lang`, for printables.
fn office_view(d: &Department, u: Option<&Unit>, lang: &str) -> Value {
    match u {
        Some(u) => unit_view(d, u, lang),
        None => department_view(d, lang, false),
    }
}

/// One sheet per language for bilingual printables: the office (if any) in that language.
fn sheets(site: &Site, office: Option<(&Department, Option<&Unit>)>) -> Value {
    Value::Array(
        site.languages()
            .iter()
            .map(|l| {
                let mut m = Map::new();
                m.insert("lang".into(), json!(l));
                match office {
                    Some((d, u)) => {
                        m.insert("office".into(), office_view(d, u, l));
                        m.insert("department".into(), department_view(d, l, false));
                    }
                    None => {
                        m.insert("office".into(), Value::Null);
                    }
                }
                Value::Object(m)
            })
            .collect(),
    )
}

/// Posters (A4, A3, bilingual) and pre-filled receipts (own language and bilingual) of one
/// office.
fn printables(
    site: &Site,
    ed: &Edition,
    lang: &str,
    d: &Department,
    u: Option<&Unit>,
    crumbs: &[Value],
    pages: &mut Vec<Page>,
) {
    let t = |key: &str| ui(site, lang, key);
    let base = ed.base_url.as_deref();
    let unit_slug = u.map(|u| u.slug.value.as_str());
    let office = office_view(d, u, lang);
    let office_name = match u {
        Some(u) => u.name.get(lang),
        None => d.name.get(lang),
    };
    // The QR code needs an absolute address: the edition's, else the ministry edition's.
    let office_url = routes::absolute(
        ed.base_url.as_deref().unwrap_or(&ed.ministry_base_url),
        &routes::office(lang, &d.slug, unit_slug),
    );
    let qr = crate::qr::svg(&office_url, &t("qr_label"));
    for variant in routes::POSTER_VARIANTS {
        let route = routes::poster(lang, &d.slug, unit_slug, variant);
        let title_key = if variant.is_empty() {
            "poster".to_string()
        } else {
            format!("poster_{variant}")
        };
        let page = page_object(
            site,
            base,
            lang,
            &route,
            &format!("{} — {office_name}", t(&title_key)),
            &t("poster_description"),
            crumbs.to_vec(),
            |l| routes::poster(l, &d.slug, unit_slug, variant),
        );
        let mut ctx = wrap(page);
        ctx.insert("office".into(), office.clone());
        ctx.insert("department".into(), department_view(d, lang, false));
        ctx.insert("qr".into(), json!(qr));
        ctx.insert("qr_url".into(), json!(office_url));
        ctx.insert(
            "variant".into(),
            json!(if variant.is_empty() { "a4" } else { variant }),
        );
        if variant == "bilingual" {
            ctx.insert("sheets".into(), sheets(site, Some((d, u))));
        }
        pages.push(Page {
            route,
            lang: Some(lang.to_string()),
            template: if variant == "bilingual" {
                "poster-bilingual.html"
            } else {
                "poster.html"
            }
            .into(),
            context: ctx,
            source: None,
        });
    }
    for name in routes::RECEIPTS {
        let key = name.replace('-', "_");
        for bilingual in [false, true] {
            let route = routes::receipt(lang, Some((&d.slug, unit_slug)), name, bilingual);
            let mut title = format!("{} — {office_name}", t(&format!("form_{key}")));
            if bilingual {
                title = format!("{title} ({})", t("bilingual"));
            }
            let page = page_object(
                site,
                base,
                lang,
                &route,
                &title,
                &t(&format!("form_{key}_description")),
                crumbs.to_vec(),
                |l| routes::receipt(l, Some((&d.slug, unit_slug)), name, bilingual),
            );
            let mut ctx = wrap(page);
            ctx.insert("office".into(), office.clone());
            ctx.insert(
                "sheets".into(),
                if bilingual {
                    sheets(site, Some((d, u)))
                } else {
                    Value::Null
                },
            );
            pages.push(Page {
                route,
                lang: Some(lang.to_string()),
                template: format!("form-{name}.html"),
                context: ctx,
                source: None,
            });
        }
    }
}

fn body_offset(v: &crate::model::ContentVersion) -> usize {
    // Byte offset of the body's first line in the file.
    v.source
        .split_inclusive('\n')
        .take(v.body_line.saturating_sub(1))
        .map(str::len)
        .sum()
}

fn wrap(page: Map<String, Value>) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("page".into(), Value::Object(page));
    m
}

fn nav_title(f: &crate::model::FrontMatter) -> String {
    f.nav_title.clone().unwrap_or_else(|| f.title.clone())
}

/// A UI string of the theme (loading guarantees every language has every key).
pub fn ui(site: &Site, lang: &str, key: &str) -> String {
    site.theme
        .i18n
        .get(lang)
        .and_then(|m| m.get(key))
        .cloned()
        .unwrap_or_default()
}

fn lang_name(site: &Site, code: &str) -> String {
    site.config
        .languages
        .iter()
        .find(|l| l.code.value == code)
        .map(|l| l.name.clone())
        .unwrap_or_else(|| code.to_string())
}

/// The `page` object every template receives.
#[allow(clippy::too_many_arguments)]
fn page_object(
    site: &Site,
    base: Option<&str>,
    lang: &str,
    route: &str,
    title: &str,
    description: &str,
    breadcrumbs: Vec<Value>,
    route_in: impl Fn(&str) -> String,
) -> Map<String, Value> {
    let alternates: Vec<Value> = site
        .config
        .languages
        .iter()
        .map(|l| {
            let code = &l.code.value;
            json!({
                "lang": code,
                "name": l.name,
                "url": route_in(code),
                "absolute": routes::absolute_or_route(base, &route_in(code)),
                "current": code == lang,
                "label": ui(site, code, "in_this_language"),
            })
        })
        .collect();
    let mut m = Map::new();
    m.insert("title".into(), json!(title));
    m.insert("description".into(), json!(description));
    m.insert("url".into(), json!(route));
    m.insert(
        "canonical".into(),
        json!(base.map(|b| routes::absolute(b, route))),
    );
    m.insert("lang".into(), json!(lang));
    m.insert(
        "locale".into(),
        json!(
            site.config
                .languages
                .iter()
                .find(|l| l.code.value == lang)
                .map(|l| l.locale.clone())
                .unwrap_or_default()
        ),
    );
    m.insert("alternates".into(), Value::Array(alternates));
    m.insert("breadcrumbs".into(), Value::Array(breadcrumbs));
    m.insert("body".into(), json!(""));
    m.insert("headings".into(), json!([]));
    m.insert("translation_of".into(), Value::Null);
    m.insert("slug".into(), Value::Null);
    m
}

/// Site-wide values for one language.
fn globals_for(site: &Site, lang: &str, ed: &Edition) -> Map<String, Value> {
    let langs: BTreeSet<String> = site.languages().into_iter().collect();
    let d = &site.data;
    let mut g = Map::new();
    let default = site.languages().first().cloned().unwrap_or_default();
    g.insert(
        "site".into(),
        json!({
            "title": site.config.title.get(lang),
            "lang": lang,
            "default_lang": default,
            "lang_name": lang_name(site, lang),
            "base_url": ed.base_url,
            "as_of": site.as_of.to_string(),
            "as_of_dotted": site.as_of.dotted(),
            "home": routes::home(lang),
            "offices": routes::offices(lang),
            "forms": routes::forms(lang),
            "form_urls": routes::FORMS.iter().map(|f| (f.replace('-', "_"), routes::form(lang, f))).collect::<std::collections::BTreeMap<_, _>>(),
            "stylesheet": routes::asset("style.css"),
            "print_stylesheet": routes::asset("print.css"),
            "print_script": routes::asset("print.js"),
            "finder_script": routes::asset("finder.js"),
            "finder_fold": crate::search::fold_spec(),
            "noscript_stylesheet": routes::asset("noscript.css"),
            "open_data": {
                "offices_json": crate::opendata::route("offices.json"),
                "offices_csv": crate::opendata::route("offices.csv"),
                "service_json": crate::opendata::route("service.json"),
            },
        }),
    );
    g.insert(
        "t".into(),
        serde_json::to_value(site.theme.i18n.get(lang).cloned().unwrap_or_default())
            .unwrap_or(Value::Null),
    );
    // Navigation: content pages by weight, then the office directory.
    let mut nav: Vec<(i64, String, String, String)> = site
        .pages
        .iter()
        .filter(|p| !p.slug.is_empty() && !p.slug.contains('/'))
        .filter_map(|p: &ContentPage| {
            p.versions.get(lang).map(|v| {
                (
                    v.front.weight,
                    p.slug.clone(),
                    nav_title(&v.front),
                    routes::content(lang, &p.slug),
                )
            })
        })
        .collect();
    nav.push((
        OFFICES_WEIGHT,
        "offices".into(),
        ui(site, lang, "offices_title"),
        routes::offices(lang),
    ));
    nav.push((
        FORMS_WEIGHT,
        "forms".into(),
        ui(site, lang, "forms_title"),
        routes::forms(lang),
    ));
    nav.sort();
    g.insert(
        "nav".into(),
        Value::Array(
            nav.into_iter()
                .map(|(_, key, title, url)| json!({"key": key, "title": title, "url": url}))
                .collect(),
        ),
    );
    let resolve_any = |v: &dyn erased::Ser| resolve(&v.to_json(), lang, &langs);
    g.insert("service".into(), resolve_any(&d.service));
    g.insert("documents".into(), resolve_any(&d.documents));
    g.insert("refusals".into(), resolve_any(&d.refusals));
    g.insert("complaints".into(), resolve_any(&d.complaints));
    g.insert("quality".into(), resolve_any(&d.quality));
    g.insert("forms".into(), resolve_any(&d.forms));
    let ministry_phone = d
        .complaints
        .ministry
        .phone
        .as_deref()
        .map(|p| json!({"text": p, "href": present::tel_href(p, None)}));
    g.insert(
        "ministry_phone".into(),
        ministry_phone.unwrap_or(Value::Null),
    );
    g.insert(
        "ministry_website".into(),
        website_view(d.complaints.ministry.website.as_deref()),
    );
    g.insert(
        "hours".into(),
        json!({
            "service": schedule_view(&d.hours.service, lang),
            "complaints": schedule_view(&d.hours.complaints, lang),
        }),
    );
    g.insert("fee".into(), fee_view(site, lang));
    g.insert("status".into(), status_view(&d.service.status));
    let deps = ed.departments(site);
    // `departments`, the whole directory, is added by the renderer (see [`directory`]).
    // A department edition names its department on every page and points to the ministry
    // edition for the national directory.
    g.insert(
        "edition".into(),
        match ed.department {
            Some(i) => json!({
                "slug": ed.slug,
                "department": department_view(&d.offices.departments[i], lang, false),
                "national_offices": routes::absolute(&ed.ministry_base_url, &routes::offices(lang)),
            }),
            None => Value::Null,
        },
    );
    // Every language's strings and facts, for bilingual printables.
    g.insert(
        "bundles".into(),
        Value::Array(
            site.languages()
                .iter()
                .map(|l| {
                    json!({
                        "lang": l,
                        "name": lang_name(site, l),
                        "t": site.theme.i18n.get(l).cloned().unwrap_or_default(),
                        "service": resolve(&d.service.to_json(), l, &langs),
                        "documents": resolve(&d.documents.to_json(), l, &langs),
                        "forms": resolve(&d.forms.to_json(), l, &langs),
                        "complaints": resolve(&d.complaints.to_json(), l, &langs),
                        "fee": fee_view(site, l),
                        "hours": {
                            "service": schedule_view(&d.hours.service, l),
                            "complaints": schedule_view(&d.hours.complaints, l),
                        },
                    })
                })
                .collect(),
        ),
    );
    let unit_count: usize = deps
        .iter()
        .map(|&i| d.offices.departments[i].units.len())
        .sum();
    g.insert("unit_count".into(), json!(unit_count));
    g
}

/// The `departments` global of `lang`: every office of the edition, for the directory page.
/// Not part of [`Plan::globals`]: at national scale it is the one large site-wide value, so the
/// renderer builds it per language straight into the template engine and keeps no other copy.
pub fn directory(site: &Site, ed: &Edition, lang: &str) -> Value {
    Value::Array(
        ed.departments(site)
            .iter()
            .map(|&i| department_view(&site.data.offices.departments[i], lang, true))
            .collect(),
    )
}

/// [`directory`] as something to serialise a department at a time, so that the template engine
/// can take it in without the whole directory existing as JSON first.
pub struct Directory<'a> {
    pub site: &'a Site,
    pub edition: &'a Edition,
    pub lang: &'a str,
}

impl serde::Serialize for Directory<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let deps = self.edition.departments(self.site);
        let mut seq = s.serialize_seq(Some(deps.len()))?;
        for i in deps {
            let d = &self.site.data.offices.departments[i];
            seq.serialize_element(&department_view(d, self.lang, true))?;
        }
        seq.end()
    }
}

/// Serialises any data value to JSON (a tiny object-safe shim over `serde::Serialize`).
mod erased {
    pub trait Ser {
        fn to_json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn to_json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
        }
    }
}

/// Replaces every translated text (an object whose keys are exactly the site's languages and
/// whose values are strings) by its value in `lang`.
pub fn resolve(v: &Value, lang: &str, langs: &BTreeSet<String>) -> Value {
    match v {
        Value::Object(m) => {
            let is_text = !m.is_empty()
                && m.len() == langs.len()
                && m.iter().all(|(k, v)| langs.contains(k) && v.is_string());
            if is_text {
                m.get(lang).cloned().unwrap_or(Value::Null)
            } else {
                Value::Object(
                    m.iter()
                        .map(|(k, v)| (k.clone(), resolve(v, lang, langs)))
                        .collect(),
                )
            }
        }
        Value::Array(a) => Value::Array(a.iter().map(|v| resolve(v, lang, langs)).collect()),
        other => other.clone(),
    }
}

fn phone_list(list: &[At<String>], area: Option<&str>) -> Value {
    Value::Array(
        list.iter()
            .map(|n| json!({"text": n.value, "href": present::tel_href(&n.value, area)}))
            .collect(),
    )
}

fn website_view(site: Option<&str>) -> Value {
    match site {
        Some(s) => json!({"text": s, "href": present::website_href(s)}),
        None => Value::Null,
    }
}

fn text_opt(t: &Option<Text>, lang: &str) -> Value {
    t.as_ref()
        .map(|t| json!(t.get(lang)))
        .unwrap_or(Value::Null)
}

/// A department for templates; with `units` listed when `with_units`.
pub fn department_view(d: &Department, lang: &str, with_units: bool) -> Value {
    let area = d.dial_code.as_ref().map(|c| c.value.as_str());
    let mut v = json!({
        "slug": d.slug.value,
        "number": d.number,
        "name": d.name.get(lang),
        "address": d.address.get(lang),
        "locality": d.locality.get(lang),
        "website": website_view(d.website.as_deref()),
        "phones": {
            "secretariat": phone_list(&d.phones.secretariat, area),
            "migration": phone_list(&d.phones.migration, area),
        },
        "note": text_opt(&d.note, lang),
        "url": routes::department(lang, &d.slug),
        "unit_count": d.units.len(),
        // The finder: a match on the name (the region) shows every office of the department;
        // one on the seat's address shows the department's own office.
        "region": search_key_of(&[&d.name]),
        "search": search_key_of(&[&d.address, &d.locality]),
        "compact": needs_compact_print(d.name.get(lang), d.address.get(lang)),
    });
    if with_units && let Value::Object(m) = &mut v {
        m.insert(
            "units".into(),
            Value::Array(d.units.iter().map(|u| unit_view(d, u, lang)).collect()),
        );
    }
    v
}

/// A unit for templates.
pub fn unit_view(d: &Department, u: &Unit, lang: &str) -> Value {
    let area = u
        .dial_code
        .as_ref()
        .or(d.dial_code.as_ref())
        .map(|c| c.value.as_str());
    json!({
        "slug": u.slug.value,
        "number": u.number,
        "name": u.name.get(lang),
        "address": u.address.get(lang),
        "locality": u.locality.get(lang),
        "website": website_view(u.website.as_deref()),
        "phones": {
            "secretariat": phone_list(&u.phones.secretariat, area),
            "migration": phone_list(&u.phones.migration, area),
        },
        "note": text_opt(&u.note, lang),
        "url": routes::unit(lang, &d.slug, &u.slug),
        "search": search_key_of(&[&u.name, &u.address, &u.locality]),
        "compact": needs_compact_print(u.name.get(lang), u.address.get(lang)),
    })
}

/// Characters of name and address beyond which a form's pre-printed office header is set in
/// smaller type. The receipts have a fixed paper size (75 × 55 mm, A5); only a few offices of
/// Appendix 1 (Shymkent's combined district offices) have headers long enough to push the form
/// onto a second sheet.
const COMPACT_HEADER_CHARS: usize = 120;

/// Whether an office's pre-printed header on the fixed-size forms needs the smaller type.
fn needs_compact_print(name: &str, address: &str) -> bool {
    name.chars().count() + address.chars().count() > COMPACT_HEADER_CHARS
}

/// The finder's search key of an office: its name, address and locality in every language.
fn search_key_of(texts: &[&Text]) -> String {
    present::search_key(texts.iter().flat_map(|t| t.iter().map(|(_, v)| v)))
}

fn schedule_view(s: &Schedule, lang: &str) -> Value {
    let (rows, closed) = present::hours_rows(&s.schedule);
    json!({"rows": rows, "closed": closed, "text": s.text.get(lang)})
}

fn status_view(s: &Status) -> Value {
    let dotted = |d: &Decree| {
        crate::model::date::Date::parse(&d.date.value)
            .map(|x| x.dotted())
            .unwrap_or_default()
    };
    json!({
        "approved": {"decree": s.approved.decree, "date": s.approved.date.value, "dotted": dotted(&s.approved)},
        "repealed": s.repealed.as_ref().map(|r| json!({"decree": r.decree, "date": r.date.value, "dotted": dotted(r)})),
    })
}

fn fee_view(site: &Site, lang: &str) -> Value {
    let f = &site.data.fee;
    let current = present::mci_in_force(&f.mci, site.as_of).map(|(i, _)| i);
    let amount = present::fee_amount(f, site.as_of);
    let rows: Vec<Value> = f
        .mci
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let from = crate::model::date::Date::parse(&r.from.value);
            let until = f
                .mci
                .get(i + 1)
                .and_then(|n| crate::model::date::Date::parse(&n.from.value));
            json!({
                "from": from.map(|d| d.dotted()).unwrap_or_default(),
                "from_iso": r.from.value,
                // The next period's start (exclusive, Kazakh «…дейін») and the day before it
                // (inclusive, Russian «по …»): each language's string picks its own.
                "until": until.map(|d| d.dotted()),
                "through": until.map(|d| d.pred().dotted()),
                "tenge": present::tenge(r.tenge.value),
                "fee": present::tenge(present::percent_of(r.tenge.value, f.percent_of_mci.value)),
                "current": Some(i) == current,
            })
        })
        .collect();
    let percent = f.percent_of_mci.value;
    let percent_text = if percent.fract() == 0.0 {
        format!("{}", percent as i64)
    } else {
        format!("{percent}").replace('.', ",")
    };
    json!({
        "kind": f.kind.get(lang),
        "percent": percent_text,
        "rule": f.rule.get(lang),
        "legal_basis": f.legal_basis.get(lang),
        "payment": f.payment.get(lang),
        "amount": amount.map(|(a, _)| present::tenge(a)),
        "amount_value": amount.map(|(a, _)| a),
        "index": amount.map(|(_, r)| present::tenge(r.tenge.value)),
        "index_from": amount.and_then(|(_, r)| crate::model::date::Date::parse(&r.from.value)).map(|d| d.dotted()),
        "table": rows,
        // At 100 % the fee column would repeat the index column: the table shows one column.
        "distinct_fee": f.mci.iter().any(|r| present::percent_of(r.tenge.value, percent) != r.tenge.value),
    })
}
