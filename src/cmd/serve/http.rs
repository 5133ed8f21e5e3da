//! The preview's HTTP side, on hyper (HTTP/1.1) and tokio: a well-kept server does the parsing,
//! keep-alive, timeouts and streaming; this module decides what each request gets.
//!
//! - `GET` and `HEAD` only (405 with `Allow` otherwise); absolute-form targets
//!   (`GET http://127.0.0.1:1111/kk/ HTTP/1.1`) are served like origin-form ones.
//! - Bound to a loopback address, only requests naming a loopback host (`localhost`,
//!   `127.0.0.1`, `[::1]`, any port) are answered — 421 otherwise — so that a web page cannot
//!   read the preview through a DNS name rebound to 127.0.0.1.
//! - Paths are percent-decoded once; a path that would climb out of the site (`..`) is refused
//!   (400), one with an empty segment or a backslash (`//kk`, `/%2F%2Fru`, `/\x`) is not found
//!   (404) and never redirected, since browsers read `//host` in `Location` as another site. The
//!   one redirect, a directory without its slash (`/kk/offices` → `/kk/offices/`), is a path on
//!   the same origin.
//! - At most [`MAX_CONNECTIONS`] connections at a time (each serves one request at a time);
//!   request heads must arrive within [`HEAD_TIMEOUT`] and fit [`MAX_HEAD`].

