//! Line breaking: runs of regular or bold text broken into lines of a given width, only at
//! spaces. Words are never split, not even after a hyphen (text extractors such as pdftotext
//! take a hyphen at a line's end for hyphenation and drop it, so «Әл-Фараби» would come out
//! «ӘлФараби»): a word wider than the line makes the paragraph not fit (the layout then tries
//! smaller type or another arrangement), so the printed text reads and extracts as given.

use super::fonts::Fonts;

/// A piece of text in one weight. `keep` runs (telephone numbers, addresses of web pages) are
/// never broken inside.
#[derive(Debug, Clone)]
pub(crate) struct Run<'a> {
    pub text: &'a str,
    pub bold: bool,
    pub keep: bool,
}

impl<'a> Run<'a> {
    pub fn plain(text: &'a str) -> Run<'a> {
        Run {
            text,
            bold: false,
            keep: false,
        }
    }

    pub fn bold(text: &'a str) -> Run<'a> {
        Run {
            text,
            bold: true,
            keep: false,
        }
    }

    pub fn keep(text: &'a str, bold: bool) -> Run<'a> {
        Run {
            text,
            bold,
            keep: true,
        }
    }
}

/// A stretch of one run on one line, `x` from the line's start, in points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Seg {
    pub text: String,
    pub bold: bool,
    pub x: f32,
}

/// One set line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub segs: Vec<Seg>,
    pub width: f32,
}

/// An unbreakable piece: its parts (one per run it touches), its width, and the width of the
/// space after it (zero when it ends in a hyphen or at the end of the text).
struct Piece {
    parts: Vec<(usize, std::ops::Range<usize>)>,
    width: f32,
    space: f32,
}

/// Splits `runs` into unbreakable pieces. A break may follow a space (the space hangs at the
/// line's end and is not printed there).
fn pieces(fonts: &Fonts, runs: &[Run], size: f32) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut cur = Piece {
        parts: Vec::new(),
        width: 0.0,
        space: 0.0,
    };
    for (ri, run) in runs.iter().enumerate() {
        let face = fonts.face(run.bold);
        let mut start = 0;
        let chars: Vec<(usize, char)> = run.text.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let end = i + c.len_utf8();
            let next = chars.get(k + 1).map(|x| x.1);
            let breaks_after = !run.keep && c == ' ';
            if c == ' ' {
                if start < i {
                    cur.parts.push((ri, start..i));
                    cur.width += face.width(&run.text[start..i]) * size;
                }
                start = end;
                if breaks_after {
                    // A space ends the piece; further spaces only widen the gap.
                    cur.space += face.width(" ") * size;
                    if next != Some(' ') {
                        out.push(std::mem::replace(
                            &mut cur,
                            Piece {
                                parts: Vec::new(),
                                width: 0.0,
                                space: 0.0,
                            },
                        ));
                    }
                } else {
                    cur.parts.push((ri, i..end));
                    cur.width += face.width(" ") * size;
                }
            }
        }
        if start < run.text.len() {
            cur.parts.push((ri, start..run.text.len()));
            cur.width += face.width(&run.text[start..]) * size;
        }
    }
    if !cur.parts.is_empty() {
        out.push(cur);
    }
    out
}

/// Breaks `runs` into lines no wider than `width` points at `size`; `None` when a single
/// piece is wider than the line.
pub(crate) fn wrap(fonts: &Fonts, runs: &[Run], size: f32, width: f32) -> Option<Vec<Line>> {
    let ps = pieces(fonts, runs, size);
    let lines = break_lines(&ps, width)?;
    Some(
        lines
            .iter()
            .map(|l| set_line(fonts, runs, l, size))
            .collect(),
    )
}

/// How many lines [`wrap`] would make, without setting them.
pub(crate) fn count_lines(fonts: &Fonts, runs: &[Run], size: f32, width: f32) -> Option<usize> {
    break_lines(&pieces(fonts, runs, size), width).map(|l| l.len())
}

