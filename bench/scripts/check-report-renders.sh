#!/usr/bin/env bash
# Opens a bench HTML report in headless Chromium, takes a screenshot and checks that it rendered:
# a PNG of reasonable size that is not a single flat colour.
#   bench/scripts/check-report-renders.sh [REPORT_HTML] [SCREENSHOT_PNG]
# Defaults: bench-report/report.html and bench-report/report.png. Not part of ./sigil test.
set -euo pipefail

REPORT="$(realpath "${1:-bench-report/report.html}")"
SHOT="$(realpath -m "${2:-$(dirname "$REPORT")/report.png}")"

die() { printf 'check-report-renders: %s\n' "$*" >&2; exit 1; }

[ -f "$REPORT" ] || die "no report at $REPORT (run ./sigil bench --quick first)"

BROWSER="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$BROWSER" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null || die "could not install chromium"
    BROWSER="$(command -v chromium)"
  else
    die "chromium is missing: install it (apt-get install -y chromium)"
  fi
fi

PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
rm -f "$SHOT"
timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$PROFILE" \
  --screenshot="$SHOT" --window-size=1280,2000 "file://$REPORT" >"$PROFILE/chromium.log" 2>&1 \
  || { cat "$PROFILE/chromium.log" >&2; die "chromium failed"; }

[ -s "$SHOT" ] || die "no screenshot written"
python3 - "$SHOT" <<'PY' || die "the screenshot does not look rendered"
import struct, sys, zlib
path = sys.argv[1]
data = open(path, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("not a PNG")
pos, idat, width, height, depth, ctype = 8, b"", 0, 0, 0, 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
if width < 800 or height < 800:
    sys.exit(f"too small: {width}x{height}")
if len(data) < 20_000:
    sys.exit(f"suspiciously small file: {len(data)} bytes")
raw = zlib.decompress(idat)
if depth != 8 or ctype not in (2, 6):
    sys.exit(f"unexpected PNG format: depth {depth}, colour type {ctype}")
bpp = 3 if ctype == 2 else 4
stride = width * bpp
prev = bytearray(stride)
colours, dark, coloured, samples = set(), 0, 0, 0
for y in range(height):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1:
            line[i] = (line[i] + a) & 255
        elif f == 2:
            line[i] = (line[i] + b) & 255
        elif f == 3:
            line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 4:
        continue
    for x in range(0, width, 3):
        r, g, bl = line[x * bpp:x * bpp + 3]
        samples += 1
        colours.add((r >> 3, g >> 3, bl >> 3))
        dark += r + g + bl < 300
        coloured += max(r, g, bl) - min(r, g, bl) > 60
# a rendered report has text (dark pixels), coloured chart lines, and is mostly light background
if len(colours) < 16 or dark < 500 or coloured < 50 or dark > samples * 0.5:
    sys.exit(f"looks blank or broken: {len(colours)} colours, {dark} dark and {coloured} coloured of {samples} samples")
print(f"check-report-renders: OK {path} {width}x{height}, {len(data)} bytes; of {samples} sampled pixels "
      f"{dark} dark, {coloured} coloured, {len(colours)} distinct colours")
PY
