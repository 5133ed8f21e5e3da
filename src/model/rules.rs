//! The shapes data values must have, stated once for both readers: stend's own checks (in
//! [`crate::validate`] and [`crate::routes::check_slug`]) and the JSON Schemas editors validate
//! with (`stend schema`). Each rule is a pattern for the schemas and, where stend checks it, a
//! function here or beside it that accepts exactly the same strings; the tests hold the two
//! side by side.
//!
//! What JSON Schema cannot say (unique slugs among siblings, a closing time after the opening
//! time, an index table in ascending order, an index value for the as-of date) only stend checks;
//! the schemas say so in their descriptions.

/// A slug (department, unit, document id): lowercase ASCII letters, digits and hyphens, not
/// starting or ending with a hyphen; at most [`SLUG_MAX`] characters.
pub const SLUG: &str = "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$";

/// The longest slug.
pub const SLUG_MAX: u32 = 80;

/// A telephone number as printed: digits, spaces, hyphens, brackets and `+`, with a digit.
pub const PHONE: &str = "^[0-9 ()+-]*[0-9][0-9 ()+-]*$";

/// A telephone area code: one to five digits.
pub const DIAL_CODE: &str = "^[0-9]{1,5}$";

/// A time of day on the 24-hour clock, `HH:MM`.
pub const TIME: &str = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

/// A day of the week in `hours.yaml`.
pub const DAY: &str = "^(mon|tue|wed|thu|fri|sat|sun)$";

/// A date, `YYYY-MM-DD` (that the day exists in its month only stend checks).
pub const DATE: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// A translation: not empty and not only white space.
pub const NOT_BLANK: &str = "\\S";

// The pieces of [`WEBSITE`], as literals for `concat!` (macros are defined before their use).

/// White space and control characters (the separators of [`WEBSITE`]), as a class body.
macro_rules! space {
    () => {
        r"\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"
    };
}

/// One label of a host name.
macro_rules! label {
    () => {
        concat!("[^", space!(), r#"/@:,.<>"'\\?#]+"#)
    };
}

/// A host name: two labels or more.
macro_rules! host {
    () => {
        concat!(label!(), r"(\.", label!(), ")+")
    };
}

/// An optional path, query or fragment.
macro_rules! path {
    () => {
        concat!("([/?#][^", space!(), r#",<>"'\\]*)?"#)
    };
}

/// One address: a URL, an e-mail address, or a host with an optional path.
macro_rules! address {
    () => {
        concat!(
            "(https?://",
            host!(),
            "(:[0-9]{1,5})?",
            path!(),
            "|[^",
            space!(),
            r#"/@:,<>"'\\]+@"#,
            host!(),
            "|",
            host!(),
            path!(),
            ")"
        )
    };
}

/// A `website` value as the standard prints it: one or more addresses separated by commas or
/// spaces, each an `http://` or `https://` URL, a bare host name with an optional path
/// (`www.mvd.kz`), or an e-mail address (`dvd@mail.kz`). Nothing else, so that no other scheme
/// (`javascript:`, `data:`, …) and no protocol-relative `//host` can become a link.
///
/// Written for every regular-expression dialect JSON Schema validators use (ECMA-262, Python,
/// Rust): explicit character ranges rather than `\s` (whose meaning differs between them) or
/// Unicode property classes, so that host names in any script pass (`полиция.қаз`).
pub const WEBSITE: &str = concat!(
    "^[,",
    space!(),
    "]*",
    address!(),
    "([,",
    space!(),
    "]+",
    address!(),
    ")*[,",
    space!(),
    "]*$"
);

/// Whether `s` is a `website` value by the rule of [`WEBSITE`].
pub fn website(s: &str) -> bool {
    let mut addresses = s
        .split(|c: char| c == ',' || space(c))
        .filter(|a| !a.is_empty())
        .peekable();
    addresses.peek().is_some() && addresses.all(address)
}

/// The characters of `space!()`.
fn space(c: char) -> bool {
    matches!(c,
        '\0'..=' ' | '\u{7f}'..='\u{9f}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200b}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}')
}

/// One address of a `website` value.
fn address(a: &str) -> bool {
    let url = ["http://", "https://"].iter().any(|scheme| {
        a.strip_prefix(scheme).is_some_and(|rest| {
            let (host_port, path) = split_path(rest);
            let (host_part, port) = match host_port.split_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (host_port, None),
            };
            host(host_part)
                && port.is_none_or(|p| {
                    (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
                })
                && path.chars().all(path_char)
        })
    });
    let email = a.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && local.chars().all(local_char) && host(domain)
    });
    let bare = {
        let (h, path) = split_path(a);
        host(h) && path.chars().all(path_char)
    };
    url || email || bare
}

/// `(host, path)`: the path starts at the first `/`, `?` or `#`.
fn split_path(s: &str) -> (&str, &str) {
    match s.find(['/', '?', '#']) {
        Some(i) => s.split_at(i),
        None => (s, ""),
    }
}

/// Two or more dot-separated labels.
fn host(h: &str) -> bool {
    let mut labels = h.split('.');
    let n = h.split('.').count();
    n >= 2 && labels.all(|l| !l.is_empty() && l.chars().all(label_char))
}

fn label_char(c: char) -> bool {
    !space(c) && !"/@:,.<>\"'\\?#".contains(c)
}

fn local_char(c: char) -> bool {
    !space(c) && !"/@:,<>\"'\\".contains(c)
}

fn path_char(c: char) -> bool {
    !space(c) && !",<>\"'\\".contains(c)
}

#[cfg(test)]
mod tests {
    use super::website;

    #[test]
    fn websites_as_the_standard_prints_them() {
        for ok in [
            "www.mvd.kz",
            "www.dvdzko.kz, www.Sokolur@mail.ru",
            "www.mdvd.kz www.ubd_mang@mail.kz",
            "https://www.gov.kz/memleket/entities/qriim?lang=ru",
            "http://police.kz:8080/",
            "полиция.қаз",
            "dvd@mail.kz",
        ] {
            assert!(website(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//evil.example/",
            "HTTP://X.KZ",
            "http://",
            "https://x",
            "localhost",
            "н/ж",
            "",
            " , ",
            "www.x.kz, javascript:alert(1)",
            "www.x.kz/\"onmouseover=alert(1)",
            "a@b@c.kz",
            "www..kz",
        ] {
            assert!(!website(bad), "{bad}");
        }
    }
}
