CREATE TABLE "task_units" (
	"task_id" bigint NOT NULL,
	"unit_id" integer NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone,
	"confirmed" boolean NOT NULL,
	CONSTRAINT "task_units_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written from here: the triggers that keep task_units (one row per task and unit of its
-- owner's chain or of a share's chain, with the task's status, due time and confirmation), its
-- first fill, then its two indexes (built after the fill: faster than row by row).
--
-- A task's rows written again from its sources: when a share leaves, or a chain changes. The
-- task is locked first, so that a share added meanwhile by another transaction (whose foreign
-- key check holds a key-share lock on the task) is waited for and then seen.
CREATE OR REPLACE FUNCTION chidao_task_units_reset(task bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM tasks WHERE id = task FOR UPDATE;
  DELETE FROM task_units WHERE task_id = task;
  INSERT INTO task_units (task_id, unit_id, status, due_at, confirmed)
  SELECT t.id, u.unit_id, t.status, t.due_at, t.confirmed_at IS NOT NULL
  FROM tasks t CROSS JOIN LATERAL (
    SELECT unnest(ARRAY[t.province_id, t.district_id, t.commune_id])
    UNION SELECT unnest(ARRAY[a.province_id, a.district_id, a.commune_id]) FROM assignments a WHERE a.task_id = t.id
  ) AS u(unit_id)
  WHERE t.id = task AND u.unit_id IS NOT NULL;
END
$$;
--> statement-breakpoint
-- Inserts, per statement (a directive's proposals, a bulk import, in one pass): the units of
-- each new task's owner, and of each new share with its task's status and due time. FOR SHARE:
-- a concurrent change of that task's status or due time is waited for, not missed.
CREATE OR REPLACE FUNCTION chidao_task_units_tasks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_units (task_id, unit_id, status, due_at, confirmed)
  SELECT n.id, u.unit_id, n.status, n.due_at, n.confirmed_at IS NOT NULL
  FROM inserted n CROSS JOIN LATERAL unnest(ARRAY[n.province_id, n.district_id, n.commune_id]) AS u(unit_id)
  WHERE u.unit_id IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION chidao_task_units_shares_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_units (task_id, unit_id, status, due_at, confirmed)
  SELECT t.id, u.unit_id, t.status, t.due_at, t.confirmed_at IS NOT NULL
  FROM inserted n
  CROSS JOIN LATERAL (SELECT id, status, due_at, confirmed_at FROM tasks WHERE id = n.task_id OFFSET 0 FOR SHARE) t
  CROSS JOIN LATERAL unnest(ARRAY[n.province_id, n.district_id, n.commune_id]) AS u(unit_id)
  WHERE u.unit_id IS NOT NULL
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Updates and deletes, per row and only when a column task_units copies changed.
CREATE OR REPLACE FUNCTION chidao_task_units_task_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.province_id, NEW.district_id, NEW.commune_id) IS DISTINCT FROM (OLD.province_id, OLD.district_id, OLD.commune_id) THEN
    PERFORM chidao_task_units_reset(NEW.id);
  ELSE
    UPDATE task_units SET status = NEW.status, due_at = NEW.due_at, confirmed = NEW.confirmed_at IS NOT NULL WHERE task_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION chidao_task_units_share_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM chidao_task_units_reset(OLD.task_id);
  IF TG_OP = 'UPDATE' AND NEW.task_id <> OLD.task_id THEN
    PERFORM chidao_task_units_reset(NEW.task_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION chidao_task_units_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM task_units;
  INSERT INTO task_units (task_id, unit_id, status, due_at, confirmed)
  SELECT t.id, u.unit_id, t.status, t.due_at, t.confirmed_at IS NOT NULL
  FROM tasks t CROSS JOIN LATERAL unnest(ARRAY[t.province_id, t.district_id, t.commune_id]) AS u(unit_id)
  WHERE u.unit_id IS NOT NULL;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tasks_task_units_insert AFTER INSERT ON tasks REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION chidao_task_units_tasks_inserted();
--> statement-breakpoint
CREATE TRIGGER tasks_task_units_update AFTER UPDATE ON tasks FOR EACH ROW
  WHEN ((NEW.status, NEW.due_at, NEW.confirmed_at IS NOT NULL, NEW.province_id, NEW.district_id, NEW.commune_id) IS DISTINCT FROM (OLD.status, OLD.due_at, OLD.confirmed_at IS NOT NULL, OLD.province_id, OLD.district_id, OLD.commune_id))
  EXECUTE FUNCTION chidao_task_units_task_updated();
--> statement-breakpoint
CREATE TRIGGER assignments_task_units_insert AFTER INSERT ON assignments REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION chidao_task_units_shares_inserted();
--> statement-breakpoint
CREATE TRIGGER assignments_task_units_update AFTER UPDATE ON assignments FOR EACH ROW
  WHEN ((NEW.task_id, NEW.province_id, NEW.district_id, NEW.commune_id) IS DISTINCT FROM (OLD.task_id, OLD.province_id, OLD.district_id, OLD.commune_id))
  EXECUTE FUNCTION chidao_task_units_share_changed();
--> statement-breakpoint
CREATE TRIGGER assignments_task_units_delete AFTER DELETE ON assignments FOR EACH ROW EXECUTE FUNCTION chidao_task_units_share_changed();
--> statement-breakpoint
CREATE TRIGGER assignments_task_units_truncate AFTER TRUNCATE ON assignments FOR EACH STATEMENT EXECUTE FUNCTION chidao_task_units_rebuild();
--> statement-breakpoint
INSERT INTO task_units (task_id, unit_id, status, due_at, confirmed)
SELECT t.id, u.unit_id, t.status, t.due_at, t.confirmed_at IS NOT NULL
FROM tasks t CROSS JOIN LATERAL unnest(ARRAY[t.province_id, t.district_id, t.commune_id]) AS u(unit_id)
WHERE u.unit_id IS NOT NULL
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO task_units (task_id, unit_id, status, due_at, confirmed)
SELECT t.id, u.unit_id, t.status, t.due_at, t.confirmed_at IS NOT NULL
FROM assignments a JOIN tasks t ON t.id = a.task_id CROSS JOIN LATERAL unnest(ARRAY[a.province_id, a.district_id, a.commune_id]) AS u(unit_id)
WHERE u.unit_id IS NOT NULL
ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE INDEX "task_units_list" ON "task_units" USING btree ("unit_id","status","due_at","task_id","confirmed");
--> statement-breakpoint
CREATE INDEX "task_units_count" ON "task_units" USING btree ("unit_id","status","confirmed");
--> statement-breakpoint
ANALYZE task_units;
