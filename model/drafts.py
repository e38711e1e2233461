"""Draft files (``.nianbao``): versioned UTF-8 JSON, saved atomically.

The layout is documented in docs/draft-format.md. Saving writes a temp file in
the target folder, flushes and fsyncs it, keeps the previous version as
``<name>.nianbao.bak`` and only then replaces the file, so a crash or a full disk
never leaves a half-written draft. Loading reads the file and nothing else: a
file that cannot be understood is refused with a Chinese message and left
exactly as it was. Older schema versions are upgraded step by step through
the functions in ``MIGRATIONS``; newer ones are refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import math
import os
import shutil
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from model import limits
from model import messages as msg
from model.fees import FEE_AMOUNT, FEE_COUNT, check_fee_amount, check_fee_count
from model.formats import FORMATS, get_format
from model.report import (
    KINDS,
    PreviousYear,
    Report,
    SummaryInfo,
    SummarySource,
    check_text,
    check_year,
)
from model.spec import CellSpec, FormatSpec, ValueKind
from model.temp_files import make_locked_temp, sweep
from model.texts import describe, drop_controls
from model.values import (
    InvalidValue,
    Value,
    check_amount,
    check_value,
    clip,
    format_value,
    parse_amount,
)

FORMAT_TAG = "nianbao-draft"
SCHEMA = 2
APP_VERSION = "0.1.0"
SUFFIX = ".nianbao"
BACKUP_SUFFIX = ".bak"
MAX_BYTES = limits.MAX_DRAFT_BYTES

# Tags for the few non-JSON types allowed inside "extras".
_DECIMAL_TAG = "$decimal"
_DATE_TAG = "$date"


class DraftError(Exception):
    """A draft cannot be read or written; str() is a Chinese sentence for the user.
    `reason` is the bare cause (「文件夹“…”不存在」) for a caller that says
    「保存失败」 in its own words, so the sentence is never said twice."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message


class _Invalid(Exception):
    """The content is wrong; the caller adds which file it came from."""


# ---- report <-> dict -----------------------------------------------------------------


def encode_value(value: Value) -> int | str:
    """Counts stay JSON numbers; money is a string so 12.50 stays exactly 12.50."""
    if isinstance(value, Decimal):
        return format_value(value)
    return value


def _encode_values(values: dict[str, Value], spec: FormatSpec | None) -> dict[str, int | str]:
    order = {c.id: i for i, c in enumerate(spec.inputs)} if spec else {}
    ids = sorted(values, key=lambda cid: (order.get(cid, len(order)), cid))
    return {cid: encode_value(values[cid]) for cid in ids}


def _encode_extra(value: Any, key: str) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Decimal):
        return {_DECIMAL_TAG: format_value(value)}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {_DATE_TAG: value.isoformat()}
    if isinstance(value, (list, tuple)):
        return [_encode_extra(v, key) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _encode_extra(v, key) for k, v in value.items()}
    raise DraftError(msg.DRAFT_BAD_EXTRA.format(key=key))


def report_to_dict(report: Report) -> dict[str, Any]:
    """The "report" part of a draft: plain JSON types only."""
    meta = report.meta
    previous = report.previous
    return {
        "format_id": report.spec.id,
        "meta": {
            "agency": meta.agency,
            "year": meta.year,
            "kind": meta.kind,
            "date": meta.date.isoformat() if meta.date else None,
            # only while a year guessed on import awaits the officer's confirmation
            **({"year_pending": True} if meta.year_pending else {}),
        },
        "texts": dict(report.texts),
        "values": _encode_values(report.values(), report.spec),
        "units": dict(sorted(report.units().items())),
        "previous": None if previous is None else previous_to_dict(previous),
        "extras": extras_to_dict(report.extras),
        "printed": printed_to_dict(report.printed()),
        "summary": None if report.summary is None else summary_to_dict(report.summary),
    }


