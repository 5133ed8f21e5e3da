//! YAML parsing with bounded resources and diagnostics that name file, line, column and field.
//!
//! We use serde-saphyr rather than the archived serde_yaml or its fork because it gives source
//! positions for any value (`Spanned`, for semantic errors found after parsing) and enforces a
//! parsing budget (aliases, depth, node count), which is what refuses "billion laughs" documents
//! and deep nesting without exhausting memory or the stack.

use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use crate::util::words::closest;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Deepest nesting accepted. The data files need six levels at most
/// (`departments[0].units[3].phones.migration[0]`).
pub const MAX_DEPTH: usize = 48;
/// Most values that aliases (`*name`) may expand to in one file. Real data files use no aliases
/// at all; an alias bomb ("billion laughs") reaches this in milliseconds.
pub const MAX_ALIAS_EXPANSION: usize = 100_000;

/// Limits for one YAML document. Generous for real data (tens of thousands of offices), tight
/// enough that hostile input is refused in milliseconds.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_nodes = 5_000_000;
    budget.max_events = 10_000_000;
    budget.max_recorded_anchor_events = MAX_ALIAS_EXPANSION;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    // A text field takes text: an unquoted `1`, `1.10` or `true` is a number or a boolean to
    // YAML, to the JSON Schemas editors check against and to every other program reading the
    // file, so stend refuses it too rather than keep its spelling quietly. Booleans are YAML
    // 1.2's (`true`, `false`): `yes` and `no` are words, as the schemas' validators read them.
    options.no_schema = true;
    options.strict_booleans = true;
    options.alias_limits.max_total_replayed_events = MAX_ALIAS_EXPANSION;
    options
}

/// Parses `source` (the text of `file`) into `T`.
///
/// The text is first walked whole, without a target type, so that a resource limit (nesting, an
/// alias bomb, sheer size) is reported as such wherever in the file it is, rather than as
/// whatever type error the target meets first.
pub fn parse<T: DeserializeOwned>(file: &Path, source: &str) -> Result<T, Diagnostic> {
    if source.trim().is_empty()
        || source
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Diagnostic::new(file, msg!("yaml-empty")).hint(msg!("hint-yaml-empty")));
    }
    if let Err((path, e)) = run::<serde::de::IgnoredAny>(source)
        && resource_limit(&e).is_some()
    {
        return Err(to_diagnostic(file, source, &path, &e));
    }
    run::<T>(source).map_err(|(path, e)| {
        let d = to_diagnostic(file, source, &path, &e);
        super::indent::diagnose(d, source)
    })
}

/// Deserializes `source` into `T`; on error, the field path reached and the error.
fn run<T: DeserializeOwned>(source: &str) -> Result<T, (String, serde_saphyr::Error)> {
    let mut path = String::new();
    serde_saphyr::with_deserializer_from_str_with_options(source, options(), |de| {
        serde_path_to_error::deserialize(de).map_err(|e| {
            path = e.path().to_string();
            e.into_inner()
        })
    })
    .map_err(|e| (path, e))
}

/// The error itself, without the wrappers that add a snippet or an alias's location.
fn inner(e: &serde_saphyr::Error) -> &serde_saphyr::Error {
    match e.without_snippet() {
        #[allow(deprecated)]
        serde_saphyr::Error::AliasError { error, .. } => inner(error),
        other => other,
    }
}

