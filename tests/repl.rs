//! The shell driven through a pipe (scripts) and the `query` command's script-friendly behaviour.

use crate::util::*;

#[test]
fn piped_session_runs_commands_and_multiline_queries() {
    let (dir, store) = seeded_store();
    let out_file = dir.path().join("from repl ~ with spaces.ttl");
    let script = format!(
        ".stats\nSELECT ?n WHERE {{\n  ?p a schema:Person ;\n     schema:name ?n .\n  FILTER(?n = \"Olaf Scholz\")\n}}\n.prefixes\n.export turtle {}\n.quit\nSELECT * WHERE {{ ?s ?p ?o }}\n",
        out_file.display()
    );
    let o = run_stdin(&["repl", "--store", &store], &script);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("articles: 5"));
    assert!(out.contains("people: "));
    assert!(out.contains("Olaf Scholz"));
    assert!(out.contains("PREFIX schema: <http://schema.org/>"));
    assert!(out.contains("exported to"));
    assert!(out_file.exists(), "a path with spaces is one path");
    assert!(!out.contains("?o"), "nothing runs after .quit");
}

#[test]
fn a_query_goes_on_after_its_closing_brace() {
    let (_dir, store) = seeded_store();
    // The reproduction: ORDER BY and LIMIT on the lines after the brace.
    let script = "SELECT ?name\nWHERE { ?p a schema:Person ; schema:name ?name }\nORDER BY ?name\nLIMIT 3\n.mode csv\nSELECT ?n WHERE { ?p a schema:Person ; schema:name ?n # a { in a comment\n  FILTER(STRLEN(?n) < 12) }\nORDER BY DESC(?n) LIMIT 1\n";
    let o = run_stdin(&["repl", "--store", &store], script);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let names: Vec<&str> = out.lines().filter(|l| l.starts_with('│')).collect();
    assert_eq!(names.len(), 4, "a header and three rows: {out}");
    let all = csv_rows(&store, &examples().join("queries/people-with-titles.rq"));
    assert!(!all.is_empty());
    // Sorted: the first three names in order.
    let csv = stdout(&run(&[
        "query",
        "--store",
        &store,
        "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name LIMIT 3",
        "--format",
        "csv",
    ]));
    for n in csv.lines().skip(1) {
        assert!(out.contains(n.trim()), "{n} in the table");
    }
    // The second query: `<` in a FILTER and `{` in a comment do not confuse it; one CSV row.
    let tail: Vec<&str> = out.lines().skip_while(|l| !l.starts_with("n")).collect();
    assert_eq!(tail.len(), 2, "{out}");
    assert!(tail[1].chars().count() < 12);
}