def summary_to_dict(summary: SummaryInfo) -> dict[str, Any]:
    """A summary's provenance as plain JSON types (a draft's "summary" part)."""
    return {
        "sources": [
            {"agency": s.agency, "year": s.year, "kind": s.kind, "file": s.file}
            for s in summary.sources
        ]
    }


def summary_from_dict(raw: object) -> SummaryInfo | None:
    """The reverse of `summary_to_dict` (None stays None); exported Word and Excel
    files carry the same object, so a roll-up recognises a summary however it was
    saved. Raises DraftError with a Chinese reason for anything else."""
    try:
        return _decode_summary(raw)
    except _Invalid as exc:
        raise DraftError(str(exc)) from None


def extras_to_dict(extras: dict[str, Any]) -> dict[str, Any]:
    """The 信息处理费 extras as plain JSON types (dates and decimals tagged); exported
    workbooks carry the same."""
    return {k: _encode_extra(v, k) for k, v in extras.items()}


def extras_from_dict(raw: object) -> dict[str, Any]:
    """The reverse of `extras_to_dict`. Raises DraftError with a Chinese reason."""
    if not isinstance(raw, dict):
        raise DraftError(msg.DRAFT_WRONG_TYPE.format(key="extras"))
    try:
        return _decode_extras(raw)
    except _Invalid as exc:
        raise DraftError(str(exc)) from None


def previous_to_dict(previous: PreviousYear) -> dict[str, Any]:
    """Last year's figures and texts as plain JSON types (a draft's "previous" part;
    exported workbooks carry the same, see exporters/xlsx.py)."""
    return {
        "year": previous.year,
        "format_id": previous.format_id,
        "agency": previous.agency,
        "values": _encode_values(previous.values, FORMATS.get(previous.format_id)),
        "texts": dict(previous.texts),
    }


def previous_from_dict(raw: object) -> PreviousYear | None:
    """The reverse of `previous_to_dict` (None stays None). Raises DraftError with a
    Chinese reason when the content is not what `previous_to_dict` writes."""
    try:
        return _decode_previous(raw)
    except _Invalid as exc:
        raise DraftError(str(exc)) from None


def printed_to_dict(printed: dict[str, Value | None]) -> dict[str, int | str | None]:
    """Printed totals (Report.printed) as plain JSON types (a draft's "printed" part;
    exported workbooks carry the same, see exporters/xlsx.py)."""
    return {cid: None if v is None else encode_value(v) for cid, v in printed.items()}


def printed_from_dict(raw: object, spec: FormatSpec) -> dict[str, Value | None]:
    """The reverse of `printed_to_dict` for a report in `spec`. Raises DraftError with
    a Chinese reason when the content is not what `printed_to_dict` writes."""
    try:
        return _decode_printed(raw, spec)
    except _Invalid as exc:
        raise DraftError(str(exc)) from None


def draft_to_dict(report: Report, saved_at: dt.datetime | None = None) -> dict[str, Any]:
    """The whole file content: the envelope around `report_to_dict`."""
    saved_at = saved_at or dt.datetime.now(dt.timezone.utc)
    return {
        "format": FORMAT_TAG,
        "schema": SCHEMA,
        "app_version": APP_VERSION,
        "saved_at": saved_at.isoformat(timespec="seconds"),
        "report": report_to_dict(report),
    }


def _get(data: dict[str, Any], key: str, types: type | tuple[type, ...]) -> Any:
    if key not in data:
        raise _Invalid(msg.DRAFT_MISSING_KEY.format(key=key))
    value = data[key]
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
        raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key=key))
    return value


def _tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _format(format_id: object) -> FormatSpec:
    if not isinstance(format_id, str) or format_id not in FORMATS:
        known = "、".join(sorted(FORMATS))
        raise _Invalid(msg.DRAFT_UNKNOWN_FORMAT.format(format_id=format_id, known=known))
    return get_format(format_id)


def _cell_name(cell: CellSpec) -> str:
    return f"{cell.id}（{cell.row_label} · {cell.col_label}）"


