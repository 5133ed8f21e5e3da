//! Posters and blank forms in the built site: one set per office, in both languages and
//! bilingual, carrying the same facts as the site. (Whether each prints on one sheet is measured
//! in a real browser: tests/browser/print.test.mjs.)

use crate::common;

use common::*;
use scraper::Html;

const LANGS: [&str; 2] = ["kk", "ru"];

/// The printables every office has, relative to its page.
const PRINTABLES: [&str; 7] = [
    "poster/",
    "poster/a3/",
    "poster/bilingual/",
    "forms/document-receipt/",
    "forms/document-receipt/bilingual/",
    "forms/complaint-receipt/",
    "forms/complaint-receipt/bilingual/",
];

/// Office pages (departments' seats and units) of one language: `kk/offices/<d>/[<u>/]`.
fn office_dirs(lang: &str) -> Vec<String> {
    shipped()
        .files
        .keys()
        .filter_map(|k| {
            let rest = k.strip_prefix(&format!("{lang}/offices/"))?;
            let dir = rest.strip_suffix("index.html")?;
            let parts: Vec<&str> = dir.trim_end_matches('/').split('/').collect();
            let is_office = match parts.as_slice() {
                [d] => !d.is_empty(),
                [_, u] => *u != "poster" && *u != "forms",
                _ => false,
            };
            is_office.then(|| format!("{lang}/offices/{dir}"))
        })
        .collect()
}

fn page(path: &str) -> Html {
    html(&shipped().files, &format!("{path}index.html"))
}

fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

#[test]
fn every_office_has_its_posters_and_forms_in_both_languages() {
    for lang in LANGS {
        let offices = office_dirs(lang);
        assert!(offices.len() > 200, "{} offices in {lang}", offices.len());
        for o in &offices {
            for p in PRINTABLES {
                let file = format!("{o}{p}index.html");
                assert!(shipped().files.contains_key(&file), "{file} missing");
            }
            // The office page links to each of its printables.
            let doc = page(o);
            let hrefs: Vec<&str> = doc
                .select(&sel("main a[href]"))
                .filter_map(|a| a.value().attr("href"))
                .collect();
            for p in [
                "poster/",
                "forms/document-receipt/",
                "forms/complaint-receipt/",
            ] {
                let want = format!("/{o}{p}");
                assert!(hrefs.contains(&want.as_str()), "{o} does not link {want}");
            }
        }
    }
}

#[test]
fn a_poster_carries_the_offices_facts_and_the_services() {
    let o = "kk/offices/akmola/akkol-district/";
    let office = page(o);
    let poster = page(&format!("{o}poster/"));
    let sheet = poster
        .select(&sel("article.sheet.poster.poster-a4"))
        .next()
        .expect("an A4 poster sheet");
    let sheet_text: String = sheet.text().collect::<Vec<_>>().join(" ");

    // The office: name and address as on its page.
    let name = texts(&office, "main h1")[0].clone();
    assert_eq!(texts(&poster, ".p-office h3"), vec![name.clone()]);
    assert!(sheet_text.contains("Ақкөл қаласы, Октябрь көшесі, 2"));
    assert!(sheet_text.contains("2-10-02"), "the office's phone");

    // Every required document, in the order of the documents page.
    let docs_page = page("kk/documents/");
    let poster_docs = texts(&poster, ".p-docs li strong");
    assert_eq!(poster_docs.len(), 7, "{poster_docs:?}");
    let docs_text = text_of(&docs_page);
    for d in &poster_docs {
        assert!(
            docs_text.contains(d.as_str()),
            "{d} is not on the documents page"
        );
    }

    // The fee amount as the fee page computes it for the as-of date, the term, the hours.
    let fee_text = text_of(&page("kk/fee/"));
    let amount = texts(&poster, ".p-amount")[0].replace('\u{a0}', " ");
    assert_eq!(amount, "4 325 ₸");
    assert!(
        fee_text.contains("4 325 ₸"),
        "the fee page shows the same amount"
    );
    assert!(sheet_text.contains("30 күн"), "the term");
    assert!(sheet_text.contains("09:00–18:00"), "working hours");
    assert!(sheet_text.contains("13:00–14:30"), "lunch break");
    assert!(
        sheet_text.contains("01.01.2026"),
        "the date the poster reflects"
    );

    // Where to complain: the department above the office.
    assert!(texts(&poster, ".p-complain")[0].contains("Ақмола облысының Ішкі істер департаменті"));

    // A QR code drawn as SVG, labelled, and the address it opens printed beside it.
    let qr = poster
        .select(&sel(".p-qr svg[role=img][aria-label]"))
        .next()
        .expect("QR code");
    assert!(qr.select(&sel("path[d]")).next().is_some());
    // Printed short, without the scheme; the code itself carries the full address.
    assert_eq!(
        texts(&poster, ".p-url"),
        vec!["www.mvd.kz/kk/offices/akmola/akkol-district/"]
    );
    assert!(!sheet_text.contains("https://"));

    // The issuing committee and, the shipped standard being repealed, its legal status.
    assert_eq!(
        texts(&poster, ".poster-head .p-ministry"),
        vec!["Көші-қон полициясы комитеті"]
    );
    let status = texts(&poster, ".poster-head .p-status");
    assert_eq!(status.len(), 1, "{status:?}");
    assert!(status[0].starts_with("Күшін жойған."), "{status:?}");
    assert!(status[0].contains("04.02.2014 № 54"), "{status:?}");
    assert_eq!(
        decode_qr(&qr.html()),
        "https://www.mvd.kz/kk/offices/akmola/akkol-district/"
    );

    // The A3 sibling is the same poster on the larger page.
    let a3 = page(&format!("{o}poster/a3/"));
    assert!(a3.select(&sel("article.poster.poster-a3")).next().is_some());
    assert_eq!(texts(&a3, ".p-docs li strong"), poster_docs);
}

