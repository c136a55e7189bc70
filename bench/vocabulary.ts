// Word lists of the synthetic mesh: a media and commerce company split into domains and sub-domains, with the
// business nouns, qualifiers and facets that product, port and field names are made of.

export interface DomainSpec {
  name: string;
  displayName: string;
  /** Relative number of products. */
  weight: number;
  /** Business nouns the domain's products are about. */
  nouns: string[];
  children: { name: string; displayName: string; weight: number; nouns: string[] }[];
}

export const DOMAIN_TREE: DomainSpec[] = [
  {
    name: "customers",
    displayName: "Customers",
    weight: 6,
    nouns: ["profile", "account", "household", "consent", "preference"],
    children: [
      {
        name: "customers-identity",
        displayName: "Customer Identity",
        weight: 3,
        nouns: ["login", "credential", "device"],
      },
      {
        name: "customers-support",
        displayName: "Customer Support",
        weight: 3,
        nouns: ["ticket", "complaint", "agent"],
      },
      { name: "customers-loyalty", displayName: "Loyalty", weight: 2, nouns: ["reward", "tier", "voucher"] },
    ],
  },
  {
    name: "orders",
    displayName: "Orders",
    weight: 8,
    nouns: ["order", "basket", "checkout", "cart"],
    children: [
      { name: "orders-fulfilment", displayName: "Fulfilment", weight: 4, nouns: ["pick", "pack", "dispatch"] },
      { name: "orders-returns", displayName: "Returns", weight: 2, nouns: ["return", "refund", "exchange"] },
      {
        name: "orders-subscriptions",
        displayName: "Subscriptions",
        weight: 3,
        nouns: ["subscription", "renewal", "plan"],
      },
    ],
  },
  {
    name: "payments",
    displayName: "Payments",
    weight: 5,
    nouns: ["payment", "transaction", "settlement", "chargeback"],
    children: [
      { name: "payments-billing", displayName: "Billing", weight: 3, nouns: ["invoice", "statement", "dunning"] },
      { name: "payments-fraud", displayName: "Fraud", weight: 2, nouns: ["alert", "rule", "dispute"] },
    ],
  },
  {
    name: "marketing",
    displayName: "Marketing",
    weight: 5,
    nouns: ["campaign", "audience", "lead", "channel"],
    children: [
      {
        name: "marketing-attribution",
        displayName: "Attribution",
        weight: 2,
        nouns: ["touchpoint", "conversion", "click"],
      },
      { name: "marketing-email", displayName: "Email Marketing", weight: 2, nouns: ["newsletter", "send", "bounce"] },
      { name: "marketing-social", displayName: "Social Media", weight: 1, nouns: ["post", "mention", "follower"] },
    ],
  },
  {
    name: "logistics",
    displayName: "Logistics",
    weight: 5,
    nouns: ["shipment", "parcel", "route", "carrier"],
    children: [
      { name: "logistics-warehouses", displayName: "Warehouses", weight: 3, nouns: ["stock", "bin", "pallet"] },
      {
        name: "logistics-delivery",
        displayName: "Last-mile Delivery",
        weight: 2,
        nouns: ["delivery", "driver", "slot"],
      },
    ],
  },
  {
    name: "podcasts",
    displayName: "Podcasts",
    weight: 4,
    nouns: ["episode", "show", "listener", "download"],
    children: [
      { name: "podcasts-creators", displayName: "Podcast Creators", weight: 2, nouns: ["creator", "upload", "payout"] },
      { name: "podcasts-ads", displayName: "Podcast Ads", weight: 1, nouns: ["sponsor", "spot", "impression"] },
    ],
  },
  {
    name: "playback",
    displayName: "Playback",
    weight: 4,
    nouns: ["stream", "session", "play", "skip"],
    children: [
      { name: "playback-quality", displayName: "Playback Quality", weight: 2, nouns: ["buffer", "bitrate", "error"] },
      { name: "playback-devices", displayName: "Playback Devices", weight: 1, nouns: ["speaker", "app", "firmware"] },
    ],
  },
  {
    name: "catalog",
    displayName: "Catalog",
    weight: 5,
    nouns: ["product", "category", "brand", "listing"],
    children: [
      { name: "catalog-pricing", displayName: "Pricing", weight: 3, nouns: ["price", "discount", "promotion"] },
      { name: "catalog-inventory", displayName: "Inventory", weight: 3, nouns: ["inventory", "supplier", "reorder"] },
      { name: "catalog-reviews", displayName: "Reviews", weight: 1, nouns: ["review", "rating", "question"] },
    ],
  },
  {
    name: "finance",
    displayName: "Finance",
    weight: 4,
    nouns: ["ledger", "journal", "budget", "forecast"],
    children: [
      {
        name: "finance-reporting",
        displayName: "Financial Reporting",
        weight: 2,
        nouns: ["revenue", "margin", "cost"],
      },
      { name: "finance-tax", displayName: "Tax", weight: 1, nouns: ["tax", "filing", "jurisdiction"] },
      { name: "finance-treasury", displayName: "Treasury", weight: 1, nouns: ["cash", "currency", "hedge"] },
    ],
  },
  {
    name: "people",
    displayName: "People",
    weight: 2,
    nouns: ["employee", "position", "department"],
    children: [
      { name: "people-payroll", displayName: "Payroll", weight: 1, nouns: ["salary", "bonus", "timesheet"] },
      { name: "people-recruiting", displayName: "Recruiting", weight: 1, nouns: ["candidate", "interview", "offer"] },
    ],
  },
  {
    name: "recommendations",
    displayName: "Recommendations",
    weight: 3,
    nouns: ["recommendation", "model", "feature", "embedding"],
    children: [
      {
        name: "recommendations-experiments",
        displayName: "Experiments",
        weight: 2,
        nouns: ["experiment", "variant", "exposure"],
      },
    ],
  },
  {
    name: "advertising",
    displayName: "Advertising",
    weight: 3,
    nouns: ["advertiser", "creative", "placement", "bid"],
    children: [
      { name: "advertising-auctions", displayName: "Ad Auctions", weight: 2, nouns: ["auction", "floor", "win"] },
    ],
  },
  {
    name: "risk",
    displayName: "Risk & Compliance",
    weight: 2,
    nouns: ["control", "audit", "incident", "policy"],
    children: [{ name: "risk-privacy", displayName: "Privacy", weight: 1, nouns: ["request", "erasure", "retention"] }],
  },
  {
    name: "platform",
    displayName: "Platform",
    weight: 2,
    nouns: ["service", "deployment", "cluster", "cost"],
    children: [
      { name: "platform-observability", displayName: "Observability", weight: 1, nouns: ["metric", "trace", "log"] },
    ],
  },
];

