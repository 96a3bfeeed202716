; SPDX-License-Identifier: EUPL-1.2
; The example "modules" of docs/regeltaal.md in CLIPS 6.30: defmodules CONTROLE and RAPPORT,
; (focus CONTROLE RAPPORT) and (return). ctest clips_modules runs both and compares their output
; line for line.
(defmodule MAIN (export ?ALL))
(deftemplate meting (slot id) (slot waarde))
(deftemplate fase (slot naam))
(deffacts begin
  (meting (id 1) (waarde 5))
  (meting (id 2) (waarde -3))
  (meting (id 3) (waarde 7))
  (meting (id 4) (waarde 2))
  (fase (naam start)))
(defmodule CONTROLE (import MAIN ?ALL))
(defmodule RAPPORT (import MAIN ?ALL))
(defrule MAIN::start
  ?f <- (fase (naam start))
  =>
  (printout t "start()" crlf)
  (retract ?f)
  (focus CONTROLE RAPPORT))
(defrule MAIN::klaar
  (declare (salience -1))
  (meting (id 1))
  =>
  (printout t "klaar()" crlf))
(defrule CONTROLE::ongeldig
  ?m <- (meting (id ?i) (waarde ?w&:(< ?w 0)))
  =>
  (printout t "weg(id: " ?i ")" crlf)
  (retract ?m))
(defrule RAPPORT::toon
  (meting (id ?i) (waarde ?w))
  =>
  (printout t "meting(id: " ?i ", waarde: " ?w ")" crlf)
  (if (> ?w 6) then
    (printout t "genoeg()" crlf)
    (return))
  (printout t "verder()" crlf))
(reset)
(run)
(exit)
