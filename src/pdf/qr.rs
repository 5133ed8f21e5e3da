//! QR codes for the PDFs: the dark modules as horizontal runs, drawn as one vector path (the
//! same encoder and error-correction level as the site's SVG codes, `crate::qr`).

use super::PdfError;
use fast_qr::{ECL, QRBuilder};

/// The modules of a code with its four-module quiet zone: `side` modules square, dark runs as
/// `(x, y, length)`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Modules {
    pub side: u16,
    pub runs: Vec<(u16, u16, u16)>,
}

pub(crate) fn encode(data: &str) -> Result<Modules, PdfError> {
    let code = QRBuilder::new(data.as_bytes())
        .ecl(ECL::M)
        .build()
        .map_err(|e| PdfError::Pdf(format!("QR code for {data:?}: {e:?}")))?;
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
