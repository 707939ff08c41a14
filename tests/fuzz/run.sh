#!/bin/sh
# run.sh - runs one libFuzzer target for a bounded time.
#
#   tests/fuzz/run.sh TARGET SECONDS [BUILD_DIR] [EXTRA LIBFUZZER ARGS...]
#
# TARGET is fuzz_article, fuzz_layout or fuzz_render (the "fuzz_" may be
# left off). BUILD_DIR (default $NP_FUZZ_BUILD or build-fuzz) is configured with
#   CC=clang meson setup BUILD_DIR -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false
# The seed corpus tests/fuzz/corpus/TARGET/ is read, never written: new inputs
# go to $NP_FUZZ_WORK/TARGET (default a folder in /tmp), crashes, leaks, hangs
# (over 2 s) and OOMs (over 2 GiB) to $NP_FUZZ_WORK/artifacts/. Exit status is
# libFuzzer's: 0 when nothing was found. See docs/fuzzing.md.
set -eu

if [ $# -lt 2 ]; then
	echo "usage: $0 TARGET SECONDS [BUILD_DIR] [LIBFUZZER ARGS...]" >&2
	exit 2
fi
target=$1
seconds=$2
shift 2
case $target in fuzz_*) ;; *) target=fuzz_$target ;; esac
build=${NP_FUZZ_BUILD:-build-fuzz}
if [ $# -gt 0 ] && [ -d "$1" ]; then
	build=$1
	shift
fi
here=$(cd "$(dirname "$0")" && pwd)
exe=$build/tests/fuzz/$target
if [ ! -x "$exe" ]; then
	echo "$0: $exe not built (see docs/fuzzing.md)" >&2
	exit 2
fi
case $target in
fuzz_article) max_len=16384 ;;
fuzz_layout) max_len=8192 ;;
fuzz_render) max_len=12288 ;;
*) echo "$0: unknown target $target" >&2; exit 2 ;;
esac
seeds=$here/corpus/${target#fuzz_}
work=${NP_FUZZ_WORK:-${TMPDIR:-/tmp}/newsprint-fuzz}
mkdir -p "$work/$target" "$work/artifacts"
# The render target needs no display or user fonts: only the bundled ones.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/../lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$exe" "$work/$target" "$seeds" \
	-dict="$here/yaml.dict" \
	-max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -max_len="$max_len" \
	-artifact_prefix="$work/artifacts/$target-" -print_final_stats=1 "$@"
