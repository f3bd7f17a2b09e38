//! Reading article files: one `.txt` file per article, JSON Lines files (plain,
//! gzip-compressed, or standard input) of many, or a folder of them.

pub mod clean;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use crate::model::Article;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: no such file or folder")]
    Missing { path: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: binary content (NUL byte at offset {offset})")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: empty article (no text after cleaning)")]
    Empty { path: PathBuf },
    #[error("{path}:{line}: {reason}")]
    Record { path: PathBuf, line: usize, reason: String },
}

/// The path that stands for standard input (JSON Lines, plain or gzip-compressed).
pub const STDIN: &str = "-";

fn is_jsonl(p: &Path) -> bool {
    let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz")
}

/// Expands each path to the article inputs it names: a file itself, `-` (standard
/// input), or the `.txt`, `.jsonl` and `.jsonl.gz` files of a folder (sorted, not recursive).
pub fn list_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == STDIN {
            files.push(p.clone());
        } else if p.is_dir() {
            match fs::read_dir(p) {
                Ok(rd) => {
                    let mut v: Vec<PathBuf> = rd
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|f| f.is_file() && (f.extension().is_some_and(|x| x == "txt") || is_jsonl(f)))
                        .collect();
                    v.sort();
                    files.extend(v);
                }
                Err(source) => errors.push(ReadError::Io { path: p.clone(), source }),
            }
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            errors.push(ReadError::Missing { path: p.clone() });
        }
    }
    (files, errors)
}

/// How many articles an input holds, when that is cheap to know (for a progress bar):
/// one for a text file, the lines of an uncompressed JSON Lines file.
pub fn count_articles(path: &Path) -> Option<u64> {
    if path.as_os_str() == STDIN || path.to_string_lossy().ends_with(".gz") {
        return None;
    }
    if !is_jsonl(path) {
        return Some(1);
    }
    let mut r = BufReader::with_capacity(1 << 20, fs::File::open(path).ok()?);
    let mut n = 0;
    loop {
        let buf = r.fill_buf().ok()?;
        if buf.is_empty() {
            return Some(n);
        }
        n += buf.iter().filter(|&&b| b == b'\n').count() as u64;
        let len = buf.len();
        r.consume(len);
    }
}

/// Whether an input is JSON Lines (records with their own ids) rather than one article.
pub fn is_record_input(path: &Path) -> bool {
    path.as_os_str() == STDIN || is_jsonl(path)
}

/// Reads the articles of one input: a `.txt` file is one article; a `.jsonl` file
/// (`.jsonl.gz` gzip-compressed, `-` standard input) holds one article per line, as a
/// JSON object with `id` and `text` (also accepted: `body`, `content`) and optionally
/// `title` or `headline`. Each bad line is its own error; the good lines still come out.
pub fn read_articles(path: &Path) -> Vec<Result<Article, ReadError>> {
    stream_articles(path).collect()
}

/// The articles of one input, read as they are needed: JSON Lines inputs are read a line
/// at a time, so memory does not grow with the input.
pub fn stream_articles(path: &Path) -> Box<dyn Iterator<Item = Result<Article, ReadError>>> {
    if !is_record_input(path) {
        return Box::new(std::iter::once(read_article(path)));
    }
    let opened: std::io::Result<Box<dyn BufRead>> = if path.as_os_str() == STDIN {
        Ok(Box::new(BufReader::new(std::io::stdin())))
    } else {
        fs::File::open(path).map(|f| Box::new(BufReader::with_capacity(1 << 16, f)) as Box<dyn BufRead>)
    };
    let mut reader = match opened {
        Ok(r) => r,
        Err(source) => return Box::new(std::iter::once(Err(ReadError::Io { path: path.to_path_buf(), source }))),
    };
    // gzip by its magic number, whatever the name says.
    let gz = matches!(reader.fill_buf(), Ok(b) if b.starts_with(&[0x1f, 0x8b]));
    if gz {
        reader = Box::new(BufReader::with_capacity(1 << 16, flate2::bufread::MultiGzDecoder::new(reader)));
    }
    let path = path.to_path_buf();
    let mut line_no = 0;
    let mut buf = Vec::new();
    Box::new(std::iter::from_fn(move || {
        loop {
            buf.clear();
            line_no += 1;
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(source) => {
                    // A read error ends the input: report it once.
                    let e = ReadError::Io { path: path.clone(), source };
                    buf.clear();
                    reader = Box::new(std::io::empty());
                    return Some(Err(e));
                }
            }
            let Ok(line) = std::str::from_utf8(&buf) else {
                return Some(Err(ReadError::Record {
                    path: path.clone(),
                    line: line_no,
                    reason: "not UTF-8 text".into(),
                }));
            };
            if line.trim().is_empty() {
                continue;
            }
            return Some(parse_record(&path, line_no, line));
        }
    }))
}

/// One JSON Lines record as an article.
fn parse_record(path: &Path, line: usize, text: &str) -> Result<Article, ReadError> {
    let record = |reason: String| ReadError::Record { path: path.to_path_buf(), line, reason };
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| record(format!("not a JSON object: {e}")))?;
    let field = |names: &[&str]| names.iter().find_map(|k| v.get(*k).and_then(|x| x.as_str()).map(str::to_string));
    let id = field(&["id", "record_id"]).or_else(|| v.get("id").and_then(|x| x.as_i64()).map(|i| i.to_string()));
    let (Some(id), Some(body)) = (id, field(&["text", "body", "content"])) else {
        return Err(record("a record needs \"id\" and \"text\"".into()));
    };
    let raw = match field(&["title", "headline"]) {
        Some(title) => format!("{title}\n\n{body}"),
        None => body,
    };
    match parse_article(Path::new(&id), raw.as_bytes()) {
        Ok(a) => Ok(Article { id, ..a }),
        Err(_) => Err(record("empty article (no text after cleaning)".into())),
    }
}

/// Reads and cleans one article file.
pub fn read_article(path: &Path) -> Result<Article, ReadError> {
    let bytes = fs::read(path).map_err(|source| ReadError::Io { path: path.to_path_buf(), source })?;
    parse_article(path, &bytes)
}

/// Cleans raw bytes into an article named after `path`'s file name.
pub fn parse_article(path: &Path, bytes: &[u8]) -> Result<Article, ReadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary { path: path.to_path_buf(), offset });
    }
    let raw = std::str::from_utf8(bytes)
        .map_err(|e| ReadError::NotUtf8 { path: path.to_path_buf(), offset: e.valid_up_to() })?;
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw).replace("\r\n", "\n");
    let (headline, text) = clean::clean(&raw);
    if text.trim().is_empty() {
        return Err(ReadError::Empty { path: path.to_path_buf() });
    }
    let id = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Article { id, headline, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records_are_articles_and_bad_lines_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("feed.jsonl");
        fs::write(
            &p,
            "{\"id\": \"r1\", \"title\": \"Port reopens\", \"text\": \"The port reopened on Friday, officials said.\"}\n\
             not json\n\
             {\"id\": \"r3\"}\n\
             {\"id\": 4, \"body\": \"Rain fell all day in the capital.\"}\n",
        )
        .unwrap();
        let out = read_articles(&p);
        assert_eq!(out.len(), 4);
        let a = out[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.headline.as_str()), ("r1", "Port reopens"));
        assert!(a.text.contains("The port reopened"));
        assert!(out[1].as_ref().unwrap_err().to_string().contains("feed.jsonl:2: not a JSON object"));
        assert!(out[2].as_ref().unwrap_err().to_string().contains("feed.jsonl:3: a record needs"));
        assert_eq!(out[3].as_ref().unwrap().id, "4");
    }
}
