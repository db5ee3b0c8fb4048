-- Catalogue search that finds what people type (decision 0022): the labels of an entry's target groups,
-- methods and link kinds are indexed with it, Swedish compounds are found by their parts, and NNS keeps
-- a list of synonyms that widen a search. Everything lands in the stored `search` tsvector or in the
-- parsed query, so the SQL search and the in-memory index (search-index.ts) keep answering alike.

-- Link kinds as data, so their Swedish labels are indexed and offered as a filter like the other lists.
CREATE TABLE catalog_link_kinds (
  code text PRIMARY KEY,
  label_sv text NOT NULL
);
--> statement-breakpoint
INSERT INTO catalog_link_kinds (code, label_sv) VALUES
  ('evaluation', 'Utvärdering'),
  ('study_visit', 'Digitalt studiebesök'),
  ('other', 'Annan länk');
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON catalog_link_kinds FROM nns_app;
--> statement-breakpoint
-- The heads of Swedish compounds the search splits off (arbetsträning → arbets + träning), by their
-- Snowball stem so inflected heads (träningen, studiebesöket) are found too. Written by migrations.
CREATE TABLE catalog_search_word_parts (
  word text PRIMARY KEY,
  stem text NOT NULL
);
--> statement-breakpoint
INSERT INTO catalog_search_word_parts (word, stem)
SELECT w, (ts_lexize('swedish_stem', w))[1] FROM unnest(ARRAY[
  'träning', 'praktik', 'stöd', 'besök', 'studier', 'samtal', 'sjukskrivna', 'sjukskrivning', 'rehabilitering',
  'team', 'coachning', 'vägledning', 'kartläggning', 'handledning', 'handledare', 'insats', 'samverkan',
  'samordning', 'utbildning', 'förmåga', 'bedömning', 'hälsa', 'ohälsa', 'anställning', 'jobb', 'språk',
  'ersättning', 'försörjning', 'aktivitet', 'metod', 'grupp', 'utveckling', 'projekt', 'verkstad',
  'mottagning', 'ungdomar', 'föräldrar', 'kvinnor', 'arbete', 'arbetsgivare', 'arbetsplats', 'marknad',
  'förmedling', 'kassa', 'psykiatri', 'beroende', 'funktionsnedsättning', 'skola', 'studiebesök',
  'utvärdering', 'mätning', 'progression', 'motivation', 'etablering', 'introduktion', 'resurs',
  'mentor', 'friskvård', 'sysselsättning', 'kompetens', 'lärling', 'nyanlända'
]) AS w;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON catalog_search_word_parts FROM nns_app;
--> statement-breakpoint
-- Synonyms NNS maintains: a search for `term` also finds entries with any of `alternatives`. `target`
-- and `substitute` are the tsqueries ts_rewrite applies to every search's parsed query.
CREATE TABLE catalog_search_synonyms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  term text NOT NULL,
  alternatives text[] NOT NULL,
  target tsquery NOT NULL,
  substitute tsquery NOT NULL,
  created_at timestamp(3) with time zone NOT NULL DEFAULT now(),
  updated_at timestamp(3) with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX catalog_search_synonyms_term_key ON catalog_search_synonyms (lower(term));
--> statement-breakpoint
CREATE FUNCTION catalog_search_synonym_queries() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
  alternative text;
BEGIN
  NEW.target := plainto_tsquery('swedish', NEW.term);
  NEW.substitute := NEW.target;
  FOREACH alternative IN ARRAY NEW.alternatives LOOP
    NEW.substitute := NEW.substitute || phraseto_tsquery('swedish', alternative);
  END LOOP;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER catalog_search_synonyms_queries BEFORE INSERT OR UPDATE ON catalog_search_synonyms
  FOR EACH ROW EXECUTE FUNCTION catalog_search_synonym_queries();
--> statement-breakpoint
-- A synonym changes what searches answer, so cached answers must go (see 0007).
CREATE TRIGGER catalog_search_synonyms_generation AFTER INSERT OR UPDATE OR DELETE ON catalog_search_synonyms
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
--> statement-breakpoint
-- The trigger fills target and substitute before the NOT NULL checks run.
INSERT INTO catalog_search_synonyms (term, alternatives)
  VALUES ('IPS', ARRAY['Supported Employment', 'Individanpassat stöd till arbete']);
--> statement-breakpoint
-- The labels of an entry's codes, in list order. A slash separates words here ("BIP/SKAPA"), not a path.
CREATE FUNCTION catalog_entry_labels(target_groups text[], methods text[], link_kinds text[]) RETURNS text
  LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT coalesce(string_agg(translate(label, '/', ' '), ' ' ORDER BY list, ord), '')
  FROM (
    SELECT 1 AS list, g.ord, t.label_sv AS label
      FROM unnest(target_groups) WITH ORDINALITY AS g(code, ord) JOIN catalog_target_groups t USING (code)
    UNION ALL
    SELECT 2, m.ord, x.label_sv FROM unnest(methods) WITH ORDINALITY AS m(code, ord) JOIN catalog_methods x USING (code)
    UNION ALL
    SELECT 3, l.ord, k.label_sv FROM unnest(link_kinds) WITH ORDINALITY AS l(code, ord) JOIN catalog_link_kinds k USING (code)
  ) labels
