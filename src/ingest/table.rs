//! Tables of turns: tab- or comma-separated rows under a header row that names a speaker
//! column and a text column (`Speaker<TAB>Title<TAB>Content`), as data sets export
//! transcripts. Each row becomes an object keyed by the header's cells, and the rows are read
//! as a JSON list of turns is ([`super::json::value_to_text`]): the same columns are
//! recognised, and consecutive rows of one speaker are one turn.

use serde_json::{Map, Value};

use super::json;

/// The delimiter of `text`'s table when its first line is a table's header: a tab or a
/// comma between short cells, one of them a speaker's column and one the words'.
pub fn delimiter(text: &str) -> Option<u8> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    [b'\t', b','].into_iter().find(|&d| {
        let cells = header_cells(first, d);
        cells.len() >= 2
            && cells.len() <= 32
            && cells
                .iter()
                .all(|c| !c.is_empty() && c.len() <= 40 && c.split_whitespace().count() <= 3)
            && cells.iter().any(|c| json::is_speaker_key(c))
            && cells.iter().any(|c| json::is_text_key(c))
    })
}

/// The cells of a header line split at `delimiter` (quotes around a cell taken off).
fn header_cells(line: &str, delimiter: u8) -> Vec<String> {
    line.split(char::from(delimiter))
        .map(|c| c.trim().trim_matches('"').trim().to_string())
        .collect()
}

/// The rows of a table with a header row, as a list of objects keyed by the header; rows
/// shorter than the header lack the last keys, and cells beyond it are dropped. None when the
/// table cannot be read (a quote left open, say).
pub fn to_value(text: &str, delimiter: u8) -> Option<Value> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        // A tab-separated file leaves quotes in the words alone.
        .quoting(delimiter != b'\t')
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .ok()?
        .iter()
        .map(|c| c.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.ok()?;
        let mut row = Map::new();
        for (key, cell) in header.iter().zip(record.iter()) {
            let cell = cell.trim();
            if !cell.is_empty() {
                row.insert(key.clone(), Value::String(cell.to_string()));
            }
        }
        if !row.is_empty() {
            rows.push(Value::Object(row));
        }
    }
    (!rows.is_empty()).then_some(Value::Array(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_naming_a_speaker_and_the_words_makes_a_table() {
        assert_eq!(delimiter("Speaker\tTitle\tContent\nA\tB\tC\n"), Some(b'\t'));
        assert_eq!(
            delimiter("\"speaker\",\"text\"\n\"A\",\"b, c\"\n"),
            Some(b',')
        );
        assert_eq!(delimiter("Name,Role,Utterance\n"), Some(b','));
        // Prose with commas or tabs is no table: its first line is no header.
        assert_eq!(
            delimiter("Operator: Good morning, and welcome, everyone.\n"),
            None
        );
        assert_eq!(
            delimiter("Speaker\tspeaks at length about the quarter\n"),
            None
        );
        assert_eq!(delimiter("Date\tRevenue\tMargin\n"), None);
    }

    #[test]
    fn rows_become_objects_keyed_by_the_header() {
        let v = to_value(
            "Speaker,Title,Content\nJane Roe,CFO,\"Revenue grew, and margins held.\"\nTom Li,,Thanks\n",
            b',',
        )
        .unwrap();
        assert_eq!(
            v,
            serde_json::json!([
                {"Speaker": "Jane Roe", "Title": "CFO", "Content": "Revenue grew, and margins held."},
                {"Speaker": "Tom Li", "Content": "Thanks"},
            ])
        );
        // Quotes inside a tab-separated cell are the speaker's.
        let v = to_value("Speaker\tContent\nJane\tShe said \"no\".\n", b'\t').unwrap();
        assert_eq!(v[0]["Content"], "She said \"no\".");
    }
}
