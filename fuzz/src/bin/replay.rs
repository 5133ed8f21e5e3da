//! Runs fuzz inputs without libFuzzer: `cargo run --bin replay -- TARGET FILE_OR_DIR…`.
//! For machines without a nightly toolchain, and for checking a crash artifact after a fix.

fn main() {
    let mut args = std::env::args().skip(1);
    let target = args.next().expect("usage: replay TARGET FILE_OR_DIR…");
    let mut n = 0;
    for arg in args {
        let path = std::path::PathBuf::from(arg);
        let files: Vec<std::path::PathBuf> = if path.is_dir() {
            std::fs::read_dir(&path)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect()
        } else {
            vec![path]
        };
        for f in files {
            let data = std::fs::read(&f).unwrap();
            run(&target, &data);
            n += 1;
        }
    }
    println!("replay {target}: {n} inputs, no crash");
}

fn run(target: &str, data: &[u8]) {
    use stend::model::data::*;
    use stend_fuzz::data_file;
    match target {
        "frontmatter" => {
            if let Ok(t) = std::str::from_utf8(data) {
                let _ = stend::load::frontmatter::split(t);
            }
        }
        "content_page" => stend_fuzz::content_page(data),
        "config" => data_file::<stend::model::Config>("stend.yaml", data),
        "data_offices" => data_file::<Offices>("data/offices.yaml", data),
        "data_service" => data_file::<Service>("data/service.yaml", data),
        "data_documents" => data_file::<Documents>("data/documents.yaml", data),
        "data_refusals" => data_file::<Refusals>("data/refusals.yaml", data),
        "data_hours" => data_file::<Hours>("data/hours.yaml", data),
        "data_fee" => data_file::<Fee>("data/fee.yaml", data),
        "data_complaints" => data_file::<Complaints>("data/complaints.yaml", data),
        "data_quality" => data_file::<Quality>("data/quality.yaml", data),
        "data_forms" => data_file::<Forms>("data/forms.yaml", data),
        other => panic!("unknown target {other}"),
    }
}
