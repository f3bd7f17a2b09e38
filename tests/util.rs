use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    c.env_remove("NEWSGRAPH_STORE");
    c.env_remove("NEWSGRAPH_BACKEND");
    if let Some(b) = backend() {
        c.env("NEWSGRAPH_BACKEND", b);
    }
    c
}

/// The backend the tests create stores with: $NEWSGRAPH_TEST_BACKEND (memory or rocksdb), else the default.
pub fn backend() -> Option<String> {
    std::env::var("NEWSGRAPH_TEST_BACKEND").ok().filter(|b| !b.is_empty())
}

/// Whether the tests run against the RocksDB backend (tests of the in-memory backend's files skip then).
pub fn on_rocksdb() -> bool {
    backend().as_deref() == Some("rocksdb")
}

pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Runs the binary, returning its output; prints it when the test fails to help debugging.
pub fn run(args: &[&str]) -> Output {
    let out = bin().args(args).output().expect("run newsgraph");
    eprintln!(
        "$ newsgraph {}\n{}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout).chars().take(2000).collect::<String>(),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child =
        bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn");
    // A process that stops reading early (an error before the end) closes the pipe: not a test failure.
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    let out = child.wait_with_output().unwrap();
    eprintln!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    out
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh store with the example articles ingested.
pub fn seeded_store() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store").to_string_lossy().into_owned();
    let arts = examples().join("articles");
    let o = run(&["ingest", "--store", &store, arts.to_str().unwrap()]);
    assert!(o.status.success(), "ingest failed");
    (dir, store)
}

/// Rows of a CSV query result (header dropped); simple splitting is enough for our columns.
pub fn csv_rows(store: &str, query_file: &Path) -> Vec<Vec<String>> {
    let o = run(&["query", "--store", store, "--file", query_file.to_str().unwrap(), "--format", "csv"]);
    assert!(o.status.success());
    let text = stdout(&o);
    let mut rdr = text.lines();
    rdr.next();
    rdr.map(parse_csv_line).collect()
}

pub fn parse_csv_line(l: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = l.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// Counts the statements of an RDF file with oxigraph's parser (quads, or distinct triples).
pub fn count_statements(path: &Path, format: oxigraph::io::RdfFormat) -> usize {
    let data = std::fs::read(path).unwrap();
    let mut n = 0;
    for q in oxigraph::io::RdfParser::from_format(format).for_slice(&data) {
        q.expect("exported RDF parses");
        n += 1;
    }
    n
}

/// The file names of the example articles, in order.
pub const NAMES: [&str; 5] = [
    "000_c79dea70320f1e51.txt",
    "001_8727e98081cf8dbe.txt",
    "002_fd68e79a8582b43a.txt",
    "003_85b42f0a4709c3ab.txt",
    "004_bcffe02d0092fff4.txt",
];
