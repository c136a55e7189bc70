// Grants on PostgreSQL output ports made real in the target database (see README, "Configuration").
export { reconcileGrant, ProvisioningError } from "./mutations";
export { connectionDetailsFor, isProvisionable, teamDatabaseCredentials } from "./targets";
export { roleNameForTeam, type ConnectionDetails } from "./schemas";
