-- Typed names (people not on Matrix) are compared by one key: Unicode NFKC plus full case folding,
-- computed in JS by nameKey() (src/kernel/text-hygiene.ts) and stored with each row on insert, so
-- "Álvaro" and "ÁLVARO" are one person. SQLite's lower() folds only ASCII, so for the rows written
-- before this migration the key is computed here as best SQL can: trimmed, lower(), then the
-- upper-case letters of Latin-1 and Latin Extended-A folded by the table below (which covers
-- Spanish, Portuguese, French, German and most Central European names; ß becomes ss as in nameKey).
-- It is done here, once, and not "fixed up" in JS at every start: the schema owns its data.
ALTER TABLE ledger_givers ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
ALTER TABLE careplan_volunteers ADD COLUMN name_key TEXT NOT NULL DEFAULT '';

CREATE TEMP TABLE fold_0007 (id INTEGER PRIMARY KEY, up TEXT NOT NULL, lo TEXT NOT NULL);
INSERT INTO fold_0007 (up, lo) VALUES
  ('À', 'à'), ('Á', 'á'), ('Â', 'â'), ('Ã', 'ã'), ('Ä', 'ä'), ('Å', 'å'), ('Æ', 'æ'), ('Ç', 'ç'), ('È', 'è'), ('É', 'é'), ('Ê', 'ê'), ('Ë', 'ë'),
  ('Ì', 'ì'), ('Í', 'í'), ('Î', 'î'), ('Ï', 'ï'), ('Ð', 'ð'), ('Ñ', 'ñ'), ('Ò', 'ò'), ('Ó', 'ó'), ('Ô', 'ô'), ('Õ', 'õ'), ('Ö', 'ö'), ('Ø', 'ø'),
  ('Ù', 'ù'), ('Ú', 'ú'), ('Û', 'û'), ('Ü', 'ü'), ('Ý', 'ý'), ('Þ', 'þ'), ('Ā', 'ā'), ('Ă', 'ă'), ('Ą', 'ą'), ('Ć', 'ć'), ('Ĉ', 'ĉ'), ('Ċ', 'ċ'),
  ('Č', 'č'), ('Ď', 'ď'), ('Đ', 'đ'), ('Ē', 'ē'), ('Ĕ', 'ĕ'), ('Ė', 'ė'), ('Ę', 'ę'), ('Ě', 'ě'), ('Ĝ', 'ĝ'), ('Ğ', 'ğ'), ('Ġ', 'ġ'), ('Ģ', 'ģ'),
  ('Ĥ', 'ĥ'), ('Ħ', 'ħ'), ('Ĩ', 'ĩ'), ('Ī', 'ī'), ('Ĭ', 'ĭ'), ('Į', 'į'), ('Ĳ', 'ĳ'), ('Ĵ', 'ĵ'), ('Ķ', 'ķ'), ('Ĺ', 'ĺ'), ('Ļ', 'ļ'), ('Ľ', 'ľ'),
  ('Ŀ', 'ŀ'), ('Ł', 'ł'), ('Ń', 'ń'), ('Ņ', 'ņ'), ('Ň', 'ň'), ('Ŋ', 'ŋ'), ('Ō', 'ō'), ('Ŏ', 'ŏ'), ('Ő', 'ő'), ('Œ', 'œ'), ('Ŕ', 'ŕ'), ('Ŗ', 'ŗ'),
  ('Ř', 'ř'), ('Ś', 'ś'), ('Ŝ', 'ŝ'), ('Ş', 'ş'), ('Š', 'š'), ('Ţ', 'ţ'), ('Ť', 'ť'), ('Ŧ', 'ŧ'), ('Ũ', 'ũ'), ('Ū', 'ū'), ('Ŭ', 'ŭ'), ('Ů', 'ů'),
  ('Ű', 'ű'), ('Ų', 'ų'), ('Ŵ', 'ŵ'), ('Ŷ', 'ŷ'), ('Ÿ', 'ÿ'), ('Ź', 'ź'), ('Ż', 'ż'), ('Ž', 'ž'), ('ß', 'ss');

UPDATE ledger_givers SET name_key = (
  WITH RECURSIVE f (i, s) AS (
    SELECT 0, lower(trim(ledger_givers.name))
    UNION ALL SELECT f.i + 1, replace(f.s, m.up, m.lo) FROM f JOIN fold_0007 m ON m.id = f.i + 1
  )
  SELECT s FROM f ORDER BY i DESC LIMIT 1
);
UPDATE careplan_volunteers SET name_key = (
  WITH RECURSIVE f (i, s) AS (
    SELECT 0, lower(trim(careplan_volunteers.name))
    UNION ALL SELECT f.i + 1, replace(f.s, m.up, m.lo) FROM f JOIN fold_0007 m ON m.id = f.i + 1
  )
  SELECT s FROM f ORDER BY i DESC LIMIT 1
);
-- A volunteer not on Matrix is identified in a plan by the same key (two spellings are one person).
-- OR IGNORE: where two old spellings of one name fold together, the first keeps the new key.
UPDATE OR IGNORE careplan_volunteers SET person = 'name:' || name_key WHERE user_id IS NULL;
DROP TABLE fold_0007;

CREATE INDEX ledger_givers_name_key ON ledger_givers (name_key) WHERE user_id IS NULL;