/**
 * The terms the search benchmark looks for, with how often each is the subject of a product name: rare (about
 * 1 in 7,000 products), medium (1 in 100) and common (1 in 4, and also in many field names). No other word list
 * contains them. `typo` is a misspelt name for the trigram (fuzzy) path.
 */
export const SEARCH_TERMS = {
  rare: { term: "zeppelin", share: 0.00015 },
  medium: { term: "warranty", share: 0.01 },
  common: { term: "customer", share: 0.25 },
  typo: { term: "shipmnt", share: 0 },
} as const;

export const QUALIFIERS = [
  "daily",
  "weekly",
  "monthly",
  "hourly",
  "realtime",
  "enriched",
  "curated",
  "raw",
  "normalized",
  "regional",
  "global",
  "eu",
  "us",
  "apac",
  "historical",
  "top",
  "active",
  "new",
  "late",
  "failed",
  "pending",
  "open",
  "closed",
  "cancelled",
  "international",
  "domestic",
  "mobile",
  "web",
  "partner",
  "b2b",
  "premium",
  "trial",
];

export const FACETS = [
  "events",
  "snapshots",
  "summary",
  "metrics",
  "scores",
  "history",
  "facts",
  "dimensions",
  "forecast",
  "features",
  "aggregates",
  "changes",
  "updates",
  "ledger",
  "sessions",
  "kpis",
  "funnel",
  "cohorts",
  "segments",
  "quality",
  "latency",
  "demographics",
  "churn",
  "retention",
  "revenue",
  "activity",
  "usage",
  "balances",
  "exposures",
  "trends",
  "anomalies",
  "volumes",
  "lookup",
  "catalog",
  "timeline",
  "status",
];

