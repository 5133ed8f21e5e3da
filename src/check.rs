//! Check: every internal link, asset reference and `#fragment` of the rendered site resolves.
//!
//! It reads the HTML stend itself produced (attributes are always double-quoted there), so a
//! small attribute scanner is enough and keeps the check fast over tens of thousands of pages.

use crate::diagnostics::Diagnostic;
use crate::render::Output;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Values of attribute `name` (`id`, `href`, `src`) in `html`, with HTML entities for `&` decoded.
pub fn attr_values<'a>(html: &'a str, name: &str) -> Vec<std::borrow::Cow<'a, str>> {
    let needle = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        let after = &rest[i + needle.len()..];
        if let Some(end) = after.find('"') {
            let v = &after[..end];
            out.push(if v.contains("&amp;") {
                std::borrow::Cow::Owned(v.replace("&amp;", "&"))
            } else {
                std::borrow::Cow::Borrowed(v)
            });
            rest = &after[end..];
        } else {
            break;
        }
    }
    out
}

/// Checks links between `outputs`; `theme_templates` is the theme's template directory, to name
/// the file of a broken link that comes from a template rather than from content.
pub fn check_links(
    outputs: &[Output],
    theme_templates: &std::path::Path,
    sources: &BTreeMap<PathBuf, String>,
) -> Vec<Diagnostic> {
    let mut ids: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut files: BTreeSet<&str> = BTreeSet::new();
    for o in outputs {
        files.insert(o.path.as_str());
        if o.html {
            let html = std::str::from_utf8(&o.bytes).unwrap_or("");
            ids.insert(
                o.route.as_str(),
                attr_values(html, "id")
                    .into_iter()
                    .map(|c| c.into_owned())
                    .collect(),
            );
        }
    }
    let mut diags = Vec::new();
    for o in outputs.iter().filter(|o| o.html) {
        let html = std::str::from_utf8(&o.bytes).unwrap_or("");
        let mut seen = BTreeSet::new();
        for attr in ["href", "src"] {
            for target in attr_values(html, attr) {
                if !seen.insert(target.to_string()) {
                    continue;
                }
                if let Some(problem) = resolve(&o.route, &target, &files, &ids) {
                    diags.push(locate(o, &target, problem, theme_templates, sources));
                }
            }
        }
    }
    diags
}

/// Why `target`, linked from `from`, does not resolve; `None` when it does or is external.
fn resolve(
    from: &str,
    target: &str,
    files: &BTreeSet<&str>,
    ids: &BTreeMap<&str, BTreeSet<String>>,
) -> Option<String> {
    let t = target.trim();
    if t.is_empty() {
        return Some("empty link".into());
    }
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("javascript:")
        || lower.starts_with("data:")
        || lower.starts_with("vbscript:")
    {
        return Some(format!("script link `{t}`"));
    }
    if t.starts_with("//")
        || lower.contains("://")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
    {
        return None;
    }
    let (path, fragment) = match t.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (t, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let route = if path.is_empty() {
        from.to_string()
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        // Relative to the page's directory.
        let base = &from[..from.rfind('/').map(|i| i + 1).unwrap_or(0)];
        normalise(&format!("{base}{path}"))?
    };
    let file = crate::routes::output_file(&route);
    if !files.contains(file.as_str()) {
        return Some(format!("link to `{t}`: no such page or file"));
    }
    if let Some(f) = fragment
        && !f.is_empty()
    {
        match ids.get(route.as_str()) {
            Some(set) if set.contains(f) => {}
            Some(_) => {
                return Some(format!(
                    "link to `{t}`: the page has no element with id `{f}`"
                ));
            }
            None => return Some(format!("link to `{t}`: fragments only work on pages")),
        }
    }
    None
}

fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let trailing = path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..");
    let mut s = format!("/{}", parts.join("/"));
    if trailing && !s.ends_with('/') {
        s.push('/');
    }
    Some(s)
}

fn locate(
    o: &Output,
    target: &str,
    problem: String,
    theme_templates: &std::path::Path,
    sources: &BTreeMap<PathBuf, String>,
) -> Diagnostic {
    let message = format!("broken link on {}: {problem}", o.route);
    if let Some(src_file) = &o.source
        && let Some(text) = sources.get(src_file)
        && let Some(off) = text
            .find(&format!("]({target}"))
            .or_else(|| text.find(target))
    {
        return Diagnostic::new(src_file, message)
            .at_offset(text, off + 1)
            .hint("link to a page that exists, e.g. `/kk/offices/`, or to an id on the page, e.g. `#p11`");
    }
    let file = o
        .template
        .as_ref()
        .map(|t| theme_templates.join(t))
        .unwrap_or_else(|| PathBuf::from(&o.path));
    Diagnostic::new(file, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_found() {
        let html = r#"<a href="/kk/">x</a><p id="p1"><a href="?a=1&amp;b=2">"#;
        assert_eq!(attr_values(html, "href"), vec!["/kk/", "?a=1&b=2"]);
        assert_eq!(attr_values(html, "id"), vec!["p1"]);
    }

    #[test]
    fn relative_paths_normalise() {
        assert_eq!(
            normalise("/kk/offices/../standard/").as_deref(),
            Some("/kk/standard/")
        );
        assert_eq!(normalise("/../x"), None);
    }

    #[test]
    fn resolution() {
        let files: BTreeSet<&str> = [
            "kk/index.html",
            "kk/standard/index.html",
            "assets/style.css",
        ]
        .into();
        let mut ids = BTreeMap::new();
        ids.insert("/kk/standard/", BTreeSet::from(["p11".to_string()]));
        ids.insert("/kk/", BTreeSet::new());
        assert_eq!(resolve("/kk/", "/kk/standard/#p11", &files, &ids), None);
        assert_eq!(resolve("/kk/", "standard/#p11", &files, &ids), None);
        assert_eq!(resolve("/kk/", "/assets/style.css", &files, &ids), None);
        assert_eq!(resolve("/kk/", "https://example.kz/", &files, &ids), None);
        assert!(
            resolve("/kk/", "/kk/standard/#p99", &files, &ids)
                .unwrap()
                .contains("no element with id `p99`")
        );
        assert!(
            resolve("/kk/", "/kk/nope/", &files, &ids)
                .unwrap()
                .contains("no such page")
        );
        assert!(resolve("/kk/", "javascript:alert(1)", &files, &ids).is_some());
    }
}