/// A resource limit the file ran into: (message, hint).
fn resource_limit(e: &serde_saphyr::Error) -> Option<(Msg, Msg)> {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach as B;
    let bomb = || {
        Some((
            msg!("yaml-alias-bomb", limit = group(MAX_ALIAS_EXPANSION)),
            msg!("hint-yaml-alias-bomb"),
        ))
    };
    let deep = || {
        Some((
            msg!("yaml-too-deep", depth = MAX_DEPTH),
            msg!("hint-yaml-too-deep"),
        ))
    };
    match inner(e) {
        E::Budget { breach, .. } => match breach {
            B::Depth { .. } => deep(),
            B::Aliases { .. }
            | B::Anchors { .. }
            | B::AliasAnchorRatio { .. }
            | B::RecordedAnchorEvents { .. }
            | B::RecordedAnchorBytes { .. }
            | B::MergeKeys { .. } => bomb(),
            B::Events { .. } | B::Nodes { .. } => {
                Some((msg!("yaml-too-many-values"), msg!("hint-yaml-too-big")))
            }
            B::ScalarBytes { .. } => Some((msg!("yaml-texts-too-big"), msg!("hint-yaml-too-big"))),
            other => Some((
                msg!("yaml-limit", limit = format!("{other:?}")),
                msg!("hint-yaml-limit"),
            )),
        },
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => bomb(),
        other if other.to_string().contains("recursion limit exceeded") => deep(),
        _ => None,
    }
}

