//! `offices.xlsx`: the office directory as a spreadsheet for the people who open it in Excel or
//! LibreOffice — the same columns and rows as `offices.csv`, but every cell a text cell, so
//! that no program turns a phone number such as `92-4-18` into a date or `8 (7172) 71-51-31`
//! into arithmetic, and nothing in a cell can be a formula.
//!
//! Written with `rust_xlsxwriter`: a bold header row, the header frozen, an autofilter over the
//! table, column widths from the longest value (within limits), and the text number format (`@`)
//! on every cell so that a value typed in later stays text too. The bytes are the same for the
//! same input: the workbook's creation time is the build's as-of date, and the zip entries carry
//! a fixed time.

use super::Table;
use crate::model::date::Date;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// Narrowest and widest column, in characters.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;

/// The workbook's bytes: one sheet, `offices`. It fails only for a table too large for a
/// worksheet (more than 1 048 575 offices).
pub fn offices(table: &Table, as_of: Date) -> Result<Vec<u8>, XlsxError> {
    workbook(table, as_of)
}

fn workbook(table: &Table, as_of: Date) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(
        u16::try_from(as_of.year).unwrap_or(1900),
        as_of.month as u8,
        as_of.day as u8,
    )?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Offices (Appendix 1 of the standard)")
            .set_creation_datetime(&created),
    );
    let text = Format::new().set_num_format("@");
    let head = Format::new().set_num_format("@").set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("offices")?;
    for (c, name) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, col(c)?, name, &head)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, value) in row.iter().enumerate() {
            // Empty cells stay blank (no empty string to filter on), formatted as text.
            if value.is_empty() {
                sheet.write_blank(r, col(c)?, &text)?;
            } else {
                sheet.write_string_with_format(r, col(c)?, value, &text)?;
            }
        }
    }
    for (c, name) in table.header.iter().enumerate() {
        let longest = table
            .rows
            .iter()
            .filter_map(|row| row.get(c))
            .map(|v| v.chars().count())
            .chain(std::iter::once(name.chars().count() + 2))
            .max()
            .unwrap_or(0);
        let width = (longest + 1).clamp(MIN_WIDTH, MAX_WIDTH);
        sheet.set_column_width(col(c)?, width as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_row = u32::try_from(table.rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    let last_col = col(table.header.len().saturating_sub(1))?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    book.save_to_buffer()
}

fn col(c: usize) -> Result<u16, XlsxError> {
    u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            header: vec!["name".into(), "phones".into()],
            rows: vec![
                vec!["=HYPERLINK(\"http://x\",\"x\")".into(), "92-4-18".into()],
                vec!["Астана".into(), String::new()],
            ],
        }
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        let d = Date::parse("2026-01-01").unwrap();
        let a = offices(&table(), d).unwrap();
        assert_eq!(a, offices(&table(), d).unwrap());
        assert_eq!(&a[..2], b"PK", "a zip");
        let later = offices(&table(), Date::parse("2026-01-02").unwrap()).unwrap();
        assert_ne!(a, later, "the as-of date is the creation date");
    }
}
