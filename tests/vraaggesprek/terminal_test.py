# SPDX-License-Identifier: EUPL-1.2
"""wegwijzer vraaggesprek in a pseudo-terminal, as a user types: answers by number and by word, '?',
a wrong answer, 'terug', 'weet ik niet', an interrupted session (the process killed mid-question)
and resuming it; and the refusal without a terminal."""
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import time

wegwijzer = os.path.abspath(sys.argv[1])


class Sessie:
    def __init__(self, args, cwd):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(cwd)
            os.environ["COLUMNS"] = "100"
            os.execv(args[0], args)
        self.uit = ""
        self.gelezen = 0  # what verwacht() has already matched

    def lees(self, tijd):
        eind = time.time() + tijd
        while time.time() < eind:
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if not r:
                continue
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return False
            if not data:
                return False
            self.uit += data.decode("utf-8", errors="replace").replace("\r\n", "\n")
        return True

    def verwacht(self, tekst, tijd=20):
        """Waits for `tekst` after what was matched before; returns the output in between."""
        eind = time.time() + tijd
        while time.time() < eind:
            p = self.uit.find(tekst, self.gelezen)
            if p >= 0:
                stuk = self.uit[self.gelezen:p + len(tekst)]
                self.gelezen = p + len(tekst)
                return stuk
            if not self.lees(0.1):
                # The program ended: what it wrote last may have come with the end.
                p = self.uit.find(tekst, self.gelezen)
                if p >= 0:
                    stuk = self.uit[self.gelezen:p + len(tekst)]
                    self.gelezen = p + len(tekst)
                    return stuk
                break
        raise AssertionError(f"verwacht {tekst!r}; uitvoer na het vorige punt:\n{self.uit[self.gelezen:]}")

    def typ(self, regel):
        self.verwacht("> ")
        os.write(self.fd, (regel + "\n").encode())

    def einde(self, tijd=20):
        eind = time.time() + tijd
        while time.time() < eind:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.lees(0.2)
                return os.waitstatus_to_exitcode(status)
            self.lees(0.1)
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError("het vraaggesprek stopte niet")

    def breek_af(self):
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def lees(pad):
    with open(pad, encoding="utf-8") as f:
        return f.read()


