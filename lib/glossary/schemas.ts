export interface PolysemeSummaryDto {
  name: string;
  displayName: string;
  definition: string;
  ownerTeam: { name: string; displayName: string };
  /** Fields of visible products carrying the polyseme. */
  fieldCount: number;
}

export interface PolysemeFieldDto {
  port: { name: string; displayName: string };
  name: string;
  type: string;
}

export interface PolysemeProductGroupDto {
  ref: string;
  domain: { name: string; displayName: string };
  name: string;
  displayName: string;
  fields: PolysemeFieldDto[];
}

export interface PolysemeDetailDto extends PolysemeSummaryDto {
  products: PolysemeProductGroupDto[];
  domains: { name: string; displayName: string }[];
}
