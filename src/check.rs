//! Check: every internal link, asset reference and `#fragment` of the rendered site resolves.
//!
//! It reads the HTML stend itself produced (attributes are always double-quoted there), so a
//! small attribute scanner is enough and keeps the check fast over tens of thousands of pages.

use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use crate::page::Output;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

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

/// Where a link was found: enough to name the file to fix.
#[derive(Debug, Clone)]
pub struct Origin {
    pub route: String,
    pub path: String,
    pub source: Option<PathBuf>,
    pub template: Option<String>,
}

impl Origin {
    pub fn of(o: &Output) -> Origin {
        Origin {
            route: o.route.clone(),
            path: o.path.clone(),
            source: o.source.clone(),
            template: o.template.clone(),
        }
    }
}

/// A link that can only be checked once the whole site exists: to another page or file, or to a
/// fragment of another page.
#[derive(Debug, Clone)]
pub struct Pending {
    /// Output file the link needs (`kk/standard/index.html`).
    pub file: String,
    /// The `#fragment` it needs there, if any.
    pub fragment: Option<String>,
    /// The link as written.
    pub target: String,
    /// Shared by all the links of a page: a site has about as many distinct link targets as
    /// pages, and each keeps the page that first linked it.
    pub origin: Arc<Origin>,
}

/// The links of one rendered page: problems found on the page alone, and the links that wait
/// for the rest of the site. Links to the page itself (`#p11`) are checked here, against the
/// page's own ids.
pub fn page_links(o: &Output) -> (Vec<(String, Msg)>, Vec<Pending>) {
    let html = std::str::from_utf8(&o.bytes).unwrap_or("");
    let mut own_ids: Option<BTreeSet<std::borrow::Cow<'_, str>>> = None;
    let mut problems = Vec::new();
    let mut pending = Vec::new();
    let mut seen = BTreeSet::new();
    let origin = Arc::new(Origin::of(o));
    for attr in ["href", "src"] {
        for target in attr_values(html, attr) {
            if !seen.insert(target.clone()) {
                continue;
            }
            match classify(&o.route, &target) {
                Err(problem) => problems.push((target.into_owned(), problem)),
                Ok(None) => {}
                Ok(Some((route, fragment))) => {
                    if route == o.route
                        && let Some(f) = fragment.as_deref()
                    {
                        let ids = own_ids
                            .get_or_insert_with(|| attr_values(html, "id").into_iter().collect());
                        if !ids.contains(f) {
                            problems.push((
                                target.to_string(),
                                msg!("link-no-id", target = target.as_ref(), id = f),
                            ));
                        }
                        continue;
                    }
                    pending.push(Pending {
                        file: crate::routes::output_file(&route),
                        fragment,
                        target: target.into_owned(),
                        origin: origin.clone(),
                    });
                }
            }
        }
    }
    (problems, pending)
}

/// The `id`s of a page.
pub fn ids_of(bytes: &[u8]) -> BTreeSet<String> {
    let html = std::str::from_utf8(bytes).unwrap_or("");
    attr_values(html, "id")
        .into_iter()
        .map(|c| c.into_owned())
        .collect()
}

/// Where a link was first seen, in plan order: the unit of work and the page within it.
pub type Place = (u32, u32);

/// The 64-bit key of an output path. Keys stand in for paths so that a site of hundreds of
/// thousands of pages keeps a few bytes per page for its link check, not the strings.
pub fn key(path: &str) -> u64 {
    crate::util::hash::of(path)
}

/// Links that wait for the whole site, each distinct target once with the first place that
/// links it (the page a broken link is reported on), and the files the site has.
///
/// A link to a file is kept as the key of the file and its place only: when it turns out to be
/// broken, [`Links::finish`] asks for the page at that place again to name the link. Links with a
/// `#fragment` need the page's ids, so they keep their text (a site has few of them: the
/// standard's paragraphs).
#[derive(Debug, Default)]
pub struct Links {
    files: HashSet<u64>,
    plain: HashMap<u64, Place>,
    fragments: BTreeMap<(String, String), (Place, String, Arc<Origin>)>,
}

impl Links {
    /// Records that the site has the file at `path`.
    pub fn file(&mut self, path: &str) {
        self.files.insert(key(path));
    }

