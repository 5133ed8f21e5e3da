//! JSON Schemas of the data files, generated from the Rust types so they cannot drift from what
//! the loader accepts. Editors use them (through the `# yaml-language-server: $schema=…` line at
//! the top of each data file) to validate and autocomplete while a webmaster types.

use crate::model::data::*;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{Value, json};

fn root_for<T: JsonSchema>(title: &str, langs: &[String]) -> Value {
    let schema = SchemaGenerator::default().into_root_schema_for::<T>();
    let mut v = schema.to_value();
    if let Value::Object(m) = &mut v {
        m.insert("title".into(), json!(title));
        if let Some(Value::Object(defs)) = m.get_mut("$defs") {
            units_of_departments_only(defs);
        }
        if let Some(Value::Object(defs)) = m.get_mut("$defs")
            && defs.contains_key("Text")
        {
            let props: serde_json::Map<String, Value> = langs
                .iter()
                .map(|l| {
                    (
                        l.clone(),
                        json!({"type": "string", "minLength": 1, "pattern": crate::model::rules::NOT_BLANK}),
                    )
                })
                .collect();
            defs.insert(
                "Text".into(),
                json!({
                    "description": format!("A text in every language of the site ({})", langs.join(", ")),
                    "type": "object",
                    "properties": props,
                    "required": langs,
                    "additionalProperties": false
                }),
            );
        }
    }
    v
}

/// One Rust type describes departments and units alike (`Office`); in the file, only a
/// department may list `units`. The schema says so with a `Unit` definition: an office without
/// `units`.
fn units_of_departments_only(defs: &mut serde_json::Map<String, Value>) {
    let Some(mut unit) = defs.get("Office").cloned() else {
        return;
    };
    if let Some(Value::Object(props)) = unit.get_mut("properties") {
        props.remove("units");
    }
    unit["description"] = json!("A district or city unit of a department (a unit has no units)");
    defs.insert("Unit".into(), unit);
    if let Some(units) = defs
        .get_mut("Office")
        .and_then(|o| o.pointer_mut("/properties/units"))
    {
        *units = json!({
            "description": "The department's district and city units",
            "type": "array",
            "items": {"$ref": "#/$defs/Unit"}
        });
    }
}

/// `(data file stem, schema)` for every data file, for a site with languages `langs`.
pub fn schemas(langs: &[String]) -> Vec<(&'static str, Value)> {
    vec![
        (
            "offices",
            root_for::<Offices>("data/offices.yaml: Appendix 1, the office directory", langs),
        ),
        (
            "service",
            root_for::<Service>("data/service.yaml: the service", langs),
        ),
        (
            "documents",
            root_for::<Documents>("data/documents.yaml: required documents (p11)", langs),
        ),
        (
            "refusals",
            root_for::<Refusals>("data/refusals.yaml: grounds for refusal (p16)", langs),
        ),
        (
            "hours",
            root_for::<Hours>("data/hours.yaml: working hours (p9, p21)", langs),
        ),
        (
            "fee",
            root_for::<Fee>(
                "data/fee.yaml: the fee and the monthly calculation index (p8)",
                langs,
            ),
        ),
        (
            "complaints",
            root_for::<Complaints>("data/complaints.yaml: complaints (p20-p26)", langs),
        ),
        (
            "quality",
            root_for::<Quality>("data/quality.yaml: quality indicators (Appendix 3)", langs),
        ),
        (
            "forms",
            root_for::<Forms>("data/forms.yaml: receipt forms (Appendices 2 and 4)", langs),
        ),
    ]
}

/// The schema files as written by `stend schema`: `(file name, pretty JSON with a final newline)`.
pub fn files(langs: &[String]) -> Vec<(String, String)> {
    schemas(langs)
        .into_iter()
        .map(|(name, v)| {
            let text = serde_json::to_string_pretty(&v).unwrap_or_default() + "\n";
            (format!("{name}.schema.json"), text)
        })
        .collect()
}
