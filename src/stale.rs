//! Stale data: the warnings about dates that `build` and `check` print without failing.
//!
//! A site is "as of" a date (`as_of` in stend.yaml, else `SOURCE_DATE_EPOCH`, else today), and
//! some data is only right for a span of dates: the monthly calculation index is set by each
//! year's budget law, and the standard's decrees have dates. Nothing here stops a build — a
//! site with last year's index is still better than none — but every January a site without
//! the new row goes stale, so the webmaster is told. The library returns the warnings in the
//! build's report; the binary prints them.

use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::load::Env;
use crate::model::Site;
use crate::model::data::{At, Decree};
use crate::model::date::Date;
use crate::msg;
use std::path::PathBuf;

/// The warnings about the dates of `site`'s data, given the clock of `env`.
pub fn warnings(site: &Site, env: &Env) -> Vec<Diagnostic> {
    let mut w = Vec::new();
    index_year(site, &mut w);
    as_of_ahead(site, &clock(env), &mut w);
    decrees(site, &mut w);
    w
}

/// Today as the build sees it: `SOURCE_DATE_EPOCH` when set (a reproducible build's "now"),
/// else the clock.
fn clock(env: &Env) -> (Date, Msg) {
    match env
        .source_date_epoch
        .as_deref()
        .and_then(|e| e.trim().parse::<i64>().ok())
    {
        Some(secs) => (Date::from_unix(secs), msg!("clock-epoch")),
        None => (Date::from_unix(env.now), msg!("clock-today")),
    }
}

/// A diagnostic pointing at a value of `file`, when the file's text is known.
fn at<T>(site: &Site, file: &str, v: &At<T>, message: Msg) -> Diagnostic {
    let rel = PathBuf::from(file);
    let d = Diagnostic::new(&rel, message);
    match site.sources.get(&rel) {
        Some(src) if v.line > 0 => d.at(src, v.line, v.column),
        _ => d,
    }
}

/// No row of the index table for the as-of year: the site shows an older year's index as the
/// one in force. (An as-of date before the first row is an error, reported by validation.)
fn index_year(site: &Site, w: &mut Vec<Diagnostic>) {
    let year = site.as_of.year;
    let rows = &site.data.fee.mci;
    if rows.iter().any(|r| r.from.value.year == year) {
        return;
    }
    let Some((i, last)) = rows
        .iter()
        .enumerate()
        .rfind(|(_, r)| r.from.value <= site.as_of)
    else {
        return;
    };
    let message = msg!(
        "stale-index",
        year = year.to_string(),
        as_of = site.as_of.to_string(),
        from = last.from.value.to_string(),
        tenge = last.tenge.value.to_string()
    );
    w.push(
        at(site, "data/fee.yaml", &last.from, message)
            .field(format!("mci[{i}].from"))
            .hint(msg!("hint-stale-index", year = year.to_string())),
    );
}

/// An as-of date written in stend.yaml more than a year after today: a typo, most likely, and
/// the fee shown would be that of a future year.
fn as_of_ahead(site: &Site, (today, what): &(Date, Msg), w: &mut Vec<Diagnostic>) {
    let Some(written) = &site.config.as_of else {
        return;
    };
    let year_ahead = Date {
        year: today.year + 1,
        ..*today
    };
    if site.as_of <= year_ahead {
        return;
    }
    let message = msg!(
        "as-of-ahead",
        as_of = site.as_of.to_string(),
        clock = what.clone(),
        today = today.to_string()
    );
    w.push(
        at(site, "stend.yaml", written, message)
            .field("as_of")
            .hint(msg!("hint-as-of-ahead")),
    );
}

/// A decree of the standard dated after the as-of date: the site would show a standard that
/// was not yet approved (or not yet repealed) on its own date.
fn decrees(site: &Site, w: &mut Vec<Diagnostic>) {
    let status = &site.data.service.status;
    let all: [(&str, Option<&Decree>); 2] = [
        ("approved", Some(&status.approved)),
        ("repealed", status.repealed.as_ref()),
    ];
    for (what, decree) in all {
        let Some(d) = decree else { continue };
        if d.date.value <= site.as_of {
            continue;
        }
        let message = msg!(
            "decree-after-as-of",
            what = what,
            decree = &d.decree,
            date = d.date.value.to_string(),
            as_of = site.as_of.to_string()
        );
        w.push(
            at(site, "data/service.yaml", &d.date, message)
                .field(format!("status.{what}.date"))
                .hint(msg!("hint-decree-after-as-of")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped project as of 2026-01-01, by SOURCE_DATE_EPOCH.
    fn shipped() -> (Site, Env) {
        let env = Env {
            source_date_epoch: Some("1767225600".into()),
            now: 0,
        };
        let site = crate::load::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), &env)
            .unwrap_or_else(|e| panic!("{e}"));
        (site, env)
    }

    #[test]
    fn the_shipped_data_is_not_stale_on_its_date() {
        let (site, env) = shipped();
        assert_eq!(warnings(&site, &env), vec![]);
    }

    #[test]
    fn a_decree_after_the_as_of_date_is_a_warning() {
        let (mut site, env) = shipped();
        site.data.service.status.approved.date.value = Date::parse("2030-01-01").unwrap();
        let w: Vec<String> = warnings(&site, &env)
            .into_iter()
            .map(|d| d.message.to_string())
            .collect();
        assert_eq!(
            w,
            [
                "the decree that approved the standard (No. 199) is dated 2030-01-01, after the as-of date 2026-01-01"
            ]
        );
    }
}
