//! Poster layout: one sheet, type as large as the content allows between the sheet's minimum
//! and maximum body sizes, the sheet filled top to bottom (the space left over is shared
//! between the rows, so no empty band opens up), the footer with the QR code at the bottom.
//!
//! Minimum body sizes: 12 pt on A4 and 16 pt on A3 for a one-language poster (other sheets in
//! proportion to their width), 10 pt for the bilingual one (two columns; the project sets it on
//! A3, since the Kazakh column of the heaviest offices needs more than half an A4 at 10 pt). When the content
//! does not fit at the minimum, the layout tightens in steps (long lists in two columns, then
//! closer lines and gaps); if even that does not fit, the poster is an error, never clipped and
//! never a second sheet.

use super::MM;
use super::doc::{Align, Block, ListItem, OfficeBlock, Paper, Poster, PosterDoc, Section};
use super::draw::{Mark, Node, Role};
use super::layout::{Laid, Type, largest, row, rule, stack};
use super::text::{Run, widest_piece};

/// The key figure (the fee), as a multiple of the body size.
const FIGURE: f32 = 2.1;

/// How tightly to set: each step fits more on the sheet. Sizes are multiples of the body size
/// (which never goes below the sheet's minimum).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Mode {
    /// Line height, as a multiple of the size.
    line: f32,
    /// Gap between rows and blocks, as a multiple of the body size.
    gap: f32,
    /// Whether wide sections set their lists in two columns.
    list_columns: bool,
    /// The main heading, section headings, the office's name, and the lines under the heading
    /// and in the office's frame (ministry, status, address, phones).
    h1: f32,
    h2: f32,
    name: f32,
    sub: f32,
    /// Margins and QR code as shares of the sheet's width.
    margin: f32,
    qr: f32,
}

const MODES: [Mode; 3] = [
    Mode {
        line: 1.22,
        gap: 0.7,
        list_columns: false,
        h1: 1.9,
        h2: 1.3,
        name: 1.4,
        sub: 1.1,
        margin: 0.048,
        qr: 0.14,
    },
    Mode {
        line: 1.18,
        gap: 0.5,
        list_columns: true,
        h1: 1.65,
        h2: 1.2,
        name: 1.25,
        sub: 1.05,
        margin: 0.043,
        qr: 0.125,
    },
    Mode {
        line: 1.12,
        gap: 0.3,
        list_columns: true,
        h1: 1.45,
        h2: 1.12,
        name: 1.15,
        sub: 1.0,
        margin: 0.036,
        qr: 0.11,
    },
];

/// The sheet's geometry and its type-size range.
pub(crate) struct Spec {
    pub width: f32,
    pub height: f32,
    pub min_body: f32,
    pub max_body: f32,
}

pub(crate) fn spec(doc: &PosterDoc) -> Spec {
    let (width, height) = doc.paper.pt();
    let ratio = match doc.paper {
        // 16 pt on A3 is the requirement; in proportion to A4's 12 pt it would be 17.
        Paper::A3 => 4.0 / 3.0,
        _ => width / (210.0 * MM),
    };
    // The bilingual poster: 10 pt whatever the sheet (its columns are half as wide, so it is
    // set on A3, where each column has an A4 page's area).
    let min_body = if doc.columns.len() > 1 {
        10.0
    } else {
        12.0 * ratio
    };
    Spec {
        width,
        height,
        min_body,
        max_body: min_body * 1.5,
    }
}

/// The laid-out poster: its structure (positioned on the sheet) and the body size chosen.
pub(crate) struct Laidout {
    pub root: Vec<Node>,
    pub body: f32,
    /// The tightening step that was needed; read by the tests only, for now.
    #[cfg_attr(not(test), allow(dead_code))]
    pub mode: Mode,
}

/// Lays `doc` out on its sheet, or says why it cannot.
pub(crate) fn lay_out(
    t: &super::fonts::Fonts,
    doc: &PosterDoc,
) -> Result<Laidout, super::PdfError> {
    let spec = spec(doc);
    // Encoded once: every trial layout of the search shares it.
    let code = super::qr::encode(&doc.qr_url)?;
    for mode in MODES {
        // The search measures heights only (no marks, no strings); the sheet is then composed
        // once, at the size found, with the same heights.
        let dry = Type {
            fonts: t,
            line: mode.line,
            dry: true,
        };
        if let Some((body, ())) = largest(spec.min_body, spec.max_body, |b| {
            compose(&dry, doc, &code, &spec, mode, b).map(|_| ())
        }) {
            let ty = Type { dry: false, ..dry };
            let root = compose(&ty, doc, &code, &spec, mode, body).ok_or_else(|| {
                super::PdfError::Pdf(format!("{}: the layout did not repeat", doc.title))
            })?;
            return Ok(Laidout { root, body, mode });
        }
    }
    Err(super::PdfError::DoesNotFit {
        what: doc.title.clone(),
        why: format!(
            "its text does not fit one {:.0} × {:.0} mm sheet even at {:.1} pt with the tightest layout",
            spec.width / MM,
            spec.height / MM,
            spec.min_body
        ),
    })
}

