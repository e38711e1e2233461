"""The file dialogs on Linux: Qt's own dialog, every label Chinese, whole file
names, readable sizes and dates."""

from __future__ import annotations

import datetime as dt
import os
import sys

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTreeView

from gui import file_dialogs
from gui.file_dialogs import make_dialog, size_text

LONG = "某某市某某区人民政府办公室2025年政府信息公开工作年度报告第3稿（修改后最终版）.nianbao"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / LONG).write_text("x" * 1536, encoding="utf-8")
    (tmp_path / "短.nianbao").write_text("", encoding="utf-8")
    when = dt.datetime(2026, 1, 15, 9, 30).timestamp()
    for name in (LONG, "短.nianbao"):
        os.utime(tmp_path / name, (when, when))
    return tmp_path


def _shown(qtbot, dialog: QFileDialog) -> QTreeView:
    qtbot.addWidget(dialog)
    dialog.show()
    tree = dialog.findChild(QTreeView, "treeView")
    assert tree is not None
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) == 2, timeout=5000)
    QApplication.processEvents()
    return tree


def _row(tree: QTreeView, name: str) -> int:
    model, root = tree.model(), tree.rootIndex()
    for r in range(model.rowCount(root)):
        if model.index(r, 0, root).data() == name:
            return r
    raise AssertionError(name)


def test_linux_uses_qts_own_dialog():
    assert file_dialogs.use_native() is (sys.platform in ("win32", "darwin"))


def test_every_label_is_chinese(qtbot, folder):
    dialog = make_dialog(
        None, "打开草稿", str(folder), "年报草稿 (*.nianbao)", QFileDialog.FileMode.ExistingFile
    )
    _shown(qtbot, dialog)
    label = QFileDialog.DialogLabel
    assert [dialog.labelText(x) for x in (label.LookIn, label.FileName, label.FileType)] == [
        "查找范围：",
        "文件名：",
        "文件类型：",
    ]
    assert dialog.labelText(label.Accept) == "打开"
    assert dialog.labelText(label.Reject) == "取消"
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    assert not any(t for t in texts if any(w in t for w in ("Look in", "Files of type", "File")))
    tree = dialog.findChild(QTreeView, "treeView")
    headers = [tree.model().headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["名称", "大小", "类型", "修改日期"]
    save = make_dialog(None, "另存为", str(folder), "", QFileDialog.FileMode.AnyFile, save=True)
    qtbot.addWidget(save)
    assert save.labelText(label.Accept) == "保存"


def test_whole_names_readable_sizes_and_dates(qtbot, folder):
    dialog = make_dialog(
        None, "打开草稿", str(folder), "年报草稿 (*.nianbao)", QFileDialog.FileMode.ExistingFile
    )
    tree = _shown(qtbot, dialog)
    model, root = tree.model(), tree.rootIndex()
    r = _row(tree, LONG)
    assert model.index(r, 1, root).data() == "1.5 KB"
    assert model.index(r, 3, root).data() == "2026-01-15 09:30"
    assert model.index(_row(tree, "短.nianbao"), 1, root).data() == "0 字节"
    assert model.index(r, 2, root).data() == "年报草稿"  # not 「纯文本文档」
    # nothing is cut: a long name wraps, whole, and the date column stays in sight
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone
    dialog.resize(700, 500)  # narrower than the longest name
    QApplication.processEvents()
    last = tree.header().sectionPosition(3) + tree.header().sectionSize(3)
    assert last <= tree.viewport().width()
    index = model.index(r, 0, root)
    width = tree.columnWidth(0)
    assert width < QFontMetrics(tree.font()).horizontalAdvance(LONG)
    lines = tree.visualRect(index).height() / QFontMetrics(tree.font()).lineSpacing()
    assert lines >= 1.9  # the name's two lines both shown


def test_sizes_and_dates_as_written():
    assert size_text(0) == "0 字节"
    assert size_text(1023) == "1023 字节"
    assert size_text(1024) == "1.0 KB"
    assert size_text(5 * 1024 * 1024) == "5.0 MB"
    assert QDateTime(2026, 1, 5, 8, 3, 0).toString(file_dialogs.DATE_FORMAT) == "2026-01-05 08:03"


def test_choosing_returns_the_path(qtbot, folder, monkeypatch):
    chosen = str(folder / "短.nianbao")

    def accept(dialog: QFileDialog) -> int:
        dialog.selectFile(chosen)
        return 1

    monkeypatch.setattr(QFileDialog, "exec", accept)
    assert file_dialogs.open_file(None, "打开", str(folder), "年报草稿 (*.nianbao)") == chosen
    monkeypatch.setattr(QFileDialog, "exec", lambda _d: 0)
    assert file_dialogs.open_file(None, "打开", str(folder), "年报草稿 (*.nianbao)") == ""
    assert file_dialogs.open_files(None, "打开", str(folder), "") == []
    assert file_dialogs.pick_folder(None, "选择", str(folder)) == ""


def test_save_offers_the_suggested_name_in_the_suggested_folder(qtbot, folder):
    from PySide6.QtWidgets import QLineEdit

    default = str(folder / "某某局2025年政府信息公开工作年度报告.nianbao")
    dialog = make_dialog(
        None, "另存为", default, "年报草稿 (*.nianbao)", QFileDialog.FileMode.AnyFile, save=True
    )
    qtbot.addWidget(dialog)
    assert dialog.directory().absolutePath() == str(folder)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name is not None and name.text() == "某某局2025年政府信息公开工作年度报告.nianbao"
