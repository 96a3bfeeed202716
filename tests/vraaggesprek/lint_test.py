# SPDX-License-Identifier: EUPL-1.2
"""wegwijzer lint on the interview's questions: a question naming no field of the profile, and a field
the rules read without a question, are errors at their place (exit 2); the bundled ones pass."""
import os
import shutil
import subprocess
import sys
import tempfile

wegwijzer, kb = sys.argv[1], sys.argv[2]
p = subprocess.run([wegwijzer, "lint", "--kb", kb], capture_output=True, text=True)
assert p.returncode == 0, p.stderr
with tempfile.TemporaryDirectory() as tmp:
    kapot = os.path.join(tmp, "kb")
    shutil.copytree(kb, kapot, ignore=shutil.ignore_patterns("tests"))
    pad = os.path.join(kapot, "vragen.yaml")
    with open(pad, encoding="utf-8") as f:
        regels = f.read().split("\n")
    regels = [r.replace('veld: "beleid.vuistregels", tekst', 'veld: "beleid.vuistregel", tekst') for r in regels
              if 'vraagdef(veld: "gemeente.inwoners"' not in r]
    with open(pad, "w", encoding="utf-8") as f:
        f.write("\n".join(regels))
    p = subprocess.run([wegwijzer, "lint", "--kb", kapot], capture_output=True, text=True)
    assert p.returncode == 2, (p.returncode, p.stderr)
    for verwacht in ["vragen.yaml:", "'beleid.vuistregel' noemt geen veld van het gemeenteprofiel",
                     "de regels lezen 'gemeente.inwoners', maar het vraaggesprek heeft er geen vraag voor",
                     "geen regel stelt de vraag naar 'beleid.vuistregel'"]:
        assert verwacht in p.stderr, (verwacht, p.stderr)
print("ok")
