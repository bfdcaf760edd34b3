#!/usr/bin/env python3
"""Rewrites the parameter table at the end of docs/model.md from
assets/data/params.csv (test_data_every_parameter_is_documented checks that
every parameter the core declares is in it)."""
import csv
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MARK = "| parameter | value | unit | kind | source | note |"

with open(os.path.join(ROOT, "assets/data/params.csv")) as f:
    rows = [r for r in csv.reader(line for line in f if not line.startswith("#"))][1:]
lines = [MARK, "|---|---|---|---|---|---|"]
for name, value, unit, kind, source, note in (r[:6] for r in rows if r):
    lines.append(f"| `{name}` | {value} | {unit} | {kind} | {source} | {note.replace('|', '/')} |")
path = os.path.join(ROOT, "docs/model.md")
with open(path) as f:
    text = f.read()
head = text[:text.index(MARK)]
with open(path, "w") as f:
    f.write(head + "\n".join(lines) + "\n")
print(f"docs/model.md: {len(lines) - 2} parameters")
