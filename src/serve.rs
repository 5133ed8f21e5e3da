//! `stend serve`: a local preview that rebuilds on every change and reloads open pages.
//!
//! The site is rendered in memory with [`crate::render_edition_reusing`] — the same load,
//! validate, plan, render and link check as `stend build`, minus precompression and writing —
//! and served from memory: nothing is written to the project, and a rebuild replaces the whole
//! site at once, so a browser never sees half of an old build and half of a new one. Each
//! rebuild loads and checks everything again but re-renders only what the change affects: the
//! offices whose data, templates or shared values did not change keep their pages from the last
//! good build (see [`crate::incremental`]); the site-wide pages are always rendered again.
//!
//! A watcher (the `notify` crate: inotify, FSEvents or ReadDirectoryChangesW) follows
//! `content/`, `data/`, `themes/` and `stend.yaml`; changes are debounced for
//! [`DEBOUNCE`] and trigger a rebuild. Each HTML response gets, only here, a
//! `<script src="/__stend/reload.js">` before `</body>` (and `connect-src 'self'` in the page's
//! Content-Security-Policy so that it may connect back). The script listens to server-sent
//! events at `/__stend/events`: `reload` reloads the page; `error` shows the build's
//! diagnostics in a panel over the page. A failed rebuild keeps serving the last good site; the
//! next good one reloads the pages and the panel disappears.
//!
//! The HTTP server is a small HTTP/1.1 server on `std::net` (GET and HEAD, one thread per
//! connection, `Connection: close`): enough for a preview on the loopback interface, and the
//! event stream needs nothing more than writing and flushing a socket.

use crate::load::Env;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// Quiet time after the last change before rebuilding: editors often write a file in several
/// steps (truncate, write, rename), and a save of several files should make one rebuild.
pub const DEBOUNCE: Duration = Duration::from_millis(20);

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

const RELOAD_JS: &str = r##"// stend serve: reloads the page after a rebuild, shows build errors over it.
(function () {
  "use strict";
  var me = document.currentScript && document.currentScript.src;
  var built = me ? new URL(me).searchParams.get("build") : null;
  var panel = null;
  function hide() {
    if (panel) { panel.remove(); panel = null; }
  }
  function show(text) {
    hide();
    panel = document.createElement("div");
    panel.setAttribute("role", "alert");
    panel.id = "stend-serve-error";
    var s = panel.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
    s.maxHeight = "60vh"; s.overflow = "auto"; s.margin = "0"; s.padding = "1em";
    s.background = "#fff4f4"; s.color = "#600"; s.borderTop = "4px solid #c00";
    s.font = "14px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
    s.boxShadow = "0 -2px 12px rgba(0,0,0,.3)";
    var head = document.createElement("strong");
    head.textContent = "stend: the last change does not build; this page is the last good build.";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close");
    close.style.float = "right";
    close.addEventListener("click", hide);
    var pre = document.createElement("pre");
    pre.style.whiteSpace = "pre-wrap";
    pre.style.margin = ".5em 0 0";
    pre.textContent = text;
    panel.appendChild(close);
    panel.appendChild(head);
    panel.appendChild(pre);
    document.body.appendChild(panel);
  }
  if (!window.EventSource) return;
  var events = new EventSource("/__stend/events");
  events.addEventListener("hello", function (e) {
    // A rebuild happened while this page was loading or the connection was down.
    if (built !== null && e.data !== built) location.reload();
  });
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("error", function (e) {
    // The stream's own connection errors are plain events without data: EventSource reconnects.
    if (typeof e.data === "string") show(e.data);
  });
  events.addEventListener("ok", hide);
})();
"##;

/// The site being served: files by output path, and the build's number.
struct Site {
    files: Files,
    generation: u64,
}

/// A site's files by output path; bytes shared with the build before when unchanged.
type Files = HashMap<String, Arc<Vec<u8>>>;

struct Shared {
    root: PathBuf,
    env: Env,
    site: RwLock<Arc<Site>>,
    /// The office pages of the last good build, for the next one to reuse.
    reuse: Mutex<crate::incremental::Reuse>,
    /// The diagnostics of the last build, when it failed.
    error: Mutex<Option<String>>,
    subscribers: Mutex<Vec<Sender<String>>>,
    generation: AtomicU64,
}

impl Shared {
    fn broadcast(&self, event: &str) {
        let mut subs = self.subscribers.lock().unwrap_or_else(|e| e.into_inner());
        subs.retain(|s| s.send(event.to_string()).is_ok());
    }

