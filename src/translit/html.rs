//! Transliteration of HTML as stend renders it: text nodes and the attributes people read, in
//! elements whose language is Kazakh. A small scanner, not a parser: stend's output is
//! well-formed (every attribute quoted, every element closed or void), so a tokenizer that keeps
//! a stack of open elements and their language is enough, and it copies every byte it does not
//! transliterate — tags, attribute names and order, white space, comments — exactly.

use super::{Error, Scheme, protect::is_cyrillic_letter, transliterate_into};
use std::ops::Range;

/// Attributes whose value is text for people (tooltips, image descriptions, accessible names,
/// and the office finder's two status messages). Every other attribute — `href`, `src`, `id`,
/// `class`, `lang`, `hreflang`, `datetime`, `data-search` … — is machinery and is copied.
const READ_ATTRIBUTES: &[&str] = &[
    "title",
    "alt",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "aria-placeholder",
    "placeholder",
    "label",
    "data-some",
    "data-none",
];

/// `<meta>` elements whose `content` is text for people (what search engines and link previews
/// show), by their `name` or `property`.
const READ_META: &[&str] = &[
    "description",
    "keywords",
    "og:title",
    "og:description",
    "og:site_name",
    "og:image:alt",
    "twitter:title",
    "twitter:description",
    "twitter:image:alt",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Transliterates an HTML fragment or page. The fragment's own language is taken to be Kazakh;
/// an element whose `lang` (or `xml:lang`) names another language — `lang="ru"`, but also
/// `lang="kk-Cyrl"`, Kazakh kept in Cyrillic on purpose — is copied unchanged with everything
/// inside it, unless a descendant declares Kazakh again. `<script>` and `<style>` are always
/// copied unchanged. Fails on markup the scanner cannot follow: an unterminated tag, comment or
/// attribute value, a `<script>`, `<style>`, `<title>` or `<textarea>` never closed, or an end tag
/// that closes no open element.
pub fn transliterate_html(scheme: Scheme, html: &str) -> Result<String, Error> {
    transliterate_html_checked(scheme, html).map(|(out, _)| out)
}

/// [`transliterate_html`], and the first Cyrillic letter it left in Kazakh text (one outside
/// the alphabet, such as Ukrainian Ї), with its byte offset in the input.
pub fn transliterate_html_checked(
    scheme: Scheme,
    html: &str,
) -> Result<(String, Option<(usize, char)>), Error> {
    let mut s = Scanner {
        scheme,
        src: html,
        pos: 0,
        out: String::with_capacity(html.len() + html.len() / 16),
        open: Vec::new(),
        left: None,
        only: None,
    };
    s.run()?;
    Ok((s.out, s.left))
}

/// The first Cyrillic letter (outside web and e-mail addresses) in the text and read attributes
/// of the elements of `html` whose language is `lang` (`kk-Latn`), by `lang` attributes alone:
/// the check that a transliterated page has no letter left behind, which lets through what is
/// marked as another language (`lang="ru"`, the switcher's `lang="kk"`). Returns its byte offset
/// and the letter. Nothing is transliterated.
pub fn first_cyrillic_in_html(html: &str, lang: &str) -> Result<Option<(usize, char)>, Error> {
    let mut s = Scanner {
        scheme: Scheme::KazakhLatin2021,
        src: html,
        pos: 0,
        out: String::new(),
        open: Vec::new(),
        left: None,
        only: Some(lang),
    };
    s.run()?;
    Ok(s.left)
}

struct Scanner<'a> {
    scheme: Scheme,
    src: &'a str,
    pos: usize,
    out: String,
    open: Vec<Open>,
    /// The first Cyrillic letter left in transliterated text: (input offset, letter).
    left: Option<(usize, char)>,
    /// Check only, in the elements of this language: nothing is written to `out`.
    only: Option<&'a str>,
}

/// An element that has been opened and not yet closed.
struct Open {
    name: String,
    kazakh: bool,
}

/// One attribute of a start tag: its lowercased name and the byte range of its value.
struct Attr {
    name: String,
    value: Option<Range<usize>>,
}