export const TAGS = [
  "core",
  "gold",
  "silver",
  "bronze",
  "pii",
  "finance",
  "kpi",
  "ml",
  "reporting",
  "realtime",
  "batch",
  "gdpr",
  "sox",
  "experimental",
  "certified",
  "self-serve",
  "marketing",
  "operations",
  "executive",
  "forecasting",
  "streaming",
  "daily",
  "hourly",
  "reference",
  "master-data",
  "derived",
  "public",
  "internal",
  "sla-critical",
  "cost-center",
  "growth",
  "retention",
  "security",
  "audit",
  "legacy",
  "migrated",
  "lakehouse",
  "warehouse",
];

/** Sentences the descriptions are built from; `{noun}`, `{facet}`, `{domain}` and `{cadence}` are filled in. */
export const DESCRIPTION_SENTENCES = [
  "Every {noun} {facet} record of the {domain} domain, deduplicated and conformed to the shared identifiers.",
  "Built from the operational systems of {domain} and refreshed {cadence}.",
  "One row per {noun} and day, with the measures the {domain} analysts asked for most often.",
  "Late-arriving data is reconciled for seven days; after that the figures are final.",
  "Use it to join {noun} data across domains through the published polysemes.",
  "The {facet} are computed with the same definitions as the quarterly business review.",
  "Historical data goes back to the migration from the legacy warehouse.",
  "Amounts are in the original currency; a converted amount in EUR is provided alongside.",
  "Identifiers are pseudonymised where the consumer does not need the original value.",
  "Test and internal accounts are excluded.",
  "Timestamps are in UTC and follow ISO 8601.",
  "Downstream dashboards of the {domain} team read this product directly.",
  "Replaces the nightly export that used to be shared by email.",
  "Each {noun} carries its lifecycle state and the time it last changed.",
];

export const CADENCES = ["hourly", "daily", "every 15 minutes", "in near real time", "weekly", "nightly"];

export const AUDIENCES = ["analysts", "data scientists", "product managers", "finance controllers", "operations teams"];
export const VERBS = ["track", "forecast", "explain", "monitor", "compare", "segment", "reconcile", "report on"];

export interface FieldSpec {
  name: string;
  type: string;
  pii?: boolean;
  classification?: "public" | "internal" | "confidential" | "restricted";
  polyseme?: string;
}

