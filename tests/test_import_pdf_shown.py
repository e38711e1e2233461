"""A PDF reads as a reader sees it: text a viewer does not show is set aside and
named at its line, what is drawn over it wins, fake bold reads once, a sideways
page reads upright; hostile PDFs are refused within the limits, never with a
traceback or a stray library message."""

from __future__ import annotations

import random
import re
import sys
import zlib

import pytest

from importers import ImportRefused
from importers.pdf import import_pdf
from model import limits
from tests.factories import random_report
from tests.pdf_fixtures import (
    SOFFICE,
    assemble,
    first_free,
    incremental_update,
    overlay,
    raw_pdf,
    soffice_pdf,
    stream,
)

CELL = "active.art20_1.regulations.issued"
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """Our Word export of a report printed to PDF, and where 「13」 of
    「规章 / 本年制发件数」 stands on page 1 (x0, x1, baseline y, size)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    import pdfplumber

    from exporters.docx import export_docx

    report = random_report(random.Random(21), 2023, agency="某某市某某局")
    report.set_values({CELL: 13})
    folder = tmp_path_factory.mktemp("shown")
    source = folder / "年报.docx"
    export_docx(report, source)
    path = soffice_pdf(source, folder / "pdf")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        label = next(w for w in words if w["text"] == "规章")
        value = next(w for w in words if w["text"] == "13" and abs(w["top"] - label["top"]) < 4)
        height = page.height
    where = (value["x0"], value["x1"], height - value["bottom"] + 2, value["bottom"] - value["top"])
    return report, path.read_bytes(), where


def _import(tmp_path, data: bytes, name: str = "年报.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return import_pdf(path)


def _line_notes(result) -> list[str]:
    return [n for n in result.notes if "规章" in n and n.startswith("第 1 页")]


def _digit_after(where, ops_before: bytes = b"", ops_after: bytes = b"", digit=b"9") -> bytes:
    _x0, x1, y, size = where
    return (
        ops_before
        + b" BT /NBH %.1f Tf %.2f %.2f Td (%s) Tj ET " % (size, x1 + 0.3, y, digit)
        + ops_after
    )


def _box(where, pad: float = 1.0) -> bytes:
    x0, x1, y, size = where
    return b"%.2f %.2f %.2f %.2f re" % (
        x0 - pad,
        y - size * 0.3 - pad,
        x1 - x0 + 2 * pad + size,
        size * 1.3 + 2 * pad,
    )


HIDDEN_KINDS = {
    "render mode 3": (b"", b"3 Tr", "设置为不显示的文字「9」"),
    "render mode 7": (b"", b"7 Tr", "设置为不显示的文字「9」"),
    "white text": (b"", b"1 1 1 rg", "与底色相同"),
    "white in CMYK": (b"", b"0 0 0 0 k", "与底色相同"),
    "white in gray": (b"", b"1 g", "与底色相同"),
}


@needs_soffice
@pytest.mark.parametrize("kind", sorted(HIDDEN_KINDS))
def test_text_drawn_invisibly_is_set_aside_and_named(base, tmp_path, kind):
    _report, pdf, where = base
    before, state, said = HIDDEN_KINDS[kind]
    _x0, x1, y, size = where
    ops = b"BT %s /NBH %.1f Tf %.2f %.2f Td (9) Tj ET" % (state, size, x1 + 0.3, y)
    result = _import(tmp_path, overlay(pdf, before + ops))
    assert result.report.value(CELL) == 13
    assert any(said in n for n in _line_notes(result)), result.notes


@needs_soffice
def test_fill_alpha_zero_is_invisible(base, tmp_path):
    _report, pdf, where = base
    ops = b"/Clear gs " + _digit_after(where)
    data = overlay(pdf, ops, resources=b"/ExtGState << /Clear << /ca 0 >> >>")
    result = _import(tmp_path, data)
    assert result.report.value(CELL) == 13
    assert any("设置为不显示的文字「9」" in n for n in _line_notes(result))


@needs_soffice
def test_clipped_text_is_set_aside_and_shown_clip_is_read(base, tmp_path):
    _report, pdf, where = base
    clipped = overlay(pdf, b"0 0 1 1 re W n " + _digit_after(where))
    result = _import(tmp_path, clipped)
    assert result.report.value(CELL) == 13
    assert any("被裁剪在显示范围之外" in n for n in _line_notes(result))
    # a clip around the cell shows what is in it: 「13」 then 「9」 reads 139
    shown = overlay(pdf, _box(where, 3) + b" W n " + _digit_after(where))
    assert _import(tmp_path, shown, "b.pdf").report.value(CELL) == 139


@needs_soffice
@pytest.mark.parametrize(
    ("catalog", "marked"),
    [
        (b"/OCProperties << /OCGs [{g} 0 R] /D << /OFF [{g} 0 R] >> >>", b"/OC /L1 BDC"),
        (b"/OCProperties << /OCGs [{g} 0 R] /D << /BaseState /OFF >> >>", b"/OC /L1 BDC"),
        (b"/OCProperties << /OCGs [{g} 0 R] /D << /OFF [{g} 0 R] >> >>", b"/OC /M1 BDC"),
    ],
)
def test_text_in_a_hidden_layer_is_set_aside(base, tmp_path, catalog, marked):
    _report, pdf, where = base
    group = first_free(pdf)
    membership = group + 1
    data = overlay(
        pdf,
        marked + _digit_after(where) + b"EMC",
        resources=b"/Properties << /L1 %d 0 R /M1 %d 0 R >>" % (group, membership),
        extra_objects={
            group: b"<< /Type /OCG /Name (Draft) >>",
            membership: b"<< /Type /OCMD /OCGs [%d 0 R] /P /AnyOn >>" % group,
        },
        catalog_entries=catalog.replace(b"{g}", b"%d" % group),
    )
    result = _import(tmp_path, data)
    assert result.report.value(CELL) == 13
    assert any("隐藏图层中的文字「9」" in n for n in _line_notes(result))


@needs_soffice
def test_text_in_a_layer_shown_by_default_is_read(base, tmp_path):
    _report, pdf, where = base
    group = first_free(pdf)
    data = overlay(
        pdf,
        b"/OC /L1 BDC " + _digit_after(where) + b"EMC",
        resources=b"/Properties << /L1 %d 0 R >>" % group,
        extra_objects={group: b"<< /Type /OCG /Name (Shown) >>"},
        catalog_entries=b"/OCProperties << /OCGs [%d 0 R] /D << /ON [%d 0 R] >> >>"
        % (group, group),
    )
    assert _import(tmp_path, data).report.value(CELL) == 139


@needs_soffice
@pytest.mark.parametrize("fill", [b"1 1 1 rg", b"0 0 0 rg", b"0.9 0.9 0.2 rg"])
def test_text_covered_by_an_opaque_shape_drawn_later_is_set_aside(base, tmp_path, fill):
    _report, pdf, where = base
    ops = _digit_after(where) + b" %s %s f" % (
        fill,
        _box((where[1] + 0.3, where[1] + 6, where[2], where[3]), 0.5),
    )
    result = _import(tmp_path, overlay(pdf, ops))
    assert result.report.value(CELL) == 13
    assert any("盖住的文字「9」" in n for n in _line_notes(result))


@needs_soffice
def test_a_white_out_with_a_new_number_reads_the_new_number(base, tmp_path):
    _report, pdf, where = base
    x0, _x1, y, size = where
    ops = b"1 1 1 rg %s f 0 0 0 rg BT /NBH %.1f Tf %.2f %.2f Td (99) Tj ET" % (
        _box(where),
        size,
        x0,
        y,
    )
    result = _import(tmp_path, overlay(pdf, ops))
    assert result.report.value(CELL) == 99
    assert any("盖住的文字「13」" in n for n in _line_notes(result))


@needs_soffice
def test_a_transparent_highlight_or_a_thin_line_drawn_later_hides_nothing(base, tmp_path):
    _report, pdf, where = base
    x0, x1, y, _size = where
    highlight = b"/Half gs 1 1 0 rg %s f" % _box(where)
    result = _import(
        tmp_path, overlay(pdf, highlight, resources=b"/ExtGState << /Half << /ca 0.3 >> >>")
    )
    assert result.report.value(CELL) == 13
    underline = b"0 0 0 rg %.2f %.2f %.2f 0.6 re f" % (x0, y - 1.5, x1 - x0)
    assert _import(tmp_path, overlay(pdf, underline), "b.pdf").report.value(CELL) == 13


@needs_soffice
def test_white_text_on_a_dark_cell_is_read(base, tmp_path):
    _report, pdf, where = base
    x0, _x1, y, size = where
    ops = b"0 0 0 rg %s f 1 1 1 rg BT /NBH %.1f Tf %.2f %.2f Td (99) Tj ET" % (
        _box(where),
        size,
        x0,
        y,
    )
    assert _import(tmp_path, overlay(pdf, ops)).report.value(CELL) == 99


@needs_soffice
def test_text_off_the_page_or_too_small_is_set_aside(base, tmp_path):
    _report, pdf, where = base
    _x0, x1, y, size = where
    off = b"BT /NBH %.1f Tf 900 %.2f Td (9) Tj ET" % (size, y)
    result = _import(tmp_path, overlay(pdf, off))
    assert result.report.value(CELL) == 13
    assert any("在页面之外的文字「9」" in n for n in result.notes)
    tiny = b"BT /NBH 0.4 Tf %.2f %.2f Td (9) Tj ET" % (x1 + 0.2, y)
    result = _import(tmp_path, overlay(pdf, tiny), "b.pdf")
    assert result.report.value(CELL) == 13
    assert any("小到看不见的文字「9」" in n for n in result.notes)


@needs_soffice
@pytest.mark.parametrize("dx", [0.2, 0.5, 1.0])
def test_fake_bold_reads_once(base, tmp_path, dx):
    _report, pdf, where = base
    x0, _x1, y, size = where
    ops = b"1 1 1 rg %s f 0 0 0 rg" % _box(where)
    for shift in (0.0, dx):
        ops += b" BT /NBH %.1f Tf %.2f %.2f Td (13) Tj ET" % (size, x0 + shift, y)
    assert _import(tmp_path, overlay(pdf, ops)).report.value(CELL) == 13


@needs_soffice
def test_an_annotation_over_a_cell_is_named(base, tmp_path):
    _report, pdf, where = base
    x0, _x1, y, _size = where
    n = first_free(pdf)
    appearance = b"1 1 1 rg 0 0 20 14 re f 0 0 0 rg BT /Helv 10 Tf 1 3 Td (999) Tj ET"
    annotation = (
        b"<< /Type /Annot /Subtype /FreeText /Rect [%.2f %.2f %.2f %.2f] /Contents (999) "
        b"/AP << /N %d 0 R >> /F 4 /DA (/Helv 10 Tf 0 g) >>"
        % (x0 - 1, y - 3, x0 + 19, y + 11, n + 1)
    )
    data = overlay(
        pdf,
        b"",
        page_entries=b"/Annots [%d 0 R]" % n,
        extra_objects={
            n: annotation,
            n + 1: stream(appearance, b"/Type /XObject /Subtype /Form /BBox [0 0 20 14] "),
        },
    )
    result = _import(tmp_path, data)
    assert result.report.value(CELL) == 13
    assert any("批注（FreeText）" in n and "「999」" in n for n in _line_notes(result))


def _scan_with_text(text_ops: bytes) -> bytes:
    image = b"\xff\xff\xff" * 4
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
        b"/XObject << /Im 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(b"q 595 0 0 842 0 0 cm /Im Do Q " + text_ops),
        stream(
            image,
            b"/Type /XObject /Subtype /Image /Width 2 /Height 2 "
            b"/ColorSpace /DeviceRGB /BitsPerComponent 8 ",
        ),
    ]
    return _build(objects)


def _build(objects: list[bytes]) -> bytes:
    return assemble(objects)


def test_a_scan_with_an_invisible_ocr_layer_is_refused(tmp_path):
    text = b"BT 3 Tr /F1 12 Tf 72 720 Td (" + b"Annual report 2023 " * 4 + b") Tj ET"
    with pytest.raises(ImportRefused) as refused:
        _import(tmp_path, _scan_with_text(text), "扫描件.pdf")
    assert "文字识别（OCR）" in str(refused.value) and "扫描件.pdf" in str(refused.value)


def test_text_under_a_scan_image_drawn_over_it_is_not_read(tmp_path):
    text = b"BT /F1 12 Tf 72 720 Td (" + b"Annual report 2023 " * 4 + b") Tj ET "
    objects_text = text + b"q 595 0 0 842 0 0 cm /Im Do Q"
    data = _scan_with_text(b"")
    data = data.replace(stream(b"q 595 0 0 842 0 0 cm /Im Do Q "), stream(objects_text))
    with pytest.raises(ImportRefused) as refused:
        _import(tmp_path, data)
    assert "没有文字" in str(refused.value)


@needs_soffice
@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_a_page_set_to_rotate_is_read_upright(base, tmp_path, rotate):
    report, pdf, _where = base
    objects = {}
    for match in re.finditer(rb"\n(\d+) 0 obj\s*(<</Type/Page/.*?>>)\s*endobj", pdf, re.S):
        objects[int(match.group(1))] = match.group(2)[:-2] + b"/Rotate %d>>" % rotate
    data = incremental_update(pdf, objects)
    result = _import(tmp_path, data)
    assert result.report.values() == report.values()
    assert any("设置了旋转" in n for n in result.notes)


# ---- bounds -------------------------------------------------------------------------------
def test_a_stream_that_inflates_beyond_its_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PDF_STREAM_BYTES", 10_000)
    content = b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n" + b" " * 20_000
    data = raw_pdf(1).replace(b"<< /Length", b"<< /Filter /FlateDecode /Length")
    body = zlib.compress(content)
    data = re.sub(
        rb"<< /Filter /FlateDecode /Length \d+ >>\nstream\n.*?\nendstream",
        lambda m: (
            b"<< /Filter /FlateDecode /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"
        ),
        data,
        count=1,
        flags=re.S,
    )
    with pytest.raises(ImportRefused) as refused:
        _import(tmp_path, data, "炸弹.pdf")
    assert "解压后超过" in str(refused.value)


def test_a_character_map_beyond_its_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_PDF_CMAP_ENTRIES", 1000)
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange "
        b"1 beginbfrange <0000> <FFFF> <0030> endbfrange endcmap end end"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        stream(b"BT /F1 12 Tf 72 720 Td (Annual report 2023) Tj ET"),
        stream(cmap),
    ]
    with pytest.raises(ImportRefused) as refused:
        _import(tmp_path, _build(objects))
    assert "字符映射超过 1000 项" in str(refused.value)


@pytest.mark.parametrize(
    ("limit", "ops", "said"),
    [
        ("MAX_PDF_PAGE_CHARS", b"BT /F1 1 Tf 10 10 Td (" + b"1" * 500 + b") Tj ET", "文字超过"),
        ("MAX_PDF_PAGE_GRAPHICS", b"0 0 1 1 re f " * 500, "图形超过"),
    ],
)
def test_a_page_drawing_too_much_is_refused(tmp_path, monkeypatch, limit, ops, said):
    monkeypatch.setattr(limits, limit, 100)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(ops),
    ]
    with pytest.raises(ImportRefused) as refused:
        _import(tmp_path, _build(objects))
    assert said in str(refused.value)


def test_forms_drawn_a_billion_times_are_refused_at_once(tmp_path):
    levels = 10
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /X0 5 0 R >> >> /Contents 4 0 R >>",
        stream(b"/X0 Do"),
    ]
    for i in range(levels):
        body = b"/X%d Do " % (i + 1) * 10 if i < levels - 1 else b"0 0 1 1 re f"
        resources = b"/Resources << /XObject << /X%d %d 0 R >> >> " % (i + 1, 6 + i)
        objects.append(
            stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] " + resources)
        )
    with pytest.raises(ImportRefused) as refused:
        _import(tmp_path, _build(objects))
    assert "嵌入对象超过" in str(refused.value)


@pytest.mark.skipif(sys.platform != "linux", reason="the address-space limit is enforced on Linux")
def test_memory_is_bounded_with_a_message(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_IMPORT_MEMORY", 40 * 1024 * 1024)
    with pytest.raises(ImportRefused) as refused:
        _import(tmp_path, raw_pdf(1, "x"), "内存.pdf")
    assert "内存.pdf" in str(refused.value)
    assert "内存" in str(refused.value) or "意外退出" in str(refused.value)


@pytest.mark.parametrize(
    "mediabox", [b"[0 0 1e300 1e300]", b"[(a) /b null true]", b"[0 0]", b"[0 0 1e400 -1e400]"]
)
def test_broken_page_boxes_are_refused_quietly(tmp_path, capfd, mediabox):
    data = raw_pdf(1, "x").replace(b"/MediaBox [0 0 595 842]", b"/MediaBox " + mediabox)
    with pytest.raises(ImportRefused):
        _import(tmp_path, data)
    captured = capfd.readouterr()
    assert captured.err == "" and "MediaBox" not in captured.out


def test_a_page_tree_thousands_deep_is_refused(tmp_path):
    depth = 3000
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for i in range(depth):
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (i + 3))
    objects.append(
        b"<< /Type /Page /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
        b"/Contents %d 0 R >>" % (depth + 3, depth + 4)
    )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET"))
    with pytest.raises(ImportRefused):
        _import(tmp_path, _build(objects))


@needs_soffice
def test_text_in_a_spot_colour_at_full_ink_is_read(base, tmp_path):
    """A Separation colour's tint 1 is full ink (black for a black plate), not white."""
    _report, pdf, where = base
    ops = b"/Spot cs 1 scn " + _digit_after(where)
    data = overlay(
        pdf,
        ops,
        resources=b"/ColorSpace << /Spot [/Separation /Black /DeviceCMYK "
        b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0 0 1] /N 1 >>] >>",
    )
    assert _import(tmp_path, data).report.value(CELL) == 139
