"""The fonts of the report (GB/T 9704 practice) and the one helper that names them.

python-docx's ``font.name`` fills only the Latin slots of ``w:rFonts``; Chinese
text then falls back to the theme's East-Asian font (Japanese in python-docx's
default template). Every style and run here gets its fonts from `rfonts`, which
always sets the East-Asian slot and never a theme font.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

LATIN = "Times New Roman"  # digits and Latin letters, everywhere but the page number


@dataclass(frozen=True)
class Font:
    name: str  # the official font name Word and WPS look for
    fallback: str  # what Word substitutes when the official one is missing (w:altName)
    family: str  # w:family: roman (serif), swiss (sans serif), modern, auto


TITLE = Font("方正小标宋简体", "宋体", "roman")
BODY = Font("仿宋_GB2312", "仿宋", "roman")
HEADING = Font("黑体", "SimHei", "swiss")
SUBHEADING = Font("楷体_GB2312", "楷体", "roman")
SONG = Font("宋体", "SimSun", "roman")
TABLE = SONG  # table text: 宋体 (formats.md §7 allows 仿宋 or 宋体)
PAGE_NUMBER = SONG  # 「— 1 —」: half-width 宋体 digits

ALL_FONTS: tuple[Font, ...] = (TITLE, BODY, HEADING, SUBHEADING, SONG)


def rfonts(east_asia: Font, latin: str = LATIN) -> str:
    """The ``w:rFonts`` element for a style or run.

    ``w:hint="eastAsia"`` makes Word set the characters both scripts share (the
    Chinese quotes “”, the em dash of the page number) in the Chinese font, so they
    stay full width; ASCII digits and letters still use `latin`.
    """
    ea = quoteattr(east_asia.name)
    la = quoteattr(latin)
    return f'<w:rFonts w:ascii={la} w:hAnsi={la} w:eastAsia={ea} w:cs={la} w:hint="eastAsia"/>'


def font_table_xml() -> str:
    """Entries for word/fontTable.xml: the official fonts with their fallbacks and
    the GB2312 character set (86), so Word and LibreOffice substitute a Chinese face."""
    entries = [
        f"<w:font w:name={quoteattr(f.name)}>"
        f"<w:altName w:val={quoteattr(f.fallback)}/>"
        '<w:charset w:val="86"/>'
        f'<w:family w:val="{f.family}"/><w:pitch w:val="variable"/></w:font>'
        for f in ALL_FONTS
    ]
    entries.append(
        f"<w:font w:name={quoteattr(LATIN)}>"
        '<w:charset w:val="00"/>'
        '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    )
    return "".join(entries)
