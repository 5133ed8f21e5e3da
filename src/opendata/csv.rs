//! CSV cells of `offices.csv`: RFC 4180 quoting, and the defence against formula injection that
//! OWASP recommends ("CSV Injection").
//!
//! A spreadsheet program opening a CSV file may read a cell that starts with `=`, `+`, `-` or
//! `@` as a formula (LibreOffice does with `=`, Excel with all four; some skip leading white
//! space, a tab or a carriage return first), so a data value like `=HYPERLINK("http://…","x")`
//! would become a live link or worse. Such a cell gets a single quote `'` in front: Excel then
//! shows the text without it, LibreOffice shows it with it, and neither evaluates it.
//!
//! The one exception is a value that cannot call anything: made only of the characters of a
//! telephone number as printed (digits, spaces, `-`, `(`, `)`, `+`), such as
//! `+7 (7172) 71-51-31` or a lone `-`. Those stay as they are, faithful for the programs this
//! file is for (LibreOffice reads them as text; at worst a spreadsheet would do arithmetic with
//! digits, never call a function); people get `offices.xlsx`, where every cell is text.

/// One CSV field: neutralised, then quoted when it needs it.
pub fn cell(value: &str) -> String {
    let value = if needs_quote_mark(value) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// Whether a spreadsheet could read `value` as a formula that calls something: it starts with
/// one of OWASP's characters, or with one of `=` `+` `-` `@` after white space (which some
/// programs skip).
fn needs_quote_mark(value: &str) -> bool {
    let first = value.chars().next();
    let after_space = value
        .trim_start_matches([' ', '\t', '\r', '\n'])
        .chars()
        .next();
    let starts = matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r'))
        || matches!(after_space, Some('=' | '+' | '-' | '@'));
    starts && !phone_shaped(value)
}

/// Only what a telephone number as printed is made of.
fn phone_shaped(value: &str) -> bool {
    value
        .chars()
        .all(|c| c.is_ascii_digit() || " -()+".contains(c))
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn quotes_per_rfc_4180() {
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\",\"x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\""
        );
        assert_eq!(cell("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(cell("-2+3+cmd"), "'-2+3+cmd");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\t=1"), "'\t=1");
        assert_eq!(cell("\r=1"), "\"'\r=1\"");
        assert_eq!(cell(" =1+1"), "' =1+1");
        assert_eq!(cell("\t"), "'\t");
    }

    #[test]
    fn legitimate_values_are_unchanged() {
        for v in [
            "+7 (7172) 71-51-31",
            "-",
            "8 (7172) 71-51-31",
            "92-4-18",
            "г. Астана ул. Жансугурова 2",
            "www.mvd.kz",
            "dvd@mail.kz",
            "",
        ] {
            assert_eq!(cell(v), v);
        }
    }
}
