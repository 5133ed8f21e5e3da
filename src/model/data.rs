//! The typed data files of `data/`: the service, its documents, hours, fee, refusal grounds,
//! complaints, quality indicators, blank forms and the office directory.
//!
//! Every type denies unknown fields, so a misspelt key is an error with its location, and every
//! human-readable value is a [`Text`]. Dates, times and weekdays are typed values, parsed once
//! here (see [`super::value`]); values that validation checks further (slugs, dates, times,
//! amounts) are [`At`]-wrapped so that a diagnostic can point at them.

use super::date::Date;
use super::text::Text;
use super::value::{Time, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// A value with the line and column where it was written, for semantic errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At<T> {
    pub value: T,
    pub line: usize,
    pub column: usize,
}

impl<T> At<T> {
    pub fn new(value: T) -> Self {
        At {
            value,
            line: 0,
            column: 0,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for At<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        Ok(At {
            line: s.referenced.line() as usize,
            column: s.referenced.column() as usize,
            value: s.value,
        })
    }
}

impl<T: Serialize> Serialize for At<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// In schemas an `At<T>` is just a `T`: the position is ours, not the user's.
impl<T: JsonSchema> JsonSchema for At<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        generator.subschema_for::<T>()
    }
}

impl<T> std::ops::Deref for At<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// A `website` value as the standard prints it, and where it was written; the shape it must
/// have is [`crate::model::rules::WEBSITE`] (checked by validation, stated in the schemas).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Website(pub At<String>);

impl std::ops::Deref for Website {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0.value
    }
}

impl From<String> for Website {
    fn from(s: String) -> Website {
        Website(At::new(s))
    }
}

impl JsonSchema for Website {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Website".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "As the standard prints it: web addresses (http:// or https:// URLs, or bare host names such as www.mvd.kz) and e-mail addresses, separated by commas or spaces",
            "type": "string",
            "pattern": crate::model::rules::WEBSITE
        })
    }
}

// ---------------------------------------------------------------- offices.yaml

/// `data/offices.yaml`: Appendix 1, the departments and their units.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Offices {
    /// The departments, each with a slug of its own (and each unit with one of its own among
    /// its department's units): JSON Schema cannot say that (`uniqueItems` compares whole
    /// items), so only stend checks it.
    pub departments: Vec<Office>,
}

/// An office that receives citizens: an internal-affairs department's seat (a row of Appendix
/// 1, with its district and city `units`) or one of those units (`units` empty). Both are
/// written, shown and printed alike; validation refuses units of a unit.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// The office's URL segment, unique among the departments or among its department's units
    /// (which JSON Schema cannot check; stend does).
    #[schemars(pattern(crate::model::rules::SLUG), length(max = crate::model::rules::SLUG_MAX))]
    pub slug: At<String>,
    pub number: String,
    pub name: Text,
    pub address: Text,
    pub locality: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<Website>,
    /// Telephone area code, when known, so that numbers can be dialled (`tel:` links).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(crate::model::rules::DIAL_CODE))]
    pub dial_code: Option<At<String>>,
    pub phones: Phones,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// A department's units (never given for a unit). Not part of an office's own
    /// serialisation: whoever writes a department out says where its units go.
    #[serde(default, skip_serializing)]
    pub units: Vec<Office>,
}

/// Telephone numbers exactly as printed in the standard.
#[derive(Debug, Clone, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phones {
    #[serde(default)]
    #[schemars(inner(pattern(crate::model::rules::PHONE)))]
    pub secretariat: Vec<At<String>>,
    #[serde(default)]
    #[schemars(inner(pattern(crate::model::rules::PHONE)))]
    pub migration: Vec<At<String>>,
}

// ---------------------------------------------------------------- service.yaml

/// `data/service.yaml`: what the service is, who provides it, to whom, in what terms.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub name: Text,
    pub provider: Text,
    pub form: Text,
    pub legal_basis: Vec<Text>,
    pub result: Text,
    pub eligibility: Eligibility,
    pub terms: Terms,
    /// Where to apply, as a phrase answering «where?» on the home page («Тұрақты тұратын жеріңіз
    /// бойынша көші-қон полициясы бөлімшесіне»); the number of offices follows it.
    pub apply_at: Text,
    pub status: Status,
    /// Where the standard's text says each fact, for the links from the fact to it.
    #[serde(default)]
    pub paragraphs: Paragraphs,
}

