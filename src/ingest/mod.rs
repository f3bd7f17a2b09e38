//! Reading article files: one `.txt` file per article, or a folder of them.

pub mod clean;

use std::fs;
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

/// Expands each path to the article files it names: a file itself, or the
/// `.txt` files of a folder (sorted, not recursive).
pub fn list_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            match fs::read_dir(p) {
                Ok(rd) => {
                    let mut v: Vec<PathBuf> = rd
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "txt" || x == "jsonl"))
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

/// Reads the articles of one input: a `.txt` file is one article; a `.jsonl`
/// file holds one article per line, as a JSON object with `id` and `text`
/// (also accepted: `body`, `content`) and optionally `title` or `headline`.
/// Each bad line is its own error; the good lines still come out.
pub fn read_articles(path: &Path) -> Vec<Result<Article, ReadError>> {
    if path.extension().is_none_or(|x| x != "jsonl") {
        return vec![read_article(path)];
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(source) => return vec![Err(ReadError::Io { path: path.to_path_buf(), source })],
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => return vec![Err(ReadError::NotUtf8 { path: path.to_path_buf(), offset: e.valid_up_to() })],
    };
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let record = |reason: String| ReadError::Record { path: path.to_path_buf(), line: n + 1, reason };
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                out.push(Err(record(format!("not a JSON object: {e}"))));
                continue;
            }
        };
        let field = |names: &[&str]| names.iter().find_map(|k| v.get(*k).and_then(|x| x.as_str()).map(str::to_string));
        let id = field(&["id", "record_id"]).or_else(|| v.get("id").and_then(|x| x.as_i64()).map(|i| i.to_string()));
        let (Some(id), Some(body)) = (id, field(&["text", "body", "content"])) else {
            out.push(Err(record("a record needs \"id\" and \"text\"".into())));
            continue;
        };
        let raw = match field(&["title", "headline"]) {
            Some(title) => format!("{title}\n\n{body}"),
            None => body,
        };
        match parse_article(Path::new(&id), raw.as_bytes()) {
            Ok(a) => out.push(Ok(Article { id: id.clone(), ..a })),
            Err(_) => out.push(Err(record("empty article (no text after cleaning)".into()))),
        }
    }
    out
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
