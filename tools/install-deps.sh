#!/bin/bash
# install-deps.sh - installs, on Debian 12, the packages newsprint needs to
# build, run and be tested; only those not installed yet, so a second run is
# quick. Runs apt-get as root, or through sudo for another user.
#
#   tools/install-deps.sh            # everything (build, run, tests, clang)
#   tools/install-deps.sh --list     # print the package list and exit
set -euo pipefail

packages=(
	# build
	build-essential meson ninja-build pkg-config
	libcairo2-dev libpango1.0-dev libharfbuzz-dev libyaml-dev libhyphen-dev libpng-dev
	libjpeg62-turbo-dev libfontconfig-dev fontconfig
	# the print pass (src/press): PDF objects and writing, colour, Flate
	libqpdf-dev liblcms2-dev zlib1g-dev libdeflate-dev
	# PDF ads and pictures drawn in previews (src/render/pdf_preview.c)
	libpoppler-glib-dev
	# hyphenation dictionaries (/usr/share/hyphen)
	hyphen-en-us hyphen-en-gb hyphen-ru hyphen-uk hyphen-de hyphen-fr
	# tests: check_output.py, qpdf --check, pdffonts
	python3 python3-yaml qpdf poppler-utils
	# tests: the JSON Schemas against every input (tests/schema_test.py)
	python3-jsonschema
	# tests: a font that is not bundled, for --fonts DIR (tests/fonts_test.py)
	fonts-dejavu-core
	# tests: the print pass's separations and CMYK profile (default_cmyk.icc)
	ghostscript
	# tests: the man page checked with groff (api/install)
	groff-base
	# the libFuzzer targets (meson -Dfuzz=true with CC=clang) and their runtime
	clang libclang-rt-14-dev
)

if [ "${1:-}" = --list ]; then
	printf '%s\n' "${packages[@]}"
	exit 0
fi

missing=()
for p in "${packages[@]}"; do
	# dpkg -s also answers for a package removed but not purged: want "installed"
	if ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed; then
		missing+=("$p")
	fi
done
if [ ${#missing[@]} -eq 0 ]; then
	echo "install-deps: all ${#packages[@]} packages are installed"
	exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
	if ! command -v sudo >/dev/null; then
		echo "install-deps: missing ${missing[*]}; run this as root (no sudo here)" >&2
		exit 1
	fi
	as_root=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
