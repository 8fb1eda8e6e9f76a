-- The pattern test of a partial serial. LIKE is not leakproof (a pattern ending in an escape
-- character raises an error), so under row-level security it runs only after the policy has
-- checked every row of the key range, and a short legible run makes a wide range. This test has
-- no escape character, so it cannot fail whatever it is given, and reveals nothing but its
-- answer: it is declared leakproof where the database user may (a superuser), so the policy's
-- checks run on the few rows that fit. plpgsql, so that it is not inlined back into a LIKE.
CREATE FUNCTION puente.serial_fits(key text, pattern text) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1
AS $$ BEGIN RETURN key LIKE pattern ESCAPE ''; END $$;
GRANT EXECUTE ON FUNCTION puente.serial_fits(text, text) TO puente_app;

DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION puente.serial_fits(text, text) LEAKPROOF;
  END IF;
END $$;