/// The whole sheet at body size `b`, or `None` if it does not fit.
fn compose(
    t: &Type,
    doc: &PosterDoc,
    code: &super::qr::Modules,
    spec: &Spec,
    mode: Mode,
    b: f32,
) -> Option<Vec<Node>> {
    let margin = mode.margin * spec.width;
    let inner_w = spec.width - 2.0 * margin;
    let inner_h = spec.height - 2.0 * margin;
    let gap = mode.gap * b;
    let footer = footer(t, doc, code, b, inner_w, mode.qr * spec.width)?;
    let room = inner_h - footer.height - gap;
    let n = doc.columns.len().max(1) as f32;
    let col_gap = 1.5 * b;
    let col_w = (inner_w - (n - 1.0) * col_gap) / n;
    let mut root = Vec::new();
    for (i, p) in doc.columns.iter().enumerate() {
        let rows = column_rows(t, p, b, col_w, mode, doc.columns.len() == 1)?;
        let mut placed = spread(rows, gap, room)?;
        placed
            .node
            .shift(margin + i as f32 * (col_w + col_gap), margin);
        if doc.columns.len() > 1 {
            placed.node.role = Role::Section(Some(p.lang.clone()));
        }
        root.push(placed.node);
    }
    let mut f = footer;
    f.node.shift(margin, margin + inner_h - f.height);
    root.push(f.node);
    Some(root)
}

/// Stacks `rows` in `room`: the space left over is shared equally between the gaps (and one
/// more after the last row, before the footer), so the content spans the sheet.
fn spread(rows: Vec<Laid>, gap: f32, room: f32) -> Option<Laid> {
    let used: f32 =
        rows.iter().map(|r| r.height).sum::<f32>() + gap * (rows.len().saturating_sub(1)) as f32;
    if used > room {
        return None;
    }
    let extra = (room - used) / rows.len().max(1) as f32;
    let mut s = stack(Role::Div, rows, gap + extra);
    s.height = room;
    Some(s)
}

/// One language's rows: heading, office, then the sections (narrow ones paired up when the
/// column is the whole sheet's width).
fn column_rows(t: &Type, p: &Poster, b: f32, w: f32, mode: Mode, pairs: bool) -> Option<Vec<Laid>> {
    let mut rows = vec![header(t, p, b, w, mode)?, office(t, &p.office, b, w, mode)?];
    let half = (w - 1.5 * b) / 2.0;
    let mut pending: Option<&Section> = None;
    for s in &p.sections {
        if pairs && !s.wide {
            match pending.take() {
                None => pending = Some(s),
                Some(first) => {
                    let a = section(t, first, b, half, mode, false)?;
                    let c = section(t, s, b, half, mode, false)?;
                    rows.push(row(Role::Div, vec![(0.0, a), (half + 1.5 * b, c)]));
                }
            }
            continue;
        }
        if let Some(first) = pending.take() {
            rows.push(section(t, first, b, w, mode, pairs)?);
        }
        rows.push(section(t, s, b, w, mode, pairs && s.wide)?);
    }
    if let Some(first) = pending {
        rows.push(section(t, first, b, w, mode, pairs)?);
    }
    Some(rows)
}

/// Kicker, main heading, ministry and, when set, the legal status in a heavy frame.
fn header(t: &Type, p: &Poster, b: f32, w: f32, mode: Mode) -> Option<Laid> {
    let mut parts = Vec::new();
    if !p.kicker.is_empty() {
        parts.push(t.block(Role::P, &[Run::bold(&p.kicker)], b, w, Align::Left)?);
    }
    parts.push(t.block(
        Role::Heading(1),
        &[Run::bold(&p.heading)],
        b * mode.h1,
        w,
        Align::Left,
    )?);
    if !p.ministry.is_empty() {
        parts.push(t.block(
            Role::P,
            &[Run::plain(&p.ministry)],
            b * mode.sub,
            w,
            Align::Left,
        )?);
    }
    if let Some(status) = &p.status {
        parts.push(framed(t, &[Run::bold(status)], b * mode.sub, w, 2.0)?);
    }
    Some(stack(Role::Div, parts, mode.gap * b * 0.5))
}

