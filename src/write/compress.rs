//! Pre-compressed copies of text files (`.gz`, `.br`) next to the originals, so a web server can
//! send them with no CPU per request (nginx `gzip_static on; brotli_static on;`).

use std::io::Write;

/// Extensions of the files worth compressing.
const TEXT: [&str; 7] = [".html", ".css", ".js", ".json", ".xml", ".csv", ".txt"];

thread_local! {
    // One deflate state per thread, reset between files: allocating a fresh one per file made
    // the kernel zero its buffers thousands of times (system time several times the build's).
    static DEFLATE: std::cell::RefCell<flate2::Compress> =
        std::cell::RefCell::new(flate2::Compress::new(flate2::Compression::new(6), false));
}

/// A gzip member: fixed header (no name, zero mtime, so output is byte-identical across
/// builds), raw deflate data, CRC-32 and length.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3 + 64);
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    DEFLATE.with(|d| {
        let mut d = d.borrow_mut();
        d.reset();
        loop {
            let consumed = d.total_in() as usize;
            let status =
                d.compress_vec(&bytes[consumed..], &mut out, flate2::FlushCompress::Finish);
            match status {
                Ok(flate2::Status::StreamEnd) => break,
                Ok(_) => out.reserve(out.capacity().max(4096)),
                Err(_) => break,
            }
        }
    });
    let mut crc = crc32fast::Hasher::new();
    crc.update(bytes);
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    // Quality 5 compresses the shipped pages within 3 % of quality 9 at about thirty times the
    // speed; quality 4 is faster still but no smaller than gzip, which would make the `.br`
    // copies pointless. The window never exceeds the file.
    let lgwin = (usize::BITS - bytes.len().max(1024).leading_zeros()).clamp(10, 22);
    let mut w = brotli::CompressorWriter::new(Vec::with_capacity(bytes.len() / 3), 4096, 5, lgwin);
    let _ = w.write_all(bytes);
    w.into_inner()
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
