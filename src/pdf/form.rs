//! Form layout: the parts top to bottom in the largest body size (between [`MIN_BODY`] and
//! [`MAX_BODY`]) at which the whole form fits its sheet; two forms on a sheet share one size.
//! A form that does not fit even at the minimum is an error naming the form.

use super::MM;
use super::doc::{Align, Emphasis, Form, FormDoc, Part, Split};
use super::draw::{Mark, Node, Role};
use super::fonts::Fonts;
use super::layout::{Laid, Type, largest, row, rule, stack};
use super::text::Run;

/// The smallest body size a form is set in: below it the small receipts stop being legible.
pub const MIN_BODY: f32 = 6.0;
/// The largest: forms are filled in by hand, not read from afar.
pub const MAX_BODY: f32 = 11.0;
/// Captions under blanks, relative to the body size.
const CAPTION: f32 = 0.78;
const LINE: f32 = 1.2;

/// A form's place on the sheet: `(x, y, width, height)` in points.
type Slot = (f32, f32, f32, f32);

/// Where each form goes on the sheet, and the cut line between two forms.
fn slots(doc: &FormDoc) -> (Vec<Slot>, Option<Mark>) {
    let (w, h) = doc.paper.pt();
    let margin = (0.055 * w.min(h)).clamp(3.0 * MM, 15.0 * MM);
    let (iw, ih) = (w - 2.0 * margin, h - 2.0 * margin);
    if doc.forms.len() < 2 {
        return (vec![(margin, margin, iw, ih)], None);
    }
    let gutter = 2.0 * margin;
    match doc.split {
        Split::SideBySide => {
            let fw = (iw - gutter) / 2.0;
            let cut = Mark::Rule {
                x1: w / 2.0,
                y1: margin,
                x2: w / 2.0,
                y2: h - margin,
                width: 0.75,
                dash: true,
            };
            (
                vec![
                    (margin, margin, fw, ih),
                    (margin + fw + gutter, margin, fw, ih),
                ],
                Some(cut),
            )
        }
        Split::Stacked => {
            let fh = (ih - gutter) / 2.0;
            let cut = Mark::Rule {
                x1: margin,
                y1: h / 2.0,
                x2: w - margin,
                y2: h / 2.0,
                width: 0.75,
                dash: true,
            };
            (
                vec![
                    (margin, margin, iw, fh),
                    (margin, margin + fh + gutter, iw, fh),
                ],
                Some(cut),
            )
        }
    }
}

/// Lays `doc` out: the sheet's nodes and the body size, or why it does not fit.
pub(crate) fn lay_out(fonts: &Fonts, doc: &FormDoc) -> Result<(Vec<Node>, f32), super::PdfError> {
    let t = Type {
        fonts,
        line: LINE,
        dry: false,
    };
    let (slots, cut) = slots(doc);
    let attempt = |b: f32| -> Option<Vec<Node>> {
        let mut root = Vec::new();
        for (form, &(x, y, w, h)) in doc.forms.iter().zip(&slots) {
            let mut laid = one(&t, form, b, w)?;
            if laid.height > h {
                return None;
            }
            laid.node.shift(x, y);
            if doc.forms.len() > 1 {
                laid.node.role = Role::Section(Some(form.lang.clone()));
            }
            root.push(laid.node);
        }
        if let Some(c) = &cut {
            root.push(Node::with_marks(Role::Artifact, vec![c.clone()]));
        }
        Some(root)
    };
    largest(MIN_BODY, MAX_BODY, attempt)
        .map(|(b, root)| (root, b))
        .ok_or_else(|| {
            let (w, h) = doc.paper.mm();
            super::PdfError::DoesNotFit {
                what: doc.title.clone(),
                why: format!(
                    "its parts do not fit a {w:.0} × {h:.0} mm sheet even at {MIN_BODY} pt"
                ),
            }
        })
}

/// One form at body size `b` in width `w`.
fn one(t: &Type, form: &Form, b: f32, w: f32) -> Option<Laid> {
    let mut parts = Vec::new();
    if let Some(h) = &form.header {
        parts.push(header(t, h, b, w)?);
    }
    for p in &form.parts {
        parts.push(part(t, p, b, w)?);
    }
    Some(stack(Role::Div, parts, b * 0.45))
}

