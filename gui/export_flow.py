"""Steps the window takes before an export: blanks (补零后导出) and the PDF's suite.

Kept apart from the main window: one function per question, each returning whether
the export goes on. The 补零 itself is the document's one undoable command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui import strings as s

# file dialog title and filter of each kind of export
DIALOG = {
    "docx": (s.DLG_EXPORT_DOCX, s.FILTER_DOCX),
    "pdf": (s.DLG_EXPORT_PDF, s.FILTER_PDF),
    "xlsx": (s.DLG_EXPORT_XLSX, s.FILTER_XLSX),
    "html": (s.DLG_EXPORT_HTML, s.FILTER_HTML),
}

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from gui.document import DocumentController


def ask_blanks(parent: QWidget, n: int, printing: bool = False) -> str | None:
    """The question about `n` blank inputs: "fill" (补零后导出), "as_is" (按原样导出,
    the default: Enter changes nothing in the report) or None (取消, Esc); worded
    for 打印 when `printing`."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(s.BLANKS_TITLE)
    text, detail, fill_label, as_is_label = (
        (s.BLANKS_TEXT_PRINT, s.BLANKS_DETAIL_PRINT, s.BLANKS_FILL_PRINT, s.BLANKS_AS_IS_PRINT)
        if printing
        else (s.BLANKS_TEXT, s.BLANKS_DETAIL, s.BLANKS_FILL, s.BLANKS_AS_IS)
    )
    box.setText(text.format(n=n))
    box.setInformativeText(detail)
    fill = box.addButton(fill_label, QMessageBox.ButtonRole.ActionRole)
    as_is = box.addButton(as_is_label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    # Enter must not change the report: 补零 is a choice made by clicking it
    box.setDefaultButton(as_is)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "fill" if clicked is fill else "as_is" if clicked is as_is else None


def confirm_blanks(parent: QWidget, controller: DocumentController, printing: bool = False) -> bool:
    """When inputs are blank, say how many and offer 「补零后导出」 (fill them with 0 in
    the draft as one undoable step, then export), 「按原样导出」 (they print blank)
    or 「取消」. True when the export goes on."""
    blanks = len(controller.report.blank_inputs())
    if not blanks:
        return True
    choice = ask_blanks(parent, blanks, printing)
    if choice == "fill":
        controller.fill_blanks_with_zero(None)
    return choice is not None


def confirm_pdf_suite(parent: QWidget) -> bool:
    """Without an office suite no PDF can be made: say so instead of asking where."""
    from exporters.pdf import NO_SUITE, suite_name

    if suite_name() is not None:
        return True
    from gui.errors import show_error

    show_error(parent, s.EXPORT_FAILED_TITLE, NO_SUITE)
    return False


def exporter(kind: str):
    """The function writing `kind` ("docx", "pdf", "xlsx", "html"): (report, path, validation)
    -> warnings."""
    if kind == "docx":
        from exporters.docx import export_docx

        return export_docx
    if kind == "pdf":
        from exporters.pdf import export_pdf

        return lambda report, path, validation: export_pdf(report, path)
    if kind == "html":
        from exporters.html import export_html

        return export_html
    from exporters.xlsx import export_xlsx

    return export_xlsx
