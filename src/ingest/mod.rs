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
                        .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "txt"))
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
