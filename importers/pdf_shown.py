"""What a reader sees of a PDF page's text: pdfminer's interpretation of a page,
with the characters a viewer does not show set aside, and the page's work bounded.

pdfminer reads every character a page's content stream draws. A viewer shows
fewer: `ShownPage` (a pdfplumber page) interprets the page with an interpreter
that also keeps the state pdfminer ignores — the clipping area, optional
content (layers) switched off, transparency (``ca``, blend modes, soft masks) —
and sets aside, before tables and lines are read:

- text drawn invisibly (text render mode 3 or 7; an OCR layer over a scan);
- text in a hidden optional-content layer (``/OC`` marked content or form);
- text outside the clipping area, or outside the page's visible box;
- text too small to see (under MIN_VISIBLE_POINTS);
- text in the colour of what is drawn under it (white on white);
- text covered by an opaque fill or image drawn after it (a white-out with a
  new number on top reads as the new number);

and reads the same glyph drawn twice within 1 pt (fake bold) once. Each set-aside
run becomes a `SetAside` (page, line, reason, text) for the notes.

The page's work is bounded by model.limits: characters and graphics per page,
form XObjects invoked per page and their nesting (`PdfLimitExceeded` is raised).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTLine, LTRect
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSLiteral
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import PdfminerException

from importers import strings as s
from model import limits

# Why a character is set aside (the keys of the notes' phrases).
INVISIBLE, LAYER, CLIPPED, OFF_PAGE, TINY, SAME_COLOUR, COVERED = (
    "invisible", "layer", "clipped", "off-page", "tiny", "same-colour", "covered",
)  # fmt: skip
SUPERSCRIPT, SUBSCRIPT = "superscript", "subscript"
REASON_PHRASES = {
    SUPERSCRIPT: s.DOCX_FOUND_SUPERSCRIPT,
    SUBSCRIPT: s.DOCX_FOUND_SUBSCRIPT,
    INVISIBLE: s.PDF_FOUND_INVISIBLE,
    LAYER: s.PDF_FOUND_LAYER,
    CLIPPED: s.PDF_FOUND_CLIPPED,
    OFF_PAGE: s.PDF_FOUND_OFF_PAGE,
    TINY: s.PDF_FOUND_TINY,
    SAME_COLOUR: s.PDF_FOUND_SAME_COLOUR,
    COVERED: s.PDF_FOUND_COVERED,
}
MIN_VISIBLE_POINTS = 1.0  # pt: text smaller than this cannot be read on screen or paper
_COVER_SHARE = 0.6  # an opaque shape covering this share of a glyph's box hides it
_SAME_COLOUR = 0.1  # largest channel difference of text "in the colour of its background"
_DUPLICATE_PT = 1.0  # the same glyph drawn again this close is fake bold
_BUCKET = 24.0  # pt: grid cell of the spatial index
_MAX_FORM_DEPTH = 12  # nested form XObjects followed; deeper ones are not drawn
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in device space (y up)


class PdfLimitExceeded(Exception):
    """A page needs more work than model.limits allows; str() is Chinese."""


@dataclass
class SetAside:
    """A run of characters a reader does not see, for a note."""

    page: int
    reason: str
    text: str
    box: Box


@dataclass(frozen=True)
class _Extra:
    """The graphics state pdfminer does not keep."""

    clip: Box | None = None
    oc_hidden: bool = False
    fill_alpha: float = 1.0
    normal_blend: bool = True
    soft_mask: bool = False


class _Budget:
    def __init__(self, page: int) -> None:
        self.page = page
        self.chars = 0
        self.graphics = 0
        self.forms = 0
        self.sequence = 0

    def next(self) -> int:
        self.sequence += 1
        return self.sequence

    def char(self) -> None:
        self.chars += 1
        if self.chars > limits.MAX_PDF_PAGE_CHARS:
            raise PdfLimitExceeded(
                s.PDF_PAGE_TOO_BUSY.format(
                    page=self.page, what="文字", limit=limits.MAX_PDF_PAGE_CHARS
                )
            )

    def graphic(self) -> None:
        self.graphics += 1
        if self.graphics > limits.MAX_PDF_PAGE_GRAPHICS:
            raise PdfLimitExceeded(
                s.PDF_PAGE_TOO_BUSY.format(
                    page=self.page, what="图形", limit=limits.MAX_PDF_PAGE_GRAPHICS
                )
            )

    def form(self) -> None:
        self.forms += 1
        if self.forms > limits.MAX_PDF_PAGE_FORMS:
            raise PdfLimitExceeded(
                s.PDF_PAGE_TOO_BUSY.format(
                    page=self.page, what="嵌入对象", limit=limits.MAX_PDF_PAGE_FORMS
                )
            )


# ---- optional content ----------------------------------------------------------------------
class OptionalContent:
    """Which optional-content groups (layers) a viewer shows by default."""

    def __init__(self, catalog) -> None:
        self.off: set[int] = set()
        self.base_off = False
        self.on: set[int] = set()
        try:
            props = resolve1(catalog.get("OCProperties"))
            default = resolve1(props.get("D")) if isinstance(props, dict) else None
            if isinstance(default, dict):
                base = resolve1(default.get("BaseState"))
                self.base_off = isinstance(base, PSLiteral) and base.name == "OFF"
                self.off = {_ref_id(x) for x in _list(default.get("OFF"))}
                self.on = {_ref_id(x) for x in _list(default.get("ON"))}
        except Exception:  # a broken dictionary: every layer shown
            self.off, self.on, self.base_off = set(), set(), False

    def hidden(self, ref) -> bool:
        """Whether an OCG or OCMD (a reference or a dictionary) is switched off."""
        obj = resolve1(ref)
        if not isinstance(obj, dict):
            return False
        kind = resolve1(obj.get("Type"))
        if isinstance(kind, PSLiteral) and kind.name == "OCMD":
            groups = [self._group_off(g) for g in _list(obj.get("OCGs"))]
            if not groups:
                return False
            policy = resolve1(obj.get("P"))
            name = policy.name if isinstance(policy, PSLiteral) else "AnyOn"
            return {
                "AllOn": any(groups),
                "AnyOff": not any(groups),
                "AllOff": not all(groups),
            }.get(name, all(groups))
        return self._group_off(ref)

    def _group_off(self, ref) -> bool:
        ident = _ref_id(ref)
        if ident in self.off:
            return True
        return self.base_off and ident not in self.on


def _ref_id(ref) -> int:
    return getattr(ref, "objid", None) or id(resolve1(ref))


def _list(value) -> list:
    value = resolve1(value)
    if isinstance(value, list):
        return value
    return [value] if value is not None else []


# ---- the interpreter -----------------------------------------------------------------------
class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter keeping clip, layers and transparency too."""

    def __init__(self, rsrcmgr, device, layers: OptionalContent, budget: _Budget, depth=0):
        super().__init__(rsrcmgr, device)
        self.layers = layers
        self.budget = budget
        self.depth = depth
        self.inherited = _Extra()
        self.extra = _Extra()
        self.extra_stack: list[_Extra] = []
        self.marked: list[bool] = []
        self.clip_pending = False

    def dup(self):
        return _Interpreter(self.rsrcmgr, self.device, self.layers, self.budget, self.depth + 1)

    def init_state(self, ctm) -> None:
        super().init_state(ctm)
        self.extra = self.inherited
        self.extra_stack = []
        self.marked = []
        self.clip_pending = False
        self.device.extra_of = self.current_extra

    def current_extra(self) -> _Extra:
        if any(self.marked) and not self.extra.oc_hidden:
            return _replace(self.extra, oc_hidden=True)
        return self.extra

    # graphics state
    def do_q(self) -> None:
        super().do_q()
        self.extra_stack.append(self.extra)

    def do_Q(self) -> None:
        super().do_Q()
        if self.extra_stack:
            self.extra = self.extra_stack.pop()

    def do_gs(self, name) -> None:
        try:
            states = resolve1(self.resources.get("ExtGState"))
            state = resolve1(states.get(_name(name))) if isinstance(states, dict) else None
        except Exception:
            state = None
        if not isinstance(state, dict):
            return
        extra = self.extra
        if "ca" in state:
            alpha = resolve1(state.get("ca"))
            if isinstance(alpha, int | float):
                extra = _replace(extra, fill_alpha=float(alpha))
        if "BM" in state:
            blend = resolve1(state.get("BM"))
            names = [_name(b) for b in _list(blend)] if blend is not None else ["Normal"]
            extra = _replace(extra, normal_blend=names[:1] in (["Normal"], ["Compatible"]))
        if "SMask" in state:
            mask = resolve1(state.get("SMask"))
            none = isinstance(mask, PSLiteral) and _name(mask) == "None"
            extra = _replace(extra, soft_mask=not none)
        self.extra = extra

    # clipping and painting
    def do_W(self) -> None:
        self.clip_pending = True

    def do_W_a(self) -> None:
        self.clip_pending = True

    def _painted(self, paint) -> None:
        """Paint the current path; a clip set by W before it applies after it."""
        self.budget.graphic()
        box = _path_box(self.curpath, self.ctm) if self.clip_pending else None
        self.clip_pending = False
        paint()
        if box is not None:
            self.extra = _replace(self.extra, clip=_intersect(self.extra.clip, box))

    def do_n(self) -> None:
        self._painted(super().do_n)

    def do_S(self) -> None:
        self._painted(super().do_S)

    def do_s(self) -> None:
        self._painted(super().do_s)

    def do_f(self) -> None:
        self._painted(super().do_f)

    def do_F(self) -> None:
        self._painted(super().do_F)

    def do_f_a(self) -> None:
        self._painted(super().do_f_a)

    def do_B(self) -> None:
        self._painted(super().do_B)

    def do_B_a(self) -> None:
        self._painted(super().do_B_a)

    def do_b(self) -> None:
        self._painted(super().do_b)

    def do_b_a(self) -> None:
        self._painted(super().do_b_a)

    # layers
    def do_BDC(self, tag, props) -> None:
        hidden = False
        if _name(tag) == "OC":
            try:
                if isinstance(props, PSLiteral):
                    table = resolve1(self.resources.get("Properties"))
                    props = table.get(_name(props)) if isinstance(table, dict) else None
                hidden = props is not None and self.layers.hidden(props)
            except Exception:
                hidden = False
        self.marked.append(hidden)
        super().do_BDC(tag, props)

    def do_BMC(self, tag) -> None:
        self.marked.append(False)
        super().do_BMC(tag)

    def do_EMC(self) -> None:
        if self.marked:
            self.marked.pop()
        super().do_EMC()

    # form XObjects
    def do_Do(self, xobjid_arg) -> None:
        self.budget.form()
        name = _name(xobjid_arg)
        try:
            xobj = resolve1(self.xobjmap.get(name))
        except Exception:
            xobj = None
        if not isinstance(xobj, PDFStream):
            return
        subtype = resolve1(xobj.get("Subtype"))
        if _name(subtype) == "Form":
            if self.depth >= _MAX_FORM_DEPTH:
                return
            extra = self.current_extra()
            if "OC" in xobj and self.layers.hidden(xobj.get("OC")):
                extra = _replace(extra, oc_hidden=True)
            bbox = _list(xobj.get("BBox"))
            matrix = _list(xobj.get("Matrix")) or [1, 0, 0, 1, 0, 0]
            if len(bbox) == 4 and len(matrix) == 6:
                try:
                    from pdfminer.utils import mult_matrix

                    ctm = mult_matrix(tuple(float(v) for v in matrix), self.ctm)
                    x0, y0, x1, y1 = (float(v) for v in bbox)
                    corners = [("m", x0, y0), ("l", x1, y0), ("l", x1, y1), ("l", x0, y1)]
                    box = _path_box(corners, ctm)
                    if box is not None:
                        extra = _replace(extra, clip=_intersect(extra.clip, box))
                except (TypeError, ValueError):
                    pass
            self._form_extra = extra
        super().do_Do(xobjid_arg)
        self.device.extra_of = self.current_extra  # back from the form's interpreter

    def subinterp(self):
        interp = super().subinterp()
        interp.inherited = getattr(self, "_form_extra", self.current_extra())
        return interp


