// The entity best matching a typed name, for a compiled projection (graph/compiled) to follow.
// Params: $key, $candidates, $fuzzy, $type, $alternatives. Leaves: candidates, e.
//#include fragments/resolve-entity
WITH candidates, e
