#!/usr/bin/env bash
# Installs the Debian packages Chohyo needs, only those that are missing.
# Idempotent: when everything is present it changes nothing and needs no network.
#   --with-generator   also the packages of the sample generator (Python Pillow, YAML, CJK fonts)
set -euo pipefail

packages=(
  pkg-config
  libtesseract-dev libleptonica-dev libpng-dev   # C libraries the Swift module map links
  libpoppler-glib-dev libqpdf-dev                # PDF input: poppler (GLib API, cairo) decodes pages, qpdf reads their objects
  tesseract-ocr                                  # the `tesseract` command (benchmark's zonal comparison)
  tesseract-ocr-jpn tesseract-ocr-eng tesseract-ocr-osd   # recognition models, shipped by Debian
)
if [[ "${1:-}" == "--with-generator" ]]; then
  packages+=(python3 python3-pil python3-yaml fonts-noto-cjk fonts-ipafont-gothic fonts-ipafont-mincho)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} Debian packages present"
else
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "install-deps: the Swift toolchain (swift 6) is not on PATH; install it from swift.org first" >&2
  exit 1
fi
