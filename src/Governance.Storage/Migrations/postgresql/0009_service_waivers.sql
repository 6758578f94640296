-- Every service's waivers, one narrow row each, kept in the transaction of every service write: the waivers page and a
-- person's work find the requests, the waivers about to expire and the expired ones from an index, and read the states of
-- those services only, instead of searching every state's JSON for a waiver. expires is the last day the waiver applies, as
-- YYYY-MM-DD text (which orders as dates do). A waiver stored before requests existed has no status in its JSON: it was
-- approved in one step.
CREATE TABLE service_waivers (
    service_id text COLLATE "C" NOT NULL REFERENCES services (id),
    trait_id   text COLLATE "C" NOT NULL,
    status     text NOT NULL CHECK (status IN ('requested', 'approved', 'rejected')),
    expires    text COLLATE "C" NOT NULL,
    PRIMARY KEY (service_id, trait_id)
);

-- The requests, the approved waivers whose last day falls in a span, and how many still apply: by status, then last day.
CREATE INDEX service_waivers_status ON service_waivers (status, expires);

INSERT INTO service_waivers (service_id, trait_id, status, expires)
SELECT services.id,
       waiver ->> 'traitId',
       COALESCE(waiver ->> 'status', 'approved'),
       waiver ->> 'expires'
FROM services
CROSS JOIN LATERAL jsonb_array_elements(COALESCE(services.state::jsonb -> 'waivers', '[]'::jsonb)) AS waiver;
