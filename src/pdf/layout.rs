//! Building blocks shared by posters and forms: wrapped text as marks, stacking boxes with
//! gaps, and the search for the largest type size at which a sheet's content fits.

use super::doc::Align;
use super::draw::{Mark, Node, Role};
use super::fonts::Fonts;
use super::text::{Run, count_lines, wrap};

/// A laid-out box: its node (positioned from its own top-left corner) and its height.
#[derive(Debug, Clone)]
pub(crate) struct Laid {
    pub node: Node,
    pub height: f32,
}

/// Text metrics for one document: the fonts and the line height (a multiple of the size).
#[derive(Clone, Copy)]
pub(crate) struct Type<'a> {
    pub fonts: &'a Fonts,
    pub line: f32,
    /// Measure only: text is broken into lines and counted, but no marks are made (the
    /// type-size search tries a sheet many times and keeps only the last).
    pub dry: bool,
}

impl<'a> Type<'a> {
    /// The distance from a line box's top to its baseline, at `size`, with the font's own
    /// ascender and descender centred in the line box (as CSS does).
    fn baseline(&self, size: f32) -> f32 {
        let face = self.fonts.face(false);
        let content = face.ascent + face.descent;
        size * ((self.line - content) / 2.0 + face.ascent)
    }

    /// Text wrapped to `width` as marks from (0, 0); `None` if a word is wider than `width`.
    pub fn text(
        &self,
        runs: &[Run],
        size: f32,
        width: f32,
        align: Align,
    ) -> Option<(Vec<Mark>, f32)> {
        let step = size * self.line;
        if self.dry {
            let n = count_lines(self.fonts, runs, size, width)?;
            return Some((Vec::new(), n as f32 * step));
        }
        let lines = wrap(self.fonts, runs, size, width)?;
        let mut marks = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let dx = match align {
                Align::Left => 0.0,
                Align::Center => (width - l.width) / 2.0,
                Align::Right => width - l.width,
            };
            let y = i as f32 * step + self.baseline(size);
            for s in &l.segs {
                marks.push(Mark::Text {
                    x: dx + s.x,
                    y,
                    size,
                    bold: s.bold,
                    text: s.text.clone(),
                });
            }
        }
        Some((marks, lines.len() as f32 * step))
    }

    /// A paragraph-like element (`role`) of wrapped text.
    pub fn block(
        &self,
        role: Role,
        runs: &[Run],
        size: f32,
        width: f32,
        align: Align,
    ) -> Option<Laid> {
        let (marks, height) = self.text(runs, size, width, align)?;
        Some(Laid {
            node: Node::with_marks(role, marks),
            height,
        })
    }
}

/// Stacks boxes top to bottom with `gap` between them, into one node of `role`.
pub(crate) fn stack(role: Role, boxes: Vec<Laid>, gap: f32) -> Laid {
    let mut node = Node::new(role);
    let mut y = 0.0;
    let n = boxes.len();
    for (i, mut b) in boxes.into_iter().enumerate() {
        b.node.shift(0.0, y);
        y += b.height;
        if i + 1 < n {
            y += gap;
        }
        node.children.push(b.node);
    }
    Laid { node, height: y }
}

/// Boxes side by side: each at its x offset, the row as tall as the tallest.
pub(crate) fn row(role: Role, boxes: Vec<(f32, Laid)>) -> Laid {
    let mut node = Node::new(role);
    let mut height: f32 = 0.0;
    for (x, mut b) in boxes {
        b.node.shift(x, 0.0);
        height = height.max(b.height);
        node.children.push(b.node);
    }
    Laid { node, height }
}

/// A horizontal rule of `width` points thickness from x = 0 to `length`, at `y`.
pub(crate) fn rule(y: f32, length: f32, width: f32, dash: bool) -> Mark {
    Mark::Rule {
        x1: 0.0,
        y1: y,
        x2: length,
        y2: y,
        width,
        dash,
    }
}

/// The largest value in `[lo, hi]` for which `fits` holds (assumed to hold for every smaller
/// value once it holds for one), to a tenth of a point; `None` if not even `lo` fits. `lo` is
/// tried first, so a layout that cannot fit costs one attempt.
pub(crate) fn largest<T>(
    lo: f32,
    hi: f32,
    mut fits: impl FnMut(f32) -> Option<T>,
) -> Option<(f32, T)> {
    let mut best = (lo, fits(lo)?);
    if let Some(t) = fits(hi) {
        return Some((hi, t));
    }
    let (mut a, mut b) = (lo, hi);
    while b - a > 0.1 {
        let mid = (a + b) / 2.0;
        match fits(mid) {
            Some(t) => {
                best = (mid, t);
                a = mid;
            }
            None => b = mid,
        }
    }
    Some(best)
}

#[cfg(test)]
mod tests {
    #[test]
    fn largest_finds_the_boundary() {
        let r = super::largest(6.0, 12.0, |s| (s <= 9.3).then_some(s));
        let (s, _) = r.expect("fits at 6");
        assert!((9.2..=9.3).contains(&s), "{s}");
        assert!(super::largest(6.0, 12.0, |s| (s < 5.0).then_some(())).is_none());
        assert_eq!(super::largest(6.0, 12.0, Some).map(|x| x.0), Some(12.0));
    }
}
