-- Every service's waivers, one narrow row each, kept in the transaction of every service write: the waivers page and a
-- person's work find the requests, the waivers about to expire and the expired ones from an index, and read the states of
-- those services only, instead of searching every state's JSON for a waiver. expires is the last day the waiver applies, as
-- YYYY-MM-DD text (which orders as dates do). A waiver stored before requests existed has no status in its JSON: it was
-- approved in one step.
CREATE TABLE service_waivers (
    service_id TEXT NOT NULL REFERENCES services (id),
    trait_id   TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'rejected')),
    expires    TEXT NOT NULL,
    PRIMARY KEY (service_id, trait_id)
) STRICT, WITHOUT ROWID;

-- The requests, the approved waivers whose last day falls in a span, and how many still apply: by status, then last day.
CREATE INDEX service_waivers_status ON service_waivers (status, expires);

INSERT INTO service_waivers (service_id, trait_id, status, expires)
SELECT services.id,
       json_extract(waiver.value, '$.traitId'),
       COALESCE(json_extract(waiver.value, '$.status'), 'approved'),
       json_extract(waiver.value, '$.expires')
FROM services, json_each(services.state, '$.waivers') AS waiver;
