"""Build 年报填报助手 for the current platform: a PyInstaller one-folder app, then a
.deb on Linux (installs under /opt) or the input for the Inno Setup installer on
Windows (packaging/windows/nianbao.iss).

    uv run --group packaging python packaging/build.py            # app folder only
    uv run --group packaging python packaging/build.py --deb      # Linux: + .deb

One-folder, not one-file: one-file builds unpack into a temp folder on every start
(slow) and are routinely flagged by antivirus software on government PCs.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
APP = "nianbao"
DISPLAY_NAME = "年报填报助手"
MIME_TYPE = "application/x-nianbao"
WINDOWS = sys.platform == "win32"

# Qt modules the app imports; everything else in the wheel stays out of the package.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg")
QT_EXCLUDED = (
    "QtNetwork",
    "QtQml",
    "QtQuick",
    "QtQuickWidgets",
    "QtQuick3D",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtSql",
    "QtTest",
    "QtXml",
    "QtDBus",
    "QtConcurrent",
    "QtDesigner",
    "QtHelp",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetworkAuth",
    "QtPositioning",
    "QtPrintSupport",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtStateMachine",
    "QtSvgWidgets",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebSockets",
    "QtBluetooth",
    "QtCharts",
    "QtDataVisualization",
    "QtGraphs",
    "QtHttpServer",
    "Qt3DCore",
)


def version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^version = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("no version in pyproject.toml")
    return match.group(1)


def render_icons(out: Path) -> tuple[Path, Path]:
    """PNG (Linux, window icon) and ICO (Windows) from the SVG source."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "nianbao.svg"))
    out.mkdir(parents=True, exist_ok=True)
    png, ico = out / "nianbao.png", out / "nianbao.ico"
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not (image.save(str(png)) and image.save(str(ico))):
        raise SystemExit("could not render the icons")
    return png, ico


def _docx_parts_file() -> Path:
    import docx.parts

    return Path(docx.parts.__file__)


def pyinstaller(icon_ico: Path) -> Path:
    """The one-folder app in dist/nianbao/."""
    sep = os.pathsep
    args = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--onedir",
        "--name",
        APP,
        # Windows: a console program whose own console is hidden at once when it is
        # started from Explorer or the Start menu, but which prints in a terminal
        # (`nianbao.exe validate …`). On Linux the flag changes nothing.
        *(["--console", "--hide-console", "hide-early"] if WINDOWS else ["--windowed"]),
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD / "pyinstaller"),
        "--specpath",
        str(BUILD),
        "--add-data",
        f"{ROOT / 'resources'}{sep}resources",
        # command modules are imported by name (cli.COMMAND_MODULES)
        "--collect-submodules",
        "cli",
        # python-docx reads its XML templates from docx/templates/ ...
        "--collect-data",
        "docx",
        # ... through the path docx/parts/../templates, which resolves only if the
        # docx/parts folder exists on disk; its modules live in the archive, so put
        # one file there to create it
        "--add-data",
        f"{_docx_parts_file()}{sep}docx/parts",
        # pdfminer reads the CJK character maps of PDF fonts from its cmap/ files
        "--collect-data",
        "pdfminer",
        "--icon",
        str(icon_ico),
        "--exclude-module",
        "tkinter",
        "--exclude-module",
        "pytest",
        "--exclude-module",
        "hypothesis",
        "--exclude-module",
        "pytestqt",
    ]
    for module in QT_EXCLUDED:
        args += ["--exclude-module", f"PySide6.{module}"]
    args.append(str(ROOT / "main.py"))
    subprocess.run(args, check=True, cwd=ROOT)
    app_dir = DIST / APP
    _keep_chinese_translations(app_dir)
    return app_dir


def _keep_chinese_translations(app_dir: Path) -> None:
    """Qt ships catalogues for ~30 languages; the app is Chinese only."""
    for qm in app_dir.rglob("PySide6/Qt/translations/*.qm"):
        if "_zh_CN" not in qm.name:
            qm.unlink()


DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=Nianbao
Name[zh_CN]={display}
GenericName=Annual report editor
GenericName[zh_CN]=政府信息公开工作年度报告填报
Comment[zh_CN]=填报、校验并导出政府信息公开工作年度报告
Exec=/opt/{app}/{app} %f
Icon={app}
Terminal=false
Categories=Office;
MimeType={mime};
StartupWMClass={app}
"""

MIME_XML = """<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{mime}">
    <comment>Nianbao draft</comment>
    <comment xml:lang="zh_CN">年报草稿</comment>
    <glob pattern="*.nianbao"/>
    <icon name="{app}"/>
  </mime-type>
</mime-info>
"""

# Maintainer scripts refresh the desktop databases; they honour DPKG_ROOT so the
# package can be installed into a test root. Removing the package never touches
# the users' drafts, which live in their home folders.
REFRESH = """#!/bin/sh
set -e
root="${DPKG_ROOT:-}"
if [ -z "$root" ]; then
  has() { command -v "$1" >/dev/null; }
  has update-mime-database && update-mime-database /usr/share/mime || true
  has update-desktop-database && update-desktop-database -q /usr/share/applications || true
  has gtk-update-icon-cache && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
"""

LAUNCHER = """#!/bin/sh
exec /opt/{app}/{app} "$@"
"""


def deb(app_dir: Path, icon_png: Path) -> Path:
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    root = BUILD / "deb" / APP
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(app_dir, root / "opt" / APP, symlinks=True)
    files = {
        "usr/bin/nianbao": (LAUNCHER.format(app=APP), 0o755),
        f"usr/share/applications/{APP}.desktop": (
            DESKTOP_ENTRY.format(app=APP, display=DISPLAY_NAME, mime=MIME_TYPE),
            0o644,
        ),
        f"usr/share/mime/packages/{APP}.xml": (MIME_XML.format(app=APP, mime=MIME_TYPE), 0o644),
        "DEBIAN/postinst": (REFRESH, 0o755),
        "DEBIAN/postrm": (REFRESH, 0o755),
    }
    for rel, (text, mode) in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        path.chmod(mode)
    icons = root / "usr/share/icons/hicolor"
    (icons / "256x256/apps").mkdir(parents=True)
    (icons / "scalable/apps").mkdir(parents=True)
    shutil.copy(icon_png, icons / f"256x256/apps/{APP}.png")
    shutil.copy(ROOT / "resources/icons/nianbao.svg", icons / f"scalable/apps/{APP}.svg")
    size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) // 1024
    control = f"""Package: {APP}
Version: {version()}
Section: misc
Priority: optional
Architecture: {arch}
Installed-Size: {size_kb}
Depends: libc6, libegl1, libgl1, libxkbcommon0, libfontconfig1, libdbus-1-3, libglib2.0-0
Maintainer: Nianbao <nianbao@localhost>
Description: 年报填报助手 (Nianbao) — government information disclosure annual report
 Fill in, check and export the yearly 政府信息公开工作年度报告 in the official
 2019 and 2021 formats: Word document and Excel tables.
"""
    (root / "DEBIAN/control").write_text(control, encoding="utf-8")
    out = DIST / f"{APP}_{version()}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(root), str(out)], check=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", action="store_true", help="also build a .deb (Linux)")
    args = parser.parse_args()
    png, ico = render_icons(BUILD / "icons")
    app_dir = pyinstaller(ico)
    print(f"app folder: {app_dir}")
    if args.deb:
        print(f"package: {deb(app_dir, png)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
