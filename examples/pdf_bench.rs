//! What one PDF costs: a representative A4 poster (and the other sheets) typeset from the shipped
//! data, 100 times each after a warm-up; prints the median and the spread per sheet, and what
//! loading the fonts costs once per build.
//!
//! `cargo run --release --example pdf_bench`

#[path = "../tests/pdf_fixture/mod.rs"]
mod pdf_fixture;

use pdf_fixture::*;
use std::path::PathBuf;
use std::time::Instant;
use stend::pdf::{self, Paper};

/// Makes one PDF.
type Sheet<'a> = Box<dyn Fn() -> Vec<u8> + 'a>;

const EPOCH_2026: &str = "1767225600";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn env_at(epoch: &str) -> stend::load::Env {
    stend::load::Env {
        source_date_epoch: Some(epoch.to_string()),
        now: 0,
    }
}

/// Median, fastest and slowest of 100 timed runs of `f` (after 10 untimed), in microseconds.
fn time(mut f: impl FnMut() -> usize) -> (f64, f64, f64, usize) {
    let mut size = 0;
    for _ in 0..10 {
        size = f();
    }
    let mut t: Vec<f64> = (0..100)
        .map(|_| {
            let s = Instant::now();
            size = std::hint::black_box(f());
            s.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[50], t[0], t[99], size)
}

fn main() {
    let dir = root().join("themes/default/fonts");
    let (regular, bold) = (
        std::fs::read(dir.join("NotoSans-Regular.ttf")).expect("font"),
        std::fs::read(dir.join("NotoSans-Bold.ttf")).expect("font"),
    );
    let (load, ..) = time(|| {
        pdf::Fonts::load(&regular, &bold).expect("fonts");
        0
    });
    println!("fonts loaded once per build: {load:.0} µs");
    let fonts = fonts();
    let (d, u) = office("akmola", Some("akkol-district"));
    let (hd, hu) = office("south-kazakhstan", Some("shymkent-city"));
    let receipt = Paper::Mm {
        width: 75.0,
        height: 55.0,
    };
    let header = Some(header_of(d, u, "kk"));
    let posters = [
        (
            "A4 poster (kk, Akkol)",
            poster_doc(d, u, "kk", Paper::A4, false),
        ),
        (
            "A4 poster (kk, Shymkent, heaviest)",
            poster_doc(hd, hu, "kk", Paper::A4, false),
        ),
        (
            "A3 poster (kk, Akkol)",
            poster_doc(d, u, "kk", Paper::A3, false),
        ),
        (
            "bilingual A3 poster (Akkol)",
            poster_doc(d, u, "kk", Paper::A3, true),
        ),
    ];
    let forms = [
        (
            "complaint receipt 75 × 55 (kk, office)",
            single(
                receipt,
                "complaint receipt",
                complaint_receipt("kk", header.clone()),
            ),
        ),
        (
            "document receipt A5 (kk, office)",
            single(
                Paper::A5,
                "document receipt",
                document_receipt("kk", header),
            ),
        ),
    ];
    let mut sheets: Vec<(&str, Sheet)> = Vec::new();
    for (name, doc) in &posters {
        sheets.push((
            name,
            Box::new(move || pdf::poster(doc, fonts).expect("pdf")),
        ));
    }
    for (name, doc) in &forms {
        sheets.push((name, Box::new(move || pdf::form(doc, fonts).expect("pdf"))));
    }
    let (lay, ..) = time(|| pdf::poster_fits(&posters[0].1, fonts).expect("fits") as usize);
    println!("layout alone of the first poster (no PDF written): {lay:.0} µs");
    for (name, f) in &sheets {
        let (median, min, max, size) = time(|| f().len());
        println!("{name}: median {median:.0} µs (min {min:.0}, max {max:.0}), {size} bytes");
    }
}
