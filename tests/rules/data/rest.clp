; SPDX-License-Identifier: EUPL-1.2
; The example "rest van een lijst" of docs/regeltaal.md in CLIPS 6.30: a multislot taken apart with a
; multifield variable ($?verder) where the rule language writes ...?verder. ctest clips_rest_van_een_lijst
; runs both and compares their output line for line.
(deftemplate route (slot naam) (multislot haltes))
(deffacts routes
  (route (naam lijn1) (haltes station markt kerk haven))
  (route (naam lijn2) (haltes kerk))
  (route (naam rondje) (haltes markt kerk markt))
  (route (naam leeg) (haltes)))
(deffunction lijst ($?xs)
  (bind ?s "")
  (progn$ (?x ?xs)
    (if (> ?x-index 1) then (bind ?s (str-cat ?s ", ")))
    (bind ?s (str-cat ?s ?x)))
  (str-cat "[" ?s "]"))
(defrule begin_en_verder
  (route (naam ?n) (haltes ?start $?verder))
  =>
  (printout t "begin(route: " ?n ", start: " ?start ", verder: " (lijst ?verder) ")" crlf))
(defrule tussenhaltes
  (route (naam ?n) (haltes ?van $?tussen ?naar))
  =>
  (printout t "rit(route: " ?n ", van: " ?van ", via: " (lijst ?tussen) ", naar: " ?naar ")" crlf))
(defrule rond
  (declare (salience 1))
  (route (naam ?n) (haltes ?x $?midden ?x))
  =>
  (printout t "rond(route: " ?n ", halte: " ?x ", midden: " (length$ ?midden) ")" crlf))
(reset)
(run)
(exit)
