"""Check a drawing from Python, list its numbered findings and write every output.

    python docs/example_api.py DRAWING.dxf OUT_FOLDER

Uses the osmark.toml beside the drawing (as the ``osmark`` command does) with one setting
overridden, accepts one finding with a waiver, and writes the JSON, SARIF and JUnit reports,
the annotated image and the marked-up DXF copy into OUT_FOLDER.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import osmark_plan as osmark
from osmark_plan.api import config_for
from osmark_plan.findings import Waiver
from osmark_plan.waivers import apply_waivers


def main(drawing: str, out: str) -> int:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    config = replace(config_for(drawing), lang="en")  # the config the command would use
    report = osmark.check(drawing, config)
    for number, finding in enumerate(report.findings, start=1):
        print(f"{number}. {finding.severity} {finding.rule} {finding.text('en')} #{finding.fingerprint}")
    if report.findings:  # accept the first finding, for the example's sake
        first = report.findings[0]
        waiver = Waiver(first.fingerprint, reason="measures taken (example)", by="example",
                        date="2026-12-01", rule=first.rule)
        report = apply_waivers(report, [waiver])
    for fmt, suffix in (("json", ".json"), ("sarif", ".sarif"), ("junit", ".xml")):
        osmark.write_report(report, folder / f"report{suffix}", format=fmt, lang="en")
    osmark.write_image(report, folder / "plan.png", lang="en")
    osmark.write_dxf(report, folder / "marked.dxf", lang="en")
    print(f"{report.count('error')} errors, {report.waived} waived; outputs in {folder}")
    return 1 if report.has_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
