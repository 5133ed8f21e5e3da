//! `stend serve`: the real binary on an ephemeral loopback port, against a copy of the project:
//! pages over HTTP, a content edit that reloads, a broken data file that reports an error and
//! keeps the last good site, and a fix that recovers without a restart.

mod common;

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
    small_project(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_stend"))
        .env("SOURCE_DATE_EPOCH", EPOCH_2026)
        .args(["serve", "--port", "0", "--root"])
        .arg(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start stend serve");
    let stdout = child.stdout.take().unwrap();
    let _server = Server(child);

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

    // Pages are served, with the reload script and a policy that lets it connect.
    let (status, page) = get(port, "/kk/fee/");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<script src=\"/__stend/reload.js?build=1\"></script>\n</body>"));
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
    let said: Vec<String> = rx.try_iter().collect();
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
