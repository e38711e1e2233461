"""Old Word files (.doc): converted by LibreOffice without any network and within
the limits; files named .doc that are something else read by what they are."""

from __future__ import annotations

import random
import socket
import subprocess
import zipfile

import pytest

from importers import ImportRefused, doc
from importers.doc import import_doc, sniff
from model import limits
from tests.factories import random_report
from tests.pdf_fixtures import SOFFICE

needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


@pytest.fixture
def listener():
    """A loopback TCP listener; `connections()` says how many reached it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.setblocking(False)

    class Listener:
        port = server.getsockname()[1]

        @staticmethod
        def connections() -> int:
            count = 0
            while True:
                try:
                    connection, _ = server.accept()
                except BlockingIOError:
                    return count
                connection.close()
                count += 1

    yield Listener
    server.close()


def _soffice(source, out_dir, target: str):
    profile = (out_dir / "profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
         "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip


def _linked_picture_doc(tmp_path, port: int):
    """A Word 97 file whose report text comes with a picture linked from the
    loopback listener (as a .doc can link a picture from a web address)."""
    from exporters.docx import export_docx

    report = random_report(random.Random(31), 2023)
    export_docx(report, tmp_path / "年报.docx")
    _soffice(tmp_path / "年报.docx", tmp_path / "odt", "fodt")
    fodt = tmp_path / "odt" / "年报.fodt"
    text = fodt.read_text(encoding="utf-8")
    picture = (
        '<draw:frame svg:width="2cm" svg:height="2cm"><draw:image '
        f'xlink:href="http://127.0.0.1:{port}/linked.png" xlink:type="simple" '
        'xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>'
    )
    start = text.index("<text:p", text.index("<office:text"))
    end = text.index(">", start) + 1
    fodt.write_text(text[:end] + picture + text[end:], encoding="utf-8")
    _soffice(fodt, tmp_path / "doc", "doc")
    return report, tmp_path / "doc" / "年报.doc"


@needs_soffice
def test_a_doc_with_a_linked_picture_is_converted_without_the_network(tmp_path, listener):
    report, path = _linked_picture_doc(tmp_path, listener.port)
    listener.connections()  # making the fixture may have fetched it; reading must not
    result = import_doc(path)
    assert result.report.values() == report.values()
    assert listener.connections() == 0


@needs_soffice
def test_the_private_profile_alone_keeps_the_converter_off_the_network(
    tmp_path, listener, monkeypatch
):
    """Where no network namespace can be made (Windows, macOS, locked-down
    Linux), the profile's settings still keep every request on this machine."""
    report, path = _linked_picture_doc(tmp_path, listener.port)
    listener.connections()
    monkeypatch.setattr(doc, "_network_namespace_works", lambda: False)
    result = import_doc(path)
    assert result.report.values() == report.values()
    assert listener.connections() == 0


def test_a_web_page_named_doc_is_read_as_a_page_without_the_network(tmp_path, listener):
    from exporters.html import export_html

    report = random_report(random.Random(32), 2023)
    export_html(report, tmp_path / "年报.html")
    page = (tmp_path / "年报.html").read_text(encoding="utf-8")
    page = page.replace(
        "</body>", f'<img src="http://127.0.0.1:{listener.port}/a.png"></body>'
    ).replace(
        "<head>", f'<head><link rel="stylesheet" href="http://127.0.0.1:{listener.port}/a.css">'
    )
    path = tmp_path / "年报.doc"
    path.write_text(page, encoding="utf-8")
    result = import_doc(path)
    assert result.report.values() == report.values()
    assert "实际是网页" in result.notes[0]
    assert listener.connections() == 0


def test_a_docx_named_doc_is_read_as_docx(tmp_path):
    from exporters.docx import export_docx

    report = random_report(random.Random(33), 2023)
    path = tmp_path / "年报.doc"
    export_docx(report, path)
    result = import_doc(path)
    assert result.report.values() == report.values()
    assert "实际是 Word 文档（.docx）" in result.notes[0]


def test_a_zip_bomb_named_doc_is_refused_before_any_converter(tmp_path, monkeypatch):
    monkeypatch.setattr(doc, "find_soffice", lambda: pytest.fail("no converter for a zip"))
    path = tmp_path / "炸弹.doc"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024))
    with pytest.raises(ImportRefused) as refused:
        import_doc(path)
    assert "炸弹.doc" in str(refused.value)


@pytest.mark.parametrize(
    "content",
    [
        b'<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument'
        b':xmlns:office:1.0"/>',
        b"\x00" * 100,
        b"plain text that is no document",
    ],
)
def test_a_file_named_doc_that_is_no_word_file_is_refused(tmp_path, content, monkeypatch):
    monkeypatch.setattr(doc, "find_soffice", lambda: pytest.fail("nothing to convert"))
    path = tmp_path / "不是.doc"
    path.write_bytes(content)
    with pytest.raises(ImportRefused) as refused:
        import_doc(path)
    assert "不是 Word 文档" in str(refused.value) and "不是.doc" in str(refused.value)


def test_what_a_doc_is_is_told_by_its_first_bytes():
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest") == "word97"
    assert sniff(b"{\\rtf1\\ansi") == "rtf"
    assert sniff(b"PK\x03\x04rest") == "zip"
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html><html>") == "html"
    assert sniff(b"<?xml version='1.0'?><html xmlns='x'>") == "html"
    assert sniff(b"<?xml version='1.0'?><office:document/>") is None


@needs_soffice
def test_conversion_is_bounded_in_time(tmp_path, monkeypatch):
    from exporters.docx import export_docx

    export_docx(random_report(random.Random(34), 2023), tmp_path / "年报.docx")
    _soffice(tmp_path / "年报.docx", tmp_path / "doc", "doc")
    monkeypatch.setattr(limits, "MAX_IMPORT_SECONDS", 0.01)
    with pytest.raises(ImportRefused) as refused:
        import_doc(tmp_path / "doc" / "年报.doc")
    assert "秒" in str(refused.value)


def test_the_private_profile_points_every_request_at_this_machine(tmp_path):
    from defusedxml import ElementTree

    doc._write_profile(tmp_path / "p")
    root = ElementTree.parse(tmp_path / "p" / "user" / "registrymodifications.xcu").getroot()
    values = {
        item[0].get("{http://openoffice.org/2001/registry}name"): item[0][0].text or ""
        for item in root
    }
    assert values["ooInetProxyType"] == "1"
    assert values["ooInetHTTPProxyName"] == "127.0.0.1"
    assert values["ooInetNoProxy"] == ""
    assert values["Link"] == "2"
