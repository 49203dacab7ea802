-- Doorstep store, migration 9: what "a door's attempts" means, said once.
-- They are the attempts made for the people who live there now, and those
-- made for the door as a whole (migration 8 indexes only the latter by
-- door). A device's door view and its list progress both ask this view;
-- SQLite pushes their door and list terms into each arm, so each arm still
-- uses its index (people_household then attempts_person; attempts_door).
CREATE VIEW door_attempts AS
    SELECT r.household_id AS door, a.* FROM people r JOIN attempts a ON a.person_id = r.id
    UNION ALL
    SELECT household_id AS door, * FROM attempts WHERE person_id IS NULL;
