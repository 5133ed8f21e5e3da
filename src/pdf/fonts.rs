//! The two faces the engine sets type in (regular and bold), parsed once per build and shared
//! across threads: character-to-glyph tables and advance widths for measuring, and krilla's font
//! handles for embedding (krilla subsets each PDF's glyphs itself).

use super::PdfError;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::collections::HashMap;
use std::sync::Arc;

/// Characters below this have a direct table entry (Latin, Cyrillic and Cyrillic Supplement,
/// which covers every letter of Kazakh and Russian); others go through a map.
const DIRECT: usize = 0x530;

/// Regular and bold faces, cheap to clone (an `Arc`), with a hash of their files.
#[derive(Clone)]
pub struct Fonts(Arc<[Face; 2]>, u64);

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fonts")
    }
}

impl Fonts {
    /// Parses the regular and bold TrueType/OpenType faces.
    pub fn load(regular: &[u8], bold: &[u8]) -> Result<Fonts, PdfError> {
        Ok(Fonts(
            Arc::new([Face::parse(regular, "regular")?, Face::parse(bold, "bold")?]),
            crate::util::hash::of(&(regular, bold)),
        ))
    }

    /// A hash of the two font files: part of every PDF's recipe.
    pub fn id(&self) -> u64 {
        self.1
    }

    pub(crate) fn face(&self, bold: bool) -> &Face {
        &self.0[usize::from(bold)]
    }

    /// Whether both faces have a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.0.iter().all(|f| f.glyph(c).is_some())
    }
}

/// One face: krilla's handle plus what measuring needs, in em units.
pub(crate) struct Face {
    pub font: krilla::text::Font,
    direct: Vec<Option<Glyph>>,
    other: HashMap<char, Glyph>,
    /// Ascender and descender (positive, below the baseline), in em.
    pub ascent: f32,
    pub descent: f32,
}

/// A glyph id and its advance in em.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Glyph {
    pub id: u16,
    pub advance: f32,
}

impl Face {
    fn parse(data: &[u8], which: &str) -> Result<Face, PdfError> {
        let bad = |why: &str| PdfError::Font(format!("the {which} font {why}"));
        let font_ref = FontRef::new(data).map_err(|_| bad("is not a TrueType/OpenType font"))?;
        let metrics = font_ref.metrics(Size::unscaled(), LocationRef::default());
        let upem = f32::from(metrics.units_per_em.max(1));
        let advances = font_ref.glyph_metrics(Size::unscaled(), LocationRef::default());
        let mut direct = vec![None; DIRECT];
        let mut other = HashMap::new();
        for (cp, gid) in font_ref.charmap().mappings() {
            let (Some(c), Ok(id)) = (char::from_u32(cp), u16::try_from(gid.to_u32())) else {
                continue;
            };
            let advance = advances.advance_width(gid).unwrap_or(0.0) / upem;
            let g = Glyph { id, advance };
            match direct.get_mut(c as usize) {
                Some(slot) => *slot = Some(g),
                None => {
                    other.insert(c, g);
                }
            }
        }
        let font = krilla::text::Font::new(data.to_vec().into(), 0)
            .ok_or_else(|| bad("cannot be embedded"))?;
        Ok(Face {
            font,
            direct,
            other,
            ascent: metrics.ascent / upem,
            descent: -metrics.descent / upem,
        })
    }

    /// The glyph for `c`; the no-break space borrows the space's.
    pub fn glyph(&self, c: char) -> Option<Glyph> {
        let c = if c == '\u{a0}' { ' ' } else { c };
        match self.direct.get(c as usize) {
            Some(g) => *g,
            None => self.other.get(&c).copied(),
        }
    }

    /// Width of `text` in em; characters without a glyph count as zero (the text is checked
    /// for coverage before layout).
    pub fn width(&self, text: &str) -> f32 {
        text.chars()
            .filter_map(|c| self.glyph(c))
            .map(|g| g.advance)
            .sum()
    }
}

/// The first character of `text` that `fonts` cannot set, if any.
pub(crate) fn first_missing(fonts: &Fonts, text: &str) -> Option<char> {
    text.chars()
        .find(|&c| !c.is_control() && c != '\u{ad}' && !fonts.covers(c))
}
