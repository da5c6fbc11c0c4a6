#!/usr/bin/env python3
"""Splits the blind evaluation mails once into a tuning half and a frozen half.

Run once, when the mails and their reviewed labels arrive:
    python3 split.py INCOMING_DIR
INCOMING_DIR holds one folder per pack (<pack>/suite.yaml and its .eml files). Within each pack
the cases are shuffled with a fixed seed and cut in two; each half gets its own suite.yaml beside
copies of its mails. The frozen half is never tuned on and never edited afterwards.
"""
import random, shutil, sys, pathlib, yaml

SEED = 20261123
src = pathlib.Path(sys.argv[1])
out = pathlib.Path(__file__).resolve().parent
for pack_dir in sorted(p for p in src.iterdir() if p.is_dir() and (p / 'suite.yaml').exists()):
    suite = yaml.safe_load((pack_dir / 'suite.yaml').read_text(encoding='utf-8'))
    cases = sorted(suite['cases'], key=lambda c: c['mail'])
    random.Random(SEED).shuffle(cases)
    half = (len(cases) + 1) // 2
    for name, part in (('tuning', cases[:half]), ('frozen', cases[half:])):
        dest = out / name / pack_dir.name
        dest.mkdir(parents=True, exist_ok=True)
        for c in part:
            shutil.copy2(pack_dir / c['mail'], dest / c['mail'])
        header = (f"# {pack_dir.name}: {name} half of the blind evaluation mails (split.py, seed {SEED}).\n"
                  "# Written from the policy catalogue by people who never saw the detectors; labels reviewed\n"
                  "# against the catalogue before any run. " +
                  ("Never tuned on, never edited.\n" if name == 'frozen' else "Tuned on.\n"))
        body = yaml.safe_dump({'policy': suite['policy'], 'cases': part}, allow_unicode=True, sort_keys=False, width=110)
        (dest / 'suite.yaml').write_text(header + body, encoding='utf-8')
        print(f"{name:7s} {pack_dir.name:24s} {len(part)}")