/// The number of the paragraph of the standard that states each fact: the site links the fact
/// to its anchor on the standard's page (`{#p8}` in the content gives paragraph 8 the anchor
/// `p8`, which the link check then verifies). A fact without a number gets no link.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraphs {
    /// The result of the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<u32>,
    /// Who may apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<u32>,
    /// The service's working hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusals: Option<u32>,
    /// The working hours of the complaint reception.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaints_hours: Option<u32>,
    /// The number of the *section* on complaints (its anchor is `s<N>`, from `{#sN}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaints_section: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    pub text: Text,
    /// The youngest age at which one may apply, when the standard sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u32>,
    /// The youngest age for a married applicant, when the standard sets one apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age_married: Option<u32>,
}

/// How long things take: the service itself, and (when the standard says) the longest wait in
/// the queue and the longest time serving one applicant.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    pub processing: Term,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_wait: Option<Term>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_service: Option<Term>,
}

/// A term: a number of units, and the standard's wording of it (one text per item).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    #[schemars(range(min = 1))]
    pub value: At<u32>,
    pub unit: TermUnit,
    pub text: Vec<Text>,
}

/// The unit of a [`Term`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TermUnit {
    CalendarDays,
    WorkingDays,
    Hours,
    Minutes,
}

impl TermUnit {
    /// The unit as data and UI strings write it (`term_<unit>` is the UI string that says it).
    pub fn key(self) -> &'static str {
        match self {
            TermUnit::CalendarDays => "calendar_days",
            TermUnit::WorkingDays => "working_days",
            TermUnit::Hours => "hours",
            TermUnit::Minutes => "minutes",
        }
    }
}

/// Legal status of the standard: the decree that approved it and the one that repealed it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub approved: Decree,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repealed: Option<Decree>,
    pub text: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decree {
    pub decree: String,
    pub date: At<Date>,
}

// ---------------------------------------------------------------- documents.yaml

/// `data/documents.yaml`: paragraph 11, what to bring.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Documents {
    pub documents: Vec<Document>,
    #[serde(default)]
    pub notes: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The document's anchor, unique among the documents (which JSON Schema cannot check; stend
    /// does).
    #[schemars(pattern(crate::model::rules::SLUG), length(max = crate::model::rules::SLUG_MAX))]
    pub id: At<String>,
    pub number: u32,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Text>,
    pub text: Text,
}

// ---------------------------------------------------------------- refusals.yaml

/// `data/refusals.yaml`: paragraph 16, grounds for refusal.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Refusals {
    /// The words before the numbered grounds («Егер …:»).
    pub intro: Text,
    pub grounds: Vec<Ground>,
    /// The words after them («… бас тартылады.»).
    pub outro: Text,
    /// The paragraphs that follow, in order.
    #[serde(default)]
    pub notes: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ground {
    pub number: u32,
    pub text: Text,
}

// ---------------------------------------------------------------- hours.yaml

/// `data/hours.yaml`: paragraph 9 (service) and paragraph 21 (complaint reception).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    pub service: Schedule,
    pub complaints: Schedule,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    pub schedule: Vec<DayHours>,
    pub text: Text,
}

/// Opening hours for a set of weekdays.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DayHours {
    /// Days of the week (`mon` … `sun`), each in one schedule row only (which JSON Schema cannot
    /// check; stend does).
    #[schemars(length(min = 1))]
    pub days: Vec<At<Weekday>>,
    pub open: At<Time>,
    /// After `open` (which JSON Schema cannot check; stend does).
    pub close: At<Time>,
    #[serde(default, rename = "break", skip_serializing_if = "Option::is_none")]
    pub lunch: Option<Break>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Break {
    pub start: At<Time>,
    pub end: At<Time>,
}

// ---------------------------------------------------------------- fee.yaml