    /// Renders the project; on success swaps the new site in and tells the pages to reload, on
    /// failure keeps the old site and sends the diagnostics.
    fn rebuild(&self, why: &str) {
        let started = Instant::now();
        let mut reuse = self.reuse.lock().unwrap_or_else(|e| e.into_inner());
        match preview(&self.root, &self.env, &reuse) {
            Ok((files, pages, next)) => {
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
                    println!(
                        "stend: rebuilt in {ms} ms: {rendered} of {pages} pages rendered, the rest unchanged ({why})"
                    );
                }
                // Free the old site off the critical path.
                drop(old);
            }
            Err(e) => {
                let text = e.to_string();
                eprintln!("stend: the build failed ({why}); still serving the last good build:");
                eprint!("{text}");
                self.broadcast(&sse("error", &text));
                *self.error.lock().unwrap_or_else(|e| e.into_inner()) = Some(text);
            }
        }
    }
}

/// Renders the project's ministry edition in memory, reusing the unchanged offices of `reuse`:
/// the files, the number of pages and what the next rebuild may reuse.
fn preview(
    root: &Path,
    env: &Env,
    reuse: &crate::incremental::Reuse,
) -> crate::diagnostics::Result<(Files, usize, crate::incremental::Reuse)> {
    let site = crate::load_site(root, env)?;
    let templates = crate::render::Templates::compile(&site)?;
    let ed = crate::edition::Edition::ministry(&site);
    let memory = crate::write::Memory::default();
    let (pages, next) =
        crate::render_edition_reusing(&site, &templates, &ed, &memory, "", Some(reuse))?;
    Ok((memory.into_shared(), pages, next))
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

/// Runs `stend serve` until the process is stopped.
pub fn main(opts: Options, env: Env) -> ExitCode {
    let listener = match TcpListener::bind((opts.bind.as_str(), opts.port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "error: cannot listen on {}:{}: {e}\n  = hint: another program may use the port; try `--port 0` for a free one",
                opts.bind, opts.port
            );
            return ExitCode::from(1);
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: cannot read the listening address: {e}");
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
        reuse: Mutex::new(crate::incremental::Reuse::default()),
        error: Mutex::new(None),
        subscribers: Mutex::new(Vec::new()),
        generation: AtomicU64::new(0),
    });

    // Watch before the first build, so that no change made during it is missed.
    let (tx, rx) = mpsc::channel();
    let _watcher = match watch(&opts.root, tx) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot watch {}: {e}", opts.root.display());
            return ExitCode::from(1);
        }
    };
    let started = Instant::now();
    shared.rebuild("start");
    let url = format!("http://{addr}/");
    let state = {
        let site = shared.site.read().unwrap_or_else(|e| e.into_inner());
        if site.generation == 0 {
            "the first build failed (see above); fix it and the page reloads".to_string()
        } else {
            let pages = site.files.keys().filter(|k| k.ends_with(".html")).count();
            format!("{pages} pages in {} ms", started.elapsed().as_millis())
        }
    };
    println!(
        "stend: serving {url} ({state}); watching {} for changes, Ctrl-C to stop",
        opts.root.display()
    );
    let _ = std::io::stdout().flush();
    if opts.open {
        open_browser(&url);
    }

    let rebuilder = Arc::clone(&shared);
    std::thread::spawn(move || rebuild_loop(&rebuilder, &rx));

    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            let _ = handle(stream, &shared);
        });
    }
    ExitCode::SUCCESS
}

