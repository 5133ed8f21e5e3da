//! The PDF engine (src/pdf) on real data: posters and receipts of the shipped standard's
//! offices, checked with poppler's tools as a reader's software sees them — page count and
//! size (`pdfinfo`), embedded fonts (`pdffonts`), extracted text (`pdftotext`), the QR code
//! decoded from a rendered image (`pdftoppm`) — plus tagging, languages, determinism and the
//! forms that do not fit. The poppler tools are required: without them the tests fail with
//! a message saying what to install.

use crate::common;
use crate::pdf_fixture;
use crate::pdf_tools;

use common::*;
use pdf_fixture::*;
use pdf_tools::*;
use stend::pdf::{self, Paper, PdfError};

/// Checks one poster PDF as a reader's tools see it.
fn check_poster(
    doc: &pdf::PosterDoc,
    d: &stend::model::data::Office,
    u: Option<&stend::model::data::Office>,
) {
    let bytes = pdf::poster(doc, fonts()).unwrap_or_else(|e| panic!("{}: {e}", doc.title));
    let again = pdf::poster(doc, fonts()).expect("second run");
    assert!(bytes == again, "{}: two runs differ", doc.title);
    let (_dir, file) = save_as(&bytes, &format!("{} {:?}", doc.title, doc.paper));
    assert_paper(&file, doc.paper);
    assert_fonts_embedded(&file);
    let extracted = text(&file);
    for column in &doc.columns {
        let lang = column.lang.as_str();
        let (name, address, phones) = office_strings(d, u, lang);
        for want in [
            name.as_str(),
            address.as_str(),
            column.ministry.as_str(),
            column.heading.as_str(),
        ] {
            assert!(
                extracted.contains(want),
                "{} ({lang}): {want:?} not in the text:\n{extracted}",
                doc.title
            );
        }
        for p in &phones {
            assert!(
                extracted.contains(p.as_str()),
                "{}: phone {p} not in the text",
                doc.title
            );
        }
        let status = column
            .status
            .as_deref()
            .expect("the shipped standard is repealed");
        assert!(
            extracted.contains(status),
            "{}: the legal status is printed",
            doc.title
        );
        assert!(
            declares_lang(&bytes, lang),
            "{}: no /Lang ({lang})",
            doc.title
        );
    }
    assert!(
        extracted.contains(&doc.short_url),
        "{}: the short address, unbroken",
        doc.title
    );
    assert_eq!(decode_qr(&file), doc.qr_url, "{}: the QR code", doc.title);
}

#[test]
fn posters_of_the_heaviest_and_a_light_office_on_every_sheet() {
    for (dept, unit) in [
        ("south-kazakhstan", Some("shymkent-city")),
        ("akmola", Some("akkol-district")),
    ] {
        let (d, u) = office(dept, unit);
        for (paper, bilingual, lang) in [
            (Paper::A4, false, "kk"),
            (Paper::A4, false, "ru"),
            (Paper::A3, false, "kk"),
            (Paper::A3, true, "ru"),
        ] {
            check_poster(&poster_doc(d, u, lang, paper, bilingual), d, u);
        }
    }
}

#[test]
fn poster_type_is_at_least_the_sheets_minimum() {
    let (d, u) = office("south-kazakhstan", Some("shymkent-city"));
    for (paper, bilingual, min) in [
        (Paper::A4, false, 12.0),
        (Paper::A3, false, 16.0),
        (Paper::A3, true, 10.0),
    ] {
        for lang in ["kk", "ru"] {
            let doc = poster_doc(d, u, lang, paper, bilingual);
            let body = pdf::poster_fits(&doc, fonts()).unwrap_or_else(|e| panic!("{e}"));
            assert!(body >= min, "{}: body {body} pt < {min} pt", doc.title);
        }
    }
}

