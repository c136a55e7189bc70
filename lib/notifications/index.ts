// What other modules use, inside their own transactions.
export { notifyTeam, notifyUsers } from "./mutations";
export type { NotificationInput } from "./schemas";
