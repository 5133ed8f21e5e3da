//! The block tag a template left open: Tera reports an `{% if %}` without its `{% endif %}`
//! where it notices, at the next `{% endblock %}` (as «Unknown tag»), far from the mistake. This
//! finds the tag that is still open there, to name its line.

/// Tags that need an `end` tag.
const OPENERS: [&str; 6] = ["if", "for", "block", "macro", "filter", "raw"];

/// One `{% … %}` tag: its first word and its 1-based line.
struct Tag<'a> {
    word: &'a str,
    line: usize,
}

/// The tags of `src` before byte `until`, skipping comments and what `{% raw %}` holds.
fn tags(src: &str, until: usize) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut raw = false;
    while let Some(start) = src[i..].find("{%").map(|s| s + i) {
        if start >= until {
            break;
        }
        let Some(end) = src[start..].find("%}").map(|e| e + start) else {
            break;
        };
        let word = src[start + 2..end]
            .trim_start_matches('-')
            .split_whitespace()
            .next()
            .unwrap_or("");
        i = end + 2;
        if raw && word != "endraw" {
            continue;
        }
        raw = word == "raw";
        let line = src[..start].matches('\n').count() + 1;
        out.push(Tag { word, line });
    }
    out
}

/// The byte offset of a 1-based line and 0-based column (in characters).
fn offset(src: &str, line: usize, col: usize) -> usize {
    let start: usize = src
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &src[start.min(src.len())..];
    start + rest.char_indices().nth(col).map_or(rest.len(), |(b, _)| b)
}

/// When the error at `line`:`col` of `src` sits on an `end…` tag that does not close the
/// innermost open tag, that open tag's word and line, and the closing tag met.
pub fn open_tag_at(src: &str, line: usize, col: usize) -> Option<(String, usize, String)> {
    let at = offset(src, line, col);
    // The tag the error is on: the last `{%` at or before the error.
    let tag_start = src[..at.min(src.len())].rfind("{%")?;
    let here = tags(src, tag_start + 1).pop()?;
    let closing = here.word.strip_prefix("end")?;
    let mut open: Vec<Tag> = Vec::new();
    for t in tags(src, tag_start) {
        if OPENERS.contains(&t.word) {
            open.push(t);
        } else if let Some(name) = t.word.strip_prefix("end")
            && open.last().is_some_and(|o| o.word == name)
        {
            open.pop();
        }
    }
    let top = open.pop()?;
    (top.word != closing).then(|| (top.word.to_string(), top.line, here.word.to_string()))
}

#[cfg(test)]
mod tests {
    use super::open_tag_at;

    #[test]
    fn the_unclosed_if_before_endblock_is_found() {
        let src = "{% extends \"base.html\" %}\n{% block content %}\n<p>\n{% if page.title %}\n{{ page.title }}\n</p>\n{% endblock %}\n";
        assert_eq!(
            open_tag_at(src, 7, 3),
            Some(("if".into(), 4, "endblock".into()))
        );
        let closed = "{% block a %}{% if x %}y{% endif %}{% endblock %}";
        assert_eq!(open_tag_at(closed, 1, 38), None);
        let raw = "{% block a %}{% raw %}{% if %}{% endraw %}{% for x in y %}{% endblock %}";
        assert_eq!(
            open_tag_at(raw, 1, 62),
            Some(("for".into(), 1, "endblock".into()))
        );
    }
}
