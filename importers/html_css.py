"""What a web page's own style sheets do to what a reader sees of its text.

The web front end (importers/html.py) reads what a browser shows. Besides the
elements a browser never renders, a page's CSS can hide text (``display:none``,
``visibility:hidden``, ``opacity:0``, ``font-size:0``, text moved off screen or
clipped away, text in the colour of its background), strike it through, raise
it as a superscript, reverse it (``unicode-bidi:bidi-override``) or add text of
its own (``::before``/``::after``). `PageStyle` evaluates the page's own
``<style>`` sheets (and style sheets saved next to the page, never fetched) and
``style`` attributes for those properties, with the cascade a browser applies
(user-agent rules, then the author's, by importance, specificity and order;
inherited properties inherited), using tinycss2 to parse CSS and cssselect to
match selectors.

What it cannot decide is said, never guessed: a rule whose selector cannot be
matched (an unknown syntax) but that would hide or add text, a linked style
sheet that is not on disk, or generated content it cannot compute (counters)
become notes (`PageStyle.notes`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tinycss2
import tinycss2.color3
from cssselect import HTMLTranslator, SelectorError, parse
from lxml import etree

from importers import strings as s
from importers.docx_text import RUBY, SUBSCRIPT, SUPERSCRIPT
from model import limits

Color = tuple[float, float, float, float]  # red, green, blue, alpha in 0..1
_WHITE: Color = (1.0, 1.0, 1.0, 1.0)
_BLACK: Color = (0.0, 0.0, 0.0, 1.0)
_DEFAULT_FONT_PX = 16.0
_FAR = 500.0  # px: text moved this far off its place (left:-9999px) is off screen
_TINY = 1.0  # px: a box this small (the "visually hidden" pattern) shows nothing
_SAME_COLOUR = 0.08  # largest channel difference of text "in the colour of its background"
_MAX_RULES = 20_000  # style rules evaluated; beyond this the rest are noted, not read
_MAX_SHEET_BYTES = 2 * 1024 * 1024  # a linked style sheet read from disk
_ORIGIN_UA, _ORIGIN_AUTHOR = 0, 1

# Properties that change what is read; rules setting none of them are not matched.
_RELEVANT = frozenset(
    {
        "display", "visibility", "opacity", "font-size", "font", "color", "background-color",
        "background", "position", "left", "top", "margin-left", "margin-top", "margin",
        "text-indent", "transform", "clip", "clip-path", "overflow", "overflow-x",
        "overflow-y", "width", "height", "max-width", "max-height", "text-decoration",
        "text-decoration-line", "vertical-align", "direction", "unicode-bidi", "content",
    }
)  # fmt: skip
# Properties that can hide text or add it: an unreadable rule setting one is noted.
_HIDING = frozenset(
    {"display", "visibility", "opacity", "font-size", "font", "color", "position", "left",
     "top", "text-indent", "transform", "clip", "clip-path", "content", "margin-left",
     "margin-top", "margin", "max-height", "height", "width"}
)  # fmt: skip

# What every browser applies before the page's own rules (the HTML standard's
# rendering section), for the elements a report page can hold. `html.py` skips
# the elements that are never rendered (head, script, template, …) itself.
USER_AGENT_CSS = """
[hidden], dialog:not([open]), rp, datalist, area, param, source, track { display: none }
del, s, strike { text-decoration: line-through }
sup { vertical-align: super }
sub { vertical-align: sub }
rt { vertical-align: ruby }
bdo[dir="rtl"], bdo[dir="RTL"] { direction: rtl; unicode-bidi: bidi-override }
bdo[dir="ltr"], bdo[dir="LTR"] { direction: ltr; unicode-bidi: bidi-override }
"""
# Elements the user-agent sheet hides whose content is never noted (no text of a report).
_SILENT = frozenset({"rp", "datalist", "area", "param", "source", "track"})


@dataclass(frozen=True)
class Look:
    """How an element's own text shows.

    `gone`: the element and everything in it are not rendered, or not visible in
    any way a descendant could undo (``display:none``, ``opacity:0``, off screen,
    clipped away); `reason` then says which. `hidden`: its own text does not
    show (``visibility:hidden``, a zero font size, the colour of its
    background), though a descendant may show again. `struck`: drawn struck
    through. `marker`: a superscript, subscript or ruby annotation (SUPERSCRIPT,
    SUBSCRIPT, RUBY). `reversed`: shown right to left, character by character.
    `before`/`after`: text the style sheet adds (None when it adds none).
    `silent`: gone by a user-agent rule for an element that never holds report
    text (its content is not noted)."""

    gone: bool = False
    hidden: bool = False
    struck: bool = False
    marker: str | None = None
    reversed: bool = False
    before: str | None = None
    after: str | None = None
    silent: bool = False


@dataclass(frozen=True)
class _State:
    """The inherited part of an element's computed style."""

    visibility_hidden: bool = False
    font_px: float = _DEFAULT_FONT_PX
    color: Color = _BLACK
    backdrop: Color = _WHITE  # the background the text is drawn on
    struck: bool = False
    marker: str | None = None
    rtl: bool = False
    override: bool = False


