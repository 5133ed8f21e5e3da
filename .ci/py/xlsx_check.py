"""Reads offices.xlsx with openpyxl and compares it with offices.csv (for .ci/xlsx)."""

import csv
import sys

import openpyxl


def main() -> int:
    xlsx, csv_path = sys.argv[1], sys.argv[2]
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    book = openpyxl.load_workbook(xlsx)
    sheet = book["offices"]
    problems = []
    checks = 0

    def check(ok: bool, what: str) -> None:
        nonlocal checks
        checks += 1
        if not ok:
            problems.append(what)

    check(book.sheetnames == ["offices"], f"one sheet named offices: {book.sheetnames}")
    check(sheet.freeze_panes == "A2", f"the header row is frozen: {sheet.freeze_panes}")
    last = openpyxl.utils.get_column_letter(len(rows[0]))
    check(
        sheet.auto_filter.ref == f"A1:{last}{len(rows)}",
        f"the autofilter covers the table: {sheet.auto_filter.ref}",
    )
    check(sheet.max_row == len(rows), f"{sheet.max_row} rows, the CSV has {len(rows)}")
    check(all(c.font.b for c in sheet[1]), "the header is bold")
    for letter, dim in sheet.column_dimensions.items():
        check(8 <= (dim.width or 0) <= 61, f"column {letter} width {dim.width}")
    for r, row in enumerate(sheet.iter_rows(), start=1):
        want = rows[r - 1]
        for c, cell in enumerate(row):
            value = "" if cell.value is None else cell.value
            if value != "":
                check(cell.data_type == "s", f"{cell.coordinate} is a '{cell.data_type}' cell")
            check(cell.number_format == "@", f"{cell.coordinate} format {cell.number_format}")
            check(value == want[c], f"{cell.coordinate}: {value!r} but the CSV has {want[c]!r}")
    for p in problems[:50]:
        print(f"FAILED: {p}", file=sys.stderr)
    print(f"offices.xlsx: {sheet.max_row} rows, {sheet.max_column} columns")
    print(f"{checks - len(problems)} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
