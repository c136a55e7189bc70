export const ROLE_LABELS = {
  admin: "Platform admin",
  governance: "Governance",
  member: "Member",
} as const;
