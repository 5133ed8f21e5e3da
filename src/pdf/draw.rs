//! What a laid-out sheet is made of, and how it is written as a tagged PDF with krilla.
//!
//! Layout produces a tree of [`Node`]s: each has a structure role (heading, paragraph, list
//! item, table cell, figure, …), the marks it draws and its children, in reading order. The
//! renderer walks the tree once, drawing each node's marks inside one marked-content sequence
//! and building the matching structure tree, so the tag tree, the content order and the text
//! that `pdftotext` extracts all follow the reading order. Rules and frames are layout
//! artifacts, outside the structure tree.

use super::fonts::Fonts;
use super::{PdfError, qr};
use krilla::configure::{Accessibility, ConfigurationBuilder, PdfVersion};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, ListNumbering, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::GlyphId;
use krilla::{Document, SerializeSettings};
use std::num::NonZeroU16;

/// A mark on the sheet, in points from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mark {
    /// Text on one baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: String,
    },
    /// A straight line; `dash` for cut lines.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        dash: bool,
    },
    /// A stroked rectangle (frames, tick boxes).
    Frame {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        width: f32,
    },
    /// A QR code: dark modules filled as one path, `module` points each.
    Qr {
        x: f32,
        y: f32,
        module: f32,
        code: qr::Modules,
    },
}

impl Mark {
    fn shift(&mut self, dx: f32, dy: f32) {
        match self {
            Mark::Text { x, y, .. } | Mark::Frame { x, y, .. } | Mark::Qr { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Mark::Rule { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 += dy;
                *y2 += dy;
            }
        }
    }
}

/// Structure roles (PDF/UA standard structure types).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Role {
    /// A grouping with an optional language (a bilingual sheet's halves).
    Section(Option<String>),
    Div,
    Heading(u16),
    P,
    List(bool),
    ListItem,
    Label,
    ListBody,
    Table,
    Row,
    HeaderCell,
    Cell,
    Figure(String),
    /// Decoration: drawn, not part of the structure.
    Artifact,
}

/// A laid-out element: its role, its marks, then its children.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub role: Role,
    pub marks: Vec<Mark>,
    pub children: Vec<Node>,
}

impl Node {
    pub fn new(role: Role) -> Node {
        Node {
            role,
            marks: Vec::new(),
            children: Vec::new(),
        }
    }

    pub fn with_marks(role: Role, marks: Vec<Mark>) -> Node {
        Node {
            role,
            marks,
            children: Vec::new(),
        }
    }

    pub fn shift(&mut self, dx: f32, dy: f32) {
        for m in &mut self.marks {
            m.shift(dx, dy);
        }
        for c in &mut self.children {
            c.shift(dx, dy);
        }
    }

    /// Every text mark's string, in reading order (tests compare it with the input).
    #[cfg(test)]
    pub fn texts(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        for c in &self.children {
            out.extend(c.texts());
        }
        out
    }
}

/// What the PDF is: its paper, title, language and laid-out content.
pub(crate) struct Sheet<'a> {
    pub width: f32,
    pub height: f32,
    pub title: &'a str,
    pub lang: &'a str,
    pub root: Vec<Node>,
}

/// Writes `sheet` as a one-page, tagged PDF/UA-1 document. krilla's PDF/UA-1 validator runs on
/// every document: a violation is an error, never a silently non-conforming file.
pub(crate) fn write(sheet: &Sheet, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .with_version(PdfVersion::Pdf17)
        .finish()
        .map_err(|e| PdfError::Pdf(format!("{e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let page_settings = PageSettings::from_wh(sheet.width, sheet.height)
        .ok_or_else(|| PdfError::Pdf("empty paper size".into()))?;
    let mut tree = TagTree::new().with_lang(Some(sheet.lang.to_string()));
    {
        let mut page = document.start_page_with(page_settings);
        let mut surface = page.surface();
        for node in &sheet.root {
            if let Some(group) = draw_node(&mut surface, fonts, node) {
                tree.push(group);
            }
        }
        surface.finish();
        page.finish();
    }
    document.set_tag_tree(tree);
    document.set_outline(outline(sheet));
    // No dates: the same input gives the same bytes. The document ID is derived from the
    // title, which names the office and the variant.
    document.set_metadata(
        Metadata::new()
            .title(sheet.title.to_string())
            .language(sheet.lang.to_string())
            .document_id(sheet.title.to_string())
            .creator("stend".to_string()),
    );
    document
        .finish()
        .map_err(|e| PdfError::Pdf(format!("{e:?}")))
}

/// The document outline (PDF/UA-1 asks for one): every heading, in reading order, pointing at
/// its place on the page; the title alone when there is no heading.
fn outline(sheet: &Sheet) -> Outline {
    let mut entries = Vec::new();
    for n in &sheet.root {
        headings(n, &mut entries);
    }
    if entries.is_empty() {
        entries.push((sheet.title.to_string(), 0.0, 0.0));
    }
    let mut outline = Outline::new();
    for (text, x, y) in entries {
        outline.push_child(OutlineNode::new(
            text,
            XyzDestination::new(0, Point::from_xy(x, y)),
        ));
    }
    outline
}

/// A heading's text: its lines joined with spaces.
fn heading_text(node: &Node) -> String {
    let mut text = String::new();
    for m in &node.marks {
        if let Mark::Text { text: t, .. } = m {
            if !text.is_empty() && !text.ends_with(' ') && !text.ends_with('-') {
                text.push(' ');
            }
            text.push_str(t.trim_end());
        }
    }
    text
}

fn headings(node: &Node, out: &mut Vec<(String, f32, f32)>) {
    if let Role::Heading(_) = node.role {
        let at = node.marks.iter().find_map(|m| match m {
            Mark::Text { x, y, size, .. } => Some((*x, (*y - size).max(0.0))),
            _ => None,
        });
        if let Some((x, y)) = at {
            out.push((heading_text(node), x, y));
        }
    }
    for c in &node.children {
        headings(c, out);
    }
}

/// Draws `node` and its children; returns its structure group (none for artifacts, or for an
/// element with nothing in it).
fn draw_node(surface: &mut Surface, fonts: &Fonts, node: &Node) -> Option<TagGroup> {
    if node.role == Role::Artifact {
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::Layout,
        )));
        for m in &node.marks {
            draw_mark(surface, fonts, m);
        }
        surface.end_tagged();
        return None;
    }
    let mut group = TagGroup::new(tag_of(node));
    if !node.marks.is_empty() {
        let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
        for m in &node.marks {
            draw_mark(surface, fonts, m);
        }
        surface.end_tagged();
        group.push(id);
    }
    for c in &node.children {
        if let Some(g) = draw_node(surface, fonts, c) {
            group.push(g);
        }
    }
    (!group.children.is_empty()).then_some(group)
}

