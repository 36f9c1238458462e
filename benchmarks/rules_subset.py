#!/usr/bin/env python3
"""Copy a rule directory keeping only its first N fact rules.

usage: rules_subset.py RULES_DIR OUT_DIR N     (N = 'all' keeps every rule)
       rules_subset.py RULES_DIR --count       (prints the number of fact rules)

Files are read in name order, as solieu reads them, and fact rules are
counted across files in that order. Every other rule (ignore, period,
header, entity, relation ...) and every define is kept, so the reduced set
still loads and only the fact rules' share of the cost changes.
"""
import os
import re
import sys

RULE_START = re.compile(r'^rule\s+(\S+)')
BLOCK_END = re.compile(r'^(?:rule|define)\s')
KIND = re.compile(r'^\s+kind\s+(\S+)')


def blocks(text):
    """Splits a rule file into (kind or None, text) blocks; None for
    anything outside a rule (comments, defines)."""
    out, cur, kind = [], [], None
    for line in text.splitlines(keepends=True):
        if BLOCK_END.match(line):
            if cur:
                out.append((kind, ''.join(cur)))
            cur = [line]
            kind = 'fact' if RULE_START.match(line) else None
            continue
        if kind is not None:
            m = KIND.match(line)
            if m:
                kind = m.group(1)
        cur.append(line)
    if cur:
        out.append((kind, ''.join(cur)))
    return out


def rule_files(folder):
    return sorted(f for f in os.listdir(folder) if f.endswith('.rules'))


def main():
    if len(sys.argv) == 3 and sys.argv[2] == '--count':
        n = 0
        for f in rule_files(sys.argv[1]):
            with open(os.path.join(sys.argv[1], f), encoding='utf-8') as fh:
                n += sum(1 for kind, _ in blocks(fh.read()) if kind == 'fact')
        print(n)
        return
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip())
    src, out, limit = sys.argv[1], sys.argv[2], sys.argv[3]
    keep = None if limit == 'all' else int(limit)
    os.makedirs(out, exist_ok=True)
    seen = 0
    for f in rule_files(src):
        with open(os.path.join(src, f), encoding='utf-8') as fh:
            parts = []
            for kind, text in blocks(fh.read()):
                if kind == 'fact':
                    seen += 1
                    if keep is not None and seen > keep:
                        continue
                parts.append(text)
        with open(os.path.join(out, f), 'w', encoding='utf-8') as fh:
            fh.write(''.join(parts))


if __name__ == '__main__':
    main()
