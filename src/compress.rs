//! Pre-compressed copies of text files (`.gz`, `.br`) next to the originals, so a web server can
//! send them with no CPU per request (nginx `gzip_static on; brotli_static on;`).

use crate::render::Output;
use rayon::prelude::*;
use std::io::Write;

/// Extensions of the files worth compressing.
const TEXT: [&str; 7] = [".html", ".css", ".js", ".json", ".xml", ".csv", ".txt"];

fn gzip(bytes: &[u8]) -> Vec<u8> {
    // A fixed header (no file name, zero mtime) keeps the output byte-identical across builds.
    let mut enc = flate2::GzBuilder::new().mtime(0).write(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::best(),
    );
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    // A window no larger than the file: the encoder's buffers scale with the window, and for
    // small pages a 4 MiB default window costs more in allocation than in compression.
    let lgwin = (usize::BITS - bytes.len().max(1024).leading_zeros()).clamp(10, 22) as i32;
    let params = brotli::enc::BrotliEncoderParams {
        quality: 9,
        lgwin,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out
}

/// The `.gz` and `.br` siblings of every text output.
pub fn precompressed(outputs: &[Output]) -> Vec<Output> {
    outputs
        .par_iter()
        .filter(|o| TEXT.iter().any(|e| o.path.ends_with(e)))
        .flat_map_iter(|o| {
            [("gz", gzip(&o.bytes)), ("br", brotli(&o.bytes))].map(|(ext, bytes)| Output {
                route: format!("{}.{ext}", o.route),
                path: format!("{}.{ext}", o.path),
                bytes,
                html: false,
                source: None,
                template: None,
            })
        })
        .collect()
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