    /// Adds `later`'s links and files; for a target both have, the earlier place is kept.
    pub fn merge(&mut self, later: Links) {
        for (k, at) in later.plain {
            self.plain
                .entry(k)
                .and_modify(|mine| *mine = (*mine).min(at))
                .or_insert(at);
        }
        for (k, v) in later.fragments {
            match self.fragments.entry(k) {
                std::collections::btree_map::Entry::Vacant(e) => {
                    e.insert(v);
                }
                std::collections::btree_map::Entry::Occupied(mut e) => {
                    if v.0 < e.get().0 {
                        e.insert(v);
                    }
                }
            }
        }
        self.files.extend(later.files);
    }

    /// Records a link found at `at`, to check once the whole site exists.
    pub fn want(&mut self, p: Pending, at: Place) {
        match p.fragment {
            None => {
                self.plain
                    .entry(key(&p.file))
                    .and_modify(|mine| *mine = (*mine).min(at))
                    .or_insert(at);
            }
            Some(f) => match self.fragments.entry((p.file, f)) {
                std::collections::btree_map::Entry::Vacant(e) => {
                    e.insert((at, p.target, p.origin));
                }
                std::collections::btree_map::Entry::Occupied(mut e) => {
                    if at < e.get().0 {
                        e.insert((at, p.target, p.origin));
                    }
                }
            },
        }
    }

    /// Checks every recorded link against the site's files, and fragments against the ids of
    /// the page they point to, which `read` returns (the rendered page, from memory or disk).
    /// `refind` gives back the link to the file with a key from the page at a place, to name a
    /// broken one. Problems come sorted by the file linked.
    pub fn finish(
        self,
        read: impl Fn(&str) -> Option<Vec<u8>>,
        refind: impl Fn(Place, u64) -> Option<Pending>,
        theme_templates: &std::path::Path,
        sources: &BTreeMap<PathBuf, String>,
    ) -> Vec<Diagnostic> {
        let mut broken: Vec<((String, Option<String>), Diagnostic)> = Vec::new();
        let mut missing: Vec<(Place, u64)> = self
            .plain
            .iter()
            .filter(|(k, _)| !self.files.contains(k))
            .map(|(k, at)| (*at, *k))
            .collect();
        missing.sort_unstable();
        for (at, k) in missing {
            match refind(at, k) {
                Some(p) => {
                    let problem = msg!("link-no-page", target = &p.target);
                    let mut d = locate(&p.origin, &p.target, problem, theme_templates, sources);
                    // `/kk/offices` for `/kk/offices/`: the page is there, under its slash.
                    if self.files.contains(&key(&format!("{}/index.html", p.file))) {
                        let slashed = slashed(&p.target);
                        d = d.hint(msg!("hint-link-slash", page = slashed));
                    }
                    broken.push(((p.file, None), d));
                }
                None => broken.push((
                    (String::new(), None),
                    Diagnostic::new("(site)", msg!("link-lost")),
                )),
            }
        }
        let mut ids: BTreeMap<String, Option<BTreeSet<String>>> = BTreeMap::new();
        for ((file, f), (_, target, origin)) in self.fragments {
            let problem = if !self.files.contains(&key(&file)) {
                Some(msg!("link-no-page", target = &target))
            } else {
                let page_ids = ids.entry(file.clone()).or_insert_with(|| {
                    file.ends_with(".html")
                        .then(|| read(&file).map(|b| ids_of(&b)))
                        .flatten()
                });
                match page_ids {
                    Some(set) if set.contains(&f) => None,
                    Some(_) => Some(msg!("link-no-id", target = &target, id = &f)),
                    None => Some(msg!("link-fragment-not-page", target = &target)),
                }
            };
            if let Some(problem) = problem {
                let d = locate(&origin, &target, problem, theme_templates, sources);
                broken.push(((file, Some(f)), d));
            }
        }
        broken.sort_by(|a, b| a.0.cmp(&b.0));
        broken.into_iter().map(|(_, d)| d).collect()
    }
}

/// A link to a directory's page written without its slash, with it (before any `?query`).
fn slashed(target: &str) -> String {
    match target.find(['?', '#']) {
        Some(i) => format!("{}/{}", &target[..i], &target[i..]),
        None => format!("{target}/"),
    }
}

