"""Published reports (Word today; HTML and PDF alike): a neutral document and the
one mapping from it to the format spec.

- document.py: the neutral document (paragraphs and table grids) and the
  TableBuilder every front end places cells with;
- reader.py: the mapping (format, title, headings, narrative, tables, printed
  totals, signature) — `read_published(document) -> ImportResult`;
- tables.py, labels.py, meta.py: reading tables by their labels, comparing
  labels, and the title, headings, dates and agency;
- signature.py: the signature block (agency and date in any shape);
- copies.py: a second report in the file, an official table printed twice;
- normalise.py: what every front end's tables need first (empty tables
  dropped, tables numbered, continued tables joined).
"""
