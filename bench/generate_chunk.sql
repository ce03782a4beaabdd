-- One chunk of synthetic applicants, applications and tasks (bench/bench_data.py).
-- Names in curly brackets are filled in by Python (status shares, columns added to
-- the models later); the percent placeholders are query parameters. One statement
-- writes a whole chunk.
WITH g AS (
  SELECT i, random() AS r_prod, random() AS r_stat, random() AS r_age,
         random() AS r_name, random() AS r_t2, random() AS r_own, random() AS r_t1,
         random() AS r_t2s, random() AS r_susp
  FROM generate_series(%(lo)s::int, %(hi)s::int) AS i
), s0 AS (
  SELECT g.*, p.product_id, p.process,
         CASE {status_case} END AS status
  FROM g JOIN bench_product p ON g.r_prod >= p.lo AND g.r_prod < p.hi
), s1 AS (
  SELECT s0.*,
         (%(today)s::date - (CASE s0.status {age_case} END)) AS received_on
  FROM s0
), src AS (
  SELECT s1.*, v.*,
         s1.received_on + 90 AS decision_due,
         'BN-' || lpad(s1.i::text, 9, '0') AS ref,
         lpad(s1.i::text, 10, '0') AS vnum,
         (v.t1_code IS NOT NULL AND (s1.status IN {assessed}
            OR (s1.status = 'suspended' AND s1.r_susp < 0.5))) AS assessed
  FROM s1 JOIN bench_version v
    ON v.v_product_id = s1.product_id
   AND s1.received_on >= v.valid_from AND s1.received_on < v.valid_until
), ins_applicant AS (
  INSERT INTO cases_applicant
    (given_names, surname, date_of_birth, nationality, v_number {applicant_fill_cols})
  SELECT (ARRAY['Amira','Jonas','Mei','Tariq','Sofia','Lucas','Yara','Omar','Ines',
                'Daniel','Fatima','Noah','Aylin','Mateo','Leila','Ivan'])
           [1 + (r_name * 16)::int %% 16],
         (ARRAY['Haddad','de Vries','Chen','Rahimi','Garcia','Jansen','Okafor','Kaya',
                'Novak','Silva','Bakker','Nguyen','Mensah','Popescu'])
           [1 + (r_age * 14)::int %% 14],
         DATE '1950-01-01' + (r_name * 25000)::int,
         (ARRAY['SYR','ERI','TUR','IND','CHN','USA','AFG','MAR','NGA','BRA','UKR','GBR'])
           [1 + (r_prod * 12)::int %% 12],
         vnum {applicant_fill_vals}
  FROM src
  RETURNING id, v_number
), ins_app AS (
  INSERT INTO cases_application
    (reference, product_id, product_version_id, applicant_id, received_on, status,
     decision_due, notified_on, created_at, updated_at {application_fill_cols})
  SELECT s.ref, s.product_id, s.version_id, a.id, s.received_on, s.status,
         s.decision_due,
         CASE WHEN s.status IN ('notified', 'closed', 'objection')
              THEN LEAST(s.decision_due, %(today)s::date) END,
         s.received_on::timestamptz, s.received_on::timestamptz {application_fill_vals}
  FROM src s JOIN ins_applicant a ON a.v_number = s.vnum
  RETURNING id, reference
), t AS (
  SELECT a.id AS application_id, s.*, k.n,
         CASE k.n WHEN 0 THEN 'handle' WHEN 1 THEN s.t1_code
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_code ELSE s.t2b_code END END AS code,
         CASE k.n WHEN 0 THEN 'process:' || s.process WHEN 1 THEN s.t1_queue
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_queue ELSE s.t2b_queue END END AS queue,
         CASE k.n WHEN 0 THEN NULL WHEN 1 THEN s.t1_def
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_def ELSE s.t2b_def END END AS def_id,
         CASE k.n WHEN 0 THEN false WHEN 1 THEN s.t1_blocking
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_blocking ELSE s.t2b_blocking END
         END AS blocking,
         CASE k.n WHEN 0 THEN 0 WHEN 1 THEN s.t1_days
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_days ELSE s.t2b_days END END AS days,
         CASE k.n WHEN 0 THEN 0 WHEN 1 THEN s.t1_due_days
              ELSE CASE WHEN s.r_t2 < 0.5 THEN s.t2a_due_days ELSE s.t2b_due_days END
         END AS due_days,
         CASE k.n
           WHEN 0 THEN CASE WHEN s.status IN {handle_done} THEN 'done'
                            WHEN s.status = 'withdrawn' THEN 'cancelled' ELSE 'open' END
           ELSE CASE WHEN s.status IN {tasks_done} THEN 'done'
                     WHEN (CASE k.n WHEN 1 THEN s.r_t1 ELSE s.r_t2s END) < 0.2 THEN 'done'
                     ELSE 'open' END
         END AS state,
         CASE k.n
           WHEN 0 THEN s.assessed OR (s.status = 'intake' AND s.r_own < 0.1)
           ELSE s.status IN {tasks_done}
                OR (CASE k.n WHEN 1 THEN s.r_t1 ELSE s.r_t2s END) < 0.4
         END AS assigned,
         (CASE k.n WHEN 1 THEN s.r_t1 WHEN 2 THEN s.r_t2s ELSE s.r_own END) AS r_pick
  FROM ins_app a JOIN src s ON s.ref = a.reference
  CROSS JOIN LATERAL (VALUES (0), (1), (2)) AS k(n)
  WHERE k.n = 0 OR (s.assessed AND (k.n = 1 OR s.t2a_code IS NOT NULL))
)
INSERT INTO work_task
  (application_id, definition_id, code, queue, blocking, expected_days, state, assignee_id,
   assigned_at, due_on, start_by, outcome, result, completed_at, completed_by_id,
   created_at {task_fill_cols})
SELECT t.application_id, t.def_id, t.code, t.queue, t.blocking, t.days, t.state, w.who,
       CASE WHEN w.who IS NOT NULL THEN (t.received_on + 20)::timestamptz END,
       CASE WHEN t.n = 0 THEN t.decision_due
            ELSE LEAST(t.received_on + 14 + t.due_days, t.decision_due) END,
       t.decision_due - %(reserve)s::int - CASE WHEN t.n > 0 THEN t.days
            WHEN t.assessed THEN GREATEST(t.t1_days, t.t2a_days, t.t2b_days)
            ELSE t.max_days END,
       CASE WHEN t.state = 'done' AND t.n > 0 THEN 'no-concerns' ELSE '' END,
       CASE WHEN t.state = 'done' AND t.n > 0 THEN 'Bench: nothing found.' ELSE '' END,
       CASE WHEN t.state <> 'open' THEN LEAST(t.decision_due, %(today)s::date)::timestamptz END,
       CASE WHEN t.state <> 'open' THEN w.who END,
       (t.received_on + CASE WHEN t.n = 0 THEN 0 ELSE 14 END)::timestamptz {task_fill_vals}
FROM t
LEFT JOIN bench_staff st ON st.queue = t.queue
CROSS JOIN LATERAL (
  SELECT CASE WHEN t.assigned AND st.ids IS NOT NULL
              THEN st.ids[1 + floor(t.r_pick * 1000003)::int %% cardinality(st.ids)] END AS who
) AS w
