//! The tables of [`super::schema`] as Parquet files (`documents.parquet`,
//! `indicators.parquet`, …): typed, nullable columns (INT64, DOUBLE, UTF-8
//! strings, BOOLEAN), Snappy-compressed, written in row groups as documents
//! arrive so that memory does not grow with the batch.
//!
//! A table is fed the document's CSV records ([`super::tables::csv_chunks`],
//! rendered where the document was converted) and reads them back with the
//! column types of the schema: the CSV and Parquet outputs hold the same
//! values by construction, and worker frames stay plain bytes.

use std::io;
use std::path::Path;
use std::sync::Arc;

use ::parquet::basic::{Compression, LogicalType, Repetition, Type as PhysicalType};
use ::parquet::column::writer::ColumnWriter;
use ::parquet::data_type::ByteArray;
use ::parquet::file::properties::WriterProperties;
use ::parquet::file::writer::SerializedFileWriter;
use ::parquet::schema::types::Type;
use bytes::Bytes;

use super::atomic::AtomicFile;
use super::schema::{self, Kind};
use super::tables::CsvChunks;

/// When the tables together have buffered this many bytes of values, the
/// largest one is written as a row group (a table also writes one at
/// [`ROW_GROUP_ROWS`] rows): large enough for good compression, small
/// enough to add little to the batch's memory.
const BUFFER_BYTES: usize = 4 << 20;
const ROW_GROUP_ROWS: usize = 1 << 20;

