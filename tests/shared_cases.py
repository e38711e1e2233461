"""Where the field cases live: ``../shared/cases`` beside the repository (CI has
it). Tests read them there; they are never copied into the repository."""

from __future__ import annotations

from pathlib import Path

CASES = Path(__file__).resolve().parent.parent.parent / "shared" / "cases"
IMPORT_DOCX = CASES / "import-docx"
PUBLISHED = CASES / "published"
HOSTILE = CASES / "hostile"
