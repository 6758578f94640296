-- Every service's outgoing edges as written (a service id or api:NAME), kept in the transaction of every service write:
-- what finds a service's callers (the edges whose target is its id or one of its APIs) without reading every state.
-- The edge's attributes stay in the caller's state, read for the callers found. The primary key, target first, is the
-- index of that lookup and of the upkeep's deletes: one tree to keep up per edge, which a second index would double.
-- caller_id has no foreign key: rows are only ever written with their caller's row, in its transaction, and services are
-- never deleted; the check would cost a lookup per edge written.
CREATE TABLE service_dependencies (
    caller_id text COLLATE "C" NOT NULL,
    target    text COLLATE "C" NOT NULL,
    PRIMARY KEY (target, caller_id)
);

INSERT INTO service_dependencies (caller_id, target)
SELECT DISTINCT services.id, dependency.edge ->> 'target'
FROM services
CROSS JOIN LATERAL jsonb_array_elements(services.state::jsonb -> 'dependencies') AS dependency (edge);
