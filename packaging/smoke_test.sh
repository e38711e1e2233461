#!/usr/bin/env bash
# Install the built .deb into a clean root with dpkg and run the installed program:
# --screenshot, validate and export. Usage: packaging/smoke_test.sh dist/nianbao_*.deb
set -euo pipefail
deb=$(realpath "${1:?usage: smoke_test.sh PACKAGE.deb}")
root=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$root" "$work"' EXIT

# A private dpkg database, so the test installs nothing on this machine.
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
# (the test root has no libc6 etc.: --force-depends; dpkg says so on stderr)
dpkg --root="$root" --force-script-chrootless --force-depends --force-not-root \
     --log=/dev/null -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; exit 1; }

app="$root/opt/nianbao/nianbao"
test -x "$app" || { echo "smoke: $app missing"; exit 1; }
grep -q "Name\[zh_CN\]=年报填报助手" "$root/usr/share/applications/nianbao.desktop"
grep -q '\*.nianbao' "$root/usr/share/mime/packages/nianbao.xml"

export QT_QPA_PLATFORM=offscreen NIANBAO_HOME="$work/home"
cd "$work"
"$app" sample -o sample.nianbao
set +e; "$app" validate sample.nianbao > validate.txt; rc=$?; set -e
[ "$rc" = 1 ] || { echo "smoke: validate should exit 1 on the sample, got $rc"; cat validate.txt; exit 1; }
grep -q "R1\|R6" validate.txt
"$app" export sample.nianbao --docx sample.docx --xlsx sample.xlsx > export.txt
test -s sample.docx && test -s sample.xlsx
"$app" --screenshot window.png sample.nianbao
# a published web page and a PDF: the PDF is read in a child process the
# packaged program starts through itself (multiprocessing.freeze_support)
"$app" export sample.nianbao --html sample.html > export_html.txt
"$app" import sample.html -o from_html.nianbao > import_html.txt
test -s from_html.nianbao
if command -v soffice >/dev/null 2>&1; then
    soffice -env:UserInstallation="file://$work/lo" --headless --convert-to pdf \
        --outdir "$work" sample.docx > /dev/null 2>&1
    "$app" import sample.pdf -o from_pdf.nianbao > import_pdf.txt
    test -s from_pdf.nianbao
    echo "smoke: imported a PDF"
fi
python3 - <<'PY'
import struct
with open("window.png", "rb") as f:
    head = f.read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", head[16:24])
assert w >= 800 and h >= 500, (w, h)
print(f"smoke: screenshot {w}x{h}")
PY

# Removing the package leaves users' drafts alone (they live in their home folders).
dpkg --root="$root" --force-script-chrootless --force-not-root --log=/dev/null -r nianbao >/dev/null
test ! -e "$root/opt/nianbao/nianbao"
test -s sample.nianbao
echo "smoke: installed package passed (screenshot, validate, export, remove)"
