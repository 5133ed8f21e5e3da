//! `stend serve`: a local preview that rebuilds on every change and reloads open pages.
//!
//! The site is rendered in memory with [`stend::build::render`] — the same load,
//! validate, plan, render and link check as `stend build`, minus precompression and writing —
//! and served from memory: nothing is written to the project, and a rebuild replaces the whole
//! site at once, so a browser never sees half of an old build and half of a new one. Each
//! rebuild loads and checks everything again but re-renders only what the change affects: the
//! offices whose data, templates or shared values did not change keep their pages from the last
//! good build (see [`stend::build::cache`]); the site-wide pages are always rendered again.
//!
//! [`watch`] follows the project's inputs and triggers the rebuilds; [`http`] serves the site
//! (hyper on tokio). Each HTML response gets, only here, a `<script src="/__stend/reload.js">`
//! before `</body>` (and `connect-src 'self'` in the page's Content-Security-Policy so that it
//! may connect back). The script (`reload.js`) listens to server-sent events at
//! `/__stend/events`: `reload` reloads the page; `error` shows the build's diagnostics in a
//! panel over the page. A failed rebuild keeps serving the last good site; the next good one
//! reloads the pages and the panel disappears.

mod http;
mod watch;

use super::say;
use bytes::Bytes;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock, mpsc};
use std::time::Instant;
use stend::diagnostics::Diagnostic;
use stend::i18n::Msg;
use stend::load::Env;
use stend::msg;
use tokio::sync::mpsc::UnboundedSender;

/// What `stend serve` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// Project directory.
    pub root: PathBuf,
    /// Address to listen on (`127.0.0.1` by default: the preview is not meant for the network).
    pub bind: String,
    /// Port; 0 picks a free one (printed at start).
    pub port: u16,
    /// Open the site in the browser once it is built.
    pub open: bool,
}

/// The site being served: files by output path, and the build's number.
struct Site {
    files: Files,
    generation: u64,
}

/// A site's files by output path; bytes shared with the build before when unchanged.
type Files = HashMap<String, Arc<Vec<u8>>>;

/// What the rebuilds and the HTTP side share.
struct Shared {
    root: PathBuf,
    env: Env,
    site: RwLock<Arc<Site>>,
    /// The office pages of the last good build, for the next one to reuse.
    reuse: Mutex<stend::build::Cache>,
    /// The diagnostics of the last build, when it failed.
    error: Mutex<Option<String>>,
    /// The stale-data warnings last printed.
    warnings: Mutex<Vec<Diagnostic>>,
    /// The open event streams.
    subscribers: Mutex<Vec<UnboundedSender<Bytes>>>,
    generation: AtomicU64,
}

impl Shared {
    fn broadcast(&self, event: &str) {
        let event = Bytes::from(event.to_string());
        let mut subs = self.subscribers.lock().unwrap_or_else(|e| e.into_inner());
        subs.retain(|s| s.send(event.clone()).is_ok());
    }

    fn current(&self) -> Arc<Site> {
        Arc::clone(&self.site.read().unwrap_or_else(|e| e.into_inner()))
    }

