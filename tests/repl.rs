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
    // The issue's reproduction: ORDER BY and LIMIT on the lines after the brace.
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
    assert!(!store.exists(), "nothing was created");
    // An existing empty folder opens as an empty store, with a word on how to fill it.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = run_stdin(&["repl", "--store", empty.to_str().unwrap()], ".stats\n");
    assert!(o.status.success());
    assert!(stderr(&o).contains("is empty: add articles"), "{}", stderr(&o));
    assert!(stdout(&o).contains("articles: 0"));
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

#[test]
fn dot_commands_for_the_store() {
    let (_dir, store) = seeded_store();
    let script = ".graphs\n.schema\n.explain SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }\n.prefix ex: <http://example.org/>\n.prefixes\nSELECT ?x WHERE { BIND(ex:thing AS ?x) }\n";
    let o = run_stdin(&["repl", "--store", &store], script);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // .graphs: the five article graphs and the corpus graphs, with their sizes.
    assert_eq!(out.matches("│ article:0").count(), 5, "{out}");
    assert!(out.contains("graph/entities>"));
    // .schema: classes and properties with counts.
    let people = out.lines().find(|l| l.contains("schema:Person ")).expect("schema:Person in .schema");
    let n: usize = people.split('┆').nth(2).unwrap().trim().trim_end_matches('│').trim().parse().unwrap();
    let csv = stdout(&run(&[
        "query",
        "--store",
        &store,
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Person }",
        "--format",
        "csv",
    ]));
    assert_eq!(n.to_string(), csv.lines().nth(1).unwrap().trim());
    assert!(out.contains("┆ nif:beginIndex "));
    // .explain: oxigraph's plan with statistics.
    assert!(out.contains("QuadPattern") && out.contains("number of results"), "{out}");
    assert!(out.contains(&format!("({n} results)")));
    // .prefix declares for display and for queries.
    assert!(out.contains("PREFIX ex: <http://example.org/>") && out.contains("│ ex:thing │"), "{out}");
}

#[test]
fn dot_commands_for_output() {
    let (dir, store) = seeded_store();
    let q = "SELECT ?n (COUNT(?a) AS ?k) WHERE { ?o a schema:Organization ; schema:name ?n . ?a schema:mentions ?o FILTER(?n = \"NATO\") } GROUP BY ?n";
    let out_file = dir.path().join("results dir");
    std::fs::create_dir(&out_file).unwrap();
    let out_file = out_file.join("nato.csv");
    let script = format!(
        ".mode csv\n{q}\n.mode tsv\n{q}\n.mode json\n{q}\n.mode xml\n{q}\n.mode markdown\n{q}\n.mode turtle\nCONSTRUCT {{ ?o schema:name ?n }} WHERE {{ ?o schema:name ?n FILTER(?n = \"NATO\") }}\n.mode jsonld\nCONSTRUCT {{ ?o schema:name ?n }} WHERE {{ ?o schema:name ?n FILTER(?n = \"NATO\") }}\n.mode csv\n.output {}\n{q}\n.output\n.timer on\n{q}\n",
        out_file.display()
    );
    let o = run_stdin(&["repl", "--store", &store], &script);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("n,k\r\nNATO,5\r\n"), "csv: {out}");
    assert!(out.contains("?n\t?k\n\"NATO\"\t5\n"), "tsv: {out}");
    assert!(out.contains(r#""value":"NATO""#), "json: {out}");
    assert!(out.contains("<literal>NATO</literal>"), "xml: {out}");
    assert!(out.contains("| n | k |\n|---|---:|\n| NATO | 5 |"), "markdown: {out}");
    assert!(out.contains("schema:name \"NATO\" ."), "turtle: {out}");
    assert!(out.contains(r#""@value":"NATO""#) || out.contains(r#""http://schema.org/name""#), "jsonld: {out}");
    // .output sends results to the file, then back to the screen.
    assert_eq!(std::fs::read_to_string(&out_file).unwrap(), "n,k\r\nNATO,5\r\n");
    assert_eq!(out.matches("NATO,5").count(), 2, "before and after .output");
    // .timer on: the time of each query, beside the results.
    assert!(stderr(&o).contains("1 row in"), "{}", stderr(&o));
    // A bad .output path names that path.
    let o = run_stdin(&["repl", "--store", &store], ".output /nonexistent dir/x.csv\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot write /nonexistent dir/x.csv"), "{}", stderr(&o));
    let o = run_stdin(&["repl", "--store", &store], ".export turtle /nonexistent dir/x.ttl\n");
    assert!(stderr(&o).contains("cannot write /nonexistent dir/x.ttl:"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("partial"), "no temporary name: {}", stderr(&o));
}

#[test]
fn read_runs_a_file_of_commands() {
    let (dir, store) = seeded_store();
    let script = dir.path().join("my queries.rq");
    let q = std::fs::read_to_string(examples().join("queries/organizations-by-articles.rq")).unwrap();
    std::fs::write(&script, format!(".mode csv\n{q}\nASK {{ ?s ?p ?o }}\n")).unwrap();
    let o = run_stdin(&["repl", "--store", &store], &format!(".read {}\n", script.display()));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("name,articles\r\nNATO,5\r\n"), "the whole query, ORDER BY included: {out}");
    assert!(out.trim_end().ends_with("true"));
    std::fs::write(&script, "ASK { ?s ?p ?o }\nSELECT WHERE nope\n").unwrap();
    let o = run_stdin(&["repl", "--store", &store], &format!(".read {}\n", script.display()));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("(in {})", script.display())));
}

