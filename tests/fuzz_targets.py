"""Fuzz targets for the importers and the draft loader, shared by the short runs in
the test suite (tests/test_fuzz.py, seconds) and the long run (fuzz/run.py).

Inputs are our own exports and drafts, mutated where it matters: the text of XML
nodes and attributes (numbers, spans, offsets, texts), whole elements repeated or
cut, bytes of the package flipped; for drafts, any JSON value put anywhere. Each
target checks the contract of its door:

- it raises only its refusal (ImportRefused, DraftError), in Chinese, naming the file;
- what it accepts is within model.limits and saves as a draft that opens again;
- nothing unexpected was caught on the way. For the Word importer, a failure whose
  innermost frame of ours is in the Word table walker is returned as a finding
  (the walker is bounded separately) rather than failing the target.
"""

from __future__ import annotations

import copy
import functools
import io
import json
import random
import re
import tempfile
import traceback
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from hypothesis import strategies as st

from tests.factories import random_report

# Where a Word import failure is the table walker's, not the door's.
WALKER_FILES = ("importers/docx.py", "importers/docx_grid.py", "importers/docx_tables.py")
WALKER_FILES += ("importers/docx_meta.py", "importers/docx_labels.py")


# ---- the starting points --------------------------------------------------------------------


@functools.cache
def base_file(suffix: str, year: int = 2023) -> bytes:
    """Our own export of a full report (2021 format for 2023, 2019 for 2020)."""
    report = random_report(random.Random(year), year)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"base{suffix}"
        if suffix == ".docx":
            from exporters.docx import export_docx

            export_docx(report, path)
        else:
            from exporters.xlsx import export_xlsx

            export_xlsx(report, path)
        return path.read_bytes()


@functools.cache
def base_draft(year: int = 2023) -> bytes:
    from model.drafts import draft_to_dict
    from model.fees import FEE_AMOUNT, FEE_COUNT

    report = random_report(random.Random(year), year)
    report.set_extra(FEE_COUNT, 2)
    report.set_extra(FEE_AMOUNT, Decimal("120.50"))
    return json.dumps(draft_to_dict(report), ensure_ascii=False).encode()


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def zipped(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


# ---- what to put in ---------------------------------------------------------------------------

NUMBERISH = st.sampled_from(
    [
        "0", "-0", "1", "-1", "12", "1.5", "12.50", "0.000001", "1e999999999", "-1e999", "1E30",
        "nan", "inf", "Infinity", "999999999", "1000000000", "9" * 30, "2147483648",
        "-2147483649", "4294967296", "100000", "300000000", "１２", "12件", "1,234", "", " ",
        "2100", "2101", "99999999999", "1899", "2008",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    NUMBERISH, st.text(max_size=40), st.text(alphabet="一二三、（）件元万", max_size=12)
)
# Attribute values: small spans and offsets, numbers and junk; HUGE ones too in the
# long run (a huge w:gridSpan is the Word walker's known issue, see
# tests/test_hostile_files.py; the short run in the suite leaves them out).
ATTRS = st.one_of(
    st.integers(-3, 40).map(str),
    st.sampled_from(["", "x", "restart", "continue", "1e3", "A1", "XFD1", "ZZZZ1"]),
)
HUGE = st.sampled_from(["99999", "100000000", "2147483648", "A1048577", "AAA99999999"])

_TEXT_NODE = re.compile(rb">([^<]{0,200})<")
_ATTRIBUTE = re.compile(rb'="([^"]{0,60})"')
_ELEMENT_START = re.compile(rb"<(?![/?!])")


@st.composite
def mutated_xml(draw, xml: bytes, huge: bool = True) -> bytes:
    """`xml` with 1–6 mutations: node texts and attribute values replaced, a stretch
    of elements repeated or cut (which may leave it malformed: a damaged file)."""
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["text", "text", "attr", "attr", "repeat", "cut"]))
        if kind in ("text", "attr"):
            pattern = _TEXT_NODE if kind == "text" else _ATTRIBUTE
            found = list(pattern.finditer(xml))
            if not found:
                continue
            m = found[draw(st.integers(0, len(found) - 1))]
            new = draw(TEXTS if kind == "text" else st.one_of(ATTRS, HUGE) if huge else ATTRS)
            new_bytes = new.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            xml = xml[: m.start(1)] + new_bytes.encode("utf-8", "replace") + xml[m.end(1) :]
        else:
            starts = [m.start() for m in _ELEMENT_START.finditer(xml)]
            if len(starts) < 2:
                continue
            i = draw(st.integers(0, len(starts) - 2))
            j = draw(st.integers(i + 1, min(len(starts) - 1, i + 30)))
            piece = xml[starts[i] : starts[j]]
            if kind == "repeat":
                times = draw(st.integers(1, 20))
                xml = xml[: starts[j]] + piece * times + xml[starts[j] :]
            else:
                xml = xml[: starts[i]] + xml[starts[j] :]
    return xml


