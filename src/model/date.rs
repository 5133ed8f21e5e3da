//! Calendar dates without a time zone: the as-of date of a build and the dates in the data
//! (parsed once, when a data file is read: see [`super::value`]).

use serde::de::{Deserialize, Deserializer};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting impossible dates.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year: i32 = s[0..4].parse().ok()?;
        let month: u32 = s[5..7].parse().ok()?;
        let day: u32 = s[8..10].parse().ok()?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The UTC date of a Unix timestamp (seconds).
    pub fn from_unix(secs: i64) -> Date {
        let days = secs.div_euclid(86_400);
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date {
            year: (if m <= 2 { y + 1 } else { y }) as i32,
            month: m,
            day: d,
        }
    }

    /// The day before: Russian «по» closes a period inclusively, so a period that ends where the
    /// next one starts is printed up to the day before that start.
    pub fn pred(&self) -> Date {
        if self.day > 1 {
            return Date {
                day: self.day - 1,
                ..*self
            };
        }
        let (year, month) = if self.month == 1 {
            (self.year - 1, 12)
        } else {
            (self.year, self.month - 1)
        };
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// `DD.MM.YYYY`, the way Kazakh and Russian legal texts write dates.
    pub fn dotted(&self) -> String {
        format!("{:02}.{:02}.{:04}", self.day, self.month, self.year)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            super::value::error(
                crate::msg!("not-a-date", value = &s),
                crate::msg!("hint-dates-format"),
            )
        })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date, YYYY-MM-DD",
            "type": "string",
            "format": "date",
            "pattern": super::rules::DATE
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(
            Date::parse("2026-01-01"),
            Some(Date {
                year: 2026,
                month: 1,
                day: 1
            })
        );
        assert_eq!(Date::parse("2025-02-29"), None);
        assert!(Date::parse("2024-02-29").is_some());
        assert_eq!(Date::parse("2026-1-01"), None);
        assert_eq!(Date::parse("2026-13-01"), None);
    }

    #[test]
    fn the_day_before() {
        let pred = |s: &str| Date::parse(s).unwrap().pred().to_string();
        assert_eq!(pred("2026-01-01"), "2025-12-31");
        assert_eq!(pred("2025-03-01"), "2025-02-28");
        assert_eq!(pred("2024-03-01"), "2024-02-29");
        assert_eq!(pred("2000-03-01"), "2000-02-29");
        assert_eq!(pred("1900-03-01"), "1900-02-28");
        assert_eq!(pred("2025-05-01"), "2025-04-30");
        assert_eq!(pred("2025-08-01"), "2025-07-31");
        assert_eq!(pred("2025-07-15"), "2025-07-14");
        // Every day of a leap and a common year: pred undoes the step to the next day.
        let mut d = Date::parse("2023-01-01").unwrap();
        for _ in 0..730 {
            let next = Date::from_unix(days_since_epoch(d) * 86_400 + 86_400);
            assert_eq!(next.pred(), d);
            d = next;
        }
    }

    fn days_since_epoch(d: Date) -> i64 {
        // Howard Hinnant's days_from_civil, the inverse of from_unix.
        let y = i64::from(d.year) - i64::from(d.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(d.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    #[test]
    fn unix_epoch_to_date() {
        assert_eq!(Date::from_unix(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix(1_767_225_600).to_string(), "2026-01-01");
        assert_eq!(Date::from_unix(951_782_400).to_string(), "2000-02-29");
        assert_eq!(Date::from_unix(-86_400).to_string(), "1969-12-31");
    }
}