use super::{Shared, Site, sse};
use bytes::Bytes;
use http_body_util::{Either, Full};
use hyper::body::{Body, Frame, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

/// Connections served at once; more wait in the listen queue. A preview has a few tabs open,
/// each with its event stream and a handful of parallel requests.
pub const MAX_CONNECTIONS: usize = 128;
/// Time for a client to send a request's head.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest request head read.
pub const MAX_HEAD: usize = 64 * 1024;
/// A comment on the event stream this often keeps proxies and browsers patient.
const PING: Duration = Duration::from_secs(15);

const RELOAD_JS: &str = include_str!("reload.js");

type Reply = Response<Either<Full<Bytes>, Events>>;

/// Accepts connections until the listener fails.
pub async fn serve(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    loopback_only: bool,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let permits = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(permit) = Arc::clone(&permits).acquire_owned().await else {
            return Ok(());
        };
        let stream = match listener.accept().await {
            Ok((s, _)) => s,
            Err(_) => {
                // Out of file descriptors, say: wait instead of spinning.
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req: Request<Incoming>| {
                let reply = respond(&shared, loopback_only, &req);
                async move { Ok::<_, Infallible>(reply) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_buf_size(MAX_HEAD)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(permit);
        });
    }
}

/// The answer to one request.
fn respond<B>(shared: &Shared, loopback_only: bool, req: &Request<B>) -> Reply {
    let head = req.method() == Method::HEAD;
    let Some(host) = host_of(req) else {
        return text(StatusCode::BAD_REQUEST, "no Host in the request\n", head);
    };
    if loopback_only && !is_loopback_name(&host) {
        return text(
            StatusCode::MISDIRECTED_REQUEST,
            "stend serve answers requests for localhost only\n",
            head,
        );
    }
    if req.method() != Method::GET && !head {
        let mut r = text(
            StatusCode::METHOD_NOT_ALLOWED,
            "method not allowed\n",
            false,
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let raw = req.uri().path();
    let Some(path) = percent_decode(raw).filter(|p| safe_path(p)) else {
        return text(StatusCode::BAD_REQUEST, "bad path\n", head);
    };
    match path.as_str() {
        "/__stend/events" => return events(shared, head),
        "/__stend/reload.js" => {
            return file(
                StatusCode::OK,
                "text/javascript; charset=utf-8",
                Bytes::from_static(RELOAD_JS.as_bytes()),
                head,
            );
        }
        _ => {}
    }
    let site = shared.current();
    if site.generation == 0 {
        return first_build_failed(shared, head);
    }
    if path.contains("//") || path.contains('\\') {
        return not_found(&site, head);
    }
    let key = path.trim_start_matches('/');
    let key = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.to_string()
    };
    if let Some(bytes) = site.files.get(&key) {
        let ct = content_type(&key);
        let body = if ct.starts_with("text/html") {
            Bytes::from(inject(bytes, site.generation))
        } else {
            Bytes::from_owner(SharedBytes(Arc::clone(bytes)))
        };
        return file(StatusCode::OK, ct, body, head);
    }
    if site.files.contains_key(&format!("{key}/index.html")) {
        // `raw` is the request's own path, which proved to be a plain path of this site: the
        // redirect cannot name another host.
        let mut r = file(
            StatusCode::MOVED_PERMANENTLY,
            "text/plain; charset=utf-8",
            Bytes::new(),
            head,
        );
        if let Ok(v) = HeaderValue::from_str(&format!("{raw}/")) {
            r.headers_mut().insert(header::LOCATION, v);
        }
        return r;
    }
    not_found(&site, head)
}

/// The host a request names: the authority of an absolute-form target, which RFC 9112 §3.2.2
/// puts before `Host`, else the `Host` header; without the port.
fn host_of<B>(req: &Request<B>) -> Option<String> {
    let authority = match req.uri().authority() {
        Some(a) => a.as_str().to_string(),
        None => req.headers().get(header::HOST)?.to_str().ok()?.to_string(),
    };
    let authority = authority
        .rsplit_once('@')
        .map_or(authority.as_str(), |(_, h)| h);
    let host = if let Some(rest) = authority.strip_prefix('[') {
        rest.split_once(']')?.0
    } else {
        authority.split(':').next()?
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// `localhost` (and its subdomains, which browsers resolve to loopback themselves), an IPv4
/// address in 127.0.0.0/8 or `::1`.
fn is_loopback_name(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host.parse::<Ipv4Addr>().is_ok_and(|a| a.is_loopback())
        || host
            .parse::<Ipv6Addr>()
            .is_ok_and(|a| IpAddr::V6(a).is_loopback())
}

/// A decoded path this server may look up: absolute, not climbing out with `..`.
fn safe_path(p: &str) -> bool {
    p.starts_with('/') && !p.split(['/', '\\']).any(|s| s == "..")
}

fn text(status: StatusCode, body: &'static str, head: bool) -> Reply {
    file(
        status,
        "text/plain; charset=utf-8",
        Bytes::from_static(body.as_bytes()),
        head,
    )
}

/// A response with a whole body (sent only for GET), never cached: the preview changes.
fn file(status: StatusCode, content_type: &'static str, body: Bytes, head: bool) -> Reply {
    let len = body.len();
    let body = if head { Bytes::new() } else { body };
    let mut r = Response::new(Either::Left(Full::new(body)));
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

/// Lets a file's shared bytes be a response body without copying them.
struct SharedBytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn not_found(site: &Site, head: bool) -> Reply {
    match site.files.get("404.html") {
        Some(bytes) => file(
            StatusCode::NOT_FOUND,
            "text/html; charset=utf-8",
            Bytes::from(inject(bytes, site.generation)),
            head,
        ),
        None => text(StatusCode::NOT_FOUND, "not found\n", head),
    }
}

/// Every page while the first build has failed: the error, which the script also shows.
fn first_build_failed(shared: &Shared, head: bool) -> Reply {
    let error = shared.last_error().unwrap_or_default();
    let lang = crate::cmd::lang();
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>stend: {}</title></head>\n<body><h1>stend: {}</h1>\n<pre>{}</pre>\n</body></html>\n",
        lang.code(),
        stend::msg!("panel-title").text(lang),
        stend::msg!("panel-heading").text(lang),
        stend::util::escape::html(&error)
    );
    file(
        StatusCode::INTERNAL_SERVER_ERROR,
        "text/html; charset=utf-8",
        Bytes::from(inject(page.as_bytes(), 0)),
        head,
    )
}

/// The event stream: `hello` with the current build at once (and the current error, if any),
/// then every `reload` and `error`, and a comment every [`PING`].
fn events(shared: &Shared, head: bool) -> Reply {
    let mut first = format!(
        "retry: 500\n\n{}",
        sse("hello", &shared.current().generation.to_string())
    );
    if let Some(err) = shared.last_error() {
        first.push_str(&sse("error", &err));
    }
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    if !head {
        shared
            .subscribers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(tx);
    }
    let body = Events {
        first: (!head).then(|| Bytes::from(first)),
        rx,
        ping: tokio::time::interval_at(tokio::time::Instant::now() + PING, PING),
        done: head,
    };
    let mut r = Response::new(Either::Right(body));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// The body of an event stream: never ends while the server runs.
pub struct Events {
    first: Option<Bytes>,
    rx: tokio::sync::mpsc::UnboundedReceiver<Bytes>,
    ping: tokio::time::Interval,
    /// A HEAD request's stream is empty.
    done: bool,
}

impl Body for Events {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if self.done {
            return Poll::Ready(None);
        }
        if let Some(first) = self.first.take() {
            return Poll::Ready(Some(Ok(Frame::data(first))));
        }
        match self.rx.poll_recv(cx) {
            Poll::Ready(Some(event)) => return Poll::Ready(Some(Ok(Frame::data(event)))),
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Pending => {}
        }
        match self.ping.poll_tick(cx) {
            Poll::Ready(_) => Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(b": ping\n\n"))))),
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.done
    }
}

/// A page with the reload script before `</body>`, and `connect-src 'self'` added to its
/// Content-Security-Policy so that the script may open the event stream. The script is an
/// external file (the policy allows no inline script); its one parameter is a number, and the
/// words of its error panel, in the reader's language, are data attributes.
fn inject(html: &[u8], generation: u64) -> Vec<u8> {
    let lang = crate::cmd::lang();
    let attr = |id: &'static str| stend::util::escape::html(&stend::i18n::Msg::new(id).text(lang));
    let script = format!(
        "<script src=\"/__stend/reload.js?build={generation}\" data-lang=\"{}\" data-heading=\"{}\" data-close=\"{}\"></script>\n",
        lang.code(),
        attr("panel-stale"),
        attr("panel-close")
    );
    let csp = b"http-equiv=\"Content-Security-Policy\" content=\"";
    let mut out = Vec::with_capacity(html.len() + script.len() + 32);
    let mut rest = html;
    // A directive given twice is ignored with a console warning: add it only when missing.
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

/// The `Content-Type` of a site file, as `deploy/nginx.conf` gives it too.
fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
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
    fn leaves_a_policy_that_allows_connecting_alone() {
        let page = br#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'self'"></head><body></body></html>"#;
        let out = String::from_utf8(inject(page, 1)).unwrap();
        assert_eq!(out.matches("connect-src").count(), 1);
        assert!(out.contains(r#"content="default-src 'none'; connect-src 'self'""#));
        assert!(out.contains("/__stend/reload.js?build=1"));
    }

    #[test]
    fn injects_script_and_csp() {
        let page = br#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"></head><body><p>x</p></body></html>"#;
        let out = String::from_utf8(inject(page, 7)).unwrap();
        assert!(out.contains(r#"content="connect-src 'self'; default-src 'none'"#));
        assert!(out.ends_with(
            "<p>x</p><script src=\"/__stend/reload.js?build=7\" data-lang=\"en\" data-heading=\"the last change does not build; this page is the last good build.\" data-close=\"Close\"></script>\n</body></html>"
        ), "{out}");
    }

    #[test]
    fn decodes_paths() {
        assert_eq!(percent_decode("/kk/%D0%B0/").as_deref(), Some("/kk/а/"));
        assert_eq!(percent_decode("/%2F%2Fru").as_deref(), Some("///ru"));
        assert_eq!(percent_decode("/%zz"), None);
    }

    #[test]
    fn loopback_names() {
        for ok in [
            "localhost",
            "127.0.0.1",
            "127.1.2.3",
            "::1",
            "app.localhost",
        ] {
            assert!(is_loopback_name(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "127.0.0.1.evil.example",
            "0.0.0.0",
            "localhost.evil",
            "",
        ] {
            assert!(!is_loopback_name(bad), "{bad}");
        }
    }

    fn host(h: &str) -> Option<String> {
        let req = Request::builder()
            .uri("/")
            .header("host", h)
            .body(())
            .unwrap();
        host_of(&req)
    }

    #[test]
    fn hosts_without_ports() {
        assert_eq!(host("LocalHost:1111").as_deref(), Some("localhost"));
        assert_eq!(host("[::1]:8080").as_deref(), Some("::1"));
        assert_eq!(host("127.0.0.1").as_deref(), Some("127.0.0.1"));
        let absolute = Request::builder()
            .uri("http://evil.example:80/kk/")
            .header("host", "localhost")
            .body(())
            .unwrap();
        assert_eq!(host_of(&absolute).as_deref(), Some("evil.example"));
    }

    #[test]
    fn paths_that_climb_out_are_unsafe() {
        assert!(safe_path("/kk/offices/"));
        assert!(!safe_path("/kk/../../stend.yaml"));
        assert!(!safe_path("/kk/..\\x"));
        assert!(!safe_path("kk/"));
    }
}