fn other(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

/// One column's buffered values and definition levels (0: null, 1: value).
enum Values {
    Int(Vec<i64>),
    Float(Vec<f64>),
    /// The values' bytes one after another, and where each ends.
    Text(Vec<u8>, Vec<usize>),
    Bool(Vec<bool>),
}

struct ColumnBuf {
    values: Values,
    def: Vec<i16>,
}

impl ColumnBuf {
    fn new(kind: Kind) -> Self {
        let values = match kind {
            Kind::Int => Values::Int(Vec::new()),
            Kind::Float => Values::Float(Vec::new()),
            Kind::Text => Values::Text(Vec::new(), Vec::new()),
            Kind::Bool => Values::Bool(Vec::new()),
        };
        ColumnBuf {
            values,
            def: Vec::new(),
        }
    }

    /// Appends one CSV field; returns the bytes it added to the buffer, or
    /// a description of a value that does not fit the column.
    fn push(&mut self, field: &[u8]) -> Result<usize, String> {
        if field.is_empty() {
            self.def.push(0);
            return Ok(std::mem::size_of::<i16>());
        }
        let number = || {
            std::str::from_utf8(field)
                .map_err(|_| "not UTF-8".to_string())
                .map(str::trim)
        };
        let added = match &mut self.values {
            Values::Int(v) => {
                let s = number()?;
                v.push(s.parse().map_err(|_| format!("{s:?} is not an integer"))?);
                10
            }
            Values::Float(v) => {
                let s = number()?;
                v.push(s.parse().map_err(|_| format!("{s:?} is not a number"))?);
                10
            }
            Values::Text(data, ends) => {
                if std::str::from_utf8(field).is_err() {
                    return Err("not UTF-8".to_string());
                }
                data.extend_from_slice(field);
                ends.push(data.len());
                field.len() + 10
            }
            Values::Bool(v) => {
                v.push(match field {
                    b"true" => true,
                    b"false" => false,
                    _ => return Err(format!("{:?} is not true or false", field)),
                });
                3
            }
        };
        self.def.push(1);
        Ok(added)
    }

    fn clear(&mut self) {
        self.def.clear();
        match &mut self.values {
            Values::Int(v) => v.clear(),
            Values::Float(v) => v.clear(),
            Values::Text(data, ends) => {
                data.clear();
                ends.clear();
            }
            Values::Bool(v) => v.clear(),
        }
    }

    /// Writes the buffered values into `w`, the column writer of the same
    /// column (so of the same physical type); [`ColumnBuf::clear`] follows.
    fn write(&mut self, w: &mut ColumnWriter<'_>) -> ::parquet::errors::Result<()> {
        let def = Some(self.def.as_slice());
        match (&mut self.values, w) {
            (Values::Int(v), ColumnWriter::Int64ColumnWriter(w)) => w.write_batch(v, def, None),
            (Values::Float(v), ColumnWriter::DoubleColumnWriter(w)) => w.write_batch(v, def, None),
            (Values::Text(data, ends), ColumnWriter::ByteArrayColumnWriter(w)) => {
                // Slices of one buffer, not an allocation per value.
                let all = Bytes::from(std::mem::take(data));
                let mut start = 0;
                let values: Vec<ByteArray> = ends
                    .iter()
                    .map(|&end| {
                        let v = ByteArray::from(all.slice(start..end));
                        start = end;
                        v
                    })
                    .collect();
                w.write_batch(&values, def, None)
            }
            (Values::Bool(v), ColumnWriter::BoolColumnWriter(w)) => w.write_batch(v, def, None),
            _ => Err(::parquet::errors::ParquetError::General(
                "column buffer and column writer of different types".into(),
            )),
        }
        .map(|_| ())
    }
}

/// The Parquet schema of a table: every column optional (null is null).
pub fn parquet_schema(table: &schema::Table) -> io::Result<Type> {
    let fields = table
        .columns
        .iter()
        .map(|c| {
            let (physical, logical) = match c.kind {
                Kind::Int => (PhysicalType::INT64, None),
                Kind::Float => (PhysicalType::DOUBLE, None),
                Kind::Text => (PhysicalType::BYTE_ARRAY, Some(LogicalType::String)),
                Kind::Bool => (PhysicalType::BOOLEAN, None),
            };
            Type::primitive_type_builder(c.name, physical)
                .with_repetition(Repetition::OPTIONAL)
                .with_logical_type(logical)
                .build()
                .map(Arc::new)
                .map_err(other)
        })
        .collect::<io::Result<Vec<_>>>()?;
    Type::group_type_builder(table.name)
        .with_fields(fields)
        .build()
        .map_err(other)
}

/// One Parquet file being written.
struct ParquetTable {
    table: &'static schema::Table,
    writer: SerializedFileWriter<AtomicFile>,
    columns: Vec<ColumnBuf>,
    rows: usize,
    bytes: usize,
}

impl ParquetTable {
    fn create(dir: &Path, tmp: &Path, table: &'static schema::Table) -> io::Result<Self> {
        let file = AtomicFile::create_in(&dir.join(format!("{}.parquet", table.name)), tmp)?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("pifu {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer =
            SerializedFileWriter::new(file, Arc::new(parquet_schema(table)?), Arc::new(props))
                .map_err(other)?;
        Ok(ParquetTable {
            table,
            writer,
            columns: table
                .columns
                .iter()
                .map(|c| ColumnBuf::new(c.kind))
                .collect(),
            rows: 0,
            bytes: 0,
        })
    }

    /// Appends CSV records (without header) of this table.
    fn append_csv(&mut self, records: &[u8]) -> io::Result<()> {
        if records.is_empty() {
            return Ok(());
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(records);
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record).map_err(other)? {
            if record.len() != self.columns.len() {
                return Err(other(format!(
                    "{}: a record of {} fields for {} columns",
                    self.table.name,
                    record.len(),
                    self.columns.len()
                )));
            }
            for ((buf, field), col) in self
                .columns
                .iter_mut()
                .zip(record.iter())
                .zip(self.table.columns)
            {
                self.bytes += buf
                    .push(field)
                    .map_err(|e| other(format!("{}.{}: {e}", self.table.name, col.name)))?;
            }
            self.rows += 1;
            if self.rows >= ROW_GROUP_ROWS {
                self.flush()?;
            }
        }
        Ok(())
    }

    /// Writes the buffered rows as one row group.
    fn flush(&mut self) -> io::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group().map_err(other)?;
        for buf in &mut self.columns {
            let Some(mut col) = group.next_column().map_err(other)? else {
                return Err(other("fewer Parquet columns than the schema's"));
            };
            buf.write(col.untyped()).map_err(other)?;
            col.close().map_err(other)?;
        }
        group.close().map_err(other)?;
        for buf in &mut self.columns {
            buf.clear();
        }
        self.rows = 0;
        self.bytes = 0;
        Ok(())
    }

    fn commit(mut self) -> io::Result<()> {
        self.flush()?;
        self.writer.into_inner().map_err(other)?.commit()
    }
}

/// The six Parquet files, written as documents arrive and renamed into
/// place by [`ParquetTables::commit`].
pub struct ParquetTables {
    tables: Vec<ParquetTable>,
    /// [`BUFFER_BYTES`], smaller in tests.
    budget: usize,
}

impl ParquetTables {
    /// The tables in `dir`, written through `tmp` until committed.
    pub fn create(dir: &Path, tmp: &Path) -> io::Result<Self> {
        let tables = schema::TABLES
            .iter()
            .map(|t| ParquetTable::create(dir, tmp, t))
            .collect::<io::Result<Vec<_>>>()?;
        Ok(ParquetTables {
            tables,
            budget: BUFFER_BYTES,
        })
    }

    /// Appends one input's records, as rendered by
    /// [`super::tables::csv_chunks`].
    pub fn write_chunks(&mut self, chunks: &CsvChunks) -> io::Result<()> {
        for (table, chunk) in self.tables.iter_mut().zip(chunks) {
            table.append_csv(chunk)?;
        }
        while self.tables.iter().map(|t| t.bytes).sum::<usize>() >= self.budget {
            match self.tables.iter_mut().max_by_key(|t| t.bytes) {
                Some(t) => t.flush()?,
                None => break,
            }
        }
        Ok(())
    }

    pub fn commit(self) -> io::Result<()> {
        for t in self.tables {
            t.commit()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::parquet::file::reader::{FileReader, SerializedFileReader};
    use ::parquet::record::Field;

    use crate::export::tables::csv_chunks;
    use crate::model::{Document, Format, Source};

    fn read(path: &Path) -> Vec<Vec<(String, Field)>> {
        let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
        reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| {
                r.unwrap()
                    .get_column_iter()
                    .map(|(n, f)| (n.clone(), f.clone()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn typed_columns_and_nulls() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join("tmp");
        let mut doc = Document::error(
            Some("abc".into()),
            Source {
                sha256: Some("ff".into()),
                pages: Some(3),
                ..Source::new("a,\"b\".pdf", Format::Pdf)
            },
            "bad",
        );
        doc.year = Some(2026);
        let mut t = ParquetTables::create(dir.path(), &tmp).unwrap();
        t.write_chunks(&csv_chunks(&doc)).unwrap();
        t.write_chunks(&csv_chunks(&doc)).unwrap();
        t.commit().unwrap();
        let rows = read(&dir.path().join("documents.parquet"));
        assert_eq!(rows.len(), 2);
        let get = |name: &str| {
            rows[0]
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, f)| f.clone())
                .unwrap()
        };
        assert_eq!(get("path"), Field::Str("a,\"b\".pdf".into()));
        assert_eq!(get("pages"), Field::Long(3));
        assert_eq!(get("year"), Field::Long(2026));
        assert_eq!(get("part"), Field::Null);
        assert_eq!(get("indicators"), Field::Long(0));
        assert_eq!(get("encoding"), Field::Null);
        assert!(read(&dir.path().join("indicators.parquet")).is_empty());
    }

    #[test]
    fn row_groups_follow_the_budget() {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let seed = root.join("samples/ezhou-data-bureau-2026.txt");
        let docs = crate::convert::convert_path_all(&seed, "seed.txt");
        let chunks = csv_chunks(&docs[0]);
        let mut t = ParquetTables::create(dir.path(), dir.path()).unwrap();
        t.budget = 4096;
        for _ in 0..3 {
            t.write_chunks(&chunks).unwrap();
        }
        t.commit().unwrap();
        let path = dir.path().join("indicators.parquet");
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        assert_eq!(reader.metadata().num_row_groups(), 3);
        let rows = read(&path);
        let csv = String::from_utf8(chunks[1].clone()).unwrap();
        let mut csv_rows = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.as_bytes());
        let want: Vec<csv::StringRecord> = csv_rows.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 3 * want.len());
        for (k, row) in rows.iter().enumerate() {
            let w = &want[k % want.len()];
            for ((_, f), v) in row.iter().zip(w.iter()) {
                let got = match f {
                    Field::Null => String::new(),
                    Field::Long(n) => n.to_string(),
                    Field::Double(x) => format!("{x}"),
                    Field::Str(s) => s.clone(),
                    other => panic!("{other:?}"),
                };
                assert_eq!(got, v, "row {k}");
            }
        }
    }

    #[test]
    fn a_value_of_the_wrong_type_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let mut t = ParquetTables::create(dir.path(), dir.path()).unwrap();
        let mut chunks: CsvChunks = Default::default();
        chunks[3] = b"abc,functions,one,text\r\n".to_vec();
        let e = t.write_chunks(&chunks).unwrap_err();
        assert!(e.to_string().contains("items.seq"), "{e}");
    }
}