/// The pre-printed office, bold in a thin frame.
fn header(t: &Type, text: &str, b: f32, w: f32) -> Option<Laid> {
    let pad = b * 0.4;
    let mut inner = t.block(Role::P, &[Run::bold(text)], b, w - 2.0 * pad, Align::Left)?;
    inner.node.shift(pad, pad);
    let h = inner.height + 2.0 * pad;
    let mut node = Node::new(Role::Div);
    node.children = vec![
        Node::with_marks(
            Role::Artifact,
            vec![Mark::Frame {
                x: 0.0,
                y: 0.0,
                w,
                h,
                width: 0.75,
            }],
        ),
        inner.node,
    ];
    Some(Laid { node, height: h })
}

fn part(t: &Type, p: &Part, b: f32, w: f32) -> Option<Laid> {
    match p {
        Part::Text {
            text,
            align,
            emphasis,
        } => {
            let (size, bold) = match emphasis {
                Emphasis::Normal => (b, false),
                Emphasis::Bold => (b, true),
                Emphasis::Title => (b * 1.4, true),
                Emphasis::Small => (b * 0.85, false),
            };
            let run = if bold {
                Run::bold(text)
            } else {
                Run::plain(text)
            };
            let role = if *emphasis == Emphasis::Title {
                Role::Heading(1)
            } else {
                Role::P
            };
            t.block(role, &[run], size, w, *align)
        }
        Part::Field { caption } => blank(t, caption, b, w),
        Part::Lines { count, numbered } => Some(lines(t, *count, *numbered, b, w)),
        Part::Table { columns, rows } => table(t, columns, rows, b, w),
        Part::Checkboxes { items } => checkboxes(t, items, b, w),
        Part::Signature { captions } => signature(t, captions, b, w),
        Part::CutLine => Some(Laid {
            node: Node::with_marks(Role::Artifact, vec![rule(b * 0.5, w, 0.75, true)]),
            height: b,
        }),
    }
}

/// A blank to write on (a rule) with its caption centred under it.
fn blank(t: &Type, caption: &str, b: f32, w: f32) -> Option<Laid> {
    let line_y = b * 1.6;
    let mut cap = t.block(
        Role::P,
        &[Run::plain(caption)],
        b * CAPTION,
        w,
        Align::Center,
    )?;
    cap.node.shift(0.0, line_y + b * 0.1);
    let mut node = Node::new(Role::Div);
    node.children = vec![
        Node::with_marks(Role::Artifact, vec![rule(line_y, w, 0.6, false)]),
        cap.node,
    ];
    Some(Laid {
        node,
        height: line_y + b * 0.1 + cap.height,
    })
}

/// `count` ruled lines, numbered 1., 2., … at the left when `numbered`.
fn lines(t: &Type, count: u32, numbered: bool, b: f32, w: f32) -> Laid {
    let step = b * 1.9;
    let indent = if numbered { b * 2.0 } else { 0.0 };
    let mut rules = Vec::new();
    let mut list = Node::new(Role::List(true));
    for i in 0..count {
        let y = (i + 1) as f32 * step;
        rules.push(Mark::Rule {
            x1: indent,
            y1: y,
            x2: w,
            y2: y,
            width: 0.6,
            dash: false,
        });
        if numbered {
            let label = format!("{}.", i + 1);
            if let Some((mut marks, _)) = t.text(&[Run::plain(&label)], b, indent, Align::Left) {
                for m in &mut marks {
                    if let Mark::Text { y: my, .. } = m {
                        *my += y - step * 0.35;
                    }
                }
                let mut li = Node::new(Role::ListItem);
                li.children = vec![Node::with_marks(Role::Label, marks)];
                list.children.push(li);
            }
        }
    }
    let mut node = Node::new(Role::Div);
    node.children = vec![Node::with_marks(Role::Artifact, rules), list];
    Laid {
        node,
        height: count as f32 * step + b * 0.3,
    }
}