#[test]
fn shortcuts_answer_on_the_examples_and_show_their_query() {
    let (_dir, store) = seeded_store();
    let o = run_stdin(
        &["repl", "--store", &store],
        ".mode csv\n.quotes Scholz\n.said \"not our enemy\"\n.entity NATO\n.articles Olaf Scholz\n.claims\n",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let (out, err) = (stdout(&o), stderr(&o));
    // Each printed the SPARQL it ran (to standard error in a script).
    assert_eq!(err.matches("SELECT ").count(), 9, "five queries (four with a sub-select): {err}");
    let headers = [
        "speaker,quote,article,headline",
        "entity,property,value",
        "name,article,headline",
        "speaker,articles,wordings",
    ];
    let sections: Vec<&str> = out.split("\r\n").collect();
    let rows = |header: &str| -> Vec<String> {
        let start = sections.iter().position(|l| *l == header).unwrap_or_else(|| panic!("{header} in {out}"));
        sections[start + 1..]
            .iter()
            .take_while(|l| !l.is_empty() && !headers.contains(l))
            .map(|s| s.to_string())
            .collect()
    };
    // .quotes: every row is Scholz's, with the article.
    let q = rows("speaker,quote,article,headline");
    assert!(q.iter().filter(|r| r.starts_with("Olaf Scholz,")).count() >= 5, "{q:?}");
    // .said: Biden said it, in several articles.
    assert!(
        out.contains("Joe Biden,\"To the citizens of Russia, you are not our enemy,\",000_c79dea70320f1e51.txt"),
        "{out}"
    );
    // .entity: type, name and the articles of NATO.
    assert!(
        out.contains("organization:nato,1 type,schema:Organization")
            || out.contains("https://w3id.org/newsgraph/id/organization/nato,1 type,http://schema.org/Organization"),
        "{out}"
    );
    assert_eq!(out.matches(",7 article,").count(), 5, "NATO is in the five articles: {out}");
    // .articles: the articles that name Scholz.
    let a = rows("name,article,headline");
    assert!(a.iter().any(|r| r.starts_with("Olaf Scholz,001_8727e98081cf8dbe.txt")), "{a:?}");
    // .claims: statements in several articles, most carried first.
    let c = rows("speaker,articles,wordings");
    let first: Vec<&str> = c[0].splitn(3, ',').collect();
    assert!(first[1].parse::<usize>().unwrap() >= 2, "{c:?}");
    assert!(first[2].contains(" | "), "each wording: {c:?}");
}

#[test]
fn an_unfinished_query_at_the_end_of_a_script_says_so() {
    let (_dir, store) = seeded_store();
    let o = run_stdin(&["repl", "--store", &store], "SELECT ?n WHERE {\n  ?p schema:name ?n\n");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("line 2, column 20: the query ends too early"), "{err}");
    assert!(err.contains("closing } or ) may be missing"), "{err}");
}
