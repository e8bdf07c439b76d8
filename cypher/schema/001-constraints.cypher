// Keys of everything the loader MERGEs on. Idempotent (IF NOT EXISTS); applied in file order at start.
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (e:Entity) REQUIRE e.key IS UNIQUE;
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:Name) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT claim_key IF NOT EXISTS FOR (c:Claim) REQUIRE c.key IS UNIQUE;
CREATE CONSTRAINT seed_meta_key IF NOT EXISTS FOR (m:SeedMeta) REQUIRE m.key IS UNIQUE;
