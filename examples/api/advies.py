#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""wegwijzer from Python through its C API (ctypes, no module to build): advice for a
gemeenteprofiel as JSON on standard output, exactly what `wegwijzer advies PROFIEL --format json`
writes; the problems as JSON on standard error (exit status 2).

    python3 advies.py PROFIEL [--bibliotheek PAD/libwegwijzer.so.0] [--kb MAP]

Without --bibliotheek the library is found as any other (ldconfig, LD_LIBRARY_PATH)."""
import argparse
import ctypes
import ctypes.util
import json
import sys

WEGWIJZER_OK = 0
WEGWIJZER_FOUT_ARGUMENT = 4
WEGWIJZER_JSON = 0


class Wegwijzer:
    """One knowledge base; advies() may be called for any number of profiles."""

    def __init__(self, bibliotheek=None, kb=None):
        pad = bibliotheek or ctypes.util.find_library("wegwijzer") or "libwegwijzer.so.0"
        self._lib = lib = ctypes.CDLL(pad)
        # Strings the library allocates come back as c_void_p, so that they can be freed with
        # wegwijzer_vrij after they are read (c_char_p would copy them and lose the pointer).
        lib.wegwijzer_versie.restype = ctypes.c_char_p
        lib.wegwijzer_status_tekst.restype = ctypes.c_char_p
        lib.wegwijzer_status_tekst.argtypes = [ctypes.c_int]
        lib.wegwijzer_kennisbank_open.restype = ctypes.c_int
        lib.wegwijzer_kennisbank_open.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p),
                                                  ctypes.POINTER(ctypes.c_void_p)]
        lib.wegwijzer_kennisbank_sluit.argtypes = [ctypes.c_void_p]
        lib.wegwijzer_advies.restype = ctypes.c_int
        lib.wegwijzer_advies.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                         ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]
        lib.wegwijzer_vrij.argtypes = [ctypes.c_void_p]
        # The advice kept as data, for the group of each item.
        lib.wegwijzer_raadpleeg.restype = ctypes.c_int
        lib.wegwijzer_raadpleeg.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                            ctypes.c_int, ctypes.POINTER(ctypes.c_void_p),
                                            ctypes.POINTER(ctypes.c_void_p)]
        lib.wegwijzer_adviezen_aantal.restype = ctypes.c_size_t
        lib.wegwijzer_adviezen_aantal.argtypes = [ctypes.c_void_p]
        lib.wegwijzer_adviezen_groep.restype = ctypes.c_int
        lib.wegwijzer_adviezen_groep.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_int)]
        lib.wegwijzer_adviezen_sluit.argtypes = [ctypes.c_void_p]
        lib.wegwijzer_groep_naam.restype = ctypes.c_char_p
        lib.wegwijzer_groep_naam.argtypes = [ctypes.c_int]

        self._kb = ctypes.c_void_p()
        fouten = ctypes.c_void_p()
        status = lib.wegwijzer_kennisbank_open(kb.encode() if kb else None, ctypes.byref(self._kb),
                                               ctypes.byref(fouten))
        if status != WEGWIJZER_OK:
            raise WegwijzerFout(status, self._neem(fouten))

    def versie(self):
        return self._lib.wegwijzer_versie().decode()

    def advies(self, profiel: bytes, naam="profiel", formaat=WEGWIJZER_JSON, opties=0) -> str:
        """The advice as the contract's JSON text; raises WegwijzerFout with the problems."""
        uitvoer = ctypes.c_void_p()
        status = self._lib.wegwijzer_advies(self._kb, profiel, len(profiel), naam.encode(), formaat, opties,
                                            ctypes.byref(uitvoer))
        tekst = self._neem(uitvoer)
        if status != WEGWIJZER_OK:
            raise WegwijzerFout(status, tekst)
        return tekst

    def groepen(self, profiel: bytes, naam="profiel", opties=0) -> list:
        """The group of each advice, in the order of the list: "nu_doen", "waarschuwingen" or "verder"
        (the JSON's field "groep"). Raises WegwijzerFout with the problems."""
        lib = self._lib
        adviezen = ctypes.c_void_p()
        fouten = ctypes.c_void_p()
        status = lib.wegwijzer_raadpleeg(self._kb, profiel, len(profiel), naam.encode(), opties,
                                         ctypes.byref(adviezen), ctypes.byref(fouten))
        if status != WEGWIJZER_OK:
            raise WegwijzerFout(status, self._neem(fouten))
        try:
            groep = ctypes.c_int()
            uit = []
            for i in range(lib.wegwijzer_adviezen_aantal(adviezen)):
                status = lib.wegwijzer_adviezen_groep(adviezen, i, ctypes.byref(groep))
                if status != WEGWIJZER_OK:
                    raise WegwijzerFout(status, None)
                uit.append(lib.wegwijzer_groep_naam(groep.value).decode())
            return uit
        finally:
            lib.wegwijzer_adviezen_sluit(adviezen)

    def sluit(self):
        if self._kb:
            self._lib.wegwijzer_kennisbank_sluit(self._kb)
            self._kb = ctypes.c_void_p()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.sluit()

    def _neem(self, pointer):
        """The library's string as str, freed."""
        if not pointer.value:
            return None
        try:
            return ctypes.string_at(pointer.value).decode("utf-8")
        finally:
            self._lib.wegwijzer_vrij(pointer)


class WegwijzerFout(Exception):
    def __init__(self, status, fouten_json):
        self.status = status
        self.fouten = json.loads(fouten_json)["fouten"] if fouten_json else []
        super().__init__(fouten_json or f"status {status}")


def main():
    p = argparse.ArgumentParser(description="advies voor een gemeenteprofiel via libwegwijzer")
    p.add_argument("profiel")
    p.add_argument("--bibliotheek", help="pad van libwegwijzer.so")
    p.add_argument("--kb", help="map met een andere kennisbank")
    a = p.parse_args()
    with open(a.profiel, "rb") as f:
        profiel = f.read()
    try:
        with Wegwijzer(a.bibliotheek, a.kb) as ww:
            sys.stdout.write(ww.advies(profiel, naam=a.profiel))
    except WegwijzerFout as e:
        sys.stderr.write(json.dumps({"fouten": e.fouten}, ensure_ascii=False) + "\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