def _decode_value(raw: object, cell: CellSpec, where: str) -> Value:
    def bad(reason: str) -> _Invalid:
        return _Invalid(
            msg.DRAFT_BAD_VALUE.format(
                where=where, cell=_cell_name(cell), value=clip(raw), reason=reason
            )
        )

    value: object = raw
    if cell.kind is ValueKind.MONEY:
        try:
            if isinstance(raw, str):
                value = parse_amount(raw.strip(), raw)  # plain notation, as typed
            elif isinstance(raw, float):
                value = Decimal(repr(raw))  # a hand-edited file may hold 12.5 as a number
        except InvalidValue as exc:
            raise bad(str(exc)) from None
        except InvalidOperation:
            raise bad(msg.NOT_A_NUMBER.format(text=raw)) from None
    elif isinstance(raw, (str, float)):
        raise bad(msg.NOT_WHOLE.format(text=raw))
    try:
        return check_value(value, cell)
    except InvalidValue as exc:
        raise bad(str(exc)) from None


def _decode_values(raw: object, spec: FormatSpec, where: str, key: str) -> dict[str, Value]:
    if not isinstance(raw, dict):
        raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key=key))
    unknown = [cid for cid in raw if cid not in spec.cell_by_id]
    if unknown:
        shown = "、".join(unknown[:5]) + (f" 等 {len(unknown)} 个" if len(unknown) > 5 else "")
        raise _Invalid(msg.DRAFT_UNKNOWN_CELLS.format(where=where, cells=shown))
    cells = spec.cell_by_id
    return {cid: _decode_value(v, cells[cid], where) for cid, v in raw.items() if v is not None}


def _decode_texts(raw: object, allowed: set[str] | None, key: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key=key))
    if allowed is not None:
        unknown = [k for k in raw if k not in allowed]
        if unknown:
            raise _Invalid(msg.DRAFT_UNKNOWN_TEXT.format(sections="、".join(unknown)))
    texts = {section_id: _readable(text, key) for section_id, text in raw.items()}
    for section_id, text in texts.items():
        _checked(lambda section_id=section_id, text=text: check_text(section_id, text))
    return texts


def _readable(text: str, key: str, one_line: bool = False) -> str:
    """A text or name of a draft as the model holds it (model.texts): line breaks
    as \\n, control characters dropped. Earlier versions stored what was pasted;
    the characters are invisible and no export can hold them, so the draft opens
    without them (logged) rather than not at all."""
    cleaned, dropped = drop_controls(text, one_line)
    if dropped:
        from model.logs import log

        log.warning("draft: control characters %s dropped from %s", describe(dropped), key)
    return cleaned


def _decode_date(raw: object) -> dt.date | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key="date"))
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise _Invalid(msg.DRAFT_BAD_DATE.format(date=raw)) from None


def _decode_extras(raw: dict[str, Any]) -> dict[str, Any]:
    """Extras as `extras_to_dict` wrote them, every number, text and nesting within
    model.limits; the 信息处理费 fields as the text page accepts them."""
    out = {}
    for key, value in raw.items():
        try:
            out[key] = _decode_extra(value)
        except _Invalid as exc:
            raise _Invalid(msg.DRAFT_BAD_EXTRA_VALUE.format(key=key, reason=exc)) from None
    for key, check in ((FEE_COUNT, check_fee_count), (FEE_AMOUNT, check_fee_amount)):
        if out.get(key) is not None:
            try:
                check(out[key])
            except ValueError as exc:
                raise _Invalid(msg.DRAFT_BAD_EXTRA_VALUE.format(key=key, reason=exc)) from None
    return out


