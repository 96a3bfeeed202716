# SPDX-License-Identifier: EUPL-1.2
"""Every example profile, replayed as an interview (wegwijzer vraaggesprek --naspelen): each question
answered from the example ("weet ik niet" where it has nothing). The interview must end with the
example's advice, reach a first advice for a gemeente that has just started within five questions,
ask nothing twice, nothing about step 4 or 5 before step 3 is done, and only relevant questions
(another answer changes the advice or the questions after it). Prints the share of relevant questions.
Further directories (after the examples) hold profiles for cases the examples do not have, replayed the same way."""
import glob
import json
import os
import subprocess
import sys

wegwijzer, voorbeelden, *meer = sys.argv[1:]
fouten = []
gesteld = relevant = 0
bestanden = sorted(glob.glob(os.path.join(voorbeelden, "*.yaml")))
assert len(bestanden) >= 7, bestanden
for map_ in meer:
    extra = sorted(glob.glob(os.path.join(map_, "*.yaml")))
    assert extra, map_
    bestanden += extra
for pad in bestanden:
    p = subprocess.run([wegwijzer, "vraaggesprek", "--naspelen", pad], capture_output=True, text=True)
    if p.returncode != 0:
        fouten.append(f"{pad}: exit {p.returncode}: {p.stderr}")
        continue
    v = json.loads(p.stdout)
    naam = os.path.basename(pad)
    ids = [q["id"] for q in v["vragen"]]
    if not v["advies_gelijk"]:
        fouten.append(f"{naam}: het advies na het vraaggesprek wijkt af van 'wegwijzer advies'")
    if len(ids) != len(set(ids)) or v["dubbel_gesteld"]:
        fouten.append(f"{naam}: een vraag is twee keer gesteld: {ids}")
    if v["stap4_voor_stap3_af"]:
        fouten.append(f"{naam}: een vraag over stap 4 of 5 voordat stap 3 af was")
    if ids[:1] != ["gemeente.naam"]:
        fouten.append(f"{naam}: de eerste vraag is niet de naam: {ids[:1]}")
    # The profile the interview wrote holds what the advice needs: read back, it gives the same advice.
    uit = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"vraaggesprek-{os.getpid()}-{naam}")
    with open(uit, "w", encoding="utf-8") as f:
        f.write(v["profiel"])
    a = subprocess.run([wegwijzer, "advies", uit, "--format", "json"], capture_output=True, text=True)
    b = subprocess.run([wegwijzer, "advies", pad, "--format", "json"], capture_output=True, text=True)
    os.unlink(uit)
    if a.returncode != 0 or a.stdout != b.stdout:
        fouten.append(f"{naam}: het geschreven profiel geeft ander advies (exit {a.returncode}) {a.stderr}")
    for q in v["vragen"]:
        gesteld += 1
        relevant += q["relevant"]
        if not q["relevant"]:
            fouten.append(f"{naam}: vraag {q['id']} doet er niet toe (geen ander antwoord verandert iets)")
    print(f"{naam}: {len(ids)} vragen, eerste advies na {v['vragen_tot_eerste_advies']}")
    if naam.startswith("01-") and v["vragen_tot_eerste_advies"] > 5:
        fouten.append(f"{naam}: het eerste advies komt pas na {v['vragen_tot_eerste_advies']} vragen")
print(f"relevant: {relevant} van {gesteld} gestelde vragen ({100.0 * relevant / max(gesteld, 1):.1f}%)")
for f in fouten:
    print("FOUT", f)
sys.exit(1 if fouten else 0)
