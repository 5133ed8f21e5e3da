//! The command line: parse arguments, run a command, print the outcome, choose the exit code.
//! Everything that prints or exits lives here, on the binary's side; the library only returns
//! values and diagnostics.
//!
//! Exit codes: 0 success; 1 problems in the user's project (or output that could not be
//! written, or a port that could not be listened on); 2 usage errors (clap's own).
//!
//! Every message is printed in the reader's language ([`lang`]): `--lang`, else `STEND_LANG`,
//! else the locale, else English. clap's own usage errors and `--help` stay in English.

mod build;
mod check;
mod schema;
mod serve;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;
use stend::i18n::{Lang, Msg};
use stend::msg;

#[derive(Parser, Debug)]
#[command(name = "stend", version, about = "Builds the bilingual website, blank forms and stand posters of a public service standard", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of stend's messages: en, kk or ru [default: STEND_LANG, else the locale
    /// (LC_ALL, LC_MESSAGES, LANG), else en].
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
}

/// The language the messages are printed in, chosen once at start.
static LANG: OnceLock<Lang> = OnceLock::new();

/// The reader's language.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// A message in the reader's language.
pub fn say(m: &Msg) -> String {
    m.text(lang())
}

/// Picks the language from `--lang` and the environment. A wrong `--lang` is a usage error;
/// a wrong `STEND_LANG` is named, and English used.
fn choose_lang(flag: Option<&str>) -> Result<Lang, ExitCode> {
    match Lang::choose(flag, |k| std::env::var(k).ok()) {
        Ok(l) => Ok(l),
        Err(bad) => {
            let m = msg!("unknown-lang", lang = bad);
            if flag.is_some() {
                eprintln!("{}: {}", say(&msg!("label-error")), say(&m));
                Err(ExitCode::from(2))
            } else {
                eprintln!("{}: {} (STEND_LANG)", say(&msg!("label-warning")), say(&m));
                Ok(Lang::En)
            }
        }
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the site into the output directory (atomically: a failed build changes nothing).
    Build {
        /// Project directory (holds stend.yaml, content/, data/, themes/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output directory [default: ROOT/public; with --edition D, ROOT/public-D; with
        /// --all-editions, ROOT/public-editions].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the output directory even when a different build wrote it (say, an
        /// edition into the ministry's site).
        #[arg(long)]
        force: bool,
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
        /// Address to listen on. On a loopback address (the default) only requests naming
        /// localhost are answered.
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
    match choose_lang(cli.lang.as_deref()) {
        Ok(l) => {
            let _ = LANG.set(l);
        }
        Err(code) => return code,
    }
    let env = stend::load::Env::from_process();
    match cli.command {
        Command::Build {
            root,
            out,
            verbose,
            edition,
            all_editions,
            force,
        } => {
            let which = match (edition, all_editions) {
                (Some(slug), _) => stend::Editions::Department(slug),
                (None, true) => stend::Editions::All,
                (None, false) => stend::Editions::Ministry,
            };
            build::run(&root, out, &which, build::Flags { verbose, force }, &env)
        }
        Command::Check { root } => check::run(&root, &env),
        Command::Schema { root, out } => schema::run(&root, out),
        Command::Serve {
            root,
            port,
            bind,
            open,
        } => serve::main(
            serve::Options {
                root,
                bind,
                port,
                open,
            },
            env,
        ),
    }
}

/// Prints the warnings of a successful build or check on stderr, beside the errors' place.
fn warn(warnings: &[stend::diagnostics::Diagnostic]) {
    if !warnings.is_empty() {
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "{}",
            stend::diagnostics::render_warnings(warnings, lang())
        );
    }
}

/// Prints a failure's diagnostics; exit code 1.
fn fail(e: &stend::diagnostics::Error) -> ExitCode {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{}", e.text(lang()));
    ExitCode::from(1)
}