def _decode_extra(value: Any, depth: int = 0) -> Any:
    if depth > limits.MAX_NESTING:
        raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key="extras"))
    if isinstance(value, list):
        return [_decode_extra(v, depth + 1) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and _DECIMAL_TAG in value:
            text = value[_DECIMAL_TAG]
            try:  # only the plain text extras_to_dict writes (no 「1e2」, no tuples)
                number = parse_amount(text, text) if isinstance(text, str) else None
            except InvalidValue:
                number = None
            if number is None:
                raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key="extras"))
            _checked(lambda: _check_extra_amount(number))
            return number
        if len(value) == 1 and _DATE_TAG in value:
            try:
                return dt.date.fromisoformat(value[_DATE_TAG])
            except (ValueError, TypeError):
                raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key="extras")) from None
        return {k: _decode_extra(v, depth + 1) for k, v in value.items()}
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int) and abs(value) > limits.MAX_COUNT:
        raise _Invalid(msg.COUNT_TOO_LARGE.format(text=clip(value), limit=limits.MAX_COUNT))
    if isinstance(value, float) and not (math.isfinite(value) and abs(value) <= limits.MAX_MONEY):
        raise _Invalid(msg.NOT_A_NUMBER.format(text=clip(value)))
    if isinstance(value, str) and len(value) > limits.MAX_TEXT_CHARS:
        raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key="extras"))
    return value


def _check_extra_amount(number: Decimal) -> None:
    if not number.is_finite():
        raise InvalidValue(msg.NOT_A_NUMBER.format(text=clip(number)))
    check_amount(number.copy_abs())


def _decode_previous(raw: object) -> PreviousYear | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key="previous"))
    spec = _format(_get(raw, "format_id", str))
    year = _get(raw, "year", int)
    agency = _readable(_get(raw, "agency", str), "previous.agency", one_line=True)
    _checked(lambda: check_year(year))
    _checked(lambda: _check_agency(agency))
    return PreviousYear(
        year=year,
        format_id=spec.id,
        agency=agency,
        values=_decode_values(
            raw.get("values", {}), spec, msg.DRAFT_WHERE_PREVIOUS, "previous.values"
        ),
        texts=_decode_texts(raw.get("texts", {}), None, "previous.texts"),
    )


def _decode_printed(raw: object, spec: FormatSpec) -> dict[str, Value | None]:
    if not isinstance(raw, dict):
        raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key="printed"))
    out: dict[str, Value | None] = {}
    for cid, value in raw.items():
        cell = spec.cell_by_id.get(cid)
        if cell is None or not cell.computed:
            raise _Invalid(msg.DRAFT_UNKNOWN_CELLS.format(where="printed", cells=cid))
        out[cid] = None if value is None else _decode_value(value, _as_input(cell), "printed")
    return out


def _as_input(cell: CellSpec) -> CellSpec:
    from dataclasses import replace

    return replace(cell, terms=())


def _decode_summary(raw: object) -> SummaryInfo | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), list):
        raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key="summary"))
    sources = []
    for item in raw["sources"]:
        if not isinstance(item, dict):
            raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key="summary"))
        kind = item.get("kind", "department")
        if kind not in KINDS:
            raise _Invalid(msg.DRAFT_UNKNOWN_KIND.format(kind=kind))
        year = _get(item, "year", int)
        agency = _readable(_get(item, "agency", str), "summary.agency", one_line=True)
        _checked(lambda year=year: check_year(year))
        _checked(lambda agency=agency: _check_agency(agency))
        sources.append(
            SummarySource(
                agency=agency,
                year=year,
                kind=kind,
                file=item.get("file", "") if isinstance(item.get("file", ""), str) else "",
            )
        )
    return SummaryInfo(tuple(sources))


def _check_agency(agency: str) -> None:
    if len(agency) > limits.MAX_AGENCY_CHARS:
        raise InvalidValue(
            msg.AGENCY_TOO_LONG.format(chars=len(agency), limit=limits.MAX_AGENCY_CHARS)
        )


def _checked(check: Callable[[], object]) -> None:
    """Run a model check; its Chinese refusal becomes the draft's."""
    try:
        check()
    except InvalidValue as exc:
        raise _Invalid(str(exc)) from None


