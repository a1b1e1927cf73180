#!/usr/bin/env python3
"""Marks the rare readings in the name list that scripts/make-name-list.sh builds.

A reading is marked `rare` when every name the dictionaries give it to has it only as a rare
reading one voicing mark (゛ ゜) away from a usual reading of the same name: タカバシ (高橋,
usually タカハシ), ヤマタ (山田), ノクチ (野口). OCR loses and adds voicing marks, and such a
misreading is still a reading of the name, so the name list alone lets it through
(タカハシ → タカバシ was accepted on the tuning hard set). `NameCheck` sends a kana read with
a rare reading to a person.

A reading of a name is rare when UniDic 3.1.1 does not give it to that name and IPAdic 2.7.0
costs it at least RARE_COST_GAP more than the name's cheapest reading (タカバシ 9,766 against
タカハシ 2,280). Readings the dictionaries get wrong are kept usual by hand (NOT_RARE).

Usage: mark-rare-readings.py IPADIC_NAMES.csv UNIDIC_NAMES.csv < list.tsv > list-marked.tsv
  IPADIC_NAMES.csv: IPAdic's Noun.name.csv in UTF-8 (cost in column 4, reading in 12);
  UNIDIC_NAMES.csv: UniDic's lex_3_1.csv lines of person names (reading in column 11).
Lines of list.tsv are kind<TAB>name<TAB>reading; marked ones get <TAB>rare.
"""

import collections
import csv
import sys
import unicodedata

#: Least IPAdic cost above a name's cheapest reading for another reading to be rare. 2,000 marks
#: 25 family readings and no given one; 1,500 marks 36, 3,000 marks 15.
RARE_COST_GAP = 2000

#: Readings the dictionaries make rare though they are not: 比嘉 is read ヒガ (Okinawa), yet
#: both dictionaries give ヒカ first and UniDic gives nothing else.
NOT_RARE = {("family", "ヒガ")}

KINDS = {"姓": ["family"], "名": ["given"], "一般": ["family", "given"]}


def unvoiced(reading: str) -> str:
    """The reading with its voicing marks taken off (ガ → カ, パ → ハ)."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in reading)


def load(ipadic_path: str, unidic_path: str):
    ipadic = collections.defaultdict(dict)  # (kind, name) → {reading: cost}
    with open(ipadic_path, encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            for kind in KINDS.get(row[7], []):
                costs = ipadic[(kind, row[0])]
                costs[row[11]] = min(int(row[3]), costs.get(row[11], 1 << 30))
    unidic = collections.defaultdict(set)  # (kind, name) → readings
    with open(unidic_path, encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if row[5] == "固有名詞" and row[6] == "人名":
                for kind in KINDS.get(row[7], []):
                    unidic[(kind, row[0])].add(row[10])
    return ipadic, unidic


def rare_readings(ipadic, unidic) -> set:
    readings = collections.defaultdict(set)
    for key, costs in ipadic.items():
        readings[key] |= set(costs)
    for key, found in unidic.items():
        readings[key] |= found

    def rare(key, reading) -> bool:
        costs = ipadic.get(key, {})
        return reading not in unidic.get(key, ()) and reading in costs \
            and costs[reading] - min(costs.values()) >= RARE_COST_GAP

    def rare_by_a_mark(key, reading) -> bool:
        return rare(key, reading) and any(
            usual != reading and unvoiced(usual) == unvoiced(reading) and not rare(key, usual)
            for usual in readings[key])

    names_of = collections.defaultdict(list)  # (kind, reading) → the names giving it
    for key, found in readings.items():
        for reading in found:
            names_of[(key[0], reading)].append(key)
    return {kr for kr, keys in names_of.items()
            if kr not in NOT_RARE and all(rare_by_a_mark(key, kr[1]) for key in keys)}


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    marked = rare_readings(*load(sys.argv[1], sys.argv[2]))
    count = 0
    for line in sys.stdin:
        line = line.rstrip("\n")
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) == 3 and (cols[0], cols[2]) in marked:
            line += "\trare"
            count += 1
        print(line)
    print(f"{len(marked)} rare readings marked on {count} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