fn tag_of(node: &Node) -> TagKind {
    match &node.role {
        Role::Section(lang) => Tag::Section.with_lang(lang.clone()).into(),
        Role::Div | Role::Artifact => Tag::Div.into(),
        // PDF/UA-1 wants each heading's text as its title.
        Role::Heading(level) => Tag::Hn(
            NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN),
            Some(heading_text(node)),
        )
        .into(),
        Role::P => Tag::P.into(),
        Role::List(numbered) => Tag::L(if *numbered {
            ListNumbering::Decimal
        } else {
            ListNumbering::Disc
        })
        .into(),
        Role::ListItem => Tag::LI.into(),
        Role::Label => Tag::Lbl.into(),
        Role::ListBody => Tag::LBody.into(),
        Role::Table => Tag::Table.into(),
        Role::Row => Tag::TR.into(),
        Role::HeaderCell => Tag::TH(krilla::tagging::TableHeaderScope::Column).into(),
        Role::Cell => Tag::TD.into(),
        Role::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
    }
}

/// A glyph as krilla wants it: id, advance in em, and the byte range of the text it shows (for
/// the ToUnicode map that makes the text extractable).
struct G {
    id: u16,
    advance: f32,
    range: std::ops::Range<usize>,
}

impl krilla::text::Glyph for G {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(u32::from(self.id))
    }
    fn text_range(&self) -> std::ops::Range<usize> {
        self.range.clone()
    }
    fn x_advance(&self, size: f32) -> f32 {
        self.advance * size
    }
    fn x_offset(&self, _: f32) -> f32 {
        0.0
    }
    fn y_offset(&self, _: f32) -> f32 {
        0.0
    }
    fn y_advance(&self, _: f32) -> f32 {
        0.0
    }
    fn location(&self) -> Option<krilla::surface::Location> {
        None
    }
}

fn draw_mark(surface: &mut Surface, fonts: &Fonts, mark: &Mark) {
    match mark {
        Mark::Text {
            x,
            y,
            size,
            bold,
            text,
        } => {
            let face = fonts.face(*bold);
            let glyphs: Vec<G> = text
                .char_indices()
                .filter_map(|(i, c)| {
                    face.glyph(c).map(|g| G {
                        id: g.id,
                        advance: g.advance,
                        range: i..i + c.len_utf8(),
                    })
                })
                .collect();
            surface.set_fill(Some(Fill::default()));
            surface.draw_glyphs(
                Point::from_xy(*x, *y),
                &glyphs,
                face.font.clone(),
                text,
                *size,
                false,
            );
        }
        Mark::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
            dash,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            stroke(surface, pb, *width, *dash);
        }
        Mark::Frame { x, y, w, h, width } => {
            let mut pb = PathBuilder::new();
            if let Some(r) = Rect::from_xywh(*x, *y, *w, *h) {
                pb.push_rect(r);
            }
            stroke(surface, pb, *width, false);
        }
        Mark::Qr { x, y, module, code } => {
            let mut pb = PathBuilder::new();
            for &(mx, my, run) in &code.runs {
                let r = Rect::from_xywh(
                    x + f32::from(mx) * module,
                    y + f32::from(my) * module,
                    f32::from(run) * module,
                    *module,
                );
                if let Some(r) = r {
                    pb.push_rect(r);
                }
            }
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill::default()));
                surface.draw_path(&path);
            }
        }
    }
}

fn stroke(surface: &mut Surface, pb: PathBuilder, width: f32, dash: bool) {
    let Some(path) = pb.finish() else {
        return;
    };
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        width,
        dash: dash.then(|| StrokeDash {
            array: vec![3.0 * width, 2.0 * width],
            offset: 0.0,
        }),
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}
