package postgres

// GetManySQL is getManySQL, for the plan test.
const GetManySQL = getManySQL
