//! `stend serve`: the real binary on an ephemeral loopback port, against a copy of the project:
//! pages over HTTP, a content edit that reloads, a broken data file that reports an error and
//! keeps the last good site, and a fix that recovers without a restart; and the HTTP rules —
//! no redirect to another host, absolute-form targets, loopback `Host` names only, HEAD, 405,
//! and a bound on connections.

use crate::common;

use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// Generous: the test binary is a debug build, and CI machines are busy.
const BUILD: Duration = Duration::from_secs(120);

/// Kills the server however the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The shipped project with the office directory cut to its first department, so that every
/// rebuild is quick; nothing in the content links to other departments.
fn small_project(dir: &Path) {
    copy_project(dir);
    let offices = dir.join("data/offices.yaml");
    let text = std::fs::read_to_string(&offices).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("  - slug:"))
        .map(|(i, _)| i)
        .collect();
    assert!(!starts.is_empty(), "no department in offices.yaml");
    let end = starts.get(1).copied().unwrap_or(lines.len());
    let mut cut = lines[..end].join("\n");
    cut.push('\n');
    std::fs::write(&offices, cut).unwrap();
}

/// Starts `stend serve --port 0` on a small copy of the project; the server, its port, and the
/// lines it prints after the first.
fn start(dir: &Path) -> (Server, u16, Receiver<String>) {
    small_project(dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_stend"))
        .env("SOURCE_DATE_EPOCH", EPOCH_2026)
        .env("STEND_LANG", "en")
        .args(["serve", "--port", "0", "--root"])
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start stend serve");
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    // The one line at start names the address.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let first = rx.recv_timeout(BUILD).expect("no start line");
    assert!(
        first.starts_with("stend: serving http://127.0.0.1:"),
        "{first}"
    );
    let port: u16 = first["stend: serving http://127.0.0.1:".len()..]
        .split('/')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {first}"));
    (server, port, rx)
}

/// A response: status, headers (names lowercase), body.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `request` as it is and reads the response to the end (the request asks to close).
fn raw(port: u16, request: &str) -> Reply {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut bytes = Vec::new();
    s.read_to_end(&mut bytes).expect("read response");
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .expect("status");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: bytes[split + 4..].to_vec(),
    }
}

fn request(method: &str, target: &str, host: &str) -> String {
    format!("{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
}

fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read response");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("headers");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("status");
    (status, body.to_string())
}

/// Opens the event stream; every `(event, data)` arrives on the channel.
fn subscribe(port: u16) -> Receiver<(String, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        s,
        "GET /__stend/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(s).lines();
        let mut event = String::new();
        let mut data: Vec<String> = Vec::new();
        let mut in_body = false;
        while let Some(Ok(line)) = lines.next() {
            if !in_body {
                in_body = line.is_empty();
                continue;
            }
            if let Some(e) = line.strip_prefix("event: ") {
                event = e.to_string();
            } else if let Some(d) = line.strip_prefix("data: ") {
                data.push(d.to_string());
            } else if line.is_empty() && !event.is_empty() {
                if tx
                    .send((std::mem::take(&mut event), data.join("\n")))
                    .is_err()
                {
                    return;
                }
                data.clear();
            }
        }
    });
    rx
}

/// Waits for the next event named `name`, skipping others.
fn wait_for(rx: &Receiver<(String, String)>, name: &str) -> String {
    let deadline = Instant::now() + BUILD;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok((e, data)) if e == name => return data,
            Ok(_) => {}
            Err(_) => panic!("no `{name}` event within {BUILD:?}"),
        }
    }
}

