#!/usr/bin/env python3
"""Generate N distinct, realistic articles for store benchmarks.

Articles are recombined paragraphs of real news text read at run time from a
source folder of .txt articles (default: ../shared/eval/dev/polnear/articles
beside the project); nothing of that text is kept in the project. Each
generated article takes 6-14 paragraphs from random source articles, and its
proper names are replaced consistently: a capitalised word that never occurs
in lower case in the source text is a name, and it maps to an invented word
that depends on the word and on the article's group of ten, so entities recur
within a group and their number grows with N.

    scripts/gen_corpus.py N OUT.jsonl [--seed S] [--source DIR] [--start K]

OUT is JSON Lines (id, title, text), ids gen-000000, gen-000001, ...
"""
import argparse
import hashlib
import json
import random
import re
from pathlib import Path

SYLLABLES = ["ka", "lo", "ven", "dar", "mi", "tor", "sa", "bel", "ri", "mon", "ta", "gor", "li", "zen",
             "ha", "dri", "ko", "nas", "ul", "fe", "ran", "vi", "sto", "ne", "pal", "ro", "ki", "len"]


def invented(word, group):
    h = hashlib.blake2b(f"{word}/{group}".encode(), digest_size=8).digest()
    n = 2 + h[0] % 2
    s = "".join(SYLLABLES[b % len(SYLLABLES)] for b in h[1:1 + n])
    return s.capitalize()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--start", type=int, default=0, help="first article number")
    ap.add_argument("--source", default=str(Path(__file__).resolve().parent.parent.parent / "shared/eval/dev/polnear/articles"))
    a = ap.parse_args()
    paragraphs = []
    lower = set()
    for f in sorted(Path(a.source).glob("*.txt")):
        text = f.read_text(encoding="utf-8", errors="replace")
        paras = [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]
        paragraphs.extend(paras[1:])
        lower.update(re.findall(r"\b[a-z][a-z]+\b", text))
    if not paragraphs:
        raise SystemExit(f"no paragraphs under {a.source}")
    word = re.compile(r"\b[A-Z][a-z]{2,}\b")
    with open(a.out, "w", encoding="utf-8") as out:
        for k in range(a.start, a.start + a.n):
            rng = random.Random(a.seed * 1_000_003 + k)
            group = k // 10

            def name(m):
                w = m.group(0)
                return w if w.lower() in lower else invented(w, group)

            paras = [word.sub(name, p) for p in rng.sample(paragraphs, rng.randint(6, 14))]
            title = re.split(r"(?<=[.!?])\s", paras[0])[0][:90]
            out.write(json.dumps({"id": f"gen-{k:06d}", "title": title, "text": "\n\n".join(paras)}) + "\n")


if __name__ == "__main__":
    main()
