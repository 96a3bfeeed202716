; SPDX-License-Identifier: EUPL-1.2
; logical-not.yaml in CLIPS 6.30: (logical ...) around a pattern and a not (ctest clips_logical-not).
(deftemplate a (slot x))
(deftemplate s (slot x))
(deftemplate b (slot x) (slot y))
(deftemplate c (slot x))
(deftemplate stap (slot n))
(deffacts f (a (x 1)) (a (x 2)) (b (x 1) (y 1)) (b (x 1) (y 2)) (b (x 2) (y 1)) (stap (n 1)))
(defrule r
  (logical (a (x ?x)) (not (s (x ?x))))
  (b (x ?x) (y ?y))
  =>
  (printout t "r(x: " ?x ", y: " ?y ")" crlf)
  (assert (c (x ?x))))
(defrule toon (declare (salience -1)) (stap (n ?n)) (c (x ?x)) => (printout t "c(stap: " ?n ", x: " ?x ")" crlf))
(defrule stap1 (declare (salience -2)) (stap (n 1)) ?f <- (b (x 1) (y 1)) => (retract ?f))
(defrule stap2 (declare (salience -2)) (stap (n 2)) => (assert (s (x 2))))
(defrule stap3 (declare (salience -2)) (stap (n 3)) ?f <- (s (x 2)) => (retract ?f))
(defrule volgende (declare (salience -3)) ?f <- (stap (n ?n)) (test (< ?n 4)) => (retract ?f) (assert (stap (n (+ ?n 1)))))
(reset)
(run)
(exit)
