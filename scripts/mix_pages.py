#!/usr/bin/python3
"""Copy sample pages from several folders into one shuffled folder with anonymous names.

    /usr/bin/python3 scripts/mix_pages.py --out EVAL/mixed --seed 5001 EVAL/kyuyo EVAL/ido ... > key.tsv

Every scan (png/jpg/tif) that has a NAME.json truth beside it is copied to OUT/page_NNNN.EXT
with its truth as OUT/page_NNNN.json, in an order shuffled by --seed, so that neither the file
name nor the order tells which form a page is. The key (new name, original path) goes to
standard output; keep it outside OUT.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys

SCAN_EXTENSIONS = (".png", ".jpg", ".tif")


def pages_in(folder: str) -> list[tuple[str, str]]:
    """(scan, truth) pairs in a folder, sorted by name."""
    pairs = []
    for name in sorted(os.listdir(folder)):
        base, ext = os.path.splitext(name)
        truth = os.path.join(folder, base + ".json")
        if ext.lower() in SCAN_EXTENSIONS and os.path.exists(truth):
            pairs.append((os.path.join(folder, name), truth))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="folders of scans with NAME.json truth")
    parser.add_argument("--out", required=True, help="the mixed folder (emptied of pages first)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    pages = [pair for folder in args.folders for pair in pages_in(folder)]
    random.Random(f"mix:{args.seed}").shuffle(pages)
    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        if name.startswith("page_"):
            os.remove(os.path.join(args.out, name))
    print("page\tsource")
    for number, (scan, truth) in enumerate(pages, start=1):
        new = f"page_{number:04d}"
        shutil.copyfile(scan, os.path.join(args.out, new + os.path.splitext(scan)[1].lower()))
        shutil.copyfile(truth, os.path.join(args.out, new + ".json"))
        print(f"{new}\t{scan}")
    print(f"{len(pages)} pages mixed into {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