def _report_from(data: object) -> Report:
    if not isinstance(data, dict):
        raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key="report"))
    spec = _format(_get(data, "format_id", str))
    meta = _get(data, "meta", dict)
    kind = _get(meta, "kind", str)
    if kind not in KINDS:
        raise _Invalid(msg.DRAFT_UNKNOWN_KIND.format(kind=kind))
    year = _get(meta, "year", int)
    agency = _readable(_get(meta, "agency", str), "meta.agency", one_line=True)
    _checked(lambda: check_year(year))
    report = Report(spec, year, kind=kind, date=_decode_date(meta.get("date")))
    _checked(lambda: report.check_meta(agency=agency))
    report.meta.agency = agency
    report.meta.year_pending = _get(meta, "year_pending", bool) if "year_pending" in meta else False
    texts = _decode_texts(data.get("texts", {}), set(report.texts), "texts")
    values = _decode_values(_get(data, "values", dict), spec, msg.DRAFT_WHERE_VALUES, "values")
    units = _get(data, "units", dict)
    extras = _get(data, "extras", dict)
    previous = _decode_previous(data.get("previous"))

    report.set_values(values)  # type: ignore[arg-type]  # already checked one by one
    for section_id, text in texts.items():
        report.set_text(section_id, text)
    for cell_id, unit in units.items():
        if cell_id not in spec.cell_by_id:
            raise _Invalid(msg.DRAFT_UNKNOWN_CELLS.format(where="units", cells=cell_id))
        try:
            report.set_unit(cell_id, unit)
        except InvalidValue as exc:
            raise _Invalid(
                msg.DRAFT_BAD_UNIT.format(
                    cell=_cell_name(spec.cell_by_id[cell_id]), unit=unit, reason=exc
                )
            ) from None
    report.extras = _decode_extras(extras)
    report.previous = previous
    report.set_printed(_decode_printed(data.get("printed", {}), spec))
    report.summary = _decode_summary(data.get("summary"))
    report.revision = 0  # a freshly opened draft has no edits
    return report


def report_from_dict(data: dict[str, Any]) -> Report:
    """Rebuild a report from `report_to_dict` output (current schema).
    Raises DraftError naming what is wrong."""
    try:
        return _report_from(data)
    except _Invalid as exc:
        raise DraftError(str(exc)) from None


def check_within_limits(report: Report) -> None:
    """Raise InvalidValue (a Chinese reason naming the field) unless the draft loader
    would accept `report` as it is: every value, text, meta field and extra within
    model.limits, and the whole draft within MAX_DRAFT_BYTES. The one test that
    saving, every importer and every exporter apply."""
    try:
        _encode(report)
    except _Invalid as exc:
        raise InvalidValue(str(exc)) from None


def _encode(report: Report) -> bytes:
    """The draft file's bytes; raises _Invalid for a report `load_draft` would refuse."""
    try:
        data = draft_to_dict(report)
    except DraftError as exc:  # an extra of a type JSON cannot hold
        raise _Invalid(str(exc)) from None
    _report_from(data["report"])  # the loader's own checks, on what would be written
    content = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()
    if len(content) > MAX_BYTES:
        raise _Invalid(msg.DRAFT_SAVE_TOO_LARGE.format(mb=MAX_BYTES // 2**20))
    return content


# ---- migrations ----------------------------------------------------------------------


def _pairs_to_dict(pairs: object, key: str) -> dict[str, Any]:
    if not isinstance(pairs, list):
        raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key=key))
    out: dict[str, Any] = {}
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)):
            raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key=key))
        if pair[0] in out:
            raise _Invalid(msg.DRAFT_WRONG_TYPE.format(key=key))
        out[pair[0]] = pair[1]
    return out


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 0 (the first development builds) kept values as a list of
    [cell id, value] pairs and had no money units (every amount in the cell's
    default unit) and no extras."""
    report = dict(_get(data, "report", dict))
    report["values"] = _pairs_to_dict(report.get("values", []), "values")
    previous = report.get("previous")
    if isinstance(previous, dict):
        previous = dict(previous)
        previous["values"] = _pairs_to_dict(previous.get("values", []), "previous.values")
        report["previous"] = previous
    report.setdefault("units", {})
    report.setdefault("extras", {})
    return {**data, "schema": 1, "report": report}


def _migrate_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 had no printed totals (imports dropped them after a note) and no
    summary marker (a summary was a report like any other). Both start empty;
    an older program must not drop them, hence the new schema."""
    report = dict(_get(data, "report", dict))
    report.setdefault("printed", {})
    report.setdefault("summary", None)
    return {**data, "schema": 2, "report": report}


