"""The rules themselves, as data: code, name, the severities a rule reports, a
plain explanation and its basis.

One source for everything that explains a rule to a person: the README's rule
table and the help page 「校验规则说明」 are both `rules_table_markdown()`, and the
problems panel names a rule by `rule_info(code)`. Tests check that every issue
the engine reports carries a code listed here, with one of its severities.

Where each rule comes from in the specification (`../shared/spec/formats.md`):
R1–R14 are its §6 table (R12 also §1, R14 also §0 第四十九条); R15 is §0's
第四十七条 note on copied reports; R16 keeps §6's R2–R4 for totals an imported
document printed; R17 is §0's statistics period (1月1日 to 12月31日 of the report
year). The Chinese texts live in `model.messages.RULE_INFO`.
"""

from __future__ import annotations

from dataclasses import dataclass

from model import messages as msg
from model.issues import Severity

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class RuleInfo:
    code: str  # "R1" … "R17"
    name: str  # 「勾稽关系」
    severities: tuple[Severity, ...]  # what its issues may be; () for totals the program computes
    explanation: str  # what is checked, in plain Chinese
    basis: str  # on what grounds (the format, the 条例), in Chinese
    spec_ref: str  # where in formats.md (for developers)

    @property
    def severity_text(self) -> str:
        """「错误」, 「警告/提示」, or 「自动计算」 for R2–R4."""
        if not self.severities:
            return msg.RULE_COMPUTED
        return "/".join(s.label for s in self.severities)


# code -> (severities, formats.md reference)
_RULES: dict[str, tuple[tuple[Severity, ...], str]] = {
    "R1": ((_E,), "§4 header note, §6 R1"),
    "R2": ((), "§6 R2"),
    "R3": ((), "§6 R3"),
    "R4": ((), "§6 R4"),
    "R5": ((_E,), "§3, §6 R5"),
    "R6": ((_E,), "§6 R6"),
    "R7": ((_W,), "§6 R7"),
    "R8": ((_W,), "§6 R8"),
    "R9": ((_W,), "§6 R9"),
    "R10": ((_W,), "§6 R10"),
    "R11": ((_I,), "§6 R11"),
    "R12": ((_E,), "§1, §6 R12"),
    "R13": ((_W, _I), "§2, §6 R13"),
    "R14": ((_W, _I), "§0 第四十九条, §6 R14"),
    "R15": ((_W,), "§0 第四十七条 (内容雷同)"),
    "R16": ((_E,), "§6 R2–R4, for printed totals"),
    "R17": ((_W,), "§0 statistics period"),
}


def _info(code: str, severities: tuple[Severity, ...], spec_ref: str) -> RuleInfo:
    name, explanation, basis = msg.RULE_INFO[code]
    return RuleInfo(code, name, severities, explanation, basis, spec_ref)


RULES: tuple[RuleInfo, ...] = tuple(_info(code, *rest) for code, rest in _RULES.items())
_BY_CODE = {r.code: r for r in RULES}


def rule_info(code: str) -> RuleInfo | None:
    """The rule named `code` ("R7"), or None for a code no rule has."""
    return _BY_CODE.get(code)


def rules_table_markdown() -> str:
    """The rule table as Markdown (README 「校验规则」 and the help page): one row
    per rule — code, name, what is checked, severity, basis."""
    head = msg.RULE_TABLE_HEAD
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in RULES:
        cells = (r.code, r.name, r.explanation, r.severity_text, r.basis)
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