/// What a link points to: `Ok(None)` for an external address, `Ok(Some((route, fragment)))`
/// for a place in the site, `Err` for a link that can never work.
fn classify(from: &str, target: &str) -> Result<Option<(String, Option<String>)>, Msg> {
    let t = target.trim();
    if t.is_empty() {
        return Err(msg!("link-empty"));
    }
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("javascript:")
        || lower.starts_with("data:")
        || lower.starts_with("vbscript:")
    {
        return Err(msg!("link-script", target = t));
    }
    if crate::markdown::protocol_relative(t) {
        return Err(msg!(
            "link-protocol-relative",
            target = t,
            full = format!("https://{}", t.trim_start_matches(['/', '\\']))
        ));
    }
    if lower.contains("://") || lower.starts_with("mailto:") || lower.starts_with("tel:") {
        return Ok(None);
    }
    let (path, fragment) = match t.split_once('#') {
        Some((p, f)) => (p, (!f.is_empty()).then(|| f.to_string())),
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
        normalise(&format!("{base}{path}")).ok_or_else(|| msg!("link-no-page", target = t))?
    };
    Ok(Some((route, fragment)))
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

/// The diagnostic for a broken link: in the content file that has it when it came from Markdown,
/// else in the page's template.
pub fn locate(
    o: &Origin,
    target: &str,
    problem: Msg,
    theme_templates: &std::path::Path,
    sources: &BTreeMap<PathBuf, String>,
) -> Diagnostic {
    let message = msg!("link-broken", route = &o.route, problem = problem);
    if let Some(src_file) = &o.source
        && let Some(text) = sources.get(src_file)
        && let Some(off) = text
            .find(&format!("]({target}"))
            .or_else(|| text.find(target))
    {
        return Diagnostic::new(src_file, message)
            .at_offset(text, off + 1)
            .hint(msg!("hint-link-broken"));
    }
    Diagnostic::new(
        template_or_page(o.template.as_ref(), &o.path, theme_templates),
        message,
    )
}

/// The file to name for a problem on a page: its template, or the page itself.
fn template_or_page(
    template: Option<&String>,
    path: &str,
    theme_templates: &std::path::Path,
) -> PathBuf {
    template
        .map(|t| theme_templates.join(t))
        .unwrap_or_else(|| PathBuf::from(path))
}

/// A page of a derived language (`kk-Latn`) must have no Cyrillic letter in its own-language
/// text: loading already refuses one in the data, UI strings and content, so one found here came
/// from a template. The word is looked up in the page's template, then in every template (it
/// may come from the base one), and the first that has it is named with the line; so a word in
/// a shared template is one problem, not one per page.
pub fn derived_page(
    o: &Output,
    d: &crate::model::Derived,
    theme_templates: &std::path::Path,
    templates: &[(String, String)],
) -> Option<Diagnostic> {
    let html = std::str::from_utf8(&o.bytes).ok()?;
    let (at, letter) = match crate::translit::first_cyrillic_in_html(html, &d.code) {
        Ok(found) => found?,
        Err(e) => (e.offset, '?'),
    };
    let word = crate::model::text::word_at(html, at);
    let message = msg!(
        "translit-page-left",
        letter = letter.to_string(),
        word = &word,
        lang = &d.code
    );
    let own = templates
        .iter()
        .filter(|(name, _)| Some(name) == o.template.as_ref());
    let found = own
        .chain(templates.iter())
        .find_map(|(name, text)| text.find(&word).map(|i| (name, text, i)));
    Some(match found {
        Some((name, text, i)) => {
            Diagnostic::new(theme_templates.join(name), message).at_offset(text, i)
        }
        None => Diagnostic::new(
            template_or_page(o.template.as_ref(), &o.path, theme_templates),
            message,
        ),
    })
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
    fn protocol_relative_links_are_problems() {
        for t in ["//evil.example/", "/\\evil.example/", "\\\\evil.example"] {
            let e = classify("/kk/", t).expect_err(t).to_string();
            assert!(e.starts_with("protocol-relative link"), "{e}");
            assert!(
                e.ends_with("`https://evil.example/`") || e.ends_with("`https://evil.example`")
            );
        }
        assert_eq!(classify("/kk/", "https://x.kz/"), Ok(None));
        assert_eq!(
            classify("/kk/", "/ru/#p1"),
            Ok(Some(("/ru/".to_string(), Some("p1".to_string()))))
        );
    }

    #[test]
    fn relative_paths_normalise() {
        assert_eq!(
            normalise("/kk/offices/../standard/").as_deref(),
            Some("/kk/standard/")
        );
        assert_eq!(normalise("/../x"), None);
    }

    /// Checks links between `outputs` (a whole site in memory); `theme_templates` is the theme's
    /// template directory, to name the file of a broken link that comes from a template rather than
    /// from content.
    fn check_links(
        outputs: &[Output],
        theme_templates: &std::path::Path,
        sources: &BTreeMap<PathBuf, String>,
    ) -> Vec<Diagnostic> {
        let mut links = Links::default();
        let mut diags = Vec::new();
        let by_path: BTreeMap<&str, &Output> =
            outputs.iter().map(|o| (o.path.as_str(), o)).collect();
        for (i, o) in outputs.iter().enumerate() {
            links.file(&o.path);
            if o.html {
                let (problems, pending) = page_links(o);
                for (target, problem) in problems {
                    diags.push(locate(
                        &Origin::of(o),
                        &target,
                        problem,
                        theme_templates,
                        sources,
                    ));
                }
                for p in pending {
                    links.want(p, (i as u32, 0));
                }
            }
        }
        diags.extend(links.finish(
            |path| by_path.get(path).map(|o| o.bytes.clone()),
            |at, k| refind(outputs, at, k),
            theme_templates,
            sources,
        ));
        diags
    }

    fn refind(outputs: &[Output], at: Place, k: u64) -> Option<Pending> {
        let o = outputs.get(at.0 as usize)?;
        page_links(o).1.into_iter().find(|p| key(&p.file) == k)
    }

    fn page(route: &str, html: &str) -> Output {
        Output {
            route: route.into(),
            path: crate::routes::output_file(route),
            bytes: html.as_bytes().to_vec(),
            html: route.ends_with('/'),
            source: None,
            template: Some("page.html".into()),
        }
    }

    fn problems(links: &str) -> Vec<String> {
        let site = vec![
            page("/kk/", &format!("<main id=\"main\">{links}</main>")),
            page("/kk/standard/", "<p id=\"p11\">11.</p>"),
            page("/assets/style.css", "body {}"),
        ];
        check_links(&site, std::path::Path::new("t"), &BTreeMap::new())
            .into_iter()
            .map(|d| d.message.to_string())
            .collect()
    }

    #[test]
    fn resolution() {
        assert!(problems(r#"<a href="/kk/standard/#p11"></a>"#).is_empty());
        assert!(problems(r#"<a href="standard/#p11"></a>"#).is_empty());
        assert!(problems(r##"<a href="#main"></a><a href="/kk/#main"></a>"##).is_empty());
        assert!(problems(r#"<link href="/assets/style.css">"#).is_empty());
        assert!(problems(r#"<a href="https://example.kz/"></a>"#).is_empty());
        let p = problems(r#"<a href="/kk/standard/#p99"></a>"#);
        assert!(p[0].contains("no element with id `p99`"), "{p:?}");
        let p = problems(r##"<a href="#nowhere"></a>"##);
        assert!(p[0].contains("no element with id `nowhere`"), "{p:?}");
        let p = problems(r#"<a href="/kk/nope/"></a>"#);
        assert!(p[0].contains("no such page"), "{p:?}");
        let p = problems(r#"<a href="/assets/style.css#x"></a>"#);
        assert!(p[0].contains("fragments only work on pages"), "{p:?}");
        assert_eq!(problems(r#"<a href="javascript:alert(1)"></a>"#).len(), 1);
        // Links across pages wait for the site: merged, the first page that linked a target
        // is the one named.
        let pages = [
            page("/kk/a/", r#"<a href="/kk/gone/"></a>"#),
            page("/kk/b/", r#"<a href="/kk/gone/"></a>"#),
        ];
        for (a, b) in [(0, 1), (1, 0)] {
            let mut first = Links::default();
            let mut later = Links::default();
            let (_, p1) = page_links(&pages[a]);
            let (_, p2) = page_links(&pages[b]);
            p1.into_iter().for_each(|p| first.want(p, (a as u32, 0)));
            p2.into_iter().for_each(|p| later.want(p, (b as u32, 0)));
            // Whichever order the parts are merged in, the page first in plan order is named.
            first.merge(later);
            let d = first.finish(
                |_| None,
                |at, k| refind(&pages, at, k),
                std::path::Path::new("t"),
                &BTreeMap::new(),
            );
            assert_eq!(d.len(), 1);
            assert!(
                d[0].message.to_string().contains("on /kk/a/"),
                "{}",
                d[0].message
            );
        }
        // Each distinct broken target once.
        assert_eq!(problems(r#"<a href="/x/"></a><a href="/x/"></a>"#).len(), 1);
    }
}
