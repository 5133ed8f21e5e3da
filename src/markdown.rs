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

use crate::i18n::Msg;
use crate::msg;
use crate::util::escape::html as escape_attr;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::BTreeSet;
use std::ops::Range;

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
    pub message: Msg,
    pub hint: Option<Msg>,
}

impl Problem {
    fn new(offset: usize, message: Msg) -> Problem {
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
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(md, opts).into_offset_iter().collect();
    let mut w = Writer {
        md,
        events: &events,
        out: Vec::new(),
        headings: Vec::new(),
        problems: Vec::new(),
        // Explicit ids first, so that generated ones never collide with them.
        used_ids: events
            .iter()
            .filter_map(|(ev, _)| match ev {
                Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
                _ => None,
            })
            .collect(),
    };
    let mut i = 0;
    while i < events.len() {
        i = w.event(i);
    }
    let mut html_out = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut html_out, w.out.into_iter());
    Rendered {
        html: html_out,
        headings: w.headings,
        problems: w.problems,
    }
}

/// The events of one document on their way to HTML.
struct Writer<'m, 'e> {
    md: &'m str,
    events: &'e [(Event<'m>, Range<usize>)],
    out: Vec<Event<'m>>,
    headings: Vec<Heading>,
    problems: Vec<Problem>,
    used_ids: BTreeSet<String>,
}

impl<'m> Writer<'m, '_> {
    /// Writes event `i`; returns the index of the next event to write.
    fn event(&mut self, i: usize) -> usize {
        let (ev, range) = &self.events[i];
        match ev {
            Event::Start(Tag::Paragraph) => return self.paragraph(i),
            Event::Start(Tag::List(Some(start))) => self.ordered_list(*start, range.clone()),
            Event::End(TagEnd::List(true)) => self.out.push(Event::Html("</ol>\n".into())),
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => self.heading(i, *level, id.as_deref(), classes),
            Event::End(TagEnd::Heading(level)) => {
                let html = format!("</h{}>\n", heading_level(*level));
                self.out.push(Event::Html(html.into()));
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => self.link(range.start, dest_url, title),
            Event::End(TagEnd::Link) => self.out.push(Event::Html("</a>".into())),
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.problems.push(Problem::new(
                    range.start,
                    msg!("md-image", src = dest_url.as_ref()),
                ));
                // Skip the image's alt text events.
                let mut j = i + 1;
                while j < self.events.len()
                    && !matches!(self.events[j].0, Event::End(TagEnd::Image))
                {
                    j += 1;
                }
                return j + 1;
            }
            // Raw HTML is shown as text, never passed through.
            Event::Html(h) | Event::InlineHtml(h) => self.out.push(Event::Text(h.clone())),
            other => self.out.push(other.clone()),
        }
        i + 1
    }

    /// A paragraph; `{#id}` at the start of its first text becomes its id.
    fn paragraph(&mut self, i: usize) -> usize {
        if let Some((Event::Text(t), _)) = self.events.get(i + 1)
            && let Some((id, rest)) = paragraph_anchor(t)
        {
            self.used_ids.insert(id.to_string());
            let open = format!("<p id=\"{}\">", escape_attr(id));
            self.out.push(Event::Html(open.into()));
            if !rest.is_empty() {
                self.out.push(Event::Text(CowStr::from(rest.to_string())));
            }
            return i + 2;
        }
        self.out.push(self.events[i].0.clone());
        i + 1
    }

    /// An ordered list, keeping the `)` of `1)` lists as class `paren`.
    fn ordered_list(&mut self, start: u64, range: Range<usize>) {
        let marker = self.md[range]
            .trim_start()
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .chars()
            .next();
        let class = if marker == Some(')') {
            " class=\"paren\""
        } else {
            ""
        };
        let start_attr = if start != 1 {
            format!(" start=\"{start}\"")
        } else {
            String::new()
        };
        self.out
            .push(Event::Html(format!("<ol{class}{start_attr}>\n").into()));
    }

    /// A heading with its id (given, or made from its text) and its place in the table of
    /// contents.
    fn heading(&mut self, i: usize, level: HeadingLevel, id: Option<&str>, classes: &[CowStr]) {
        let mut text = String::new();
        for (ev, _) in &self.events[i + 1..] {
            match ev {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                _ => {}
            }
        }
        let id = match id {
            Some(id) => id.to_string(),
            None => unique_id(&slugify(&text), &mut self.used_ids),
        };
        let lvl = heading_level(level);
        self.headings.push(Heading {
            level: lvl,
            id: id.clone(),
            text: text.trim().to_string(),
        });
        let class = if classes.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = classes.iter().map(|c| c.as_ref()).collect();
            format!(" class=\"{}\"", escape_attr(&names.join(" ")))
        };
        let open = format!("<h{lvl} id=\"{}\"{class}>", escape_attr(&id));
        self.out.push(Event::Html(open.into()));
    }

    /// A link, if its address is allowed (see [`link_problem`]); external ones get
    /// `rel="external noopener"`.
    fn link(&mut self, at: usize, dest_url: &str, title: &str) {
        let url = dest_url.trim();
        let (scheme, problem) = link_problem(url);
        let safe_url = match problem {
            Some((message, hint)) => {
                self.problems.push(Problem {
                    offset: at,
                    message,
                    hint,
                });
                "#"
            }
            None => url,
        };
        let mut attrs = String::new();
        if matches!(scheme.as_deref(), Some("http") | Some("https")) {
            attrs.push_str(" rel=\"external noopener\"");
        }
        if !title.is_empty() {
            attrs.push_str(&format!(" title=\"{}\"", escape_attr(title)));
        }
        let open = format!("<a href=\"{}\"{attrs}>", escape_attr(safe_url));
        self.out.push(Event::Html(open.into()));
    }
}

