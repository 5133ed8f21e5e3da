//! Typed scalar values of the data files — calendar dates, times of day, weekdays — parsed once,
//! while the YAML is read, so that every later stage holds the value and never a string to parse
//! again. A value that does not parse is refused by the deserializer with a message and a hint
//! (joined by [`HINT`]; `load::yaml` splits them), and so gets the file, line, column and field
//! path of any other data error.

use crate::i18n::Msg;
use crate::msg;
use serde::de::{self, Deserialize, Deserializer};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// Separates a value error's message from its hint inside a serde error message.
pub const HINT: &str = " ¦ ";

/// A serde error with a message and a hint for the person writing the file (both carried as
/// [`Msg::encode`]d text, for `load::yaml` to read back).
pub fn error<E: de::Error>(message: Msg, hint: Msg) -> E {
    E::custom(format!("{}{HINT}{}", message.encode(), hint.encode()))
}

/// A time of day on the 24-hour clock, in minutes since midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(u16);

impl Time {
    /// Parses `HH:MM` (two digits each, 00:00 to 23:59).
    pub fn parse(s: &str) -> Option<Time> {
        let (h, m) = s.split_once(':')?;
        if h.len() != 2 || m.len() != 2 || !(h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (h < 24 && m < 60).then_some(Time(h * 60 + m))
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u32 {
        u32::from(self.0)
    }
}

impl std::fmt::Display for Time {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Time::parse(&s)
            .ok_or_else(|| error(msg!("not-a-time", value = &s), msg!("hint-time-format")))
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl schemars::JsonSchema for Time {
    fn schema_name() -> Cow<'static, str> {
        "Time".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A time of day, HH:MM on the 24-hour clock",
            "type": "string",
            "pattern": super::rules::TIME
        })
    }
}

/// A day of the week, written `mon` … `sun`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// The code used in the data files and UI string keys (`mon`).
    pub fn code(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self as usize]
    }

    /// The English name schema.org uses (`Monday`).
    pub fn english(self) -> &'static str {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][self as usize]
    }

    fn from_code(s: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|d| d.code() == s)
    }
}

impl<'de> Deserialize<'de> for Weekday {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Weekday::from_code(&s)
            .ok_or_else(|| error(msg!("not-a-day", value = &s), msg!("hint-day-format")))
    }
}

impl Serialize for Weekday {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl schemars::JsonSchema for Weekday {
    fn schema_name() -> Cow<'static, str> {
        "Weekday".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A day of the week",
            "type": "string",
            "enum": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(Time::parse("09:00").map(Time::minutes), Some(540));
        assert_eq!(Time::parse("23:59").map(Time::minutes), Some(1439));
        assert_eq!(
            Time::parse("09:05").map(|t| t.to_string()).as_deref(),
            Some("09:05")
        );
        for bad in ["25:00", "9:00", "09:60", "+9:00", "0a:00", ""] {
            assert_eq!(Time::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn weekdays_round_trip() {
        for d in Weekday::ALL {
            assert_eq!(Weekday::from_code(d.code()), Some(d));
        }
        assert_eq!(Weekday::from_code("monday"), None);
    }
}
