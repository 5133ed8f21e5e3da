//! Markdown to HTML for content pages, with stend's small extensions and its HTML policy.
//!
//! - CommonMark plus tables, footnotes, strikethrough and heading attributes (`## Title {#id}`).
//! - A paragraph that starts with `{#id}` gets that id (`{#p11} 11. …` → `<p id="p11">11. …`),
//!   so every paragraph of a legal text can be linked to.
//! - Ordered lists written with `1)` keep the `)` marker (class `paren`), as legal texts print them.
//! - Headings without an explicit id get one made from their text, unique within the page.
//! - **Raw HTML is not passed through**: it is shown as text. Content is written by people in a
//!   hurry and pasted from Word; markup belongs in the theme.
//! - Links may be `http(s):`, `mailto:`, `tel:`, site paths and fragments; any other scheme
//!   (`javascript:`, `data:`, …) is refused with an error, and so are protocol-relative links
//!   (`//host/…`, which take the scheme of whatever page shows them and look like site paths):
//!   an external address is written in full. External `http(s)` links get
//!   `rel="external noopener"`.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::BTreeSet;

/// A heading of the page, for tables of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// The rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub problems: Vec<Problem>,
}

/// Something in the Markdown that cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the Markdown.
    pub offset: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    fn new(offset: usize, message: String) -> Problem {
        Problem {
            offset,
            message,
            hint: None,
        }
    }
}

/// Whether a link, as a browser reads it (tabs and newlines removed), is protocol-relative:
/// two slashes at its start, where browsers take a backslash for a slash.
pub fn protocol_relative(as_read: &str) -> bool {
    let mut c = as_read.chars();
    matches!((c.next(), c.next()), (Some('/' | '\\'), Some('/' | '\\')))
}

/// Renders Markdown to HTML.
pub fn render(md: &str) -> Rendered {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    let mut out_events: Vec<Event> = Vec::new();
    let mut headings = Vec::new();
    let mut problems = Vec::new();
    let mut used_ids: BTreeSet<String> = BTreeSet::new();
    let events: Vec<(Event, std::ops::Range<usize>)> =
        Parser::new_ext(md, opts).into_offset_iter().collect();
    // Pre-collect explicit ids so generated ones never collide with them.
    for (ev, _) in &events {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = ev {
            used_ids.insert(id.to_string());
        }
    }
    let mut i = 0;
    while i < events.len() {
        let (ev, range) = &events[i];
        match ev {
            Event::Start(Tag::Paragraph) => {
                // `{#id}` at the start of the paragraph's first text.
                if let Some((Event::Text(t), _)) = events.get(i + 1)
                    && let Some((id, rest)) = paragraph_anchor(t)
                {
                    used_ids.insert(id.to_string());
                    out_events.push(Event::Html(
                        format!("<p id=\"{}\">", escape_attr(id)).into(),
                    ));
                    if !rest.is_empty() {
                        out_events.push(Event::Text(CowStr::from(rest.to_string())));
                    }
                    i += 2;
                    continue;
                }
                out_events.push(ev.clone());
            }
            Event::Start(Tag::List(Some(start))) => {
                let marker = md[range.clone()]
                    .trim_start()
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .chars()
                    .next();
                let class = if marker == Some(')') {
                    " class=\"paren\""
                } else {
                    ""
                };
                let start_attr = if *start != 1 {
                    format!(" start=\"{start}\"")
                } else {
                    String::new()
                };
                out_events.push(Event::Html(format!("<ol{class}{start_attr}>\n").into()));
            }
            Event::End(TagEnd::List(true)) => out_events.push(Event::Html("</ol>\n".into())),
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                // Gather the heading's text to build its id and the table of contents.
                let mut text = String::new();
                let mut j = i + 1;
                while j < events.len() {
                    match &events[j].0 {
                        Event::End(TagEnd::Heading(_)) => break,
                        Event::Text(t) | Event::Code(t) => text.push_str(t),
                        _ => {}
                    }
                    j += 1;
                }
                let id = match id {
                    Some(id) => id.to_string(),
                    None => unique_id(&slugify(&text), &mut used_ids),
                };
                let lvl = heading_level(*level);
                headings.push(Heading {
                    level: lvl,
                    id: id.clone(),
                    text: text.trim().to_string(),
                });
                let class = if classes.is_empty() {
                    String::new()
                } else {
                    format!(
                        " class=\"{}\"",
                        escape_attr(
                            &classes
                                .iter()
                                .map(|c| c.to_string())
                                .collect::<Vec<_>>()
                                .join(" ")
                        )
                    )
                };
                out_events.push(Event::Html(
                    format!("<h{lvl} id=\"{}\"{class}>", escape_attr(&id)).into(),
                ));
            }
            Event::End(TagEnd::Heading(level)) => {
                out_events.push(Event::Html(
                    format!("</h{}>\n", heading_level(*level)).into(),
                ));
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let url = dest_url.trim();
                // Browsers drop leading control characters and every tab or newline before
                // they read a URL's scheme (WHATWG URL), so `java\tscript:` is `javascript:`.
                // Read the scheme the way they do, and refuse control characters outright.
                let as_read: String = url
                    .trim_start_matches(|c: char| c <= ' ')
                    .chars()
                    .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                    .collect();
                let has_control = url.chars().any(char::is_control);
                if has_control {
                    problems.push(Problem::new(
                        range.start,
                        format!(
                            "link to `{}` contains control characters",
                            url.escape_debug()
                        ),
                    ));
                }
                let scheme = as_read
                    .split_once(':')
                    .map(|(s, _)| s.to_ascii_lowercase())
                    .filter(|s| {
                        s.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
                    });
                let mut attrs = String::new();
                match scheme.as_deref() {
                    None | Some("http") | Some("https") | Some("mailto") | Some("tel") => {}
                    Some(_) if has_control => {}
                    Some(other) => {
                        problems.push(Problem::new(
                            range.start,
                            format!(
                                "link to `{url}` uses the `{other}:` scheme, which is not allowed"
                            ),
                        ));
                    }
                }
                if scheme.is_none() && !has_control && protocol_relative(&as_read) {
                    let host = as_read.trim_start_matches(['/', '\\']);
                    problems.push(Problem {
                        offset: range.start,
                        message: format!(
                            "link to `{url}` is protocol-relative (starts with `//`), which is not allowed"
                        ),
                        hint: Some(format!(
                            "write the full address of the other site, e.g. `https://{host}`"
                        )),
                    });
                }
                let safe_url = if problems.last().is_some_and(|p| p.offset == range.start) {
                    "#"
                } else {
                    url
                };
                if matches!(scheme.as_deref(), Some("http") | Some("https")) {
                    attrs.push_str(" rel=\"external noopener\"");
                }
                if !title.is_empty() {
                    attrs.push_str(&format!(" title=\"{}\"", escape_attr(title)));
                }
                out_events.push(Event::Html(
                    format!("<a href=\"{}\"{attrs}>", escape_attr(safe_url)).into(),
                ));
            }
            Event::End(TagEnd::Link) => out_events.push(Event::Html("</a>".into())),
            Event::Start(Tag::Image { dest_url, .. }) => {
                problems.push(Problem::new(
                    range.start,
                    format!("images are not supported in content (`{dest_url}`)"),
                ));
                // Skip the image's alt text events.
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Image)) {
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            // Raw HTML is shown as text, never passed through.
            Event::Html(h) | Event::InlineHtml(h) => out_events.push(Event::Text(h.clone())),
            other => out_events.push(other.clone()),
        }
        i += 1;
    }
    let mut html_out = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut html_out, out_events.into_iter());
    Rendered {
        html: html_out,
        headings,
        problems,
    }
}

