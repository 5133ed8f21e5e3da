//! The files of a site that are neither pages nor data: the theme's static files, copied as they
//! are, and `robots.txt` (which names the sitemap when the edition has an address).

use crate::diagnostics::Result;
use crate::model::{Edition, Site};
use crate::page::Output;
use crate::routes;

/// Every asset of the edition, one at a time to `put`.
pub fn files(site: &Site, ed: &Edition, put: &mut dyn FnMut(Output) -> Result<()>) -> Result<()> {
    let mut assets: Vec<&(String, Vec<u8>)> = site.theme.static_files.iter().collect();
    assets.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, bytes) in assets {
        put(Output::file(routes::asset(name), bytes.clone()))?;
    }
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = ed.base_url.as_deref() {
        robots.push_str(&format!(
            "\nSitemap: {}\n",
            routes::absolute(base, &routes::sitemap())
        ));
    }
    put(Output::file(routes::robots(), robots.into_bytes()))
}
