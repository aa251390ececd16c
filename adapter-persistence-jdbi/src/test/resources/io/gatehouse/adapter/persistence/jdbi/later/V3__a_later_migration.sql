-- A migration released after the database was made: Flyway applies it over a schema FreshSchema created.
CREATE TABLE later_things (
    id VARCHAR(64) PRIMARY KEY
);