impl Scanner<'_> {
    fn kazakh(&self) -> bool {
        // Outside every element a fragment is Kazakh; a checked page declares its language.
        self.open.last().map_or(self.only.is_none(), |o| o.kazakh)
    }

    /// Transliterates the input's `range` onto the output, noting a letter left behind.
    fn push_kazakh(&mut self, range: Range<usize>) {
        if self.only.is_some() {
            if self.left.is_none()
                && let Some((i, c)) = super::first_untransliterated(&self.src[range.clone()])
            {
                self.left = Some((range.start + i, c));
            }
            return;
        }
        let before = self.out.len();
        push_text(self.scheme, &self.src[range.clone()], &mut self.out);
        if self.left.is_none()
            && let Some((_, c)) = super::first_untransliterated(&self.out[before..])
        {
            let at = self.src[range.clone()]
                .find(c)
                .map_or(range.start, |i| range.start + i);
            self.left = Some((at, c));
        }
    }

    fn run(&mut self) -> Result<(), Error> {
        while self.pos < self.src.len() {
            match self.src[self.pos..].find('<') {
                None => self.text(self.src.len()),
                Some(0) => self.markup()?,
                Some(n) => self.text(self.pos + n),
            }
        }
        Ok(())
    }

    /// Text from the current position to `end`.
    fn text(&mut self, end: usize) {
        let t = &self.src[self.pos..end];
        if self.kazakh() {
            self.push_kazakh(self.pos..end);
        } else {
            self.out.push_str(t);
        }
        self.pos = end;
    }

    fn markup(&mut self) -> Result<(), Error> {
        let rest = &self.src[self.pos..];
        if rest.starts_with("<!--") {
            self.copy_through("-->", "comment")
        } else if rest.starts_with("<![CDATA[") {
            self.copy_through("]]>", "CDATA section")
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            self.copy_through(">", "declaration")
        } else if rest.starts_with("</") {
            self.end_tag()
        } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            self.start_tag()
        } else {
            // A "<" that opens no tag is text.
            self.text(self.pos + 1);
            Ok(())
        }
    }

    /// Copies from the current position through the next `close`.
    fn copy_through(&mut self, close: &str, what: &str) -> Result<(), Error> {
        let Some(n) = self.src[self.pos..].find(close) else {
            return Err(self.error(self.pos, format!("this {what} is never closed")));
        };
        let end = self.pos + n + close.len();
        self.out.push_str(&self.src[self.pos..end]);
        self.pos = end;
        Ok(())
    }

    fn end_tag(&mut self) -> Result<(), Error> {
        let start = self.pos;
        let Some(n) = self.src[start..].find('>') else {
            return Err(self.error(start, "this end tag is never closed with \">\"".into()));
        };
        let end = start + n + 1;
        let name = self.src[start + 2..end - 1].trim().to_ascii_lowercase();
        let Some(at) = self.open.iter().rposition(|o| o.name == name) else {
            return Err(self.error(start, format!("</{name}> closes no open element")));
        };
        // Elements left open inside it (an omitted </p> or </li>) close with it.
        self.open.truncate(at);
        self.out.push_str(&self.src[start..end]);
        self.pos = end;
        Ok(())
    }

    fn start_tag(&mut self) -> Result<(), Error> {
        let start = self.pos;
        let (name, attrs, end, self_closing) = self.parse_start_tag()?;
        let own_lang = attrs
            .iter()
            .find(|a| a.name == "lang")
            .or_else(|| attrs.iter().find(|a| a.name == "xml:lang"))
            .map(|a| a.value.clone().map_or("", |r| &self.src[r]));
        let kazakh = match (own_lang, self.only) {
            (None, _) => self.kazakh(),
            (Some(tag), None) => is_kazakh_tag(tag),
            (Some(tag), Some(only)) => tag.eq_ignore_ascii_case(only),
        };
        let mut cursor = start;
        if kazakh {
            let meta_text = name == "meta"
                && attrs.iter().any(|a| {
                    (a.name == "name" || a.name == "property")
                        && a.value.as_ref().is_some_and(|r| {
                            READ_META
                                .iter()
                                .any(|m| m.eq_ignore_ascii_case(&self.src[r.clone()]))
                        })
                });
            for a in &attrs {
                let Some(r) = &a.value else { continue };
                if READ_ATTRIBUTES.contains(&a.name.as_str()) || (meta_text && a.name == "content")
                {
                    self.out.push_str(&self.src[cursor..r.start]);
                    self.push_kazakh(r.clone());
                    cursor = r.end;
                }
            }
        }
        self.out.push_str(&self.src[cursor..end]);
        self.pos = end;
        if self_closing || VOID.contains(&name.as_str()) {
            return Ok(());
        }
        self.open.push(Open {
            name: name.clone(),
            kazakh,
        });
        match name.as_str() {
            "script" | "style" => self.raw_text(&name, false),
            "title" | "textarea" => self.raw_text(&name, true),
            _ => Ok(()),
        }
    }

    /// Reads the start tag at the current position: its lowercased name, its attributes, the
    /// byte just after its ">", and whether it ended with "/>".
    fn parse_start_tag(&self) -> Result<(String, Vec<Attr>, usize, bool), Error> {
        let b = self.src.as_bytes();
        let start = self.pos;
        let stops = |c: u8| c.is_ascii_whitespace() || c == b'>' || c == b'/' || c == b'=';
        let mut i = start + 1;
        while i < b.len() && !stops(b[i]) {
            i += 1;
        }
        let name = self.src[start + 1..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                None => {
                    return Err(self.error(start, format!("<{name}> is never closed with \">\"")));
                }
                Some(b'>') => return Ok((name, attrs, i + 1, false)),
                Some(b'/') if b.get(i + 1) == Some(&b'>') => return Ok((name, attrs, i + 2, true)),
                Some(b'/') => {
                    i += 1;
                    continue;
                }
                Some(_) => {}
            }
            let name_start = i;
            while i < b.len() && !stops(b[i]) {
                i += 1;
            }
            let attr = self.src[name_start..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = None;
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                let (range, next) = self.attr_value(i, &attr)?;
                value = Some(range);
                i = next;
            }
            attrs.push(Attr { name: attr, value });
        }
    }

    /// The value starting at byte `i` (after "="): its range and the byte after it.
    fn attr_value(&self, i: usize, attr: &str) -> Result<(Range<usize>, usize), Error> {
        let b = self.src.as_bytes();
        match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => match self.src[i + 1..].find(q as char) {
                Some(n) => Ok((i + 1..i + 1 + n, i + 2 + n)),
                None => Err(self.error(i, format!("the value of {attr} is never closed"))),
            },
            Some(_) => {
                let mut j = i;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                Ok((i..j, j))
            }
            None => Err(self.error(i, format!("{attr}= has no value"))),
        }
    }

    /// The content of a raw-text element up to its end tag: copied for `<script>` and
    /// `<style>`, transliterated as text for `<title>` and `<textarea>`, which hold no tags.
    fn raw_text(&mut self, name: &str, is_text: bool) -> Result<(), Error> {
        let b = self.src.as_bytes();
        let end = self.src[self.pos..]
            .match_indices("</")
            .map(|(i, _)| self.pos + i)
            .find(|&i| {
                let after = i + 2 + name.len();
                b.get(i + 2..after)
                    .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                    && b.get(after)
                        .is_none_or(|&c| c.is_ascii_whitespace() || c == b'>')
            });
        let Some(end) = end else {
            return Err(self.error(self.pos, format!("<{name}> is never closed")));
        };
        if is_text {
            self.text(end);
        } else {
            self.out.push_str(&self.src[self.pos..end]);
            self.pos = end;
        }
        Ok(())
    }

    fn error(&self, offset: usize, message: String) -> Error {
        Error::at(self.src, offset, message)
    }
}

