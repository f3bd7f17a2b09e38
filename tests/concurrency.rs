//! Several processes on one store, on the real binary. One writer at a time: a second
//! ingest started while one runs fails at once with an "in use" message (exit status 2)
//! rather than waiting; readers (queries, shells) take no lock and see each article whole,
//! as it was before the writer's batch or after it.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::Stdio;

use crate::util::*;

const RECORD: &str = "{\"id\": \"port\", \"title\": \"Port reopens\", \"text\": \"The port of Gdansk reopened on Friday, officials said.\"}\n";

#[test]
fn a_second_ingest_is_refused_while_one_runs() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let s = store.to_str().unwrap();
    // The first ingest reads standard input: it holds the store until that closes.
    let spawn_first = || {
        bin()
            .args(["ingest", "--store", s, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut first = spawn_first();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Bridge opens\n\nMayor Anna Berg opened the bridge in Oslo on Monday.\n").unwrap();
    let mut refused = None;
    for _ in 0..200 {
        // On a loaded machine the second ingest may take the store first, and the first is
        // the one refused: start it again.
        if first.try_wait().unwrap().is_some() {
            first = spawn_first();
        }
        let o = run(&["ingest", "--store", s, other.to_str().unwrap()]);
        if !o.status.success() {
            refused = Some(o);
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let o = refused.expect("a second writer is refused while the first holds the store");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is in use by another newsgraph process"), "{}", stderr(&o));
    first.stdin.take().unwrap().write_all(RECORD.as_bytes()).unwrap();
    let out = first.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Once it is done, the refused ingest goes through.
    let o = run(&["ingest", "--store", s, other.to_str().unwrap()]);
    assert!(o.status.success());
}

/// Per article graph: (quotations, mentions) as a reader sees them.
fn article_shapes(store: &str) -> Result<BTreeMap<String, (String, String)>, String> {
    let q = "SELECT ?g (COUNT(DISTINCT ?q) AS ?quotes) (COUNT(DISTINCT ?m) AS ?mentions) WHERE { GRAPH ?g { ?a nif:isString ?t OPTIONAL { ?q a schema:Quotation } OPTIONAL { ?m itsrdf:taIdentRef ?e } } } GROUP BY ?g";
    let o = bin().args(["query", "--store", store, q, "--format", "tsv"]).output().unwrap();
    if !o.status.success() {
        return Err(stderr(&o));
    }
    Ok(stdout(&o)
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            (c[0].to_string(), (c[1].to_string(), c[2].to_string()))
        })
        .collect())
}

#[test]
fn readers_during_an_ingest_see_whole_articles() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let s = store.to_str().unwrap().to_string();
    let first = examples().join("articles/000_c79dea70320f1e51.txt");
    assert!(run(&["ingest", "--store", &s, first.to_str().unwrap()]).status.success());
    // One article per batch: each is stored and saved on its own while the readers run.
    let mut writer = bin()
        .args(["ingest", "--store", &s, examples().join("articles").to_str().unwrap()])
        .env("NEWSGRAPH_BATCH", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut seen = Vec::new();
    loop {
        let done = writer.try_wait().unwrap().is_some();
        seen.push(article_shapes(&s).unwrap_or_else(|e| panic!("a query beside the writer fails: {e}")));
        if done {
            break;
        }
    }
    assert!(writer.wait().unwrap().success());
    let last = article_shapes(&s).unwrap();
    assert_eq!(last.len(), 5);
    for view in &seen {
        for (g, shape) in view {
            assert_eq!(Some(shape), last.get(g), "a reader saw article {g} in part");
        }
    }
    eprintln!(
        "{} reads during the ingest; articles seen: {:?}",
        seen.len(),
        seen.iter().map(BTreeMap::len).collect::<Vec<_>>()
    );
}
