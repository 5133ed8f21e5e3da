//! The command line: parse arguments, run a stage, print the outcome, choose the exit code.
//!
//! Exit codes: 0 success; 1 problems in the user's project (or output that could not be
//! written); 2 usage errors (clap's own).

use crate::load::Env;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser, Debug)]
#[command(name = "stend", version, about = "Builds the bilingual website, blank forms and stand posters of a public service standard", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the site into the output directory (atomically: a failed build changes nothing).
    Build {
        /// Project directory (holds stend.yaml, content/, data/, themes/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output directory [default: ROOT/public].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print what was built in more detail.
        #[arg(long, short)]
        verbose: bool,
        /// Build the edition of one department (its slug in data/offices.yaml).
        #[arg(long, value_name = "DEPARTMENT", conflicts_with = "all_editions")]
        edition: Option<String>,
        /// Build the ministry's and every department's edition into OUT/ministry/, OUT/<slug>/.
        #[arg(long)]
        all_editions: bool,
    },
    /// Load, validate, render in memory and check every link; write nothing.
    Check {
        /// Project directory.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Preview the site: build it in memory, serve it over HTTP, rebuild and reload on every change.
    Serve {
        /// Project directory.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port to listen on (0: any free port; the address is printed at start).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the site in the browser (xdg-open).
        #[arg(long)]
        open: bool,
    },
    /// Write a JSON Schema for each data file, for editors to validate and autocomplete YAML.
    Schema {
        /// Project directory.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Directory for the `<name>.schema.json` files [default: ROOT/schemas].
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// Runs the CLI with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let env = Env::from_process();
    let started = Instant::now();
    match cli.command {
        Command::Build {
            root,
            out,
            verbose,
            edition,
            all_editions,
        } => {
            let out = out.unwrap_or_else(|| root.join("public"));
            let which = match (edition, all_editions) {
                (Some(slug), _) => crate::Editions::Department(slug),
                (None, true) => crate::Editions::All,
                (None, false) => crate::Editions::Ministry,
            };
            match crate::build_editions(&root, &out, &env, &which) {
                Ok(r) => {
                    let ms = started.elapsed().as_millis();
                    println!(
                        "stend: built {} pages ({} files, {} KB) into {} in {ms} ms",
                        r.pages,
                        r.files,
                        r.bytes / 1024,
                        out.display()
                    );
                    if verbose {
                        println!(
                            "stend: root {}, threads {}",
                            root.display(),
                            rayon::current_num_threads()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
        Command::Schema { root, out } => {
            let out = out.unwrap_or_else(|| root.join("schemas"));
            let config = match crate::load::load_config(&root) {
                Ok(c) => c,
                Err(e) => return fail(&e),
            };
            let langs: Vec<String> = config
                .languages
                .iter()
                .map(|l| l.code.value.clone())
                .collect();
            if let Err(e) = std::fs::create_dir_all(&out) {
                return fail(&crate::diagnostics::Error::io(&out, e));
            }
            let files = crate::schema::files(&langs);
            for (name, text) in &files {
                let path = out.join(name);
                if let Err(e) = std::fs::write(&path, text) {
                    return fail(&crate::diagnostics::Error::io(&path, e));
                }
            }
            println!(
                "stend: wrote {} schemas into {}",
                files.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Command::Serve {
            root,
            port,
            bind,
            open,
        } => crate::serve::main(
            crate::serve::Options {
                root,
                bind,
                port,
                open,
            },
            env,
        ),
        Command::Check { root } => match crate::check_project(&root, &env) {
            Ok(r) => {
                println!(
                    "stend: checked {} pages of every edition: no problems ({} ms)",
                    r.pages,
                    started.elapsed().as_millis()
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
    }
}

fn fail(e: &crate::diagnostics::Error) -> ExitCode {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{e}");
    ExitCode::from(1)
}
