"""Checks the generated JSON Schemas with check-jsonschema (on PATH), for .ci/schemas.

- every data/*.yaml of the shipped project (and of the example project of docs/new-standard.md)
  validates against schemas/<name>.schema.json;
- every tests/valid case (stend builds it) validates;
- every tests/invalid case that JSON Schema can express is rejected by the schema with a
  schema validation error (not a parse error); the others are listed with the reason JSON Schema
  cannot say it. A case in neither list fails the check, so a new case must be classified.

The cases are rebuilt from their `patch` and `files/` as tests/diagnostics.rs does (see
tests/invalid/README.md), into the directory given as the only argument.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Case -> (the data file the schema must reject, what in the schema rejects it).
SCHEMA = {
    "bad-phone": ("data/offices.yaml", "the phone pattern"),
    "cr-line-endings": ("data/service.yaml", "min_age is an integer"),
    "empty-data-file": ("data/quality.yaml", "a data file is an object"),
    "extra-language": ("data/fee.yaml", "a text has the site's languages only"),
    "fee-absurd": ("data/fee.yaml", "percent_of_mci maximum"),
    "fee-negative": ("data/fee.yaml", "percent_of_mci exclusiveMinimum"),
    "missing-field": ("data/service.yaml", "required fields (status.approved.decree)"),
    "fee-basis-none": ("data/fee.yaml", "oneOf: none of percent_of_mci, tenge, free"),
    "fee-basis-several": ("data/fee.yaml", "oneOf: both percent_of_mci and tenge"),
    "fee-free-false": ("data/fee.yaml", "free const true"),
    "fee-mci-missing": ("data/fee.yaml", "oneOf: percent_of_mci requires mci"),
    "fee-paid-needs-kind-and-law": ("data/fee.yaml", "oneOf: tenge requires kind and legal_basis"),
    "fee-fixed-zero": ("data/fee.yaml", "tenge minimum"),
    "term-zero": ("data/service.yaml", "terms.max_wait.value minimum"),
    "missing-translation-data": ("data/fee.yaml", "a text needs every language"),
    "slug-dotdot": ("data/offices.yaml", "the slug pattern"),
    "slug-empty": ("data/offices.yaml", "the slug pattern"),
    "slug-slash": ("data/offices.yaml", "the slug pattern"),
    "slug-space": ("data/offices.yaml", "the slug pattern"),
    "text-not-translated": ("data/fee.yaml", "a text is an object"),
    "time-25": ("data/hours.yaml", "the time pattern"),
    "two-broken-files": ("data/fee.yaml", "percent_of_mci exclusiveMinimum"),
    "unknown-field": ("data/complaints.yaml", "additionalProperties: false"),
    "unquoted-number": ("data/offices.yaml", "number is a string"),
    "website-javascript": ("data/offices.yaml", "the website pattern"),
    "wrong-type": ("data/service.yaml", "min_age is an integer"),
}

# Case -> why JSON Schema cannot express it (stend alone refuses it).
NOT_SCHEMA = {
    "alias-bomb": "a parser resource limit (alias expansion), not the shape of a value",
    "deep-nesting": "a parser resource limit (nesting depth)",
    "huge-file": "a file size limit",
    "non-utf8": "an encoding error, before there is any value to validate",
    "yaml-syntax": "a YAML syntax error, before there is any value to validate",
    "duplicate-key": "a YAML error (a key given twice), which parsers reject or resolve "
    "before validation",
    "break-outside-hours": "a relation between values (the break within the opening hours)",
    "close-before-open": "a relation between values (closing after opening)",
    "duplicate-department-slug": "uniqueness of one field among array items (uniqueItems "
    "compares whole items)",
    "duplicate-unit-slug": "uniqueness of one field among array items (uniqueItems compares "
    "whole items)",
    "no-index-for-date": "depends on stend.yaml's as-of date, another file",
    "content-bad-name": "content, not a data file",
    "content-not-markdown": "content, not a data file",
    "empty-description": "content front matter, which has no schema",
    "frontmatter-not-closed": "content, not a data file",
    "javascript-link": "Markdown in content, not a data file",
    "link-missing-fragment": "links between pages, checked after rendering",
    "link-missing-page": "links between pages, checked after rendering",
    "missing-template": "content front matter naming a theme file",
    "missing-translation-content": "content files, not a data file",
    "missing-ui-string": "the theme's UI strings, not a data file",
    "protocol-relative-link": "Markdown in content, not a data file",
    "symlink-outside": "a file system link in content",
    "tera-syntax": "a template, not a data file",
    "tera-undefined": "a template, not a data file",
    "tera-unclosed-if": "a template, not a data file",
    "link-missing-slash": "links between pages, checked after rendering",
    "duplicate-day": "a relation between values (a weekday in two rows of one schedule)",
    "duplicate-document-id": "uniqueness of one field among array items (uniqueItems compares "
    "whole items)",
    "indentation-slip": "a key indented unlike its siblings: a YAML syntax error (PyYAML: "
    "'while parsing a block mapping'), before there is any value to validate",
    "indentation-slip-under-value": "a key indented under a key with a value: a YAML syntax "
    "error, before there is any value to validate",
    "translit-letter-left": "depends on stend.yaml's derived language and its transliteration "
    "table (a letter it has no Latin counterpart for), another file",
    "translit-letter-left-content": "content, not a data file",
    "translit-template": "a template, not a data file",
    "transliteration-unknown": "stend.yaml, which has no schema",
    "latin-ui-string-unknown": "the theme's UI strings, not a data file",
    "latin-page-cyrillic": "content, not a data file",
}


def unescape(text: str) -> bytes:
    """`\\xHH` in `+` lines is the raw byte HH."""
    out = bytearray()
    raw = text.encode("utf-8")
    i = 0
    while i < len(raw):
        if raw[i : i + 2] == b"\\x" and i + 4 <= len(raw):
            try:
                out.append(int(raw[i + 2 : i + 4].decode(), 16))
                i += 4
                continue
            except ValueError:
                pass
        out.append(raw[i])
        i += 1
    return bytes(out)


def generate(kind: str, existing: bytes) -> bytes:
    if kind == "empty":
        return b""
    if kind == "cr":
        return existing.replace(b"\n", b"\r")
    if kind == "bom-crlf":
        return "\ufeff".encode() + existing.replace(b"\n", b"\r\n")
    raise SystemExit(f"generate {kind}: not needed for schema cases")


def apply_patch(patch: Path, project: Path) -> None:
    lines = patch.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.strip() or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        rest = rest.strip()
        if word == "edit":
            old, new = [], []
            while i < len(lines) and lines[i][:1] in ("-", "+"):
                (old if lines[i][0] == "-" else new).append(lines[i][1:])
                i += 1
            path = project / rest
            text = path.read_bytes()
            before = "\n".join(old).encode()
            after = unescape("\n".join(new))
            if not new:
                before += b"\n"
            if text.count(before) != 1:
                raise SystemExit(f"{patch}: the old lines occur {text.count(before)} times")
            path.write_bytes(text.replace(before, after))
        elif word == "append":
            add = []
            while i < len(lines) and lines[i].startswith("+"):
                add.append(lines[i][1:])
                i += 1
            path = project / rest
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("ab") as f:
                f.write(unescape("\n".join(add) + "\n"))
        elif word == "delete":
            (project / rest).unlink()
        elif word == "generate":
            kind, _, name = rest.partition(" ")
            path = project / name.strip()
            existing = path.read_bytes() if path.exists() else b""
            path.write_bytes(generate(kind, existing))
        elif word in ("symlink", "whole-file"):
            pass
        else:
            raise SystemExit(f"{patch}: unknown directive {line!r}")


def make_case(case: Path, into: Path) -> Path:
    project = into / case.name
    for item in ("stend.yaml", "content", "data", "themes"):
        src = ROOT / item
        if src.is_dir():
            shutil.copytree(src, project / item)
        else:
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, project / item)
    shutil.copy(ROOT / "tests/invalid/offices.fixture.yaml", project / "data/offices.yaml")
    files = case / "files"
    if files.is_dir():
        shutil.copytree(files, project, dirs_exist_ok=True)
    if (case / "patch").exists():
        apply_patch(case / "patch", project)
    return project


def validate(data: Path, name: str = "") -> subprocess.CompletedProcess:
    schema = ROOT / "schemas" / f"{name or data.stem}.schema.json"
    return subprocess.run(
        ["check-jsonschema", "--schemafile", str(schema), str(data)],
        capture_output=True,
        text=True,
    )


def main() -> int:
    work = Path(sys.argv[1])
    work.mkdir(parents=True, exist_ok=True)
    failures = []
    checked = 0

    def must_pass(data: Path, what: str, name: str = "") -> None:
        nonlocal checked
        checked += 1
        r = validate(data, name)
        if r.returncode != 0:
            failures.append(f"{what}: {data.name} is refused by its schema:\n{r.stdout}{r.stderr}")

    for data in sorted((ROOT / "data").glob("*.yaml")):
        must_pass(data, "shipped data")
    must_pass(ROOT / "tests/invalid/offices.fixture.yaml", "the test fixture", "offices")
    for data in sorted((ROOT / "docs/new-standard/example/data").glob("*.yaml")):
        must_pass(data, "the example of docs/new-standard.md")

    for case in sorted((ROOT / "tests/valid").iterdir()):
        project = make_case(case, work / "valid")
        for data in sorted((project / "data").glob("*.yaml")):
            must_pass(data, f"tests/valid/{case.name}")

    cases = sorted(p.name for p in (ROOT / "tests/invalid").iterdir() if p.is_dir())
    for name in cases:
        if (name in SCHEMA) == (name in NOT_SCHEMA):
            failures.append(f"tests/invalid/{name}: classify it in {__file__} (SCHEMA or NOT_SCHEMA)")
            continue
        if name not in SCHEMA:
            continue
        rel, why = SCHEMA[name]
        project = make_case(ROOT / "tests/invalid" / name, work / "invalid")
        r = validate(project / rel)
        checked += 1
        out = r.stdout + r.stderr
        if r.returncode == 0 or "Schema validation errors" not in out:
            failures.append(
                f"tests/invalid/{name}: the schema must reject {rel} ({why}); "
                f"check-jsonschema said (exit {r.returncode}):\n{out}"
            )
    for name in list(SCHEMA) + list(NOT_SCHEMA):
        if name not in cases:
            failures.append(f"{name} is classified but is not a case in tests/invalid")

    print(
        f"{checked} files validated; {len(SCHEMA)} invalid cases expressible in JSON Schema, "
        f"{len(NOT_SCHEMA)} not (see {Path(__file__).name})"
    )
    for f in failures:
        print(f"FAILED: {f}", file=sys.stderr)
    print(f"{max(checked - len(failures), 0)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