/// Whether a language tag is Kazakh to transliterate: primary subtag `kk`, and not explicitly
/// the Cyrillic script (`kk-Cyrl`). An empty `lang=""` means "unknown" and is not Kazakh.
fn is_kazakh_tag(tag: &str) -> bool {
    let mut subtags = tag.trim().split(['-', '_']);
    subtags.next().is_some_and(|p| p.eq_ignore_ascii_case("kk"))
        && !subtags.any(|s| s.eq_ignore_ascii_case("cyrl"))
}

/// Transliterates text as it stands in HTML. A numeric character reference to a Cyrillic letter
/// (`&#1178;`) is decoded first, so it is transliterated rather than left behind; every other
/// reference (`&amp;`, `&quot;`, `&#160;`) is ASCII and passes through untouched.
fn push_text(scheme: Scheme, text: &str, out: &mut String) {
    if !text.contains("&#") {
        transliterate_into(scheme, text, out);
        return;
    }
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        decoded.push_str(&rest[..at]);
        rest = &rest[at..];
        match cyrillic_reference(rest) {
            Some((c, len)) => {
                decoded.push(c);
                rest = &rest[len..];
            }
            None => {
                decoded.push_str("&#");
                rest = &rest[2..];
            }
        }
    }
    decoded.push_str(rest);
    transliterate_into(scheme, &decoded, out);
}

/// A reference `&#NNNN;` or `&#xHHHH;` at the start of `s` to a Cyrillic letter, and its length.
fn cyrillic_reference(s: &str) -> Option<(char, usize)> {
    let body = &s[2..];
    let semi = body.find(';')?;
    let digits = &body[..semi];
    let code = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => digits.parse().ok()?,
    };
    let c = char::from_u32(code).filter(|&c| is_cyrillic_letter(c))?;
    Some((c, 2 + semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for t in ["kk", "KK", "kk-KZ", "kk-Latn", "kk_KZ"] {
            assert!(is_kazakh_tag(t), "{t}");
        }
        for t in ["ru", "en", "", "kk-Cyrl", "kk-cyrl-KZ", "kkj", "x-kk"] {
            assert!(!is_kazakh_tag(t), "{t}");
        }
    }

    #[test]
    fn references() {
        assert_eq!(cyrillic_reference("&#1178;x"), Some(('Қ', 7)));
        assert_eq!(cyrillic_reference("&#x49b;"), Some(('қ', 7)));
        assert_eq!(cyrillic_reference("&#160;"), None);
        assert_eq!(cyrillic_reference("&#x;"), None);
        assert_eq!(cyrillic_reference("&#12"), None);
    }
}
