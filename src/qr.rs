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

/// An SVG QR code for `data`, with an accessible label. Dark modules are drawn as one path of
/// unit squares on a white square with the standard four-module quiet zone.
pub fn svg(data: &str, label: &str) -> String {
    let Ok(code) = QRBuilder::new(data.as_bytes()).ecl(ECL::M).build() else {
        return String::new();
    };
    let w = code.size;
    let dark = |x: usize, y: usize| code.data[y * w + x].value();
    let size = w + 8;
    let mut path = String::with_capacity(w * w * 4);
    for y in 0..w {
        let mut x = 0;
        while x < w {
            if dark(x, y) {
                // Merge runs of dark modules into one rectangle per run.
                let start = x;
                while x < w && dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                // Writing into a String cannot fail.
                let _ = write!(path, "M{} {}h{run}v1h-{run}z", start + 4, y + 4);
            } else {
                x += 1;
            }
        }
    }
    format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>",
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
            s.contains("<path fill=\"#000\" d=\"M4 4h7v1h-7z"),
            "finder pattern row: {}",
            &s[..300]
        );
        assert_eq!(super::svg("a", "l"), super::svg("a", "l"));
    }
}
