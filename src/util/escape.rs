//! The escapers: [`html`] for text and quoted attribute values that stend writes itself
//! (Markdown output, the QR code's label, the sitemap's XML, serve's error page), and
//! [`script`] for everything placed inside a `<script>` element (the JSON-LD).
//!
//! Why `<script>` needs its own: the HTML parser does not know JSON: inside `<script>` it looks
//! for `</script`, and `<!--` followed by `<script` switches it into a state where even
//! `</script>` no longer closes the element ("script data double escaped"). So a data value
//! such as `Управление <!--<script> района` could swallow the rest of the page. Writing `<`,
//! `>` and `&` as JSON escapes makes every such sequence impossible whatever the values, and
//! U+2028/U+2029 are escaped too, since older JavaScript engines end a string literal there.
//! The result is still the same JSON (or JavaScript string content): a parser reads back
//! exactly the original values.

/// Escapes `&`, `<`, `>`, `"` and `'`.
pub fn html(s: &str) -> String {
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

/// `json` (JSON text, or the inside of a JavaScript string literal) made safe to place between
/// `<script …>` and `</script>`: `<` `>` `&` U+2028 U+2029 as `\u003c` `\u003e` `\u0026`
/// `\u2028` `\u2029`.
///
/// Only valid where these characters can stand for themselves in a string — true of all of
/// them in JSON, whose syntax has none of them outside strings.
pub fn script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(super::html("Қазақстан"), "Қазақстан");
    }

    use super::script;

    #[test]
    fn nothing_that_moves_the_html_parser_is_left() {
        let hostile = "</script><!--<script>]]>&amp;\u{2028}\u{2029}";
        let json = serde_json::to_string(&serde_json::json!({ "name": hostile })).unwrap();
        let safe = script(&json);
        for c in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!safe.contains(c), "{c:?} left in {safe}");
        }
        assert_eq!(
            safe,
            r#"{"name":"\u003c/script\u003e\u003c!--\u003cscript\u003e]]\u003e\u0026amp;\u2028\u2029"}"#
        );
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["name"], hostile);
    }

    #[test]
    fn other_text_is_unchanged() {
        let s = r#"{"a":"Астана, ул. Жансугурова, 2","b":[1,2.5,null]}"#;
        assert_eq!(script(s), s);
    }
}