fn heading_level(l: HeadingLevel) -> u8 {
    l as u8
}

/// `{#id} rest` → (`id`, `rest`), for ids of ASCII letters, digits, `-` and `_`.
fn paragraph_anchor(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("{#")?;
    let end = rest.find('}')?;
    let id = &rest[..end];
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return None;
    }
    Some((id, rest[end + 1..].trim_start()))
}

/// A fragment id from heading text: lowercase letters and digits of any script, `-` between words.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() {
        "section".to_string()
    } else {
        out
    }
}

fn unique_id(base: &str, used: &mut BTreeSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// Escapes text for a double-quoted HTML attribute.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_anchors() {
        let r = render("{#p11} 11. Мемлекеттік қызмет.\n");
        assert_eq!(r.html, "<p id=\"p11\">11. Мемлекеттік қызмет.</p>\n");
    }

    #[test]
    fn paren_lists_keep_their_marker_class() {
        let r = render("1) бір;\n2) екі.\n");
        assert!(r.html.starts_with("<ol class=\"paren\">"), "{}", r.html);
        let r = render("1. a\n2. b\n");
        assert!(r.html.starts_with("<ol>"), "{}", r.html);
    }

    #[test]
    fn headings_get_ids_and_toc() {
        let r = render("## 1. Жалпы ережелер {#s1}\n\n## Басқа\n\n## Басқа\n");
        assert!(
            r.html.contains("<h2 id=\"s1\">1. Жалпы ережелер</h2>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h2 id=\"басқа\">"));
        assert!(r.html.contains("<h2 id=\"басқа-2\">"));
        assert_eq!(r.headings[0].id, "s1");
    }

    #[test]
    fn raw_html_is_text() {
        let r = render("<script>alert(1)</script>\n\nA <b>bold</b> claim.\n");
        assert!(!r.html.contains("<script>"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"));
        assert!(r.html.contains("&lt;b&gt;bold&lt;/b&gt;"));
    }

    #[test]
    fn script_links_are_refused() {
        let r = render("[x](javascript:alert(1)) [y](JavaScript:alert(1))\n");
        assert_eq!(r.problems.len(), 2);
        assert!(!r.html.to_lowercase().contains("javascript:"), "{}", r.html);
    }

    #[test]
    fn script_links_disguised_by_control_characters_are_refused() {
        let r = render("[x](<java\tscript:alert(1)>) [y](<\u{1}javascript:alert(1)>)\n");
        assert_eq!(r.problems.len(), 2, "{:?}", r.problems);
        assert!(r.problems[0].message.contains("control characters"));
        let lower = r.html.to_lowercase();
        assert!(!lower.contains("script:"), "{}", r.html);
    }

    #[test]
    fn external_links_get_noopener() {
        let r = render("[a](https://example.kz/) [b](/kk/offices/)\n");
        assert!(
            r.html
                .contains("<a href=\"https://example.kz/\" rel=\"external noopener\">a</a>")
        );
        assert!(r.html.contains("<a href=\"/kk/offices/\">b</a>"));
    }

    #[test]
    fn protocol_relative_links_are_refused() {
        let r = render(
            r"[a](//evil.example/) [b](/\evil.example/) [c](<\\\\evil.example>) [d](/kk/) [e](/)",
        );
        let messages: Vec<&str> = r.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages.iter().all(|m| m.contains("protocol-relative")));
        assert_eq!(
            r.problems[0].hint.as_deref(),
            Some("write the full address of the other site, e.g. `https://evil.example/`")
        );
        assert!(!r.html.contains("evil.example"), "{}", r.html);
        assert!(r.html.contains("<a href=\"/kk/\">d</a>"));
        assert!(r.html.contains("<a href=\"/\">e</a>"));
    }
}
