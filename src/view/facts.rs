//! The facts that need computing before a template can print them: the fee and its index table,
//! opening hours, the legal status.

use crate::model::Site;
use crate::model::data::{Decree, FeeBasis, Schedule, Status, Term};
use crate::model::text::Text;
use crate::present::{self, HoursRow};
use serde::Serialize;

/// `fee`: what the service costs on the as-of date, its rule, and (for a fee that is a percentage
/// of the monthly calculation index) the index table.
#[derive(Serialize)]
pub struct FeeView<'a> {
    /// `percent_of_mci`, `tenge` or `free`: which of the three `fee.yaml` gives.
    basis: &'static str,
    /// What the payment is called, in running text («мемлекеттік баж»); empty when not given.
    kind: &'a str,
    /// The percentage of the index, as written in the texts (`100`, `0,5`); empty unless the fee
    /// is one.
    percent: String,
    rule: &'a str,
    legal_basis: &'a str,
    payment: &'a str,
    /// The amount on the as-of date, formatted (`4 325 ₸`); none when free.
    amount: Option<String>,
    pub(super) amount_value: Option<i64>,
    /// The index value it is taken from, and the date that value is in force from.
    index: Option<String>,
    index_from: Option<String>,
    /// The index by period; empty unless the fee is a percentage of it.
    table: Vec<FeeRow>,
    /// Whether any row's fee differs from its index: at 100 % the fee column would repeat the
    /// index column, and the table shows one column.
    distinct_fee: bool,
}

#[derive(Serialize)]
struct FeeRow {
    from: String,
    from_iso: String,
    /// The next period's start (exclusive, Kazakh «…дейін») and the day before it (inclusive,
    /// Russian «по …»): each language's string picks its own.
    until: Option<String>,
    through: Option<String>,
    tenge: String,
    fee: String,
    current: bool,
    /// The row in force is from an earlier year than the as-of date's, which the index table
    /// has no row for: the site cannot say it is in force *now*, only that it is the latest
    /// value it has (and `build` warns).
    stale: bool,
}

impl<'a> FeeView<'a> {
    pub fn new(site: &'a Site, lang: &str) -> FeeView<'a> {
        let f = &site.data.fee;
        let basis = f.basis();
        let text = |t: &'a Option<Text>| t.as_ref().map_or("", |t| t.get(lang));
        let from_index = present::fee_from_index(f, site.as_of);
        let amount = match basis {
            Some(FeeBasis::Free) | None => None,
            Some(_) => present::fee_amount(f, site.as_of),
        };
        let mut view = FeeView {
            basis: basis.map_or("", FeeBasis::key),
            kind: text(&f.kind),
            percent: String::new(),
            rule: f.rule.get(lang),
            legal_basis: text(&f.legal_basis),
            payment: text(&f.payment),
            amount: amount.map(present::tenge),
            amount_value: amount,
            index: from_index.map(|(_, r)| present::tenge(r.tenge.value)),
            index_from: from_index.map(|(_, r)| r.from.value.dotted()),
            table: Vec::new(),
            distinct_fee: false,
        };
        let Some(FeeBasis::PercentOfMci(percent)) = basis else {
            return view;
        };
        let current = present::mci_in_force(&f.mci, site.as_of).map(|(i, _)| i);
        let stale = !f.mci.iter().any(|r| r.from.value.year == site.as_of.year);
        view.table = f
            .mci
            .iter()
            .enumerate()
            .map(|(i, r)| FeeRow {
                from: r.from.value.dotted(),
                from_iso: r.from.value.to_string(),
                until: f.mci.get(i + 1).map(|n| n.from.value.dotted()),
                through: f.mci.get(i + 1).map(|n| n.from.value.pred().dotted()),
                tenge: present::tenge(r.tenge.value),
                fee: present::tenge(present::percent_of(r.tenge.value, percent)),
                current: Some(i) == current,
                stale: Some(i) == current && stale,
            })
            .collect();
        view.percent = if percent.fract() == 0.0 {
            format!("{}", percent as i64)
        } else {
            format!("{percent}").replace('.', ",")
        };
        view.distinct_fee = f
            .mci
            .iter()
            .any(|r| present::percent_of(r.tenge.value, percent) != r.tenge.value);
        view
    }
}

/// `terms`: each term of the service said in words of the page's language, from the UI string
/// of its unit (`term_calendar_days` …): «күнтізбелік 30 күн», «30 календарных дней». A term the
/// standard does not give is absent.
#[derive(Serialize)]
pub struct TermsView {
    processing: String,
    max_wait: Option<String>,
    max_service: Option<String>,
}

/// A term in words of `lang`, from the UI string of its unit.
pub fn say_term(site: &Site, lang: &str, t: &Term) -> String {
    present::count(
        site.ui(lang, &format!("term_{}", t.unit.key())),
        t.value.value,
    )
}

impl TermsView {
    pub fn new(site: &Site, lang: &str) -> TermsView {
        let say = |t: &Term| say_term(site, lang, t);
        let terms = &site.data.service.terms;
        TermsView {
            processing: say(&terms.processing),
            max_wait: terms.max_wait.as_ref().map(say),
            max_service: terms.max_service.as_ref().map(say),
        }
    }
}

/// `hours`: the service's and the complaint reception's.
#[derive(Serialize)]
pub struct HoursView<'a> {
    service: ScheduleView<'a>,
    complaints: ScheduleView<'a>,
}

