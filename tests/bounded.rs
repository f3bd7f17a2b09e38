//! Bounded work: a query's output has a row and size bound with a clear message; a
//! query that runs too long is stopped (see `repl::query_from_standard_input_with_a_timeout`).

use crate::util::*;

const CROSS: &str = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }";

#[test]
fn a_cross_product_query_ends_with_a_clear_message() {
    let (_dir, store) = seeded_store();
    // About 47 million rows on the examples: the default bound cuts it, in every format.
    for format in ["table", "csv", "json"] {
        let o = run(&["query", "--store", &store, CROSS, "--format", format]);
        assert_eq!(o.status.code(), Some(1), "{format}");
        let err = stderr(&o);
        assert!(err.contains("results cut after") && err.contains("--max-rows"), "{format}: {err}");
        assert!(!o.stdout.is_empty(), "{format}: the first rows are printed");
        assert!(o.stdout.len() < 200 << 20, "{format}: output stays bounded");
    }
    let o = run(&["query", "--store", &store, CROSS, "--format", "csv", "--max-rows", "5"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).lines().count(), 6, "a header and five rows");
    assert!(stderr(&o).contains("results cut after 5 rows"), "{}", stderr(&o));
    // Under the bound nothing is said and the status is 0.
    let o = run(&["query", "--store", &store, "SELECT ?a WHERE { ?a a schema:NewsArticle }", "--max-rows", "5"]);
    assert!(o.status.success());
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    // CONSTRUCT is bounded too.
    let o =
        run(&["query", "--store", &store, "CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }", "--max-rows", "7"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("results cut after 7 rows"), "{}", stderr(&o));
}

#[test]
fn the_shell_bounds_results_too() {
    let (_dir, store) = seeded_store();
    let o = run_stdin(
        &["repl", "--store", &store, "--keep-going"],
        &format!(
            "{CROSS};\n.mode csv\n.maxrows 3\n{CROSS};\n.maxrows 0\nSELECT (COUNT(*) AS ?n) WHERE {{ ?a a schema:NewsArticle }};\n"
        ),
    );
    let err = stderr(&o);
    assert_eq!(err.matches("results cut after").count(), 2, "{err}");
    assert!(err.contains("results cut after 3 rows"), "{err}");
    let out = stdout(&o);
    assert!(out.trim_end().ends_with("n\r\n5"), "{out:.300}");
    assert_eq!(o.status.code(), Some(1), "a cut result is an error in a script");
}