/// `100000` → `100 000`.
fn group(n: usize) -> String {
    let d = n.to_string();
    let mut out = String::new();
    for (i, c) in d.chars().enumerate() {
        if i > 0 && (d.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The plain scalar (or quoted string) that starts at 1-based `line`, `col` of `source`.
fn scalar_at(source: &str, line: usize, col: usize) -> Option<String> {
    let text: String = source
        .lines()
        .nth(line.checked_sub(1)?)?
        .chars()
        .skip(col.checked_sub(1)?)
        .collect();
    let t = text.trim_start();
    let value = if let Some(q) = t.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let rest = &t[1..];
        rest[..rest.find(q).unwrap_or(rest.len())].to_string()
    } else {
        let end = t.find([',', ']', '}', '#']).unwrap_or(t.len());
        t[..end].trim().to_string()
    };
    (!value.is_empty()).then_some(value)
}

/// What a serde expectation means to a person writing YAML.
fn expected_kind(ty: &str) -> Msg {
    let kind = match ty {
        "u8" | "u16" | "u32" | "u64" | "usize" => "unsigned",
        "i8" | "i16" | "i32" | "i64" | "isize" => "integer",
        "f32" | "f64" => "number",
        "bool" => "bool",
        _ => "other",
    };
    msg!("kind", kind = kind)
}

/// A parser error's message, field path and position, and hint, as they are worded.
type Worded = (Msg, String, Option<(usize, usize)>, Option<Msg>);

fn to_diagnostic(file: &Path, source: &str, path: &str, e: &serde_saphyr::Error) -> Diagnostic {
    let raw = clean_message(&e.without_snippet().to_string());
    // Our own types' messages travel through serde as encoded text; anything else is the
    // parser's or serde's own English, which `refine` words for the common cases.
    let mut message = Msg::decode(&raw).unwrap_or_else(|| Msg::verbatim(raw.clone()));
    // Spanned wrappers add a `.value` segment that means nothing to the user.
    let mut field = path.replace(".value", "");
    let location = e
        .location()
        .map(|l| (l.line() as usize, l.column() as usize))
        .filter(|(l, _)| *l > 0);
    let mut hint = None;
    if let Some((msg, h)) = resource_limit(e) {
        message = msg;
        hint = Some(h);
        // The path into a bomb or a deep nest is noise after its first few steps.
        field = shorten_path(&field);
    } else {
        (message, hint) = word_parser_error(e, source, location, message, hint);
    }
    let (message, field, location, hint) = refine((message, field, location, hint), &raw, source);
    let mut d = Diagnostic::new(file, message).field(field);
    if let Some((line, col)) = location {
        d = d.at(source, line, col);
    }
    if let Some(h) = hint {
        d = d.hint(h);
    }
    d
}

/// The parser's own errors in the words of the data file's author.
fn word_parser_error(
    e: &serde_saphyr::Error,
    source: &str,
    location: Option<(usize, usize)>,
    mut message: Msg,
    mut hint: Option<Msg>,
) -> (Msg, Option<Msg>) {
    use serde_saphyr::Error as E;
    match inner(e) {
        E::InvalidScalar { ty, .. } => {
            let found = location.and_then(|(l, c)| scalar_at(source, l, c));
            message = match found {
                Some(f) => msg!("expected-found", kind = expected_kind(ty), found = f),
                None => msg!("expected", kind = expected_kind(ty)),
            };
        }
        E::Unexpected { expected, .. } => {
            message = match *expected {
                "mapping start" => msg!("expected-mapping"),
                "sequence start" => msg!("expected-list"),
                "string scalar" => msg!("expected-text"),
                other => msg!("expected-here", what = Msg::verbatim(other)),
            };
        }
        E::QuotingRequired { .. } => {
            let found = location
                .and_then(|(l, c)| scalar_at(source, l, c))
                .unwrap_or_default();
            let kind = if matches!(
                found.as_str(),
                "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
            ) {
                "bool"
            } else if found.is_empty() || matches!(found.as_str(), "~" | "null" | "Null" | "NULL") {
                "null"
            } else {
                "number"
            };
            message = msg!(
                "expected-text-found",
                found = &found,
                kind = msg!("kind", kind = kind)
            );
            hint = Some(msg!("hint-quote", found = found));
        }
        E::MultipleDocuments { .. } => {
            message = msg!("yaml-several-documents");
            hint = Some(msg!("hint-yaml-several-documents"));
        }
        E::DuplicateMappingKey { key, .. } => {
            message = match key {
                Some(k) => msg!("key-twice", key = k),
                None => msg!("some-key-twice"),
            };
            let first = key
                .as_deref()
                .zip(location)
                .and_then(|(k, (l, c))| sibling_key_line(source, l, c, k, Direction::Up));
            hint = Some(match first {
                Some(f) => msg!("hint-key-first-on", line = f),
                None => msg!("hint-keep-one"),
            });
        }
        E::UnknownAnchor { .. } => {
            message = msg!("yaml-unknown-anchor");
            hint = Some(msg!("hint-yaml-unknown-anchor"));
        }
        E::ExternalMessage { .. } | E::Eof { .. } => {
            message = msg!("yaml-syntax", detail = message);
            hint = Some(msg!("hint-yaml-syntax"));
        }
        _ => {}
    }
    (message, hint)
}

/// The messages serde words alike for every format, made specific: missing and unknown fields,
/// translations, values our own types refused.
fn refine(worded: Worded, raw: &str, source: &str) -> Worded {
    let (mut message, mut field, mut location, mut hint) = worded;
    if let Some(name) = between(raw, "missing field `", "`").map(str::to_string) {
        let top = field.is_empty() || field == ".";
        field = join_path(&field, &name);
        message = msg!("field-missing", name = &name);
        hint = Some(if top {
            msg!("hint-add-field-to-file", name = name)
        } else {
            msg!("hint-add-field-here", name = name)
        });
        // The parser notices only where the mapping ends; a top-level field belongs to the file,
        // so point at its first line.
        if top
            && let Some(first) = source.lines().position(|l| {
                let t = l.trim_start();
                !t.is_empty() && !t.starts_with('#') && t != "---"
            })
        {
            location = Some((first + 1, 1));
        }
    }
    // A translation into a language the site lacks, or an empty one: point at that
    // language's own line.
    if matches!(
        message.id(),
        "translation-not-a-language" | "translation-empty"
    ) && let Some(lang) = message.text_arg("lang")
        && let Some((l, c)) = location
        && let Some(line) = sibling_key_line(source, l, c, lang, Direction::Down)
    {
        location = Some((line, c));
    }
    // A path step serde could not name (a mapping key) says nothing.
    if field == "?" {
        field.clear();
    }
    if let Some(unknown) = between(raw, "unknown field `", "`").map(str::to_string)
        && let Some(expected) = raw.split("expected one of ").nth(1)
    {
        let candidates: Vec<&str> = expected
            .split(',')
            .map(|s| s.trim().trim_matches('`'))
            .collect();
        hint = Some(match closest(&unknown, &candidates) {
            Some(best) => msg!("hint-did-you-mean", name = best),
            None => msg!("hint-fields-allowed", fields = candidates.join(", ")),
        });
        message = msg!("field-unknown", name = unknown);
    } else if let Some(unknown) = between(raw, "unknown field `", "`").map(str::to_string)
        && raw.contains("there are no fields")
    {
        message = msg!("field-unknown", name = unknown);
        hint = Some(msg!("hint-no-fields"));
    }
    if let Some(found) = between(raw, "invalid type: ", ", expected one text per language") {
        let example = raw
            .split_once("expected one text per language, ")
            .map_or("", |(_, e)| e);
        message = msg!(
            "text-expected",
            found = Msg::verbatim(found),
            example = example
        );
    }
    if matches!(message.id(), "translation-missing" | "translation-empty") {
        hint = Some(msg!("hint-translations"));
    }
    // A value our own types refused (a date, a time, a weekday) says how to write it.
    if let Some((m, h)) = raw.split_once(crate::model::value::HINT)
        && let (Some(m), Some(h)) = (Msg::decode(m), Msg::decode(h))
    {
        message = m;
        hint = Some(h);
    }
    (message, field, location, hint)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Up,
    Down,
}

/// The line of `key:` written at column `col` in the block mapping around line `line`, searching
/// up (strictly before `line`) or down (from `line` on), and not past the ends of that mapping.
fn sibling_key_line(
    source: &str,
    line: usize,
    col: usize,
    key: &str,
    dir: Direction,
) -> Option<usize> {
    let lines: Vec<&str> = source.lines().collect();
    let indent = col.checked_sub(1)?;
    let start = line.checked_sub(1)?;
    let order: Vec<usize> = match dir {
        Direction::Down => (start..lines.len()).collect(),
        Direction::Up => (0..start).rev().collect(),
    };
    for i in order {
        let l = lines[i];
        let mut lead = l.chars().take_while(|c| *c == ' ').count();
        let mut rest = l.trim_start_matches(' ');
        if rest.is_empty() || rest.starts_with('#') {
            continue;
        }
        // `- key: …` opens a mapping that is an item of a list.
        let mut opens_item = false;
        if let Some(r) = rest.strip_prefix("- ")
            && lead + 2 == indent
        {
            lead = indent;
            rest = r.trim_start_matches(' ');
            opens_item = true;
        }
        if lead < indent || (opens_item && dir == Direction::Down && i != start) {
            return None; // left the mapping
        }
        let bare = rest.trim_start_matches(['"', '\'']);
        if lead == indent
            && let Some(after) = bare.strip_prefix(key)
            && after.trim_start_matches(['"', '\'']).starts_with(':')
        {
            return Some(i + 1);
        }
        if opens_item && dir == Direction::Up {
            return None;
        }
    }
    None
}

/// The first few steps of a field path, with `…` when there were more.
fn shorten_path(path: &str) -> String {
    let mut out = String::new();
    let mut steps = 0;
    for (i, c) in path.char_indices() {
        if (c == '.' || c == '[') && i > 0 {
            steps += 1;
            if steps == 4 {
                out.push('…');
                return out;
            }
        }
        out.push(c);
    }
    out
}

/// Strips the `error: line X column Y: ` prefix that the parser adds, since we show the location
/// ourselves.
fn clean_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let mut m = first.strip_prefix("error: ").unwrap_or(first).to_string();
    if m.starts_with("line ")
        && let Some(i) = m.find(": ")
    {
        m = m[i + 2..].to_string();
    }
    if let Some(i) = m.find(" at line ") {
        m.truncate(i);
    }
    m
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some(&s[i..j])
}

fn join_path(base: &str, name: &str) -> String {
    if base.is_empty() || base == "." {
        name.to_string()
    } else {
        format!("{base}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Office {
        address: String,
        phones: Vec<String>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        offices: Vec<Office>,
    }

    #[test]
    fn unknown_field_gets_path_location_and_suggestion() {
        let src = "offices:\n  - address: a\n    phones: []\n  - adress: b\n";
        let d = parse::<Doc>(Path::new("data/x.yaml"), src).unwrap_err();
        assert_eq!(d.message.to_string(), "unknown field `adress`");
        assert_eq!(d.field.as_deref(), Some("offices[1].adress"));
        assert_eq!(d.line, Some(4));
        assert_eq!(d.hint.unwrap().to_string(), "did you mean `address`?");
    }

    #[test]
    fn missing_field_names_it_in_the_path() {
        let src = "offices:\n  - address: a\n";
        let d = parse::<Doc>(Path::new("x.yaml"), src).unwrap_err();
        assert_eq!(d.message.to_string(), "required field `phones` is missing");
        assert_eq!(d.field.as_deref(), Some("offices[0].phones"));
    }

    #[test]
    fn nested_missing_field_points_into_its_mapping() {
        let src = "offices:\n  - address: a\n  - address: b\n    phones: []\n";
        let d = parse::<Doc>(Path::new("x.yaml"), src).unwrap_err();
        assert_eq!(d.message.to_string(), "required field `phones` is missing");
        assert_eq!(d.field.as_deref(), Some("offices[0].phones"));
        assert!(d.line.is_some_and(|l| l <= 3), "{d}");
    }

    #[test]
    fn duplicate_keys_name_the_first() {
        let src = "offices: []\n# note\noffices: []\n";
        let d = parse::<Doc>(Path::new("x.yaml"), src).unwrap_err();
        assert_eq!(
            d.message.to_string(),
            "`offices` is given twice in the same mapping"
        );
        assert_eq!(d.line, Some(3));
        assert_eq!(
            d.hint.as_ref().map(ToString::to_string).as_deref(),
            Some("it is first given on line 1; keep one of the two")
        );
        assert_eq!(d.field, None);
    }

    #[test]
    fn sibling_keys_stay_within_their_mapping() {
        let src = "a:\n  - x: 1\n    y: 2\n  - x: 3\n    z: 4\n";
        assert_eq!(sibling_key_line(src, 4, 5, "z", Direction::Down), Some(5));
        assert_eq!(sibling_key_line(src, 4, 5, "y", Direction::Down), None);
        assert_eq!(sibling_key_line(src, 5, 5, "x", Direction::Up), Some(4));
        assert_eq!(sibling_key_line(src, 5, 5, "y", Direction::Up), None);
    }

    #[test]
    fn hostile_documents_are_refused_by_the_budget_quickly() {
        let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let p = i - 1;
            bomb.push_str(&format!(
                "a{i}: &a{i} [{}]\n",
                vec![format!("*a{p}"); 9].join(", ")
            ));
        }
        let deep = format!("offices: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let block: String = (0..200).map(|i| format!("{}- \n", " ".repeat(i))).collect();
        for (src, words) in [
            (bomb.as_str(), "aliases"),
            (deep.as_str(), "nested"),
            (block.as_str(), "nested"),
        ] {
            let t = std::time::Instant::now();
            let d = parse::<Doc>(Path::new("x.yaml"), src).unwrap_err();
            assert!(d.message.to_string().contains(words), "{d}");
            assert!(d.line.is_some(), "{d}");
            assert!(
                t.elapsed() < std::time::Duration::from_secs(2),
                "{:?}",
                t.elapsed()
            );
        }
    }

    #[test]
    fn a_second_document_is_refused() {
        let d = parse::<Doc>(Path::new("x.yaml"), "offices: []\n---\noffices: []\n").unwrap_err();
        assert_eq!(
            d.message.to_string(),
            "the file holds more than one YAML document"
        );
    }

    #[test]
    fn empty_file_is_an_error() {
        let d = parse::<Doc>(Path::new("x.yaml"), "# only a comment\n\n").unwrap_err();
        assert_eq!(d.message.to_string(), "the file is empty");
    }

    #[test]
    fn closest_suggests_only_near_misses() {
        assert_eq!(closest("adress", &["address", "phones"]), Some("address"));
        assert_eq!(closest("zzz", &["address", "phones"]), None);
    }
}
