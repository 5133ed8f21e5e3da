//! The typed data files of `data/`: the service, its documents, hours, fee, refusal grounds,
//! complaints, quality indicators, blank forms and the office directory.
//!
//! Every type denies unknown fields, so a misspelt key is an error with its location, and every
//! human-readable value is a [`Text`]. Values whose meaning is checked after parsing (slugs,
//! times, dates) are [`At`]-wrapped so validation can point at them.

use super::text::Text;
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

// ---------------------------------------------------------------- offices.yaml

/// `data/offices.yaml`: Appendix 1, the departments and their units.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Offices {
    pub departments: Vec<Department>,
}

/// An internal-affairs department (a row of Appendix 1) and its units.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub slug: At<String>,
    pub number: String,
    pub name: Text,
    pub address: Text,
    pub locality: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Telephone area code, when known, so that numbers can be dialled (`tel:` links).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dial_code: Option<At<String>>,
    pub phones: Phones,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default)]
    pub units: Vec<Unit>,
}

/// A district or city unit under a department.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub slug: At<String>,
    pub number: String,
    pub name: Text,
    pub address: Text,
    pub locality: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dial_code: Option<At<String>>,
    pub phones: Phones,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Telephone numbers exactly as printed in the standard.
#[derive(Debug, Clone, Deserialize, Serialize, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phones {
    #[serde(default)]
    pub secretariat: Vec<At<String>>,
    #[serde(default)]
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
    pub info: Text,
    pub premises: Text,
    pub forms_published: Text,
    pub submission: Text,
    pub receipt: Text,
    pub decision_notice: Text,
    pub principles: Text,
    pub quality: Text,
    pub status: Status,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    pub text: Text,
    pub min_age: u32,
    pub min_age_married: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    pub processing_days: u32,
    pub processing: Vec<Text>,
    pub max_wait_minutes: u32,
    pub max_wait: Text,
    pub max_service_minutes: u32,
    pub max_service: Text,
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
    pub date: At<String>,
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
    pub intro: Text,
    pub grounds: Vec<Ground>,
    pub outro: Text,
    pub tax_debt: Text,
    pub notice: Text,
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
    pub days: Vec<At<String>>,
    pub open: At<String>,
    pub close: At<String>,
    #[serde(default, rename = "break", skip_serializing_if = "Option::is_none")]
    pub lunch: Option<Break>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Break {
    pub start: At<String>,
    pub end: At<String>,
}

// ---------------------------------------------------------------- fee.yaml

/// `data/fee.yaml`: paragraph 8 and the table of the monthly calculation index.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fee {
    pub kind: Text,
    pub percent_of_mci: At<f64>,
    pub rule: Text,
    pub legal_basis: Text,
    pub payment: Text,
    pub mci: Vec<MciRow>,
}

/// One value of the monthly calculation index, in force from a date.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MciRow {
    pub from: At<String>,
    pub tenge: At<i64>,
}

// ---------------------------------------------------------------- complaints.yaml

/// `data/complaints.yaml`: paragraphs 20-26, how to complain.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Complaints {
    pub info: Text,
    pub channels: Text,
    pub rudeness: Text,
    pub court: Text,
    pub form: Text,
    pub contents: Text,
    pub registration: Text,
    pub review: Text,
    pub more_info: Text,
    pub ministry: Contact,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Text,
    pub address: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
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
