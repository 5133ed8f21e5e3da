//! The engine's input: posters and forms as plain owned values, independent of how the site is
//! planned or rendered. The caller fills them from the standard's data; the engine invents no
//! text of its own (every string on the sheet comes from these values).

/// A sheet of paper, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Paper {
    /// 210 × 297 mm.
    A4,
    /// 297 × 420 mm.
    A3,
    /// 148 × 210 mm.
    A5,
    /// 297 × 210 mm.
    A4Landscape,
    /// Any other size, such as the 75 × 55 mm complaint receipt.
    Mm { width: f32, height: f32 },
}

impl Paper {
    /// Width and height in millimetres.
    pub fn mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
            Paper::A5 => (148.0, 210.0),
            Paper::A4Landscape => (297.0, 210.0),
            Paper::Mm { width, height } => (width, height),
        }
    }

    /// Width and height in PDF points (1/72 in).
    pub fn pt(self) -> (f32, f32) {
        let (w, h) = self.mm();
        (w * super::MM, h * super::MM)
    }
}

/// A stand poster: one language's column, or two side by side for the bilingual sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct PosterDoc {
    pub paper: Paper,
    /// The document title (PDF metadata and the tag tree's title).
    pub title: String,
    /// One column, or two for the bilingual poster; each carries its own language. The
    /// document's language is the first column's.
    pub columns: Vec<Poster>,
    /// What the QR code encodes: the office page's absolute address.
    pub qr_url: String,
    /// The address printed beside the code (e.g. without `https://`), never broken.
    pub short_url: String,
}

/// One language's poster text.
#[derive(Debug, Clone, PartialEq)]
pub struct Poster {
    /// BCP 47 language tag, e.g. `kk`, `ru`.
    pub lang: String,
    /// Small line above the heading (e.g. «Мемлекеттік қызмет»); may be empty.
    pub kicker: String,
    /// The main heading: the service's name.
    pub heading: String,
    /// The issuing ministry or committee, printed under the heading.
    pub ministry: String,
    /// The legal status, printed prominently when set (repealed, not yet in force).
    pub status: Option<String>,
    pub office: OfficeBlock,
    pub sections: Vec<Section>,
    /// The text beside the QR code (e.g. "scan for the office's page").
    pub scan_text: String,
    /// The date line (e.g. "as of 01.01.2026").
    pub as_of: String,
}

/// The office the poster is for, framed near the top.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficeBlock {
    pub name: String,
    pub address: String,
    pub phones: Vec<PhoneLine>,
}

/// A labelled list of telephone numbers, each printed unbroken.
#[derive(Debug, Clone, PartialEq)]
pub struct PhoneLine {
    pub label: String,
    pub numbers: Vec<String>,
}

/// A headed section of the poster.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
    /// Whether the section spans the whole width; consecutive narrow sections share a row.
    pub wide: bool,
}

/// What a section holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(String),
    /// A key figure in large bold type, such as the fee.
    Figure(String),
    List {
        numbered: bool,
        items: Vec<ListItem>,
    },
}

/// A list item: an optional bold lead followed by plain text.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    pub lead: String,
    pub rest: String,
}

/// A printable form: one copy, or two on one sheet (e.g. Kazakh and Russian).
#[derive(Debug, Clone, PartialEq)]
pub struct FormDoc {
    pub paper: Paper,
    /// The document title (PDF metadata).
    pub title: String,
    /// One form, or two sharing the sheet as `split` says. The document's language is the
    /// first form's.
    pub forms: Vec<Form>,
    pub split: Split,
}

/// How two forms share a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// Left and right halves, with a vertical cut line.
    SideBySide,
    /// Top and bottom halves, with a horizontal cut line.
    Stacked,
}

/// One form in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// BCP 47 language tag.
    pub lang: String,
    /// The office's name and address pre-printed in a frame, for an office's own copy.
    pub header: Option<String>,
    pub parts: Vec<Part>,
}

/// The building blocks of a form, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Text {
        text: String,
        align: Align,
        emphasis: Emphasis,
    },
    /// A line to fill in, with a small caption under it.
    Field { caption: String },
    /// Lines to fill in, optionally numbered 1., 2., …
    Lines { count: u32, numbered: bool },
    /// A ruled table: a header row, then `rows`, each giving its cells' text from the left
    /// (cells not given are empty, to be filled in; an empty row is a blank row).
    Table {
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A box to tick before each item.
    Checkboxes { items: Vec<String> },
    /// Blanks side by side with a caption under each (e.g. position / signature / name).
    Signature { captions: Vec<String> },
    /// A dashed line across the form, to cut along.
    CutLine,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    Normal,
    Bold,
    /// Large bold type, for the form's title.
    Title,
    /// Smaller type, for notes such as the appendix line.
    Small,
}
