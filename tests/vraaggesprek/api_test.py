# SPDX-License-Identifier: EUPL-1.2
"""POST /api/v1/vragen of `wegwijzer serve` (docs/vraaggesprek.md): the open questions for the profile
in the body, in the contract's shape and order, the same as the terminal interview asks; an
interview driven through the API alone ends with the example's advice; a bad profile is a 422."""
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile

wegwijzer, voorbeelden = os.path.abspath(sys.argv[1]), sys.argv[2]
proces = subprocess.Popen([wegwijzer, "serve", "--poort", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
regel = proces.stdout.readline().decode()
m = re.fullmatch(r"wegwijzer luistert op http://127\.0\.0\.1:(\d+)/\n", regel)
assert m, regel
poort = int(m.group(1))


def vragen(lichaam, soort="application/json"):
    c = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
    c.request("POST", "/api/v1/vragen", body=lichaam.encode(), headers={"Content-Type": soort})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, json.loads(data)


try:
    status, doc = vragen(json.dumps({"gemeente": {"naam": "Testdorp"}}))
    assert status == 200, (status, doc)
    assert [v["id"] for v in doc["vragen"]] == ["drijfveer.bepaald", "communicatie.boodschappen"], doc
    eerste = doc["vragen"][0]
    assert list(eerste) == ["id", "veld", "tekst", "hulp", "type", "keuzes", "stap", "waarom"], list(eerste)
    assert eerste["type"] == "ja-nee" and eerste["stap"] == 1 and eerste["tekst"] and eerste["hulp"], eerste
    assert "drijfveer.bepalen" in eerste["waarom"], eerste["waarom"]

    status, doc = vragen("gemeente: {naam: Testdorp}\ndrijfveer: {bepaald: true}\n", "application/yaml")
    assert status == 200, (status, doc)
    soort = doc["vragen"][0]
    assert soort["veld"] == "drijfveer.soort" and soort["type"] == "keuze", soort
    assert [k["id"] for k in soort["keuzes"]] == ["vergelijking", "streven", "leren", "anders"], soort["keuzes"]
    assert all(k["naam"] for k in soort["keuzes"]), soort["keuzes"]

    # Rows: the question names the row it is about.
    status, doc = vragen(json.dumps({"gemeente": {"naam": "T"}, "drijfveer": {"bepaald": True, "soort": "streven",
                                     "gedeeld_met_bestuur": True}, "bronnen": [{"id": "veiligheidsmonitor"}]}))
    partner = [v for v in doc["vragen"] if v["id"] == "bronnen[1].partner"]
    assert partner and partner[0]["tekst"] == "Van wie komt de Veiligheidsmonitor?", doc

    # "Weet ik niet" answers it: the question is gone.
    status, doc = vragen("gemeente: {naam: T}\nvraaggesprek: {onbekend: [drijfveer.bepaald, communicatie.boodschappen]}\n",
                         "application/yaml")
    assert status == 200 and doc == {"vragen": []}, doc

    # A bad profile: 422 with the reader's messages.
    status, doc = vragen(json.dumps({"gemeente": {"naam": "T"}, "drijfveer": {"soort": "misschien"}}))
    assert status == 422 and doc["fouten"] and "misschien" in doc["fouten"][0]["melding"], (status, doc)

    # The example that has just started, interviewed through the API alone: the same questions as the
    # command line's replay asks, and in the end nothing left to ask.
    pad = os.path.join(voorbeelden, "01-beginnend.yaml")
    verslag = json.loads(subprocess.run([wegwijzer, "vraaggesprek", "--naspelen", pad], capture_output=True,
                                        text=True, check=True).stdout)
    profiel = {"gemeente": {"naam": "Heuvelrode"}}
    gesteld = ["gemeente.naam"]
    onbekend = []
    for _ in range(20):
        status, doc = vragen(json.dumps(dict(profiel, **({"vraaggesprek": {"onbekend": onbekend}} if onbekend else {}))))
        assert status == 200, doc
        if not doc["vragen"]:
            break
        v = doc["vragen"][0]
        gesteld.append(v["id"])
        if v["id"] == "gemeente.inwoners":
            profiel["gemeente"]["inwoners"] = 42000
        else:
            onbekend.append(v["id"])
    assert gesteld == [q["id"] for q in verslag["vragen"]], (gesteld, verslag["vragen"])
finally:
    proces.send_signal(signal.SIGTERM)
    proces.wait(timeout=30)
print("ok")