#[test]
fn serves_reloads_reports_errors_and_recovers() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, port, rx) = start(dir.path());

    // Pages are served, with the reload script and a policy that lets it connect.
    let (status, page) = get(port, "/kk/fee/");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<script src=\"/__stend/reload.js?build=1\" data-lang=\"en\""));
    assert!(page.contains("data-close=\"Close\"></script>\n</body>"));
    assert!(page.contains("connect-src 'self'"));
    assert!(get(port, "/__stend/reload.js").1.contains("EventSource"));
    assert_eq!(get(port, "/assets/style.css").0, 200);
    assert_eq!(get(port, "/kk/no-such-page/").0, 404);
    // Paths that would climb out of the site, plain or percent-encoded, are refused.
    assert_eq!(get(port, "/../stend.yaml").0, 400);
    assert_eq!(get(port, "/kk/%2e%2e/%2e%2e/stend.yaml").0, 400);
    let (status, _) = get(port, "/kk/fee");
    assert_eq!(status, 301);

    let events = subscribe(port);
    assert_eq!(wait_for(&events, "hello"), "1");

    // A content edit rebuilds and reloads.
    let fee = dir.path().join("content/kk/fee.md");
    let original = std::fs::read_to_string(&fee).unwrap();
    let marker = "Сынақ өзгерісі 4711";
    let edited_at = Instant::now();
    std::fs::write(&fee, format!("{original}\n{marker}\n")).unwrap();
    assert_eq!(wait_for(&events, "reload"), "2");
    eprintln!("edit to reload: {} ms", edited_at.elapsed().as_millis());
    let (status, page) = get(port, "/kk/fee/");
    assert_eq!(status, 200);
    assert!(page.contains(marker), "the edit is not served");

    // A broken data file: an error naming the file, and the last good site still served.
    let hours = dir.path().join("data/hours.yaml");
    let good = std::fs::read_to_string(&hours).unwrap();
    let broken: Vec<String> = good
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("open:") {
                "    open: [\"09:00\"".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(&hours, broken.join("\n")).unwrap();
    let error = wait_for(&events, "error");
    assert!(error.contains("data/hours.yaml"), "{error}");
    let (status, page) = get(port, "/kk/fee/");
    assert_eq!(status, 200);
    assert!(
        page.contains(marker),
        "the last good page is no longer served"
    );
    // A page opened now learns of the error as soon as it connects.
    let late = subscribe(port);
    assert_eq!(wait_for(&late, "hello"), "2");
    assert!(wait_for(&late, "error").contains("data/hours.yaml"));

    // The fix recovers without a restart.
    std::fs::write(&hours, &good).unwrap();
    assert_eq!(wait_for(&events, "reload"), "3");
    assert_eq!(wait_for(&late, "reload"), "3");
    let (status, page) = get(port, "/kk/hours/");
    assert_eq!(status, 200);
    assert!(page.contains("reload.js?build=3"));

    // A one-office edit is served, and only what it affects is rendered again: the unit and its
    // department (whose page lists it) and the site-wide pages, not the other units.
    let offices = dir.path().join("data/offices.yaml");
    let text = std::fs::read_to_string(&offices).unwrap();
    let from = "г. Астана, ул. Жансугурова, 2\"";
    assert!(text.contains(from));
    std::fs::write(
        &offices,
        text.replacen(from, "г. Астана, ул. Жансугурова, 2, каб. 7\"", 1),
    )
    .unwrap();
    assert_eq!(wait_for(&events, "reload"), "4");
    let (status, page) = get(port, "/ru/offices/astana/almaty-district/");
    assert_eq!(status, 200);
    assert!(page.contains("ул. Жансугурова, 2, каб. 7"));
    // The log line may reach us a moment after the reload event (another thread reads stderr).
    let mut said: Vec<String> = Vec::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !said.iter().any(|l| l.contains("data/offices.yaml"))
        && std::time::Instant::now() < deadline
    {
        if let Ok(l) = rx.recv_timeout(std::time::Duration::from_millis(200)) {
            said.push(l);
        }
    }
    let line = said
        .iter()
        .rev()
        .find(|l| l.contains("data/offices.yaml"))
        .unwrap_or_else(|| panic!("no rebuild line for the office edit in {said:?}"));
    let counts: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    // "stend: rebuilt in N ms: R of P pages rendered, the rest unchanged (data/offices.yaml)"
    let [_, rendered, total] = counts[..] else {
        panic!("unexpected rebuild line: {line}");
    };
    assert!(rendered < total, "{line}");
    assert!(rendered >= 2 * 2 * 8, "{line}");
}

