#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Memory of one running service over a long stream of consultations over HTTP.

Gebruik: dienst_geheugen.py WEGWIJZER [--verzoeken N] [--meting-na M] [--verbindingen K] [--grens PCT]

Starts `WEGWIJZER serve` on a free loopback port and sends N requests POST /api/v1/advies over K
keep-alive connections, each profile with a gemeente and a wijk name of its own (so every advice text
that names them is new), alternately as JSON and as YAML (both readers). The resident memory of the
service (VmRSS in /proc/PID/status) after the last request must be at most PCT % above what it was
after the first M (the contract: "Memory stays bounded whatever the stream of requests"). Defaults:
200,000 requests, measured after 10,000, 4 connections, 10 %. Prints the figures; exit 0 when the
bound holds, 1 when not, 2 when the service could not be started or tested. Standard library only.
"""
import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time


def resident_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for regel in f:
            if regel.startswith("VmRSS:"):
                return int(regel.split()[1])
    raise RuntimeError("geen VmRSS in /proc/PID/status")


# A small profile whose wijk stands out, so that advice texts interpolate the gemeente and the wijk
# (tests/advies/geheugen_test.cpp has the same one): new texts every time, a cheap consultation.
def profiel(i):
    if i % 2 == 0:
        return "application/json", (
            f'{{"versie": 1, "gemeente": {{"naam": "Gemeente {i}", "inwoners": {20000 + i % 90000}}},\n'
            ' "metingen": [{"indicator": "onveilig_buurt", "waarde": 17.0, "vergelijkbaar": 14.0, "jaar": 2023, "marge": 1.5},\n'
            f'  {{"indicator": "onveilig_buurt", "waarde": {26 + i % 7}.0, "gebied": "Wijk {i}", "jaar": 2023}}]}}\n').encode()
    return "application/yaml", (
        f"versie: 1\ngemeente: {{naam: Gemeente {i}, inwoners: {20000 + i % 90000}}}\n"
        "metingen:\n"
        "  - {indicator: onveilig_buurt, waarde: 17.0, vergelijkbaar: 14.0, jaar: 2023, marge: 1.5}\n"
        f"  - {{indicator: onveilig_buurt, waarde: {26 + i % 7}.0, gebied: Wijk {i}, jaar: 2023}}\n").encode()


class Fout(Exception):
    pass


def lees_antwoord(s, buffer):
    """One response from socket `s`: (status, body, whether the service closes the connection after
    it, what is left in the buffer)."""
    while b"\r\n\r\n" not in buffer:
        deel = s.recv(65536)
        if not deel:
            raise Fout("de dienst sloot de verbinding")
        buffer += deel
    kop, _, rest = buffer.partition(b"\r\n\r\n")
    status = int(kop.split(b" ", 2)[1])
    m = re.search(rb"\r\ncontent-length: *(\d+)", kop, re.I)
    if not m:
        raise Fout(f"antwoord zonder Content-Length: {kop[:200]!r}")
    lengte = int(m.group(1))
    while len(rest) < lengte:
        deel = s.recv(65536)
        if not deel:
            raise Fout("de dienst sloot de verbinding")
        rest += deel
    sluit = re.search(rb"\r\nconnection: *close", kop, re.I) is not None
    return status, rest[:lengte], sluit, rest[lengte:]


def stuur(poort, nummers, uitkomst):
    """Sends the profiles numbered `nummers` over one keep-alive connection. A plain socket: the
    client must not be what limits the test (http.client costs more than the service here)."""
    s = None
    try:
        for i in nummers:
            if s is None:
                # Anew when the service closed the last one (it serves so many requests per connection).
                s = socket.create_connection(("127.0.0.1", poort), timeout=60)
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                buffer = b""
            soort, lichaam = profiel(i)
            s.sendall(b"POST /api/v1/advies HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + soort.encode() +
                      b"\r\nContent-Length: " + str(len(lichaam)).encode() + b"\r\n\r\n" + lichaam)
            status, antwoord, sluit, buffer = lees_antwoord(s, buffer)
            if status != 200:
                raise Fout(f"profiel {i}: status {status}: {antwoord[:300]!r}")
            # The names reach the advice: otherwise this would measure nothing that is new per profile.
            if i % 1000 == 1 and f"Wijk {i}".encode() not in antwoord:
                raise Fout(f"profiel {i}: geen advies noemt de wijk van het profiel")
            if sluit:
                s.close()
                s = None
    except (Fout, OSError, ValueError, IndexError) as e:
        uitkomst.append(str(e))
    finally:
        if s is not None:
            s.close()


def reeks(poort, van, tot, verbindingen):
    """Profiles van..tot-1, spread over the connections; returns when all are answered."""
    uitkomst = []
    draden = [threading.Thread(target=stuur, args=(poort, range(van + k, tot, verbindingen), uitkomst))
              for k in range(verbindingen)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    if uitkomst:
        raise Fout(uitkomst[0])


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("wegwijzer")
    p.add_argument("--verzoeken", type=int, default=200000)
    p.add_argument("--meting-na", type=int, default=10000)
    p.add_argument("--verbindingen", type=int, default=4)
    p.add_argument("--grens", type=float, default=10.0)
    a = p.parse_args()
    if not 0 < a.meting_na < a.verzoeken or a.verbindingen < 1:
        print("dienst_geheugen: fout: nodig is 0 < --meting-na < --verzoeken en --verbindingen >= 1", file=sys.stderr)
        return 2
    omgeving = dict(os.environ)
    omgeving.pop("WEGWIJZER_KB", None)
    # The log (a line per request) goes to a file: it is not memory of the service.
    with tempfile.TemporaryFile() as log:
        dienst = subprocess.Popen([a.wegwijzer, "serve", "--poort", "0", "--threads", str(a.verbindingen + 2)],
                                  stdout=subprocess.PIPE, stderr=log, env=omgeving)
        try:
            regel = dienst.stdout.readline().decode()
            m = re.fullmatch(r"wegwijzer luistert op http://127\.0\.0\.1:(\d+)/\n", regel)
            if not m:
                log.seek(0)
                print(f"dienst_geheugen: fout: de dienst startte niet: {regel!r} {log.read().decode(errors='replace')}",
                      file=sys.stderr)
                return 2
            poort = int(m.group(1))
            begin = time.monotonic()
            voor = resident_kb(dienst.pid)
            reeks(poort, 1, a.meting_na + 1, a.verbindingen)
            na_begin = resident_kb(dienst.pid)
            reeks(poort, a.meting_na + 1, a.verzoeken + 1, a.verbindingen)
            na_einde = resident_kb(dienst.pid)
            duur = time.monotonic() - begin
        except Fout as e:
            print(f"dienst_geheugen: fout: {e}", file=sys.stderr)
            return 2
        finally:
            dienst.terminate()
            try:
                dienst.wait(timeout=30)
            except subprocess.TimeoutExpired:
                dienst.kill()
    groei = 100.0 * (na_einde - na_begin) / na_begin
    print(f"verzoeken: {a.verzoeken} over {a.verbindingen} verbindingen in {duur:.1f} s ({a.verzoeken / duur:.0f}/s)")
    print(f"resident: bij de start {voor} kB, na {a.meting_na}: {na_begin} kB, na {a.verzoeken}: {na_einde} kB ({groei:+.1f}%)")
    if groei > a.grens:
        print(f"dienst_geheugen: fout: het geheugen groeide meer dan {a.grens:g}%", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
