//! Fuzz targets: each takes arbitrary bytes and panics only when a property breaks.
//!
//! They are run two ways: by cargo-fuzz (`fuzz/fuzz_targets/*.rs`, nightly, coverage-guided)
//! and on stable by `tests/fuzz.rs`, which replays the kept corpus (`fuzz/corpus/TARGET/`)
//! and mutates it for a deterministic number of rounds. The properties:
//!
//! - `extraction`: cleaning and extraction never panic; every span is inside the text and
//!   on character boundaries; a speaker is an entity of the extraction; extracting twice
//!   gives the same result.
//! - `jsonl`: the JSON Lines reader never panics; every error names the file and a line.
//! - `store_loader`: opening a store whose base or log holds these bytes, `check` and
//!   `repair`-style salvage never panic; a store that opens is queried without panic.
//! - `shell_command`: the shell's command parser, its whole-query check and its script
//!   splitters (whole text and line by line) never panic.

use std::path::Path;

use crate::model::{Extraction, Span};

fn span_ok(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end && s.end <= text.len(), "{what} {s:?} outside a text of {} bytes", text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{what} {s:?} not on character boundaries");
}

/// Extraction of one article made of these bytes.
pub fn extraction(data: &[u8]) {
    let Ok(article) = crate::ingest::parse_article(Path::new("fuzz.txt"), data) else { return };
    let ex: Extraction = crate::extract::extract(&article);
    let text = article.text.as_str();
    for m in &ex.mentions {
        span_ok(text, m.span, "mention");
        assert!(m.entity < ex.entities.len(), "a mention of entity {} of {}", m.entity, ex.entities.len());
    }
    for q in ex.quotes.iter().chain(&ex.statements) {
        span_ok(text, q.span, "quotation");
        assert!(q.speaker.is_none_or(|s| s < ex.entities.len()), "a speaker outside the entities");
    }
    let _ = crate::resolve::similar::signature(text);
    assert!(crate::extract::extract(&article) == ex, "extraction is not deterministic");
}

/// The JSON Lines reader over a file holding these bytes.
pub fn jsonl(data: &[u8]) {
    let dir = tempfile_dir();
    let path = dir.join("fuzz.jsonl");
    std::fs::write(&path, data).expect("write the input");
    for r in crate::ingest::stream_articles(&path) {
        match r {
            Ok(a) => assert!(!a.text.trim().is_empty(), "an article with no text"),
            Err(e) => assert!(e.to_string().contains("fuzz.jsonl"), "an error that does not name the file: {e}"),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A store folder whose base (first byte even) or log (odd) holds these bytes.
pub fn store_loader(data: &[u8]) {
    let dir = tempfile_dir();
    let (name, body) = match data.split_first() {
        Some((b, rest)) if b % 2 == 1 => ("graph.log", rest),
        Some((_, rest)) => ("graph.nq", rest),
        None => ("graph.nq", data),
    };
    std::fs::write(dir.join("backend"), "memory\n").expect("write the backend");
    std::fs::write(dir.join(name), body).expect("write the input");
    if let Ok(st) = crate::store::GraphStore::open(&dir, crate::store::Access::Read) {
        let _ = st.len();
        let _ = st.query("SELECT * WHERE { ?s ?p ?o } LIMIT 5");
    }
    let _ = crate::check::salvage_memory(&dir).map(|s| crate::check::articles(&s.quads));
    let _ = crate::check::check(&dir, &mut std::io::sink());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The shell's parsing of one input and of a script.
pub fn shell_command(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = crate::repl::command::Command::parse(&text);
    let prefixes = crate::print::default_prefixes();
    let _ = crate::repl::sparql::check(&text, &prefixes);
    let _ = crate::repl::sparql::is_complete(&text, &prefixes);
    let _ = crate::repl::sparql::split_script(&text, &prefixes);
    let mut splitter = crate::repl::sparql::Splitter::default();
    for line in text.lines() {
        let _ = splitter.push(line, &prefixes);
    }
    let _ = splitter.finish();
}

/// A fresh folder under the system's temporary folder (no dependency on tempfile here).
fn tempfile_dir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "newsgraph-fuzz-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}
