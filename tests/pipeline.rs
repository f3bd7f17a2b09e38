use oxigraph::io::RdfFormat;

use crate::util::*;

fn query(store: &str, name: &str) -> Vec<Vec<String>> {
    csv_rows(store, &examples().join("queries").join(name))
}

#[test]
fn example_queries_answer_the_questions_they_ask() {
    let (_dir, store) = seeded_store();

    let rows = query(&store, "quotes-by-person.rq");
    assert!(rows.len() >= 10, "{rows:?}");
    assert!(rows.iter().all(|r| r[0].contains("Putin")));
    assert!(rows.iter().any(|r| r[1] == "According to the plan."));

    let rows = query(&store, "who-said-phrase.rq");
    assert!(rows.len() >= 4);
    assert!(rows.iter().all(|r| r[0] == "Joe Biden" && r[1].to_lowercase().contains("not our enemy")), "{rows:?}");

    let rows = query(&store, "articles-mentioning.rq");
    assert_eq!(rows.len(), 5, "NATO is in every example article");

    let rows = query(&store, "people-with-titles.rq");
    assert!(rows.iter().any(|r| r[0] == "Antony Blinken" && r[1] == "Secretary of State"), "{rows:?}");
    assert!(rows.iter().any(|r| r[0] == "Olaf Scholz" && r[1].contains("Chancellor")));

    let rows = query(&store, "organizations-by-articles.rq");
    assert_eq!(rows[0][0], "NATO");
    assert_eq!(rows[0][1], "5");

    let rows = query(&store, "shared-quotes.rq");
    let scholz = rows
        .iter()
        .find(|r| r[0] == "Olaf Scholz" && r[3].contains("We don’t know what happens next"))
        .expect("Scholz's statement carried by two outlets");
    assert_eq!(scholz[2], "2");
    assert!(
        scholz[3].contains("We don’t know what will happen next"),
        "the rewritten wording is an appearance of the same claim"
    );
    assert!(rows.iter().all(|r| r[2].parse::<u32>().unwrap() >= 2));

    let rows = query(&store, "places-mentioned.rq");
    let kyiv = rows.iter().find(|r| r[0] == "Kyiv").expect("Kyiv (also spelled Kiev) is one place");
    assert!(kyiv[1].starts_with("https://sws.geonames.org/"));
    assert!(!rows.iter().any(|r| r[0] == "Kiev"));

    // One article's speakers, most quoted first (ties by name).
    let rows = query(&store, "people-quoted-per-article.rq");
    assert!(rows.iter().all(|r| r[0] == "003_85b42f0a4709c3ab.txt"), "{rows:?}");
    assert_eq!((rows[0][1].as_str(), rows[0][2].as_str()), ("Jens Stoltenberg", "5"), "{rows:?}");
    assert!(rows.iter().any(|r| r[1] == "Olaf Scholz"));
}

#[test]
fn the_rewritten_copy_is_linked_to_its_source_and_nothing_else_is() {
    let (_dir, store) = seeded_store();
    let q = "SELECT DISTINCT ?ia ?ib ?sim WHERE { ?x a ng:TextSimilarity ; ng:compares ?a, ?b ; ng:similarity ?sim . \
             ?a ng:nearDuplicateOf ?b ; dct:identifier ?ia . ?b dct:identifier ?ib FILTER(?ia < ?ib) }";
    let o = run(&["query", "--store", &store, q, "--format", "csv"]);
    let out = stdout(&o);
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    let cols: Vec<&str> = rows[0].split(',').collect();
    assert_eq!((cols[0], cols[1]), ("001_8727e98081cf8dbe.txt", "004_bcffe02d0092fff4.txt"));
    let sim: f64 = cols[2].parse().unwrap();
    assert!((0.25..0.9).contains(&sim), "{sim}");
}

#[test]
fn reported_speech_is_kept_apart_from_quotations() {
    let (_dir, store) = seeded_store();
    let q = "SELECT ?text WHERE { ?s a ng:ReportedStatement ; schema:text ?text ; schema:creator/schema:name \"Vladimir Putin\" }";
    let o = run(&["query", "--store", &store, q, "--format", "csv"]);
    let out = stdout(&o);
    assert!(out.contains("Russia’s next steps will depend on how Washington and NATO react"), "{out}");
    let q = "ASK { ?s a ng:ReportedStatement , schema:Quotation }";
    assert_eq!(stdout(&run(&["query", "--store", &store, q])).trim(), "false");
}

