"""BABE (SG2): does newsprism's loaded-language signal find biased sentences and biased words?

    .venv/bin/python eval/framing_babe.py [--data PATH] [--lexicons news,vader,textblob] [--limit N]

A sentence counts as biased when it holds at least `--min-terms` loaded terms (newsprism.extract.loaded).
Reported: sentence-level macro-F1 (biased vs non-biased) beside the majority-class baseline, and
biased-word precision/recall against the annotators' biased words. The general lexicons (VADER,
TextBlob) are used only when their packages are importable; the line "lexicons:" says which were.
Published fine-tuned transformers reach about 0.80-0.81 macro-F1 on this task (Spinde et al. 2021);
a lexicon with no training is not expected to come near that.

Data: BABE SG2 (https://github.com/Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE,
commit fb79f646dcabf1746f5ebedc06ed8dd61ba78188, data/final_labels_SG2.csv), read from
$NEWSPRISM_EVALDATA/babe/final_labels_SG2.csv (default ../shared/evaldata; see eval/evaldata.py) or --data.
"""
from __future__ import annotations

import argparse
import ast
import csv
import re
import sys
from pathlib import Path

import evaldata
from newsprism.extract.loaded import available_lexicons, lexicon, loaded_terms
from newsprism.extract.voices import quote_spans
from newsprism.model import Document
from newsprism.parse import load_nlp

DEFAULT = evaldata.path("babe", "final_labels_SG2.csv")


def read(path: Path) -> list[tuple[str, bool, list[str]]]:
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for r in csv.DictReader(fh, delimiter=";"):
            label = (r.get("label_bias") or "").strip()
            if label not in ("Biased", "Non-biased"):
                continue   # "No agreement" rows carry no gold
            try:
                words = [w.lower() for w in ast.literal_eval(r.get("biased_words") or "[]")]
            except (ValueError, SyntaxError):
                words = []
            rows.append((r["text"], label == "Biased", words))
    return rows


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def macro_f1(gold: list[bool], pred: list[bool]) -> float:
    out = []
    for cls in (True, False):
        tp = sum(g == cls and p == cls for g, p in zip(gold, pred))
        fp = sum(g != cls and p == cls for g, p in zip(gold, pred))
        fn = sum(g == cls and p != cls for g, p in zip(gold, pred))
        out.append(f1(tp, fp, fn))
    return sum(out) / 2


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--lexicons", default="news,vader,textblob")
    ap.add_argument("--min-terms", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args(argv)
    evaldata.check(a.data, "babe")
    rows = read(a.data)
    if a.limit:
        rows = rows[: a.limit]
    wanted = tuple(x for x in a.lexicons.split(",") if x)
    used = [x for x in wanted if x == "news" or x in available_lexicons()]
    lex = lexicon(wanted)
    nlp = load_nlp()
    gold, pred = [], []
    w_tp = w_pred = w_gold = 0
    for (text, biased, words), sdoc in zip(rows, nlp.pipe((r[0] for r in rows), batch_size=64)):
        doc = Document(id="s", text=text)
        terms = loaded_terms(doc, sdoc, lex, quote_spans(text))
        gold.append(biased)
        pred.append(len(terms) >= a.min_terms)
        got = {t.text.lower() for t in terms}
        # a gold word matches a predicted term when one contains the other as whole words
        want = set(words)
        w_pred += len(got)
        w_gold += len(want)
        w_tp += sum(1 for g in got if any(re.search(rf"(?<!\w){re.escape(g)}(?!\w)", w) or
                                          re.search(rf"(?<!\w){re.escape(w)}(?!\w)", g) for w in want))
    majority = max(set(gold), key=gold.count)
    print(f"BABE SG2: {len(rows)} sentences with agreement, {sum(gold)} biased")
    print(f"lexicons: {', '.join(used)} (asked: {', '.join(wanted)})")
    print(f"sentence macro-F1 (biased = >= {a.min_terms} loaded term): {macro_f1(gold, pred):.3f}")
    print(f"majority-class baseline macro-F1 (always {'biased' if majority else 'non-biased'}): "
          f"{macro_f1(gold, [majority] * len(gold)):.3f}")
    print(f"predicted biased: {sum(pred)}; accuracy {sum(g == p for g, p in zip(gold, pred)) / len(gold):.3f}")
    p = w_tp / w_pred if w_pred else 0.0
    r = w_tp / w_gold if w_gold else 0.0
    print(f"biased words: precision {p:.3f}, recall {r:.3f} (predicted {w_pred}, gold {w_gold})")
    print("reference: fine-tuned transformers reach about 0.80-0.81 sentence macro-F1 (Spinde et al. 2021)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
