; SPDX-License-Identifier: EUPL-1.2
; The example "logical over de eerste condities" of docs/regeltaal.md in CLIPS 6.30: (logical ...)
; around the first condition, where the rule language writes logical: 1. ctest
; clips_logical_over_de_eerste_condities runs both and compares their output line for line.
(deftemplate alarm (slot zone))
(deftemplate sensor (slot zone) (slot id))
(deftemplate melding (slot zone))
(deftemplate stap (slot n))
(deffacts begin
  (alarm (zone noord))
  (alarm (zone zuid))
  (sensor (zone noord) (id s1))
  (sensor (zone noord) (id s2))
  (sensor (zone zuid) (id s3))
  (stap (n 1)))
(defrule meld
  (logical (alarm (zone ?z)))
  (sensor (zone ?z) (id ?s))
  =>
  (printout t "meld(zone: " ?z ", sensor: " ?s ")" crlf)
  (assert (melding (zone ?z))))
(defrule toon
  (declare (salience -1))
  (stap (n ?n))
  (melding (zone ?z))
  =>
  (printout t "melding(stap: " ?n ", zone: " ?z ")" crlf))
(defrule sensor_weg
  (declare (salience -2))
  (stap (n 1))
  ?s <- (sensor)
  =>
  (retract ?s))
(defrule alarm_weg
  (declare (salience -2))
  (stap (n 2))
  ?a <- (alarm (zone noord))
  =>
  (retract ?a))
(defrule volgende
  (declare (salience -3))
  ?f <- (stap (n ?n))
  (test (< ?n 3))
  =>
  (retract ?f)
  (assert (stap (n (+ ?n 1)))))
(reset)
(run)
(exit)
