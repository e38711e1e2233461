"""The registry of official formats. A new official revision is a new module here."""

from __future__ import annotations

from model.formats.f2019 import FORMAT_2019
from model.formats.f2021 import FORMAT_2021
from model.spec import FormatSpec

FORMATS: dict[str, FormatSpec] = {f.id: f for f in (FORMAT_2019, FORMAT_2021)}


class UnknownFormat(KeyError):
    pass


def get_format(format_id: str) -> FormatSpec:
    try:
        return FORMATS[format_id]
    except KeyError:
        raise UnknownFormat(format_id) from None


def format_for_year(year: int) -> FormatSpec:
    """The format a report year must use (R12). Years before 2019 have none."""
    for spec in FORMATS.values():
        if spec.applies_to(year):
            return spec
    raise UnknownFormat(str(year))