#[test]
fn receipts_fit_their_sheets_blank_and_for_the_heaviest_office() {
    let (d, u) = office("south-kazakhstan", Some("shymkent-city"));
    let receipt = Paper::Mm {
        width: 75.0,
        height: 55.0,
    };
    for lang in ["kk", "ru"] {
        let header = Some(header_of(d, u, lang));
        for doc in [
            single(receipt, "complaint receipt", complaint_receipt(lang, None)),
            single(
                receipt,
                "complaint receipt (office)",
                complaint_receipt(lang, header.clone()),
            ),
            single(Paper::A5, "document receipt", document_receipt(lang, None)),
            single(
                Paper::A5,
                "document receipt (office)",
                document_receipt(lang, header.clone()),
            ),
        ] {
            check_form(
                &doc,
                header
                    .as_deref()
                    .filter(|_| doc.title.ends_with("(office)")),
            );
        }
    }
    let pair = |paper, split, f: fn(&str, Option<String>) -> pdf::Form| pdf::FormDoc {
        paper,
        title: "bilingual receipt".into(),
        forms: vec![
            f("kk", Some(header_of(d, u, "kk"))),
            f("ru", Some(header_of(d, u, "ru"))),
        ],
        split,
    };
    for doc in [
        pair(
            Paper::Mm {
                width: 75.0,
                height: 110.0,
            },
            pdf::Split::Stacked,
            complaint_receipt,
        ),
        pair(Paper::A4Landscape, pdf::Split::SideBySide, document_receipt),
    ] {
        let bytes = check_form(&doc, Some(&header_of(d, u, "kk")));
        assert!(
            declares_lang(&bytes, "ru"),
            "the Russian half has its language"
        );
    }
}

/// Checks one form PDF; returns its bytes.
fn check_form(doc: &pdf::FormDoc, header: Option<&str>) -> Vec<u8> {
    let body = pdf::fits(doc, fonts()).unwrap_or_else(|e| panic!("{e}"));
    assert!(body >= pdf::FORM_MIN_BODY, "{}: {body} pt", doc.title);
    let bytes = pdf::form(doc, fonts()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        bytes == pdf::form(doc, fonts()).expect("again"),
        "{}: two runs differ",
        doc.title
    );
    let (_dir, file) = save_as(
        &bytes,
        &format!("{} {} {:?}", doc.title, doc.forms[0].lang, doc.paper),
    );
    assert_paper(&file, doc.paper);
    assert_fonts_embedded(&file);
    let extracted = text(&file);
    if let Some(h) = header {
        assert!(
            extracted.contains(h),
            "{}: the office header {h:?} in:\n{extracted}",
            doc.title
        );
    }
    for f in &doc.forms {
        assert!(
            declares_lang(&bytes, &f.lang),
            "{}: /Lang ({})",
            doc.title,
            f.lang
        );
        for p in &f.parts {
            if let pdf::Part::Text { text: t, .. } | pdf::Part::Field { caption: t } = p {
                assert!(
                    extracted.contains(t.as_str()),
                    "{}: {t:?} not in:\n{extracted}",
                    doc.title
                );
            }
        }
    }
    bytes
}

#[test]
fn a_form_with_a_table_the_quality_indicators() {
    for lang in ["kk", "ru"] {
        let doc = single(Paper::A4, "quality indicators", quality_form(lang));
        let bytes = check_form(&doc, None);
        let (_dir, file) = save(&bytes, "quality.pdf");
        let extracted = text(&file);
        let quality = site()
            .data
            .quality
            .as_ref()
            .expect("the shipped quality table");
        for row in quality.groups.iter().flat_map(|g| &g.indicators) {
            assert!(
                extracted.contains(row.name.get(lang)),
                "{lang}: indicator {:?}",
                row.name.get(lang)
            );
        }
        // Header cells wrap inside their columns, and pdftotext reads a ruled table line by
        // line across the columns: every word of every header is there, each one whole.
        let words: Vec<&str> = extracted.split(' ').collect();
        for c in &quality.columns {
            for w in c.get(lang).split(' ') {
                assert!(
                    words.contains(&w),
                    "{lang}: header word {w:?} of {:?}",
                    c.get(lang)
                );
            }
        }
    }
}

#[test]
fn a_form_with_checkboxes_and_every_other_part() {
    // A made-up form (not from the standard) with one part of each kind.
    let form = pdf::Form {
        lang: "ru".into(),
        header: Some("Тестовое подразделение (фикстура)".into()),
        parts: vec![
            pdf::Part::Text {
                text: "Тестовая форма, не из стандарта".into(),
                align: pdf::Align::Center,
                emphasis: pdf::Emphasis::Title,
            },
            pdf::Part::Checkboxes {
                items: vec![
                    "Первый пункт".into(),
                    "Второй пункт".into(),
                    "Третий пункт".into(),
                ],
            },
            pdf::Part::Field {
                caption: "(подпись)".into(),
            },
            pdf::Part::Lines {
                count: 3,
                numbered: true,
            },
            pdf::Part::Table {
                columns: vec!["Столбец А".into(), "Столбец Б".into()],
                rows: vec![vec![]; 3],
            },
            pdf::Part::CutLine,
            pdf::Part::Signature {
                captions: vec!["(должность)".into(), "(Ф.И.О.)".into()],
            },
        ],
    };
    let doc = single(Paper::A5, "Тестовая форма (фикстура)", form);
    let bytes = check_form(&doc, Some("Тестовое подразделение (фикстура)"));
    let (_dir, file) = save(&bytes, "checkboxes.pdf");
    let extracted = text(&file);
    for want in [
        "Первый пункт",
        "Третий пункт",
        "Столбец А",
        "(должность)",
        "1.",
        "3.",
    ] {
        assert!(extracted.contains(want), "{want:?} not in {extracted}");
    }
}

