#!/usr/bin/env python3
"""Exports of product code (main/, preload/, renderer/) that no other file names: dead exports.

Usage: python3 scripts/dead-exports.py [--types]
Lists values (const, function, class) by default; --types adds interfaces and types. A name is
alive when any other tracked source file (tests, benches and scripts included) mentions it.
Exits 1 when it lists anything, so it can guard a tree that is clean.
"""
import re
import subprocess
import sys

KINDS = r'const|function|async function|class|let' + (r'|interface|type|enum' if '--types' in sys.argv else '')
EXPORT = re.compile(rf'^export (?:{KINDS}) (\w+)', re.M)
SOURCE = re.compile(r'\.(ts|tsx|mjs|js)$')
SKIP = ('/medusa/app/', 'template-files.generated', 'node_modules/')

files = [
    f for f in subprocess.run(['git', 'ls-files'], capture_output=True, text=True, check=True).stdout.split()
    if SOURCE.search(f) and not any(s in f for s in SKIP)
]
text = {f: open(f, encoding='utf8').read() for f in files}
product = [
    f for f in files
    if f.split('/')[0] in ('main', 'preload', 'renderer') and not re.search(r'\.(test|fixture)\.', f)
]
dead = []
for f in product:
    for name in EXPORT.findall(text[f]):
        word = re.compile(rf'\b{name}\b')
        if not any(word.search(t) for g, t in text.items() if g != f):
            dead.append(f'{f}: {name}')
print('\n'.join(dead) if dead else 'no dead exports')
sys.exit(1 if dead else 0)
