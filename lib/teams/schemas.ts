import type { ProductSummaryDto } from "../products/schemas";

export interface TeamMemberDto {
  name: string;
  email: string;
  role: "owner" | "member";
}

export interface TeamGrantDto {
  id: string;
  port: { name: string; displayName: string };
  product: { domain: string; name: string; displayName: string };
  accessLevel: string;
  endsAt: Date;
}

export interface TeamDetailDto {
  name: string;
  displayName: string;
  description: string;
  members: TeamMemberDto[];
  domains: { name: string; displayName: string }[];
  products: ProductSummaryDto[];
  grants: TeamGrantDto[];
}
