//! Validate: the semantic rules that types alone cannot express — unique and safe slugs,
//! sensible opening hours, a plausible fee and an index value for the as-of date, templates
//! that exist, editions that name departments. Every problem is collected, each pointing at the
//! value's line. (Whether a value is a date, a time or a weekday at all is settled when it is
//! read: see `model::value`.)

use crate::diagnostics::{Diagnostic, Error, Result, human_field, ordinal};
use crate::model::Site;
use crate::model::data::*;
use crate::model::date::Date;
use crate::model::value::Weekday;
use crate::routes::check_slug;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

struct Ctx<'a> {
    site: &'a Site,
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn at<T>(&mut self, file: &str, v: &At<T>, field: String, message: String, hint: Option<&str>) {
        let rel = PathBuf::from(file);
        let mut d = Diagnostic::new(&rel, message).field(field);
        if let Some(src) = self.site.sources.get(&rel)
            && v.line > 0
        {
            d = d.at(src, v.line, v.column);
        }
        if let Some(h) = hint {
            d = d.hint(h);
        }
        self.diags.push(d);
    }
}

/// Checks the loaded site; returns every problem found.
pub fn validate(site: &Site) -> Result<()> {
    let mut cx = Ctx {
        site,
        diags: Vec::new(),
    };
    offices(&mut cx, &site.data.offices);
    website(
        &mut cx,
        "data/complaints.yaml",
        &site.data.complaints.ministry.website,
        "ministry.website".into(),
    );
    hours(&mut cx, "service", &site.data.hours.service);
    hours(&mut cx, "complaints", &site.data.hours.complaints);
    fee(&mut cx, &site.data.fee, site.as_of);
    documents(&mut cx, &site.data.documents);
    templates(&mut cx);
    cx.diags.extend(editions(site));
    for d in &mut cx.diags {
        name_department(site, d);
    }
    if cx.diags.is_empty() {
        Ok(())
    } else {
        Err(Error::Project(cx.diags))
    }
}

const OFFICES: &str = "data/offices.yaml";

/// Shows a field of `data/offices.yaml` with its department by slug, as webmasters know them:
/// «`slug` of the 4th unit of department `astana`» rather than «… of the 1st department».
fn name_department(site: &Site, d: &mut Diagnostic) {
    let Some(field) = &d.field else { return };
    let Some(i) = field
        .strip_prefix("departments[")
        .and_then(|r| r.split_once(']'))
        .and_then(|(i, _)| i.parse::<usize>().ok())
    else {
        return;
    };
    let Some(dep) = site.data.offices.departments.get(i) else {
        return;
    };
    // A problem with the slug itself (invalid, or used twice) cannot name the department by it.
    if d.file != Path::new(OFFICES) || *field == format!("departments[{i}].slug") {
        return;
    }
    let shown = human_field(field).replace(
        &format!("the {} department", ordinal(i + 1)),
        &format!("department `{}`", dep.slug.value),
    );
    d.field = Some(shown);
}

fn offices(cx: &mut Ctx, o: &Offices) {
    // The first office with each slug: its position and line, to name both of a duplicate.
    let mut seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, d) in o.departments.iter().enumerate() {
        let path = format!("departments[{i}]");
        office(cx, d, &path);
        if let Some(&(first, line)) = seen.get(d.slug.value.as_str()) {
            cx.at(
                OFFICES,
                &d.slug,
                format!("{path}.slug"),
                format!(
                    "department slug `{}` is already used by the {} department, on line {line}",
                    d.slug.value,
                    ordinal(first + 1)
                ),
                Some("every department needs its own slug: it is its URL"),
            );
        } else {
            seen.insert(&d.slug.value, (i, d.slug.line));
        }
        let mut units: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (j, u) in d.units.iter().enumerate() {
            let upath = format!("{path}.units[{j}]");
            office(cx, u, &upath);
            if let Some(&(first, line)) = units.get(u.slug.value.as_str()) {
                cx.at(
                    OFFICES,
                    &u.slug,
                    format!("{upath}.slug"),
                    format!(
                        "unit slug `{}` is already used by the {} unit of department `{}`, on line {line}",
                        u.slug.value,
                        ordinal(first + 1),
                        d.slug.value
                    ),
                    Some("units of one department need distinct slugs"),
                );
            } else {
                units.insert(&u.slug.value, (j, u.slug.line));
            }
            if let Some(inner) = u.units.first() {
                cx.at(
                    OFFICES,
                    &inner.slug,
                    format!("{upath}.units"),
                    "a unit cannot have units of its own".to_string(),
                    Some("list every unit of a department directly under the department's `units`"),
                );
            }
        }
    }
}