/// Text in a frame of `stroke` points, with padding of half the size.
fn framed(t: &Type, runs: &[Run], size: f32, w: f32, stroke: f32) -> Option<Laid> {
    let pad = size * 0.5;
    let mut inner = t.block(Role::P, runs, size, w - 2.0 * pad, Align::Left)?;
    inner.node.shift(pad, pad);
    let h = inner.height + 2.0 * pad;
    Some(with_frame(inner.node, w, h, stroke))
}

/// `content` (already offset inside) with a frame drawn around `w` × `h`.
fn with_frame(content: Node, w: f32, h: f32, stroke: f32) -> Laid {
    let half = stroke / 2.0;
    let frame = Node::with_marks(
        Role::Artifact,
        vec![Mark::Frame {
            x: half,
            y: half,
            w: w - stroke,
            h: h - stroke,
            width: stroke,
        }],
    );
    let mut node = Node::new(Role::Div);
    node.children = vec![frame, content];
    Laid { node, height: h }
}

/// The office: name, address and telephone lines, framed.
fn office(t: &Type, o: &OfficeBlock, b: f32, w: f32, mode: Mode) -> Option<Laid> {
    let pad = b * 0.6;
    let iw = w - 2.0 * pad;
    let mut parts = vec![
        t.block(
            Role::Heading(2),
            &[Run::bold(&o.name)],
            b * mode.name,
            iw,
            Align::Left,
        )?,
        t.block(
            Role::P,
            &[Run::plain(&o.address)],
            b * mode.sub,
            iw,
            Align::Left,
        )?,
    ];
    for line in &o.phones {
        let label = format!("{}:", line.label);
        let mut runs = vec![Run::bold(&label)];
        for (i, n) in line.numbers.iter().enumerate() {
            runs.push(Run::plain(if i == 0 { " " } else { ", " }));
            runs.push(Run::keep(n, false));
        }
        parts.push(t.block(Role::P, &runs, b * mode.sub, iw, Align::Left)?);
    }
    let mut inner = stack(Role::Div, parts, b * 0.2);
    inner.node.shift(pad, pad);
    let h = inner.height + 2.0 * pad;
    Some(with_frame(inner.node, w, h, 2.0))
}

/// A section: heading with a rule under it, then its blocks.
fn section(t: &Type, s: &Section, b: f32, w: f32, mode: Mode, wide: bool) -> Option<Laid> {
    let mut head = t.block(
        Role::Heading(2),
        &[Run::bold(&s.heading)],
        b * mode.h2,
        w,
        Align::Left,
    )?;
    let underline = Node::with_marks(Role::Artifact, vec![rule(head.height + 1.0, w, 1.5, false)]);
    head.node.children.insert(0, underline);
    head.height += 2.5;
    let mut parts = vec![head];
    for block in &s.blocks {
        parts.push(match block {
            Block::Paragraph(text) => t.block(Role::P, &[Run::plain(text)], b, w, Align::Left)?,
            Block::Figure(text) => t.block(
                Role::P,
                &[Run::keep(text, true)],
                b * FIGURE,
                w,
                Align::Left,
            )?,
            Block::List { numbered, items } => {
                let cols = if wide && mode.list_columns { 2 } else { 1 };
                list(t, *numbered, items, b, w, cols)?
            }
        });
    }
    let mut s = stack(Role::Div, parts, b * 0.35);
    s.node.role = Role::Section(None);
    Some(s)
}

/// A list, in one column or (when `cols` is 2 and that is shorter) two.
fn list(t: &Type, numbered: bool, items: &[ListItem], b: f32, w: f32, cols: usize) -> Option<Laid> {
    let gutter = 1.2 * b;
    let cw = if cols == 2 { (w - gutter) / 2.0 } else { w };
    let laid: Vec<Laid> = items
        .iter()
        .enumerate()
        .map(|(i, it)| item(t, numbered, i, it, b, cw))
        .collect::<Option<_>>()?;
    let gap = b * 0.25;
    if cols == 2 && laid.len() >= 2 {
        // Two columns only when they come out shorter: a list dominated by one long item is
        // shorter in one column.
        let two = split_list(laid, numbered, cw, gutter, gap);
        let one = list(t, numbered, items, b, w, 1)?;
        return Some(if one.height <= two.height { one } else { two });
    }
    if cols == 1 || laid.len() < 2 {
        let mut s = stack(Role::List(numbered), laid, gap);
        s.node.role = Role::List(numbered);
        return Some(s);
    }
    Some(split_list(laid, numbered, cw, gutter, gap))
}

