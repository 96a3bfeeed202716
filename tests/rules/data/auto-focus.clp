; SPDX-License-Identifier: EUPL-1.2
; The example "auto-focus" of docs/regeltaal.md in CLIPS 6.30: a rule with (auto-focus TRUE) in
; module BEWAKING, and duplicate. ctest clips_auto_focus runs both and compares their output line
; for line.
(defmodule MAIN (export ?ALL))
(deftemplate getal (slot n))
(deffacts begin (getal (n 1)))
(defrule vermenigvuldig
  ?g <- (getal (n ?n))
  (test (< ?n 10))
  =>
  (printout t "vermenigvuldig(n: " ?n ")" crlf)
  (duplicate ?g (n (* ?n 2)))
  (duplicate ?g (n (* ?n 3))))
(defmodule BEWAKING (import MAIN ?ALL))
(defrule BEWAKING::oneven
  (declare (auto-focus TRUE))
  ?g <- (getal (n ?n))
  (test (and (= (mod ?n 2) 1) (> ?n 1)))
  =>
  (printout t "weg(n: " ?n ")" crlf)
  (retract ?g))
(reset)
(run)
(exit)