/** Fields any schema may have, next to the `<noun>_id` key every port starts with. */
export const FIELDS: FieldSpec[] = [
  { name: "created_at", type: "timestamp" },
  { name: "updated_at", type: "timestamp" },
  { name: "event_time", type: "timestamp" },
  { name: "ingested_at", type: "timestamp" },
  { name: "valid_from", type: "date" },
  { name: "valid_to", type: "date" },
  { name: "status", type: "string" },
  { name: "status_reason", type: "string" },
  { name: "channel", type: "string" },
  { name: "country_code", type: "string" },
  { name: "region", type: "string" },
  { name: "city", type: "string" },
  { name: "postal_code", type: "string", pii: true, classification: "confidential" },
  { name: "email", type: "string", pii: true, classification: "confidential" },
  { name: "phone_number", type: "string", pii: true, classification: "confidential" },
  { name: "full_name", type: "string", pii: true, classification: "confidential" },
  { name: "birth_date", type: "date", pii: true, classification: "restricted" },
  { name: "ip_address", type: "string", pii: true, classification: "confidential" },
  { name: "street_address", type: "string", pii: true, classification: "restricted" },
  { name: "age_band", type: "string" },
  { name: "gender", type: "string", pii: true, classification: "confidential" },
  { name: "amount", type: "decimal(12,2)" },
  { name: "amount_eur", type: "decimal(12,2)" },
  { name: "currency_code", type: "string", polyseme: "currency" },
  { name: "tax_amount", type: "decimal(12,2)" },
  { name: "discount_amount", type: "decimal(12,2)" },
  { name: "quantity", type: "integer" },
  { name: "unit_price", type: "decimal(10,2)" },
  { name: "total_count", type: "bigint" },
  { name: "distinct_count", type: "bigint" },
  { name: "duration_seconds", type: "integer" },
  { name: "score", type: "double" },
  { name: "probability", type: "double" },
  { name: "rank", type: "integer" },
  { name: "is_active", type: "boolean" },
  { name: "is_test", type: "boolean" },
  { name: "source_system", type: "string" },
  { name: "batch_id", type: "string" },
  { name: "version", type: "integer" },
  { name: "locale", type: "string" },
  { name: "device_type", type: "string" },
  { name: "platform", type: "string" },
  { name: "app_version", type: "string" },
  { name: "referrer", type: "string" },
  { name: "utm_source", type: "string" },
  { name: "utm_campaign", type: "string" },
  { name: "segment", type: "string" },
  { name: "tier", type: "string" },
  { name: "notes", type: "string" },
  { name: "category", type: "string" },
  { name: "sub_category", type: "string" },
  { name: "latitude", type: "double", pii: true, classification: "confidential" },
  { name: "longitude", type: "double", pii: true, classification: "confidential" },
  { name: "customer_id", type: "uuid", polyseme: "customer" },
  { name: "customer_segment", type: "string" },
  { name: "listener_id", type: "uuid", polyseme: "listener" },
  { name: "order_id", type: "uuid", polyseme: "order" },
  { name: "invoice_id", type: "uuid", polyseme: "invoice" },
  { name: "episode_id", type: "uuid", polyseme: "episode" },
  { name: "campaign_id", type: "uuid", polyseme: "campaign" },
  { name: "shipment_id", type: "uuid", polyseme: "shipment" },
  { name: "product_id", type: "uuid", polyseme: "product" },
  { name: "account_id", type: "uuid", polyseme: "account" },
  { name: "store_id", type: "uuid", polyseme: "store" },
  { name: "employee_id", type: "uuid", polyseme: "employee" },
  { name: "session_id", type: "uuid" },
  { name: "device_id", type: "string" },
  { name: "request_id", type: "string" },
  { name: "payload_size_bytes", type: "bigint" },
  { name: "error_code", type: "string" },
  { name: "margin_pct", type: "decimal(5,2)" },
  { name: "net_revenue", type: "decimal(14,2)" },
  { name: "gross_revenue", type: "decimal(14,2)" },
  { name: "week_start", type: "date" },
  { name: "month_start", type: "date" },
  { name: "fiscal_quarter", type: "string" },
];

export const POLYSEMES = [
  {
    name: "customer",
    displayName: "Customer",
    definition: "A person or organisation that bought from us at least once.",
  },
  { name: "listener", displayName: "Listener", definition: "A user who played at least one podcast episode." },
  { name: "order", displayName: "Order", definition: "A confirmed purchase of one or more items, from checkout on." },
  { name: "invoice", displayName: "Invoice", definition: "A bill sent to a customer for an order or a subscription." },
  { name: "episode", displayName: "Episode", definition: "One published audio episode of a podcast show." },
  { name: "campaign", displayName: "Campaign", definition: "A marketing effort with a budget, a period and channels." },
  { name: "shipment", displayName: "Shipment", definition: "One or more parcels sent together to one address." },
  { name: "product", displayName: "Product", definition: "An item of the commerce catalog, identified by its SKU." },
  { name: "account", displayName: "Account", definition: "A user account that signs in to our apps." },
  { name: "store", displayName: "Store", definition: "A physical or online point of sale." },
  { name: "employee", displayName: "Employee", definition: "A person employed by the company." },
  { name: "currency", displayName: "Currency", definition: "An ISO 4217 currency code." },
];

export const SOURCE_SYSTEM_KINDS = [
  { suffix: "service", displayName: "service", kind: "service" },
  { suffix: "db", displayName: "database", kind: "database" },
  { suffix: "crm", displayName: "CRM", kind: "SaaS" },
  { suffix: "events", displayName: "event stream", kind: "stream" },
];