/// `data/fee.yaml`: what the service costs, on what legal basis and how it is paid; for a fee
/// that is a percentage of the monthly calculation index, the index by the date in force.
///
/// Exactly one of `percent_of_mci`, `tenge` and `free` says what the fee is (the schema says so
/// with `oneOf`; stend checks it too, pointing at the lines). A paid fee names its `kind` and
/// `legal_basis`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("oneOf" = [
    {"required": ["percent_of_mci", "kind", "legal_basis", "mci"]},
    {"required": ["tenge", "kind", "legal_basis"]},
    {"required": ["free"]}
]))]
pub struct Fee {
    /// What the payment is called in the standard («мемлекеттік баж», «государственная
    /// пошлина»), lower case as in running text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Text>,
    /// A percentage of the monthly calculation index in force on the day of payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 1000), extend("exclusiveMinimum" = 0))]
    pub percent_of_mci: Option<At<f64>>,
    /// A fixed amount in tenge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 100_000_000))]
    pub tenge: Option<At<i64>>,
    /// Free of charge: `free: true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("const" = true))]
    pub free: Option<At<bool>>,
    /// The standard's paragraph on the fee, in full.
    pub rule: Text,
    /// The law the fee is charged under (required unless free).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<Text>,
    /// How it is paid, when the standard says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<Text>,
    /// The index by date in force, ascending (required with `percent_of_mci`, unused otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mci: Vec<MciRow>,
}

/// What a fee is, once validation has checked that exactly one basis is given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FeeBasis {
    /// A percentage of the monthly calculation index in force on the day of payment.
    PercentOfMci(f64),
    /// A fixed amount in tenge.
    Tenge(i64),
    Free,
}

impl FeeBasis {
    /// The name of the basis as data and templates write it: the key in `fee.yaml`.
    pub fn key(self) -> &'static str {
        match self {
            FeeBasis::PercentOfMci(_) => "percent_of_mci",
            FeeBasis::Tenge(_) => "tenge",
            FeeBasis::Free => "free",
        }
    }
}

impl Fee {
    /// The basis given (the first of `percent_of_mci`, `tenge`, `free: true`; validation refuses
    /// a file with none or several).
    pub fn basis(&self) -> Option<FeeBasis> {
        if let Some(p) = &self.percent_of_mci {
            Some(FeeBasis::PercentOfMci(p.value))
        } else if let Some(t) = &self.tenge {
            Some(FeeBasis::Tenge(t.value))
        } else {
            self.free
                .as_ref()
                .filter(|f| f.value)
                .map(|_| FeeBasis::Free)
        }
    }
}

/// One value of the monthly calculation index, in force from a date.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MciRow {
    /// In ascending order, one row per change (which JSON Schema cannot check; stend does).
    pub from: At<Date>,
    #[schemars(range(min = 1, max = 10_000_000))]
    pub tenge: At<i64>,
}

// ---------------------------------------------------------------- complaints.yaml

/// `data/complaints.yaml`: how to complain, in the four parts a complaints section has, and the
/// contact it names.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Complaints {
    /// Where and through which channels complaints are made, paragraph by paragraph.
    #[serde(rename = "where")]
    pub where_: Vec<Text>,
    /// How a complaint is written, registered and reviewed.
    pub how: Vec<Text>,
    /// Going to court.
    #[serde(default)]
    pub court: Vec<Text>,
    /// Where to learn more, before the contact.
    #[serde(default)]
    pub contacts: Vec<Text>,
    pub ministry: Contact,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Text,
    pub address: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<Website>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

// ---------------------------------------------------------------- quality.yaml

/// `data/quality.yaml`: Appendix 3, the quality and efficiency indicators.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quality {
    pub title: Text,
    pub columns: Vec<Text>,
    pub groups: Vec<QualityGroup>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QualityGroup {
    pub number: String,
    pub name: Text,
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub number: String,
    pub name: Text,
}

// ---------------------------------------------------------------- forms.yaml

/// `data/forms.yaml`: the printed labels of the receipts of Appendices 2 and 4.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    pub document_receipt: DocumentReceipt,
    pub complaint_receipt: ComplaintReceipt,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentReceipt {
    pub before_applicant: Text,
    pub applicant_caption: Text,
    pub after_applicant: Text,
    pub title: Text,
    pub number_label: Text,
    pub list_title: Text,
    pub list_lines: u32,
    pub extra_lines: u32,
    pub accepted_by: Text,
    pub position_caption: Text,
    pub signature_caption: Text,
    pub name_caption: Text,
    pub date_line: Text,
    pub issued: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintReceipt {
    pub header_note: Text,
    pub title: Text,
    pub subject_caption: Text,
    pub accepted_by: Text,
    pub specialist_caption: Text,
    pub date_line: Text,
    pub size: Text,
    pub width_mm: u32,
    pub height_mm: u32,
    /// A note for the form's web page (never printed): what a reader should know about how
    /// the form was transcribed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}
