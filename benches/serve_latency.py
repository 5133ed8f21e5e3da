#!/usr/bin/env python3
"""Edit-to-reload latency of `stend serve`. See benches/README.md.

    python3 benches/serve_latency.py                  # the shipped project, one office, 10 edits
    python3 benches/serve_latency.py --edit content   # a line appended to content/kk/fee.md
    python3 benches/serve_latency.py --edit theme     # a comment added to office.html
    python3 benches/serve_latency.py --offices 2000   # a synthetic project (examples/synth.rs)
    python3 benches/serve_latency.py --one-department

Starts the release binary (`stend serve --port 0`) on a copy of the project in /dev/shm,
subscribes to /__stend/events like the page script does, then repeatedly edits one file and
measures the time from the write to the `reload` event (debounce, rebuild in memory, swap,
event). The default edit changes one office's address in data/offices.yaml (the first unit's
Russian address). Prints each latency, the median and what the server said it re-rendered.
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import queue
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
STEND = TARGET / "release/stend"
SYNTH = TARGET / "release/examples/synth"


def project(args, work):
    proj = work / "project"
    if args.offices:
        subprocess.run([SYNTH, "--offices", str(args.offices),
                        "--out", proj], check=True, stdout=subprocess.DEVNULL)
        return proj
    proj.mkdir()
    for item in ("stend.yaml", "content", "data", "themes"):
        src = REPO / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, proj / item)
    if args.one_department:
        lines = (proj / "data/offices.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
        starts = [i for i, l in enumerate(lines) if l.startswith("  - slug:")]
        (proj / "data/offices.yaml").write_text("".join(lines[:starts[1]]), encoding="utf-8")
    return proj


def edit(kind, proj):
    """The file to edit and how: edit i of the original text."""
    if kind == "content":
        return proj / "content/kk/fee.md", lambda text, i: text + f"\nӨзгеріс {i}\n"
    if kind == "theme":
        return (proj / "themes/default/templates/office.html",
                lambda text, i: text + f"{{# edit {i} #}}\n")
    offices = proj / "data/offices.yaml"
    text = offices.read_text(encoding="utf-8")
    # The first unit's Russian address: the line after the first unit's `kk:` address.
    lines = text.splitlines(keepends=True)
    unit = next(i for i, l in enumerate(lines) if l.startswith("      - slug:"))
    at = next(i for i in range(unit, len(lines)) if lines[i].strip() == "address:") + 2
    assert lines[at].lstrip().startswith("ru: "), lines[at]

    def change(text, i):
        ls = text.splitlines(keepends=True)
        ls[at] = ls[at].rstrip("\n").rstrip('"') + f', каб. {i + 1}"\n'
        return "".join(ls)
    return offices, change


def events(port, q):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /__stend/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    f = s.makefile("rb")
    event = None
    for raw in f:
        line = raw.decode().rstrip("\r\n")
        if line.startswith("event: "):
            event = line[7:]
        elif line == "" and event:
            q.put((time.perf_counter(), event))
            event = None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--offices", type=int, default=0, help="a synthetic project with N units")
    ap.add_argument("--one-department", action="store_true",
                    help="the shipped project cut to its first department (4 offices)")
    ap.add_argument("--edit", choices=["office", "content", "theme"], default="office")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "stend", "--example", "synth"],
                   cwd=REPO, check=True)
    work = Path(tempfile.mkdtemp(prefix="stend-serve-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    try:
        proj = project(args, work)
        env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
        p = subprocess.Popen([STEND, "serve", "--port", "0", "--root", proj],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
        try:
            first = p.stdout.readline().strip()
            print(first)
            port = int(first.split("http://127.0.0.1:")[1].split("/")[0])
            said = []
            threading.Thread(target=lambda: [said.append(line.strip()) for line in p.stdout],
                             daemon=True).start()
            q = queue.Queue()
            threading.Thread(target=events, args=(port, q), daemon=True).start()
            assert q.get(timeout=30)[1] == "hello"
            target, change = edit(args.edit, proj)
            original = target.read_text(encoding="utf-8")
            lat = []
            for i in range(args.edits):
                time.sleep(0.3)  # let the previous reload settle, as a person typing would
                t0 = time.perf_counter()
                target.write_text(change(original, i), encoding="utf-8")
                while True:
                    t, e = q.get(timeout=args.timeout)
                    if e == "reload":
                        break
                    if e == "error":
                        sys.exit("serve_latency: the edit did not build")
                lat.append((t - t0) * 1000)
                print(f"edit {i + 1}: {lat[-1]:.0f} ms", flush=True)
            print(f"edit-to-reload: median {statistics.median(lat):.0f} ms, "
                  f"min {min(lat):.0f} ms, max {max(lat):.0f} ms over {len(lat)} edits "
                  f"(debounce included); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
            time.sleep(0.2)
            if said:
                print(f"last rebuild: {said[-1]}")
        finally:
            p.kill()
            p.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