/// The rules every office (a department's seat or a unit) follows.
fn office(cx: &mut Ctx, o: &Office, path: &str) {
    slug(cx, OFFICES, &o.slug, format!("{path}.slug"));
    dial_code(cx, &o.dial_code, format!("{path}.dial_code"));
    website(cx, OFFICES, &o.website, format!("{path}.website"));
    phones(cx, &o.phones, path);
}

fn slug(cx: &mut Ctx, file: &str, s: &At<String>, field: String) {
    if let Err(why) = check_slug(&s.value) {
        cx.at(
            file,
            s,
            field,
            if s.value.is_empty() {
                "the slug is empty".to_string()
            } else {
                format!("`{}` is not a valid slug: {why}", s.value)
            },
            Some("slugs become URLs: use lowercase ASCII letters, digits and hyphens, e.g. `esil-district`"),
        );
    }
}

/// A website must be addresses as the standard prints them ([`crate::model::rules::WEBSITE`]): a
/// `javascript:` or `//host` value would otherwise become a link.
fn website(cx: &mut Ctx, file: &str, w: &Option<Website>, field: String) {
    if let Some(w) = w
        && !crate::model::rules::website(w)
    {
        cx.at(
            file,
            &w.0,
            field,
            format!("`{}` is not a web or e-mail address", w.0.value.escape_debug()),
            Some("write the addresses as the standard prints them: `www.mvd.kz`, `https://www.gov.kz/…` or `dvd@mail.kz`, several separated by commas; no other scheme"),
        );
    }
}

fn dial_code(cx: &mut Ctx, code: &Option<At<String>>, field: String) {
    if let Some(c) = code
        && (c.value.is_empty() || c.value.len() > 5 || !c.value.bytes().all(|b| b.is_ascii_digit()))
    {
        cx.at(
            OFFICES,
            c,
            field,
            format!("`{}` is not a telephone area code", c.value),
            Some("write the area code digits only, e.g. `7172`"),
        );
    }
}

fn phones(cx: &mut Ctx, p: &Phones, path: &str) {
    for (kind, list) in [("secretariat", &p.secretariat), ("migration", &p.migration)] {
        for (k, n) in list.iter().enumerate() {
            let digits = n.value.chars().filter(char::is_ascii_digit).count();
            let allowed = n
                .value
                .chars()
                .all(|c| c.is_ascii_digit() || " -()+".contains(c));
            if digits == 0 || !allowed {
                cx.at(
                    OFFICES,
                    n,
                    format!("{path}.phones.{kind}[{k}]"),
                    format!("`{}` is not a telephone number", n.value),
                    Some("write the number as printed, with digits, hyphens, spaces and brackets only"),
                );
            }
        }
    }
}

fn hours(cx: &mut Ctx, which: &str, s: &Schedule) {
    const FILE: &str = "data/hours.yaml";
    // The first row of each day: its position and line, to name it beside the second.
    let mut days_seen: BTreeMap<Weekday, (usize, usize)> = BTreeMap::new();
    for (i, e) in s.schedule.iter().enumerate() {
        let path = format!("{which}.schedule[{i}]");
        if e.days.is_empty() {
            cx.diags
                .push(Diagnostic::new(FILE, "`days` is empty").field(format!("{path}.days")));
        }
        for (k, d) in e.days.iter().enumerate() {
            if let Some(&(first, line)) = days_seen.get(&d.value) {
                cx.at(
                    FILE,
                    d,
                    format!("{path}.days[{k}]"),
                    format!(
                        "`{}` already has hours in {}, on line {line}",
                        d.value.code(),
                        human_field(&format!("{which}.schedule[{first}]"))
                    ),
                    None,
                );
            } else {
                days_seen.insert(d.value, (i, d.line));
            }
        }
        let (open, close) = (e.open.value, e.close.value);
        if close <= open {
            cx.at(
                FILE,
                &e.close,
                format!("{path}.close"),
                format!("closing time {close} is not after opening time {open}"),
                None,
            );
        }
        if let Some(b) = &e.lunch {
            let (start, end) = (b.start.value, b.end.value);
            if end <= start {
                cx.at(
                    FILE,
                    &b.end,
                    format!("{path}.break.end"),
                    format!("the break ends ({end}) before it starts ({start})"),
                    None,
                );
            } else if start <= open || end >= close {
                cx.at(
                    FILE,
                    &b.start,
                    format!("{path}.break"),
                    format!("the break {start}–{end} is outside the opening hours {open}–{close}"),
                    Some("a break must start after opening and end before closing"),
                );
            }
        }
    }
}

