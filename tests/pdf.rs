//! The PDF engine (src/pdf) on real data: posters and receipts of the shipped standard's
//! offices, checked with poppler's tools as a reader's software sees them — page count and
//! size (`pdfinfo`), embedded fonts (`pdffonts`), extracted text (`pdftotext`), the QR code
//! decoded from a rendered image (`pdftoppm`) — plus tagging, languages, determinism and the
//! forms that do not fit. The poppler tools are required: without them the tests fail with
//! a message saying what to install.

mod common;
mod pdf_fixture;

use common::*;
use pdf_fixture::*;
use std::path::Path;
use std::process::Command;
use stend::pdf::{self, Paper, PdfError};

const POINTS_PER_MM: f64 = 72.0 / 25.4;

/// Runs a poppler tool with `args`; panics with how to install it when it is missing.
fn poppler(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "{tool} is needed for the PDF tests ({e}): install poppler-utils (apt-get install poppler-utils)"
        )
    });
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

/// Writes `bytes` into a fresh temporary directory; returns the directory and the file. For
/// looking at the sheets, `STEND_PDF_OUT=DIR` also keeps a copy of each in DIR.
fn save_as(bytes: &[u8], title: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    if let Ok(out) = std::env::var("STEND_PDF_OUT") {
        let slug: String = title
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .take(60)
            .collect();
        std::fs::write(Path::new(&out).join(format!("{slug}.pdf")), bytes).expect("keep a copy");
    }
    save(bytes, "sheet.pdf")
}

/// Writes `bytes` into a fresh temporary directory; returns the directory and the file.
fn save(bytes: &[u8], name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).expect("write pdf");
    (dir, file)
}

/// `pdfinfo`: (pages, width, height) in points, and whether the file says it is tagged.
fn info(file: &Path) -> (u32, f64, f64, bool) {
    let out = poppler("pdfinfo", &[file.as_os_str()]);
    let field = |k: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(k))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo has no {k}:\n{out}"))
            .to_string()
    };
    let pages = field("Pages:").parse().expect("page count");
    let size = field("Page size:");
    let mut it = size.split_whitespace();
    let w: f64 = it.next().and_then(|x| x.parse().ok()).expect("width");
    let h: f64 = it.nth(1).and_then(|x| x.parse().ok()).expect("height");
    (pages, w, h, field("Tagged:") == "yes")
}

fn assert_paper(file: &Path, paper: Paper) {
    let (pages, w, h, tagged) = info(file);
    let (mw, mh) = paper.mm();
    assert_eq!(pages, 1, "{}: one page", file.display());
    assert!(
        (w - f64::from(mw) * POINTS_PER_MM).abs() < 0.5
            && (h - f64::from(mh) * POINTS_PER_MM).abs() < 0.5,
        "{}: {w} × {h} pt, expected {mw} × {mh} mm",
        file.display()
    );
    assert!(tagged, "{}: tagged", file.display());
}

/// Every font `pdffonts` lists is embedded (and there is at least one).
fn assert_fonts_embedded(file: &Path) {
    let out = poppler("pdffonts", &[file.as_os_str()]);
    let rows: Vec<&str> = out
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts:\n{out}");
    for r in rows {
        // Columns: name type encoding emb sub uni object ID.
        let cols: Vec<&str> = r.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {r}");
    }
}

/// The text as `pdftotext` extracts it, whitespace collapsed.
fn text(file: &Path) -> String {
    let s = poppler(
        "pdftotext",
        &[os("-enc"), os("UTF-8"), file.as_os_str(), os("-")],
    );
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Renders the page at 150 dpi with `pdftoppm` and decodes the QR code found on it.
fn decode_qr(file: &Path) -> String {
    let stem = file.with_extension("");
    poppler(
        "pdftoppm",
        &[
            os("-r"),
            os("150"),
            os("-png"),
            os("-singlefile"),
            file.as_os_str(),
            stem.as_os_str(),
        ],
    );
    let png_path = file.with_extension("png");
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png_path).expect("png"),
    ));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("png size")];
    let frame = reader.next_frame(&mut buf).expect("png frame");
    let (w, h) = (frame.width as usize, frame.height as usize);
    let channels = frame.color_type.samples();
    let luma = |x: usize, y: usize| -> u8 {
        let i = (y * w + x) * channels;
        if channels >= 3 {
            ((u32::from(buf[i]) + u32::from(buf[i + 1]) + u32::from(buf[i + 2])) / 3) as u8
        } else {
            buf[i]
        }
    };
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, luma);
    let grids = img.detect_grids();
    assert!(!grids.is_empty(), "no QR code found on {}", file.display());
    grids[0].decode().expect("QR decodes").1
}

/// Whether the PDF declares `lang` as a language (of the document or of a part).
fn declares_lang(bytes: &[u8], lang: &str) -> bool {
    [format!("/Lang({lang})"), format!("/Lang ({lang})")]
        .iter()
        .any(|n| bytes.windows(n.len()).any(|w| w == n.as_bytes()))
}

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
        for row in site()
            .data
            .quality
            .groups
            .iter()
            .flat_map(|g| &g.indicators)
        {
            assert!(
                extracted.contains(row.name.get(lang)),
                "{lang}: indicator {:?}",
                row.name.get(lang)
            );
        }
        // Header cells wrap inside their columns, and pdftotext reads a ruled table line by
        // line across the columns: every word of every header is there, each one whole.
        let words: Vec<&str> = extracted.split(' ').collect();
        for c in &site().data.quality.columns {
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
