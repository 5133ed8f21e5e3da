//! JSON Schemas of the data files, generated from the Rust types so they cannot drift from what
//! the loader accepts. Editors use them (through the `# yaml-language-server: $schema=…` line at
//! the top of each data file) to validate and autocomplete while a webmaster types.

use crate::model::data::*;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{Value, json};

fn root_of<T: JsonSchema>(title: &str, langs: &[String], derived: &[String]) -> Value {
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
                .chain(derived)
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
                    "description": if derived.is_empty() {
                        format!("A text in every language of the site ({})", langs.join(", "))
                    } else {
                        format!(
                            "A text in every written language of the site ({}); {} is made from it unless given",
                            langs.join(", "),
                            derived.join(", ")
                        )
                    },
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
    schemas_for(langs, &[])
}

/// [`schemas`] for a site with written languages `langs` (required in every text) and derived
/// ones (`kk-Latn`, optional: given, a text replaces the transliterated one).
pub fn schemas_for(langs: &[String], derived: &[String]) -> Vec<(&'static str, Value)> {
    let root_for =
        |title: &str, f: fn(&str, &[String], &[String]) -> Value| f(title, langs, derived);
    vec![
        (
            "offices",
            root_for(
                "data/offices.yaml: Appendix 1, the office directory",
                root_of::<Offices>,
            ),
        ),
        (
            "service",
            root_for("data/service.yaml: the service", root_of::<Service>),
        ),
        (
            "documents",
            root_for(
                "data/documents.yaml: the documents to submit",
                root_of::<Documents>,
            ),
        ),
        (
            "refusals",
            root_for(
                "data/refusals.yaml: grounds for refusal",
                root_of::<Refusals>,
            ),
        ),
        (
            "hours",
            root_for("data/hours.yaml: working hours", root_of::<Hours>),
        ),
        (
            "fee",
            root_for(
                "data/fee.yaml: the fee (a percentage of the monthly calculation index, a fixed amount, or free)",
                root_of::<Fee>,
            ),
        ),
        (
            "complaints",
            root_for("data/complaints.yaml: complaints", root_of::<Complaints>),
        ),
        (
            "quality",
            root_for("data/quality.yaml: quality indicators", root_of::<Quality>),
        ),
        (
            "forms",
            root_for(
                "data/forms.yaml: receipt forms (Appendices 2 and 4)",
                root_of::<Forms>,
            ),
        ),
    ]
}

/// The schema files as written by `stend schema`: `(file name, pretty JSON with a final newline)`.
pub fn files(langs: &[String]) -> Vec<(String, String)> {
    files_for(langs, &[])
}

/// [`files`] for written languages `langs` and derived ones (see [`schemas_for`]).
pub fn files_for(langs: &[String], derived: &[String]) -> Vec<(String, String)> {
    schemas_for(langs, derived)
        .into_iter()
        .map(|(name, v)| {
            let text = serde_json::to_string_pretty(&v).unwrap_or_default() + "\n";
            (format!("{name}.schema.json"), text)
        })
        .collect()
}
