; SPDX-License-Identifier: EUPL-1.2
; The example "eigen functies en recursie" of docs/regeltaal.md in CLIPS 6.30: deffunctions with
; recursion, a rest parameter ($?waarden, in the rule language ...?waarden) and a printout from a
; function. ctest clips_eigen_functies_en_recursie runs both and compares their output line for line.
(deftemplate getal (slot n))
(deffacts start (getal (n 10)) (getal (n 3)) (getal (n 1)))
(deffunction fib (?n)
  (if (< ?n 2) then (return ?n))
  (+ (fib (- ?n 1)) (fib (- ?n 2))))
(deffunction toon (?naam $?waarden)
  (progn$ (?w ?waarden)
    (printout t "waarde(naam: " ?naam ", w: " ?w ")" crlf))
  (length$ ?waarden))
(defrule reken
  (getal (n ?n))
  (test (> (fib ?n) 1))
  =>
  (bind ?k (toon fib (fib ?n) (fib (+ ?n 1))))
  (printout t "klaar(n: " ?n ", getoond: " ?k ")" crlf))
(reset)
(run)
(exit)