$$;
--> statement-breakpoint
-- The parts of each compound word of a text whose head is a known word part: the head as written and
-- what comes before it (a linking s stems away). A head must end the word, give or take an ending of up
-- to four letters, and leave at least three letters before it.
CREATE FUNCTION catalog_compound_parts(doc text) RETURNS text
  LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT coalesce(string_agg(part, ' ' ORDER BY part), '')
  FROM (
    SELECT DISTINCT unnest(ARRAY[substr(w.word, 1, p.at - 1), substr(w.word, p.at)]) AS part
    FROM (SELECT DISTINCT lexeme AS word FROM unnest(to_tsvector('simple', doc))
          WHERE length(lexeme) >= 7) w
    CROSS JOIN catalog_search_word_parts h
    CROSS JOIN LATERAL (SELECT strpos(w.word, h.stem) AS at) p
    WHERE p.at > 3 AND length(w.word) - (p.at + length(h.stem)) + 1 <= 4
  ) parts
$$;
--> statement-breakpoint
ALTER TABLE catalog_entries ADD COLUMN link_kinds text[] NOT NULL DEFAULT '{}';
--> statement-breakpoint
ALTER TABLE catalog_entries ADD COLUMN vocabulary_labels text NOT NULL DEFAULT '';
--> statement-breakpoint
ALTER TABLE catalog_entries ADD COLUMN compound_parts text NOT NULL DEFAULT '';
--> statement-breakpoint
CREATE FUNCTION catalog_entries_search_text() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  NEW.vocabulary_labels := catalog_entry_labels(NEW.target_groups, NEW.methods, NEW.link_kinds);
  NEW.compound_parts := catalog_compound_parts(
    concat_ws(' ', NEW.title, NEW.summary, NEW.description, NEW.vocabulary_labels));
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER catalog_entries_search_text
  BEFORE INSERT OR UPDATE OF title, summary, description, target_groups, methods, link_kinds ON catalog_entries
  FOR EACH ROW EXECUTE FUNCTION catalog_entries_search_text();
--> statement-breakpoint
-- The search text gains the labels (weighted as the summary) and the compound parts (weighed least).
DROP INDEX catalog_entries_search_idx;
--> statement-breakpoint
ALTER TABLE catalog_entries DROP COLUMN search;
--> statement-breakpoint
ALTER TABLE catalog_entries ADD COLUMN search tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('swedish', coalesce(title, '')), 'A')
  || setweight(to_tsvector('swedish', coalesce(summary, '') || ' ' || coalesce(place_names, '')), 'B')
  || setweight(to_tsvector('swedish', coalesce(description, '')), 'C')
  || setweight(to_tsvector('swedish', vocabulary_labels), 'B')
  || setweight(to_tsvector('swedish', compound_parts), 'D')) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX catalog_entries_search_idx ON catalog_entries USING gin (search);
--> statement-breakpoint
CREATE INDEX catalog_entries_link_kinds_idx ON catalog_entries USING gin (link_kinds);
--> statement-breakpoint
-- Backfill: the link kinds from the published documents; the update fires the trigger for the rest.
UPDATE catalog_entries SET link_kinds = coalesce(
  (SELECT array_agg(DISTINCT l->>'kind' ORDER BY l->>'kind') FROM jsonb_array_elements(document->'links') l),
  '{}');
--> statement-breakpoint
-- A renamed target group, method or link kind reaches the entries' search text at once: the touch
-- below recomputes it (catalog_entries_search_text), and the entries' own trigger bumps the generation.
-- It runs as the table's owner, since NNS's rename must reach every förbund's entries.
-- The relabelling triggers below update entries of every förbund through relabelled_by_trigger, the
-- policy 0018 created for its own relabelling trigger.
CREATE FUNCTION catalog_entries_relabel() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_TABLE_NAME = 'catalog_target_groups' THEN
    UPDATE catalog_entries SET target_groups = target_groups WHERE NEW.code = ANY (target_groups);
  ELSIF TG_TABLE_NAME = 'catalog_methods' THEN
    UPDATE catalog_entries SET methods = methods WHERE NEW.code = ANY (methods);
  ELSE
    UPDATE catalog_entries SET link_kinds = link_kinds WHERE NEW.code = ANY (link_kinds);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER catalog_target_groups_search_relabel AFTER UPDATE OF label_sv ON catalog_target_groups
  FOR EACH ROW WHEN (OLD.label_sv IS DISTINCT FROM NEW.label_sv) EXECUTE FUNCTION catalog_entries_relabel();
--> statement-breakpoint
CREATE TRIGGER catalog_methods_search_relabel AFTER UPDATE OF label_sv ON catalog_methods
  FOR EACH ROW WHEN (OLD.label_sv IS DISTINCT FROM NEW.label_sv) EXECUTE FUNCTION catalog_entries_relabel();
--> statement-breakpoint
CREATE TRIGGER catalog_link_kinds_search_relabel AFTER UPDATE OF label_sv ON catalog_link_kinds
  FOR EACH ROW WHEN (OLD.label_sv IS DISTINCT FROM NEW.label_sv) EXECUTE FUNCTION catalog_entries_relabel();
--> statement-breakpoint
CREATE TRIGGER catalog_link_kinds_generation AFTER INSERT OR UPDATE OR DELETE ON catalog_link_kinds
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_generation();
