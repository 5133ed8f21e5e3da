//! Properties over generated inputs: slugs, HTML escaping, Markdown's link policy, fee arithmetic.

use proptest::prelude::*;
use stend::markdown::render;
use stend::present::{group_digits, percent_of, tenge};
use stend::routes::check_slug;
use stend::util::escape::html as escape_attr;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// How a browser reads a URL before looking at its scheme: leading C0 controls and spaces
/// dropped, tabs and line breaks removed anywhere, case folded.
fn as_browser_reads(url: &str) -> String {
    url.trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The `href` values of `html` as an HTML parser reads them (entities decoded).
fn hrefs(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_fragment(html);
    let sel = scraper::Selector::parse("[href]").unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr("href").map(str::to_string))
        .collect()
}

/// Decodes the character references stend's escaping writes.
fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find(';').filter(|e| *e < 12);
        let decoded = end.and_then(|e| {
            let ent = &after[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                    u32::from_str_radix(&ent[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            }?;
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Script schemes as a browser would still run them.
fn script_schemes() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("javascript:".to_string()),
        Just("JaVaScRiPt:".to_string()),
        Just("java\nscript:".to_string()),
        Just(" javascript:".to_string()),
        Just("jav&#x61;script:".to_string()),
        Just("jav&#97;script:".to_string()),
        Just("vbscript:".to_string()),
        Just("data:text/html,".to_string()),
        "[a-z]{0,6}:",
    ]
}

/// Script schemes disguised by characters a browser drops before reading the scheme: a tab
/// inside it, a control character before it. (`src/markdown.rs` lets these through; see
/// `markdown_drops_disguised_script_links`.)
fn disguised_script_schemes() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("java\tscript:".to_string()),
        Just("\u{1}javascript:".to_string()),
        Just("\u{1f}java\tscript:".to_string()),
    ]
}

/// Markdown built to tempt the link policy: script URLs in every syntax, split by line breaks,
/// entity-encoded, in raw HTML, mixed with ordinary text.
fn hostile_markdown() -> impl Strategy<Value = String> {
    markdown_with(script_schemes().boxed())
}

fn markdown_with(scheme: BoxedStrategy<String>) -> impl Strategy<Value = String> {
    let url = (scheme, "[a-z()0-9./#?=]{0,12}").prop_map(|(s, r)| format!("{s}{r}"));
    let piece = prop_oneof![
        url.clone().prop_map(|u| format!("[x]({u})")),
        url.clone().prop_map(|u| format!("[x](<{u}>)")),
        url.clone().prop_map(|u| format!("<{u}>")),
        url.clone().prop_map(|u| format!("[x][r]\n\n[r]: {u}\n")),
        url.clone().prop_map(|u| format!("![i]({u})")),
        url.prop_map(|u| format!("<a href=\"{u}\">x</a>")),
        Just("<script>alert(1)</script>".to_string()),
        Just("<SCRIPT src=//x></SCRIPT>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("`<script>`".to_string()),
        Just("\n\n".to_string()),
        "\\PC{0,12}",
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn well_formed_slugs_are_accepted(s in "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,8}") {
        prop_assume!(s.len() <= 80);
        prop_assert!(check_slug(&s).is_ok(), "{s:?} refused");
    }

    #[test]
    fn accepted_slugs_are_safe_path_segments(s in "\\PC{0,90}|[a-z0-9./ A-Z_-]{0,90}") {
        if check_slug(&s).is_ok() {
            prop_assert!(!s.is_empty() && s.len() <= 80, "{s:?}");
            prop_assert!(
                s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{s:?} accepted"
            );
            prop_assert!(!s.starts_with('-') && !s.ends_with('-'), "{s:?}");
        }
    }

    #[test]
    fn slugs_with_unsafe_characters_are_refused(
        a in "[a-z0-9-]{0,10}",
        bad in prop_oneof![Just('/'), Just('.'), Just(' '), Just('\\'), Just('\0'), any::<char>().prop_filter("non-ASCII", |c| !c.is_ascii())],
        b in "[a-z0-9-]{0,10}",
    ) {
        let s = format!("{a}{bad}{b}");
        prop_assert!(check_slug(&s).is_err(), "{s:?} accepted");
    }

    #[test]
    fn long_slugs_are_refused(s in "[a-z]{81,120}") {
        prop_assert!(check_slug(&s).is_err());
    }

    #[test]
    fn escaped_attributes_cannot_break_out(s in "\\PC*|[\"'<>&a ]*") {
        let e = escape_attr(&s);
        prop_assert!(!e.contains(['"', '<', '>', '\'']), "{e:?}");
        prop_assert_eq!(decode(&e.replace("&#39;", "'")), s);
    }

    #[test]
    fn markdown_never_yields_script(md in hostile_markdown()) {
        let html = render(&md).html;
        let lower = html.to_ascii_lowercase();
        prop_assert!(!lower.contains("<script"), "{md:?} gave {html}");
        prop_assert!(!lower.contains("<img"), "{md:?} gave {html}");
        for href in hrefs(&html) {
            let seen = as_browser_reads(&href);
            for scheme in ["javascript:", "vbscript:", "data:"] {
                prop_assert!(!seen.starts_with(scheme), "{md:?} gave href {href:?}");
            }
        }
    }

    #[test]
    fn markdown_drops_disguised_script_links(md in markdown_with(disguised_script_schemes().boxed())) {
        let html = render(&md).html;
        for href in hrefs(&html) {
            prop_assert!(!as_browser_reads(&href).starts_with("javascript:"), "{md:?} gave href {href:?}");
        }
    }

    #[test]
    fn arbitrary_text_renders_without_panicking(md in "\\PC{0,300}") {
        let html = render(&md).html;
        prop_assert!(!html.to_ascii_lowercase().contains("<script"));
    }

    #[test]
    fn a_hundred_per_cent_is_the_index(index in 0i64..=10_000_000) {
        prop_assert_eq!(percent_of(index, 100.0), index);
    }

    #[test]
    fn the_fee_grows_with_the_index(
        a in 0i64..=10_000_000,
        b in 0i64..=10_000_000,
        percent in 0.01f64..=1000.0,
    ) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(percent_of(lo, percent) <= percent_of(hi, percent));
    }

    #[test]
    fn tenge_round_trips_its_digits(n in any::<i64>()) {
        let shown = tenge(n);
        prop_assert!(shown.ends_with("\u{a0}₸"), "{shown:?}");
        let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
        prop_assert_eq!(digits, n.unsigned_abs().to_string());
        prop_assert_eq!(shown.starts_with('−'), n < 0);
        // Groups of three digits, separated by no-break spaces.
        let grouped = group_digits(n);
        let body = grouped.trim_start_matches('−');
        let groups: Vec<&str> = body.split('\u{a0}').collect();
        prop_assert!(groups[0].len() <= 3 && !groups[0].is_empty());
        prop_assert!(groups[1..].iter().all(|g| g.len() == 3), "{grouped:?}");
    }
}

#[test]
fn decode_handles_the_entities_stend_writes() {
    assert_eq!(decode("a&amp;b&lt;&#39;&#x41;&quot;"), "a&b<'A\"");
    assert_eq!(decode("&unknown; &"), "&unknown; &");
}