_ROOT_STATE = _State()


@dataclass
class _Declaration:
    important: bool
    origin: int
    specificity: tuple[int, int, int, int]
    order: int
    value: list

    def key(self) -> tuple:
        # the cascade: importance (author !important over all), then origin, then
        # specificity, then order of appearance
        return (self.important, self.origin if not self.important else -self.origin,
                self.specificity, self.order)  # fmt: skip


class PageStyle:
    """The computed look of a parsed page's elements (see the module's docstring).

    `root` is the lxml.html document; `folder` the page's folder (linked style
    sheets saved next to the page are read from it), or None."""

    def __init__(self, root, folder: Path | None = None, check_time=None) -> None:
        self.notes: list[str] = []
        self._check_time = check_time or (lambda: None)
        self._css_chars = 0
        self._css_cut = False
        self._decls: dict = {}  # element -> {property: _Declaration}
        self._pseudo: dict = {}  # (element, "before"|"after") -> {property: _Declaration}
        self._states: dict = {}
        self._order = 0
        self._rules = 0
        self._unread_rules = 0
        self._uncounted_content = 0
        self._missing_sheets: list[str] = []
        self._index = _DocumentIndex(root)
        self._root = root
        self._translator = HTMLTranslator()
        self._apply_sheet(USER_AGENT_CSS, _ORIGIN_UA)
        for sheet in self._author_sheets(root, folder):
            self._apply_sheet(sheet, _ORIGIN_AUTHOR)
        self._apply_inline(root)
        if self._css_cut:
            self.notes.append(s.HTML_CSS_TOO_LONG.format(limit=limits.MAX_HTML_STYLE_CHARS))
        if self._unread_rules:
            self.notes.append(s.HTML_CSS_UNREAD.format(count=self._unread_rules))
        if self._missing_sheets:
            names = "、".join(f"「{n}」" for n in self._missing_sheets[:3])
            more = f"等 {len(self._missing_sheets)} 个" if len(self._missing_sheets) > 3 else ""
            self.notes.append(s.HTML_CSS_MISSING.format(names=names, more=more))

    # ---- looks ------------------------------------------------------------------------
    def look(self, element) -> Look:
        """How the element's own text shows (inherited from its ancestors too)."""
        parent = element.getparent()
        parent_state = self._state(parent) if parent is not None else _ROOT_STATE
        decls = self._decls.get(element, {})
        gone = _gone(decls, parent_state)
        state = self._state(element)
        hidden = (
            state.visibility_hidden
            or state.font_px <= 0.5
            or state.color[3] < 0.1
            or _same_colour(state.color, state.backdrop)
        )
        return Look(
            gone=gone,
            hidden=hidden,
            struck=state.struck,
            marker=state.marker,
            reversed=state.rtl and state.override,
            before=self._generated(element, "before"),
            after=self._generated(element, "after"),
            silent=gone and element.tag in _SILENT,
        )

    def _state(self, element) -> _State:
        known = self._states.get(element)
        if known is not None:
            return known
        chain = []
        e = element
        while e is not None and e not in self._states:
            chain.append(e)
            e = e.getparent()
        state = self._states[e] if e is not None else _ROOT_STATE
        for current in reversed(chain):
            state = _inherit(self._decls.get(current, {}), state)
            self._states[current] = state
        return self._states[element]

    def _generated(self, element, which: str) -> str | None:
        decls = self._pseudo.get((element, which))
        if not decls or "content" not in decls:
            return None
        display = _ident(decls.get("display"))
        if display == "none":
            return None
        text, unsure = _content_text(decls["content"].value, element)
        if unsure:
            self._uncounted_content += 1
            if self._uncounted_content == 1:
                self.notes.append(s.HTML_CSS_CONTENT_UNSURE)
        return text or None

    # ---- the cascade ------------------------------------------------------------------
    def _author_sheets(self, root, folder: Path | None) -> Iterable[str]:
        for element in root.iter("style", "link"):
            if element.tag == "style":
                if _media_applies(element.get("media")):
                    yield element.text or ""
                continue
            rel = (element.get("rel") or "").lower().split()
            if "stylesheet" not in rel or "alternate" in rel:
                continue
            if not _media_applies(element.get("media")):
                continue
            href = (element.get("href") or "").strip()
            text = _local_sheet(href, folder)
            if text is None:
                if href:
                    self._missing_sheets.append(href.rsplit("/", 1)[-1][:40] or href[:40])
            else:
                yield text

    def _apply_sheet(self, css: str, origin: int) -> None:
        room = limits.MAX_HTML_STYLE_CHARS - self._css_chars
        if len(css) > room:
            self._css_cut = True
            css = css[: max(room, 0)]
        self._css_chars += len(css)
        rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        self._apply_rules(rules, origin, 0)

    def _apply_rules(self, rules, origin: int, depth: int) -> None:
        for rule in rules:
            if rule.type == "qualified-rule":
                self._apply_rule(rule, origin)
            elif rule.type == "at-rule" and rule.content is not None and depth < 8:
                keyword = rule.lower_at_keyword
                if keyword == "media" and not _media_applies(tinycss2.serialize(rule.prelude)):
                    continue
                if keyword in ("media", "supports", "layer", "document", "container"):
                    inner = tinycss2.parse_rule_list(
                        rule.content, skip_comments=True, skip_whitespace=True
                    )
                    self._apply_rules(inner, origin, depth + 1)

    def _apply_rule(self, rule, origin: int) -> None:
        declarations = _declarations(rule.content)
        relevant = [d for d in declarations if d[0] in _RELEVANT]
        if not relevant:
            return
        self._rules += 1
        if self._rules % 200 == 0:
            self._check_time()
        hiding = any(d[0] in _HIDING for d in relevant)
        if self._rules > _MAX_RULES:
            self._unread_rules += hiding
            return
        try:
            selectors = parse(tinycss2.serialize(rule.prelude))
        except SelectorError:
            self._unread_rules += hiding
            return
        for selector in selectors:
            pseudo = (selector.pseudo_element or "").lower() if selector.pseudo_element else ""
            if not isinstance(pseudo, str) or pseudo not in ("", "before", "after"):
                continue  # ::first-line, ::selection, ::marker …: no text of their own
            if not self._index.may_match(selector.parsed_tree):
                continue
            try:
                path = etree.XPath(self._translator.selector_to_xpath(selector))
                matched = path(self._root)
            except (SelectorError, etree.XPathError, TypeError, ValueError):
                self._unread_rules += hiding
                continue
            specificity = (0, *selector.specificity())
            for element in matched:
                if not isinstance(element.tag, str):
                    continue
                target = self._pseudo.setdefault((element, pseudo), {}) if pseudo else None
                for name, value, important in relevant:
                    self._add(target, element, name, value, important, origin, specificity)

    def _apply_inline(self, root) -> None:
        for element in root.iter():
            style = element.get("style") if isinstance(element.tag, str) else None
            if not style:
                continue
            for name, value, important in _declarations(style):
                if name in _RELEVANT:
                    self._add(None, element, name, value, important, _ORIGIN_AUTHOR, (1, 0, 0, 0))

    def _add(self, target, element, name, value, important, origin, specificity) -> None:
        self._order += 1
        decl = _Declaration(important, origin, specificity, self._order, value)
        table = target if target is not None else self._decls.setdefault(element, {})
        for prop, part in _expand(name, value):
            current = table.get(prop)
            candidate = (
                decl
                if part is value
                else _Declaration(important, origin, specificity, self._order, part)
            )
            if current is None or candidate.key() >= current.key():
                table[prop] = candidate