#[test]
fn bilingual_printables_mark_each_part_with_its_language() {
    let o = "ru/offices/akmola/akkol-district/";
    for p in [
        "poster/bilingual/",
        "forms/document-receipt/bilingual/",
        "forms/complaint-receipt/bilingual/",
    ] {
        let doc = page(&format!("{o}{p}"));
        let langs: Vec<&str> = doc
            .select(&sel("article.sheet [lang]"))
            .filter_map(|e| e.value().attr("lang"))
            .collect();
        assert!(
            langs.contains(&"kk") && langs.contains(&"ru"),
            "{p}: {langs:?}"
        );
        let kk = doc
            .select(&sel("article.sheet [lang=kk]"))
            .next()
            .expect("kk part");
        let kk_text: String = kk.text().collect();
        assert!(
            kk_text.contains("Ақкөл"),
            "{p}: the Kazakh part is in Kazakh"
        );
    }
}

#[test]
fn receipts_follow_the_appendices_and_preprint_the_office() {
    // Appendix 2: the document receipt, on A5.
    let generic = page("kk/forms/document-receipt/");
    assert!(
        generic
            .select(&sel("article.sheet.form-a5"))
            .next()
            .is_some()
    );
    assert!(
        generic.select(&sel(".prefilled")).next().is_none(),
        "the blank form has no office"
    );
    assert_eq!(generic.select(&sel("ol.lines > li")).count(), 9);
    let t = text_of(&generic);
    for want in [
        "ТАЛОН",
        "Қабылданған құжаттардың тізбесі",
        "(қолы)",
        "(Т.А.Ә.)",
    ] {
        assert!(t.contains(want), "Appendix 2 lacks {want}");
    }

    // Appendix 4: the complaint receipt, on its own 75 × 55 mm page.
    let complaint = page("ru/forms/complaint-receipt/");
    assert!(
        complaint
            .select(&sel("article.sheet.form-small"))
            .next()
            .is_some()
    );
    let css = std::str::from_utf8(
        shipped()
            .files
            .iter()
            .find(|(k, _)| k.as_str() == "assets/print.css")
            .map(|(_, v)| v)
            .expect("print stylesheet"),
    )
    .expect("utf-8")
    .to_string();
    assert!(css.contains(".form-small { page: receipt;"));
    assert!(css.contains("@page receipt { size: 75mm 55mm;"));

    // An office's copy prints its name and address in the header.
    let own = page("ru/offices/akmola/akkol-district/forms/complaint-receipt/");
    let pre = texts(&own, ".prefilled");
    assert_eq!(pre.len(), 1);
    assert!(pre[0].contains("Аккольского района"), "{pre:?}");
    assert!(pre[0].contains("ул. Октябрьская, 2"), "{pre:?}");
}

#[test]
fn the_complaint_receipts_page_says_why_it_names_another_service() {
    for (lang, want) in [
        (
            "kk",
            "«Қазақстан Республикасына жеке және қызметтік істер бойынша шақыруларды ресімдеу»",
        ),
        (
            "ru",
            "«Оформление приглашений в Республику Казахстан по частным и служебным делам»",
        ),
    ] {
        for p in [
            format!("{lang}/forms/complaint-receipt/"),
            format!("{lang}/offices/akmola/akkol-district/forms/complaint-receipt/bilingual/"),
        ] {
            let doc = page(&p);
            let notes = texts(&doc, "main .note.screen-only[role=note]");
            assert_eq!(notes.len(), 1, "{p}: {notes:?}");
            assert!(notes[0].contains(want), "{p}: {notes:?}");
            // On the page, not on paper: the note is outside the printed sheet.
            assert!(doc.select(&sel("article.sheet .note")).next().is_none());
        }
    }
    // The bilingual sheet keeps the source's heading in both languages.
    let doc = page("kk/forms/complaint-receipt/bilingual/");
    let heads = texts(&doc, "article.sheet .appendix");
    assert_eq!(heads.len(), 2, "{heads:?}");
    assert!(heads[1].contains("Оформление приглашений"), "{heads:?}");
}

