"""The summary marker: how every file the program writes says it holds a roll-up (汇总).

A summary (`Report.summary`) saved in any form must stay recognisable as one: a
later roll-up over the same folder would otherwise add it as one more agency and
double every figure. One convention, written by every exporter and read by every
importer:

- the marker's name is `NAME` (``nianbao.summary``);
- its payload is `encode(summary)`: the list of sources as JSON, the same object a
  draft keeps in its "summary" part (`model.drafts.summary_to_dict`);
- a file whose format has a place for a free text carries name and payload there:
  a draft its "summary" part, a workbook a hidden row of its 基本信息 sheet
  (exporters/xlsx.py), a Word file its custom document properties
  (exporters/docx/marker.py), a web page a ``<meta name="nianbao.summary">``
  (exporters/html.py);
- a file whose format keeps only short fields carries the name alone as a keyword
  (`KEYWORD`): the Word export's 关键词 (core properties), which office suites
  copy into a PDF's document information (Keywords) when they make one, so the
  PDF export (exporters/pdf.py) and a PDF the officer makes from the Word file
  keep it. A summary read from a keyword alone has no list of sources.

A marker whose payload cannot be read still marks the file as a summary (with no
sources listed): counting it again would double every figure.
"""

from __future__ import annotations

import json
import re

from model.report import SummaryInfo

NAME = "nianbao.summary"
KEYWORD = NAME  # the marker as one keyword among others (关键词, a PDF's Keywords)
# keywords are separated by commas, semicolons or spaces (Word, WPS, PDF viewers)
_KEYWORD_SPLIT = re.compile(r"[\s,;，；、]+")


def encode(summary: SummaryInfo) -> str:
    """The marker's payload: the sources as JSON text (non-ASCII kept as is)."""
    from model.drafts import summary_to_dict

    return json.dumps(summary_to_dict(summary), ensure_ascii=False)


def decode(payload: str | None) -> tuple[SummaryInfo, bool]:
    """(the summary a marker's payload describes, whether the payload was damaged).
    None or a damaged payload gives a summary without sources: a marker always
    marks a summary."""
    from model.drafts import DraftError, summary_from_dict

    if payload is None:
        return SummaryInfo(()), False
    try:
        summary = summary_from_dict(json.loads(payload))
    except (DraftError, ValueError, TypeError, KeyError, RecursionError):
        return SummaryInfo(()), True
    return summary or SummaryInfo(()), False


def has_keyword(keywords: str | None) -> bool:
    """Whether a keywords field (「nianbao.summary」, 「年报; nianbao.summary」) holds
    the marker."""
    if not keywords:
        return False
    return KEYWORD in _KEYWORD_SPLIT.split(keywords.strip())
