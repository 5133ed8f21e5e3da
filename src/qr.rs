//! QR codes as inline SVG, generated at build time (no network, no images to fetch).
//!
//! Every office's posters carry a QR code of its page, two per office (one per language): at
//! national scale that is tens of thousands of codes. They are made with `fast_qr`, which picks
//! the mask pattern by the standard's penalty rules like any encoder but in a few tens of
//! microseconds (the `qrcode` crate took about half a millisecond per code, a third of a whole
//! build's time). `tests/printables.rs` decodes the codes on the posters back to the office's
//! address.

use fast_qr::{ECL, QRBuilder};
use std::fmt::Write;

/// The modules of a code with its four-module quiet zone: `side` modules square, the dark ones
/// as horizontal runs `(x, y, length)`, row by row. The site's SVG and the PDFs draw the same runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Modules {
    pub side: u16,
    pub runs: Vec<(u16, u16, u16)>,
}

thread_local! {
    /// The last code made on this thread: an office's posters in one language (three pages and
    /// three PDFs, rendered one after another in its job) all carry the same one.
    static LAST: std::cell::RefCell<Option<(String, Modules)>> = const { std::cell::RefCell::new(None) };
}

/// The QR code of `data` (error correction level M), or the encoder's reason it cannot be one.
pub fn modules(data: &str) -> Result<Modules, String> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((d, m)) = last.as_ref()
            && d == data
        {
            return Ok(m.clone());
        }
        let m = encode(data)?;
        *last = Some((data.to_string(), m.clone()));
        Ok(m)
    })
}

fn encode(data: &str) -> Result<Modules, String> {
    let code = QRBuilder::new(data.as_bytes())
        .ecl(ECL::M)
        .build()
        .map_err(|e| format!("{e:?}"))?;
    let w = code.size;
    let dark = |x: usize, y: usize| code.data[y * w + x].value();
    let mut runs = Vec::new();
    // A QR code is at most 177 modules wide: the casts below cannot truncate.
    for y in 0..w {
        let mut x = 0;
        while x < w {
            if dark(x, y) {
                let start = x;
                while x < w && dark(x, y) {
                    x += 1;
                }
                runs.push(((start + 4) as u16, (y + 4) as u16, (x - start) as u16));
            } else {
                x += 1;
            }
        }
    }
    Ok(Modules {
        side: (w + 8) as u16,
        runs,
    })
}

/// An SVG QR code for `data`, with an accessible label, on a white square with the four-module
/// quiet zone. Dark modules are one path of unit-wide strokes, one per run: a row starts with an
/// absolute move to its middle line (`M x y.5`), each further run of the row with a relative
/// move over the gap (`m gap 0`). That is a third of the bytes of one closed rectangle per run
/// (4.3 KB of every poster page was the code), and it draws the same squares.
pub fn svg(data: &str, label: &str) -> String {
    let Ok(code) = modules(data) else {
        return String::new();
    };
    let size = code.side;
    let mut path = String::with_capacity(code.runs.len() * 7);
    let mut pen: Option<(u16, u16)> = None;
    for (x, y, run) in code.runs {
        // Writing into a String cannot fail.
        let _ = match pen {
            Some((end, row)) if row == y => write!(path, "m{} 0h{run}", x - end),
            _ => write!(path, "M{x} {y}.5h{run}"),
        };
        pen = Some((x + run, y));
    }
    format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path stroke=\"#000\" d=\"{path}\"/></svg>",
        crate::util::escape::html(label)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn makes_a_labelled_svg() {
        let s = super::svg("https://www.mvd.kz/kk/offices/astana/", "QR <x>");
        assert!(s.starts_with("<svg class=\"qr\""));
        assert!(s.contains("aria-label=\"QR &lt;x&gt;\""));
        assert!(
            s.contains("<path stroke=\"#000\" d=\"M4 4.5h7m"),
            "finder pattern row: {}",
            &s[..300]
        );
        assert_eq!(super::svg("a", "l"), super::svg("a", "l"));
    }
}
