//! Trains the name tagger (`src/extract/tagger.rs`) on a folder with a
//! `gold.jsonl` in the CoNLL-2003 layout of ../shared/eval/dev/conll2003
//! (text plus gold spans in code points) and writes the weights file.
//!
//! Usage: train_tagger TRAIN_DIR OUT_FILE [EPOCHS] [EVAL_DIR]
//!        train_tagger --show ARTICLE...   (the bundled tagger's names, with margins, and the extractor's)
//!        train_tagger --time ARTICLE...   (tagger and extraction time)
//!        train_tagger --raw-jsonl FILE... (the extractor on uncleaned files, JSONL for score_ner.py)
//!        train_tagger --tagger-jsonl FILE... (the tagger alone on uncleaned files, same JSONL)
//! EVAL_DIR, if given, is only scored (the tagger alone, exact PER/ORG/LOC spans).

use std::io::BufRead;

use anyhow::{Context, Result, bail};
use newsgraph::extract::tagger::{self, Ctx, Example, Label};
use newsgraph::extract::text::{Token, tokenize};

struct Doc {
    text: String,
    toks: Vec<Token>,
    /// (start, end, alt_end, label) in bytes.
    spans: Vec<(usize, usize, usize, Label)>,
}

fn load(dir: &str) -> Result<Vec<Doc>> {
    let path = std::path::Path::new(dir).join("gold.jsonl");
    let f = std::fs::File::open(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs = Vec::new();
    for line in std::io::BufReader::new(f).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let text = v["text"].as_str().context("text")?.to_string();
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
        let mut spans = Vec::new();
        for g in v["gold"]["conll03"].as_array().context("gold")? {
            let Some(label) = g[2].as_str().and_then(Label::from_name) else { continue };
            let b = bytes[g[0].as_u64().context("begin")? as usize];
            let e = bytes[g[1].as_u64().context("end")? as usize];
            let alt = g[4].as_u64().map_or(e, |x| bytes[x as usize]);
            spans.push((b, e, alt, label));
        }
        let toks = tokenize(&text);
        docs.push(Doc { text, toks, spans });
    }
    Ok(docs)
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).is_some_and(|a| a == "--tagger-jsonl") {
        // The tagger alone, to compare with the extractor on the same text.
        for path in &args[2..] {
            let text = std::fs::read_to_string(path)?;
            let text = text.strip_suffix('\n').unwrap_or(&text);
            let toks = tokenize(text);
            let cp = newsgraph::model::CharIndex::new(text);
            let ents: Vec<serde_json::Value> = tagger::tag(text, &toks)
                .into_iter()
                .filter(|t| t.label != Label::Misc)
                .map(|t| {
                    let (s, e) = (toks[t.a].span.start, toks[t.b - 1].span.end);
                    let label = match t.label {
                        Label::Per => "PER",
                        Label::Org => "ORG",
                        _ => "LOC",
                    };
                    serde_json::json!([cp.char_offset(s), cp.char_offset(e), label, &text[s..e]])
                })
                .collect();
            let name = std::path::Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or("");
            println!("{}", serde_json::json!({"article": name, "ents": ents}));
        }
        return Ok(());
    }
    if args.get(1).is_some_and(|a| a == "--raw-jsonl") {
        // The extractor on uncleaned article files, as JSONL for score_ner.py (what cleaning costs).
        for path in &args[2..] {
            let text = std::fs::read_to_string(path)?;
            let text = text.strip_suffix('\n').unwrap_or(&text);
            let ex = newsgraph::extract::extract_text(text);
            let cp = newsgraph::model::CharIndex::new(text);
            let ents: Vec<serde_json::Value> = ex
                .mentions
                .iter()
                .map(|m| {
                    let label = match ex.entities[m.entity].kind {
                        newsgraph::model::EntityKind::Person => "PER",
                        newsgraph::model::EntityKind::Organization => "ORG",
                        newsgraph::model::EntityKind::Place => "LOC",
                    };
                    serde_json::json!([
                        cp.char_offset(m.span.start),
                        cp.char_offset(m.span.end),
                        label,
                        m.span.slice(text)
                    ])
                })
                .collect();
            let name = std::path::Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or("");
            println!("{}", serde_json::json!({"article": name, "ents": ents}));
        }
        return Ok(());
    }
    if args.get(1).is_some_and(|a| a == "--time") {
        let arts: Vec<_> =
            args[2..].iter().filter_map(|p| newsgraph::ingest::read_article(std::path::Path::new(p)).ok()).collect();
        let mb = arts.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
        let _ = tagger::Model::get();
        let t = std::time::Instant::now();
        let toks: Vec<_> = arts.iter().map(|a| tokenize(&a.text)).collect();
        let t_tok = t.elapsed().as_secs_f64();
        let t = std::time::Instant::now();
        let ctxs: Vec<_> = arts.iter().zip(&toks).map(|(a, k)| Ctx::new(&a.text, k)).collect();
        let t_ctx = t.elapsed().as_secs_f64();
        let t = std::time::Instant::now();
        let n: usize = ctxs.iter().map(|c| tagger::analyse(tagger::Model::get(), c).spans.len()).sum();
        let t_tag = t.elapsed().as_secs_f64();
        let t = std::time::Instant::now();
        for a in &arts {
            let _ = newsgraph::extract::extract(a);
        }
        let t_all = t.elapsed().as_secs_f64();
        println!(
            "{mb:.2} MB: tokenize {t_tok:.3}s, ctx {t_ctx:.3}s, tag {t_tag:.3}s ({n} names), extract {t_all:.3}s = {:.1} MB/s",
            mb / t_all
        );
        return Ok(());
    }
    if args.get(1).is_some_and(|a| a == "--show") {
        for path in &args[2..] {
            let art = newsgraph::ingest::read_article(std::path::Path::new(path))?;
            let toks = tokenize(&art.text);
            for t in tagger::tag(&art.text, &toks) {
                let s = &art.text[toks[t.a].span.start..toks[t.b - 1].span.end];
                println!("tag\t{:?}\t{:.1}\t{s}", t.label, t.margin);
            }
            let ex = newsgraph::extract::extract(&art);
            for m in &ex.mentions {
                println!("ent\t{:?}\t{}", ex.entities[m.entity].kind, m.span.slice(&art.text));
            }
        }
        return Ok(());
    }
    if args.len() < 3 {
        bail!("usage: train_tagger TRAIN_DIR OUT_FILE [EPOCHS] [EVAL_DIR]");
    }
    let epochs: usize = args.get(3).map_or(Ok(8), |s| s.parse())?;
    let docs = load(&args[1])?;
    let examples: Vec<Example> = docs
        .iter()
        .map(|d| Example { text: &d.text, toks: &d.toks, gold: tagger::gold_tags(&d.toks, &d.spans) })
        .collect();
    let model = tagger::train(&examples, epochs, 0x5eed, |e, err, n| eprintln!("epoch {e}: {err} of {n} runs wrong"));
    let bytes = model.to_bytes(0.02);
    std::fs::write(&args[2], &bytes)?;
    eprintln!("wrote {} ({} bytes)", args[2], bytes.len());
    if let Some(dev) = args.get(4) {
        let model = tagger::Model::from_bytes(&bytes).context("reload")?;
        let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
        for d in load(dev)? {
            let ctx = Ctx::new(&d.text, &d.toks);
            let pred: Vec<(usize, usize, Label)> = tagger::tag_with(&model, &ctx)
                .into_iter()
                .filter(|t| t.label != Label::Misc)
                .map(|t| (d.toks[t.a].span.start, d.toks[t.b - 1].span.end, t.label))
                .collect();
            let gold: Vec<_> = d.spans.iter().filter(|s| s.3 != Label::Misc).collect();
            np += pred.len();
            ng += gold.len();
            tp += pred
                .iter()
                .filter(|p| gold.iter().any(|g| g.0 == p.0 && (g.1 == p.1 || g.2 == p.1) && g.3 == p.2))
                .count();
            if std::env::var_os("MARGINS").is_some() {
                for t in tagger::tag_with(&model, &ctx) {
                    let (s, e) = (d.toks[t.a].span.start, d.toks[t.b - 1].span.end);
                    let ok = d.spans.iter().any(|g| g.0 == s && (g.1 == e || g.2 == e) && g.3 == t.label);
                    println!("{}\t{}\t{:?}\t{}", t.margin, ok as u8, t.label, t.b - t.a);
                }
            }
        }
        let p = tp as f64 / np.max(1) as f64;
        let r = tp as f64 / ng.max(1) as f64;
        eprintln!("tagger alone on {dev}: P {p:.3} R {r:.3} F1 {:.3}", 2.0 * p * r / (p + r).max(1e-9));
    }
    Ok(())
}
