#!/usr/bin/python3
"""Split the held-out set's ground truth by how the page was scanned.

    /usr/bin/python3 scripts/split_eval_truth.py EVAL_DIR

Reads EVAL_DIR/mixed-key.tsv (which original page each page_NNNN is) and the page lists
EVAL_DIR/<set>.md written by the generators, and copies each mixed page's truth into
EVAL_DIR/truth-fax/ (light bilevel fax pages) or EVAL_DIR/truth-scan/ (everything else).
`chohyo eval --truth EVAL_DIR/truth-scan RESULTS.jsonl` then reports the scanned pages alone
from the same batch results (pages without truth in the folder are not evaluated).
"""

from __future__ import annotations

import os
import shutil
import sys


def fax_pages(eval_dir: str) -> set[str]:
    """Original file names whose page list says `fax` in its marks column."""
    faxed = set()
    for name in os.listdir(eval_dir):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(eval_dir, name), encoding="utf-8") as f:
            for line in f:
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if len(cells) > 2 and "." in cells[0] and "fax" in cells[-1]:
                    faxed.add(cells[0])
    return faxed


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    eval_dir = argv[0]
    faxed = fax_pages(eval_dir)
    out = {kind: os.path.join(eval_dir, "truth-" + kind) for kind in ("fax", "scan")}
    for folder in out.values():
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
    counts = {"fax": 0, "scan": 0}
    with open(os.path.join(eval_dir, "mixed-key.tsv"), encoding="utf-8") as f:
        for line in f:
            page, _, source = line.rstrip("\n").partition("\t")
            if not page.startswith("page_"):
                continue
            kind = "fax" if os.path.basename(source) in faxed else "scan"
            shutil.copy(os.path.join(eval_dir, "mixed", page + ".json"), out[kind])
            counts[kind] += 1
    print(f"truth-fax: {counts['fax']} pages, truth-scan: {counts['scan']} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
