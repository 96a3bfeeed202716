;;; Waltz for CLIPS 6.30: labels the lines of a drawing by constraint propagation (Waltz filtering).
;;; Stages: duplicate (each line becomes two directed edges), detect_junctions (L, arrow, fork, tee
;;; from the edge directions, with integer cross products), candidates (every labelling of the
;;; junction catalogue), labeling (drop candidates that no neighbour agrees with, starting from a
;;; boundary junction), print. Written to match bench/waltz/waltz.yaml rule for rule.
;;;
;;; Labels are undirected: b (boundary), p (convex), m (concave); n fills the unused third label of
;;; an L. The final candidate sets are the unique arc-consistent fixpoint, so they and the number
;;; of firings do not depend on the order in which an engine fires activations.

(deftemplate stage (slot name))
(deftemplate next (slot from) (slot to))
(deftemplate point (slot id) (slot x) (slot y))
(deftemplate line (slot p1) (slot p2))
(deftemplate edge (slot p1) (slot p2) (slot dx) (slot dy))
;; e1..e3: the neighbours, counter-clockwise; arrow: e2 is the shaft; tee: e3 is the stem.
(deftemplate junction (slot base) (slot type) (slot e1) (slot e2) (slot e3))
(deftemplate label_set (slot type) (slot arity) (slot nr) (slot l1) (slot l2) (slot l3))
(deftemplate cand (slot base) (slot nr) (slot l1) (slot l2) (slot l3))
(deftemplate cand_edge (slot base) (slot nr) (slot nb) (slot label))

(deffacts waltz-catalogus
  (stage (name duplicate))
  (next (from duplicate) (to detect_junctions))
  (next (from detect_junctions) (to candidates))
  (next (from candidates) (to labeling))
  (next (from labeling) (to print))
  (label_set (type L) (arity 2) (nr 1) (l1 b) (l2 b) (l3 n))
  (label_set (type L) (arity 2) (nr 2) (l1 p) (l2 b) (l3 n))
  (label_set (type L) (arity 2) (nr 3) (l1 b) (l2 p) (l3 n))
  (label_set (type L) (arity 2) (nr 4) (l1 m) (l2 b) (l3 n))
  (label_set (type L) (arity 2) (nr 5) (l1 b) (l2 m) (l3 n))
  (label_set (type arrow) (arity 3) (nr 1) (l1 b) (l2 p) (l3 b))
  (label_set (type arrow) (arity 3) (nr 2) (l1 p) (l2 m) (l3 p))
  (label_set (type arrow) (arity 3) (nr 3) (l1 m) (l2 p) (l3 m))
  (label_set (type fork) (arity 3) (nr 1) (l1 p) (l2 p) (l3 p))
  (label_set (type fork) (arity 3) (nr 2) (l1 m) (l2 m) (l3 m))
  (label_set (type fork) (arity 3) (nr 3) (l1 b) (l2 m) (l3 b))
  (label_set (type fork) (arity 3) (nr 4) (l1 m) (l2 b) (l3 b))
  (label_set (type fork) (arity 3) (nr 5) (l1 b) (l2 b) (l3 m))
  (label_set (type tee) (arity 3) (nr 1) (l1 b) (l2 b) (l3 b))
  (label_set (type tee) (arity 3) (nr 2) (l1 b) (l2 b) (l3 p))
  (label_set (type tee) (arity 3) (nr 3) (l1 b) (l2 b) (l3 m)))

(defrule next_stage
  (declare (salience -10))
  ?s <- (stage (name ?n))
  (next (from ?n) (to ?m))
  =>
  (modify ?s (name ?m)))

(defrule reverse_edges
  (stage (name duplicate))
  ?l <- (line (p1 ?a) (p2 ?b))
  (point (id ?a) (x ?xa) (y ?ya))
  (point (id ?b) (x ?xb) (y ?yb))
  =>
  (retract ?l)
  (assert (edge (p1 ?a) (p2 ?b) (dx (- ?xb ?xa)) (dy (- ?yb ?ya))))
  (assert (edge (p1 ?b) (p2 ?a) (dx (- ?xa ?xb)) (dy (- ?ya ?yb)))))

(defrule make_L
  (stage (name detect_junctions))
  (edge (p1 ?b) (p2 ?a) (dx ?ax) (dy ?ay))
  (edge (p1 ?b) (p2 ?c) (dx ?cx) (dy ?cy))
  (test (> (- (* ?ax ?cy) (* ?ay ?cx)) 0))
  (not (edge (p1 ?b) (p2 ~?a&~?c)))
  =>
  (assert (junction (base ?b) (type L) (e1 ?a) (e2 ?c) (e3 0))))

(defrule make_arrow
  (stage (name detect_junctions))
  (edge (p1 ?b) (p2 ?a) (dx ?ax) (dy ?ay))
  (edge (p1 ?b) (p2 ?s) (dx ?sx) (dy ?sy))
  (test (> (- (* ?ax ?sy) (* ?ay ?sx)) 0))
  (edge (p1 ?b) (p2 ?c) (dx ?cx) (dy ?cy))
  (test (and (> (- (* ?sx ?cy) (* ?sy ?cx)) 0) (> (- (* ?ax ?cy) (* ?ay ?cx)) 0)))
  (not (edge (p1 ?b) (p2 ~?a&~?s&~?c)))
  =>
  (assert (junction (base ?b) (type arrow) (e1 ?a) (e2 ?s) (e3 ?c))))