    fn last_error(&self) -> Option<String> {
        self.error.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Renders the project; on success swaps the new site in and tells the pages to reload, on
    /// failure keeps the old site and sends the diagnostics.
    fn rebuild(&self, why: &str) {
        let started = Instant::now();
        let mut reuse = self.reuse.lock().unwrap_or_else(|e| e.into_inner());
        match preview(&self.root, &self.env, &reuse) {
            Ok((files, pages, next, warnings)) => {
                let rendered = pages - next.reused_pages();
                *reuse = next;
                let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
                let old = {
                    let mut site = self.site.write().unwrap_or_else(|e| e.into_inner());
                    std::mem::replace(&mut *site, Arc::new(Site { files, generation }))
                };
                *self.error.lock().unwrap_or_else(|e| e.into_inner()) = None;
                self.broadcast(&sse("reload", &generation.to_string()));
                let ms = started.elapsed().as_millis();
                if generation > 1 {
                    let m = msg!(
                        "serve-rebuilt",
                        ms = ms as u64,
                        summary = rendered_summary(rendered, pages),
                        why = why
                    );
                    println!("stend: {}", say(&m));
                }
                // Stale-data warnings, once each time they change (not on every keystroke).
                let mut shown = self.warnings.lock().unwrap_or_else(|e| e.into_inner());
                if *shown != warnings {
                    if !warnings.is_empty() {
                        eprint!(
                            "{}",
                            stend::diagnostics::render_warnings(&warnings, super::lang())
                        );
                    }
                    *shown = warnings;
                }
                // Free the old site off the critical path.
                drop(old);
            }
            Err(e) => {
                let text = e.text(super::lang());
                let m = msg!("serve-failed", why = why);
                eprintln!("stend: {}", say(&m));
                eprint!("{text}");
                self.broadcast(&sse("error", &text));
                *self.error.lock().unwrap_or_else(|e| e.into_inner()) = Some(text);
            }
        }
    }
}

/// What a rebuild rendered: `62 of 3566 pages rendered, the rest unchanged`, or
/// `all 3566 pages rendered` when nothing could be reused.
fn rendered_summary(rendered: usize, pages: usize) -> Msg {
    if rendered >= pages {
        msg!("serve-rendered-all", pages = pages)
    } else {
        msg!("serve-rendered-some", rendered = rendered, pages = pages)
    }
}

/// What a successful preview build gives: the files, the number of pages, what the next
/// rebuild may reuse, and the stale-data warnings.
type Preview = (Files, usize, stend::build::Cache, Vec<Diagnostic>);

/// Renders the project's ministry edition in memory, reusing the unchanged offices of `reuse`.
fn preview(
    root: &Path,
    env: &Env,
    reuse: &stend::build::Cache,
) -> stend::diagnostics::Result<Preview> {
    let project = stend::Project::load(root, env)?;
    let ed = stend::model::Edition::ministry(&project.site);
    let memory = stend::write::Memory::default();
    let r = stend::build::render(&project, &ed, &memory, "", Some(reuse))?;
    Ok((memory.into_shared(), r.pages, r.cache, project.warnings))
}

/// One server-sent event; each line of `data` becomes a `data:` line.
fn sse(event: &str, data: &str) -> String {
    let mut s = format!("event: {event}\n");
    for line in data.trim_end().split('\n') {
        s.push_str("data: ");
        s.push_str(line.trim_end_matches('\r'));
        s.push('\n');
    }
    s.push('\n');
    s
}

/// The project directory checked and the port bound, or what to print and exit with.
fn listen(opts: &Options) -> Result<(std::net::TcpListener, std::net::SocketAddr), String> {
    // The watcher's own error for a missing directory is an OS error code; say it plainly.
    if !opts.root.is_dir() {
        let m = msg!("serve-no-root", dir = opts.root.display().to_string());
        return Err(format!(
            "{}: {}\n  = {}: {}",
            say(&msg!("label-error")),
            say(&m),
            say(&msg!("label-help")),
            say(&msg!("hint-serve-no-root"))
        ));
    }
    let listener = std::net::TcpListener::bind((opts.bind.as_str(), opts.port)).map_err(|e| {
        let m = msg!(
            "serve-cannot-listen",
            addr = format!("{}:{}", opts.bind, opts.port),
            why = Msg::verbatim(e.to_string())
        );
        format!(
            "{}: {}\n  = {}: {}",
            say(&msg!("label-error")),
            say(&m),
            say(&msg!("label-help")),
            say(&msg!("hint-serve-port"))
        )
    })?;
    let addr = listener.local_addr().map_err(|e| {
        let m = msg!("serve-no-address", why = Msg::verbatim(e.to_string()));
        format!("{}: {}", say(&msg!("label-error")), say(&m))
    })?;
    Ok((listener, addr))
}

/// Builds the site the first time and says where it is served (and whether it built); the URL.
fn first_build(shared: &Shared, addr: &std::net::SocketAddr, root: &Path) -> String {
    let started = Instant::now();
    shared.rebuild("start");
    let url = format!("http://{addr}/");
    let site = shared.current();
    let state = if site.generation == 0 {
        msg!("serve-first-failed")
    } else {
        let pages = site.files.keys().filter(|k| k.ends_with(".html")).count();
        msg!(
            "serve-first-built",
            pages = pages,
            ms = started.elapsed().as_millis() as u64
        )
    };
    drop(site);
    let serving = msg!(
        "serve-serving",
        url = &url,
        state = state,
        dir = root.display().to_string()
    );
    println!("stend: {}", say(&serving));
    let _ = std::io::stdout().flush();
    url
}

/// Runs `stend serve` until the process is stopped.
pub fn main(opts: Options, env: Env) -> ExitCode {
    let (listener, addr) = match listen(&opts) {
        Ok(l) => l,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    let shared = Arc::new(Shared {
        root: opts.root.clone(),
        env,
        site: RwLock::new(Arc::new(Site {
            files: HashMap::new(),
            generation: 0,
        })),
        reuse: Mutex::new(stend::build::Cache::default()),
        error: Mutex::new(None),
        warnings: Mutex::new(Vec::new()),
        subscribers: Mutex::new(Vec::new()),
        generation: AtomicU64::new(0),
    });

    // Watch before the first build, so that no change made during it is missed.
    let (tx, rx) = mpsc::channel();
    let _watcher = match watch::watch(&opts.root, tx) {
        Ok(w) => w,
        Err(e) => {
            let m = msg!(
                "serve-cannot-watch",
                dir = opts.root.display().to_string(),
                why = Msg::verbatim(e.to_string())
            );
            eprintln!("{}: {}", say(&msg!("label-error")), say(&m));
            return ExitCode::from(1);
        }
    };
    let url = first_build(&shared, &addr, &opts.root);
    if opts.open {
        open_browser(&url);
    }

    let rebuilder = Arc::clone(&shared);
    std::thread::spawn(move || {
        watch::rebuild_loop(&rebuilder.root.clone(), &rx, |why| rebuilder.rebuild(why))
    });

    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            let m = msg!("serve-cannot-start", why = Msg::verbatim(e.to_string()));
            eprintln!("{}: {}", say(&msg!("label-error")), say(&m));
            return ExitCode::from(1);
        }
    };
    let loopback_only = addr.ip().is_loopback();
    match runtime.block_on(http::serve(listener, shared, loopback_only)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let m = msg!("serve-stopped", why = Msg::verbatim(e.to_string()));
            eprintln!("{}: {}", say(&msg!("label-error")), say(&m));
            ExitCode::from(1)
        }
    }
}

fn open_browser(url: &str) {
    let _ = std::process::Command::new("xdg-open")
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

#[cfg(test)]
mod tests {
    use super::sse;

    #[test]
    fn a_full_rerender_is_not_called_partial() {
        assert_eq!(
            super::rendered_summary(62, 3566).to_string(),
            "62 of 3566 pages rendered, the rest unchanged"
        );
        assert_eq!(
            super::rendered_summary(3566, 3566).to_string(),
            "all 3566 pages rendered"
        );
    }

    #[test]
    fn events_split_lines() {
        assert_eq!(sse("error", "a\nb\n"), "event: error\ndata: a\ndata: b\n\n");
    }
}
