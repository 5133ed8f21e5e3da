//! Reading PDFs as a reader's software does, with poppler's tools (`pdfinfo`, `pdffonts`,
//! `pdftotext`, `pdftoppm`) and a QR decoder: shared by the engine's tests and those of a real
//! build's PDFs.

#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use stend::pdf::Paper;

const POINTS_PER_MM: f64 = 72.0 / 25.4;

/// Runs a poppler tool with `args`; panics with how to install it when it is missing.
pub fn poppler(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "{tool} is needed for the PDF tests ({e}): install poppler-utils (apt-get install poppler-utils)"
        )
    });
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

pub fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

/// Writes `bytes` into a fresh temporary directory; returns the directory and the file. For
/// looking at the sheets, `STEND_PDF_OUT=DIR` also keeps a copy of each in DIR.
pub fn save_as(bytes: &[u8], title: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    if let Ok(out) = std::env::var("STEND_PDF_OUT") {
        let slug: String = title
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .take(60)
            .collect();
        std::fs::write(Path::new(&out).join(format!("{slug}.pdf")), bytes).expect("keep a copy");
    }
    save(bytes, "sheet.pdf")
}

/// Writes `bytes` into a fresh temporary directory; returns the directory and the file.
pub fn save(bytes: &[u8], name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join(name);
    std::fs::write(&file, bytes).expect("write pdf");
    (dir, file)
}

/// `pdfinfo`: (pages, width, height) in points, and whether the file says it is tagged.
pub fn info(file: &Path) -> (u32, f64, f64, bool) {
    let out = poppler("pdfinfo", &[file.as_os_str()]);
    let field = |k: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(k))
            .map(str::trim)
            .unwrap_or_else(|| panic!("pdfinfo has no {k}:\n{out}"))
            .to_string()
    };
    let pages = field("Pages:").parse().expect("page count");
    let size = field("Page size:");
    let mut it = size.split_whitespace();
    let w: f64 = it.next().and_then(|x| x.parse().ok()).expect("width");
    let h: f64 = it.nth(1).and_then(|x| x.parse().ok()).expect("height");
    (pages, w, h, field("Tagged:") == "yes")
}

pub fn assert_paper(file: &Path, paper: Paper) {
    let (pages, w, h, tagged) = info(file);
    let (mw, mh) = paper.mm();
    assert_eq!(pages, 1, "{}: one page", file.display());
    assert!(
        (w - f64::from(mw) * POINTS_PER_MM).abs() < 0.5
            && (h - f64::from(mh) * POINTS_PER_MM).abs() < 0.5,
        "{}: {w} × {h} pt, expected {mw} × {mh} mm",
        file.display()
    );
    assert!(tagged, "{}: tagged", file.display());
}

/// Every font `pdffonts` lists is embedded (and there is at least one).
pub fn assert_fonts_embedded(file: &Path) {
    let out = poppler("pdffonts", &[file.as_os_str()]);
    let rows: Vec<&str> = out
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts:\n{out}");
    for r in rows {
        // Columns: name type encoding emb sub uni object ID.
        let cols: Vec<&str> = r.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {r}");
    }
}

/// The text as `pdftotext` extracts it, whitespace collapsed.
pub fn text(file: &Path) -> String {
    let s = poppler(
        "pdftotext",
        &[os("-enc"), os("UTF-8"), file.as_os_str(), os("-")],
    );
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Renders the page at 150 dpi with `pdftoppm` and decodes the QR code found on it.
pub fn decode_qr(file: &Path) -> String {
    let stem = file.with_extension("");
    poppler(
        "pdftoppm",
        &[
            os("-r"),
            os("150"),
            os("-png"),
            os("-singlefile"),
            file.as_os_str(),
            stem.as_os_str(),
        ],
    );
    let png_path = file.with_extension("png");
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png_path).expect("png"),
    ));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("png size")];
    let frame = reader.next_frame(&mut buf).expect("png frame");
    let (w, h) = (frame.width as usize, frame.height as usize);
    let channels = frame.color_type.samples();
    let luma = |x: usize, y: usize| -> u8 {
        let i = (y * w + x) * channels;
        if channels >= 3 {
            ((u32::from(buf[i]) + u32::from(buf[i + 1]) + u32::from(buf[i + 2])) / 3) as u8
        } else {
            buf[i]
        }
    };
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, luma);
    let grids = img.detect_grids();
    assert!(!grids.is_empty(), "no QR code found on {}", file.display());
    grids[0].decode().expect("QR decodes").1
}

/// Whether the PDF declares `lang` as a language (of the document or of a part).
pub fn declares_lang(bytes: &[u8], lang: &str) -> bool {
    [format!("/Lang({lang})"), format!("/Lang ({lang})")]
        .iter()
        .any(|n| bytes.windows(n.len()).any(|w| w == n.as_bytes()))
}