fn open_browser(url: &str) {
    let _ = std::process::Command::new("xdg-open")
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

// ---------------------------------------------------------------- watching

/// Watches what a build reads; sends every relevant changed path.
fn watch(root: &Path, tx: Sender<PathBuf>) -> notify::Result<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let base = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let filter_base = base.clone();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(event) = res else { return };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        for p in event.paths {
            if relevant(&filter_base, &p) {
                let _ = tx.send(p);
            }
        }
    })?;
    for dir in ["content", "data", "themes"] {
        let d = base.join(dir);
        if d.is_dir() {
            watcher.watch(&d, RecursiveMode::Recursive)?;
        }
    }
    // The root itself, not recursively: `stend.yaml` (editors often replace it by renaming).
    watcher.watch(&base, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

/// Whether a changed path is one the build reads: under content/, data/ or themes/, or
/// `stend.yaml`; not an editor's swap, backup or lock file.
fn relevant(root: &Path, p: &Path) -> bool {
    let Ok(rel) = p.strip_prefix(root) else {
        return false;
    };
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
    {
        return false;
    }
    match rel.components().next() {
        Some(std::path::Component::Normal(first)) => {
            let first = first.to_string_lossy();
            (first == "stend.yaml" && rel.components().count() == 1)
                || (["content", "data", "themes"].contains(&first.as_ref())
                    && rel.components().count() > 1)
        }
        _ => false,
    }
}

fn rebuild_loop(shared: &Shared, rx: &mpsc::Receiver<PathBuf>) {
    let root = shared
        .root
        .canonicalize()
        .unwrap_or_else(|_| shared.root.clone());
    while let Ok(first) = rx.recv() {
        let mut changed = vec![first];
        // Debounce: wait until nothing has changed for DEBOUNCE (at most a second in all).
        let deadline = Instant::now() + Duration::from_secs(1);
        loop {
            match rx.recv_timeout(DEBOUNCE) {
                Ok(p) => {
                    if !changed.contains(&p) {
                        changed.push(p);
                    }
                    if Instant::now() > deadline {
                        break;
                    }
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let mut names: Vec<String> = changed
            .iter()
            .map(|p| {
                p.strip_prefix(&root)
                    .unwrap_or(p)
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        names.sort();
        let why = if names.len() > 3 {
            format!("{} and {} more", names[..3].join(", "), names.len() - 3)
        } else {
            names.join(", ")
        };
        shared.rebuild(&why);
    }
}

// ---------------------------------------------------------------- HTTP

struct Request {
    method: String,
    path: String,
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut reader = BufReader::new(stream.take(16 * 1024));
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    // Skip the headers: nothing in them changes the answer.
    loop {
        let mut h = String::new();
        match reader.read_line(&mut h) {
            Ok(0) => break,
            Ok(_) if h == "\r\n" || h == "\n" => break,
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    Some(Request {
        method,
        path: target,
    })
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    extra: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n{extra}\r\n",
        body.len()
    )
    .into_bytes();
    if !head {
        out.extend_from_slice(body);
    }
    stream.write_all(&out)?;
    stream.flush()
}

fn handle(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let Some(req) = read_request(&mut stream) else {
        return respond(
            &mut stream,
            "400 Bad Request",
            "text/plain",
            "",
            b"bad request\n",
            false,
        );
    };
    let head = req.method == "HEAD";
    if req.method != "GET" && !head {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            "Allow: GET, HEAD\r\n",
            b"method not allowed\n",
            false,
        );
    }
    let raw = req.path.split(['?', '#']).next().unwrap_or("");
    let path =
        percent_decode(raw).filter(|p| p.starts_with('/') && !p.split('/').any(|s| s == ".."));
    let Some(path) = path else {
        return respond(
            &mut stream,
            "400 Bad Request",
            "text/plain",
            "",
            b"bad path\n",
            head,
        );
    };
    match path.as_str() {
        "/__stend/events" => return events(stream, shared),
        "/__stend/reload.js" => {
            return respond(
                &mut stream,
                "200 OK",
                "text/javascript; charset=utf-8",
                "",
                RELOAD_JS.as_bytes(),
                head,
            );
        }
        _ => {}
    }
    let site = Arc::clone(&shared.site.read().unwrap_or_else(|e| e.into_inner()));
    if site.generation == 0 {
        // The first build failed: every page is the error, which the script also shows.
        let text = shared
            .error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
            .unwrap_or_default();
        let page = format!(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>stend: build failed</title></head>\n<body><h1>stend: the site does not build</h1>\n<pre>{}</pre>\n</body></html>\n",
            escape(&text)
        );
        let body = inject(page.as_bytes(), 0);
        return respond(
            &mut stream,
            "500 Internal Server Error",
            "text/html; charset=utf-8",
            "",
            &body,
            head,
        );
    }
    let key = path.trim_start_matches('/');
    let key = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.to_string()
    };
    if let Some(bytes) = site.files.get(&key) {
        let ct = content_type(&key);
        if ct.starts_with("text/html") {
            let body = inject(bytes, site.generation);
            return respond(&mut stream, "200 OK", ct, "", &body, head);
        }
        return respond(&mut stream, "200 OK", ct, "", bytes, head);
    }
    if site.files.contains_key(&format!("{key}/index.html")) {
        return respond(
            &mut stream,
            "301 Moved Permanently",
            "text/plain",
            &format!("Location: {path}/\r\n"),
            b"",
            head,
        );
    }
    match site.files.get("404.html") {
        Some(bytes) => respond(
            &mut stream,
            "404 Not Found",
            "text/html; charset=utf-8",
            "",
            &inject(bytes, site.generation),
            head,
        ),
        None => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            "",
            b"not found\n",
            head,
        ),
    }
}

/// The event stream: `hello` with the current build at once (and the current error, if any),
/// then every `reload` and `error`; a comment every 15 s keeps proxies and browsers patient.
fn events(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let (tx, rx) = mpsc::channel::<String>();
    let generation = shared
        .site
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .generation;
    let mut first = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n{}",
        sse("hello", &generation.to_string())
    );
    if let Some(err) = shared
        .error
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_deref()
    {
        first.push_str(&sse("error", err));
    }
    shared
        .subscribers
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(tx);
    stream.write_all(first.as_bytes())?;
    stream.flush()?;
    loop {
        match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(event) => stream.write_all(event.as_bytes())?,
            Err(RecvTimeoutError::Timeout) => stream.write_all(b": ping\n\n")?,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        stream.flush()?;
    }
}

/// A page with the reload script before `</body>`, and `connect-src 'self'` added to its
/// Content-Security-Policy so that the script may open the event stream (unless the policy
/// allows that already: a directive given twice is ignored with a console warning).
fn inject(html: &[u8], generation: u64) -> Vec<u8> {
    let script = format!("<script src=\"/__stend/reload.js?build={generation}\"></script>\n");
    let csp = b"http-equiv=\"Content-Security-Policy\" content=\"";
    let mut out = Vec::with_capacity(html.len() + script.len() + 32);
    let mut rest = html;
    let allowed = find(html, b"connect-src 'self'").is_some();
    if let Some(i) = find(html, csp).filter(|_| !allowed) {
        let at = i + csp.len();
        out.extend_from_slice(&html[..at]);
        out.extend_from_slice(b"connect-src 'self'; ");
        rest = &html[at..];
    }
    match rfind(rest, b"</body>") {
        Some(i) => {
            out.extend_from_slice(&rest[..i]);
            out.extend_from_slice(script.as_bytes());
            out.extend_from_slice(&rest[i..]);
        }
        None => {
            out.extend_from_slice(rest);
            out.extend_from_slice(script.as_bytes());
        }
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_script_and_csp() {
        let page = br#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"></head><body><p>x</p></body></html>"#;
        let out = String::from_utf8(inject(page, 7)).unwrap();
        assert!(out.contains(r#"content="connect-src 'self'; default-src 'none'"#));
        assert!(out.ends_with(
            "<p>x</p><script src=\"/__stend/reload.js?build=7\"></script>\n</body></html>"
        ));
    }

    #[test]
    fn leaves_a_policy_that_allows_connecting_alone() {
        let page = br#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'self'"></head><body></body></html>"#;
        let out = String::from_utf8(inject(page, 1)).unwrap();
        assert_eq!(out.matches("connect-src").count(), 1);
        assert!(out.contains(r#"content="default-src 'none'; connect-src 'self'""#));
        assert!(out.contains("/__stend/reload.js?build=1"));
    }

    #[test]
    fn events_split_lines() {
        assert_eq!(sse("error", "a\nb\n"), "event: error\ndata: a\ndata: b\n\n");
    }

    #[test]
    fn only_project_inputs_are_relevant() {
        let root = Path::new("/p");
        assert!(relevant(root, Path::new("/p/content/kk/fee.md")));
        assert!(relevant(root, Path::new("/p/stend.yaml")));
        assert!(relevant(
            root,
            Path::new("/p/themes/default/templates/base.html")
        ));
        assert!(!relevant(root, Path::new("/p/public/kk/index.html")));
        assert!(!relevant(root, Path::new("/p/content/kk/.fee.md.swp")));
        assert!(!relevant(root, Path::new("/p/data/offices.yaml~")));
        assert!(!relevant(root, Path::new("/p/content")));
        assert!(!relevant(root, Path::new("/q/content/kk/fee.md")));
    }

    #[test]
    fn decodes_paths() {
        assert_eq!(percent_decode("/kk/%D0%B0/").as_deref(), Some("/kk/а/"));
        assert_eq!(percent_decode("/%zz"), None);
    }
}