/// A link's scheme (lowercase, when it has one), and why the link is refused (with a hint), if
/// it is.
///
/// Browsers drop leading control characters and every tab or newline before they read a URL's
/// scheme (WHATWG URL), so `java\tscript:` is `javascript:`. Read the scheme the way they do,
/// and refuse control characters outright.
fn link_problem(url: &str) -> (Option<String>, Option<(Msg, Option<Msg>)>) {
    let as_read: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let scheme = as_read
        .split_once(':')
        .map(|(s, _)| s.to_ascii_lowercase())
        .filter(|s| {
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        });
    if url.chars().any(char::is_control) {
        let why = msg!("md-link-control", url = url.escape_debug().to_string());
        return (scheme, Some((why, None)));
    }
    let problem = match scheme.as_deref() {
        None if protocol_relative(&as_read) => {
            let host = as_read.trim_start_matches(['/', '\\']);
            Some((
                msg!("md-link-protocol-relative", url = url),
                Some(msg!(
                    "hint-md-link-protocol-relative",
                    full = format!("https://{host}")
                )),
            ))
        }
        None | Some("http") | Some("https") | Some("mailto") | Some("tel") => None,
        Some(other) => Some((msg!("md-link-scheme", url = url, scheme = other), None)),
    };
    (scheme, problem)
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
        assert!(
            r.problems[0]
                .message
                .to_string()
                .contains("control characters")
        );
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
        let messages: Vec<String> = r.problems.iter().map(|p| p.message.to_string()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages.iter().all(|m| m.contains("protocol-relative")));
        assert_eq!(
            r.problems[0]
                .hint
                .as_ref()
                .map(ToString::to_string)
                .as_deref(),
            Some("write the full address of the other site, e.g. `https://evil.example/`")
        );
        assert!(!r.html.contains("evil.example"), "{}", r.html);
        assert!(r.html.contains("<a href=\"/kk/\">d</a>"));
        assert!(r.html.contains("<a href=\"/\">e</a>"));
    }
}
