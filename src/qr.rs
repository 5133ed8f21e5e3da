//! QR codes as inline SVG, generated at build time (no network, no images to fetch).

use qrcode::{Color, EcLevel, QrCode};

/// An SVG QR code for `data`, with an accessible label. Dark modules are drawn as one path of
/// unit squares on a white square with the standard four-module quiet zone.
pub fn svg(data: &str, label: &str) -> String {
    let Ok(code) = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M) else {
        return String::new();
    };
    let w = code.width();
    let colors = code.to_colors();
    let size = w + 8;
    let mut path = String::with_capacity(w * w * 4);
    for y in 0..w {
        let mut x = 0;
        while x < w {
            if colors[y * w + x] == Color::Dark {
                // Merge runs of dark modules into one rectangle per run.
                let start = x;
                while x < w && colors[y * w + x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + 4,
                    y + 4,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>",
        crate::markdown::escape_attr(label)
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
