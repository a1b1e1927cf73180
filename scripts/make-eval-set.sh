#!/usr/bin/env bash
# Generate the held-out evaluation set (NOT committed: it is large and must stay unseen while
# tuning): 100 pages of each form and 20 pages that are none of them, with seeds different from
# the committed Samples/ (which use seed 1), scanned the hard way (--hard: more 200 dpi, grain,
# lid shadows, light bilevel faxes, red rubber stamps), plus one shuffled folder of all of them.
#
#   scripts/make-eval-set.sh OUT_DIR
#
# OUT_DIR/kyuyo, ido, koza, other   pages with NAME.json truth; OUT_DIR/<set>.md lists each page
# OUT_DIR/mixed                     all pages as page_NNNN.EXT + page_NNNN.json, shuffled
# OUT_DIR/mixed-key.tsv             which original page each page_NNNN is (kept out of mixed/)
# OUT_DIR/truth-fax, truth-scan      the mixed pages' truth split: light faxes / all other pages
#
# Then, for example:
#   chohyo batch OUT_DIR/mixed --out /tmp/eval-out
#   chohyo eval --truth OUT_DIR/mixed /tmp/eval-out/results.jsonl
#   chohyo eval --truth OUT_DIR/truth-scan /tmp/eval-out/results.jsonl   (faxes left out)
#
# FORM_COUNT and OTHER_COUNT override the page counts (100 and 20); EVAL_SEED (default 1000)
# moves every seed, for a fresh set nothing has been tuned on (docs/ACCURACY.md section 2 lists the
# seeds used; the forms take base+1, +1001, +2001, the other pages +3001, the mix +4001, so a new
# base should share none of them with an old one: 100500 shares none with 1000-53000). VALUE_FONTS
# (comma-separated, e.g. ipa-mincho) types the values in other fonts than the two the reading was
# tuned on (noto-sans-jp, ipa-gothic). HALF_WIDTH_KANA (a share, 0–1) prints the kana fields of
# that share of pages in half-width katakana (ﾔﾏﾀﾞ ﾀﾛｳ), as payroll and banking systems do.
# Needs python3-pil, python3-yaml, fonts-noto-cjk and fonts-ipafont (Debian). Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:?usage: scripts/make-eval-set.sh OUT_DIR}
forms=${FORM_COUNT:-100}
others=${OTHER_COUNT:-20}
base=${EVAL_SEED:-1000}
py=/usr/bin/python3
mkdir -p "$out"

form_set() {  # definition id, folder name, seed
  $py scripts/generate_samples.py --definition "FormDefinitions/$1.yaml" --out "$out/$2" \
      --count "$forms" --seed "$3" --format mix --hard ${VALUE_FONTS:+--value-fonts "$VALUE_FONTS"} \
      ${HALF_WIDTH_KANA:+--half-width-kana "$HALF_WIDTH_KANA"} > "$out/$2.md"
}

# Two at a time, one per core; `wait PID` stops the script if either failed.
form_set kyuyo_shiharai_hokokusho kyuyo $((base + 1)) & first=$!
form_set tokubetsu_choshu_ido ido $((base + 1001)) & second=$!
wait "$first"; wait "$second"
form_set koza_furikae koza $((base + 2001)) & first=$!
$py scripts/generate_other_pages.py --out "$out/other" --count "$others" --seed $((base + 3001)) --hard \
    > "$out/other.md" & second=$!
wait "$first"; wait "$second"

$py scripts/mix_pages.py --out "$out/mixed" --seed $((base + 4001)) \
    "$out/kyuyo" "$out/ido" "$out/koza" "$out/other" > "$out/mixed-key.tsv"
$py scripts/split_eval_truth.py "$out"
echo "evaluation set in $out ($(find "$out/mixed" -name 'page_*.json' | wc -l) pages in mixed/)"