@st.composite
def mutated_package(draw, suffix: str, huge: bool = True) -> bytes:
    """One of our exports with its XML mutated, or its bytes flipped; `huge`: attribute
    values may be huge numbers too."""
    base = base_file(suffix, draw(st.sampled_from([2020, 2023])))
    if draw(st.integers(0, 9)) == 0:  # the package itself
        data = bytearray(base)
        for _ in range(draw(st.integers(1, 4))):
            data[draw(st.integers(0, len(data) - 1))] ^= draw(st.integers(1, 255))
        return bytes(data)
    parts = parts_of(base)
    names = sorted(n for n in parts if n.endswith(".xml") and ("sheet" in n or "document" in n))
    for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True)):
        parts[name] = draw(mutated_xml(parts[name], huge))
    return zipped(parts)


JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.sampled_from([10**30, -(10**30), 2**63, 10**4000]),
        st.floats(allow_nan=True, allow_infinity=True),
        TEXTS,
        st.sampled_from([{"$decimal": "1e999999999"}, {"$decimal": "x"}, {"$date": "2023-02-30"}]),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(node: object, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*path, i))
    return out


@st.composite
def mutated_draft(draw) -> bytes:
    """A valid draft with 1–5 values anywhere replaced by any JSON value (NaN and
    Infinity too), keys dropped; now and then its bytes cut or flipped."""
    data = json.loads(base_draft(draw(st.sampled_from([2020, 2023]))))
    for _ in range(draw(st.integers(1, 5))):
        paths = [p for p in _paths(data) if p]
        path = paths[draw(st.integers(0, len(paths) - 1))]
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if isinstance(parent, dict) and draw(st.integers(0, 4)) == 0:
            del parent[path[-1]]
        else:
            parent[path[-1]] = copy.deepcopy(draw(JSON_VALUES))  # sampled values are shared
    try:
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except ValueError:  # an int of too many digits for str(): keep the draft as it was
        raw = base_draft()
    if draw(st.integers(0, 9)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


# ---- the contracts ----------------------------------------------------------------------------


def _ours_innermost(exc: BaseException) -> str:
    """The repository file of the innermost frame that is ours ("" if none)."""
    root = str(Path(__file__).resolve().parents[1])
    ours = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        name = frame.filename.replace("\\", "/")
        if name.startswith(root.replace("\\", "/")) and "/.venv/" not in name:
            ours = name[len(root) + 1 :]
    return ours


@dataclass(frozen=True)
class Outcome:
    kind: str  # "refused", "accepted" or "walker" (a failure inside the Word walker)
    detail: str = ""


def check_import(data: bytes, suffix: str, folder: Path) -> Outcome:
    """Import `data` as a `suffix` file and check the door's contract. Returns the
    outcome; a failure inside the Word table walker is one (see module docstring).
    Raises AssertionError when the contract is broken anywhere else."""
    from importers import ImportRefused, importer_for
    from model.drafts import check_within_limits, load_draft, save_draft
    from model.values import InvalidValue

    path = folder / f"fuzzed{suffix}"
    path.write_bytes(data)
    if suffix == ".docx":
        from importers.docx import import_docx as read  # unguarded: see what it raises
    else:
        from importers.xlsx import import_xlsx as read
    try:
        result = read(path)
    except ImportRefused as exc:
        assert path.name in str(exc) and re.search(r"[\u4e00-\u9fff]", str(exc)), str(exc)
        return Outcome("refused", str(exc))
    except InvalidValue:  # a value beyond the limits: the door refuses it, naming it
        try:
            importer_for(path)(path)
        except ImportRefused as exc:
            assert path.name in str(exc), str(exc)
            return Outcome("refused", str(exc))
        raise AssertionError("the door accepted what the importer refused") from None
    except Exception as exc:  # not a refusal
        where = _ours_innermost(exc)
        if suffix == ".docx" and where.startswith(WALKER_FILES):
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            return Outcome("walker", f"{where}: {detail}")
        raise AssertionError(f"{type(exc).__name__} at {where}: {exc}") from exc
    check_within_limits(result.report)  # raises InvalidValue: the door would have refused
    draft = save_draft(result.report, folder / "fuzzed.nianbao")
    assert load_draft(draft) == result.report
    return Outcome("accepted")


def check_draft(data: bytes, folder: Path) -> Outcome:
    """Load `data` as a draft: a DraftError in Chinese naming the file, or a report
    within the limits that saves and opens again unchanged."""
    from model.drafts import DraftError, check_within_limits, load_draft, save_draft

    path = folder / "fuzzed.nianbao"
    path.write_bytes(data)
    try:
        report = load_draft(path)
    except DraftError as exc:
        assert path.name in str(exc) and re.search(r"[\u4e00-\u9fff]", str(exc)), str(exc)
        return Outcome("refused", str(exc))
    check_within_limits(report)
    again = save_draft(report, folder / "again.nianbao")
    assert load_draft(again) == report
    return Outcome("accepted")
