//! Pre-compressed copies of text files (`.gz`, `.br`) next to the originals, so a web server can
//! send them with no CPU per request (nginx `gzip_static on; brotli_static on;`).
//!
//! The codecs are the reference C libraries through well-kept bindings: libdeflate (the
//! `libdeflater` crate) for gzip and Google's brotli encoder (`brotlic`). Measured on 200 of
//! the shipped project's pages (2.5 MB, one thread; docs/performance.md): libdeflate at level
//! 6 takes about half the time of flate2's miniz at the same level for a slightly smaller file,
//! and the C brotli encoder at quality 5 about a ninth of the pure-Rust `brotli` crate's time
//! (which spent three quarters of it clearing hash tables) for a 1.4 % smaller file.

/// Extensions of the files worth compressing.
const TEXT: [&str; 7] = [".html", ".css", ".js", ".json", ".xml", ".csv", ".txt"];

/// gzip level: 6 is within 0.5 % of level 9's size at two thirds of its time.
const GZIP_LEVEL: i32 = 6;

/// brotli quality: 5 compresses the shipped pages within 2 % of quality 9 at a fraction of
/// its time; quality 4 is no smaller than gzip, which would make the `.br` copies pointless.
const BROTLI_QUALITY: u8 = 5;

thread_local! {
    // One compressor per thread: libdeflate's state is a few hundred kilobytes, made once.
    static DEFLATE: std::cell::RefCell<libdeflater::Compressor> = std::cell::RefCell::new(
        libdeflater::Compressor::new(
            libdeflater::CompressionLvl::new(GZIP_LEVEL).unwrap_or_default(),
        ),
    );
}

/// A gzip member. libdeflate writes a fixed header (no name, zero mtime), so the output is
/// byte-identical across builds.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    DEFLATE.with(|c| {
        let mut c = c.borrow_mut();
        let mut out = vec![0; c.gzip_compress_bound(bytes.len())];
        // The bound is libdeflate's own worst case, so compression cannot run out of room.
        let n = c.gzip_compress(bytes, &mut out).unwrap_or(0);
        out.truncate(n);
        out
    })
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    // The window never exceeds the file: the encoder's tables are sized by it.
    let lgwin = (usize::BITS - bytes.len().max(1024).leading_zeros()).clamp(10, 22) as u8;
    let (Ok(quality), Ok(window)) = (
        brotlic::Quality::new(BROTLI_QUALITY),
        brotlic::WindowSize::new(lgwin),
    ) else {
        return Vec::new();
    };
    let bound = brotlic::compress_bound(bytes.len(), quality).unwrap_or(bytes.len() + 1024);
    let mut out = vec![0; bound];
    let n = brotlic::compress(
        bytes,
        &mut out,
        quality,
        window,
        brotlic::CompressionMode::Text,
    )
    .unwrap_or(0);
    out.truncate(n);
    out
}

/// Whether a file at `path` is text worth pre-compressing.
pub fn is_text(path: &str) -> bool {
    TEXT.iter().any(|e| path.ends_with(e))
}

/// The gzip and brotli encodings of `bytes`.
pub fn both(bytes: &[u8]) -> (Vec<u8>, Vec<u8>) {
    (gzip(bytes), brotli(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn round_trips_and_is_deterministic() {
        let text = "Қазақстан Республикасы ".repeat(100);
        let gz = gzip(text.as_bytes());
        assert_eq!(gz, gzip(text.as_bytes()));
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
        let br = brotli(text.as_bytes());
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut out).unwrap();
        assert_eq!(out, text.as_bytes());
        assert!(br.len() < text.len() / 10);
    }
}