with tempfile.TemporaryDirectory() as tmp:
    profiel = os.path.join(tmp, "mijn-gemeente.yaml")

    # Without a terminal on standard input: a clear refusal, exit 2, no file.
    p = subprocess.run([wegwijzer, "vraaggesprek", profiel], stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert p.returncode == 2, p
    assert "terminal" in p.stderr and "fout" in p.stderr, p.stderr
    assert not os.path.exists(profiel)

    s = Sessie([wegwijzer, "vraaggesprek", profiel], tmp)
    s.verwacht("Voor welke gemeente is dit profiel?")
    s.typ("Testdorp")
    s.verwacht("Is de onderliggende drijfveer bepaald")
    # Why is this asked: the rule that asks it and the advice that reads the answer.
    s.typ("?")
    waarom = s.verwacht("> ")
    assert "Waarom nu:" in waarom and "drijfveer.bepalen" in waarom, waarom
    os.write(s.fd, b"misschien\n")
    s.verwacht("antwoord met ja of nee")
    s.typ("\u00a0ja\u00a0")  # a no-break space pasted around the answer is white space, as in a profile
    vraag = s.verwacht("Een eigen drijfveer")
    assert "1. Vergelijking" in vraag and "2. Streven" in vraag, vraag
    s.typ("2")
    s.verwacht("Delen bestuurders en managers deze drijfveer?")
    assert "soort: streven" in lees(profiel), lees(profiel)  # saved after every answer
    # Back: the choice of drijfveer is asked again and can be changed.
    s.typ("terug")
    s.verwacht("Het vorige antwoord is teruggenomen.")
    s.verwacht("Welke drijfveer is het?")
    assert "soort" not in lees(profiel), lees(profiel)
    s.typ("vergelijking")
    s.verwacht("Delen bestuurders en managers deze drijfveer?")
    s.typ("1")
    # Step 1 done: the advice so far, then step 2.
    s.verwacht("Advies na Stap 1")
    s.verwacht("--- Stap 2: Haal informatie op ---")
    s.verwacht("Hoeveel inwoners heeft de gemeente?")
    # 38.000 as a Dutch reader writes it (and the web app reads it): thirty-eight thousand.
    s.typ("38.000")
    s.verwacht("Welke informatie over veiligheidsbeleving heb je al verzameld?")
    assert "inwoners: 38000" in lees(profiel), lees(profiel)
    s.typ("terug")
    s.verwacht("Het vorige antwoord is teruggenomen.")
    s.verwacht("Hoeveel inwoners heeft de gemeente?")
    s.typ("w")  # weet ik niet
    s.verwacht("Welke informatie over veiligheidsbeleving heb je al verzameld?")
    # Interrupted mid-question: what was answered is in the file, and valid.
    s.verwacht("> ")
    s.breek_af()
    tekst = lees(profiel)
    for stuk in ["naam: Testdorp", "bepaald: true", "soort: vergelijking", "gedeeld_met_bestuur: true",
                 "onbekend: [gemeente.inwoners]"]:
        assert stuk in tekst, (stuk, tekst)
    assert [n for n in os.listdir(tmp) if n != "mijn-gemeente.yaml"] == [], os.listdir(tmp)  # no temporary files left
    a = subprocess.run([wegwijzer, "advies", profiel], capture_output=True, text=True)
    assert a.returncode == 0, a.stderr

    # Resumed: the next question is the one that was open, nothing answered is asked again.
    s = Sessie([wegwijzer, "vraaggesprek", profiel], tmp)
    eerste = s.verwacht("Welke informatie over veiligheidsbeleving heb je al verzameld?")
    assert "Voor welke gemeente" not in eerste and "drijfveer" not in eerste and "inwoners" not in eerste, eerste
    vraag = s.verwacht("> ")
    assert "5. de Veiligheidsmonitor" in vraag and "6. sfeerverhalen uit de buurten" in vraag, vraag
    os.write(s.fd, b"5 6\n")
    s.verwacht("Van wie komt de Veiligheidsmonitor?")
    s.typ("2")
    s.verwacht("Van wie komt sfeerverhalen uit de buurten?")
    s.typ("woningcorporatie")
    s.verwacht("Welke cijfers over beleving heb je")
    # A decimal comma in a row, as in a question for a number: 21,5, not the value 21 and a key "5".
    s.typ("indicator: onveilig_buurt, waarde: 21,5, vergelijkbaar: 15, jaar: 2023")
    s.verwacht(". ")
    os.write(s.fd, b"\n")
    s.verwacht("Wat is de marge van het cijfer voor het onveiligheidsgevoel in de eigen buurt in 2023 (21,5%)")
    # With a % after it, as the web app takes it too.
    s.typ("1,5 %")
    s.verwacht("Is bepaald welke informatie nog ontbreekt?")
    s.typ("stop")
    assert s.einde() == 0
    tekst = lees(profiel)
    for stuk in ["{id: veiligheidsmonitor, partner: politie}", "{id: sfeerverhalen, partner: woningcorporatie}",
                 "indicator: onveilig_buurt", "waarde: 21.5", "marge: 1.5"]:
        assert stuk in tekst, (stuk, tekst)
    # An existing file that is not a valid profile: its problems at their place, exit 2, left as it was.
    kapot = os.path.join(tmp, "kapot.yaml")
    inhoud = "gemeente: {naam: X}\ndrijfveer: {soort: misschien}\n"
    with open(kapot, "w", encoding="utf-8") as f:
        f.write(inhoud)
    s = Sessie([wegwijzer, "vraaggesprek", kapot], tmp)
    s.verwacht("kapot.yaml:2:")
    s.verwacht("fout: onbekende soort drijfveer 'misschien'")
    assert s.einde() == 2
    assert lees(kapot) == inhoud
print("ok")