/// A ruled table: a header row in bold, then the rows; a row's given cells are printed, the
/// rest left blank. Blank rows are at least two lines tall.
fn table(t: &Type, columns: &[String], rows: &[Vec<String>], b: f32, w: f32) -> Option<Laid> {
    let n = columns.len().max(1);
    let named_rows = rows.iter().any(|r| !r.is_empty());
    let widths: Vec<f32> = if named_rows && n > 1 {
        let first = w * 0.46;
        std::iter::once(first)
            .chain(std::iter::repeat_n((w - first) / (n - 1) as f32, n - 1))
            .collect()
    } else {
        vec![w / n as f32; n]
    };
    let pad = b * 0.3;
    let size = b * 0.9;
    let mut table = Node::new(Role::Table);
    let mut grid = Vec::new();
    let mut y = 0.0;
    let header: Vec<(String, bool)> = columns.iter().map(|c| (c.clone(), true)).collect();
    let all = std::iter::once((header, Role::HeaderCell)).chain(rows.iter().map(|r| {
        let cells = (0..n)
            .map(|i| (r.get(i).cloned().unwrap_or_default(), false))
            .collect();
        (cells, Role::Cell)
    }));
    for (cells, role) in all {
        let mut tr = Node::new(Role::Row);
        let mut x = 0.0;
        let mut height = b * 2.0;
        let mut laid = Vec::new();
        for ((text, bold), cw) in cells.iter().zip(&widths) {
            let run = if *bold {
                Run::bold(text)
            } else {
                Run::plain(text)
            };
            let (mut marks, h) = t.text(&[run], size, cw - 2.0 * pad, Align::Left)?;
            height = height.max(h + 2.0 * pad);
            for m in &mut marks {
                if let Mark::Text { x: mx, y: my, .. } = m {
                    *mx += x + pad;
                    *my += y + pad;
                }
            }
            laid.push((x, *cw, marks));
            x += cw;
        }
        for (cx, cw, marks) in laid {
            grid.push(Mark::Frame {
                x: cx,
                y,
                w: cw,
                h: height,
                width: 0.6,
            });
            if !marks.is_empty() {
                tr.children.push(Node::with_marks(role.clone(), marks));
            }
        }
        if !tr.children.is_empty() {
            table.children.push(tr);
        }
        y += height;
    }
    let mut node = Node::new(Role::Div);
    node.children = vec![Node::with_marks(Role::Artifact, grid), table];
    Some(Laid { node, height: y })
}

/// Items each with a square to tick at the left.
fn checkboxes(t: &Type, items: &[String], b: f32, w: f32) -> Option<Laid> {
    let indent = b * 1.6;
    let mut laid = Vec::new();
    for text in items {
        let mut body = t.block(
            Role::ListBody,
            &[Run::plain(text)],
            b,
            w - indent,
            Align::Left,
        )?;
        body.node.shift(indent, 0.0);
        let side = b * 0.8;
        let tick = Node::with_marks(
            Role::Artifact,
            vec![Mark::Frame {
                x: 0.0,
                y: (b * LINE - side) / 2.0,
                w: side,
                h: side,
                width: 0.75,
            }],
        );
        let mut li = Node::new(Role::ListItem);
        li.children = vec![tick, body.node];
        laid.push(Laid {
            node: li,
            height: body.height,
        });
    }
    let mut s = stack(Role::List(false), laid, b * 0.3);
    s.node.role = Role::List(false);
    Some(s)
}

/// Blanks side by side, each with its caption under it.
fn signature(t: &Type, captions: &[String], b: f32, w: f32) -> Option<Laid> {
    let n = captions.len().max(1) as f32;
    let gap = b;
    let cw = (w - (n - 1.0) * gap) / n;
    let cells: Vec<(f32, Laid)> = captions
        .iter()
        .enumerate()
        .map(|(i, c)| Some((i as f32 * (cw + gap), blank(t, c, b, cw)?)))
        .collect::<Option<_>>()?;
    Some(row(Role::Div, cells))
}