(defrule make_fork
  (stage (name detect_junctions))
  (edge (p1 ?b) (p2 ?a) (dx ?ax) (dy ?ay))
  (edge (p1 ?b) (p2 ?s) (dx ?sx) (dy ?sy))
  (test (> (- (* ?ax ?sy) (* ?ay ?sx)) 0))
  (edge (p1 ?b) (p2 ?c) (dx ?cx) (dy ?cy))
  (test (and (> (- (* ?sx ?cy) (* ?sy ?cx)) 0) (> (- (* ?cx ?ay) (* ?cy ?ax)) 0) (< ?a ?s) (< ?a ?c)))
  (not (edge (p1 ?b) (p2 ~?a&~?s&~?c)))
  =>
  (assert (junction (base ?b) (type fork) (e1 ?a) (e2 ?s) (e3 ?c))))

(defrule make_tee
  (stage (name detect_junctions))
  (edge (p1 ?b) (p2 ?a) (dx ?ax) (dy ?ay))
  (edge (p1 ?b) (p2 ?c) (dx ?cx) (dy ?cy))
  (test (and (= (- (* ?ax ?cy) (* ?ay ?cx)) 0) (< (+ (* ?ax ?cx) (* ?ay ?cy)) 0)))
  (edge (p1 ?b) (p2 ?s) (dx ?sx) (dy ?sy))
  (test (> (- (* ?ax ?sy) (* ?ay ?sx)) 0))
  (not (edge (p1 ?b) (p2 ~?a&~?s&~?c)))
  =>
  (assert (junction (base ?b) (type tee) (e1 ?a) (e2 ?c) (e3 ?s))))

(defrule candidates_2
  (stage (name candidates))
  (junction (base ?b) (type ?t) (e1 ?a) (e2 ?c))
  (label_set (type ?t) (arity 2) (nr ?i) (l1 ?x) (l2 ?y))
  =>
  (assert (cand (base ?b) (nr ?i) (l1 ?x) (l2 ?y) (l3 n)))
  (assert (cand_edge (base ?b) (nr ?i) (nb ?a) (label ?x)))
  (assert (cand_edge (base ?b) (nr ?i) (nb ?c) (label ?y))))

(defrule candidates_3
  (stage (name candidates))
  (junction (base ?b) (type ?t) (e1 ?a) (e2 ?s) (e3 ?c))
  (label_set (type ?t) (arity 3) (nr ?i) (l1 ?x) (l2 ?y) (l3 ?z))
  =>
  (assert (cand (base ?b) (nr ?i) (l1 ?x) (l2 ?y) (l3 ?z)))
  (assert (cand_edge (base ?b) (nr ?i) (nb ?a) (label ?x)))
  (assert (cand_edge (base ?b) (nr ?i) (nb ?s) (label ?y)))
  (assert (cand_edge (base ?b) (nr ?i) (nb ?c) (label ?z))))

;; The start: a junction with no neighbour to its left (nor straight below) lies on the outline
;; of its figure, so the edges that bound its outer angle are boundaries.
(defrule boundary_first
  (stage (name labeling))
  (junction (base ?b))
  (not (edge (p1 ?b) (dx ?dx&:(< ?dx 0))))
  (not (edge (p1 ?b) (dx 0) (dy ?dy&:(< ?dy 0))))
  ?c <- (cand (base ?b) (l1 ~b))
  =>
  (retract ?c))

(defrule boundary_last_L
  (stage (name labeling))
  (junction (base ?b) (type L))
  (not (edge (p1 ?b) (dx ?dx&:(< ?dx 0))))
  (not (edge (p1 ?b) (dx 0) (dy ?dy&:(< ?dy 0))))
  ?c <- (cand (base ?b) (l2 ~b))
  =>
  (retract ?c))

(defrule boundary_last_arrow
  (stage (name labeling))
  (junction (base ?b) (type arrow))
  (not (edge (p1 ?b) (dx ?dx&:(< ?dx 0))))
  (not (edge (p1 ?b) (dx 0) (dy ?dy&:(< ?dy 0))))
  ?c <- (cand (base ?b) (l3 ~b))
  =>
  (retract ?c))

;; Waltz filtering: a candidate that gives an edge a label the junction at the other end cannot
;; give it goes.
(defrule eliminate
  (stage (name labeling))
  ?c <- (cand (base ?b) (nr ?i))
  (cand_edge (base ?b) (nr ?i) (nb ?p) (label ?l))
  (junction (base ?p))
  (not (cand_edge (base ?p) (nb ?b) (label ?l)))
  =>
  (retract ?c))

;; A dropped candidate's edges go at once, before anything else can count on them.
(defrule remove_edges
  (declare (salience 10))
  ?e <- (cand_edge (base ?b) (nr ?i))
  (not (cand (base ?b) (nr ?i)))
  =>
  (retract ?e))

(defrule print_label
  (stage (name print))
  (cand_edge (base ?b) (nb ?p) (label ?l))
  =>
  (printout t "label " ?b " " ?p " " ?l crlf))
