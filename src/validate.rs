//! Validate: the semantic rules that types alone cannot express — unique and safe slugs,
//! sensible opening hours, a plausible fee and an index value for the as-of date, templates
//! that exist, editions that name departments. Every problem is collected, each pointing at the
//! value's line. (Whether a value is a date, a time or a weekday at all is settled when it is
//! read: see `model::value`.)

use crate::diagnostics::{Diagnostic, Error, Result, ordinal};
use crate::i18n::{Arg, Msg};
use crate::model::Site;
use crate::model::data::*;
use crate::model::date::Date;
use crate::model::value::Weekday;
use crate::msg;
use crate::routes::check_slug;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

struct Ctx<'a> {
    site: &'a Site,
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn at<T>(&mut self, file: &str, v: &At<T>, field: String, message: Msg, hint: Option<Msg>) {
        self.at_line(file, (v.line, v.column), field, message, hint);
    }

    /// A problem at a line and column of `file` (line 0: the file as a whole).
    fn at_line(
        &mut self,
        file: &str,
        (line, column): (usize, usize),
        field: String,
        message: Msg,
        hint: Option<Msg>,
    ) {
        let rel = PathBuf::from(file);
        let mut d = Diagnostic::new(&rel, message).field(field);
        if let Some(src) = self.site.sources.get(&rel)
            && line > 0
        {
            d = d.at(src, line, column);
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
    terms(&mut cx, &site.data.service.terms);
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
    d.department = Some(dep.slug.value.clone());
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
                msg!(
                    "department-slug-twice",
                    slug = &d.slug.value,
                    nth = ordinal(first + 1),
                    n = first + 1,
                    line = line
                ),
                Some(msg!("hint-department-slug-twice")),
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
                    msg!(
                        "unit-slug-twice",
                        slug = &u.slug.value,
                        nth = ordinal(first + 1),
                        n = first + 1,
                        department = &d.slug.value,
                        line = line
                    ),
                    Some(msg!("hint-unit-slug-twice")),
                );
            } else {
                units.insert(&u.slug.value, (j, u.slug.line));
            }
            if let Some(inner) = u.units.first() {
                cx.at(
                    OFFICES,
                    &inner.slug,
                    format!("{upath}.units"),
                    msg!("unit-has-units"),
                    Some(msg!("hint-unit-has-units")),
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
                msg!("slug-empty")
            } else {
                msg!("slug-invalid", slug = &s.value, why = why)
            },
            Some(msg!("hint-slug")),
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
            msg!(
                "not-a-website",
                value = w.0.value.escape_debug().to_string()
            ),
            Some(msg!("hint-website")),
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
            msg!("not-a-dial-code", value = &c.value),
            Some(msg!("hint-dial-code")),
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
                    msg!("not-a-phone", value = &n.value),
                    Some(msg!("hint-phone")),
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
            cx.diags.push(
                Diagnostic::new(FILE, msg!("field-empty", name = "days"))
                    .field(format!("{path}.days")),
            );
        }
        for (k, d) in e.days.iter().enumerate() {
            if let Some(&(first, line)) = days_seen.get(&d.value) {
                cx.at(
                    FILE,
                    d,
                    format!("{path}.days[{k}]"),
                    msg!(
                        "day-twice",
                        day = d.value.code(),
                        row = Arg::Field(format!("{which}.schedule[{first}]")),
                        line = line
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
                msg!(
                    "close-before-open",
                    close = close.to_string(),
                    open = open.to_string()
                ),
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
                    msg!(
                        "break-ends-first",
                        end = end.to_string(),
                        start = start.to_string()
                    ),
                    None,
                );
            } else if start <= open || end >= close {
                cx.at(
                    FILE,
                    &b.start,
                    format!("{path}.break"),
                    msg!(
                        "break-outside-hours",
                        start = start.to_string(),
                        end = end.to_string(),
                        open = open.to_string(),
                        close = close.to_string()
                    ),
                    Some(msg!("hint-break-outside-hours")),
                );
            }
        }
    }
}

const FEE: &str = "data/fee.yaml";

fn fee(cx: &mut Ctx, f: &Fee, as_of: Date) {
    let given = fee_basis(cx, f);
    // A paid service's fee says what the payment is called and under which law.
    if let Some(&(basis, at)) = given.iter().find(|(b, _)| *b != "free") {
        if f.kind.is_none() {
            let message = msg!("fee-needs-kind", basis = basis);
            cx.at_line(FEE, at, "kind".into(), message, None);
        }
        if f.legal_basis.is_none() {
            let message = msg!("fee-needs-legal-basis", basis = basis);
            cx.at_line(FEE, at, "legal_basis".into(), message, None);
        }
    }
    if let Some(t) = &f.tenge
        && (t.value <= 0 || t.value > 100_000_000)
    {
        cx.at(
            FEE,
            t,
            "tenge".into(),
            msg!("fee-tenge-implausible", tenge = t.value.to_string()),
            Some(msg!("hint-fee-tenge-implausible")),
        );
    }
    // The index table matters only to a percentage of the index.
    if let Some(percent) = &f.percent_of_mci {
        fee_index(cx, f, percent, as_of);
    }
}

