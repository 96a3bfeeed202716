;;; Miss Manners for CLIPS 6.30: seat guests around a table so that sexes alternate and every two
;;; neighbours share a hobby. Depth-first search with a path per partial seating, as in the classic
;;; benchmark. Written to match bench/manners/manners.yaml rule for rule: the same templates, the
;;; same conditions in the same order, the same saliences, so both engines fire the same rules.
;;;
;;; Saliences make the control flow explicit instead of resting on how an engine orders
;;; activations created by one assertion: within one context state the rule with the higher
;;; salience wins (are_we_done over continue, make_path over path_done, print_results over all_done).

(deftemplate guest (slot name) (slot sex) (slot hobby))
(deftemplate last_seat (slot seat))
(deftemplate count (slot c))
(deftemplate context (slot state))
;; Seating `id` extends seating `pid` by putting name2 on seat2; path_done says whether all of the
;; parent's path has been copied into this seating's path.
(deftemplate seating (slot seat1) (slot name1) (slot name2) (slot seat2) (slot id) (slot pid) (slot path_done))
(deftemplate path (slot id) (slot name) (slot seat))
(deftemplate chosen (slot id) (slot name) (slot hobby))

(defrule assign_first_seat
  ?ctx <- (context (state start))
  (guest (name ?n))
  ?cnt <- (count (c ?c))
  =>
  (assert (seating (seat1 1) (name1 ?n) (name2 ?n) (seat2 1) (id ?c) (pid 0) (path_done yes)))
  (assert (path (id ?c) (name ?n) (seat 1)))
  (modify ?cnt (c (+ ?c 1)))
  (modify ?ctx (state assign_seats)))

(defrule find_seating
  ?ctx <- (context (state assign_seats))
  (seating (seat2 ?s2) (name2 ?n2) (id ?id) (path_done yes))
  (guest (name ?n2) (sex ?sx) (hobby ?h))
  (guest (name ?g) (sex ~?sx) (hobby ?h))
  ?cnt <- (count (c ?c))
  (not (path (id ?id) (name ?g)))
  (not (chosen (id ?id) (name ?g) (hobby ?h)))
  =>
  (assert (seating (seat1 ?s2) (name1 ?n2) (name2 ?g) (seat2 (+ ?s2 1)) (id ?c) (pid ?id) (path_done no)))
  (assert (path (id ?c) (name ?g) (seat (+ ?s2 1))))
  (assert (chosen (id ?id) (name ?g) (hobby ?h)))
  (modify ?cnt (c (+ ?c 1)))
  (modify ?ctx (state make_path)))

(defrule make_path
  (declare (salience 10))
  (context (state make_path))
  (seating (id ?id) (pid ?pid) (path_done no))
  (path (id ?pid) (name ?n) (seat ?s))
  (not (path (id ?id) (name ?n)))
  =>
  (assert (path (id ?id) (name ?n) (seat ?s))))

(defrule path_done
  ?ctx <- (context (state make_path))
  ?st <- (seating (path_done no))
  =>
  (modify ?st (path_done yes))
  (modify ?ctx (state check_done)))

(defrule are_we_done
  (declare (salience 10))
  ?ctx <- (context (state check_done))
  (last_seat (seat ?l))
  (seating (seat2 ?l))
  =>
  (modify ?ctx (state print_results)))

(defrule continue
  ?ctx <- (context (state check_done))
  =>
  (modify ?ctx (state assign_seats)))

(defrule print_results
  (declare (salience 10))
  (context (state print_results))
  (last_seat (seat ?l))
  (seating (id ?id) (seat2 ?l))
  ?p <- (path (id ?id) (name ?n) (seat ?s))
  =>
  (retract ?p)
  (printout t "seat " ?s " " ?n crlf))

(defrule all_done
  (context (state print_results))
  =>
  (halt))