/// List items in two columns of width `cw`, split where the columns come out most even.
fn split_list(laid: Vec<Laid>, numbered: bool, cw: f32, gutter: f32, gap: f32) -> Laid {
    let heights: Vec<f32> = laid.iter().map(|l| l.height + gap).collect();
    let total: f32 = heights.iter().sum();
    let mut best = (f32::MAX, 1);
    let mut acc = 0.0;
    for (k, h) in heights.iter().enumerate().take(heights.len() - 1) {
        acc += h;
        let tallest = acc.max(total - acc);
        if tallest < best.0 {
            best = (tallest, k + 1);
        }
    }
    let mut laid = laid;
    let right = laid.split_off(best.1);
    let left = stack(Role::Div, laid, gap);
    let right = stack(Role::Div, right, gap);
    let mut r = row(
        Role::List(numbered),
        vec![(0.0, left), (cw + gutter, right)],
    );
    // The list's items are its direct children, in reading order (left column first).
    let kids: Vec<Node> = r.node.children.drain(..).flat_map(|c| c.children).collect();
    r.node.children = kids;
    r
}

/// A list item: its label (number or bullet) hanging left of the text, a bold lead, the rest.
fn item(t: &Type, numbered: bool, i: usize, it: &ListItem, b: f32, w: f32) -> Option<Laid> {
    let label = if numbered {
        format!("{}.", i + 1)
    } else {
        "•".to_string()
    };
    let indent = 1.7 * b;
    let (lbl, _) = t.text(&[Run::bold(&label)], b, indent, Align::Left)?;
    let sep = if !it.lead.is_empty() && !it.rest.is_empty() {
        " — "
    } else {
        ""
    };
    let runs = [Run::bold(&it.lead), Run::plain(sep), Run::plain(&it.rest)];
    let mut body = t.block(Role::ListBody, &runs, b, w - indent, Align::Left)?;
    body.node.shift(indent, 0.0);
    let mut node = Node::new(Role::ListItem);
    node.children = vec![Node::with_marks(Role::Label, lbl), body.node];
    Some(Laid {
        node,
        height: body.height,
    })
}

/// The footer: a rule, the QR code, the scan text(s) with the short address, the as-of line(s).
fn footer(
    t: &Type,
    doc: &PosterDoc,
    code: &super::qr::Modules,
    b: f32,
    w: f32,
    side: f32,
) -> Option<Laid> {
    let module = side / f32::from(code.side);
    let marks = if t.dry {
        Vec::new()
    } else {
        vec![Mark::Qr {
            x: 0.0,
            y: 0.0,
            module,
            code: code.clone(),
        }]
    };
    let qr = Node::with_marks(Role::Figure(doc.qr_url.clone()), marks);
    let tx = side + b;
    let tw = w - tx;
    let mut parts = Vec::new();
    for p in &doc.columns {
        let mut l = t.block(Role::P, &[Run::plain(&p.scan_text)], b, tw, Align::Left)?;
        l.node = wrap_lang(l.node, &p.lang);
        parts.push(l);
    }
    parts.push(url(t, &doc.short_url, b, tw)?);
    for p in &doc.columns {
        let mut l = t.block(Role::P, &[Run::plain(&p.as_of)], b, tw, Align::Left)?;
        l.node = wrap_lang(l.node, &p.lang);
        parts.push(l);
    }
    let text = stack(Role::Div, parts, b * 0.2);
    let top = b * 0.6;
    let body_h = text.height.max(side);
    let mut r = row(
        Role::Div,
        vec![
            (
                0.0,
                Laid {
                    node: qr,
                    height: side,
                },
            ),
            (tx, text),
        ],
    );
    r.node.shift(0.0, top);
    let mut node = Node::new(Role::Div);
    node.children = vec![
        Node::with_marks(Role::Artifact, vec![rule(0.0, w, 1.5, false)]),
        r.node,
    ];
    Some(Laid {
        node,
        height: top + body_h,
    })
}

/// `p` inside a section of its own language (the bilingual footer's lines).
fn wrap_lang(p: Node, lang: &str) -> Node {
    let mut s = Node::new(Role::Section(Some(lang.to_string())));
    s.children = vec![p];
    s
}

