-- What an organizer calls a device ("Mai's phone 2"), so a lost phone is
-- revoked by name, not by UUID. Devices paired before this are named after
-- their user, in the order they paired.
ALTER TABLE devices ADD COLUMN name TEXT;

UPDATE devices SET name = (
    SELECT u.name || '''s phone' ||
        CASE WHEN (SELECT count(*) FROM devices d2 WHERE d2.user_id = devices.user_id) > 1
             THEN ' ' || (SELECT count(*) FROM devices d3 WHERE d3.user_id = devices.user_id AND (d3.created_at, d3.id) <= (devices.created_at, devices.id))
             ELSE '' END
    FROM users u WHERE u.id = devices.user_id
);