/// Greedy line breaking: each line takes as many pieces as fit.
fn break_lines(ps: &[Piece], width: f32) -> Option<Vec<Vec<&Piece>>> {
    let mut lines: Vec<Vec<&Piece>> = Vec::new();
    let mut cur: Vec<&Piece> = Vec::new();
    let mut x = 0.0;
    for p in ps {
        if p.width > width + 0.01 {
            return None;
        }
        let gap = cur.last().map_or(0.0, |q| q.space);
        if !cur.is_empty() && x + gap + p.width > width + 0.01 {
            lines.push(std::mem::take(&mut cur));
            x = 0.0;
        } else {
            x += gap;
        }
        x += p.width;
        cur.push(p);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    Some(lines)
}

/// Joins a line's pieces into segments, one per stretch of a run, with their positions. The
/// spaces between pieces are printed (so extracted text has its word spaces).
fn set_line(fonts: &Fonts, runs: &[Run], line: &[&Piece], size: f32) -> Line {
    let mut segs: Vec<Seg> = Vec::new();
    let mut x = 0.0;
    let mut open: Option<usize> = None;
    for (k, p) in line.iter().enumerate() {
        for (ri, range) in &p.parts {
            let run = &runs[*ri];
            let text = &run.text[range.clone()];
            match open {
                Some(o) if o == *ri && segs.last().is_some() => {
                    let last = segs.last_mut().expect("open segment");
                    last.text.push_str(text);
                }
                _ => segs.push(Seg {
                    text: text.to_string(),
                    bold: run.bold,
                    x,
                }),
            }
            open = Some(*ri);
            x += fonts.face(run.bold).width(text) * size;
        }
        if k + 1 < line.len() && p.space > 0.0 {
            // The word space after this piece belongs to the run the piece ended in.
            if let Some(last) = segs.last_mut() {
                last.text.push(' ');
            }
            x += p.space;
        }
    }
    Line { segs, width: x }
}

/// Width of the widest unbreakable piece of `runs` at `size`.
pub(crate) fn widest_piece(fonts: &Fonts, runs: &[Run], size: f32) -> f32 {
    pieces(fonts, runs, size)
        .iter()
        .map(|p| p.width)
        .fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::test_fonts;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.segs.iter().map(|s| s.text.as_str()).collect::<String>())
            .collect()
    }

    #[test]
    fn breaks_only_at_spaces() {
        let f = test_fonts();
        let runs = [Run::plain("өтініш-сауалнама және паспорт, 2-10-02")];
        let size = 10.0;
        let w = f.face(false).width("өтініш-сауалнама") * size;
        let lines = wrap(f, &runs, size, w + 1.0).expect("fits");
        assert_eq!(
            texts(&lines),
            vec!["өтініш-сауалнама", "және паспорт,", "2-10-02"]
        );
        // Not even after a hyphen: the hyphenated word needs its whole width.
        let narrow = f.face(false).width("өтініш-") * size + 0.5;
        assert!(wrap(f, &runs[..], size, narrow).is_none());
        // A word wider than the line does not fit: it is never split.
        assert!(wrap(f, &[Run::plain("Көрсеткіштің")], size, 20.0).is_none());
    }

    #[test]
    fn kept_runs_and_bold_leads_stay_whole() {
        let f = test_fonts();
        let runs = [
            Run::bold("Телефон:"),
            Run::plain(" "),
            Run::keep("8 (71638) 2-10-02", false),
        ];
        let w = widest_piece(f, &runs, 10.0);
        let lines = wrap(f, &runs, 10.0, w).expect("fits");
        assert_eq!(texts(&lines), vec!["Телефон:", "8 (71638) 2-10-02"]);
        assert!(lines[0].segs[0].bold && !lines[1].segs[0].bold);
        let one = wrap(f, &runs, 10.0, 1000.0).expect("fits");
        assert_eq!(texts(&one), vec!["Телефон: 8 (71638) 2-10-02"]);
        assert_eq!(one[0].segs.len(), 2, "{:?}", one[0].segs);
    }
}
