"""Published reports (Word today; HTML and PDF alike): a neutral document and the
one mapping from it to the format spec.

- document.py: the neutral document (paragraphs and table grids) and the
  TableBuilder every front end places cells with;
- reader.py: the mapping (format, title, headings, narrative, tables, printed
  totals, signature) — `read_published(document) -> ImportResult`;
- tables.py, labels.py, meta.py: reading tables by their labels, comparing
  labels, and the title, headings, dates and agency.
"""
