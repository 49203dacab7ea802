-- Doorstep store, migration 6: attempts are no longer indexed by list.
-- Every query that asks for a list's attempts also names the person or the
-- household, whose indexes find the few rows to check; the list index only
-- cost one more B-tree insert for every attempt pushed or pulled.

DROP INDEX attempts_list;
