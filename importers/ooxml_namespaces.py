"""The XML namespaces of Word documents the Word importer needs, declared once.

WORD_NAMESPACES is the set of namespaces Word (2019 / Microsoft 365) understands.
Markup compatibility (``mc:AlternateContent``) lets a file offer a ``mc:Choice``
that requires some of them and a ``mc:Fallback`` for programs that do not know
them; Word shows the first Choice whose required namespaces it all understands,
so importers/docx_walker.py does the same with this set. WPS's own namespaces are
not among them: Word takes the Fallback there, and so do we. Add a namespace
here when a newer Word understands it.
"""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

WORD_NAMESPACES = frozenset(
    {
        W_NS,
        MC_NS,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "urn:schemas-microsoft-com:vml",
        "urn:schemas-microsoft-com:office:office",
        "urn:schemas-microsoft-com:office:word",
        "http://schemas.microsoft.com/office/word/2006/wordml",  # wne
        "http://schemas.microsoft.com/office/word/2010/wordml",  # w14
        "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",  # wp14
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",  # wps
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",  # wpg
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",  # wpc
        "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",  # wpi
        "http://schemas.microsoft.com/office/drawing/2010/main",  # a14
        "http://schemas.microsoft.com/office/word/2012/wordml",  # w15
        "http://schemas.microsoft.com/office/word/2015/wordml/symex",  # w16se
        "http://schemas.microsoft.com/office/word/2016/wordml/cid",  # w16cid
        "http://schemas.microsoft.com/office/word/2018/wordml",  # w16
        "http://schemas.microsoft.com/office/word/2018/wordml/cex",  # w16cex
        "http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash",  # w16sdtdh
        "http://schemas.microsoft.com/office/word/2023/wordml/word16du",  # w16du
        "http://schemas.microsoft.com/office/word/2024/wordml/sdtformatlock",  # w16sdtfl
        "http://schemas.microsoft.com/office/drawing/2014/main",  # a16
        "http://schemas.microsoft.com/office/drawing/2014/chartex",  # cx
        "http://schemas.microsoft.com/office/drawing/2015/9/8/chartex",  # cx1
        "http://schemas.microsoft.com/office/drawing/2015/10/21/chartex",  # cx2
        "http://schemas.microsoft.com/office/drawing/2016/5/9/chartex",  # cx3
        "http://schemas.microsoft.com/office/drawing/2016/5/10/chartex",  # cx4
        "http://schemas.microsoft.com/office/drawing/2016/5/11/chartex",  # cx5
        "http://schemas.microsoft.com/office/drawing/2016/5/12/chartex",  # cx6
        "http://schemas.microsoft.com/office/drawing/2016/5/13/chartex",  # cx7
        "http://schemas.microsoft.com/office/drawing/2016/5/14/chartex",  # cx8
        "http://schemas.microsoft.com/office/drawing/2016/ink",  # aink
        "http://schemas.microsoft.com/office/drawing/2017/model3d",  # am3d
    }
)
