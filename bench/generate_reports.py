"""Realistic report drafts in a folder, for the roll-up benchmark and for trying
`main.py aggregate`:

    uv run python bench/generate_reports.py OUT_DIR [-n 1000] [--year 2023] [--seed 1]

Most reports are complete and balanced, as published reports are; a few are
late, undated, have blank cells or do not balance, and about one in ten is a
township's or sub-district's own report (本级政府), with its later deadline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.drafts import save_draft
from model.report import Report
from tests.factories import random_report

DEPARTMENTS = (
    "发展和改革局",
    "教育局",
    "科学技术局",
    "工业和信息化局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化广电旅游体育局",
    "卫生健康局",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "城市管理局",
    "信访局",
    "林业局",
    "行政审批局",
)
TOWNS = ("城关街道办事处", "东湖街道办事处", "河口镇人民政府", "白沙镇人民政府", "青山乡人民政府")
COUNTIES = ("江东区", "江西区", "南城县", "北山县", "清河县", "云溪县", "临江区", "松林县")
CITIES = ("云州市", "海陵市", "宁远市", "安平市", "青州市")


def agency_names(n: int) -> list[tuple[str, str]]:
    """n distinct (agency, kind) pairs: each county's departments, then its towns."""
    units = [(d, "department") for d in DEPARTMENTS] + [(t, "government") for t in TOWNS]
    pool = [(f"{c}{k}{u}", kind) for c in CITIES for k in COUNTIES for u, kind in units]
    # more than the pool holds: number the extra rounds so names stay distinct
    return [
        (
            pool[i % len(pool)][0] + (f"（{i // len(pool) + 1}）" if i >= len(pool) else ""),
            pool[i % len(pool)][1],
        )
        for i in range(n)
    ]


def realistic_report(rng: random.Random, year: int, agency: str, kind: str) -> Report:
    roll = rng.random()
    blank_ratio = 0.05 if roll < 0.04 else 0.0
    report = random_report(
        rng, year, agency, consistent=rng.random() > 0.03, blank_ratio=blank_ratio, kind=kind
    )
    when = rng.random()
    if when < 0.03:
        report.set_meta(date=None)
    elif when < 0.08:  # late: in February (a government's own report is still in time)
        report.set_meta(date=dt.date(year + 1, 2, rng.randint(1, 28)))
    return report


def generate(folder: Path, n: int = 1000, year: int = 2023, seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i, (agency, kind) in enumerate(agency_names(n)):
        path = folder / f"{i + 1:04d}-{agency}.nianbao"
        save_draft(realistic_report(rng, year, agency, kind), path)
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description="生成用于汇总测试的报告草稿")
    parser.add_argument("folder", type=Path)
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = generate(args.folder, args.n, args.year, args.seed)
    print(f"已生成 {len(paths)} 份报告草稿：{args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
