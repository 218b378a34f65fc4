#!/usr/bin/env python3
"""Makes templates/charts/fonts/WorkbenchChartSans-Regular.otf, the font the charts render their Chinese text with
(docs/chart-font.md): a subset of Noto Sans S Chinese Regular covering GB 2312 (6 763 hanzi and its symbols), ASCII,
Latin-1, CJK punctuation, full-width forms and every character of the app's own labels (shared/, templates/),
renamed because the upstream licence reserves the name. Also writes the covered code points as ranges to
chart-font-coverage.json, which the chart renderer uses to say which characters of a text it cannot draw.

Needs fontTools (Debian: apt-get install python3-fonttools). Run through scripts/make-chart-font.sh, which fetches
the source font with npm.
"""
import json
import pathlib
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Workbench Chart Sans"
POSTSCRIPT = "WorkbenchChartSans-Regular"
ROOT = pathlib.Path(__file__).resolve().parent.parent


def gb2312() -> set[int]:
    out = set()
    for row in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xF8)):
        for cell in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([row, cell]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


def app_labels() -> set[int]:
    chars = set()
    for folder in ("shared", "templates"):
        for path in (ROOT / folder).rglob("*.ts"):
            chars.update(ord(c) for c in path.read_text(encoding="utf-8") if ord(c) > 0x7F)
    return chars


def wanted() -> set[int]:
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x2027), (0x2030, 0x205E), (0x2190, 0x2193), (0x2460, 0x2473),
              (0x3000, 0x303F), (0xFF01, 0xFF5E), (0xFFE0, 0xFFE6)]
    chars = {c for lo, hi in ranges for c in range(lo, hi + 1)}
    chars |= {0x25A1, 0x25CB, 0x25CF, 0x2611, 0x2713, 0x2717, 0x2103, 0x33A1}  # □ ○ ● ☑ ✓ ✗ ℃ ㎡
    return chars | gb2312() | app_labels()


def rename(font: TTFont) -> None:
    name = font["name"]
    upstream = name.getDebugName(0) or ""
    # Windows (platform 3) names only: every renderer reads them, and Mac Roman cannot hold the Chinese ones.
    name.names = [r for r in name.names if r.platformID == 3 and r.nameID not in (0, 1, 2, 3, 4, 6, 10, 13, 14, 16, 17, 21, 22)]
    for name_id, text in {
        0: f"{upstream} Subset and renamed for the 孵化器培育服务工作台 charts.",
        1: FAMILY,
        2: "Regular",
        3: f"{POSTSCRIPT};subset-of-NotoSansHans-Regular-1.000",
        4: f"{FAMILY} Regular",
        6: POSTSCRIPT,
        10: "A subset of Noto Sans S Chinese Regular 1.000 (Adobe, Google), renamed as its licence requires of a modified version.",
        13: "This Font Software is licensed under the SIL Open Font License, Version 1.1 (see LICENSE-OFL.txt beside this file).",
        14: "https://openfontlicense.org",
    }.items():
        name.setName(text, name_id, 3, 1, 0x409)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [POSTSCRIPT]
        top = cff.topDictIndex[0]
        top.FullName = f"{FAMILY} Regular"
        top.FamilyName = FAMILY


def coverage_ranges(font: TTFont) -> list[list[int]]:
    points = sorted(font.getBestCmap().keys())
    ranges: list[list[int]] = []
    for p in points:
        if ranges and p == ranges[-1][1] + 1:
            ranges[-1][1] = p
        else:
            ranges.append([p, p])
    return ranges


def main(source: str) -> None:
    out_dir = ROOT / "templates" / "charts" / "fonts"
    font = TTFont(source)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted())
    subsetter.subset(font)
    rename(font)
    font.save(out_dir / f"{POSTSCRIPT}.otf")
    ranges = coverage_ranges(font)
    (out_dir / "chart-font-coverage.json").write_text(json.dumps({"family": FAMILY, "ranges": ranges}, separators=(",", ":")) + "\n")
    size = (out_dir / f"{POSTSCRIPT}.otf").stat().st_size
    print(f"{POSTSCRIPT}.otf: {size} bytes, {sum(b - a + 1 for a, b in ranges)} code points in {len(ranges)} ranges")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not re.search(r"\.otf$", sys.argv[1]):
        sys.exit("usage: make-chart-font.py NotoSansHans-Regular.otf")
    main(sys.argv[1])