# MIGRATIONS[n] turns a schema-n draft into a schema-(n+1) draft.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _migrate_0_to_1,
    1: _migrate_1_to_2,
}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Upgrade a draft envelope of an older schema to SCHEMA, one step at a time."""
    schema = data["schema"]
    while schema < SCHEMA:
        data = MIGRATIONS[schema](data)
        schema = data["schema"]
    return data


# ---- files -----------------------------------------------------------------------------


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version of a draft is kept: ``<name>.nianbao.bak``."""
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def load_draft(path: str | os.PathLike[str]) -> Report:
    """Read a draft. Raises DraftError (Chinese, naming the file); never writes the
    draft. Temp files that killed saves of this draft left beside it are removed."""
    path = Path(path)
    name = path.name
    remove_litter(path, fresh=False)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DraftError(msg.DRAFT_TOO_LARGE.format(name=name, mb=MAX_BYTES // 2**20))
        with path.open("rb") as f:
            # read what is there (+1 to notice growth), not a 20 MB buffer per file
            raw = f.read(min(size, MAX_BYTES) + 1)
    except FileNotFoundError:
        raise DraftError(msg.DRAFT_NOT_FOUND.format(name=name)) from None
    except OSError as exc:
        reason = _read_reason(exc)
        raise DraftError(msg.DRAFT_CANNOT_READ.format(name=name, reason=reason)) from None
    if len(raw) > MAX_BYTES:
        raise DraftError(msg.DRAFT_TOO_LARGE.format(name=name, mb=MAX_BYTES // 2**20))
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DraftError(msg.DRAFT_CORRUPT.format(name=name)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_TAG:
        raise DraftError(msg.DRAFT_FOREIGN.format(name=name))
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise DraftError(msg.DRAFT_BAD_SCHEMA.format(name=name, schema=clip(schema)))
    if schema > SCHEMA:
        raise DraftError(msg.DRAFT_NEWER.format(name=name, schema=clip(schema)))
    if schema < 0 or any(n not in MIGRATIONS for n in range(schema, SCHEMA)):
        raise DraftError(msg.DRAFT_BAD_SCHEMA.format(name=name, schema=clip(schema)))
    try:
        data = migrate(data)
        return _report_from(_get(data, "report", dict))
    except _Invalid as exc:
        raise DraftError(msg.DRAFT_INVALID.format(name=name, reason=exc)) from None


def _read_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return msg.DRAFT_READ_NO_PERMISSION
    if isinstance(exc, IsADirectoryError):
        return msg.DRAFT_READ_IS_FOLDER
    return exc.strerror or str(exc)


def _refuse_constant(name: str) -> None:
    raise ValueError(name)  # NaN / Infinity are not JSON and never in our drafts


# The temp files a save makes beside the draft (model.temp_files names them).
_TEMP = ".tmp"
_BACKUP_TEMP = ".bak.tmp"


def remove_litter(path: str | os.PathLike[str], fresh: bool = True) -> list[str]:
    """Remove the temp files that saves of the draft at `path`, killed before they
    finished, left in its folder (``.<name>.XXXXXXXX.tmp`` and ``….bak.tmp``, no
    longer locked by a live save). Nothing else is touched; never raises. Returns
    the names removed. `fresh` False: list the folder again only when it changed
    (opening a thousand drafts of one folder lists it once)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    return sweep(folder, path.name, (_TEMP, _BACKUP_TEMP), fresh)


def file_stamp(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(modification time in ns, size in bytes) of the file at `path`, None when
    there is none: what a window compares before saving over a draft it opened,
    to notice that another window or program saved it meanwhile."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _other_kind_of_file(path: Path) -> bool:
    """Whether `path` holds a file that is not a draft under another name (an
    imported Word report given as the output by mistake): never replaced by a
    draft. A file named .nianbao may be replaced, as a save replaces it."""
    if path.suffix.lower() == ".nianbao" or not path.is_file():
        return False
    try:
        with path.open("rb") as f:
            head = f.read(256)
    except OSError:
        return False  # the write itself will say why
    return f'"format": "{FORMAT_TAG}"'.encode() not in head


def save_draft(report: Report, path: str | os.PathLike[str]) -> Path:
    """Write `report` to `path` atomically, keeping the previous file as .bak.
    Raises DraftError; on failure the existing file is untouched and no temp
    file is left behind. A report the loader would refuse (a value outside
    model.limits, a draft over MAX_DRAFT_BYTES) is refused before anything is
    written, and so is a path holding another kind of file. Returns the path
    written."""
    path = Path(path)
    # 「原文件未被改动」 only when there is an original file to speak of
    failed = msg.DRAFT_SAVE_FAILED if path.exists() else msg.DRAFT_SAVE_FAILED_NEW
    try:
        content = _encode(report)
    except _Invalid as exc:
        raise DraftError(failed.format(name=path.name, reason=exc), str(exc)) from None
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        reason = msg.DRAFT_SAVE_NO_FOLDER.format(folder=folder)
        raise DraftError(failed.format(name=path.name, reason=reason), reason)
    if _other_kind_of_file(path):
        reason = msg.DRAFT_SAVE_OVER_OTHER
        raise DraftError(failed.format(name=path.name, reason=reason), reason)
    remove_litter(path)
    temps: list[str] = []
    fds: list[int] = []
    try:
        tmp = _write_temp(folder, path.name, content, temps, fds)
        if path.exists():
            _keep_backup(path, temps)
            with contextlib.suppress(OSError):
                shutil.copymode(path, tmp)  # keep the draft's permissions
        if os.name == "nt":  # Windows renames only closed files
            _close(fds)
        os.replace(tmp, path)
        temps.remove(tmp)
        _fsync_folder(folder)
    except OSError as exc:
        reason = _save_reason(exc)
        raise DraftError(failed.format(name=path.name, reason=reason), reason) from None
    finally:
        _close(fds)  # the lock that told sweeps "being written" ends here
        for leftover in temps:
            with contextlib.suppress(OSError):
                os.remove(leftover)
    return path


def _close(fds: list[int]) -> None:
    while fds:
        with contextlib.suppress(OSError):
            os.close(fds.pop())


def _write_temp(folder: Path, name: str, content: bytes, temps: list[str], fds: list[int]) -> str:
    """Write `content` to a new locked temp file; it stays open (and locked) in `fds`."""
    fd, tmp = make_locked_temp(folder, name, _TEMP)
    fds.append(fd)
    temps.append(tmp)
    with os.fdopen(fd, "wb", closefd=False) as f:
        f.write(content)
        f.flush()
        os.fsync(f.fileno())
    return tmp


def _keep_backup(path: Path, temps: list[str]) -> None:
    """Copy the current file to .bak (via a temp, so a crash leaves no half .bak).
    The original stays in place until the new version replaces it."""
    fd, tmp = make_locked_temp(path.parent, path.name, _BACKUP_TEMP)
    temps.append(tmp)
    try:
        with os.fdopen(fd, "wb", closefd=False) as dst, path.open("rb") as src:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        if os.name == "nt":
            os.close(fd)
            fd = -1
        os.replace(tmp, backup_path(path))
        temps.remove(tmp)
    finally:
        if fd >= 0:
            os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory fsync)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _save_reason(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return msg.DRAFT_READ_IS_FOLDER
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return msg.DRAFT_SAVE_NO_PERMISSION
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return msg.DRAFT_SAVE_DISK_FULL
    if exc.errno == errno.EROFS:
        return msg.DRAFT_SAVE_READ_ONLY
    return exc.strerror or str(exc)
