-- Doorstep store, migration 8: a door's attempts are found through its
-- people, and only attempts made for the door as a whole are indexed by it.
-- Nearly every attempt names a person, and the index on people already
-- finds those; indexing every attempt by its door as well cost one more
-- B-tree insert, into a tree keyed at random, for each attempt a device
-- pulls, which is most of what a pull writes.
DROP INDEX IF EXISTS attempts_household;
-- `Store::fit_to` keeps this one on devices only; the endpoint never asks.
CREATE INDEX attempts_door ON attempts(household_id) WHERE person_id IS NULL;