class _DocumentIndex:
    """The tags, classes and ids a page has: a selector needing another one
    cannot match, and is not evaluated (most of a site's style sheet)."""

    def __init__(self, root) -> None:
        self.tags: set[str] = set()
        self.classes: set[str] = set()
        self.ids: set[str] = set()
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            self.tags.add(element.tag.lower())
            classes = element.get("class")
            if classes:
                self.classes.update(classes.split())
            ident = element.get("id")
            if ident:
                self.ids.add(ident)

    def may_match(self, tree) -> bool:
        """Whether every tag, class and id the selector requires (in any of its
        compounds, outside :not()) exists in the page."""
        stack = [tree]
        while stack:
            node = stack.pop()
            name = type(node).__name__
            if name == "CombinedSelector":
                stack += [node.selector, node.subselector]
            elif name == "Class":
                if node.class_name not in self.classes:
                    return False
                stack.append(node.selector)
            elif name == "Hash":
                if node.id not in self.ids:
                    return False
                stack.append(node.selector)
            elif name == "Element":
                element = (node.element or "*").lower()
                if element != "*" and element not in self.tags:
                    return False
            elif hasattr(node, "selector"):  # attributes, pseudo-classes, :not(…)'s subject
                stack.append(node.selector)
        return True


# ---- declarations and values --------------------------------------------------------------
def _declarations(content) -> list[tuple[str, list, bool]]:
    if content is None:
        return []
    out = []
    for item in tinycss2.parse_declaration_list(content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            value = [t for t in item.value if t.type not in ("whitespace", "comment")]
            out.append((item.lower_name, value, bool(item.important)))
    return out


def _expand(name: str, value: list) -> list[tuple[str, list]]:
    """A declaration as the longhand properties it sets (the shorthands that matter)."""
    if name == "margin":
        # margin: top right bottom left → only top and left can move text away
        top = value[:1]
        left = value[3:4] or value[1:2] or value[:1]
        return [("margin-top", top), ("margin-left", left)]
    if name == "background":
        colour = [t for t in value if tinycss2.color3.parse_color(t) not in (None, "currentColor")]
        return [("background-color", colour[-1:])] if colour else []
    if name == "font":
        return [("font-size", _font_size_of_shorthand(value))]
    if name == "text-decoration":
        return [("text-decoration-line", value)]
    return [(name, value)]


def _font_size_of_shorthand(value: list) -> list:
    """The size part of a ``font`` shorthand (「bold 0/0 a」 → 0)."""
    for i, token in enumerate(value):
        if token.type in ("dimension", "percentage") or (
            token.type == "number" and (i + 1 < len(value) and value[i + 1] == "/")
        ):
            return [token]
        if token.type == "number" and token.value == 0:
            return [token]
    return []


def _ident(decl: _Declaration | None) -> str:
    if decl is None or not decl.value:
        return ""
    token = decl.value[0]
    return token.lower_value if token.type == "ident" else ""


def _length(decl: _Declaration | None, font_px: float) -> float | None:
    """A length in px, or None when it is not one we can compute."""
    if decl is None or len(decl.value) != 1:
        return None
    token = decl.value[0]
    if token.type == "number":
        return float(token.value)
    if token.type == "percentage":
        return None
    if token.type != "dimension":
        return None
    unit = token.lower_unit
    factor = {
        "px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4,
        "q": 96 / 101.6, "em": font_px, "rem": _DEFAULT_FONT_PX, "ex": font_px / 2,
        "ch": font_px / 2, "vw": 12.8, "vh": 8.0, "vmin": 8.0, "vmax": 12.8,
    }.get(unit)  # fmt: skip
    return None if factor is None else float(token.value) * factor


def _font_px(decl: _Declaration | None, parent: float) -> float:
    if decl is None or len(decl.value) != 1:
        return parent
    token = decl.value[0]
    if token.type == "percentage":
        return parent * float(token.value) / 100
    if token.type == "ident":
        keywords = {"smaller": parent / 1.2, "larger": parent * 1.2}
        return keywords.get(token.lower_value, parent if token.lower_value == "inherit" else 13.0)
    px = _length(decl, parent)
    return parent if px is None else max(px, 0.0)


def _colour(decl: _Declaration | None, current: Color) -> Color | None:
    if decl is None or len(decl.value) != 1:
        return None
    parsed = tinycss2.color3.parse_color(decl.value[0])
    if parsed is None:
        return None
    if parsed == "currentColor":
        return current
    return (parsed.red, parsed.green, parsed.blue, parsed.alpha)


def _same_colour(text: Color, backdrop: Color) -> bool:
    return max(abs(a - b) for a, b in zip(text[:3], backdrop[:3], strict=True)) < _SAME_COLOUR


def _inherit(decls: dict, parent: _State) -> _State:
    """An element's inherited style from its parent's and its own declarations."""
    visibility = _ident(decls.get("visibility"))
    hidden = parent.visibility_hidden
    if visibility in ("hidden", "collapse"):
        hidden = True
    elif visibility == "visible":
        hidden = False
    font_px = _font_px(decls.get("font-size"), parent.font_px)
    color = _colour(decls.get("color"), parent.color) or parent.color
    backdrop = parent.backdrop
    background = _colour(decls.get("background-color"), color)
    if background is not None and background[3] >= 0.5:
        backdrop = background
    line = " ".join(t.lower_value for t in _values(decls.get("text-decoration-line")))
    struck = parent.struck or "line-through" in line
    vertical = _ident(decls.get("vertical-align"))
    marker = {"super": SUPERSCRIPT, "sub": SUBSCRIPT, "ruby": RUBY}.get(vertical, parent.marker)
    direction = _ident(decls.get("direction"))
    rtl = parent.rtl if direction not in ("rtl", "ltr") else direction == "rtl"
    bidi = _ident(decls.get("unicode-bidi"))
    override = parent.override or bidi in ("bidi-override", "isolate-override")
    if bidi == "normal" or direction == "ltr":
        override = override and rtl
    return _State(hidden, font_px, color, backdrop, struck, marker, rtl, override)


def _values(decl: _Declaration | None) -> list:
    return [t for t in decl.value if t.type == "ident"] if decl is not None else []


def _gone(decls: dict, parent: _State) -> bool:
    """Whether the element and its content are not rendered or not visible in a
    way no descendant can undo."""
    if _ident(decls.get("display")) == "none":
        return True
    opacity = decls.get("opacity")
    if opacity is not None and len(opacity.value) == 1:
        token = opacity.value[0]
        if token.type in ("number", "percentage") and float(token.value) <= 0.01:
            return True
    font_px = _font_px(decls.get("font-size"), parent.font_px)
    position = _ident(decls.get("position"))
    for prop in ("left", "top", "margin-left", "margin-top", "text-indent"):
        if prop in ("left", "top") and position not in ("absolute", "fixed", "relative"):
            continue
        px = _length(decls.get(prop), font_px)
        if px is not None and px <= -_FAR:
            return True
    if _clipped_away(decls, position, font_px):
        return True
    return _transformed_away(decls.get("transform"))


def _clipped_away(decls: dict, position: str, font_px: float) -> bool:
    """The "visually hidden" patterns: clip: rect(0 0 0 0), clip-path: inset(50%),
    a box of at most 1px (or a zero maximum height) with its overflow hidden."""
    clip = decls.get("clip")
    if clip is not None and position in ("absolute", "fixed") and clip.value:
        token = clip.value[0]
        if token.type == "function" and token.lower_name == "rect":
            sizes = [t.value for t in token.arguments if t.type in ("number", "dimension")]
            if len(sizes) == 4 and sizes[2] - sizes[0] <= _TINY and sizes[1] - sizes[3] <= _TINY:
                return True
    clip_path = decls.get("clip-path")
    if clip_path is not None and clip_path.value:
        token = clip_path.value[0]
        if token.type == "function" and token.lower_name in ("inset", "circle"):
            sizes = [t for t in token.arguments if t.type in ("number", "dimension", "percentage")]
            if token.lower_name == "inset" and sizes and sizes[0].type == "percentage":
                return sizes[0].value >= 50
            if token.lower_name == "circle" and sizes and sizes[0].value == 0:
                return True
    overflow = {_ident(decls.get(p)) for p in ("overflow", "overflow-x", "overflow-y")}
    if overflow & {"hidden", "clip"}:
        for prop in ("width", "height", "max-width", "max-height"):
            px = _length(decls.get(prop), font_px)
            if px is not None and px <= _TINY:
                return True
    return False


def _transformed_away(decl: _Declaration | None) -> bool:
    if decl is None:
        return False
    for token in decl.value:
        if token.type != "function":
            continue
        numbers = [t for t in token.arguments if t.type in ("number", "dimension", "percentage")]
        name = token.lower_name
        if name in ("scale", "scalex", "scaley") and numbers and float(numbers[0].value) == 0:
            return True
        if name.startswith("translate") and numbers:
            first = numbers[0]
            px = float(first.value) if first.type != "percentage" else 0.0
            if first.type == "dimension" and first.lower_unit == "px" and px <= -_FAR:
                return True
    return False


def _content_text(value: list, element) -> tuple[str, bool]:
    """The text a ``content`` value generates, and whether part of it could not be
    computed (counters, quotes, images)."""
    parts: list[str] = []
    unsure = False
    for token in value:
        if token.type == "string":
            parts.append(token.value)
        elif token.type == "function" and token.lower_name == "attr":
            names = [t.value for t in token.arguments if t.type == "ident"]
            parts.append(element.get(names[0], "") if names else "")
        elif token.type == "ident" and token.lower_value in ("none", "normal"):
            return "", False
        elif token.type in ("function", "ident", "url"):
            unsure = True
    return "".join(parts), unsure


_VIEWPORT = (1280.0, 800.0)  # px: the browser window a page is read in (a desktop's)
_MEDIA_FEATURE = re.compile(r"\(\s*([a-z-]+)\s*(?::\s*([^)]*))?\)")


def _media_applies(query: str | None) -> bool:
    """Whether a media query holds for a browser window on a desktop screen
    (_VIEWPORT): no query, ``all`` or ``screen``, with width, height and
    orientation conditions evaluated for that window (a rule for phones, such
    as ``(max-width: 768px)``, does not apply); ``print`` alone does not; other
    conditions are taken to hold."""
    text = (query or "").strip().lower()
    if not text:
        return True
    for part in text.split(","):
        words = _MEDIA_FEATURE.sub(" ", part).split()
        negated = words[:1] == ["not"]
        media = next((w for w in words if w not in ("only", "not", "and")), "")
        holds = media in ("", "all", "screen") and all(
            _feature_holds(name, value) for name, value in _MEDIA_FEATURE.findall(part)
        )
        if holds != negated:
            return True
    return False


def _feature_holds(name: str, value: str) -> bool:
    width, height = _VIEWPORT
    if name == "orientation":
        return value.strip() in ("", "landscape")
    sizes = {"width": width, "height": height, "device-width": width, "device-height": height}
    for prefix, compare in (("min-", float.__ge__), ("max-", float.__le__), ("", float.__eq__)):
        if name.startswith(prefix) and name[len(prefix) :] in sizes:
            px = _px_of(value)
            return True if px is None else compare(sizes[name[len(prefix) :]], px)
    return True


def _px_of(value: str) -> float | None:
    found = re.fullmatch(r"\s*([0-9.]+)\s*(px|em|rem)?\s*", value)
    if not found:
        return None
    number = float(found.group(1))
    return number * (_DEFAULT_FONT_PX if found.group(2) in ("em", "rem") else 1.0)


def _local_sheet(href: str, folder: Path | None) -> str | None:
    """A linked style sheet saved next to the page (「页面_files/style.css」): its
    text, or None when it is not a local file inside the page's folder."""
    if folder is None or not href or ":" in href.split("/")[0] or href.startswith(("//", "\\")):
        return None
    from urllib.parse import unquote

    relative = unquote(href.split("?")[0].split("#")[0])
    try:
        base = folder.resolve()
        path = (base / relative).resolve()
        if base not in path.parents or not path.is_file():
            return None
        if path.stat().st_size > _MAX_SHEET_BYTES:
            return None
        data = path.read_bytes()
    except (OSError, ValueError):
        return None
    from tinycss2.bytes import decode_stylesheet_bytes

    text, _encoding = decode_stylesheet_bytes(data, environment_encoding=None)
    return text
