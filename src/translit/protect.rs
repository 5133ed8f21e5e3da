//! Finds the parts of plain text that must be copied verbatim even in a transliterated edition:
//! web addresses and e-mail addresses. Either may legitimately hold Cyrillic (an internationalised
//! domain such as `президент.қаз`), and changing one letter would send the reader elsewhere.

use std::ops::Range;

/// Characters that end an address: white space, and the quotes and angle brackets text puts
/// around one. Other punctuation (a trailing full stop or comma) may stay inside: it is copied
/// unchanged either way.
const DELIMITERS: &[char] = &['<', '>', '"', '«', '»', '“', '”', '„', '‘', '’', '`'];

/// Byte ranges of `text` holding URLs (`http://…`, `https://…`, `www.…`) and e-mail
/// addresses, sorted and disjoint.
pub(super) fn spans(text: &str) -> Vec<Range<usize>> {
    let mut found = urls(text);
    found.extend(emails(text));
    found.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for r in found {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

fn urls(text: &str) -> Vec<Range<usize>> {
    const PREFIXES: [&str; 3] = ["http://", "https://", "www."];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = text[from..].find(['h', 'H', 'w', 'W']) {
        let start = from + rel;
        let rest = &text[start..];
        let prefix = PREFIXES.iter().find(|p| {
            rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        });
        let at_word_start = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        match prefix {
            Some(p) if at_word_start => {
                let end = address_end(text, start + p.len());
                if end > start + p.len() {
                    out.push(start..end);
                    from = end;
                    continue;
                }
                from = start + p.len();
            }
            _ => from = start + 1,
        }
    }
    out
}

/// Where an address that continues at `from` ends. A Kazakh case ending hyphenated onto a
/// Latin address (`www.mvd.kz-ке`, "to www.mvd.kz") is not part of it: an address that has had
/// no Cyrillic so far ends before a hyphen followed by a Cyrillic letter.
fn address_end(text: &str, from: usize) -> usize {
    let mut cyrillic_seen = false;
    let mut it = text[from..].char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() || c.is_control() || DELIMITERS.contains(&c) {
            return from + i;
        }
        if c == '-' && !cyrillic_seen && it.peek().is_some_and(|&(_, n)| is_cyrillic_letter(n)) {
            return from + i;
        }
        cyrillic_seen |= is_cyrillic_letter(c);
    }
    text.len()
}

fn emails(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('@') {
        let local_start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric() || "._%+-".contains(c))
            .last()
            .map_or(at, |(i, _)| i);
        let domain = domain_end(text, at + 1);
        let host = &text[at + 1..domain];
        let valid_host = host.contains('.')
            && !host.starts_with(['.', '-'])
            && host.split('.').all(|label| !label.is_empty());
        if local_start < at && valid_host {
            out.push(local_start..domain);
        }
    }
    out
}

/// The end of the domain of an e-mail address starting at `from`: letters, digits, hyphens and
/// dots, without a trailing dot or hyphen (the end of the sentence) and without a hyphenated
/// Cyrillic case ending.
fn domain_end(text: &str, from: usize) -> usize {
    let limit = address_end(text, from);
    let end = text[from..limit]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map_or(limit, |(i, _)| from + i);
    from + text[from..end].trim_end_matches(['.', '-']).len()
}

/// A letter of any Cyrillic block of Unicode (basic, supplement, extended A–D).
pub(super) fn is_cyrillic_letter(c: char) -> bool {
    matches!(
        c as u32,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F | 0x1E030..=0x1E08F
    ) && c.is_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn protected(text: &str) -> Vec<&str> {
        spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_urls_by_their_three_prefixes() {
        assert_eq!(
            protected("сайт: https://egov.kz/cms/kk, http://a.kz және www.mvd.kz."),
            ["https://egov.kz/cms/kk,", "http://a.kz", "www.mvd.kz."]
        );
        assert_eq!(
            protected("WWW.MVD.KZ HTTPS://X.KZ"),
            ["WWW.MVD.KZ", "HTTPS://X.KZ"]
        );
    }

    #[test]
    fn a_prefix_inside_a_word_or_alone_is_not_a_url() {
        assert!(protected("awww.x.kz showhttp://x").is_empty());
        assert!(protected("www. және http:// ғана").is_empty());
    }

    #[test]
    fn quotes_and_brackets_end_a_url_and_cyrillic_paths_stay_inside() {
        assert_eq!(protected("«www.mvd.kz»"), ["www.mvd.kz"]);
        assert_eq!(protected("<https://a.kz/x>"), ["https://a.kz/x"]);
        assert_eq!(
            protected("https://сайт.қаз/бет-жаңа жолы"),
            ["https://сайт.қаз/бет-жаңа"]
        );
    }

    #[test]
    fn a_hyphenated_kazakh_ending_is_not_part_of_a_latin_address() {
        assert_eq!(protected("www.mvd.kz-ке жазыңыз"), ["www.mvd.kz"]);
        assert_eq!(protected("info@mvd.kz-қа хат"), ["info@mvd.kz"]);
        assert_eq!(protected("www.dvd-uko.kz"), ["www.dvd-uko.kz"]);
    }

    #[test]
    fn finds_email_addresses_and_trims_the_full_stop() {
        assert_eq!(
            protected("Хат: ubd_mang@mail.kz. Немесе иван@пошта.қаз"),
            ["ubd_mang@mail.kz", "иван@пошта.қаз"]
        );
        assert_eq!(protected("(www.Sokolur@mail.ru)"), ["www.Sokolur@mail.ru)"]);
    }

    #[test]
    fn an_at_sign_without_a_domain_is_not_an_address() {
        assert!(protected("a@b, @mvd.kz, x@.kz, y@kz.").is_empty());
    }

    #[test]
    fn cyrillic_letters_are_those_of_every_cyrillic_block() {
        for c in ['Қ', 'я', 'ї', 'ԛ', 'ꙋ', 'ᲀ'] {
            assert!(is_cyrillic_letter(c), "{c}");
        }
        for c in ['a', 'İ', 'ş', '№', '1', '\u{482}'] {
            assert!(!is_cyrillic_letter(c), "{c}");
        }
    }
}
