#!/usr/bin/env python3
"""Reads the shared scorer's last line and fails when a figure is under its bar.

usage: score_bars.py SCORE_LINE_FILE key=min ... [caught=all] [alarms=0] [agree=N]
Keys: precision recall unit metric period scope entity (fractions); caught=all
needs every gold inconsistency caught; caught=N at least N; alarms=N at most N
false alarms; agree=N at least N verdicts agreeing.
"""
import re
import sys

line = open(sys.argv[1], encoding='utf-8').read().strip().splitlines()[-1]
print(line)
figures = {k: float(v) for k, v in re.findall(r'(precision|recall|unit|metric|period|scope|entity) ([0-9.]+)', line)}
m = re.search(r'caught (\d+)/(\d+) inconsistencies, verdicts agree (\d+)/(\d+), false alarms (\d+)', line)
failed = []
for bar in sys.argv[2:]:
    key, want = bar.split('=')
    if key in figures:
        if figures[key] < float(want):
            failed.append(f'{key} {figures[key]:.3f} < {want}')
    elif not m:
        failed.append(f'{key}: the scorer printed no checks figures')
    elif key == 'caught':
        caught, total = int(m.group(1)), int(m.group(2))
        need = total if want == 'all' else int(want)
        if caught < need:
            failed.append(f'caught {caught}/{total} < {need}')
    elif key == 'alarms':
        if int(m.group(5)) > int(want):
            failed.append(f'false alarms {m.group(5)} > {want}')
    elif key == 'agree':
        if int(m.group(3)) < int(want):
            failed.append(f'verdicts agree {m.group(3)} < {want}')
    else:
        failed.append(f'unknown bar {key}')
for f in failed:
    print('FAIL:', f)
sys.exit(1 if failed else 0)