#[test]
fn scripts_stop_at_the_first_error_with_a_caret() {
    let (_dir, store) = seeded_store();
    let o =
        run_stdin(&["repl", "--store", &store], ".stats\nSELECT ?n\nWHERE { ?p schema:nme ?n FILTR(?n) }\n.stats\n");
    assert_eq!(o.status.code(), Some(1), "a failed query fails the script");
    let (out, err) = (stdout(&o), stderr(&o));
    assert_eq!(out.matches("articles: 5").count(), 1, "nothing runs after the error: {out}");
    assert!(!out.contains("error"), "errors go to standard error");
    assert!(err.contains("line 2, column 26"), "{err}");
    let caret_line = err.lines().find(|l| l.trim() == "^").expect("a caret line");
    let query_line = err.lines().find(|l| l.contains("FILTR")).unwrap();
    assert_eq!(caret_line.find('^'), query_line.find("FILTR"), "the caret is under the column:\n{err}");
    assert!(err.contains("did you mean FILTER"), "{err}");
    // --keep-going runs the rest; the status still says something failed.
    let o = run_stdin(&["repl", "--store", &store, "--keep-going"], "SELCT * WHERE { ?s ?p ?o }\n.stats\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("articles: 5"));
    assert!(stderr(&o).contains("did you mean SELECT"), "{}", stderr(&o));
}

#[test]
fn updates_are_refused_with_the_way_to_change_data() {
    let (_dir, store) = seeded_store();
    let o = run_stdin(&["repl", "--store", &store], "INSERT DATA { <urn:a> <urn:b> <urn:c> }\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("newsgraph ingest") && stderr(&o).contains("newsgraph remove"));
    let o = run(&["query", "--store", &store, "DELETE WHERE { ?s ?p ?o }"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("SPARQL UPDATE"));
    assert!(stdout(&run(&["query", "--store", &store, "ASK { ?s ?p ?o }"])).contains("true"), "nothing was deleted");
}

#[test]
fn a_named_store_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("mistyped");
    let o = run_stdin(&["repl", "--store", store.to_str().unwrap()], ".stats\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no store at") && stderr(&o).contains("--examples"), "{}", stderr(&o));
    assert!(!store.join("graph.nq").exists(), "nothing was created");
    let o = run_stdin(&["repl", "--store", store.to_str().unwrap(), "--examples"], ".stats\n");
    assert!(o.status.success());
    assert!(stderr(&o).contains("from the example articles"));
    assert!(stdout(&o).contains("articles: 5"));
    // --store before the subcommand.
    let o = run_stdin(&["--store", store.to_str().unwrap(), "repl"], ".stats\n");
    assert!(stdout(&o).contains("articles: 5"));
    let o = run_stdin(&["--store-less-check"], "");
    assert!(!o.status.success(), "unknown flags are rejected");
}

#[test]
fn outputs_end_with_a_newline_and_pipes_close_quietly() {
    let (_dir, store) = seeded_store();
    for (q, f) in [
        ("ASK { ?s ?p ?o }", "json"),
        ("ASK { ?s ?p ?o }", "table"),
        ("SELECT ?s WHERE { ?s a schema:Person } LIMIT 2", "json"),
        ("SELECT ?s WHERE { ?s a schema:Person } LIMIT 2", "xml"),
        ("CONSTRUCT { ?s a schema:Person } WHERE { ?s a schema:Person } LIMIT 2", "turtle"),
        ("CONSTRUCT { ?s a schema:Person } WHERE { ?s a schema:Person } LIMIT 2", "jsonld"),
        ("CONSTRUCT { ?s a schema:Person } WHERE { ?s a schema:Person } LIMIT 2", "rdfxml"),
    ] {
        let o = run(&["query", "--store", &store, q, "--format", f]);
        assert!(o.status.success());
        assert!(o.stdout.ends_with(b"\n"), "{f} of {q} ends with a newline");
    }
    // `export | head`: the reader goes away; no error, status 0.
    let mut child = bin()
        .args(["export", "--store", &store])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn query_from_standard_input_with_a_timeout() {
    let (_dir, store) = seeded_store();
    let o = run_stdin(
        &["query", "--store", &store, "--file", "-", "--format", "csv"],
        "SELECT ?n WHERE { ?p schema:name ?n FILTER(?n = \"NATO\") }\n",
    );
    assert!(o.status.success());
    assert_eq!(stdout(&o).trim_end(), "n\r\nNATO");
    let started = std::time::Instant::now();
    let o =
        run(&["query", "--store", &store, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f", "--timeout", "1"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("timeout"));
    assert!(started.elapsed().as_secs() < 8, "the query stopped: {:?}", started.elapsed());
}

#[test]
fn tables_show_names_that_paste_back() {
    let (_dir, store) = seeded_store();
    let o = run(&["query", "--store", &store, "SELECT ?p WHERE { ?p schema:name \"Olaf Scholz\" }"]);
    let cell = stdout(&o)
        .lines()
        .find(|l| l.contains("person:"))
        .map(|l| l.trim_matches(|c: char| !c.is_alphanumeric() && c != ':' && c != '-').to_string());
    let cell = cell.expect("a person: name");
    // Pasted back, the name finds the same entity.
    let o = run(&["query", "--store", &store, &format!("ASK {{ {cell} schema:name \"Olaf Scholz\" }}")]);
    assert_eq!(stdout(&o).trim(), "true", "{cell} pastes back");
    // Language tags, datatypes, numbers right-aligned, wide values cut.
    let q = "SELECT ?l ?d ?number ?w WHERE { BIND(\"Kyiv\"@en AS ?l) BIND(\"2024-02-01\"^^xsd:date AS ?d) BIND(7 AS ?number) BIND(\"wordy wordy wordy wordy wordy wordy wordy wordy wordy wordy wordy wordy\" AS ?w) }";
    let o = run_stdin(&["repl", "--store", &store], &format!(".maxwidth 25\n{q}\n"));
    let out = stdout(&o);
    assert!(out.contains("\"Kyiv\"@en") && out.contains("\"2024-02-01\"^^xsd:date"), "{out}");
    assert!(out.contains("wordy wordy wordy wordy …"), "{out}");
    let row = out.lines().find(|l| l.contains("Kyiv")).unwrap();
    assert!(row.contains("┆      7 ┆"), "numbers right-aligned under ?number: {row}");
}
