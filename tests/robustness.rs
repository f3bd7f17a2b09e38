use std::fs;

use crate::util::*;

#[test]
fn bad_files_are_reported_and_good_ones_stored() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    fs::copy(examples().join("articles/000_c79dea70320f1e51.txt"), input.join("good.txt")).unwrap();
    fs::write(input.join("empty.txt"), "\n  \n").unwrap();
    fs::write(input.join("latin1.txt"), b"Caf\xe9 owners said \xabno\xbb.\n").unwrap();
    fs::write(input.join("binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    let store = dir.path().join("store");
    let missing = dir.path().join("nowhere.txt");
    let o = run(&["ingest", "--store", store.to_str().unwrap(), input.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(err.contains("latin1.txt") && err.contains("UTF-8"), "{err}");
    assert!(err.contains("binary.txt") && err.contains("binary"), "{err}");
    assert!(err.contains("nowhere.txt") && err.contains("no such file"), "{err}");
    assert!(stdout(&o).contains("ingested 1 articles"));
    let o = run(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "SELECT ?id WHERE { ?a dct:identifier ?id }",
        "--format",
        "csv",
    ]);
    assert_eq!(stdout(&o).lines().skip(1).collect::<Vec<_>>(), ["good.txt"]);
}

#[test]
fn reading_a_store_that_does_not_exist_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here");
    let o = run(&["query", "--store", missing.to_str().unwrap(), "ASK {}"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no store at"), "{}", stderr(&o));
    assert!(!missing.exists(), "reading creates nothing");
}

#[test]
fn same_content_under_two_names_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    let text =
        "Mayor opens bridge\n\nMayor Anna Berg opened the bridge in Oslo on Monday. “It is a good day,” she said.\n";
    fs::write(&a, text).unwrap();
    fs::write(&b, text).unwrap();
    let store = dir.path().join("store");
    let o = run(&["ingest", "--store", store.to_str().unwrap(), a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("b.txt has the same content as a.txt"));
    assert!(stdout(&o).contains("ingested 1 articles (1 duplicates skipped"));
}

#[test]
fn a_second_writer_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let _held = newsgraph::store::GraphStore::open(&store, newsgraph::store::Access::Write).unwrap();
    let art = examples().join("articles/000_c79dea70320f1e51.txt");
    let o = run(&["ingest", "--store", store.to_str().unwrap(), art.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("in use by another newsgraph process"), "{}", stderr(&o));
}

#[test]
fn a_shell_and_an_ingest_at_once_and_the_shell_sees_the_new_article() {
    let (dir, store) = seeded_store();
    let mut shell = bin()
        .args(["repl", "--store", &store])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the shell answers: it has the store open.
    use std::io::{BufRead, Write};
    let mut stdin = shell.stdin.take().unwrap();
    writeln!(stdin, ".stats").unwrap();
    let mut lines = std::io::BufReader::new(shell.stdout.take().unwrap()).lines().map(|l| l.unwrap());
    let mut stats = move || -> Vec<String> {
        let mut v = Vec::new();
        for l in lines.by_ref() {
            let last = l.starts_with("triples");
            v.push(l);
            if last {
                break;
            }
        }
        v
    };
    assert!(stats().contains(&"articles: 5".to_string()));
    let o = run(&["query", "--store", &store, "ASK { ?a a schema:NewsArticle }"]);
    assert!(o.status.success(), "a query runs beside an open shell");
    let extra = dir.path().join("extra.txt");
    fs::write(&extra, "Port reopens\n\nThe port of Gdansk reopened on Friday, officials said.\n").unwrap();
    let o = run(&["ingest", "--store", &store, extra.to_str().unwrap()]);
    assert!(o.status.success(), "a writer does not wait for the shell");
    // A second writer at the same time is refused.
    let _held = newsgraph::store::GraphStore::open(std::path::Path::new(&store), newsgraph::store::Access::Write);
    assert!(_held.is_ok(), "the shell holds no write lock");
    let o = run(&["ingest", "--store", &store, extra.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains("in use"), "one writer at a time");
    drop(_held);
    writeln!(stdin, ".stats").unwrap();
    let after = stats();
    assert!(after.contains(&"articles: 6".to_string()), "the open shell sees the new article: {after:?}");
    drop(stdin);
    assert!(shell.wait().unwrap().success());
}

#[test]
fn interrupted_or_failed_writes_leave_the_last_good_store() {
    if on_rocksdb() {
        return; // the in-memory backend's files
    }
    let (dir, store) = seeded_store();
    let data = std::path::Path::new(&store).join("graph.nq");
    let before = fs::read(&data).unwrap();
    // A process killed mid-write leaves a partial temporary file behind.
    fs::write(std::path::Path::new(&store).join("graph.nq.tmp"), "<http://x> <http://y> \"trunc").unwrap();
    let o = run(&[
        "query",
        "--store",
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle }",
        "--format",
        "csv",
    ]);
    assert_eq!(stdout(&o).lines().nth(1), Some("5"));
    // A write that fails (the log path is blocked) reports the error and keeps the old file.
    fs::remove_file(std::path::Path::new(&store).join("graph.nq.tmp")).unwrap();
    fs::create_dir(std::path::Path::new(&store).join("graph.log")).unwrap();
    let extra = dir.path().join("extra.txt");
    fs::write(&extra, "Port reopens\n\nThe port of Gdansk reopened on Friday, officials said.\n").unwrap();
    let o = run(&["ingest", "--store", &store, extra.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("graph.log"), "{}", stderr(&o));
    assert_eq!(fs::read(&data).unwrap(), before);
}
