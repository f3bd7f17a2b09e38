use crate::util::*;

#[test]
fn piped_session_runs_commands_and_multiline_queries() {
    let (dir, store) = seeded_store();
    let out_file = dir.path().join("from-repl.ttl");
    let script = format!(
        ".stats\nSELECT ?n WHERE {{\n  ?p a schema:Person ;\n     schema:name ?n .\n  FILTER(?n = \"Olaf Scholz\")\n}}\nSELECT WHERE {{ oops }};\n.prefixes\n.export turtle {}\n.quit\nSELECT * WHERE {{ ?s ?p ?o }}\n",
        out_file.display()
    );
    let o = run_stdin(&["repl", "--store", &store], &script);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("articles: 5"));
    assert!(out.contains("people: "));
    assert!(out.contains("Olaf Scholz") && out.contains("1 row in"));
    assert!(out.contains("error:"), "a bad query prints the parser's message and the session goes on");
    assert!(out.contains("PREFIX schema: <http://schema.org/>"));
    assert!(out.contains("exported to"));
    assert!(out_file.exists());
    assert!(!out.contains("rows in"), "nothing runs after .quit");
}

#[test]
fn empty_store_gets_the_example_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("fresh");
    let o = run_stdin(&["repl", "--store", store.to_str().unwrap()], ".stats\n");
    assert!(o.status.success());
    assert!(stderr(&o).contains("is empty: ingesting the example articles"));
    assert!(stdout(&o).contains("articles: 5"));
    let o = run_stdin(&["--store-less-check"], "");
    assert!(!o.status.success(), "unknown flags are rejected");
}