#[test]
fn a_form_that_cannot_fit_is_an_error_naming_it() {
    let mut form = complaint_receipt("kk", None);
    form.parts.push(pdf::Part::Lines {
        count: 40,
        numbered: true,
    });
    let doc = single(
        Paper::Mm {
            width: 75.0,
            height: 55.0,
        },
        "overfull receipt (fixture)",
        form,
    );
    for err in [
        pdf::fits(&doc, fonts()).unwrap_err(),
        pdf::form(&doc, fonts()).unwrap_err(),
    ] {
        match &err {
            PdfError::DoesNotFit { what, .. } => assert_eq!(what, "overfull receipt (fixture)"),
            other => panic!("expected DoesNotFit, got {other:?}"),
        }
        let msg = err.to_string();
        assert!(msg.contains("75 × 55 mm") && msg.contains("6 pt"), "{msg}");
    }
    // A word wider than the sheet cannot be set without breaking it: an error too.
    let long = "Көрсеткіштің".repeat(8);
    let doc = single(
        Paper::Mm {
            width: 75.0,
            height: 55.0,
        },
        "unbreakable word (fixture)",
        pdf::Form {
            lang: "kk".into(),
            header: None,
            parts: vec![pdf::Part::Text {
                text: long,
                align: pdf::Align::Left,
                emphasis: pdf::Emphasis::Normal,
            }],
        },
    );
    assert!(matches!(
        pdf::fits(&doc, fonts()),
        Err(PdfError::DoesNotFit { .. })
    ));
}

#[test]
fn a_character_the_font_lacks_is_an_error() {
    let form = pdf::Form {
        lang: "kk".into(),
        header: None,
        parts: vec![pdf::Part::Text {
            text: "漢".into(),
            align: pdf::Align::Left,
            emphasis: pdf::Emphasis::Normal,
        }],
    };
    let doc = single(Paper::A5, "missing glyph (fixture)", form);
    assert_eq!(
        pdf::form(&doc, fonts()).unwrap_err(),
        PdfError::MissingGlyph {
            what: "missing glyph (fixture)".into(),
            ch: '漢'
        }
    );
}

#[test]
fn the_shipped_font_has_every_kazakh_and_russian_letter() {
    let letters = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯаәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя№«»–—₸";
    for c in letters.chars() {
        assert!(fonts().covers(c), "{c:?} missing");
    }
}

// ---- The PDFs of a real build ----

/// The Akmola department's edition of the shipped project, built twice (one department keeps
/// the debug-profile test quick; the whole site's PDFs are the same code): the output
/// directories and their files.
struct Builds {
    _dirs: [tempfile::TempDir; 2],
    out: std::path::PathBuf,
    files: [std::collections::BTreeMap<String, Vec<u8>>; 2],
}

fn builds() -> &'static Builds {
    static B: std::sync::OnceLock<Builds> = std::sync::OnceLock::new();
    B.get_or_init(|| {
        let one = || {
            let dir = tempfile::tempdir().expect("tempdir");
            let out = dir.path().join("public");
            let which = stend::Editions::Department("akmola".into());
            stend::build(&root(), &out, &env_at(EPOCH_2026), &which)
                .unwrap_or_else(|e| panic!("build failed:\n{e}"));
            let files = read_tree(&out);
            (dir, out, files)
        };
        let (a, out, fa) = one();
        let (b, _, fb) = one();
        Builds {
            _dirs: [a, b],
            out,
            files: [fa, fb],
        }
    })
}

/// Printable pages: posters and forms (not the list of forms).
fn is_printable(path: &str) -> bool {
    path.ends_with("/index.html")
        && (path.contains("/poster/") || path.contains("/forms/"))
        && !path.ends_with("/forms/index.html")
}