#[test]
fn long_office_headers_get_the_compact_type_only_where_needed() {
    let long = page("kk/offices/south-kazakhstan/shymkent-city/forms/complaint-receipt/");
    assert!(long.select(&sel(".prefilled.compact")).next().is_some());
    let long = page("ru/offices/south-kazakhstan/shymkent-city/forms/document-receipt/");
    assert!(long.select(&sel(".prefilled.compact")).next().is_some());
    let short = page("kk/offices/akmola/akkol-district/forms/complaint-receipt/");
    assert!(short.select(&sel(".prefilled")).next().is_some());
    assert!(short.select(&sel(".prefilled.compact")).next().is_none());
    // The posters of those offices get the tighter layout (lists in columns), not smaller type.
    for v in ["poster/", "poster/a3/", "poster/bilingual/"] {
        let long = page(&format!("ru/offices/south-kazakhstan/shymkent-city/{v}"));
        assert!(
            long.select(&sel("article.poster.poster-compact"))
                .next()
                .is_some(),
            "{v}"
        );
        let short = page(&format!("ru/offices/akmola/akkol-district/{v}"));
        assert!(
            short
                .select(&sel("article.poster-compact"))
                .next()
                .is_none(),
            "{v}"
        );
    }
}

#[test]
fn printables_have_a_hint_and_a_print_button_that_needs_no_inline_script() {
    for p in [
        "kk/offices/akmola/akkol-district/poster/",
        "ru/forms/document-receipt/",
        "ru/forms/quality-indicators/",
    ] {
        let doc = page(p);
        let hint = doc
            .select(&sel(".print-hint.screen-only"))
            .next()
            .unwrap_or_else(|| panic!("{p}: no print hint"));
        let button = hint
            .select(&sel("button[data-print][hidden]"))
            .next()
            .unwrap_or_else(|| panic!("{p}: no hidden Print button"));
        assert!(!button.text().collect::<String>().trim().is_empty());
        // The button is revealed and wired by a script file, never inline.
        let scripts: Vec<_> = doc.select(&sel("script")).collect();
        assert!(
            scripts
                .iter()
                .any(|s| s.value().attr("src").is_some_and(|s| s.contains("print"))),
            "{p}: print.js is not loaded"
        );
        assert!(
            scripts.iter().all(|s| s.value().attr("src").is_some()
                || s.value().attr("type") == Some("application/ld+json")),
            "{p}: inline script"
        );
    }
}

/// Reads a QR code drawn by stend (`<svg viewBox="0 0 N N">` with one path of unit-wide
/// horizontal strokes: `M x y.5 h w`, then `m gap 0 h w` for the further runs of a row) the way a
/// phone would: rasterised, then decoded by an independent decoder (rqrr). The path is read as
/// SVG path data (absolute and relative moves, horizontal lines), not by the shape stend writes;
/// tests/browser/print.test.mjs also decodes the code as Chromium draws it.
fn decode_qr(svg: &str) -> String {
    let size: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|v| v.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("viewBox");
    assert!(
        svg.contains(" stroke=\"#000\""),
        "a stroked path: {}",
        &svg[..svg.len().min(400)]
    );
    let d = svg
        .split(" d=\"")
        .nth(1)
        .and_then(|d| d.split('"').next())
        .expect("path");
    let mut dark = vec![false; size * size];
    let (mut x, mut y) = (0.0f64, 0.0f64);
    let mut rest = d;
    while let Some(cmd) = rest.chars().next() {
        let args_end = rest[1..]
            .find(|c: char| c.is_ascii_alphabetic())
            .map_or(rest.len(), |i| i + 1);
        let args: Vec<f64> = rest[1..args_end]
            .split([' ', ','])
            .filter(|a| !a.is_empty())
            .map(|a| a.parse().expect("number"))
            .collect();
        match cmd {
            'M' => (x, y) = (args[0], args[1]),
            'm' => (x, y) = (x + args[0], y + args[1]),
            'h' => {
                // A unit-wide stroke along y covers the row [y - 0.5, y + 0.5).
                let row = (y - 0.5).round() as usize;
                for i in x as usize..(x + args[0]) as usize {
                    dark[row * size + i] = true;
                }
                x += args[0];
            }
            other => panic!("unexpected path command {other:?} in {d}"),
        }
        rest = &rest[args_end..];
    }
    const SCALE: usize = 4;
    let px = size * SCALE;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| {
        if dark[(y / SCALE) * size + x / SCALE] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("the QR code decodes").1
}

#[test]
fn every_poster_qr_code_opens_its_office_page() {
    for lang in LANGS {
        let dirs = office_dirs(lang);
        assert!(dirs.len() > 200, "{lang}: {} offices", dirs.len());
        for o in dirs {
            let poster = page(&format!("{o}poster/"));
            let qr = poster
                .select(&sel(".p-qr svg[role=img]"))
                .next()
                .unwrap_or_else(|| panic!("{o}: no QR code"));
            let url = format!("https://www.mvd.kz/{o}");
            assert_eq!(decode_qr(&qr.html()), url, "{o}");
            assert!(
                text_of(&poster).contains(&url),
                "{o}: the address is not printed"
            );
        }
    }
}
