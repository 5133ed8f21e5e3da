//! YAML parsing with bounded resources and diagnostics that name file, line, column and field.
//!
//! We use serde-saphyr rather than the archived serde_yaml or its fork because it gives source
//! positions for any value (`Spanned`, for semantic errors found after parsing) and enforces a
//! parsing budget (aliases, depth, node count), which is what refuses "billion laughs" documents
//! and deep nesting without exhausting memory or the stack.

use crate::diagnostics::Diagnostic;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Limits for one YAML document. Generous for real data (tens of thousands of offices), tight
/// enough that hostile input is refused in milliseconds.
fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = 48;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_nodes = 5_000_000;
    budget.max_events = 10_000_000;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options
}

/// Parses `source` (the text of `file`) into `T`.
pub fn parse<T: DeserializeOwned>(file: &Path, source: &str) -> Result<T, Diagnostic> {
    if source.trim().is_empty()
        || source
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Diagnostic::new(file, "the file is empty")
            .hint("a data file must hold a YAML mapping; see README.md for its format"));
    }
    let mut path = String::new();
    let result = serde_saphyr::with_deserializer_from_str_with_options(source, options(), |de| {
        serde_path_to_error::deserialize(de).map_err(|e| {
            path = e.path().to_string();
            e.into_inner()
        })
    });
    result.map_err(|e| to_diagnostic(file, source, &path, &e))
}

fn to_diagnostic(file: &Path, source: &str, path: &str, e: &serde_saphyr::Error) -> Diagnostic {
    let raw = e.without_snippet().to_string();
    let mut message = clean_message(&raw);
    // Spanned wrappers add a `.value` segment that means nothing to the user.
    let mut field = path.replace(".value", "");
    if let Some(name) = between(&message, "missing field `", "`") {
        field = join_path(&field, name);
    }
    let mut hint = None;
    if let Some(unknown) = between(&message, "unknown field `", "`")
        && let Some(expected) = message.split("expected one of ").nth(1)
    {
        let candidates: Vec<&str> = expected
            .split(',')
            .map(|s| s.trim().trim_matches('`'))
            .collect();
        hint = Some(match closest(unknown, &candidates) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("the fields allowed here are: {}", candidates.join(", ")),
        });
        message = format!("unknown field `{unknown}`");
    }
    if message.contains("translation is missing") {
        hint = Some(
            "every human-readable value needs one entry per language listed in stend.yaml".into(),
        );
    }
    if message.to_lowercase().contains("budget")
        || message.contains("depth")
        || message.contains("alias")
    {
        hint = Some("the document is too large, too deeply nested or uses too many aliases; write the data out plainly".into());
    }
    let mut d = Diagnostic::new(file, message).field(field);
    if let Some(loc) = e.location() {
        let line = loc.line() as usize;
        let col = loc.column() as usize;
        if line > 0 {
            d = d.at(source, line, col);
        }
    }
    if let Some(h) = hint {
        d = d.hint(h);
    }
    d
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

/// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min()
        .map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
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
        assert_eq!(d.message, "unknown field `adress`");
        assert_eq!(d.field.as_deref(), Some("offices[1].adress"));
        assert_eq!(d.line, Some(4));
        assert_eq!(d.hint.as_deref(), Some("did you mean `address`?"));
    }

    #[test]
    fn missing_field_names_it_in_the_path() {
        let src = "offices:\n  - address: a\n";
        let d = parse::<Doc>(Path::new("x.yaml"), src).unwrap_err();
        assert!(
            d.message.contains("missing field `phones`"),
            "{}",
            d.message
        );
        assert_eq!(d.field.as_deref(), Some("offices[0].phones"));
    }

    #[test]
    fn empty_file_is_an_error() {
        let d = parse::<Doc>(Path::new("x.yaml"), "# only a comment\n\n").unwrap_err();
        assert_eq!(d.message, "the file is empty");
    }

    #[test]
    fn closest_suggests_only_near_misses() {
        assert_eq!(closest("adress", &["address", "phones"]), Some("address"));
        assert_eq!(closest("zzz", &["address", "phones"]), None);
    }
}