#[test]
fn every_printable_page_of_a_build_links_its_pdf_with_its_size() {
    let files = &builds().files[0];
    let pages: Vec<&String> = files.keys().filter(|p| is_printable(p)).collect();
    assert!(pages.len() > 50, "{} printable pages", pages.len());
    let mut linked = std::collections::BTreeSet::new();
    let mut shared = 0;
    for path in pages {
        let doc = html(files, path);
        let links: Vec<_> = doc.select(&sel("a.pdf-link")).collect();
        assert_eq!(links.len(), 1, "{path}: one PDF link");
        let href = links[0].value().attr("href").expect("href");
        let file = stend::routes::output_file(href);
        let bytes = files
            .get(&file)
            .unwrap_or_else(|| panic!("{path} links {href}, which the build did not write"));
        assert!(bytes.starts_with(b"%PDF-"), "{file} is a PDF");
        let label: String = links[0].text().collect();
        let kb = bytes.len().div_ceil(1024);
        // «КБ» in Kazakh and Russian, «KB» in the Latin edition.
        assert!(
            (label.contains(&format!(", {kb} КБ")) || label.contains(&format!(", {kb} KB")))
                && label.contains("PDF"),
            "{path}: {label:?} does not give the size ({kb} KB)"
        );
        // A bilingual sheet (Kazakh beside Russian) is one file beside the Kazakh page, which
        // the Russian page links; the Latin edition's (Latin Kazakh beside Russian) is its own.
        let folder = path.trim_end_matches("index.html");
        let home = match folder.strip_prefix("ru/") {
            Some(rest) if folder.contains("/bilingual/") => format!("kk/{rest}"),
            _ => folder.to_string(),
        };
        assert!(
            file.starts_with(&home),
            "{file} sits beside {home}, the page of {path} that holds it"
        );
        if home != folder {
            shared += 1;
            assert!(
                !files
                    .keys()
                    .any(|f| f.starts_with(folder) && f.ends_with(".pdf")),
                "{folder} has a PDF of its own besides {file}"
            );
        }
        linked.insert(file);
    }
    assert!(
        shared > 50,
        "{shared} Russian bilingual pages link the Kazakh PDF"
    );
    let pdfs: Vec<&String> = files.keys().filter(|p| p.ends_with(".pdf")).collect();
    assert_eq!(
        pdfs.len(),
        linked.len(),
        "every PDF is linked from its page"
    );
}

#[test]
fn a_builds_pdfs_read_right_and_two_builds_are_byte_identical() {
    let b = builds();
    let (d, u) = office("akmola", Some("akkol-district"));
    let base = |lang: &str| {
        stend::routes::output_file(&stend::routes::office(
            lang,
            &d.slug.value,
            u.map(|u| u.slug.value.as_str()),
        ))
        .trim_end_matches("index.html")
        .to_string()
    };
    let sheets = [
        ("kk", "poster/poster.pdf", Paper::A4, true),
        ("ru", "poster/a3/poster.pdf", Paper::A3, true),
        ("kk", "poster/bilingual/poster.pdf", Paper::A3, true),
        (
            "kk",
            "forms/complaint-receipt/complaint-receipt.pdf",
            pdf::Paper::Mm {
                width: 75.0,
                height: 55.0,
            },
            false,
        ),
        (
            "kk",
            "forms/document-receipt/bilingual/document-receipt.pdf",
            Paper::A4Landscape,
            false,
        ),
    ];
    for (lang, rel, paper, poster) in sheets {
        let path = format!("{}{rel}", base(lang));
        let file = b.out.join(&path);
        assert_paper(&file, paper);
        assert_fonts_embedded(&file);
        let extracted = text(&file);
        let (name, _, phones) = office_strings(d, u, lang);
        assert!(
            extracted.contains(&name),
            "{path}: {name:?} not in:\n{extracted}"
        );
        if poster {
            for p in &phones {
                assert!(extracted.contains(p.as_str()), "{path}: phone {p}");
            }
            // The department's edition links its own site (its `base_url`).
            let ed = stend::model::edition::department(site(), "akmola").expect("edition");
            let route =
                stend::routes::office(lang, &d.slug.value, u.map(|u| u.slug.value.as_str()));
            let want = stend::routes::absolute(
                ed.base_url.as_deref().unwrap_or(&ed.ministry_base_url),
                &route,
            );
            assert_eq!(decode_qr(&file), want, "{path}: the QR code");
        }
    }
    let pdfs = |i: usize| -> Vec<(&String, &Vec<u8>)> {
        b.files[i]
            .iter()
            .filter(|(k, _)| k.ends_with(".pdf"))
            .collect()
    };
    assert!(!pdfs(0).is_empty());
    assert!(pdfs(0) == pdfs(1), "two builds wrote different PDFs");
}
