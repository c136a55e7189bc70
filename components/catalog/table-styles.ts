// Cell classes of the product page's tables (schema, service-level objectives).
export const th = "px-3 py-2 text-left text-xs font-medium whitespace-nowrap text-muted";
export const td = "px-3 py-2.5 align-top";
