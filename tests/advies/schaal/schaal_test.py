#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""A large but legitimate profile costs time in proportion to its size.

Many wijken that all stand out once took quadratic time (8,000 wijken: about a minute, 80,000: more
than five), from a linear search per row and a negation that scanned every measurement per current
figure. Four times the wijken must cost well under sixteen times the CPU time (quadratic), and the
advice counts them in one advice instead of giving one per wijk.

Gebruik: schaal_test.py WEGWIJZER KB
"""
import json
import os
import resource
import subprocess
import sys
import tempfile


def profiel(wijken: int) -> str:
    regels = [
        "versie: 1",
        "gemeente: {naam: Grootstad, inwoners: 400000}",
        "drijfveer: {bepaald: true, soort: vergelijking, gedeeld_met_bestuur: true}",
        "metingen:",
        "  - {indicator: onveilig_buurt, waarde: 13.0, jaar: 2021, marge: 1.4}",
        "  - {indicator: onveilig_buurt, waarde: 15.0, vergelijkbaar: 14.0, jaar: 2023, marge: 1.4}",
        "  - {indicator: overlast, waarde: 30.0, jaar: 2023, marge: 1.4}",
    ]
    # Long names: 8,000 of them in one list would be a text of more than 1 MiB, which the engine
    # refuses; the advice must name some and count the rest.
    for i in range(wijken):
        naam = f"Wijk {i} aan de rivier" + " met de lange naam" * 6
        regels.append(f"  - {{indicator: onveilig_buurt, waarde: {26 + i % 7}.0, gebied: {naam}, jaar: 2023, respondenten: 380}}")
        regels.append(f"  - {{indicator: overlast, waarde: {45 + i % 5}.0, gebied: {naam}, jaar: 2023, respondenten: 380}}")
    regels += [
        "bronnen: [{id: veiligheidsmonitor}, {id: meldingen, partner: politie}]",
        "informatie: {ontbrekend_bepaald: true}",
        "analyse: {uitgevoerd: false}",
    ]
    return "\n".join(regels) + "\n"


def cpu_seconden(wegwijzer: str, kb: str, pad: str) -> tuple[float, dict]:
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    uit = subprocess.run([wegwijzer, "advies", "--format", "json", "--kb", kb, pad],
                         capture_output=True, text=True, timeout=120)
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    if uit.returncode != 0:
        sys.exit(f"FOUT: advies gaf status {uit.returncode}: {uit.stderr[:500]}")
    return (na.ru_utime + na.ru_stime) - (voor.ru_utime + voor.ru_stime), json.loads(uit.stdout)


def main() -> int:
    wegwijzer, kb = sys.argv[1], sys.argv[2]
    tijden = {}
    with tempfile.TemporaryDirectory() as map_:
        for wijken in (2000, 8000):
            pad = os.path.join(map_, f"wijken-{wijken}.yaml")
            with open(pad, "w", encoding="utf-8") as f:
                f.write(profiel(wijken))
            # The fastest of three runs: the kernel's time to hand out fresh memory varies by a factor of
            # two between runs on a busy machine, which is noise here, not the growth being tested.
            metingen = [cpu_seconden(wegwijzer, kb, pad) for _ in range(3)]
            tijden[wijken] = min(t for t, _ in metingen)
            advies = metingen[0][1]
            # Thousands of wijken that stand out make one advice that counts them, not one per wijk.
            samen = [a for a in advies["adviezen"] if a["id"] == "analyse.plekken-vallen-op"]
            verwacht = f"Op {wijken:,} plekken".replace(",", ".")
            if len(samen) != 1 or verwacht not in samen[0]["tekst"]:
                sys.exit(f"FOUT: geen advies analyse.plekken-vallen-op met '{verwacht}' voor {wijken} wijken")
            # Without any qualitative source, the one advice to gather it names where to begin: five
            # wijken and the rest counted (informatie.kwalitatief-wijk would say the same a second time).
            wijk_lijst = [a for a in advies["adviezen"] if a["id"] == "informatie.kwalitatief-ontbreekt"]
            rest = f"en {wijken - 5:,} andere".replace(",", ".")
            if len(wijk_lijst) != 1 or rest not in wijk_lijst[0]["tekst"]:
                sys.exit(f"FOUT: informatie.kwalitatief-ontbreekt noemt niet 5 wijken en '{rest}'")
            if any(a["id"] == "informatie.kwalitatief-wijk" for a in advies["adviezen"]):
                sys.exit("FOUT: informatie.kwalitatief-wijk naast informatie.kwalitatief-ontbreekt")
            if any(a["id"] == "analyse.plek-valt-op" for a in advies["adviezen"]):
                sys.exit(f"FOUT: adviezen per wijk naast het samenvattende advies voor {wijken} wijken")
            print(f"{wijken} wijken: {tijden[wijken]:.2f} s CPU, {len(advies['adviezen'])} adviezen")
    verhouding = tijden[8000] / max(tijden[2000], 0.01)
    print(f"4x de wijken: {verhouding:.1f}x de CPU-tijd (lineair 4, kwadratisch 16)")
    if verhouding >= 10:
        print("FOUT: de tijd groeit sneller dan lineair met het aantal wijken")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