def _replace(extra: _Extra, **changes) -> _Extra:
    from dataclasses import replace

    return replace(extra, **changes)


def _name(value) -> str:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        name = value.name
        return name if isinstance(name, str) else name.decode("latin-1", "replace")
    if isinstance(value, bytes):
        return value.decode("latin-1", "replace")
    return str(value) if value is not None else ""


def _path_box(path, ctm) -> Box | None:
    points = []
    for segment in path:
        values = segment[1:]
        for i in range(0, len(values) - 1, 2):
            try:
                x, y = float(values[i]), float(values[i + 1])
            except (TypeError, ValueError):
                continue
            a, b, c, d, e, f = ctm
            points.append((a * x + c * y + e, b * x + d * y + f))
    if not points:
        return None
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _intersect(clip: Box | None, box: Box) -> Box:
    if clip is None:
        return box
    return (max(clip[0], box[0]), max(clip[1], box[1]), min(clip[2], box[2]), min(clip[3], box[3]))


# ---- the device ----------------------------------------------------------------------------
class _Device(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device, stamping each object with what it needs to
    decide visibility: its drawing order and the state it was drawn in."""

    def __init__(self, *args, budget: _Budget, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.budget = budget
        self.render_mode = 0
        self.extra_of = _Extra

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:
        self.render_mode = textstate.render
        super().render_string(textstate, seq, ncs, graphicstate)

    def render_char(self, *args, **kwargs) -> float:
        self.budget.char()
        adv = super().render_char(*args, **kwargs)
        item = self.cur_item._objs[-1]
        item._seq = self.budget.next()
        item._extra = self.extra_of()
        item._mode = self.render_mode
        return adv

    def paint_path(self, gstate, stroke, fill, evenodd, path) -> None:
        before = len(self.cur_item._objs)
        super().paint_path(gstate, stroke, fill, evenodd, path)
        extra = self.extra_of()
        opaque = bool(fill) and extra.fill_alpha >= 0.99 and extra.normal_blend
        opaque = opaque and not extra.soft_mask and not extra.oc_hidden
        colour = _rgb(gstate.ncolor, gstate.ncs)
        for item in self.cur_item._objs[before:]:
            item._seq = self.budget.next()
            item._opaque = opaque and colour is not None
            item._fill = colour
            item._clip = extra.clip

    def render_image(self, name, stream) -> None:
        self.budget.graphic()
        before = len(self.cur_item._objs)
        super().render_image(name, stream)
        extra = self.extra_of()
        masked = any(key in stream for key in ("SMask", "Mask")) or bool(
            resolve1(stream.get("ImageMask"))
        )
        for item in self.cur_item._objs[before:]:
            item._seq = self.budget.next()
            item._opaque = (
                not masked
                and extra.fill_alpha >= 0.99
                and extra.normal_blend
                and not extra.soft_mask
                and not extra.oc_hidden
            )
            item._fill = None
            item._clip = extra.clip


_PROCESS_SPACES = ("DeviceGray", "CalGray", "DeviceRGB", "CalRGB", "DeviceCMYK", "ICCBased")


def _rgb(colour, space=None) -> tuple[float, float, float] | None:
    """A colour as RGB in 0..1 when its colour space is gray, RGB or CMYK (also
    ICC-based with 1, 3 or 4 components); None for spot colours (Separation,
    DeviceN: 1 is full ink there, not white), indexed colours and patterns."""
    name = getattr(space, "name", "DeviceGray") if space is not None else "DeviceGray"
    if name not in _PROCESS_SPACES:
        return None
    if isinstance(colour, int | float):
        colour = (colour,)
    if not isinstance(colour, tuple | list):
        return None
    try:
        values = [min(max(float(v), 0.0), 1.0) for v in colour]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        return (values[0],) * 3
    if len(values) == 3:
        return (values[0], values[1], values[2])
    if len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


# ---- the page ------------------------------------------------------------------------------
class ShownPage(Page):
    """A pdfplumber page whose layout holds only what a reader sees (see the
    module's docstring); `set_aside` lists the rest, `rotated` the rotation the
    page was read at."""

    def __init__(self, pdf, page_obj, page_number: int, initial_doctop=0, layers=None):
        super().__init__(pdf, page_obj, page_number=page_number, initial_doctop=initial_doctop)
        self.layers = layers or OptionalContent({})
        self.set_aside: list[SetAside] = []
        self.chars_drawn = 0

    @property
    def layout(self):
        if hasattr(self, "_layout"):
            return self._layout
        budget = _Budget(self.page_number)
        device = _Device(
            self.pdf.rsrcmgr, pageno=self.page_number, laparams=self.pdf.laparams, budget=budget
        )
        interpreter = _Interpreter(self.pdf.rsrcmgr, device, self.layers, budget)
        try:
            interpreter.process_page(self.page_obj)
        except PdfLimitExceeded:
            raise
        except Exception as exc:
            raise PdfminerException(exc) from exc
        layout = device.get_result()
        self.chars_drawn = budget.chars
        self.set_aside = _settle(layout, self.page_number, _visible_box(self))
        self._layout = layout
        return layout


def _visible_box(page: Page) -> Box:
    """The page's crop box in pdfminer's device space (y up)."""
    x0, top, x1, bottom = page.cropbox
    height = page.mediabox[3] - page.mediabox[1]
    return (x0, height - bottom, x1, height - top)


def _settle(layout, page: int, visible: Box) -> list[SetAside]:
    """Remove from the layout the characters a reader does not see, and fake-bold
    duplicates; return the runs set aside."""
    chars: list[LTChar] = []
    shapes: list = []
    _collect(layout, chars, shapes)
    hidden: dict[int, str] = {}
    for char in chars:
        reason = _own_reason(char, visible)
        if reason:
            hidden[id(char)] = reason
    _covered_or_same_colour(chars, shapes, hidden)
    _fake_bold(chars, hidden)
    _marks_after_digits(chars, hidden, _vertical_rules(layout))
    if hidden:
        _remove(layout, hidden)
    return _runs(chars, hidden, page)


def _collect(container, chars: list, shapes: list) -> None:
    for item in container:
        if isinstance(item, LTChar):
            chars.append(item)
        elif isinstance(item, LTCurve | LTImage) and getattr(item, "_opaque", False):
            shapes.append(item)
        if isinstance(item, LTContainer) and not isinstance(item, LTChar):
            _collect(item, chars, shapes)


def _own_reason(char: LTChar, visible: Box) -> str:
    extra: _Extra = getattr(char, "_extra", _Extra())
    mode = getattr(char, "_mode", 0)
    cx, cy = (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2
    if mode in (3, 7) or extra.fill_alpha <= 0.01:
        return INVISIBLE
    if extra.oc_hidden:
        return LAYER
    if extra.clip is not None:
        x0, y0, x1, y1 = extra.clip
        if not (x0 - 0.5 <= cx <= x1 + 0.5 and y0 - 0.5 <= cy <= y1 + 0.5):
            return CLIPPED
    if not (visible[0] <= cx <= visible[2] and visible[1] <= cy <= visible[3]):
        return OFF_PAGE
    if char.size < MIN_VISIBLE_POINTS:
        return TINY
    return ""


def _covered_or_same_colour(chars: list, shapes: list, hidden: dict[int, str]) -> None:
    """Characters under an opaque shape drawn later, or drawn in the colour of
    the opaque shape under them (white on the white page too)."""
    index: dict[tuple[int, int], list] = defaultdict(list)
    for shape in shapes:
        box = _clipped_box(shape)
        if box is None:
            continue
        for key in _buckets(box):
            index[key].append((shape, box))
    for char in chars:
        if id(char) in hidden:
            continue
        seq = getattr(char, "_seq", 0)
        box = (char.x0, char.y0, char.x1, char.y1)
        cx, cy = (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2
        under = None  # the last opaque fill drawn before the character, under its centre
        covered = False
        for shape, shape_box in index.get(_bucket(cx, cy), ()):
            if not (shape_box[0] <= cx <= shape_box[2] and shape_box[1] <= cy <= shape_box[3]):
                continue
            shape_seq = getattr(shape, "_seq", 0)
            if shape_seq > seq and _share(box, shape_box) >= _COVER_SHARE:
                covered = True
                break
            if shape_seq < seq and (under is None or shape_seq > under[0]):
                under = (shape_seq, getattr(shape, "_fill", None))
        if covered:
            hidden[id(char)] = COVERED
            continue
        backdrop = under[1] if under is not None else (1.0, 1.0, 1.0)
        mode = getattr(char, "_mode", 0)
        state = char.graphicstate
        colour = _rgb(state.scolor, state.scs) if mode in (1, 5) else _rgb(state.ncolor, state.ncs)
        if (
            backdrop is not None
            and colour is not None
            and max(abs(a - b) for a, b in zip(colour, backdrop, strict=True)) < _SAME_COLOUR
        ):
            hidden[id(char)] = SAME_COLOUR


def _clipped_box(shape) -> Box | None:
    box = (shape.x0, shape.y0, shape.x1, shape.y1)
    clip = getattr(shape, "_clip", None)
    if clip is not None:
        box = _intersect(clip, box)
    if box[2] <= box[0] or box[3] <= box[1]:
        return None
    return box


def _share(box: Box, cover: Box) -> float:
    width = min(box[2], cover[2]) - max(box[0], cover[0])
    height = min(box[3], cover[3]) - max(box[1], cover[1])
    area = max(box[2] - box[0], 0.01) * max(box[3] - box[1], 0.01)
    return max(width, 0) * max(height, 0) / area


def _bucket(x: float, y: float) -> tuple[int, int]:
    return (int(x // _BUCKET), int(y // _BUCKET))


def _buckets(box: Box):
    x0, y0 = _bucket(box[0], box[1])
    x1, y1 = _bucket(box[2], box[3])
    # a page-sized shape visits a few hundred cells at most; an absurd one is cut
    for bx in range(max(x0, -10), min(x1, 400) + 1):
        for by in range(max(y0, -10), min(y1, 400) + 1):
            yield (bx, by)


def _fake_bold(chars: list, hidden: dict[int, str]) -> None:
    """The same glyph drawn again within _DUPLICATE_PT (a bold effect) reads once."""
    seen: dict[tuple[str, int, int], list[LTChar]] = defaultdict(list)
    for char in chars:
        if id(char) in hidden or not char.get_text().strip():
            continue
        x, y = round(char.x0), round(char.y0)
        duplicate = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in seen.get((char.get_text(), x + dx, y + dy), ()):
                    if (
                        abs(other.x0 - char.x0) <= _DUPLICATE_PT
                        and abs(other.y0 - char.y0) <= _DUPLICATE_PT
                        and abs(other.size - char.size) <= 0.5
                    ):
                        duplicate = True
        if duplicate:
            hidden[id(char)] = ""  # removed, not noted
        else:
            seen[(char.get_text(), x, y)].append(char)


_MARK_SIZE = 0.85  # a mark is drawn at most this share of the digit's size
_MARK_SHIFT = 0.2  # and its baseline this share of the digit's size above (superscript)


def _vertical_rules(container) -> list[tuple[float, float, float]]:
    """(x, y0, y1) of every vertical line drawn on the page — table borders, the
    edges of cell rectangles: what stands between two cells' text."""
    rules: list[tuple[float, float, float]] = []
    for item in container:
        if isinstance(item, LTRect):
            rules += [(item.x0, item.y0, item.y1), (item.x1, item.y0, item.y1)]
        elif isinstance(item, LTLine) and abs(item.x1 - item.x0) < 1:
            rules.append(((item.x0 + item.x1) / 2, item.y0, item.y1))
        elif isinstance(item, LTContainer) and not isinstance(item, LTChar):
            rules += _vertical_rules(item)
    return rules


def _marks_after_digits(
    chars: list, hidden: dict[int, str], rules: list[tuple[float, float, float]] = ()
) -> None:
    """A footnote mark set as a superscript (or subscript) right after a digit —
    smaller, its baseline raised (lowered) — is not part of the number: 「8」 with
    a raised 「1」 reads 8, not 81, as in Word. A run of such characters is one
    mark; a cell printed all in small raised type is read as it is."""
    previous: LTChar | None = None  # the last shown character, in drawing order
    mark: tuple[LTChar, str] | None = None  # the digit a mark run follows, and how
    for char in chars:
        if id(char) in hidden or not char.get_text().strip():
            continue
        if mark is not None and _continues_mark(mark[0], previous, char):
            hidden[id(char)] = mark[1]
        elif previous is not None and previous.get_text().isdigit():
            how = "" if _rule_between(previous, char, rules) else _mark_after(previous, char)
            if how:
                hidden[id(char)] = how
                mark = (previous, how)
            else:
                mark = None
        else:
            mark = None
        previous = char


def _rule_between(left: LTChar, right: LTChar, rules) -> bool:
    """Whether a vertical line runs between two characters (they sit in two cells:
    a small number in the next cell is no footnote mark, however close)."""
    low, high = min(left.y0, right.y0), max(left.y1, right.y1)
    return any(left.x0 < x < right.x1 and y0 < high and y1 > low for x, y0, y1 in rules)


def _mark_after(digit: LTChar, char: LTChar) -> str:
    """SUPERSCRIPT or SUBSCRIPT when `char` is set as a mark right after `digit`."""
    size = digit.size
    if size <= 0 or char.size > size * _MARK_SIZE:
        return ""
    if not -size * 0.15 <= char.x0 - digit.x1 < size * 0.5:  # glyph boxes may touch
        return ""
    if char.y0 > digit.y0 + size * _MARK_SHIFT:
        return SUPERSCRIPT
    if char.y0 < digit.y0 - size * 0.05:  # lowered, if only a little (LibreOffice: 8 %)
        return SUBSCRIPT
    return ""


def _continues_mark(digit: LTChar, last: LTChar | None, char: LTChar) -> bool:
    """The next character of a mark run: as small and as shifted as the last one."""
    if last is None or id(last) == id(digit):
        return False
    return (
        abs(char.size - last.size) <= 0.5
        and abs(char.y0 - last.y0) <= last.size * 0.2
        and -last.size * 0.3 <= char.x0 - last.x1 < last.size * 0.6
    )


def _remove(container, hidden: dict[int, str]) -> None:
    kept = []
    for item in container._objs:
        if id(item) in hidden:
            continue
        if isinstance(item, LTContainer) and not isinstance(item, LTChar):
            _remove(item, hidden)
        kept.append(item)
    container._objs = kept


def _runs(chars: list, hidden: dict[int, str], page: int) -> list[SetAside]:
    """Consecutive set-aside characters of one reason on one line, as runs."""
    out: list[SetAside] = []
    for char in chars:
        reason = hidden.get(id(char))
        if not reason:
            continue
        last = out[-1] if out else None
        if (
            last is not None
            and last.reason == reason
            and abs(last.box[1] - char.y0) < char.size * 0.6
            and char.x0 - last.box[2] < char.size * 2
        ):
            last.text += char.get_text()
            last.box = (last.box[0], last.box[1], max(last.box[2], char.x1), last.box[3])
        else:
            box = (char.x0, char.y0, char.x1, char.y1)
            out.append(SetAside(page, reason, char.get_text(), box))
    return [run for run in out if run.text.strip()]
