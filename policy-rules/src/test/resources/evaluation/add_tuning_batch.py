#!/usr/bin/env python3
"""Adds a later batch of blind mails to the tuning half only (the frozen half is never extended or edited).
    python3 add_tuning_batch.py INCOMING_PACK_DIR NAME
copies the pack folder's suite.yaml and mails to tuning/NAME/."""
import shutil, sys, pathlib, yaml
src = pathlib.Path(sys.argv[1]); out = pathlib.Path(__file__).resolve().parent / 'tuning' / sys.argv[2]
suite = yaml.safe_load((src / 'suite.yaml').read_text(encoding='utf-8'))
out.mkdir(parents=True, exist_ok=True)
for c in suite['cases']:
    shutil.copy2(src / c['mail'], out / c['mail'])
header = (f"# {src.name}: a later batch of blind evaluation mails, tuning half only (add_tuning_batch.py).\n"
          "# Written from the policy catalogue by people who never saw the detectors. Tuned on.\n")
(out / 'suite.yaml').write_text(header + yaml.safe_dump(suite, allow_unicode=True, sort_keys=False, width=110), encoding='utf-8')
print(out, len(suite['cases']))
