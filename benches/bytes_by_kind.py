#!/usr/bin/env python3
"""Bytes of a built site by page kind, per office and language (docs/performance.md).

    python3 benches/bytes_by_kind.py public

Every file under /<lang>/offices/ is put in the kind of the page it belongs to (the office's
own page, each poster variant, each receipt and its bilingual copy): its HTML, its PDF, and the
.gz/.br copies; everything else is "site-wide". Divided by the number of office pages (an
office in one language).
"""

import collections
import os
import re
import sys


def kind(rel):
    m = re.match(r"[^/]+/offices/(.*)", rel)
    if not m or not re.match(r"[^/]+/", m.group(1)):
        return "site-wide"  # not under an office (the directory page itself)
    rest = m.group(1)
    poster = re.search(r"(?:^|/)poster/(?:([a-z0-9]+)/)?", rest)
    if poster:
        return "poster " + (poster.group(1) or "a4")
    form = re.search(r"(?:^|/)forms/([^/]+)/(bilingual/)?", rest)
    if form:
        return form.group(1) + (", bilingual" if form.group(2) else "")
    return "office page"


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "public"
    # pages, html, pdf, compressed
    kinds = collections.defaultdict(lambda: [0, 0, 0, 0])
    office_pages = 0
    for d, _, files in os.walk(root):
        for f in files:
            path = os.path.join(d, f)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            k = kind(rel)
            size = os.path.getsize(path)
            e = kinds[k]
            if f.endswith(".html"):
                e[0] += 1
                e[1] += size
                if k == "office page":
                    office_pages += 1
            elif f.endswith(".pdf"):
                e[2] += size
            elif f.endswith((".gz", ".br")):
                e[3] += size
    n = max(office_pages, 1)
    print(f"{office_pages} office pages (an office in one language)")
    print(f"| page kind | pages | HTML per page | HTML per office | PDF per office | .gz + .br per office |")
    print("|---|---:|---:|---:|---:|---:|")
    total = [0, 0, 0]
    for k, (pages, html, pdf, comp) in sorted(kinds.items()):
        if k != "site-wide":
            total = [total[0] + html, total[1] + pdf, total[2] + comp]
        print(f"| {k} | {pages} | {html / max(pages, 1) / 1024:.1f} KB | {html / n / 1024:.1f} KB "
              f"| {pdf / n / 1024:.1f} KB | {comp / n / 1024:.1f} KB |")
    print(f"| per office and language | | | {total[0] / n / 1024:.1f} KB | {total[1] / n / 1024:.1f} KB "
          f"| {total[2] / n / 1024:.1f} KB |")


if __name__ == "__main__":
    main()
