#!/usr/bin/env python3
"""Copies infrastructure/dashboard.json and alarms.json (generated from the metric catalogue) into template.yaml.

Run after regenerating them (GYMCOACH_UPDATE_INFRA=1 dotnet test tests/GymCoach.Cli.Tests --filter InfrastructureFilesTests);
TemplateTests fails while the template and the files disagree.
"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parents[2] / "infrastructure"
template = (root / "template.yaml").read_text()
marker = "  # Generated from the metric catalogue"
start, end = template.index(marker), template.index("Outputs:")

lines = [
    marker + " (src/Workers/Metrics/MetricCatalogue.cs) via infrastructure/dashboard.json and",
    "  # infrastructure/alarms.json by tools/infra/sync-template.py; TemplateTests fails when they disagree.",
    "  Dashboard:",
    "    Type: AWS::CloudWatch::Dashboard",
    "    Properties:",
    "      DashboardName: !Sub gymcoach-${Stage}",
    "      DashboardBody: !Sub |",
]
lines += ["        " + line for line in (root / "dashboard.json").read_text().rstrip("\n").split("\n")]
lines.append("")
for name, resource in json.loads((root / "alarms.json").read_text()).items():
    lines += [f"  {name}: {json.dumps(resource)}", ""]

(root / "template.yaml").write_text(template[:start] + "\n".join(lines) + "\n" + template[end:])
