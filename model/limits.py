"""The one table of limits: how large a value, a text or an input file may be.

Every door a number or a file comes through checks against these figures: typing
and paste (model.values.check_value), draft load (model.drafts), every importer,
and export. A value outside is refused with the same Chinese message wherever it
comes from (model.messages).

The figures are chosen from what real reports need, with a wide margin:

- the largest count seen in a published report is 3,985,758 (行政处罚 in a city's
  report): a count may have 9 digits;
- the largest amount seen is a fee of 24252.311082 万元: an amount may have 6
  decimals and 15 significant digits in all. 15 digits is what a spreadsheet's
  binary floating point number holds exactly, so an amount survives a round trip
  through Excel, WPS or LibreOffice unchanged;
- the longest real reports run to about 30 pages (≈ 25,000 characters in all);
  a section may hold 200,000 characters.
"""

from __future__ import annotations

from decimal import Decimal

# ---- values ----------------------------------------------------------------------------
MAX_COUNT = 999_999_999  # 件; also the largest magnitude of a signed count (本年增/减)
MONEY_DECIMALS = 6  # digits after the point, in any unit (元 or 万元)
MONEY_DIGITS = 15  # significant digits of an amount (integer part + decimals)
MAX_MONEY = Decimal("999999999999.99")  # in the cell's unit; < 10^12

# ---- meta and texts ----------------------------------------------------------------------
MIN_YEAR = 2008  # the first report year under the 2008 regulation
MAX_YEAR = 2100
MAX_AGENCY_CHARS = 200
MAX_TEXT_CHARS = 200_000  # per narrative section (一, 五, 六), and per last-year text
# Lines (paragraphs) of one narrative section: a long report has a few hundred. Each
# printed paragraph costs the Word export some kilobytes: 200,000 one-character lines
# in each of three sections took 2.6 GB; 5,000 each take 0.8 s and 170 MB.
MAX_TEXT_LINES = 5_000

# ---- files ---------------------------------------------------------------------------------
MAX_DRAFT_BYTES = 20 * 1024 * 1024  # a real draft is a few dozen KB; a full one at every
# text limit, escaped at worst, stays under 8 MB, so a draft that keeps to the limits fits
MAX_FILE_BYTES = 50 * 1024 * 1024  # an input file (docx, xlsx, html, pdf) on disk
MAX_ZIP_ENTRIES = 2_000
# One uncompressed XML part of an office zip (document.xml, a worksheet, sharedStrings).
# Real reports: 40–140 KB (document.xml of a 30-page report). Reading a Word body costs
# about 0.7 s and 14 MB of memory per MB of XML: 16 MB stays within 15 s and 1 GB.
MAX_PART_BYTES = 16 * 1024 * 1024
MAX_XML_BYTES = 32 * 1024 * 1024  # all XML parts of one office zip together
MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024  # all parts (pictures included) together
MAX_ZIP_RATIO = 200  # uncompressed / compressed, per part of over 1 MB (real XML: 10–30)
MAX_PDF_PAGES = 200
MAX_PDF_STREAM_BYTES = 64 * 1024 * 1024  # one decoded PDF stream (an embedded CJK font: ~20 MB)
MAX_PDF_PAGE_CHARS = 50_000  # characters one PDF page draws (a dense page: ~5,000)
MAX_PDF_PAGE_GRAPHICS = 20_000  # lines, shapes and images one PDF page draws
MAX_PDF_PAGE_FORMS = 5_000  # form XObjects one PDF page invokes, nested ones included
MAX_PDF_CMAP_ENTRIES = 300_000  # entries of one font's character map (a full CJK font: ~30,000)
MAX_HTML_BYTES = 20 * 1024 * 1024
MAX_HTML_STYLE_CHARS = 2_000_000  # a page's style sheets read (a whole site's CSS: ~300 KB)
MAX_HTML_ELEMENTS = 100_000  # tags of one web page (a report page with its site: a few thousand)
MAX_IMPORT_SECONDS = 15  # reading one PDF, web page or .doc; beyond it the file is refused
MAX_IMPORT_MEMORY = 1024 * 1024 * 1024  # address space of the process reading a PDF or .doc

# ---- tables read from a file -------------------------------------------------------------
# The official tables have at most 28 rows and 15 columns; a worksheet read back is
# held to the same bounds (rows and columns of its used range).
MAX_TABLE_ROWS = 2_000  # rows of one imported table or worksheet
MAX_TABLE_COLS = 64  # grid columns of one imported table (spans and offsets included)
MAX_TABLES = 500  # tables in one imported document
# Depth of nested containers (content controls, fields, HTML elements that hold blocks);
# a table in a table's cell is one level, however many XML elements its rows and cells add.
MAX_NESTING = 64
