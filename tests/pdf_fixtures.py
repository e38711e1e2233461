"""PDFs for the tests: written by hand (hostile shapes), or made by LibreOffice
from the project's own Word and web-page exports."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def raw_pdf(pages: int, text: str | None = None, declared: int | None = None) -> bytes:
    """A minimal valid PDF of `pages` pages; each draws a rectangle (a "scan" has
    no text) and, with `text`, prints it in Helvetica. `declared` lies about the
    page count in /Count."""
    objects: list[bytes] = []
    content = b"0 0 m 100 100 l S 10 10 200 200 re f"
    if text:
        content += b" BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    count = declared if declared is not None else pages
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
        )
    return assemble(objects)


def with_active_content(pdf: bytes) -> bytes:
    """`pdf` with an incremental update giving its catalog a JavaScript opening
    action, a form field and an attached file, as hostile PDFs carry them."""
    root = re.search(rb"/Root\s+(\d+)\s+0\s+R", pdf)
    size = re.findall(rb"/Size\s+(\d+)", pdf)
    startxref = re.findall(rb"startxref\s+(\d+)", pdf)
    assert root and size and startxref
    catalog_number = int(root.group(1))
    catalog = re.search(rb"\n%d 0 obj\s*(<<.*?>>)\s*endobj" % catalog_number, pdf, re.S)
    assert catalog
    body = catalog.group(1)
    n = int(size[-1])
    js, field, attachment = n, n + 1, n + 2
    extra = (
        b" /OpenAction %d 0 R /AcroForm << /Fields [%d 0 R] >>"
        b" /Names << /EmbeddedFiles << /Names [(a.exe) %d 0 R] >> >>" % (js, field, attachment)
    )
    new_catalog = body[:-2] + extra + b">>"
    update = bytearray(b"\n")
    offsets = {}
    for number, obj in (
        (catalog_number, new_catalog),
        (js, b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"),
        (field, b"<< /FT /Tx /T (x) /V (999) >>"),
        (attachment, b"<< /Type /Filespec /F (a.exe) >>"),
    ):
        offsets[number] = len(pdf) + len(update)
        update += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(pdf) + len(update)
    update += b"xref\n"
    for number in sorted(offsets):
        update += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    update += b"trailer\n<< /Size %d /Root %d 0 R /Prev %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        n + 3,
        catalog_number,
        startxref[-1],
        xref,
    )
    return pdf + bytes(update)


def soffice_pdf(source: Path, out_dir: Path, filter_name: str = "pdf") -> Path:
    """`source` converted to PDF by LibreOffice headless, with a private profile."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = (out_dir / "profile").as_uri()
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            filter_name,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out_dir / f"{source.stem}.pdf"


# ---- changing a PDF by an incremental update ------------------------------------------------
def _object_text(pdf: bytes, number: int) -> bytes:
    found = list(
        re.finditer(rb"(?:^|\n)%d 0 obj\s*(<<.*?>>)\s*(?:stream|endobj)" % number, pdf, re.S)
    )
    assert found, number
    return found[-1].group(1)


def _page_numbers(pdf: bytes) -> list[int]:
    import io

    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(pdf)))
    return [page.pageid for page in PDFPage.create_pages(document)]


def _root_number(pdf: bytes) -> int:
    found = re.findall(rb"/Root\s+(\d+)\s+0\s+R", pdf)
    assert found
    return int(found[-1])


def _next_number(pdf: bytes) -> int:
    return max(int(n) for n in re.findall(rb"/Size\s+(\d+)", pdf))


def incremental_update(pdf: bytes, objects: dict[int, bytes]) -> bytes:
    """`pdf` with `objects` (number → body, a dictionary or ``dict + stream``)
    written as an incremental update, as PDF editors save changes."""
    startxref = re.findall(rb"startxref\s+(\d+)", pdf)[-1]
    update = bytearray(b"\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(pdf) + len(update)
        update += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf) + len(update)
    update += b"xref\n"
    for number in sorted(offsets):
        update += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    size = max(_next_number(pdf), max(objects) + 1)
    update += b"trailer\n<< /Size %d /Root %d 0 R /Prev %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        _root_number(pdf),
        startxref,
        xref,
    )
    return pdf + bytes(update)


def stream(data: bytes, attrs: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), attrs) + data + b"\nendstream"


def overlay(
    pdf: bytes,
    ops: bytes,
    *,
    page: int = 0,
    resources: bytes = b"",
    extra_objects: dict[int, bytes] | None = None,
    page_entries: bytes = b"",
    catalog_entries: bytes = b"",
) -> bytes:
    """`pdf` with content `ops` drawn on top of page `page` (0-based), in its own
    graphics state. The font /NBH (Helvetica) is available to `ops`, besides
    `resources` (more entries of the page's resource dictionary, e.g.
    ``/ExtGState << … >>``). `extra_objects` (number → body) use numbers from
    ``first_free(pdf)`` on; `page_entries` and `catalog_entries` are added to
    the page's and the catalog's dictionaries."""
    number = _page_numbers(pdf)[page]
    page_dict = _object_text(pdf, number)
    contents = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)", page_dict)
    res = re.search(rb"/Resources\s*(\d+)\s+0\s+R", page_dict)
    assert contents and res
    old_resources = _object_text(pdf, int(res.group(1)))
    font_ref = re.search(rb"/Font\s*(\d+)\s+0\s+R", old_resources)
    fonts = _object_text(pdf, int(font_ref.group(1))) if font_ref else b"<<>>"
    n = _next_number(pdf)
    font, save, restore, drawing, new_res = n, n + 1, n + 2, n + 3, n + 4
    merged_fonts = fonts[:-2] + b" /NBH %d 0 R>>" % font
    body = re.sub(rb"/Font\s*\d+\s+0\s+R", b"", old_resources)[:-2]
    objects = {
        font: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        save: stream(b"q"),
        restore: stream(b"Q"),
        drawing: stream(ops),
        new_res: body + b" /Font " + merged_fonts + b" " + resources + b">>",
    }
    old = contents.group(1).strip(b"[]")
    new_page = page_dict.replace(
        contents.group(0), b"/Contents [%d 0 R %s %d 0 R %d 0 R]" % (save, old, restore, drawing)
    )
    new_page = new_page.replace(res.group(0), b"/Resources %d 0 R" % new_res)
    objects[number] = new_page[:-2] + b" " + page_entries + b">>"
    if catalog_entries:
        root = _root_number(pdf)
        objects[root] = _object_text(pdf, root)[:-2] + b" " + catalog_entries + b">>"
    for k, body_ in (extra_objects or {}).items():
        objects[k] = body_
    return incremental_update(pdf, objects)


def first_free(pdf: bytes) -> int:
    """The first object number `overlay` leaves free for `extra_objects`."""
    return _next_number(pdf) + 5


def assemble(objects: list[bytes]) -> bytes:
    """A PDF file of `objects` (numbered from 1, the catalog first) with its cross-
    reference table: what the tests and bench/bench_hostile_published.py build on."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