/// What the fee is: exactly one of the three keys. Returns those given, each with where it was
/// written.
fn fee_basis(cx: &mut Ctx, f: &Fee) -> Vec<(&'static str, (usize, usize))> {
    let mut given: Vec<(&str, (usize, usize))> = Vec::new();
    if let Some(p) = &f.percent_of_mci {
        given.push(("percent_of_mci", (p.line, p.column)));
    }
    if let Some(t) = &f.tenge {
        given.push(("tenge", (t.line, t.column)));
    }
    match &f.free {
        Some(free) if !free.value => cx.at(
            FEE,
            free,
            "free".into(),
            msg!("fee-free-false"),
            Some(msg!("hint-fee-basis")),
        ),
        Some(free) => given.push(("free", (free.line, free.column))),
        None => {}
    }
    match given.as_slice() {
        [] if f.free.is_none() => cx.at_line(
            FEE,
            (0, 0),
            "percent_of_mci".into(),
            msg!("fee-basis-none"),
            Some(msg!("hint-fee-basis")),
        ),
        [(first, _), (second, at), ..] => cx.at_line(
            FEE,
            *at,
            (*second).into(),
            msg!("fee-basis-several", first = *first, second = *second),
            Some(msg!("hint-fee-basis")),
        ),
        _ => {}
    }
    given
}

/// A percentage of the index: plausible, with an index table in ascending order that has a
/// value in force on the as-of date.
fn fee_index(cx: &mut Ctx, f: &Fee, percent: &At<f64>, as_of: Date) {
    let p = percent.value;
    if !p.is_finite() || p <= 0.0 || p > 1000.0 {
        cx.at(
            FEE,
            percent,
            "percent_of_mci".into(),
            msg!("fee-implausible", percent = p.to_string()),
            Some(msg!("hint-fee-implausible")),
        );
    }
    if f.mci.is_empty() {
        cx.at(
            FEE,
            percent,
            "mci".into(),
            msg!("fee-mci-missing"),
            Some(msg!("hint-fee-mci-missing")),
        );
        return;
    }
    let mut prev: Option<Date> = None;
    let mut covered = false;
    for (i, row) in f.mci.iter().enumerate() {
        let d = row.from.value;
        if let Some(p) = prev
            && d <= p
        {
            cx.at(
                FEE,
                &row.from,
                format!("mci[{i}].from"),
                msg!(
                    "mci-not-ascending",
                    date = d.to_string(),
                    previous = p.to_string()
                ),
                Some(msg!("hint-mci-not-ascending")),
            );
        }
        covered |= d <= as_of;
        prev = Some(d);
        if row.tenge.value <= 0 || row.tenge.value > 10_000_000 {
            cx.at(
                FEE,
                &row.tenge,
                format!("mci[{i}].tenge"),
                msg!("mci-implausible", tenge = row.tenge.value.to_string()),
                None,
            );
        }
    }
    if !covered {
        let mut d = Diagnostic::new(FEE, msg!("mci-none-in-force", as_of = as_of.to_string()))
            .field("mci")
            .hint(msg!("hint-mci-none-in-force"));
        if let Some(src) = cx.site.sources.get(Path::new(FEE))
            && let Some(line) = src.lines().position(|l| l.starts_with("mci:"))
        {
            d = d.at(src, line + 1, 1);
        }
        cx.diags.push(d);
    }
}

/// A term of no time at all is a slip (a missing digit, most likely).
fn terms(cx: &mut Ctx, t: &Terms) {
    let named = [
        ("processing", Some(&t.processing)),
        ("max_wait", t.max_wait.as_ref()),
        ("max_service", t.max_service.as_ref()),
    ];
    for (name, term) in named {
        if let Some(term) = term
            && term.value.value == 0
        {
            cx.at(
                "data/service.yaml",
                &term.value,
                format!("terms.{name}.value"),
                msg!("term-zero"),
                Some(msg!("hint-term-zero")),
            );
        }
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
                msg!(
                    "document-id-twice",
                    id = &doc.id.value,
                    nth = ordinal(first + 1),
                    n = first + 1,
                    line = line
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
                let d = Diagnostic::new(&v.file, msg!("template-missing", template = &t.value))
                    .at(&v.source, t.line, t.column)
                    .field("template")
                    .hint(msg!(
                        "hint-templates-dir",
                        dir = site.theme.dir.to_string_lossy().replace('\\', "/")
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
            let mut d = Diagnostic::new("stend.yaml", msg!("edition-not-a-department", slug = k))
                .field(format!("editions.{k}"))
                .hint(msg!("hint-edition-keys"));
            if let Some(l) = line {
                d = d.at(&src, l, 1);
            }
            d
        })
        .collect()
}
