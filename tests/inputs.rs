//! Inputs a hostile user might give: special files, odd names, other encodings. Each gets
//! an accurate message naming it, and the good inputs beside it are stored.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::symlink;
use std::path::Path;

use crate::util::*;

const TEXT: &str = "Port reopens\n\nThe port of Gdansk reopened on Friday, officials said.\n";

fn identifiers(store: &Path) -> Vec<String> {
    let o = run(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "SELECT ?id WHERE { ?a a schema:NewsArticle ; dct:identifier ?id } ORDER BY ?id",
        "--format",
        "json",
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"]["value"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn special_files_get_accurate_messages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fifo = d.join("feed.jsonl");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    symlink(d.join("gone.txt"), d.join("dangling.txt")).unwrap();
    symlink(d.join("loop-b.txt"), d.join("loop-a.txt")).unwrap();
    symlink(d.join("loop-a.txt"), d.join("loop-b.txt")).unwrap();
    // A folder that links to itself is not followed (folders are read one level deep).
    symlink(d, d.join("self")).unwrap();
    std::fs::write(d.join("good.txt"), TEXT).unwrap();
    let store = d.join("store");
    let s = store.to_str().unwrap();
    let o = run(&[
        "ingest",
        "--store",
        s,
        "/dev/null",
        fifo.to_str().unwrap(),
        d.join("dangling.txt").to_str().unwrap(),
        d.join("loop-a.txt").to_str().unwrap(),
        d.join("self").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("/dev/null: a character device, not an article file"), "{err}");
    assert!(err.contains("feed.jsonl: a named pipe (FIFO), not an article file; to stream JSON Lines"), "{err}");
    assert!(err.contains("dangling.txt: broken symbolic link (to ") && err.contains("gone.txt"), "{err}");
    assert!(err.contains("loop-a.txt: symbolic link loop"), "{err}");
    assert!(!err.contains("no such file"), "{err}");
    // Through the folder (`self` is the folder itself): the same messages for the same entries, the good file stored.
    assert_eq!(identifiers(&store), ["good.txt"]);
    assert!(stdout(&o).contains("ingested 1 articles"), "{}", stdout(&o));
    let o = run(&["extract", "/dev/null"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("a character device"), "{}", stderr(&o));
}

#[test]
fn file_names_with_spaces_newlines_and_other_bytes_are_articles() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let names: [&[u8]; 3] = [b"two words.txt", b"line\nbreak.txt", b"caf\xe9 latin1.txt"];
    for (i, n) in names.iter().enumerate() {
        std::fs::write(input.join(OsStr::from_bytes(n)), TEXT.replace("Friday", ["Monday", "Tuesday", "Sunday"][i]))
            .unwrap();
    }
    let store = dir.path().join("store");
    let o = run(&["ingest", "--store", store.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ids = identifiers(&store);
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids.contains(&"two words.txt".to_string()) && ids.contains(&"line\nbreak.txt".to_string()), "{ids:?}");
    // A name that is not UTF-8 keeps its other characters; the byte becomes U+FFFD.
    assert!(ids.contains(&"caf\u{fffd} latin1.txt".to_string()), "{ids:?}");
    // Each can be removed by its identifier, and the export stays valid N-Quads.
    let o = run(&["remove", "--store", store.to_str().unwrap(), "line\nbreak.txt", "two words"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(identifiers(&store).len(), 1);
    let out = dir.path().join("out.nq");
    assert!(run(&["export", "--store", store.to_str().unwrap(), "-o", out.to_str().unwrap()]).status.success());
    assert!(count_statements(&out, oxigraph::io::RdfFormat::NQuads) > 10);
}

#[test]
fn byte_order_marks_and_utf16_are_decoded_or_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut le = vec![0xff, 0xfe];
    le.extend(TEXT.replace("Gdansk", "Gdynia").encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(d.join("le.txt"), le).unwrap();
    let mut be = vec![0xfe, 0xff];
    be.extend(TEXT.replace("Gdansk", "Szczecin").encode_utf16().flat_map(|u| u.to_be_bytes()));
    std::fs::write(d.join("be.txt"), be).unwrap();
    std::fs::write(d.join("bom.txt"), format!("\u{feff}{}", TEXT.replace("Gdansk", "Hel"))).unwrap();
    std::fs::write(d.join("odd.txt"), [0xff, 0xfe, b'a', 0, b'b']).unwrap();
    std::fs::write(
        d.join("bom.jsonl"),
        "\u{feff}{\"id\": \"r1\", \"text\": \"Rain fell all day in Oslo, officials said.\"}\n",
    )
    .unwrap();
    let mut wide = vec![0xff, 0xfe];
    wide.extend("{\"id\": \"r2\", \"text\": \"x\"}\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
    std::fs::write(d.join("wide.jsonl"), wide).unwrap();
    let store = d.join("store");
    let o = run(&["ingest", "--store", store.to_str().unwrap(), d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("odd.txt: UTF-16 text with an invalid length"), "{err}");
    assert!(err.contains("wide.jsonl:1: UTF-16 text; JSON Lines must be UTF-8"), "{err}");
    assert_eq!(identifiers(&store), ["be.txt", "bom.txt", "le.txt", "r1"]);
    let o = run(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "SELECT ?h WHERE { ?a schema:headline ?h } ORDER BY ?h",
        "--format",
        "csv",
    ]);
    // The headline carries no byte order mark.
    let out = stdout(&o);
    assert_eq!(out.lines().filter(|l| *l == "Port reopens").count(), 3, "{out}");
    assert!(!out.contains('\u{feff}'), "{out}");
    let o = run(&["query", "--store", store.to_str().unwrap(), "ASK { ?p schema:name \"Szczecin\" }"]);
    assert_eq!(stdout(&o).trim(), "true", "UTF-16 big-endian text is read");
}