impl<'a> HoursView<'a> {
    pub fn new(site: &'a Site, lang: &str) -> HoursView<'a> {
        let h = &site.data.hours;
        HoursView {
            service: ScheduleView::new(&h.service, lang),
            complaints: ScheduleView::new(&h.complaints, lang),
        }
    }
}

/// One opening-hours table.
#[derive(Serialize)]
struct ScheduleView<'a> {
    rows: Vec<RowView>,
    /// Day codes of the days it is closed.
    closed: Vec<&'static str>,
    text: &'a str,
}

/// A row of days with the same hours; `first`–`last` is the range to print.
#[derive(Serialize)]
struct RowView {
    days: Vec<&'static str>,
    first: &'static str,
    last: &'static str,
    open: String,
    close: String,
    break_start: Option<String>,
    break_end: Option<String>,
}

impl<'a> ScheduleView<'a> {
    fn new(s: &'a Schedule, lang: &str) -> ScheduleView<'a> {
        let (rows, closed) = present::hours_rows(&s.schedule);
        ScheduleView {
            rows: rows.iter().map(RowView::new).collect(),
            closed: closed.iter().map(|d| d.code()).collect(),
            text: s.text.get(lang),
        }
    }
}

impl RowView {
    fn new(r: &HoursRow) -> RowView {
        let code = |i: Option<&crate::model::value::Weekday>| i.map_or("", |d| d.code());
        RowView {
            days: r.days.iter().map(|d| d.code()).collect(),
            first: code(r.days.first()),
            last: code(r.days.last()),
            open: r.open.to_string(),
            close: r.close.to_string(),
            break_start: r.lunch.map(|(s, _)| s.to_string()),
            break_end: r.lunch.map(|(_, e)| e.to_string()),
        }
    }
}

/// `status`: the decree that approved the standard and the one that repealed it.
#[derive(Serialize)]
pub struct StatusView<'a> {
    approved: DecreeView<'a>,
    repealed: Option<DecreeView<'a>>,
}

#[derive(Serialize)]
struct DecreeView<'a> {
    decree: &'a str,
    date: String,
    dotted: String,
}

impl<'a> StatusView<'a> {
    pub fn new(s: &'a Status) -> StatusView<'a> {
        let view = |d: &'a Decree| DecreeView {
            decree: &d.decree,
            date: d.date.value.to_string(),
            dotted: d.date.value.dotted(),
        };
        StatusView {
            approved: view(&s.approved),
            repealed: s.repealed.as_ref().map(view),
        }
    }
}
