//! PDF posters and forms, typeset by stend itself (no browser): the engine owns its input
//! types ([`doc`]), the fonts ([`Fonts`], parsed once per build and shared across threads),
//! line breaking, layout that adapts to the sheet, and writing one-page, tagged PDF/UA-1 files
//! with [krilla](https://docs.rs/krilla) (font embedding and subsetting, tagging, validation).
//!
//! Why krilla and not typst: typst as a library brings a whole typesetting language (about 370
//! crates against krilla's 67) and costs milliseconds per document; posters and forms are a
//! handful of fixed designs, so stend lays them out itself and krilla writes the file, well
//! under a millisecond per sheet. The numbers are in docs/performance.md.
//!
//! Guarantees, each tested: the exact paper size and one page; every font embedded (subset);
//! text extractable in reading order with words whole (lines break only at spaces and after a
//! hyphen between letters); the document language set, and each half of a bilingual sheet
//! tagged with its own; QR codes as vector paths; the same input gives the same bytes (no
//! timestamps; the document ID derives from the title).

pub mod doc;
mod draw;
mod fonts;
mod form;
mod layout;
mod poster;
mod qr;
mod text;

pub use doc::*;
pub use fonts::Fonts;
pub use form::{MAX_BODY as FORM_MAX_BODY, MIN_BODY as FORM_MIN_BODY};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// What identifies the engine: a hash of the running program's file, so that a PDF made by
/// another build of stend is never taken for one this build would make. `None` when the
/// program cannot be read; then no PDF is reused.
pub fn engine_id() -> Option<u64> {
    static ID: std::sync::OnceLock<Option<u64>> = std::sync::OnceLock::new();
    *ID.get_or_init(|| {
        let exe = std::env::current_exe().ok()?;
        let bytes = std::fs::read(exe).ok()?;
        Some(crate::util::hash::of(bytes.as_slice()))
    })
}

/// Why a PDF could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// The content does not fit its sheet at the minimum type sizes; `what` is the document's
    /// title.
    DoesNotFit { what: String, why: String },
    /// A character the fonts have no glyph for.
    MissingGlyph { what: String, ch: char },
    /// A font could not be read.
    Font(String),
    /// The PDF writer (or its PDF/UA-1 validator) refused the document.
    Pdf(String),
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::DoesNotFit { what, why } => write!(f, "{what}: {why}"),
            PdfError::MissingGlyph { what, ch } => write!(
                f,
                "{what}: the font has no glyph for {ch:?} (U+{:04X})",
                u32::from(*ch)
            ),
            PdfError::Font(why) => write!(f, "font: {why}"),
            PdfError::Pdf(why) => write!(f, "PDF: {why}"),
        }
    }
}

impl std::error::Error for PdfError {}

/// The poster as a one-page PDF.
pub fn poster(doc: &PosterDoc, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    check_glyphs(fonts, &doc.title, poster_texts(doc))?;
    let laid = poster::lay_out(fonts, doc)?;
    let (width, height) = doc.paper.pt();
    draw::write(
        &draw::Sheet {
            width,
            height,
            title: &doc.title,
            lang: doc.columns.first().map_or("", |c| c.lang.as_str()),
            root: laid.root,
        },
        fonts,
    )
}

/// Whether the poster fits its sheet at the minimum sizes (the error says why not), and the
/// body size it would be set in.
pub fn poster_fits(doc: &PosterDoc, fonts: &Fonts) -> Result<f32, PdfError> {
    check_glyphs(fonts, &doc.title, poster_texts(doc))?;
    poster::lay_out(fonts, doc).map(|l| l.body)
}

/// The form (one, or two on one sheet) as a one-page PDF.
pub fn form(doc: &FormDoc, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    check_glyphs(fonts, &doc.title, form_texts(doc))?;
    let (root, _) = form::lay_out(fonts, doc)?;
    let (width, height) = doc.paper.pt();
    draw::write(
        &draw::Sheet {
            width,
            height,
            title: &doc.title,
            lang: doc.forms.first().map_or("", |f| f.lang.as_str()),
            root,
        },
        fonts,
    )
}

/// Whether the form fits its sheet at [`FORM_MIN_BODY`] (the error says why not), and the
/// body size it would be set in.
pub fn fits(doc: &FormDoc, fonts: &Fonts) -> Result<f32, PdfError> {
    check_glyphs(fonts, &doc.title, form_texts(doc))?;
    form::lay_out(fonts, doc).map(|(_, b)| b)
}

fn check_glyphs<'a>(
    fonts: &Fonts,
    what: &str,
    texts: impl Iterator<Item = &'a str>,
) -> Result<(), PdfError> {
    for t in texts {
        if let Some(ch) = fonts::first_missing(fonts, t) {
            return Err(PdfError::MissingGlyph {
                what: what.to_string(),
                ch,
            });
        }
    }
    Ok(())
}

fn poster_texts(doc: &PosterDoc) -> impl Iterator<Item = &str> {
    let columns = doc.columns.iter().flat_map(|p| {
        let head = [&p.kicker, &p.heading, &p.ministry, &p.scan_text, &p.as_of]
            .into_iter()
            .chain(&p.status)
            .chain([&p.office.name, &p.office.address]);
        let phones = p
            .office
            .phones
            .iter()
            .flat_map(|l| std::iter::once(&l.label).chain(&l.numbers));
        let sections = p.sections.iter().flat_map(|s| {
            std::iter::once(&s.heading).chain(s.blocks.iter().flat_map(|b| -> Vec<&String> {
                match b {
                    Block::Paragraph(t) | Block::Figure(t) => vec![t],
                    Block::List { items, .. } => {
                        items.iter().flat_map(|i| [&i.lead, &i.rest]).collect()
                    }
                }
            }))
        });
        head.chain(phones).chain(sections)
    });
    columns.chain([&doc.short_url]).map(String::as_str)
}

fn form_texts(doc: &FormDoc) -> impl Iterator<Item = &str> {
    doc.forms
        .iter()
        .flat_map(|f| {
            f.header
                .iter()
                .chain(f.parts.iter().flat_map(|p| -> Vec<&String> {
                    match p {
                        Part::Text { text, .. } => vec![text],
                        Part::Field { caption } => vec![caption],
                        Part::Table { columns, rows } => {
                            columns.iter().chain(rows.iter().flatten()).collect()
                        }
                        Part::Checkboxes { items } => items.iter().collect(),
                        Part::Signature { captions } => captions.iter().collect(),
                        Part::Lines { .. } | Part::CutLine => Vec::new(),
                    }
                }))
        })
        .map(String::as_str)
}

/// The theme's fonts, loaded once for the unit tests.
#[cfg(test)]
pub(crate) fn test_fonts() -> &'static Fonts {
    static F: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/fonts");
        let read = |n: &str| std::fs::read(dir.join(n)).expect("theme font");
        Fonts::load(&read("NotoSans-Regular.ttf"), &read("NotoSans-Bold.ttf")).expect("fonts")
    })
}
