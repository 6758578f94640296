-- What the services list, the fleet overview and a service's trend read, so that at 100,000 services a page comes from
-- indexes and a few narrow rows instead of every state's JSON.

-- A service's exposure (Footprint.Exposure: host, zone, region, provider or none), written with its state; NULL while its
-- footprint is unknown.
ALTER TABLE services ADD COLUMN exposure text;

UPDATE services SET exposure = CASE
    WHEN (footprint.value ->> 'hosts')::integer <= 1 THEN 'host'
    WHEN (footprint.value ->> 'zones')::integer <= 1 THEN 'zone'
    WHEN (footprint.value ->> 'regions')::integer <= 1 THEN 'region'
    WHEN (footprint.value ->> 'providers')::integer <= 1 THEN 'provider'
    ELSE 'none'
END
FROM (SELECT id, state::jsonb -> 'footprint' AS value FROM services) AS footprint
WHERE footprint.id = services.id AND footprint.value IS NOT NULL AND jsonb_typeof(footprint.value) = 'object';

-- Covering: the counts by tier and exposure, a search of ids and names in id order, and the order by name read no state.
CREATE INDEX services_tier_exposure ON services (tier, exposure, id);
CREATE INDEX services_lifecycle ON services (lifecycle, id);
CREATE INDEX services_id_name ON services (id, name);
CREATE INDEX services_name ON services (name, id);

-- Every service's remediation items, kept in the transaction of every service write: remediation progress (by team, by
-- programme, overdue) and a service's open items without reading states. team is the service's owner; due_on is the
-- item's ETA, else the last day of its target quarter, as YYYY-MM-DD text (which orders as dates do).
CREATE TABLE remediation_items (
    service_id text COLLATE "C" NOT NULL REFERENCES services (id),
    item_id    text COLLATE "C" NOT NULL,
    team       text COLLATE "C",
    programme  text COLLATE "C",
    status     text NOT NULL CHECK (status IN ('open', 'in-progress', 'done', 'wont-do')),
    due_on     text COLLATE "C",
    PRIMARY KEY (service_id, item_id)
);

-- Covering, in the order of the counts by team and by programme.
CREATE INDEX remediation_items_team ON remediation_items (team, status, due_on);
CREATE INDEX remediation_items_programme ON remediation_items (programme, status, due_on);

INSERT INTO remediation_items (service_id, item_id, team, programme, status, due_on)
SELECT services.id,
       item ->> 'id',
       services.owner,
       item ->> 'programme',
       COALESCE(item ->> 'status', 'open'),
       COALESCE(
           item ->> 'eta',
           to_char(make_date(substr(item ->> 'targetQuarter', 1, 4)::integer, substr(item ->> 'targetQuarter', 7, 1)::integer * 3, 1)
                   + interval '1 month' - interval '1 day', 'YYYY-MM-DD'))
FROM services
CROSS JOIN LATERAL jsonb_array_elements(COALESCE(services.state::jsonb -> 'remediationItems', '[]'::jsonb)) AS item;

-- Every service a succeeded run audited, with its score (0: nothing that counts, no profile or every trait waived), written
-- with the run: which services it audited and how risky each is, in one narrow row each, for lists to join and filter on.
-- Filled here for the latest succeeded run only.
CREATE TABLE audit_scores (
    run_id     bigint NOT NULL,
    service_id text COLLATE "C" NOT NULL,
    score      integer NOT NULL CHECK (score >= 0),
    PRIMARY KEY (run_id, service_id)
);

CREATE INDEX audit_scores_score ON audit_scores (run_id, score, service_id);

INSERT INTO audit_scores (run_id, service_id, score)
SELECT graph.run_id, graph.service_id, COALESCE(profiles.score, 0)
FROM audit_graph_facts AS graph
LEFT JOIN audit_profiles AS profiles ON profiles.run_id = graph.run_id AND profiles.service_id = graph.service_id
WHERE graph.run_id = (SELECT MAX(id) FROM audit_runs WHERE status = 'succeeded');

-- GraphFacts.CriticalFanIn beside the facts: a run's critical-path hubs from an index, not by parsing every row. Filled
-- here for the latest succeeded run only: older runs are never asked for their hubs.
ALTER TABLE audit_graph_facts ADD COLUMN critical_fan_in integer;

UPDATE audit_graph_facts SET critical_fan_in = (facts::jsonb ->> 4)::integer
WHERE run_id = (SELECT MAX(id) FROM audit_runs WHERE status = 'succeeded');

CREATE INDEX audit_graph_facts_critical ON audit_graph_facts (run_id, critical_fan_in);

-- How many services a succeeded run found at each risk level, by tier (the tier each had when the run was stored; NULL:
-- unclassified): written with the run, since counting it from profiles and services is a join of the whole fleet.
CREATE TABLE audit_run_tiers (
    run_id   bigint NOT NULL,
    tier     integer,
    level    text NOT NULL CHECK (level IN ('none', 'low', 'medium', 'high', 'critical')),
    services integer NOT NULL CHECK (services > 0)
);

CREATE INDEX audit_run_tiers_run ON audit_run_tiers (run_id);

INSERT INTO audit_run_tiers (run_id, tier, level, services)
SELECT graph.run_id, services.tier, COALESCE(profiles.level, 'none'), COUNT(*)
FROM audit_graph_facts AS graph
JOIN services ON services.id = graph.service_id
LEFT JOIN audit_profiles AS profiles ON profiles.run_id = graph.run_id AND profiles.service_id = graph.service_id
WHERE graph.run_id = (SELECT MAX(id) FROM audit_runs WHERE status = 'succeeded')
GROUP BY graph.run_id, services.tier, COALESCE(profiles.level, 'none');

-- What a succeeded run found that the succeeded run before it did not (new), the reverse (resolved), and what both found,
-- counted when the run is stored. Runs stored before this migration have no row: their changes are not known here.
CREATE TABLE audit_run_changes (
    run_id             bigint PRIMARY KEY,
    previous_run_id    bigint,
    new_findings       integer NOT NULL CHECK (new_findings >= 0),
    resolved_findings  integer NOT NULL CHECK (resolved_findings >= 0),
    unchanged_findings integer NOT NULL CHECK (unchanged_findings >= 0)
);