#[test]
fn http_rules() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, port, _rx) = start(dir.path());
    let local = format!("127.0.0.1:{port}");

    // Paths with an empty first segment are not found, never redirected to the host they name.
    for target in [
        "//kk",
        "//kk/",
        "/%2F%2Fru",
        "/%2f%2Fru/",
        "/\\kk",
        "/%5Ckk",
    ] {
        let r = raw(port, &request("GET", target, &local));
        assert_eq!(r.status, 404, "{target}");
        assert_eq!(r.header("location"), None, "{target}");
    }
    // The one redirect stays on the origin: a path, not a host.
    let r = raw(port, &request("GET", "/kk/offices", &local));
    assert_eq!(r.status, 301);
    assert_eq!(r.header("location"), Some("/kk/offices/"));

    // Absolute-form targets are served (RFC 9112, 3.2.2), by their own authority.
    let r = raw(
        port,
        &request("GET", &format!("http://127.0.0.1:{port}/kk/"), &local),
    );
    assert_eq!(r.status, 200);
    let page = String::from_utf8_lossy(&r.body).into_owned();
    let doc = scraper::Html::parse_document(&page);
    assert_eq!(
        doc.root_element().value().attr("lang"),
        Some("kk"),
        "the Kazakh home page"
    );
    let r = raw(port, &request("GET", "http://evil.example/kk/", &local));
    assert_eq!(r.status, 421, "the target's authority counts, not Host");

    // Only loopback names are answered (DNS rebinding).
    for host in [
        "localhost",
        &format!("localhost:{port}"),
        "127.0.0.1",
        &format!("[::1]:{port}"),
    ] {
        assert_eq!(
            raw(port, &request("GET", "/kk/", host)).status,
            200,
            "{host}"
        );
    }
    for host in [
        "evil.example",
        &format!("evil.example:{port}"),
        "127.0.0.1.evil.example",
        "0.0.0.0",
    ] {
        let r = raw(port, &request("GET", "/kk/", host));
        assert_eq!(r.status, 421, "{host}");
        assert!(
            !String::from_utf8_lossy(&r.body).contains("<html"),
            "{host}"
        );
    }
    let r = raw(port, "GET /kk/ HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert_eq!(r.status, 400, "no Host at all");

    // HEAD: the headers of GET, no body.
    let full = raw(port, &request("GET", "/kk/fee/", &local));
    let head = raw(port, &request("HEAD", "/kk/fee/", &local));
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(
        head.header("content-length"),
        Some(full.body.len().to_string().as_str())
    );

    // Other methods: 405 with the methods allowed.
    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let r = raw(port, &request(method, "/kk/", &local));
        assert_eq!(r.status, 405, "{method}");
        assert_eq!(r.header("allow"), Some("GET, HEAD"), "{method}");
    }

    // Content types of the open data.
    let r = raw(port, &request("GET", "/data/offices.xlsx", &local));
    assert_eq!(
        r.header("content-type"),
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    );
    assert_eq!(&r.body[..2], b"PK");
    let r = raw(port, &request("GET", "/data/offices.csv", &local));
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
}

/// Connections served at once by `stend serve` (`MAX_CONNECTIONS` in src/cmd/serve/http.rs).
const MAX_CONNECTIONS: usize = 128;

#[test]
fn connections_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, port, _rx) = start(dir.path());
    let local = format!("127.0.0.1:{port}");
    assert_eq!(raw(port, &request("GET", "/kk/", &local)).status, 200);
    // Fill every slot with a connection that sends nothing.
    let idle: Vec<TcpStream> = (0..MAX_CONNECTIONS)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).expect("connect"))
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    // One more waits: nothing answers it while the slots are taken.
    let mut waiting = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    waiting
        .write_all(request("GET", "/kk/", &local).as_bytes())
        .unwrap();
    waiting
        .set_read_timeout(Some(Duration::from_millis(1500)))
        .unwrap();
    let mut first = [0u8; 12];
    assert!(
        waiting.read_exact(&mut first).is_err(),
        "answered beyond the bound"
    );
    // Freeing the slots lets it through.
    drop(idle);
    waiting
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    waiting
        .read_exact(&mut first)
        .expect("answered once slots are free");
    assert_eq!(&first, b"HTTP/1.1 200");
}

#[test]
fn idle_connections_time_out() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, port, _rx) = start(dir.path());
    // A client that opens a connection and never sends a request is dropped after the head
    // timeout (10 s), so idle connections cannot hold the slots for ever.
    let mut idle = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    idle.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let started = Instant::now();
    let mut buf = Vec::new();
    let _ = idle.read_to_end(&mut buf);
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(9) && waited < Duration::from_secs(25),
        "closed after {waited:?}"
    );
}
