//! A SPARQL server as the store: the real binary against a real Oxigraph server
//! (`oxigraph serve`, from `pip install oxigraph`), started on a free port of
//! 127.0.0.1 and killed at the end; and faults from tiny listeners (nothing
//! listening, no answer, 401). Tests that need a server binary skip with a
//! printed reason when it is missing.

#[path = "util.rs"]
#[allow(dead_code)]
mod util;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use util::*;

/// The Oxigraph server binary: $NEWSGRAPH_TEST_OXIGRAPH, else `oxigraph` on the PATH.
fn oxigraph_bin() -> Option<String> {
    let bin = std::env::var("NEWSGRAPH_TEST_OXIGRAPH").unwrap_or_else(|_| "oxigraph".into());
    let ok = Command::new(&bin).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    ok.is_ok_and(|s| s.success()).then_some(bin)
}

macro_rules! require_oxigraph {
    () => {
        match oxigraph_bin() {
            Some(b) => b,
            None => {
                eprintln!(
                    "SKIPPED: no `oxigraph` server binary (python3 -m pip install oxigraph; .ci/run installs it)"
                );
                return;
            }
        }
    };
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// An Oxigraph server on a folder, killed when dropped.
struct Server {
    child: Option<Child>,
    bin: String,
    location: PathBuf,
    port: u16,
}

impl Server {
    fn start(bin: &str, location: &Path) -> Server {
        let mut s = Server { child: None, bin: bin.to_string(), location: location.to_path_buf(), port: free_port() };
        s.restart();
        s
    }

    fn restart(&mut self) {
        let child = Command::new(&self.bin)
            .args(["serve", "--location", self.location.to_str().unwrap(), "--bind"])
            .arg(format!("127.0.0.1:{}", self.port))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start oxigraph serve");
        self.child = Some(child);
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(start.elapsed() < Duration::from_secs(30), "oxigraph serve did not start on port {}", self.port);
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

fn run_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = bin();
    c.args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("run newsgraph");
    eprintln!(
        "$ newsgraph {}\n{}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout).chars().take(1000).collect::<String>(),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The arguments naming a store: `--store` and, for servers that split them, the endpoint URLs.
type StoreArgs = Vec<String>;

fn local_store(path: &Path) -> StoreArgs {
    vec!["--store".into(), path.display().to_string()]
}

fn server_store(url: &str) -> StoreArgs {
    vec!["--store".into(), url.to_string()]
}

/// Runs `newsgraph CMD STORE-ARGS REST...`.
fn run_on(cmd: &str, store: &StoreArgs, rest: &[&str]) -> Output {
    let mut args: Vec<&str> = vec![cmd];
    args.extend(store.iter().map(String::as_str));
    args.extend(rest);
    run(&args)
}

fn ingest(store: &StoreArgs, paths: &[PathBuf]) {
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let o = run_on("ingest", store, &paths);
    assert!(o.status.success(), "ingest into {store:?} failed");
}

/// The N-Quads export, lines sorted. With `round`, xsd:double figures are written with six
/// significant digits (Virtuoso keeps no more).
fn sorted_export(store: &StoreArgs, round: bool) -> Vec<String> {
    let o = run_on("export", store, &["--format", "nquads"]);
    assert!(o.status.success());
    let double = "\"^^<http://www.w3.org/2001/XMLSchema#double>";
    let mut v: Vec<String> = stdout(&o)
        .lines()
        .map(|l| match l.find(double) {
            Some(end) if round => {
                let start = l[..end].rfind('"').unwrap() + 1;
                let x: f64 = l[start..end].parse().unwrap();
                format!("{}{x:.5e}{}", &l[..start], &l[end..])
            }
            _ => l.to_string(),
        })
        .collect();
    v.sort();
    v
}

fn diff(a: &[String], b: &[String]) -> String {
    let sa: std::collections::BTreeSet<&String> = a.iter().collect();
    let sb: std::collections::BTreeSet<&String> = b.iter().collect();
    let only_a: Vec<_> = sa.difference(&sb).take(8).collect();
    let only_b: Vec<_> = sb.difference(&sa).take(8).collect();
    format!("{} vs {} lines\nonly in the first: {only_a:#?}\nonly in the second: {only_b:#?}", a.len(), b.len())
}

fn assert_same_graph(server: &StoreArgs, local: &StoreArgs, round: bool) {
    let (x, y) = (sorted_export(server, round), sorted_export(local, round));
    assert!(!x.is_empty());
    assert!(x == y, "server vs local export: {}", diff(&x, &y));
}

/// A query's CSV rows in a canonical order: rows sorted, and the parts of a
/// GROUP_CONCAT (" | ") sorted within their cell, since SPARQL leaves both orders
/// to the engine where the query does not fix them.
fn answers(store: &StoreArgs, query: &Path) -> Vec<Vec<String>> {
    let o = run_on("query", store, &["--file", query.to_str().unwrap(), "--format", "csv"]);
    assert!(o.status.success(), "{} on {store:?}", query.display());
    let mut rows: Vec<Vec<String>> = stdout(&o)
        .lines()
        .skip(1)
        .map(|l| {
            parse_csv_line(l)
                .into_iter()
                .map(|cell| {
                    let mut parts: Vec<&str> = cell.split(" | ").collect();
                    parts.sort();
                    parts.join(" | ")
                })
                .collect()
        })
        .collect();
    rows.sort();
    rows
}

fn article(name: &str) -> PathBuf {
    examples().join("articles").join(name)
}

/// The examples in `server` and in a local store: the same graph, the same answers to every
/// example query, the same shell; then a re-ingest, a changed article and a removal on both.
fn behaves_as_a_local_store(server: &StoreArgs, dir: &Path, round: bool) {
    let local = local_store(&dir.join("local"));
    ingest(server, &[examples().join("articles")]);
    ingest(&local, &[examples().join("articles")]);
    assert_same_graph(server, &local, round);

    // Every example query gives the same answers.
    let mut queries: Vec<PathBuf> = std::fs::read_dir(examples().join("queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    queries.sort();
    assert!(queries.len() >= 8);
    for q in &queries {
        let (a, b) = (answers(server, q), answers(&local, q));
        assert!(!a.is_empty(), "{} has answers", q.display());
        assert_eq!(a, b, "{} on the server and locally", q.display());
    }

    // The internal records are on the server, out of sight of queries and exports.
    let o = run_on("query", server, &["ASK { GRAPH ?g { ?a ng:indexRecord ?r } }"]);
    assert_eq!(stdout(&o).trim(), "false");
    let count = ["SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv"];
    assert_eq!(stdout(&run_on("query", server, &count)), stdout(&run_on("query", &local, &count)));
    assert!(!sorted_export(server, round).iter().any(|l| l.contains("indexRecord") || l.contains("graph/internal")));

    // The shell: statistics and a query, as on the local store.
    let script = ".stats\nSELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n LIMIT 3;\n";
    let repl = |store: &StoreArgs| {
        let mut args = vec!["repl"];
        args.extend(store.iter().map(String::as_str));
        run_stdin(&args, script)
    };
    let (a, b) = (repl(server), repl(&local));
    assert!(a.status.success());
    assert_eq!(stdout(&a), stdout(&b));
    // CONSTRUCT, through the rewrite too.
    let construct = "CONSTRUCT { ?e schema:name ?n } WHERE { ?e a schema:Country ; schema:name ?n }";
    let sorted = |o: Output| {
        let mut v: Vec<String> = stdout(&o).lines().map(String::from).collect();
        v.sort();
        v
    };
    let a = sorted(run_on("query", server, &[construct, "--format", "ntriples"]));
    let b = sorted(run_on("query", &local, &[construct, "--format", "ntriples"]));
    assert!(!a.is_empty());
    assert_eq!(a, b);

    // Re-ingesting the same files changes nothing; a changed file and a removal change both alike.
    let o = run_on("ingest", server, &[examples().join("articles").to_str().unwrap()]);
    assert!(stdout(&o).contains("5 of them were stored already"), "{}", stdout(&o));
    let text = std::fs::read_to_string(article("002_fd68e79a8582b43a.txt")).unwrap();
    let changed = dir.join("002_fd68e79a8582b43a.txt");
    std::fs::write(&changed, text.replacen("Biden", "Harris", 3)).unwrap();
    ingest(server, std::slice::from_ref(&changed));
    ingest(&local, std::slice::from_ref(&changed));
    for store in [server, &local] {
        let o = run_on("remove", store, &["004_bcffe02d0092fff4.txt"]);
        assert!(o.status.success());
        assert!(stdout(&o).contains("removed 1 articles"), "{}", stdout(&o));
    }
    assert_same_graph(server, &local, round);
    let o = run_on("remove", server, &["no-such-article"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no article with id no-such-article"), "{}", stderr(&o));
}

#[test]
fn a_server_holds_the_same_graph_as_a_local_store_and_answers_the_same() {
    let ox = require_oxigraph!();
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&ox, &dir.path().join("server"));
    behaves_as_a_local_store(&server_store(&server.url()), dir.path(), false);
    drop(server);
}

/// Article variants enough for an ingest that lasts: each example article under several
/// ids, each with a line of its own (so that none is a copy of another).
fn variants(dir: &Path, copies: usize) -> PathBuf {
    let out = dir.join("variants");
    std::fs::create_dir_all(&out).unwrap();
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(examples().join("articles")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for k in 0..copies {
        for (i, p) in names.iter().enumerate() {
            let text = std::fs::read_to_string(p).unwrap();
            let (head, body) = text.split_once('\n').unwrap();
            let extra = format!("Edition {k} of the wire copy, number {i}, filed by the night desk in Harwick.");
            std::fs::write(out.join(format!("v{k:02}_{i}.txt")), format!("{head}\n\n{extra}\n{body}")).unwrap();
        }
    }
    out
}

fn stored_articles(url: &str) -> usize {
    let o = run_env(
        &[
            "query",
            "--store",
            url,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a a schema:NewsArticle } }",
            "--format",
            "tsv",
        ],
        &[("NEWSGRAPH_HTTP_RETRIES", "0")],
    );
    stdout(&o).lines().nth(1).and_then(|l| l.trim().parse().ok()).unwrap_or(0)
}

#[test]
fn a_server_killed_mid_ingest_then_restarted_gives_the_same_graph_after_a_second_run() {
    let ox = require_oxigraph!();
    let dir = tempfile::tempdir().unwrap();
    let input = variants(dir.path(), 8);
    let mut server = Server::start(&ox, &dir.path().join("server"));
    let url = server.url();
    // One article per batch, so that the server dies between two batches or inside one.
    let mut child = bin()
        .args(["ingest", "--store", &url, input.to_str().unwrap()])
        .env("NEWSGRAPH_BATCH", "1")
        .env("NEWSGRAPH_HTTP_RETRIES", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while stored_articles(&url) < 3 {
        assert!(start.elapsed() < Duration::from_secs(120), "the ingest stored nothing");
        assert!(child.try_wait().unwrap().is_none(), "the ingest ended before the server was killed");
        std::thread::sleep(Duration::from_millis(20));
    }
    server.kill();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    eprintln!("{err}");
    assert!(!out.status.success(), "the ingest fails when its server goes");
    assert!(err.contains(&format!("127.0.0.1:{}", server.port)), "the error names the server: {err}");
    let before = {
        server.restart();
        stored_articles(&url)
    };
    assert!(before < 40, "killed before the end ({before} articles stored)");

    // The same ingest again repairs and goes on; the graph equals a local ingest of everything.
    let o = run(&["ingest", "--store", &url, input.to_str().unwrap()]);
    assert!(o.status.success());
    let local = local_store(&dir.path().join("local"));
    ingest(&local, std::slice::from_ref(&input));
    assert_eq!(stored_articles(&url), 40);
    assert_same_graph(&server_store(&url), &local, false);
    // Nothing left to repair.
    let o = run(&["ingest", "--store", &url, input.to_str().unwrap()]);
    assert!(!stderr(&o).contains("interrupted"), "{}", stderr(&o));
}

#[test]
fn a_server_that_is_down_is_a_clear_error() {
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    let o = run_env(
        &["ingest", "--store", &url, examples().join("articles").to_str().unwrap()],
        &[("NEWSGRAPH_HTTP_RETRIES", "1")],
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains(&format!("cannot reach the SPARQL server at {url}/query")), "{err}");
    assert!(stdout(&o).is_empty(), "nothing claims success: {}", stdout(&o));
    let o = run_env(&["query", "--store", &url, "ASK {}"], &[("NEWSGRAPH_HTTP_RETRIES", "0")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot reach"), "{}", stderr(&o));
    // Nothing was written where a folder would have been.
    assert!(!Path::new(&url).exists());
    drop(dir);
}

/// A listener on a free port that hands each connection to `answer`, on a thread of its own.
fn listener(answer: fn(std::net::TcpStream)) -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            std::thread::spawn(move || answer(s));
        }
    });
    port
}

#[test]
fn a_server_that_never_answers_times_out() {
    // Reads the request, then keeps the connection open without a word.
    let port = listener(|mut s| {
        let mut buf = [0u8; 4096];
        let _ = s.read(&mut buf);
        std::thread::sleep(Duration::from_secs(30));
    });
    let url = format!("http://127.0.0.1:{port}");
    let start = Instant::now();
    let o = run_env(
        &["query", "--store", &url, "SELECT * WHERE { ?s ?p ?o }"],
        &[("NEWSGRAPH_HTTP_TIMEOUT", "1"), ("NEWSGRAPH_HTTP_RETRIES", "1")],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(&format!("{url}/query: no answer within 1 s")), "{err}");
    assert!(start.elapsed() < Duration::from_secs(20), "gave up in time");
}

#[test]
fn a_401_says_which_credentials_to_set() {
    let port = listener(|mut s| {
        let mut buf = [0u8; 65536];
        let _ = s.read(&mut buf);
        let _ = s.write_all(
            b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"sparql\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
    });
    let url = format!("http://127.0.0.1:{port}");
    let o = run_env(&["export", "--store", &url], &[("NEWSGRAPH_USER", "reader"), ("NEWSGRAPH_PASSWORD", "wrong")]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains(&format!("{url}/query: 401 Unauthorized")), "{err}");
    assert!(err.contains("NEWSGRAPH_USER") && err.contains("NEWSGRAPH_PASSWORD"), "{err}");
    // Credentials are never taken from the command line, nor printed.
    assert!(!err.contains("wrong"), "{err}");
}

#[test]
fn credentials_from_the_environment_travel_as_http_basic() {
    use std::sync::mpsc;
    static SEEN: std::sync::Mutex<Option<mpsc::Sender<String>>> = std::sync::Mutex::new(None);
    let (send, receive) = mpsc::channel();
    *SEEN.lock().unwrap() = Some(send);
    let port = listener(|mut s| {
        let mut buf = [0u8; 65536];
        let n = s.read(&mut buf).unwrap_or(0);
        if let Some(tx) = SEEN.lock().unwrap().as_ref() {
            let _ = tx.send(String::from_utf8_lossy(&buf[..n]).into_owned());
        }
        let _ = s.write_all(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 16\r\nConnection: close\r\n\r\n{\"boolean\":true}",
        );
    });
    let url = format!("http://127.0.0.1:{port}");
    let o =
        run_env(&["query", "--store", &url, "ASK {}"], &[("NEWSGRAPH_USER", "ann"), ("NEWSGRAPH_PASSWORD", "s3cret")]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).trim(), "true");
    let request = receive.recv_timeout(Duration::from_secs(5)).unwrap();
    // base64("ann:s3cret")
    assert!(request.contains("Basic YW5uOnMzY3JldA=="), "{request}");
    assert!(request.starts_with("POST /query "), "{request}");
}

#[test]
fn service_joins_the_local_store_with_another_endpoint() {
    let ox = require_oxigraph!();
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&ox, &dir.path().join("server"));
    let local_args = local_store(&dir.path().join("local"));
    ingest(&local_args, &[article("000_c79dea70320f1e51.txt")]);
    let local = local_args[1].clone();
    // The other endpoint knows populations of some GeoNames places (in its default graph).
    let o = run(&[
        "query",
        "--store",
        &local,
        "SELECT DISTINCT ?g WHERE { ?p a schema:Place ; schema:sameAs ?g } ORDER BY ?g LIMIT 3",
        "--format",
        "tsv",
    ]);
    let places: Vec<String> = stdout(&o).lines().skip(1).map(|l| l.trim().to_string()).collect();
    assert!(places.len() >= 2, "{places:?}");
    let body: String = places
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{g} <http://www.geonames.org/ontology#population> \"{}\" .\n", 1000 + i))
        .collect();
    let agent = ureq::Agent::new_with_defaults();
    agent
        .put(&format!("{}/store?default", server.url()))
        .content_type("application/n-triples")
        .send(body.as_bytes())
        .expect("PUT to the server");
    let query = format!(
        "SELECT ?name ?population WHERE {{ ?p a schema:Place ; schema:name ?name ; schema:sameAs ?g . \
         SERVICE <{}/query> {{ ?g <http://www.geonames.org/ontology#population> ?population }} }} ORDER BY ?population",
        server.url()
    );
    let o = run(&["query", "--store", &local, &query, "--format", "csv"]);
    assert!(o.status.success());
    let rows: Vec<String> = stdout(&o).lines().skip(1).map(String::from).collect();
    assert_eq!(rows.len(), places.len(), "{rows:?}");
    assert!(rows[0].ends_with(",1000") && rows[1].ends_with(",1001"), "{rows:?}");
    // The shell too.
    let o = run_stdin(&["repl", "--store", &local], &format!("{query};\n"));
    assert!(o.status.success());
    assert!(stdout(&o).contains("1001"), "{}", stdout(&o));
}

/// A Virtuoso open source server (Debian's virtuoso-opensource) in a folder of its own,
/// killed when dropped.
struct Virtuoso {
    child: Child,
    http: u16,
}

impl Virtuoso {
    fn start(dir: &Path) -> Option<Virtuoso> {
        let bin = std::env::var("NEWSGRAPH_TEST_VIRTUOSO").unwrap_or_else(|_| "virtuoso-t".into());
        let isql = std::env::var("NEWSGRAPH_TEST_ISQL").unwrap_or_else(|_| "isql-vt".into());
        let present = |b: &str| Command::new(b).arg("-?").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
        if !present(&bin) || !present(&isql) {
            eprintln!("SKIPPED: no Virtuoso ({bin}, {isql}): apt-get install virtuoso-opensource; .ci/run installs it");
            return None;
        }
        std::fs::create_dir_all(dir).unwrap();
        let (sql, http) = (free_port(), free_port());
        let d = dir.display();
        let ini = format!(
            "[Database]\nDatabaseFile = {d}/virtuoso.db\nErrorLogFile = {d}/virtuoso.log\nLockFile = {d}/virtuoso.lck\n\
             TransactionFile = {d}/virtuoso.trx\nxa_persistent_file = {d}/virtuoso.pxa\nStriping = 0\nTempStorage = TempDatabase\n\n\
             [TempDatabase]\nDatabaseFile = {d}/virtuoso-temp.db\nTransactionFile = {d}/virtuoso-temp.trx\nStriping = 0\n\n\
             [Parameters]\nServerPort = 127.0.0.1:{sql}\nDisableUnixSocket = 1\nCaseMode = 2\nNumberOfBuffers = 10000\n\
             MaxDirtyBuffers = 6000\nDirsAllowed = .\n\n\
             [HTTPServer]\nServerPort = 127.0.0.1:{http}\nServerRoot = {d}\nMaxClientConnections = 8\nServerThreads = 8\nCharset = UTF-8\n\n\
             [SPARQL]\nResultSetMaxRows = 1000000\nMaxQueryExecutionTime = 120\n"
        );
        std::fs::write(dir.join("virtuoso.ini"), ini).unwrap();
        let child = Command::new(&bin)
            .args(["+foreground", "+configfile", dir.join("virtuoso.ini").to_str().unwrap()])
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start virtuoso-t");
        let v = Virtuoso { child, http };
        // SPARQL updates (and Graph Store writes) for the anonymous SPARQL user.
        let grant = "grant SPARQL_UPDATE to \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);";
        let start = Instant::now();
        loop {
            let ok = Command::new(&isql)
                .args([&format!("127.0.0.1:{sql}"), "dba", "dba", &format!("exec={grant}")])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if ok && std::net::TcpStream::connect(("127.0.0.1", http)).is_ok() {
                return Some(v);
            }
            assert!(start.elapsed() < Duration::from_secs(60), "Virtuoso did not start (see {d}/virtuoso.log)");
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Virtuoso serves queries and updates on one URL and the Graph Store Protocol on another.
    fn store(&self) -> StoreArgs {
        let base = format!("http://127.0.0.1:{}", self.http);
        vec![
            "--store".into(),
            base.clone(),
            "--query-url".into(),
            format!("{base}/sparql"),
            "--update-url".into(),
            format!("{base}/sparql"),
            "--graph-store-url".into(),
            format!("{base}/sparql-graph-crud"),
        ]
    }
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn virtuoso_holds_the_same_graph_as_a_local_store_and_answers_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let Some(server) = Virtuoso::start(&dir.path().join("virtuoso")) else { return };
    // Virtuoso keeps six significant digits of a double: figures are compared at that precision.
    behaves_as_a_local_store(&server.store(), dir.path(), true);
}