/// The short address, bold and unbroken: at the body size if it fits the line, else in the
/// largest smaller size that does (down to 60 % of the body size).
fn url(t: &Type, text: &str, b: f32, w: f32) -> Option<Laid> {
    let runs = [Run::keep(text, true)];
    let width_at = |s: f32| widest_piece(t.fonts, &runs, s);
    let size = if width_at(b) <= w {
        b
    } else {
        (b * w / width_at(b)).min(b)
    };
    if size < 0.6 * b {
        return None;
    }
    t.block(Role::P, &runs, size * 0.999, w, Align::Left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::doc::{PhoneLine, Poster};
    use crate::pdf::test_fonts;

    /// A made-up poster (not a real standard's text) with `n` list items of `words` words.
    fn fixture(paper: Paper, n: usize, words: usize) -> PosterDoc {
        let item = |i: usize| ListItem {
            lead: format!("Құжат {i}"),
            rest: "сынақ мәтіні ".repeat(words).trim().to_string(),
        };
        let column = Poster {
            lang: "kk".into(),
            kicker: "Сынақ".into(),
            heading: "Сынақ плакаты (фикстура)".into(),
            ministry: "Сынақ комитеті".into(),
            status: Some("Сынақ мәртебесі.".into()),
            office: OfficeBlock {
                name: "Сынақ бөлімшесі".into(),
                address: "Сынақ көшесі, 1".into(),
                phones: vec![PhoneLine {
                    label: "Телефон".into(),
                    numbers: vec!["1-11-11".into()],
                }],
            },
            sections: vec![
                Section {
                    heading: "Бір".into(),
                    blocks: vec![Block::Paragraph("Қысқа мәтін.".into())],
                    wide: false,
                },
                Section {
                    heading: "Екі".into(),
                    blocks: vec![Block::Figure("4 325 ₸".into())],
                    wide: false,
                },
                Section {
                    heading: "Тізім".into(),
                    blocks: vec![Block::List {
                        numbered: true,
                        items: (1..=n).map(item).collect(),
                    }],
                    wide: true,
                },
            ],
            scan_text: "Сайттағы беті:".into(),
            as_of: "01.01.2026".into(),
        };
        PosterDoc {
            paper,
            title: "Сынақ (фикстура)".into(),
            columns: vec![column],
            qr_url: "https://example.kz/kk/".into(),
            short_url: "example.kz/kk/".into(),
        }
    }

    #[test]
    fn short_content_gets_the_largest_type_long_content_tightens_then_fails() {
        let f = test_fonts();
        let short = lay_out(f, &fixture(Paper::A4, 3, 3)).expect("fits");
        assert_eq!(short.body, 18.0, "short text is set at the maximum");
        assert_eq!(short.mode, MODES[0]);
        // Growing the list: the type shrinks, then the layout tightens, then it cannot fit.
        let results: Vec<_> = (1..=30)
            .map(|n| lay_out(f, &fixture(Paper::A4, n, 25)))
            .collect();
        assert!(results.iter().flatten().all(|l| l.body >= 12.0));
        assert!(
            results.iter().flatten().any(|l| l.mode != MODES[0]),
            "some length needs a tighter mode"
        );
        assert!(matches!(
            results.last(),
            Some(Err(crate::pdf::PdfError::DoesNotFit { .. }))
        ));
        let first_err = results.iter().position(|r| r.is_err()).expect("one fails");
        assert!(
            results[first_err..].iter().all(|r| r.is_err()),
            "longer never fits again"
        );
    }

    #[test]
    fn content_is_in_reading_order_and_reaches_the_footer() {
        let f = test_fonts();
        let doc = fixture(Paper::A4, 5, 10);
        let laid = lay_out(f, &doc).expect("fits");
        let texts: Vec<String> = laid.root.iter().flat_map(|n| n.texts()).collect();
        let joined = texts.concat();
        let order = [
            "Сынақ плакаты",
            "Сынақ мәртебесі",
            "Сынақ бөлімшесі",
            "Бір",
            "Екі",
            "Тізім",
            "Құжат 5",
            "example.kz/kk/",
            "01.01.2026",
        ];
        let mut at = 0;
        for o in order {
            let i = joined[at..]
                .find(o)
                .unwrap_or_else(|| panic!("{o} out of order in {joined}"));
            at += i;
        }
        // The footer's rule sits at the bottom margin's edge minus the footer's height, and the
        // last row of content ends right above it (the slack is shared out, not left at the foot).
        let spec = spec(&doc);
        let bottom = spec.height - laid.mode.margin * spec.width;
        let mut lowest: f32 = 0.0;
        for n in &laid.root[..1] {
            visit(n, &mut |m| {
                if let Mark::Text { y, .. } = m {
                    lowest = lowest.max(*y);
                }
            });
        }
        assert!(
            bottom - lowest < 0.25 * spec.height,
            "content ends at {lowest} of {bottom}"
        );
    }

    fn visit(n: &Node, f: &mut impl FnMut(&Mark)) {
        n.marks.iter().for_each(&mut *f);
        for c in &n.children {
            visit(c, f);
        }
    }
}
