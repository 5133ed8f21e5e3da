//! stend and its JSON Schemas agree: for the rules both state (`src/rules.rs`), a value stend
//! accepts is one the generated schema accepts, and the other way round — over hand-picked
//! values and random ones built from the pieces addresses and slugs are made of. (CI runs a
//! second validator, check-jsonschema, over the data files and the broken test projects: see
//! .ci/schemas.)

use proptest::prelude::*;
use serde_json::{Value, json};

fn validator(schema: Value) -> jsonschema::Validator {
    jsonschema::validator_for(&schema).expect("a valid schema")
}

/// The schema the generated offices schema gives a property of a department.
fn department_property(name: &str) -> Value {
    let (_, schema) = stend::schema::schemas(&["kk".into(), "ru".into()])
        .into_iter()
        .find(|(stem, _)| *stem == "offices")
        .expect("offices");
    let mut p = schema["$defs"]["Office"]["properties"][name].clone();
    // Optional fields also allow null; these tests are about the strings.
    p["type"] = json!("string");
    p
}

fn website_schema() -> &'static jsonschema::Validator {
    static V: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    V.get_or_init(|| validator(department_property("website")))
}

fn slug_schema() -> &'static jsonschema::Validator {
    static V: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    V.get_or_init(|| validator(department_property("slug")))
}

fn agree_on_website(s: &str) {
    assert_eq!(
        stend::model::rules::website(s),
        website_schema().is_valid(&json!(s)),
        "stend and the schema disagree on the website {s:?}"
    );
}

fn agree_on_slug(s: &str) {
    assert_eq!(
        stend::routes::check_slug(s).is_ok(),
        slug_schema().is_valid(&json!(s)),
        "stend and the schema disagree on the slug {s:?}"
    );
}

#[test]
fn websites_as_printed_and_hostile_ones() {
    for s in [
        "www.mvd.kz",
        "www.dvdzko.kz, www.Sokolur@mail.ru",
        "www.mdvd.kz www.ubd_mang@mail.kz",
        "https://www.gov.kz/memleket/entities/qriim?lang=ru",
        "полиция.қаз",
        "javascript:alert(1)",
        " javascript:alert(1)",
        "//evil.example/",
        "data:text/html,x",
        "www.x.kz\u{a0}javascript:x",
        "www.x.kz\u{2028}www.y.kz",
        "www.x.kz/\"onmouseover=x",
        "",
        "\u{feff}www.x.kz",
    ] {
        agree_on_website(s);
    }
    assert!(stend::model::rules::website("www.mvd.kz"));
    assert!(!stend::model::rules::website("javascript:alert(1)"));
}

#[test]
fn slugs() {
    for s in [
        "astana",
        "esil-district",
        "a--b",
        "Astana City",
        "-a",
        "a-",
        "",
        "a/b",
        "../x",
        &"a".repeat(80),
        &"a".repeat(81),
        "қала",
    ] {
        agree_on_slug(s);
    }
}

/// Pieces of web addresses, e-mail addresses and of what is not one.
const PIECES: &[&str] = &[
    "http://",
    "https://",
    "HTTP://",
    "www",
    ".",
    "kz",
    "mvd",
    "@",
    "/",
    ",",
    ", ",
    " ",
    "-",
    "_",
    "?q=1",
    "#top",
    ":8080",
    ":",
    "//",
    "\\",
    "javascript:",
    "data:",
    "<",
    ">",
    "\"",
    "'",
    "\u{a0}",
    "\t",
    "\n",
    "\u{2028}",
    "\u{feff}",
    "полиция",
    "қаз",
    "1",
    "ru",
];

fn address_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..12).prop_map(|p| p.concat())
}

fn slug_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(&["a", "z", "0", "9", "-", "A", " ", "/", ".", "қ", "_"][..]),
        0..12,
    )
    .prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn stend_and_the_schema_agree_on_websites(s in address_like()) {
        agree_on_website(&s);
    }

    #[test]
    fn stend_and_the_schema_agree_on_slugs(s in slug_like()) {
        agree_on_slug(&s);
    }
}

#[test]
fn translations_may_not_be_blank() {
    let (_, schema) = stend::schema::schemas(&["kk".into(), "ru".into()])
        .into_iter()
        .find(|(stem, _)| *stem == "fee")
        .expect("fee");
    let mut text = schema["$defs"]["Text"].clone();
    text["$schema"] = schema["$schema"].clone();
    let v = validator(text);
    assert!(v.is_valid(&json!({"kk": "баж", "ru": "пошлина"})));
    for blank in ["", " ", "\t \n"] {
        assert!(
            !v.is_valid(&json!({"kk": blank, "ru": "пошлина"})),
            "{blank:?}"
        );
    }
    assert!(!v.is_valid(&json!({"kk": "баж"})), "every language");
    assert!(
        !v.is_valid(&json!({"kk": "баж", "ru": "пошлина", "en": "duty"})),
        "no other language"
    );
}
