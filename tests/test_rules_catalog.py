"""The rule catalogue is the one description of the rules: every issue the engine
reports names a rule listed there, with one of the severities listed for it, and
the README's rule table is the catalogue's table."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

from model.issues import Severity
from model.report import PreviousYear
from model.rules import validate
from model.rules_catalog import RULES, rule_info, rules_table_markdown
from model.sample import load_sample
from tests.factories import random_report
from tests.test_rules import app, clean

ROOT = Path(__file__).resolve().parents[1]


def _reports():
    """Reports that break every rule the engine checks, and some that break none."""
    yield load_sample()
    for seed in range(6):
        yield random_report(random.Random(seed), 2019 + seed, "某某局")
    broken = clean(2021)
    broken.set_values({app("new", "natural"): 5, app("granted", "natural"): 1})  # R1
    broken.set_text("一", "2020年，本局收到政府信息公开申请99件。")  # R10, R17
    broken.set_text("五", "（一）主动公开")  # R13
    broken.set_meta(date=dt.date(2022, 3, 1))  # R14
    yield broken
    old = clean(2020)
    old.set_values({"active.art20_1.regulations.published": 5})  # R9
    old.set_values({app("other", "natural"): 50, app("granted", "natural"): 1})  # R11
    old.set_meta(agency="")
    yield old
    carried = clean(2022)
    carried.set_previous(PreviousYear(2021, "2021", "某某局", {app("carried_out", "natural"): 4}))
    yield carried  # R7


def test_every_issue_names_a_catalogued_rule_with_its_severity():
    seen: set[str] = set()
    for report in _reports():
        for issue in validate(report, today=dt.date(2022, 1, 28)).issues:
            info = rule_info(issue.rule)
            assert info is not None, issue.rule
            assert issue.severity in info.severities, (issue.rule, issue.severity)
            seen.add(issue.rule)
    assert {"R1", "R6", "R7", "R9", "R10", "R11", "R13", "R14", "R17"} <= seen


def test_every_rule_code_the_engine_uses_is_catalogued():
    sources = "".join(
        (ROOT / "model" / name).read_text(encoding="utf-8")
        for name in ("rules.py", "rules_plan.py")
    )
    used = set(re.findall(r'"(R\d+)"', sources))
    assert used <= {r.code for r in RULES}
    assert [r.code for r in RULES] == [f"R{i}" for i in range(1, 18)]


def test_each_rule_has_a_name_an_explanation_and_a_basis():
    for r in RULES:
        assert r.name and r.explanation and r.basis and r.spec_ref
        assert "|" not in r.name
    assert rule_info("R2").severity_text == "自动计算"
    assert rule_info("R14").severity_text == "警告/提示"
    assert rule_info("R99") is None
    assert rule_info("R1").severities == (Severity.ERROR,)


def test_the_readme_rule_table_is_the_catalogues():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rules_table_markdown() in readme, (
        "README's rule table differs from model/rules_catalog.py: "
        "run `uv run python -m gui.help_pages --write-readme`"
    )
