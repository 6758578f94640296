-- Every audited service's graph facts, kept with the run that computed them: one service can then be re-evaluated
-- between audits (after a change to it) without computing the whole fleet's graph again. Written in the transaction
-- that marks the run succeeded, like its profiles. facts is a JSON array of the 13 GraphFacts values in declaration
-- order (null where a value is unknown): one short value binds and inserts about twice as fast as 13 columns.
CREATE TABLE audit_graph_facts (
    run_id     bigint NOT NULL REFERENCES audit_runs (id),
    service_id text COLLATE "C" NOT NULL CHECK (service_id <> ''),
    facts      text NOT NULL CHECK (facts <> ''),
    PRIMARY KEY (run_id, service_id)
);

-- Which services provide which API, kept in the transaction of every service write: what resolves an api:NAME edge
-- (to its provider with the smallest id, by code point as the "C" collation orders) without reading every state.
CREATE TABLE service_apis (
    api        text COLLATE "C" NOT NULL,
    service_id text COLLATE "C" NOT NULL REFERENCES services (id),
    PRIMARY KEY (api, service_id)
);

INSERT INTO service_apis (api, service_id)
SELECT DISTINCT provided.api, services.id
FROM services
CROSS JOIN LATERAL jsonb_array_elements_text(services.state::jsonb #> '{profile,providesApis}') AS provided (api);
