//! QR codes for the PDFs: the same codes as the site's SVG ones ([`crate::qr`]: one encoder, one
//! error-correction level, the same runs of dark modules), drawn as one vector path.

use super::PdfError;
pub(crate) use crate::qr::Modules;

pub(crate) fn encode(data: &str) -> Result<Modules, PdfError> {
    crate::qr::modules(data).map_err(|e| PdfError::Pdf(format!("QR code for {data:?}: {e}")))
}