#[test]
fn export_formats_parse_back_to_the_same_counts() {
    let (dir, store) = seeded_store();
    let mut quads = 0;
    let mut triples = 0;
    for (fmt, ext, rdf) in [
        ("nquads", "nq", RdfFormat::NQuads),
        ("trig", "trig", RdfFormat::TriG),
        ("turtle", "ttl", RdfFormat::Turtle),
        ("ntriples", "nt", RdfFormat::NTriples),
    ] {
        let path = dir.path().join(format!("out.{ext}"));
        let o = run(&["export", "--store", &store, "--format", fmt, "-o", path.to_str().unwrap()]);
        assert!(o.status.success());
        let n = count_statements(&path, rdf);
        match fmt {
            "nquads" => quads = n,
            "trig" => assert_eq!(n, quads, "TriG keeps every quad"),
            "turtle" => triples = n,
            _ => assert_eq!(n, triples, "N-Triples and Turtle hold the same union"),
        }
    }
    let stats = run_stdin(&["repl", "--store", &store], ".stats\n");
    assert!(stdout(&stats).contains(&format!("triples: {quads}")));
    assert!(triples > 0 && triples < quads, "the union merges entity facts repeated across article graphs");
}

#[test]
fn the_entity_network_for_graph_tools() {
    let (dir, store) = seeded_store();
    let path = dir.path().join("net.graphml");
    assert!(run(&["export", "--store", &store, "--format", "graphml", "-o", path.to_str().unwrap()]).status.success());
    let xml = std::fs::read_to_string(&path).unwrap();
    let o = run(&[
        "query",
        "--store",
        &store,
        "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?a schema:mentions ?e } }",
        "--format",
        "csv",
    ]);
    let entities: usize = stdout(&o).lines().nth(1).unwrap().parse().unwrap();
    let nodes = xml.matches("<node ").count();
    assert!(nodes > 5 && nodes < entities, "only linked entities are drawn: {nodes} of {entities}");
    assert!(xml.contains(r#"<data key="name">Olaf Scholz</data><data key="kind">person</data>"#));
    let co = xml.matches("<data key=\"link\">co-mention</data>").count();
    let quotes = xml.matches("<data key=\"link\">quotes</data>").count();
    assert!(co > 0 && quotes > 0, "co-mention and speaker links: {co} and {quotes}");
    assert!(co + quotes < 4 * nodes, "a drawable number of links, not a hairball: {} for {nodes} nodes", co + quotes);
    // A lower threshold keeps more co-mention links.
    let all = stdout(&run(&["export", "--store", &store, "--format", "graphml", "--min-weight", "1"]));
    assert!(all.matches("co-mention").count() > co);
    let dot = stdout(&run(&["export", "--store", &store, "--format", "dot"]));
    assert!(dot.starts_with("digraph newsgraph {") && dot.contains("label=\"NATO\", shape=box"));
    // Graphviz draws it in seconds (.ci/run installs it).
    let dot_file = dir.path().join("net.dot");
    std::fs::write(&dot_file, &dot).unwrap();
    let started = std::time::Instant::now();
    match std::process::Command::new("dot").arg("-Tsvg").arg(&dot_file).output() {
        Ok(o) => {
            assert!(o.status.success(), "dot renders the network: {}", String::from_utf8_lossy(&o.stderr));
            assert!(String::from_utf8_lossy(&o.stdout).contains("<svg"));
            assert!(started.elapsed().as_secs() < 10);
        }
        Err(e) => eprintln!("graphviz not installed ({e}): rendering not checked"),
    }
}

#[test]
fn reingest_changes_nothing() {
    let (dir, store) = seeded_store();
    let a = dir.path().join("a.nq");
    let b = dir.path().join("b.nq");
    run(&["export", "--store", &store, "-o", a.to_str().unwrap()]);
    let arts = examples().join("articles");
    let log = std::path::Path::new(&store).join("graph.log");
    let log_before = std::fs::metadata(&log).ok().map(|m| m.len());
    let o = run(&["ingest", "--store", &store, arts.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("5 of them were stored already"));
    assert_eq!(std::fs::metadata(&log).ok().map(|m| m.len()), log_before, "nothing to write");
    run(&["export", "--store", &store, "-o", b.to_str().unwrap()]);
    let sorted = |p: &std::path::Path| {
        let mut v: Vec<String> = std::fs::read_to_string(p).unwrap().lines().map(String::from).collect();
        v.sort();
        v
    };
    assert_eq!(sorted(&a), sorted(&b));
}

#[test]
fn offsets_are_code_points_of_the_stored_text() {
    let (_dir, store) = seeded_store();
    let q = "SELECT ?text ?b ?e ?anchor WHERE { ?m nif:referenceContext ?c ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor . ?c nif:isString ?text }";
    let o = run(&["query", "--store", &store, q, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v["results"]["bindings"].as_array().unwrap();
    assert!(rows.len() > 500);
    for r in rows {
        let text: Vec<char> = r["text"]["value"].as_str().unwrap().chars().collect();
        let b: usize = r["b"]["value"].as_str().unwrap().parse().unwrap();
        let e: usize = r["e"]["value"].as_str().unwrap().parse().unwrap();
        let slice: String = text[b..e].iter().collect();
        assert_eq!(slice, r["anchor"]["value"].as_str().unwrap());
    }
}

#[test]
fn query_formats_and_graph_results() {
    let (_dir, store) = seeded_store();
    let o = run(&["query", "--store", &store, "ASK { ?p schema:name \"Olaf Scholz\" }"]);
    assert_eq!(stdout(&o).trim(), "true");
    let o = run(&[
        "query",
        "--store",
        &store,
        "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n } LIMIT 3",
    ]);
    assert!(stdout(&o).contains("schema:name"), "CONSTRUCT prints Turtle");
    let o = run(&[
        "query",
        "--store",
        &store,
        "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } LIMIT 2",
        "--format",
        "tsv",
    ]);
    assert!(stdout(&o).starts_with("?n\n"));
    let o = run(&["query", "--store", &store, "SELECT WHERE {"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("error") || stderr(&o).contains("expected"), "a parse error is reported");
}

#[test]
fn labels_language_and_one_graph_exports() {
    let (dir, store) = seeded_store();
    // rdfs:label beside every schema:name; the article's language.
    let q = "SELECT (COUNT(?e) AS ?n) WHERE { GRAPH ?g { ?e schema:name ?name } FILTER NOT EXISTS { GRAPH ?g { ?e rdfs:label ?name } } }";
    let o = run(&["query", "--store", &store, q, "--format", "csv"]);
    assert_eq!(stdout(&o).lines().nth(1), Some("0"), "every name has its label");
    let o = run(&[
        "query",
        "--store",
        &store,
        "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle ; schema:inLanguage \"en\" }",
        "--format",
        "csv",
    ]);
    assert_eq!(stdout(&o).lines().nth(1), Some("5"));
    // One named graph, in every RDF format, parses back; JSON-LD and RDF/XML included.
    let article = "https://w3id.org/newsgraph/id/article/000_c79dea70320f1e51";
    let o = run(&[
        "query",
        "--store",
        &store,
        &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{article}> {{ ?s ?p ?o }} }}"),
        "--format",
        "csv",
    ]);
    let in_graph: usize = stdout(&o).lines().nth(1).unwrap().parse().unwrap();
    for (fmt, rdf) in [
        ("nquads", oxigraph::io::RdfFormat::NQuads),
        ("turtle", oxigraph::io::RdfFormat::Turtle),
        ("jsonld", oxigraph::io::RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() }),
        ("rdfxml", oxigraph::io::RdfFormat::RdfXml),
    ] {
        let path = dir.path().join(format!("one.{fmt}"));
        let o = run(&["export", "--store", &store, "--format", fmt, "--graph", article, "-o", path.to_str().unwrap()]);
        assert!(o.status.success(), "{fmt}: {}", stderr(&o));
        assert_eq!(count_statements(&path, rdf), in_graph, "{fmt} holds the graph");
    }
    let o = run(&["export", "--store", &store, "--graph", "https://example.org/none"]);
    assert!(!o.status.success() && stderr(&o).contains("no graph https://example.org/none"));
    // The whole store as JSON-LD keeps the named graphs.
    let path = dir.path().join("all.jsonld");
    assert!(run(&["export", "--store", &store, "--format", "jsonld", "-o", path.to_str().unwrap()]).status.success());
    let nq = dir.path().join("all.nq");
    assert!(run(&["export", "--store", &store, "-o", nq.to_str().unwrap()]).status.success());
    assert_eq!(
        count_statements(&path, oxigraph::io::RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() }),
        count_statements(&nq, oxigraph::io::RdfFormat::NQuads)
    );
}
