//! Values computed for templates: money, dates, telephone links, opening hours.
//!
//! Templates present and do not compute: everything that needs arithmetic, locale rules or
//! judgement (is this number complete enough to dial?) is decided here, once, in Rust.

use crate::model::data::{DayHours, Fee, FeeBasis, MciRow};
use crate::model::date::Date;
use crate::model::value::{Time, Weekday};

/// Groups digits by three with no-break spaces, as Kazakh and Russian write numbers: `4 325`.
pub fn group_digits(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    if n < 0 { format!("−{out}") } else { out }
}

/// An amount of tenge for display: `4 325 ₸` (no-break spaces).
pub fn tenge(n: i64) -> String {
    format!("{}\u{a0}₸", group_digits(n))
}

/// The index row in force on `date`: the last row whose `from` is on or before it.
pub fn mci_in_force(rows: &[MciRow], date: Date) -> Option<(usize, &MciRow)> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| r.from.value <= date)
        .max_by_key(|(_, r)| r.from.value)
}

/// `percent` per cent of `index`, rounded half up to whole tenge, in exact integer arithmetic
/// (the percentage is taken to hundredths of a per cent).
pub fn percent_of(index: i64, percent: f64) -> i64 {
    let hundredths = (percent * 100.0).round() as i64;
    (index * hundredths + 5_000).div_euclid(10_000)
}

/// A fee that is a percentage of the index: its amount on `date` and the index row it is taken
/// from. `None` for a fixed fee, a free service, or a date before the first row.
pub fn fee_from_index(fee: &Fee, date: Date) -> Option<(i64, &MciRow)> {
    let Some(FeeBasis::PercentOfMci(percent)) = fee.basis() else {
        return None;
    };
    let (_, row) = mci_in_force(&fee.mci, date)?;
    Some((percent_of(row.tenge.value, percent), row))
}

/// What the service costs on `date`, in tenge: 0 when it is free.
pub fn fee_amount(fee: &Fee, date: Date) -> Option<i64> {
    match fee.basis()? {
        FeeBasis::PercentOfMci(_) => fee_from_index(fee, date).map(|(a, _)| a),
        FeeBasis::Tenge(t) => Some(t),
        FeeBasis::Free => Some(0),
    }
}

/// A count with its noun from a UI string of forms apart by `|`, `{n}` standing for the number:
/// one form is used for every number (Kazakh: `{n} минут`); two are the forms for one and for
/// the rest (`{n} hour|{n} hours`); three are the East Slavic forms for 1, 2–4 and 5 (Russian:
/// `{n} минута|{n} минуты|{n} минут`: 1, 21 минута; 2, 22 минуты; 5, 11, 12 минут).
pub fn count(forms: &str, n: u32) -> String {
    let forms: Vec<&str> = forms.split('|').collect();
    let form = match forms.as_slice() {
        [one] => one,
        [one, other] => {
            if n == 1 {
                one
            } else {
                other
            }
        }
        [one, few, many, ..] => {
            let (units, tens) = (n % 10, n % 100);
            if units == 1 && tens != 11 {
                one
            } else if (2..=4).contains(&units) && !(12..=14).contains(&tens) {
                few
            } else {
                many
            }
        }
        [] => &"",
    };
    form.replace("{n}", &group_digits(i64::from(n)))
}

/// A `tel:` URI for a number, only when it is complete enough to dial from any phone in
/// Kazakhstan: an area code (given, or printed in brackets) plus the subscriber number making
/// ten digits. Otherwise `None`, and the number is shown as printed, without a link.
pub fn tel_href(number: &str, area_code: Option<&str>) -> Option<String> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    // A number printed with its own area code in brackets, e.g. `(7172) 71-51-31`.
    let full = if number.trim_start().starts_with('(') {
        digits
    } else {
        format!("{}{digits}", area_code?)
    };
    (full.len() == 10 && full.starts_with('7')).then(|| format!("tel:+7{full}"))
}

/// One row of an opening-hours table: days with the same hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursRow {
    /// In weekday order.
    pub days: Vec<Weekday>,
    pub open: Time,
    pub close: Time,
    /// The break: (start, end).
    pub lunch: Option<(Time, Time)>,
}

impl HoursRow {
    /// The continuous periods of the day: a break splits it in two.
    pub fn periods(&self) -> Vec<(Time, Time)> {
        match self.lunch {
            Some((b1, b2)) => vec![(self.open, b1), (b2, self.close)],
            None => vec![(self.open, self.close)],
        }
    }
}

/// Rows of an hours table, in weekday order, plus days that are closed.
pub fn hours_rows(schedule: &[DayHours]) -> (Vec<HoursRow>, Vec<Weekday>) {
    let mut rows: Vec<HoursRow> = schedule
        .iter()
        .map(|e| {
            let mut days: Vec<Weekday> = e.days.iter().map(|d| d.value).collect();
            days.sort();
            HoursRow {
                days,
                open: e.open.value,
                close: e.close.value,
                lunch: e.lunch.as_ref().map(|b| (b.start.value, b.end.value)),
            }
        })
        .collect();
    rows.sort_by_key(|r| r.days.first().copied());
    let closed = Weekday::ALL
        .into_iter()
        .filter(|d| !rows.iter().any(|r| r.days.contains(d)))
        .collect();
    (rows, closed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_with_no_break_spaces() {
        assert_eq!(tenge(4325), "4\u{a0}325\u{a0}₸");
        assert_eq!(group_digits(1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(group_digits(999), "999");
    }

    #[test]
    fn counts_take_the_form_of_their_number() {
        let ru = "{n} минута|{n} минуты|{n} минут";
        for (n, want) in [
            (1, "1 минута"),
            (2, "2 минуты"),
            (4, "4 минуты"),
            (5, "5 минут"),
            (11, "11 минут"),
            (12, "12 минут"),
            (14, "14 минут"),
            (20, "20 минут"),
            (21, "21 минута"),
            (22, "22 минуты"),
            (111, "111 минут"),
            (101, "101 минута"),
        ] {
            assert_eq!(count(ru, n), want, "{n}");
        }
        assert_eq!(count("күнтізбелік {n} күн", 30), "күнтізбелік 30 күн");
        assert_eq!(count("{n} hour|{n} hours", 1), "1 hour");
        assert_eq!(count("{n} hour|{n} hours", 3), "3 hours");
        assert_eq!(count("{n} минут", 1_440), "1\u{a0}440 минут");
    }

    #[test]
    fn percent_is_exact() {
        assert_eq!(percent_of(4325, 100.0), 4325);
        assert_eq!(percent_of(3932, 50.0), 1966);
        assert_eq!(percent_of(1513, 50.0), 757);
        assert_eq!(percent_of(1000, 0.5), 5);
    }

    #[test]
    fn tel_only_when_dialable() {
        assert_eq!(
            tel_href("(7172) 71-51-31", None).as_deref(),
            Some("tel:+77172715131")
        );
        assert_eq!(
            tel_href("71-61-98", Some("7172")).as_deref(),
            Some("tel:+77172716198")
        );
        assert_eq!(tel_href("71-61-98", None), None);
        assert_eq!(
            tel_href("5-82-02", Some("71645")).as_deref(),
            Some("tel:+77164558202")
        );
        assert_eq!(tel_href("92-4-18", Some("7172")), None);
    }
}