fn fee(cx: &mut Ctx, f: &Fee, as_of: Date) {
    const FILE: &str = "data/fee.yaml";
    let p = f.percent_of_mci.value;
    if !p.is_finite() || p <= 0.0 || p > 1000.0 {
        cx.at(
            FILE,
            &f.percent_of_mci,
            "percent_of_mci".into(),
            format!("{p} is not a plausible percentage of the index"),
            Some("the standard's fee is 100 (per cent of the monthly calculation index); use a number above 0 and at most 1000"),
        );
    }
    let mut prev: Option<Date> = None;
    let mut covered = false;
    for (i, row) in f.mci.iter().enumerate() {
        let d = row.from.value;
        if let Some(p) = prev
            && d <= p
        {
            cx.at(
                FILE,
                &row.from,
                format!("mci[{i}].from"),
                format!("{d} is not after the previous row's date {p}"),
                Some("keep the index table in ascending order of date, one row per change"),
            );
        }
        covered |= d <= as_of;
        prev = Some(d);
        if row.tenge.value <= 0 || row.tenge.value > 10_000_000 {
            cx.at(
                FILE,
                &row.tenge,
                format!("mci[{i}].tenge"),
                format!("{} tenge is not a plausible index value", row.tenge.value),
                None,
            );
        }
    }
    if !covered {
        let mut d = Diagnostic::new(FILE, format!("no index value is in force on the as-of date {as_of}"))
            .field("mci")
            .hint("add a row to `mci` with a `from` date on or before the as-of date, or set `as_of` in stend.yaml");
        if let Some(src) = cx.site.sources.get(Path::new(FILE))
            && let Some(line) = src.lines().position(|l| l.starts_with("mci:"))
        {
            d = d.at(src, line + 1, 1);
        }
        cx.diags.push(d);
    }
}

fn documents(cx: &mut Ctx, d: &Documents) {
    let mut seen: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, doc) in d.documents.iter().enumerate() {
        slug(
            cx,
            "data/documents.yaml",
            &doc.id,
            format!("documents[{i}].id"),
        );
        if let Some(&(first, line)) = seen.get(doc.id.value.as_str()) {
            cx.at(
                "data/documents.yaml",
                &doc.id,
                format!("documents[{i}].id"),
                format!(
                    "document id `{}` is already used by the {} document, on line {line}",
                    doc.id.value,
                    ordinal(first + 1)
                ),
                None,
            );
        } else {
            seen.insert(&doc.id.value, (i, doc.id.line));
        }
    }
}

fn templates(cx: &mut Ctx) {
    let site = cx.site;
    for page in &site.pages {
        for v in page.versions.values() {
            if let Some(t) = &v.front.template
                && !site.theme.templates.iter().any(|(n, _)| n == &t.value)
            {
                let d = Diagnostic::new(&v.file, format!("template `{}` does not exist", t.value))
                    .at(&v.source, t.line, t.column)
                    .field("template")
                    .hint(format!(
                        "templates are files in {}/templates/",
                        site.theme.dir.display()
                    ));
                cx.diags.push(d);
            }
        }
    }
}

/// Checks that every edition configured in `stend.yaml` names a department.
fn editions(site: &Site) -> Vec<Diagnostic> {
    let known = |k: &String| {
        site.data
            .offices
            .departments
            .iter()
            .any(|d| &d.slug.value == k)
    };
    let src = site
        .sources
        .get(Path::new("stend.yaml"))
        .cloned()
        .unwrap_or_default();
    site.config
        .editions
        .keys()
        .filter(|k| !known(k))
        .map(|k| {
            let line = src
                .lines()
                .position(|l| l.trim_start().starts_with(&format!("{k}:")))
                .map(|l| l + 1);
            let mut d = Diagnostic::new(
                "stend.yaml",
                format!("edition `{k}` is not a department slug"),
            )
            .field(format!("editions.{k}"))
            .hint("edition keys are the `slug`s of departments in data/offices.yaml");
            if let Some(l) = line {
                d = d.at(&src, l, 1);
            }
            d
        })
        .collect()
}
