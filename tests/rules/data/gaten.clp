; SPDX-License-Identifier: EUPL-1.2
; The example "gaten in een lijst" of docs/regeltaal.md in CLIPS 6.30: gaps ($?) in a multislot inside
; not and exists, where the rule language writes `...`. ctest clips_gaten_in_een_lijst runs both and
; compares their output line for line.
(deftemplate regel (slot naam) (multislot als) (multislot dan))
(deftemplate vraag (slot variabele))
(deffacts kennis
  (regel (naam r1) (als rug is ja en warm is nee) (dan stam is koud))
  (regel (naam r2) (als stam is koud) (dan soort is vis))
  (regel (naam r3) (als vin is ja en rug is ja) (dan soort is haai))
  (vraag (variabele rug))
  (vraag (variabele warm))
  (vraag (variabele poten))
  (vraag (variabele ja)))
(defrule ongebruikte_vraag
  (vraag (variabele ?v))
  (not (regel (als $? ?v is ?w $?)))
  =>
  (printout t "ongebruikt(variabele: " ?v ")" crlf))
(defrule onbereikbaar
  (regel (naam ?n) (als ?v $?))
  (not (vraag (variabele ?v)))
  (not (regel (dan ?v $?)))
  =>
  (printout t "onbereikbaar(regel: " ?n ", variabele: " ?v ")" crlf))
(defrule gebruikt
  (vraag (variabele ?v))
  (exists (regel (als $? ?v $?)))
  =>
  (printout t "gebruikt(variabele: " ?v ")" crlf))
(defrule twee_keer
  (regel (naam ?n))
  (exists (regel (naam ?n) (als $? ?x $? ?x $?)))
  =>
  (printout t "herhaling(regel: " ?n ")" crlf))
(reset)
(run)
(exit)
