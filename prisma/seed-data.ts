// The demo mesh: the digital media company of Zhamak Dehghani's article "How to Move Beyond a Monolithic Data
// Lake to a Distributed Data Mesh" (podcasts, users, artists, playback, recommendations, finance), as plain data.
// prisma/seed.ts writes it; seed-data.test.ts checks that it is consistent. Times are relative to the moment
// of seeding (`daysAgo`, `sunsetInDays`) so that "recent changes" always look recent.
import type {
  AccessUse,
  Archetype,
  Classification,
  GlobalRole,
  LifecycleStatus,
  OutputPortKind,
  PolicySeverity,
  SloKind,
  TeamRole,
} from "../lib/generated/prisma/enums";
import { DEMO_WAREHOUSE_DATABASE } from "../lib/provisioning/schemas";

export const DEMO_PASSWORD = "hexmesh-demo";

// ---------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------

export interface SeedUser {
  email: string;
  name: string;
  role: GlobalRole;
  teams: { team: string; role: TeamRole }[];
  /** Set for an account that an admin disabled that many days ago. */
  disabledDaysAgo?: number;
}

export interface SeedTeam {
  name: string;
  displayName: string;
  description: string;
}

export interface SeedDomain {
  name: string;
  displayName: string;
  description: string;
  team: string;
  parent?: string;
}

export interface SeedSourceSystem {
  domain: string;
  name: string;
  displayName: string;
  description: string;
  kind: string;
}

export interface SeedPolyseme {
  name: string;
  displayName: string;
  definition: string;
  ownerTeam: string;
}

export interface SeedPolicy {
  name: string;
  displayName: string;
  description: string;
  subject: "product" | "output-port";
  expression: string;
  severity: PolicySeverity;
  enabled: boolean;
}

export interface SeedField {
  name: string;
  type: string;
  description: string;
  required: boolean;
  primaryKey: boolean;
  classification: Classification;
  pii: boolean;
  polyseme?: string;
}

export interface SeedSlo {
  kind: SloKind;
  name: string;
  objective: string;
  threshold: number;
  unit: string;
  target: number;
  windowDays: number;
}

export type SeedServer =
  | { type: "postgres"; host: string; port: number; database: string; schema: string; table: string }
  | { type: "s3"; location: string; format: string }
  | { type: "kafka"; host: string; topic: string; format: string }
  | { type: "api"; location: string; format: string };

export interface SeedOutputPort {
  name: string;
  displayName: string;
  description: string;
  kind: OutputPortKind;
  format: string;
  server: SeedServer;
  maxGrantDays?: number;
  autoApprove?: boolean;
  fields: SeedField[];
  slos: SeedSlo[];
}

/** `<domain>/<product>#<output port>` */
export type PortRef = `${string}/${string}#${string}`;
/** `<domain>/<source system>` */
export type SourceSystemRef = `${string}/${string}`;

export type SeedInput = { system: SourceSystemRef; description: string } | { port: PortRef; description: string };

export interface SeedProduct {
  domain: string;
  name: string;
  displayName: string;
  team: string;
  archetype: Archetype;
  status: LifecycleStatus;
  version: string;
  description: string;
  purpose: string;
  limitations: string;
  usage: string;
  tags: string[];
  /** When it was registered. */
  daysAgo: number;
  /** For deprecated and retired products: when that happened, the note, and the sunset date. */
  lifecycle?: { changedDaysAgo: number; deprecationNote: string; sunsetInDays: number };
  outputPorts: SeedOutputPort[];
  inputs: SeedInput[];
}

export interface SeedAccessRequest {
  port: PortRef;
  requester: string;
  consumerTeam: string;
  purpose: string;
  use: AccessUse;
  daysAgo: number;
  durationDays: number;
  /** Absent for a pending request. `by` is null for an automatic approval. */
  outcome?:
    | { status: "approved" | "rejected"; by: string | null; daysAgo: number; reason?: string }
    | { status: "withdrawn"; daysAgo: number };
}

export interface SeedNotification {
  user: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  daysAgo: number;
  read: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Builders for the repetitive parts
// ---------------------------------------------------------------------------------------------------------

type FieldOptions = Partial<Omit<SeedField, "name" | "type" | "description">>;

function field(name: string, type: string, description: string, options: FieldOptions = {}): SeedField {
  return {
    name,
    type,
    description,
    required: false,
    primaryKey: false,
    classification: "internal",
    pii: false,
    ...options,
  };
}

/** A primary-key column. */
function key(name: string, type: string, description: string, options: FieldOptions = {}): SeedField {
  return field(name, type, description, { required: true, primaryKey: true, ...options });
}

// Identifiers shared across domains, each linked to its polyseme.
const listener = (name: "listener_id" | "user_id", description: string, options: FieldOptions = {}) =>
  field(name, "uuid", description, {
    required: true,
    classification: "confidential",
    pii: true,
    polyseme: "listener",
    ...options,
  });
const track = (description = "The track played (track polyseme).", options: FieldOptions = {}) =>
  field("track_id", "uuid", description, { polyseme: "track", ...options });
const artist = (description = "The artist (artist polyseme).", options: FieldOptions = {}) =>
  field("artist_id", "uuid", description, { required: true, polyseme: "artist", ...options });
const episode = (description = "The podcast episode (episode polyseme).", options: FieldOptions = {}) =>
  field("episode_id", "uuid", description, { polyseme: "episode", ...options });
const device = (description = "The player installation (device polyseme).", options: FieldOptions = {}) =>
  field("device_id", "uuid", description, {
    required: true,
    classification: "confidential",
    pii: true,
    polyseme: "device",
    ...options,
  });
const country = (description = "ISO 3166-1 alpha-2 country code.", options: FieldOptions = {}) =>
  field("country", "string", description, options);

const slo = (
  kind: SloKind,
  threshold: number,
  unit: string,
  objective: string,
  target = 99,
  windowDays = 30,
): SeedSlo => ({
  kind,
  name: kind.charAt(0).toUpperCase() + kind.slice(1),
  objective,
  threshold,
  unit,
  target,
  windowDays,
});
const freshness = (threshold: number, unit: "minutes" | "hours" | "days", objective: string, target = 99) =>
  slo("freshness", threshold, unit, objective, target);
const completeness = (percent: number, objective: string, target = 99) =>
  slo("completeness", percent, "%", objective, target);
const availability = (percent: number, objective: string) => slo("availability", percent, "%", objective, 100, 30);
const volume = (minimum: number, unit: string, objective: string, target = 95) =>
  slo("volume", minimum, unit, objective, target, 7);

const postgres = (database: string, schema: string, table: string): SeedServer => ({
  type: "postgres",
  host: "localhost",
  port: 5432,
  database,
  schema,
  table,
});
/**
 * A table of the demo warehouse (scripts/db/warehouse.ts), a real database on the catalog's own server: the seed
 * replaces host and port with those of the server it seeds, so approved grants on it are provisioned for real.
 */
const warehouse = (schema: string, table: string): SeedServer => ({
  type: "postgres",
  host: "localhost",
  port: 5432,
  database: DEMO_WAREHOUSE_DATABASE,
  schema,
  table,
});
const s3 = (location: string, format: string): SeedServer => ({ type: "s3", location, format });
const kafka = (topic: string): SeedServer => ({
  type: "kafka",
  host: "kafka.hexmesh.local:9092",
  topic,
  format: "avro",
});
const api = (location: string): SeedServer => ({ type: "api", location, format: "json" });

// ---------------------------------------------------------------------------------------------------------
// People and teams
// ---------------------------------------------------------------------------------------------------------

export const TEAMS: SeedTeam[] = [
  {
    name: "podcasts",
    displayName: "Podcasts",
    description: "Podcast publishing, the podcast catalogue and what we know about podcast audiences.",
  },
  {
    name: "users",
    displayName: "Users",
    description: "User accounts: registration, profiles, subscriptions tiers and privacy choices.",
  },
  {
    name: "artists",
    displayName: "Artists",
    description: "Artist onboarding, artist profiles and the music catalogue.",
  },
  {
    name: "playback",
    displayName: "Playback",
    description: "The players on every platform, the listening events they emit and the devices they run on.",
  },
  {
    name: "recommendations",
    displayName: "Recommendations",
    description: "Taste profiles and the recommendations on home, radio and podcasts.",
  },
  {
    name: "finance",
    displayName: "Finance",
    description: "Billing, revenue reporting and royalty payments to rights holders.",
  },
  {
    name: "marketing-analytics",
    displayName: "Marketing Analytics",
    description: "Campaign measurement and audience analysis for marketing. Consumes data products; owns none.",
  },
  {
    name: "governance",
    displayName: "Governance",
    description: "The federated governance group: global policies, polysemes and interoperability standards.",
  },
];

export const USERS: SeedUser[] = [
  // The demo accounts of the README.
  { email: "admin@hexmesh.local", name: "Ada Admin", role: "admin", teams: [] },
  {
    email: "governance@hexmesh.local",
    name: "Grace Governance",
    role: "governance",
    teams: [{ team: "governance", role: "owner" }],
  },
  {
    email: "podcasts@hexmesh.local",
    name: "Pat Podcasts",
    role: "member",
    teams: [{ team: "podcasts", role: "owner" }],
  },
  { email: "users@hexmesh.local", name: "Uma Users", role: "member", teams: [{ team: "users", role: "owner" }] },
  {
    email: "consumer@hexmesh.local",
    name: "Carl Consumer",
    role: "member",
    teams: [{ team: "marketing-analytics", role: "member" }],
  },
  // Their colleagues.
  {
    email: "priya.nair@hexmesh.local",
    name: "Priya Nair",
    role: "member",
    teams: [{ team: "podcasts", role: "member" }],
  },
  { email: "liam.chen@hexmesh.local", name: "Liam Chen", role: "member", teams: [{ team: "users", role: "member" }] },
  {
    email: "sofia.rossi@hexmesh.local",
    name: "Sofia Rossi",
    role: "member",
    teams: [{ team: "artists", role: "owner" }],
  },
  {
    email: "kenji.watanabe@hexmesh.local",
    name: "Kenji Watanabe",
    role: "member",
    teams: [{ team: "artists", role: "member" }],
  },
  {
    email: "marta.kowalski@hexmesh.local",
    name: "Marta Kowalski",
    role: "member",
    teams: [{ team: "playback", role: "owner" }],
  },
  {
    email: "diego.fernandez@hexmesh.local",
    name: "Diego Fernández",
    role: "member",
    teams: [{ team: "playback", role: "member" }],
  },
  {
    email: "amara.osei@hexmesh.local",
    name: "Amara Osei",
    role: "member",
    teams: [{ team: "recommendations", role: "owner" }],
  },
  {
    email: "noah.schmidt@hexmesh.local",
    name: "Noah Schmidt",
    role: "member",
    teams: [{ team: "recommendations", role: "member" }],
  },
  {
    email: "hannah.berg@hexmesh.local",
    name: "Hannah Berg",
    role: "member",
    teams: [{ team: "finance", role: "owner" }],
  },
  {
    email: "omar.haddad@hexmesh.local",
    name: "Omar Haddad",
    role: "member",
    teams: [{ team: "finance", role: "member" }],
  },
  {
    email: "lena.mueller@hexmesh.local",
    name: "Lena Müller",
    role: "member",
    teams: [{ team: "marketing-analytics", role: "owner" }],
  },
  {
    email: "jonas.weber@hexmesh.local",
    name: "Jonas Weber",
    role: "member",
    teams: [{ team: "marketing-analytics", role: "member" }],
    disabledDaysAgo: 3,
  },
  {
    email: "rafael.santos@hexmesh.local",
    name: "Rafael Santos",
    role: "governance",
    teams: [
      { team: "governance", role: "member" },
      { team: "playback", role: "member" },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Domains and their operational systems
// ---------------------------------------------------------------------------------------------------------

export const DOMAINS: SeedDomain[] = [
  {
    name: "podcasts",
    displayName: "Podcasts",
    team: "podcasts",
    description:
      "Podcast shows and episodes from publishing to listening: what is released, downloaded and by whom it is heard.",
  },
  {
    name: "users",
    displayName: "Users",
    team: "users",
    description: "Who our users are: accounts, profiles, subscription tiers and consents.",
  },
  {
    name: "artists",
    displayName: "Artists",
    team: "artists",
    description: "Artists, labels and the catalogue of tracks they publish on Hexmesh.",
  },
  {
    name: "playback",
    displayName: "Playback",
    team: "playback",
    description: "Listening as it happens: play events from every player, sessions and playback quality.",
  },
  {
    name: "playback-devices",
    displayName: "Playback devices",
    team: "playback",
    parent: "playback",
    description: "The phones, browsers, cars, speakers and TVs that run a Hexmesh player.",
  },
  {
    name: "recommendations",
    displayName: "Recommendations",
    team: "recommendations",
    description: "Listeners' tastes and the recommendations made from them.",
  },
  {
    name: "finance",
    displayName: "Finance",
    team: "finance",
    description: "Money in and out: subscription revenue, forecasts and payments to rights holders.",
  },
  {
    name: "finance-billing",
    displayName: "Billing",
    team: "finance",
    parent: "finance",
    description: "Subscription charges, refunds and recurring revenue.",
  },
  {
    name: "finance-royalties",
    displayName: "Royalties",
    team: "finance",
    parent: "finance",
    description: "Licensing agreements and the royalties owed to labels, publishers and artists.",
  },
];

export const SOURCE_SYSTEMS: SeedSourceSystem[] = [
  {
    domain: "podcasts",
    name: "podcast-publishing-service",
    displayName: "Podcast publishing service",
    kind: "service",
    description: "Where podcast creators upload, schedule and release episodes.",
  },
  {
    domain: "podcasts",
    name: "podcast-hosting-cdn",
    displayName: "Podcast hosting CDN",
    kind: "log stream",
    description: "Access logs of the CDN that serves episode audio files to every podcast app.",
  },
  {
    domain: "podcasts",
    name: "podcast-ad-server",
    displayName: "Podcast ad server",
    kind: "SaaS",
    description: "Inserts ads dynamically into episodes at download and stream time.",
  },
  {
    domain: "users",
    name: "user-registration-service",
    displayName: "User registration service",
    kind: "service",
    description: "Sign-up, sign-in and account deletion for all apps.",
  },
  {
    domain: "users",
    name: "user-profile-service",
    displayName: "User profile service",
    kind: "service",
    description: "Profile details, preferences and subscription tier of each account.",
  },
  {
    domain: "users",
    name: "consent-management-platform",
    displayName: "Consent management platform",
    kind: "SaaS",
    description: "Records users' privacy choices in apps and on the web.",
  },
  {
    domain: "artists",
    name: "artist-onboarding-service",
    displayName: "Artist onboarding service",
    kind: "service",
    description: "Artists and labels claim, verify and edit artist profiles here.",
  },
  {
    domain: "artists",
    name: "music-catalogue-db",
    displayName: "Music catalogue database",
    kind: "database",
    description: "The catalogue of tracks and albums ingested from label deliveries (DDEX).",
  },
  {
    domain: "playback",
    name: "player-events-stream",
    displayName: "Player events stream",
    kind: "event stream",
    description: "The telemetry every player sends: plays, pauses, skips, buffering.",
  },
  {
    domain: "playback-devices",
    name: "device-registry",
    displayName: "Device registry",
    kind: "service",
    description: "Issues device ids and keeps each player installation's platform and versions.",
  },
  {
    domain: "recommendations",
    name: "recommendation-serving-logs",
    displayName: "Recommendation serving logs",
    kind: "log stream",
    description: "What the recommendation API served to which listener, and what happened next.",
  },
  {
    domain: "finance-billing",
    name: "payment-gateway",
    displayName: "Payment gateway",
    kind: "SaaS",
    description: "The external payment provider: card and wallet charges, refunds, chargebacks.",
  },
  {
    domain: "finance-billing",
    name: "subscription-billing-service",
    displayName: "Subscription billing service",
    kind: "service",
    description: "Plans, billing cycles and invoices of every subscription.",
  },
  {
    domain: "finance-royalties",
    name: "rights-and-licensing-db",
    displayName: "Rights and licensing database",
    kind: "database",
    description: "Contracts with labels, publishers and podcast networks, and their terms.",
  },
];

// ---------------------------------------------------------------------------------------------------------
// Federated governance
// ---------------------------------------------------------------------------------------------------------

export const POLYSEMES: SeedPolyseme[] = [
  {
    name: "listener",
    displayName: "Listener",
    definition:
      "A person who listens to music or podcasts on Hexmesh, identified by the user id of their account: `user_id` in the users domain and `listener_id` elsewhere are the same UUID.",
    ownerTeam: "governance",
  },
  {
    name: "artist",
    displayName: "Artist",
    definition:
      "A performer or creator whose tracks are published on Hexmesh, identified by the artist id assigned at onboarding in the artists domain.",
    ownerTeam: "governance",
  },
  {
    name: "track",
    displayName: "Track",
    definition:
      "A single recording available for streaming, identified by the catalogue's track id. One ISRC can map to several track ids across releases.",
    ownerTeam: "governance",
  },
  {
    name: "episode",
    displayName: "Podcast episode",
    definition: "A released episode of a podcast, identified by the episode id the podcast publishing service assigns.",
    ownerTeam: "governance",
  },
  {
    name: "device",
    displayName: "Device",
    definition:
      "A player installation a listener signed in on (phone app, browser profile, car, speaker, TV), identified by the id the device registry issues.",
    ownerTeam: "governance",
  },
];

/** Authored by the governance demo account. */
export const POLICY_AUTHOR = "governance@hexmesh.local";

export const POLICIES: SeedPolicy[] = [
  {
    name: "active-products-are-described",
    displayName: "Active products are described by their owners",
    description:
      "Consumers decide from the product page: every active product says what it holds, why it exists and where its limits are.",
    subject: "product",
    expression: 'status != "active" || (size(description) >= 40 && purpose != "" && limitations != "")',
    severity: "warning",
    enabled: true,
  },
  {
    name: "pii-fields-are-protected",
    displayName: "PII fields are classified confidential or restricted",
    description: "Personal data never sits in a public or internal field, whatever the domain.",
    subject: "output-port",
    expression: 'fields.all(f, !f.pii || f.classification in ["confidential", "restricted"])',
    severity: "blocking",
    enabled: true,
  },
  {
    name: "deprecations-have-a-sunset",
    displayName: "Deprecated products announce a replacement and a sunset date",
    description:
      "Consumers of a deprecated product must know what to move to and until when the product stays available.",
    subject: "product",
    expression: 'status != "deprecated" || (deprecationNote != null && sunsetAt != null)',
    severity: "blocking",
    enabled: true,
  },
  {
    name: "active-ports-promise-freshness",
    displayName: "Output ports of active products have a freshness SLO",
    description: "Every consumer needs to know how old the data can be.",
    subject: "output-port",
    expression: 'product.status != "active" || slos.exists(s, s.kind == "freshness")',
    severity: "warning",
    enabled: true,
  },
  {
    name: "listener-ids-use-the-polyseme",
    displayName: "Listener identifiers link to the listener polyseme",
    description:
      "`user_id` and `listener_id` are the same identifier across domains; linking them lets consumers join products safely.",
    subject: "output-port",
    expression: 'fields.filter(f, f.name in ["user_id", "listener_id"]).all(f, f.polyseme == "listener")',
    severity: "info",
    enabled: true,
  },
  {
    name: "restricted-ports-limit-grants",
    displayName: "Ports with restricted fields grant access for at most 90 days",
    description: "Under discussion with the users team: user-profiles grants 180 days today.",
    subject: "output-port",
    expression: '!fields.exists(f, f.classification == "restricted") || (maxGrantDays != null && maxGrantDays <= 90)',
    severity: "warning",
    enabled: false,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Data products
// ---------------------------------------------------------------------------------------------------------

export const PRODUCTS: SeedProduct[] = [
  // ---- podcasts ------------------------------------------------------------------------------------------
  {
    domain: "podcasts",
    name: "released-podcast-episodes",
    displayName: "Released podcast episodes",
    team: "podcasts",
    archetype: "source_aligned",
    status: "active",
    version: "2.1.0",
    daysAgo: 29,
    description:
      "Every podcast episode at the moment it is released to listeners, as recorded by the podcast publishing service: one row per episode with its show, title, duration, language and release time.",
    purpose:
      "The authoritative record of which podcast content exists and since when, so that charts, recommendations and royalties never read the publishing service's database.",
    limitations:
      "Scheduled episodes appear only once released. Metadata corrections can arrive up to 15 minutes after release and are applied in place. Episode titles are written by creators and not moderated.",
    usage:
      "Join on `episode_id` (the episode polyseme) with play events. React to releases within seconds with the `episode-releases` stream; analyse with the `episodes` table.",
    tags: ["podcasts", "episodes", "catalogue"],
    inputs: [
      {
        system: "podcasts/podcast-publishing-service",
        description: "Release and metadata-change events of the publishing service.",
      },
    ],
    outputPorts: [
      {
        name: "episodes",
        displayName: "Episodes",
        description: "The current state of every released episode, one row per episode.",
        kind: "table",
        format: "postgres",
        server: postgres("podcasts", "public", "released_episodes"),
        maxGrantDays: 365,
        fields: [
          episode("The released episode (episode polyseme).", { required: true, primaryKey: true }),
          field("podcast_id", "uuid", "The show the episode belongs to.", { required: true }),
          field("podcast_title", "string", "Title of the show.", { required: true, classification: "public" }),
          field("episode_title", "string", "Title of the episode as written by its creator.", {
            required: true,
            classification: "public",
          }),
          field("released_at", "timestamp", "When the episode became available to listeners (UTC).", {
            required: true,
          }),
          field("duration_seconds", "int", "Length of the audio in seconds."),
          field("language", "string", "BCP 47 language tag declared by the creator.", { classification: "public" }),
          field("explicit", "boolean", "Whether the creator marked the episode as explicit.", {
            required: true,
            classification: "public",
          }),
          field("category", "string", "Apple Podcasts category of the show, e.g. `True Crime`.", {
            classification: "public",
          }),
          field("updated_at", "timestamp", "Last metadata change.", { required: true }),
        ],
        slos: [
          freshness(15, "minutes", "A released episode appears within 15 minutes."),
          completeness(100, "Every released episode is present.", 99.9),
          availability(99.9, "The table answers queries 99.9% of the time."),
        ],
      },
      {
        name: "episode-releases",
        displayName: "Episode releases",
        description: "One event per release, metadata change or unpublication of an episode.",
        kind: "events",
        format: "avro",
        server: kafka("podcasts.episode-released.v2"),
        fields: [
          key("event_id", "uuid", "Unique id of the event."),
          episode("The episode concerned.", { required: true }),
          field("podcast_id", "uuid", "The show.", { required: true }),
          field("event_type", "string", "`released`, `updated` or `unpublished`.", { required: true }),
          field("episode_title", "string", "Title after the change.", { classification: "public" }),
          field("occurred_at", "timestamp", "When the change happened in the publishing service.", { required: true }),
        ],
        slos: [
          freshness(1, "minutes", "Events are on the topic within a minute of the change."),
          availability(99.95, "The topic accepts consumers 99.95% of the time."),
        ],
      },
    ],
  },
  {
    domain: "podcasts",
    name: "podcast-listeners-demographic",
    displayName: "Podcast listeners demographic",
    team: "podcasts",
    archetype: "aggregate",
    status: "active",
    version: "1.3.0",
    daysAgo: 24,
    description:
      "Who listens to each podcast: one row per listener and podcast with the listener's age band, country and listening over the last 30 days, built from the users domain's user updates and playback's play events.",
    purpose:
      "Lets podcast producers, ad sales and recommendations understand each show's audience without access to raw user profiles.",
    limitations:
      "The age band comes from the birth year declared at sign-up and is `unknown` for about 8% of listeners. Listeners who opted out of personalisation are excluded. Rebuilt daily at 03:00 UTC, so today's listening is missing.",
    usage:
      "Aggregate by `podcast_id` and `age_band` for audience reports; never export listener-level rows. `listener_id` is the listener polyseme, the same id as `user_id` in users/user-updates.",
    tags: ["podcasts", "listeners", "demographics", "audience"],
    inputs: [
      {
        port: "users/user-updates#user-profiles",
        description: "Birth year (turned into an age band) and country of each listener.",
      },
      { port: "playback/play-events#play-events-daily", description: "Podcast plays of the last 30 days." },
    ],
    outputPorts: [
      {
        name: "listeners-demographic",
        displayName: "Listeners demographic",
        description: "Current audience of every podcast, one row per listener and podcast.",
        kind: "table",
        format: "postgres",
        server: warehouse("podcasts", "listeners_demographic"),
        maxGrantDays: 180,
        fields: [
          listener("listener_id", "The listener (listener polyseme): the user id of their account.", {
            primaryKey: true,
          }),
          key("podcast_id", "uuid", "The podcast listened to."),
          field("age_band", "string", "`13-17`, `18-24`, `25-34`, `35-44`, `45-54`, `55-64`, `65+` or `unknown`.", {
            required: true,
            classification: "confidential",
            pii: true,
          }),
          country("Country of the listener's account.", { required: true }),
          field("first_listened_at", "timestamp", "First play of this podcast by this listener."),
          field("episodes_played_30d", "int", "Distinct episodes played in the last 30 days.", { required: true }),
          field("minutes_listened_30d", "int", "Minutes listened in the last 30 days.", { required: true }),
          field("follows_podcast", "boolean", "Whether the listener follows the podcast."),
          field("computed_on", "date", "Day of the build.", { required: true }),
        ],
        slos: [
          freshness(24, "hours", "Rebuilt every day by 04:00 UTC."),
          completeness(99.5, "At least 99.5% of listeners with a podcast play are present.", 95),
          volume(500000, "rows", "At least 500,000 listener-podcast rows per build."),
        ],
      },
      {
        name: "listeners-demographic-files",
        displayName: "Listeners demographic snapshots",
        description: "Daily Parquet snapshots of the same data, partitioned by `computed_on`, for model training.",
        kind: "files",
        format: "parquet",
        server: s3("s3://mesh-podcasts/listeners-demographic/", "parquet"),
        maxGrantDays: 180,
        fields: [
          listener("listener_id", "The listener (listener polyseme)."),
          field("podcast_id", "uuid", "The podcast listened to.", { required: true }),
          field("age_band", "string", "Age band of the listener.", {
            required: true,
            classification: "confidential",
            pii: true,
          }),
          country("Country of the listener's account."),
          field("minutes_listened_30d", "int", "Minutes listened in the last 30 days."),
          field("computed_on", "date", "Partition: day of the build.", { required: true }),
        ],
        slos: [
          freshness(26, "hours", "Each day's partition lands by 05:00 UTC."),
          availability(99.9, "Files are readable 99.9% of the time."),
        ],
      },
    ],
  },
  {
    domain: "podcasts",
    name: "podcast-episode-downloads",
    displayName: "Podcast episode downloads",
    team: "podcasts",
    archetype: "source_aligned",
    status: "active",
    version: "1.4.2",
    daysAgo: 27,
    description:
      "Every download of an episode's audio file from our hosting CDN, including downloads by third-party podcast apps that never reach our own players.",
    purpose: "Measures the audience outside our apps, which advertisers and IAB-compliant podcast reporting require.",
    limitations:
      "Filtered as IAB Podcast Measurement 2.2 requires: bots and repeated byte-range requests within 24 hours are removed, so counts differ from raw CDN logs. Third-party apps give no listener identity, only a daily-rotated hash.",
    usage: "Count rows by `episode_id` and `download_date`. Partitioned by `download_date`: always filter on it.",
    tags: ["podcasts", "downloads", "iab", "advertising"],
    inputs: [{ system: "podcasts/podcast-hosting-cdn", description: "CDN access logs, delivered hourly." }],
    outputPorts: [
      {
        name: "downloads",
        displayName: "Downloads",
        description: "One row per IAB-valid download, partitioned by day.",
        kind: "files",
        format: "parquet",
        server: s3("s3://mesh-podcasts/episode-downloads/", "parquet"),
        fields: [
          key("download_id", "uuid", "Unique id of the download."),
          episode("The downloaded episode.", { required: true }),
          field("download_date", "date", "Partition: UTC day of the download.", { required: true }),
          field("downloaded_at", "timestamp", "When the download completed.", { required: true }),
          field("client_hash", "string", "SHA-256 of IP address and user agent, salted and rotated daily.", {
            classification: "confidential",
            pii: true,
          }),
          field("app_name", "string", "Podcast app derived from the user agent."),
          country("Country derived from the IP address."),
          field("bytes_delivered", "bigint", "Bytes sent to the client."),
          field("is_own_app", "boolean", "True when the download came from a Hexmesh player.", { required: true }),
        ],
        slos: [
          freshness(6, "hours", "Downloads are available within 6 hours."),
          completeness(99, "At least 99% of CDN log files are processed.", 99),
          volume(2000000, "downloads/day", "At least 2 million valid downloads per day."),
        ],
      },
    ],
  },
  {
    domain: "podcasts",
    name: "top-podcasts-daily",
    displayName: "Top podcasts daily",
    team: "podcasts",
    archetype: "consumer_aligned",
    status: "active",
    version: "1.0.3",
    daysAgo: 14,
    description:
      "The daily top 200 podcasts per country, as shown in the apps' Charts tab and on the public web charts.",
    purpose: "Serves the charts of the listener apps and the editorial team's weekly podcast newsletter.",
    limitations:
      "Countries with fewer than 1,000 daily podcast listeners get no chart. Rank changes compare with the previous day only.",
    usage: "The apps call the API with a country code; editors analyse the history table.",
    tags: ["podcasts", "charts", "editorial"],
    inputs: [
      {
        port: "podcasts/released-podcast-episodes#episodes",
        description: "Titles and release dates for the chart entries.",
      },
      { port: "playback/play-sessions#sessions", description: "Listeners per podcast in our own players." },
      { port: "podcasts/podcast-episode-downloads#downloads", description: "Listeners in third-party apps." },
    ],
    outputPorts: [
      {
        name: "charts-api",
        displayName: "Charts API",
        description: "Today's chart for a country: `GET /charts/{country}`.",
        kind: "api",
        format: "json",
        server: api("https://data.hexmesh.local/podcasts/top-podcasts/v1"),
        autoApprove: true,
        fields: [
          key("country", "string", "ISO 3166-1 alpha-2 country code.", { classification: "public" }),
          key("chart_date", "date", "Day of the chart.", { classification: "public" }),
          key("rank", "int", "Position, 1 to 200.", { classification: "public" }),
          field("podcast_id", "uuid", "The podcast.", { required: true, classification: "public" }),
          field("podcast_title", "string", "Title of the podcast.", { required: true, classification: "public" }),
          field("rank_change", "int", "Change since the previous day; null for new entries.", {
            classification: "public",
          }),
        ],
        slos: [
          availability(99.95, "The API answers 99.95% of requests."),
          freshness(24, "hours", "Today's charts are published by 06:00 UTC."),
        ],
      },
      {
        name: "charts-history",
        displayName: "Charts history",
        description: "Every published chart since 2021.",
        kind: "table",
        format: "postgres",
        server: postgres("podcasts", "public", "top_podcasts_daily"),
        fields: [
          key("chart_date", "date", "Day of the chart."),
          key("country", "string", "ISO 3166-1 alpha-2 country code."),
          key("rank", "int", "Position, 1 to 200."),
          field("podcast_id", "uuid", "The podcast.", { required: true }),
          field("listeners", "bigint", "Distinct listeners and downloaders that day.", { required: true }),
          field("plays", "bigint", "Plays and downloads that day.", { required: true }),
        ],
        slos: [freshness(24, "hours", "Updated daily by 06:00 UTC.")],
      },
    ],
  },
  {
    domain: "podcasts",
    name: "podcast-ad-impressions",
    displayName: "Podcast ad impressions",
    team: "podcasts",
    archetype: "source_aligned",
    status: "proposed",
    version: "0.1.0",
    daysAgo: 3,
    description:
      "Proposed: one event per dynamically inserted ad in a podcast episode, with the campaign, the slot and whether the ad was heard to the end.",
    purpose:
      "Would let ad sales and finance bill advertisers from the mesh instead of monthly CSV exports of the ad server.",
    limitations:
      "Not built yet. Only ads inserted by our ad server are covered; ads read by hosts in the recording are out of scope.",
    usage: "Comment on the proposal in the podcasts team channel; the schema follows the ad server's impression log.",
    tags: ["podcasts", "advertising", "proposal"],
    inputs: [{ system: "podcasts/podcast-ad-server", description: "Impression log export of the ad server." }],
    outputPorts: [
      {
        name: "ad-impressions",
        displayName: "Ad impressions",
        description: "Impression events, one per inserted ad.",
        kind: "events",
        format: "avro",
        server: kafka("podcasts.ad-impressions.v1"),
        fields: [
          key("impression_id", "uuid", "Unique id of the impression."),
          field("campaign_id", "string", "Campaign in the ad server.", { required: true }),
          episode("The episode the ad was inserted into.", { required: true }),
          field("slot", "string", "`pre-roll`, `mid-roll` or `post-roll`.", { required: true }),
          field("served_at", "timestamp", "When the ad was served.", { required: true }),
          field("completed", "boolean", "Whether the ad was heard to the end."),
          device("The listening device, for frequency capping (device polyseme)."),
        ],
        slos: [freshness(5, "minutes", "Impressions are on the topic within 5 minutes.")],
      },
    ],
  },

  // ---- users ---------------------------------------------------------------------------------------------
  {
    domain: "users",
    name: "user-updates",
    displayName: "User updates",
    team: "users",
    archetype: "source_aligned",
    status: "active",
    version: "3.0.1",
    daysAgo: 28,
    description:
      "Every change to a user account (sign-up, profile edit, subscription tier change, country move, deletion) with the resulting state of the account: the source of truth for who our users are.",
    purpose:
      "Gives every domain the current and past state of user accounts without coupling to the registration and profile services.",
    limitations:
      "Deleted accounts keep a tombstone row (`deleted` = true) with every personal field nulled, as GDPR erasure requires. Email addresses are only in the restricted `email` column, never in the event stream.",
    usage:
      "Read `user-profiles` for the current state (one row per `user_id`); subscribe to `user-update-events` for changes. `user_id` is the listener polyseme: the same id as `listener_id` across the mesh.",
    tags: ["users", "accounts", "profiles", "gdpr"],
    inputs: [
      { system: "users/user-registration-service", description: "Sign-ups and deletions." },
      { system: "users/user-profile-service", description: "Profile edits and tier changes." },
    ],
    outputPorts: [
      {
        name: "user-profiles",
        displayName: "User profiles",
        description: "Current state of every account, one row per user.",
        kind: "table",
        format: "postgres",
        server: postgres("users", "public", "user_profiles"),
        maxGrantDays: 180,
        fields: [
          listener("user_id", "Id of the account: the listener polyseme.", { primaryKey: true }),
          field("email", "string", "Sign-in email address.", { classification: "restricted", pii: true }),
          field("display_name", "string", "Name shown in the apps.", { classification: "confidential", pii: true }),
          field("birth_year", "int", "Year of birth declared at sign-up.", {
            classification: "confidential",
            pii: true,
          }),
          country("Country of the account, which decides catalogue and pricing.", { required: true }),
          field("preferred_language", "string", "BCP 47 language tag of the app's language."),
          field("subscription_tier", "string", "`free`, `premium`, `family` or `student`.", { required: true }),
          field("signed_up_at", "timestamp", "When the account was created.", { required: true }),
          field("updated_at", "timestamp", "Last change of the account.", { required: true }),
          field("deleted", "boolean", "True for erased accounts (tombstones).", { required: true }),
        ],
        slos: [
          freshness(1, "hours", "Account changes are visible within an hour."),
          completeness(99.9, "Every account of the registration service is present.", 99.5),
          availability(99.9, "The table answers queries 99.9% of the time."),
        ],
      },
      {
        name: "user-update-events",
        displayName: "User update events",
        description: "One event per change of an account, without email addresses.",
        kind: "events",
        format: "avro",
        server: kafka("users.user-updated.v3"),
        maxGrantDays: 180,
        fields: [
          key("event_id", "uuid", "Unique id of the event."),
          listener("user_id", "The account that changed: the listener polyseme."),
          field("change_type", "string", "`created`, `updated`, `tier_changed` or `deleted`.", { required: true }),
          field("changed_fields", "array<string>", "Names of the fields that changed."),
          country("Country after the change."),
          field("subscription_tier", "string", "Tier after the change."),
          field("occurred_at", "timestamp", "When the change happened.", { required: true }),
        ],
        slos: [
          freshness(2, "minutes", "Events are on the topic within 2 minutes of the change."),
          availability(99.95, "The topic accepts consumers 99.95% of the time."),
        ],
      },
    ],
  },
  {
    domain: "users",
    name: "user-sign-ups",
    displayName: "User sign-ups",
    team: "users",
    archetype: "source_aligned",
    status: "deprecated",
    version: "1.8.0",
    daysAgo: 29.5,
    lifecycle: {
      changedDaysAgo: 9,
      sunsetInDays: 45,
      deprecationNote:
        "Replaced by users/user-updates (rows with change_type = 'created'), which carries the same sign-up fields and every later change. Migrate before the sunset date; the table is dropped then.",
    },
    description: "One row per completed sign-up with the acquisition channel, the campaign and the first device used.",
    purpose: "Fed marketing's acquisition dashboards before user-updates existed.",
    limitations: "Does not follow later changes of country or tier. Channel attribution is last-click only.",
    usage: "Do not start new uses: read users/user-updates instead.",
    tags: ["users", "sign-ups", "acquisition"],
    inputs: [{ system: "users/user-registration-service", description: "Completed sign-ups." }],
    outputPorts: [
      {
        name: "sign-ups",
        displayName: "Sign-ups",
        description: "One row per account created.",
        kind: "table",
        format: "postgres",
        server: postgres("users", "legacy", "sign_ups"),
        fields: [
          listener("user_id", "The new account: the listener polyseme.", { primaryKey: true }),
          field("signed_up_at", "timestamp", "When the sign-up completed.", { required: true }),
          field("acquisition_channel", "string", "`organic`, `paid-social`, `search`, `partner` or `referral`."),
          field("campaign_id", "string", "Last-click campaign, if any."),
          field("first_platform", "string", "Platform of the first sign-in."),
          country("Country at sign-up."),
        ],
        slos: [freshness(24, "hours", "Yesterday's sign-ups are present by 06:00 UTC.")],
      },
    ],
  },
  {
    domain: "users",
    name: "active-users-daily",
    displayName: "Active users daily",
    team: "users",
    archetype: "aggregate",
    status: "active",
    version: "2.0.0",
    daysAgo: 20,
    description: "Daily, weekly and monthly active users per country, platform and subscription tier.",
    purpose: "The company's headline engagement metric, used in the board deck and by marketing and finance.",
    limitations:
      "An active user played at least 30 seconds of content that day; browsing does not count. The last 2 days can still change when offline plays arrive.",
    usage: "Sum `dau` across dimensions; never sum `wau` or `mau` across days.",
    tags: ["users", "engagement", "kpi"],
    inputs: [
      { port: "users/user-updates#user-profiles", description: "Country and tier of each account." },
      { port: "playback/play-sessions#sessions", description: "Who played what, on which platform." },
      {
        port: "users/user-sign-ups#sign-ups",
        description: "New users per day; moves to user-updates before the sunset.",
      },
    ],
    outputPorts: [
      {
        name: "daily-active-users",
        displayName: "Daily active users",
        description: "One row per day, country, platform and tier.",
        kind: "table",
        format: "postgres",
        server: postgres("users", "public", "active_users_daily"),
        autoApprove: true,
        maxGrantDays: 365,
        fields: [
          key("activity_date", "date", "Day of activity (UTC)."),
          key("country", "string", "ISO 3166-1 alpha-2 country code."),
          key("platform", "string", "`ios`, `android`, `web`, `desktop`, `car`, `speaker` or `tv`."),
          key("subscription_tier", "string", "`free`, `premium`, `family` or `student`."),
          field("dau", "bigint", "Users active that day.", { required: true }),
          field("wau", "bigint", "Users active in the 7 days ending that day.", { required: true }),
          field("mau", "bigint", "Users active in the 30 days ending that day.", { required: true }),
          field("new_users", "bigint", "Accounts created that day.", { required: true }),
        ],
        slos: [
          freshness(24, "hours", "Yesterday's numbers are present by 07:00 UTC."),
          completeness(99, "Every country and platform with activity has a row.", 99),
        ],
      },
    ],
  },
  {
    domain: "users",
    name: "user-consents",
    displayName: "User consents",
    team: "users",
    archetype: "source_aligned",
    status: "draft",
    version: "0.3.0",
    daysAgo: 6,
    description:
      "The current privacy choices of each user (marketing email, personalised ads, personalised recommendations, analytics) with when and where each was given.",
    purpose:
      "Lets every product honour consent without calling the consent platform; a precondition for marketing's personalised campaigns.",
    limitations: "Draft: choices made before the move to the current consent platform in March 2024 are incomplete.",
    usage: "Filter on the purpose you use personal data for, and on `granted`.",
    tags: ["users", "privacy", "gdpr", "consent"],
    inputs: [{ system: "users/consent-management-platform", description: "Consent records export." }],
    outputPorts: [
      {
        name: "consents",
        displayName: "Consents",
        description: "One row per user and consent purpose.",
        kind: "table",
        format: "postgres",
        server: postgres("users", "public", "user_consents"),
        fields: [
          listener("user_id", "The account: the listener polyseme.", { primaryKey: true }),
          key(
            "purpose",
            "string",
            "`marketing-email`, `personalised-ads`, `personalised-recommendations` or `analytics`.",
          ),
          field("granted", "boolean", "Whether the user agreed.", { required: true }),
          field("decided_at", "timestamp", "When the choice was made.", { required: true }),
          field("source", "string", "`app`, `web` or `support`."),
          field("policy_version", "string", "Version of the privacy policy shown."),
        ],
        slos: [freshness(15, "minutes", "A changed choice is visible within 15 minutes.")],
      },
    ],
  },

  // ---- artists -------------------------------------------------------------------------------------------
  {
    domain: "artists",
    name: "artist-profiles",
    displayName: "Artist profiles",
    team: "artists",
    archetype: "source_aligned",
    status: "active",
    version: "1.2.0",
    daysAgo: 26,
    description:
      "Every artist on Hexmesh with their profile, label, genres and home country, as maintained by artists and their labels in the onboarding service.",
    purpose: "One shared list of artists for charts, recommendations, audience insights and royalties.",
    limitations:
      "Collaborations are listed under each participating artist; band membership is not modelled. Unverified artists are included with `verified` = false.",
    usage: "Join on `artist_id` (the artist polyseme).",
    tags: ["artists", "profiles", "catalogue"],
    inputs: [{ system: "artists/artist-onboarding-service", description: "Profile changes of artists and labels." }],
    outputPorts: [
      {
        name: "artists",
        displayName: "Artists",
        description: "Current profile of every artist.",
        kind: "table",
        format: "postgres",
        server: postgres("artists", "public", "artist_profiles"),
        autoApprove: true,
        fields: [
          artist("The artist (artist polyseme).", { primaryKey: true, classification: "public" }),
          field("name", "string", "Artist name as displayed.", { required: true, classification: "public" }),
          field("verified", "boolean", "Whether the artist or label verified the profile.", {
            required: true,
            classification: "public",
          }),
          field("label_name", "string", "Label or distributor that delivers the artist's music."),
          field("genres", "array<string>", "Genres chosen by the artist.", { classification: "public" }),
          field("home_country", "string", "ISO 3166-1 alpha-2 code of the artist's home country.", {
            classification: "public",
          }),
          field("onboarded_at", "timestamp", "When the profile was created.", { required: true }),
        ],
        slos: [
          freshness(1, "hours", "Profile changes are visible within an hour."),
          completeness(100, "Every artist with a published track has a profile.", 99),
        ],
      },
    ],
  },
  {
    domain: "artists",
    name: "track-catalogue",
    displayName: "Track catalogue",
    team: "artists",
    archetype: "source_aligned",
    status: "active",
    version: "5.1.0",
    daysAgo: 27,
    description:
      "All tracks available for streaming with ISRC, artist, album, release date, duration, genre and the territories where they may be played.",
    purpose: "The reference list of music, joined by nearly every product that deals with plays.",
    limitations:
      "Territory availability changes daily with licensing: use `available_in` as of the snapshot date. Titles are as delivered by labels and can contain typos.",
    usage: "Join plays on `track_id` (the track polyseme); use `isrc` only to match external data.",
    tags: ["artists", "tracks", "catalogue", "music"],
    inputs: [{ system: "artists/music-catalogue-db", description: "Change data capture of the catalogue database." }],
    outputPorts: [
      {
        name: "tracks",
        displayName: "Tracks",
        description: "Current state of every streamable track.",
        kind: "table",
        format: "postgres",
        server: postgres("artists", "public", "tracks"),
        autoApprove: true,
        maxGrantDays: 365,
        fields: [
          track("The track (track polyseme).", { required: true, primaryKey: true, classification: "public" }),
          field("isrc", "string", "International Standard Recording Code.", {
            required: true,
            classification: "public",
          }),
          field("title", "string", "Track title.", { required: true, classification: "public" }),
          artist("Main artist (artist polyseme).", { classification: "public" }),
          field("album_id", "uuid", "Album or single the track belongs to.", { classification: "public" }),
          field("release_date", "date", "Original release date.", { classification: "public" }),
          field("duration_ms", "int", "Length in milliseconds.", { required: true, classification: "public" }),
          field("genre", "string", "Main genre as delivered by the label.", { classification: "public" }),
          field("explicit", "boolean", "Parental advisory flag.", { required: true, classification: "public" }),
          field("available_in", "array<string>", "Country codes where the track may be streamed today."),
        ],
        slos: [
          freshness(6, "hours", "Label deliveries are visible within 6 hours."),
          completeness(99.9, "Every track of the catalogue database is present."),
          availability(99.9, "The table answers queries 99.9% of the time."),
        ],
      },
      {
        name: "track-snapshots",
        displayName: "Daily track snapshots",
        description: "The catalogue as of each day, for royalty and audit replays.",
        kind: "files",
        format: "parquet",
        server: s3("s3://mesh-artists/track-catalogue/", "parquet"),
        fields: [
          field("snapshot_date", "date", "Partition: day of the snapshot.", { required: true }),
          track("The track.", { required: true }),
          field("isrc", "string", "International Standard Recording Code.", { required: true }),
          artist("Main artist."),
          field("available_in", "array<string>", "Country codes where the track could be streamed that day."),
        ],
        slos: [freshness(26, "hours", "Each day's snapshot lands by 02:00 UTC.")],
      },
    ],
  },
  {
    domain: "artists",
    name: "artist-audience-insights",
    displayName: "Artist audience insights",
    team: "artists",
    archetype: "consumer_aligned",
    status: "active",
    version: "1.1.0",
    daysAgo: 16,
    description:
      "What artists see in the Hexmesh for Artists dashboard: listeners, streams, top countries and age bands per artist and day.",
    purpose: "Serves the artist-facing analytics dashboard and the artist relations team.",
    limitations:
      "Breakdowns below 100 listeners are suppressed to protect listeners' privacy. Only music plays count, not podcasts.",
    usage: "The dashboard backend calls the API with the signed-in artist's id; analysts use the table.",
    tags: ["artists", "audience", "dashboard"],
    inputs: [
      { port: "playback/play-events#play-events-daily", description: "Streams per track and listener." },
      { port: "artists/track-catalogue#tracks", description: "Which artist each track belongs to." },
      { port: "users/user-updates#user-profiles", description: "Age band and country of listeners." },
      { port: "artists/artist-profiles#artists", description: "Artist names and verification for the dashboard." },
    ],
    outputPorts: [
      {
        name: "insights-api",
        displayName: "Insights API",
        description: "`GET /artists/{artist_id}/insights?from=&to=`.",
        kind: "api",
        format: "json",
        server: api("https://data.hexmesh.local/artists/audience-insights/v1"),
        fields: [
          artist("The artist (artist polyseme).", { primaryKey: true }),
          key("activity_date", "date", "Day of listening."),
          field("listeners", "bigint", "Distinct listeners that day.", { required: true }),
          field("streams", "bigint", "Plays of 30 seconds or more.", { required: true }),
          field("top_countries", "array<string>", "The 5 countries with most listeners."),
          field(
            "age_band_shares",
            "json",
            "Share of listeners per age band; bands under 100 listeners are suppressed.",
          ),
        ],
        slos: [
          availability(99.9, "The API answers 99.9% of requests."),
          freshness(24, "hours", "Yesterday's numbers by 08:00 UTC."),
        ],
      },
      {
        name: "insights",
        displayName: "Insights table",
        description: "The same numbers by country and age band.",
        kind: "table",
        format: "postgres",
        server: postgres("artists", "public", "audience_insights"),
        fields: [
          artist("The artist.", { primaryKey: true }),
          key("activity_date", "date", "Day of listening."),
          key("country", "string", "ISO 3166-1 alpha-2 country code."),
          key("age_band", "string", "Age band; `suppressed` below 100 listeners."),
          field("listeners", "bigint", "Distinct listeners.", { required: true }),
          field("streams", "bigint", "Plays of 30 seconds or more.", { required: true }),
        ],
        slos: [
          freshness(24, "hours", "Yesterday's numbers by 08:00 UTC."),
          volume(100000, "rows", "At least 100,000 rows per day."),
        ],
      },
    ],
  },
  {
    domain: "artists",
    name: "artist-charts-legacy",
    displayName: "Artist charts (legacy)",
    team: "artists",
    archetype: "consumer_aligned",
    status: "retired",
    version: "1.6.0",
    daysAgo: 30,
    lifecycle: {
      changedDaysAgo: 5,
      sunsetInDays: -5,
      deprecationNote:
        "Replaced by artists/artist-audience-insights. Retired once the old artist newsletter, its last consumer, was switched off.",
    },
    description: "Weekly artist charts per country, computed from the legacy listening history.",
    purpose: "Fed the old artist newsletter and the charts page of the first artist portal.",
    limitations: "Retired: no longer updated. The last weekly build is kept for reference.",
    usage: "Do not use; see artists/artist-audience-insights.",
    tags: ["artists", "charts", "legacy"],
    inputs: [{ port: "playback/listening-history#history", description: "Weekly plays per track." }],
    outputPorts: [
      {
        name: "weekly-charts",
        displayName: "Weekly charts",
        description: "CSV file per week and country.",
        kind: "files",
        format: "csv",
        server: s3("s3://mesh-artists/legacy/artist-charts/", "csv"),
        fields: [
          key("week_start", "date", "Monday of the chart week."),
          key("country", "string", "ISO 3166-1 alpha-2 country code."),
          key("rank", "int", "Position, 1 to 100."),
          artist("The artist."),
          field("streams", "bigint", "Streams in the week.", { required: true }),
        ],
        slos: [freshness(7, "days", "A new chart every Monday.")],
      },
    ],
  },

  // ---- playback ------------------------------------------------------------------------------------------
  {
    domain: "playback",
    name: "play-events",
    displayName: "Play events",
    team: "playback",
    archetype: "source_aligned",
    status: "active",
    version: "4.2.0",
    daysAgo: 28.5,
    description:
      "Every playback of a track or podcast episode in any Hexmesh player (phone, web, desktop, car, speaker, TV): what was played, on which device, for how long and whether it was skipped.",
    purpose:
      "The single source of truth of listening: the raw material of charts, recommendations, royalties and audience insights.",
    limitations:
      "Offline plays arrive when the device reconnects, up to 30 days late (compare `received_at` with `started_at`). Plays shorter than one second are dropped by the players.",
    usage:
      "Stream consumers read `play-events-stream`; batch consumers read the daily Parquet partitions by `event_date`. Royalty-bearing plays have `ms_played` >= 30000.",
    tags: ["playback", "events", "listening", "royalties"],
    inputs: [{ system: "playback/player-events-stream", description: "Raw player telemetry." }],
    outputPorts: [
      {
        name: "play-events-stream",
        displayName: "Play events stream",
        description: "One event per completed or interrupted play, seconds after it ends.",
        kind: "events",
        format: "avro",
        server: kafka("playback.play-events.v4"),
        maxGrantDays: 90,
        fields: [
          key("event_id", "uuid", "Unique id of the play."),
          listener("listener_id", "Who listened (listener polyseme)."),
          device(),
          field("content_type", "string", "`track` or `episode`.", { required: true }),
          track("The track played; null for episodes."),
          episode("The episode played; null for tracks."),
          field("started_at", "timestamp", "When the play started on the device.", { required: true }),
          field("ms_played", "int", "Milliseconds played.", { required: true }),
          field("skipped", "boolean", "Whether the listener skipped before the end.", { required: true }),
          country("Country where the play happened."),
          field("received_at", "timestamp", "When the event reached our servers.", { required: true }),
        ],
        slos: [
          freshness(1, "minutes", "Events are on the topic within a minute of the play ending.", 99.5),
          availability(99.95, "The topic accepts consumers 99.95% of the time."),
          volume(40000000, "events/day", "At least 40 million plays per day."),
        ],
      },
      {
        name: "play-events-daily",
        displayName: "Play events daily",
        description: "The same plays as daily Parquet partitions for batch jobs.",
        kind: "files",
        format: "parquet",
        server: s3("s3://mesh-playback/play-events/", "parquet"),
        maxGrantDays: 365,
        fields: [
          key("event_id", "uuid", "Unique id of the play."),
          field("event_date", "date", "Partition: UTC day the play started.", { required: true }),
          listener("listener_id", "Who listened (listener polyseme)."),
          device(),
          field("content_type", "string", "`track` or `episode`.", { required: true }),
          track(),
          episode(),
          field("ms_played", "int", "Milliseconds played.", { required: true }),
          country("Country where the play happened."),
        ],
        slos: [
          freshness(6, "hours", "Yesterday's partition is complete by 06:00 UTC."),
          completeness(99.9, "At least 99.9% of the stream's events are in the partitions.", 99.5),
        ],
      },
    ],
  },
  {
    domain: "playback-devices",
    name: "device-registrations",
    displayName: "Device registrations",
    team: "playback",
    archetype: "source_aligned",
    status: "active",
    version: "2.3.0",
    daysAgo: 25,
    description:
      "Every device on which a user signed in to a Hexmesh player, with its platform, model, operating system and app version, updated on each app start.",
    purpose:
      "Lets playback, customer support and partner teams analyse listening by device and plan which platforms to support.",
    limitations:
      "Web players register one device per browser profile; clearing cookies creates a new device. Car and speaker integrations report the partner's model names.",
    usage: "Join on `device_id` (the device polyseme).",
    tags: ["playback", "devices", "platforms"],
    inputs: [{ system: "playback-devices/device-registry", description: "Registrations and heartbeats." }],
    outputPorts: [
      {
        name: "devices",
        displayName: "Devices",
        description: "Current state of every registered device.",
        kind: "table",
        format: "postgres",
        server: postgres("playback", "devices", "registrations"),
        fields: [
          device("The device (device polyseme).", { primaryKey: true }),
          listener("user_id", "Account signed in on the device: the listener polyseme."),
          field("platform", "string", "`ios`, `android`, `web`, `desktop`, `car`, `speaker` or `tv`.", {
            required: true,
          }),
          field("model", "string", "Device model or browser family."),
          field("os_version", "string", "Operating system version."),
          field("app_version", "string", "Player app version.", { required: true }),
          field("first_seen_at", "timestamp", "First registration.", { required: true }),
          field("last_seen_at", "timestamp", "Last app start.", { required: true }),
        ],
        slos: [
          freshness(1, "hours", "Registrations are visible within an hour."),
          completeness(99.5, "Every device of the registry is present."),
        ],
      },
    ],
  },
  {
    domain: "playback",
    name: "play-sessions",
    displayName: "Play sessions",
    team: "playback",
    archetype: "aggregate",
    status: "active",
    version: "2.2.0",
    daysAgo: 22,
    description:
      "Listening sessions: a listener's consecutive plays on one device with gaps shorter than 30 minutes, with the session's length, content mix and platform.",
    purpose:
      "One shared definition of a listening session, so that charts, engagement metrics and recommendations count sessions the same way.",
    limitations:
      "A session spanning midnight UTC belongs to the day it started. Late offline plays can reopen a closed session for up to 3 days.",
    usage: "Join on `listener_id` or `device_id`; filter on `started_at`.",
    tags: ["playback", "sessions", "engagement"],
    inputs: [
      { port: "playback/play-events#play-events-stream", description: "Plays, sessionised continuously." },
      { port: "playback-devices/device-registrations#devices", description: "Platform of each device." },
    ],
    outputPorts: [
      {
        name: "sessions",
        displayName: "Sessions",
        description: "One row per closed listening session.",
        kind: "table",
        format: "postgres",
        server: postgres("playback", "public", "play_sessions"),
        maxGrantDays: 365,
        fields: [
          key("session_id", "uuid", "Unique id of the session."),
          listener("listener_id", "Who listened (listener polyseme)."),
          device(),
          field("platform", "string", "Platform of the device.", { required: true }),
          field("started_at", "timestamp", "Start of the first play.", { required: true }),
          field("ended_at", "timestamp", "End of the last play.", { required: true }),
          field("plays", "int", "Number of plays.", { required: true }),
          field("tracks", "int", "Plays of music tracks."),
          field("episodes", "int", "Plays of podcast episodes."),
          field("minutes_played", "decimal(10,2)", "Total listening time.", { required: true }),
        ],
        slos: [
          freshness(3, "hours", "Sessions are available within 3 hours of ending."),
          completeness(99.5, "At least 99.5% of plays belong to a session."),
        ],
      },
    ],
  },
  {
    domain: "playback",
    name: "playback-quality",
    displayName: "Playback quality",
    team: "playback",
    archetype: "aggregate",
    status: "draft",
    version: "0.4.0",
    daysAgo: 8,
    description:
      "Start-up time, re-buffering and playback failures per platform, app version and country, every 5 minutes.",
    purpose: "Will let the player teams spot a bad release or a CDN problem within minutes.",
    limitations: "Draft: re-buffering is only reported by app versions 8.4 and later.",
    usage: "Not ready for consumers; the schema can still change.",
    tags: ["playback", "quality", "observability"],
    inputs: [
      { port: "playback/play-events#play-events-stream", description: "Play starts and failures." },
      { port: "playback-devices/device-registrations#devices", description: "App version of each device." },
    ],
    outputPorts: [
      {
        name: "quality-metrics",
        displayName: "Quality metrics",
        description: "5-minute aggregates.",
        kind: "table",
        format: "postgres",
        server: postgres("playback", "public", "playback_quality_5m"),
        fields: [
          key("window_start", "timestamp", "Start of the 5-minute window."),
          key("platform", "string", "Player platform."),
          key("app_version", "string", "Player app version."),
          key("country", "string", "ISO 3166-1 alpha-2 country code."),
          field("start_time_p95_ms", "int", "95th percentile of the time to first audio."),
          field("rebuffer_ratio", "decimal(6,4)", "Share of listening time spent re-buffering."),
          field("failure_rate", "decimal(6,4)", "Share of plays that failed to start."),
        ],
        slos: [freshness(10, "minutes", "Windows are available 10 minutes after they close.")],
      },
    ],
  },
  {
    domain: "playback",
    name: "listening-history",
    displayName: "Listening history (v1)",
    team: "playback",
    archetype: "aggregate",
    status: "deprecated",
    version: "1.9.3",
    daysAgo: 30,
    lifecycle: {
      changedDaysAgo: 12,
      sunsetInDays: 60,
      deprecationNote:
        "Superseded by playback/play-sessions, which also covers podcast episodes and devices. Frozen at schema 1.9; retired once its last consumer has moved.",
    },
    description:
      "Per listener and day, the tracks played and how often: the aggregate built before play sessions existed.",
    purpose: "Fed the first generation of recommendations and the legacy artist charts.",
    limitations: "Music tracks only, no podcast episodes; no device information.",
    usage: "Move to playback/play-sessions.",
    tags: ["playback", "listening", "legacy"],
    inputs: [{ port: "playback/play-events#play-events-daily", description: "Daily plays." }],
    outputPorts: [
      {
        name: "history",
        displayName: "History",
        description: "One row per listener, day and track.",
        kind: "table",
        format: "postgres",
        server: postgres("playback", "legacy", "listening_history"),
        fields: [
          listener("listener_id", "Who listened (listener polyseme).", { primaryKey: true }),
          key("play_date", "date", "UTC day."),
          track("The track (track polyseme).", { required: true, primaryKey: true }),
          field("plays", "int", "Plays that day.", { required: true }),
          field("ms_played", "bigint", "Milliseconds played that day.", { required: true }),
        ],
        slos: [freshness(24, "hours", "Yesterday's rows by 06:00 UTC.", 95)],
      },
    ],
  },

  // ---- recommendations -----------------------------------------------------------------------------------
  {
    domain: "recommendations",
    name: "listener-taste-profiles",
    displayName: "Listener taste profiles",
    team: "recommendations",
    archetype: "aggregate",
    status: "active",
    version: "3.4.0",
    daysAgo: 18,
    description:
      "Each listener's affinity to genres, artists and podcast categories, learned from the last 90 days of listening and refreshed nightly.",
    purpose:
      "The shared representation of a listener's taste behind every recommendation surface: home, radio, podcasts and new releases.",
    limitations:
      "Listeners with fewer than 10 plays get a cold-start profile from their country and age. Affinities are relative within one listener and cannot be compared across listeners.",
    usage: "Join on `listener_id`. Embeddings are L2-normalised: compare them with cosine similarity.",
    tags: ["recommendations", "personalisation", "machine-learning"],
    inputs: [
      { port: "playback/play-sessions#sessions", description: "What each listener played." },
      { port: "artists/track-catalogue#tracks", description: "Genres and artists of tracks." },
      { port: "podcasts/released-podcast-episodes#episodes", description: "Categories of podcast episodes." },
      { port: "users/user-updates#user-profiles", description: "Country and birth year for cold starts." },
    ],
    outputPorts: [
      {
        name: "taste-profiles",
        displayName: "Taste profiles",
        description: "One row per listener with readable affinities and the embedding.",
        kind: "table",
        format: "postgres",
        server: postgres("recommendations", "public", "taste_profiles"),
        fields: [
          listener("listener_id", "The listener (listener polyseme).", { primaryKey: true }),
          field("top_genres", "array<string>", "Up to 10 genres, strongest first.", {
            classification: "confidential",
            pii: true,
          }),
          field("top_artist_ids", "array<uuid>", "Up to 20 artist ids, strongest first.", {
            classification: "confidential",
            pii: true,
          }),
          field("podcast_categories", "array<string>", "Podcast categories, strongest first.", {
            classification: "confidential",
            pii: true,
          }),
          field("taste_embedding", "array<float>", "128-dimensional taste vector.", {
            required: true,
            classification: "confidential",
            pii: true,
          }),
          field("cold_start", "boolean", "True when the listener has fewer than 10 plays.", { required: true }),
          field("computed_at", "timestamp", "When the profile was computed.", { required: true }),
        ],
        slos: [
          freshness(24, "hours", "Profiles are at most a day old."),
          completeness(99, "Every listener active in the last 90 days has a profile."),
        ],
      },
      {
        name: "taste-embeddings",
        displayName: "Taste embeddings",
        description: "Nightly Parquet export of the embeddings for model training.",
        kind: "files",
        format: "parquet",
        server: s3("s3://mesh-recommendations/taste-embeddings/", "parquet"),
        fields: [
          listener("listener_id", "The listener (listener polyseme)."),
          field("taste_embedding", "array<float>", "128-dimensional taste vector.", {
            required: true,
            classification: "confidential",
            pii: true,
          }),
          field("model_version", "string", "Version of the model that computed it.", { required: true }),
          field("computed_at", "timestamp", "When it was computed.", { required: true }),
        ],
        slos: [freshness(26, "hours", "Each night's export lands by 04:00 UTC.")],
      },
    ],
  },
  {
    domain: "recommendations",
    name: "podcast-recommendations",
    displayName: "Podcast recommendations",
    team: "recommendations",
    archetype: "consumer_aligned",
    status: "active",
    version: "2.0.1",
    daysAgo: 12,
    description:
      "The ranked podcasts and episodes suggested to each listener on the Podcasts home screen, with the reason shown to them.",
    purpose: "Serves the 'Podcasts for you' shelf and the weekly 'New episodes for you' email.",
    limitations:
      "Recomputed nightly: episodes released after the run appear the next day. Explicit episodes are never suggested to listeners under 18.",
    usage: "The home-screen backend calls the API with a listener id; the log table is for offline evaluation.",
    tags: ["recommendations", "podcasts", "personalisation"],
    inputs: [
      {
        port: "podcasts/podcast-listeners-demographic#listeners-demographic-files",
        description: "Audience of each podcast by age band and country.",
      },
      { port: "podcasts/released-podcast-episodes#episodes", description: "Candidate episodes." },
      {
        port: "recommendations/listener-taste-profiles#taste-profiles",
        description: "Each listener's podcast categories.",
      },
      {
        port: "recommendations/recommendation-impressions#impressions",
        description: "Clicks and plays of earlier suggestions, to re-rank.",
      },
    ],
    outputPorts: [
      {
        name: "recommendations-api",
        displayName: "Recommendations API",
        description: "`GET /listeners/{listener_id}/podcasts`.",
        kind: "api",
        format: "json",
        server: api("https://data.hexmesh.local/recommendations/podcasts/v2"),
        fields: [
          listener("listener_id", "The listener (listener polyseme).", { primaryKey: true }),
          key("rank", "int", "Position on the shelf, 1 to 30."),
          field("podcast_id", "uuid", "The suggested podcast.", { required: true }),
          episode("The suggested episode, if any."),
          field("score", "float", "Model score between 0 and 1.", { required: true }),
          field("reason", "string", "Shown to the listener, e.g. 'Because you listen to true crime'."),
        ],
        slos: [
          availability(99.95, "The API answers 99.95% of requests."),
          freshness(24, "hours", "Suggestions are at most a day old."),
        ],
      },
      {
        name: "recommendations-log",
        displayName: "Recommendations log",
        description: "Every nightly run's suggestions, kept 90 days.",
        kind: "table",
        format: "postgres",
        server: postgres("recommendations", "public", "podcast_recommendations"),
        fields: [
          key("run_date", "date", "Day of the nightly run."),
          listener("listener_id", "The listener (listener polyseme).", { primaryKey: true }),
          key("rank", "int", "Position on the shelf."),
          field("podcast_id", "uuid", "The suggested podcast.", { required: true }),
          field("score", "float", "Model score.", { required: true }),
        ],
        slos: [freshness(24, "hours", "Each run is logged by 05:00 UTC.")],
      },
    ],
  },
  {
    domain: "recommendations",
    name: "recommendation-impressions",
    displayName: "Recommendation impressions",
    team: "recommendations",
    archetype: "source_aligned",
    status: "active",
    version: "1.0.0",
    daysAgo: 10,
    description:
      "Every recommendation shown to a listener and whether they clicked, saved or played it, as logged by the recommendation API.",
    purpose: "Measures recommendation quality (click-through and play-through rates) and provides training labels.",
    limitations:
      "An impression is logged when sent to the app, not when rendered: items below the fold count as shown.",
    usage: "Join on `listener_id` and `item_id`; compute rates per `surface`.",
    tags: ["recommendations", "impressions", "experimentation"],
    inputs: [{ system: "recommendations/recommendation-serving-logs", description: "Serving and feedback logs." }],
    outputPorts: [
      {
        name: "impressions",
        displayName: "Impressions",
        description: "One event per recommended item shown.",
        kind: "events",
        format: "avro",
        server: kafka("recommendations.impressions.v1"),
        fields: [
          key("impression_id", "uuid", "Unique id of the impression."),
          listener("listener_id", "Who saw it (listener polyseme)."),
          field("surface", "string", "`home`, `radio`, `podcasts` or `search`.", { required: true }),
          field("item_type", "string", "`track`, `artist`, `podcast` or `episode`.", { required: true }),
          field("item_id", "uuid", "The recommended item.", { required: true }),
          field("position", "int", "Position in the list, from 1.", { required: true }),
          field("outcome", "string", "`shown`, `clicked`, `saved` or `played`.", { required: true }),
          field("shown_at", "timestamp", "When it was served.", { required: true }),
        ],
        slos: [
          freshness(5, "minutes", "Impressions are on the topic within 5 minutes."),
          volume(100000000, "events/day", "At least 100 million impressions per day."),
        ],
      },
    ],
  },
  {
    domain: "recommendations",
    name: "new-release-radar",
    displayName: "New release radar",
    team: "recommendations",
    archetype: "consumer_aligned",
    status: "proposed",
    version: "0.1.0",
    daysAgo: 4,
    description:
      "Proposed: a weekly playlist for each listener of new tracks from artists they follow or are likely to like, published every Friday.",
    purpose: "Would replace the hand-curated 'Fresh finds' playlist with a personal one.",
    limitations: "Proposal: only tracks released in the last 14 days would be eligible.",
    usage: "To be called by the playlist service.",
    tags: ["recommendations", "playlists", "new-releases", "proposal"],
    inputs: [
      { port: "artists/track-catalogue#tracks", description: "New releases." },
      { port: "recommendations/listener-taste-profiles#taste-profiles", description: "Artist affinities." },
    ],
    outputPorts: [
      {
        name: "radar-playlists",
        displayName: "Radar playlists",
        description: "`GET /listeners/{listener_id}/new-release-radar`.",
        kind: "api",
        format: "json",
        server: api("https://data.hexmesh.local/recommendations/new-release-radar/v1"),
        fields: [
          listener("listener_id", "The listener (listener polyseme).", { primaryKey: true }),
          key("week_start", "date", "Friday of the playlist week."),
          key("position", "int", "Position in the playlist, 1 to 30."),
          track("The suggested track.", { required: true }),
          artist("Its main artist."),
          field("score", "float", "Model score between 0 and 1."),
        ],
        slos: [availability(99.9, "The API answers 99.9% of requests.")],
      },
    ],
  },

  // ---- finance -------------------------------------------------------------------------------------------
  {
    domain: "finance-billing",
    name: "subscription-payments",
    displayName: "Subscription payments",
    team: "finance",
    archetype: "source_aligned",
    status: "active",
    version: "2.5.0",
    daysAgo: 27.5,
    description:
      "Every subscription charge, refund and chargeback, as settled by the payment gateway and matched to its subscription by the billing service.",
    purpose: "The source of truth of subscription revenue for reporting, revenue recognition and the royalty pool.",
    limitations:
      "Settlement takes 1 to 3 days, so recent payments are `pending`. Amounts are in the charged currency; use `amount_eur` (daily ECB rate) for totals.",
    usage: "Restricted to finance and the royalty process; ask for an aggregate instead of access where you can.",
    tags: ["finance", "billing", "payments", "revenue"],
    inputs: [
      { system: "finance-billing/payment-gateway", description: "Settlement reports and webhooks." },
      { system: "finance-billing/subscription-billing-service", description: "Invoices and plans." },
    ],
    outputPorts: [
      {
        name: "payments",
        displayName: "Payments",
        description: "One row per charge, refund or chargeback.",
        kind: "table",
        format: "postgres",
        server: postgres("finance", "billing", "subscription_payments"),
        maxGrantDays: 90,
        fields: [
          key("payment_id", "uuid", "Unique id of the payment."),
          listener("user_id", "The paying account: the listener polyseme."),
          field("subscription_id", "uuid", "The subscription charged.", { required: true }),
          field("plan", "string", "`premium`, `family` or `student`.", { required: true }),
          field("amount", "decimal(12,2)", "Amount in the charged currency; negative for refunds.", {
            required: true,
            classification: "confidential",
          }),
          field("currency", "string", "ISO 4217 currency code.", { required: true }),
          field("amount_eur", "decimal(12,2)", "Amount in euros at the daily ECB rate.", {
            required: true,
            classification: "confidential",
          }),
          field("status", "string", "`pending`, `settled`, `refunded` or `charged_back`.", { required: true }),
          field("paid_at", "timestamp", "When the charge was made.", { required: true }),
          field("card_country", "string", "Issuing country of the card.", { classification: "restricted", pii: true }),
          field("payment_method", "string", "`card`, `paypal`, `apple-pay`, `google-pay` or `carrier`.", {
            classification: "confidential",
          }),
        ],
        slos: [
          freshness(24, "hours", "Settled payments are present the next day."),
          completeness(99.99, "Every settled payment of the gateway is present.", 99.9),
          availability(99.9, "The table answers queries 99.9% of the time."),
        ],
      },
    ],
  },
  {
    domain: "finance-billing",
    name: "monthly-recurring-revenue",
    displayName: "Monthly recurring revenue",
    team: "finance",
    archetype: "aggregate",
    status: "active",
    version: "1.7.0",
    daysAgo: 19,
    description:
      "Monthly recurring revenue with new, expansion, contraction and churned MRR per country and plan, recomputed daily for the current month.",
    purpose:
      "The company's revenue metric: finance's monthly close, the board deck and marketing's subscription campaigns.",
    limitations: "Family plans count once, in the payer's country. Trials are excluded until the first paid charge.",
    usage: "Take the row with the latest `computed_on` for each month.",
    tags: ["finance", "revenue", "kpi"],
    inputs: [
      { port: "finance-billing/subscription-payments#payments", description: "Charges and refunds." },
      { port: "users/user-updates#user-profiles", description: "Country and tier of each account." },
    ],
    outputPorts: [
      {
        name: "mrr",
        displayName: "MRR",
        description: "One row per month, country and plan.",
        kind: "table",
        format: "postgres",
        server: postgres("finance", "billing", "mrr"),
        maxGrantDays: 365,
        fields: [
          key("month", "date", "First day of the month."),
          key("country", "string", "ISO 3166-1 alpha-2 country code."),
          key("plan", "string", "Subscription plan."),
          field("mrr_eur", "decimal(14,2)", "Monthly recurring revenue in euros.", {
            required: true,
            classification: "confidential",
          }),
          field("new_mrr_eur", "decimal(14,2)", "MRR from new subscribers.", { classification: "confidential" }),
          field("churned_mrr_eur", "decimal(14,2)", "MRR lost to cancellations.", { classification: "confidential" }),
          field("subscribers", "bigint", "Paying subscribers at month end.", { required: true }),
          field("computed_on", "date", "Day of the computation.", { required: true }),
        ],
        slos: [
          freshness(24, "hours", "Recomputed every day by 08:00 UTC."),
          completeness(100, "Every country and plan with subscribers has a row."),
        ],
      },
    ],
  },
  {
    domain: "finance-royalties",
    name: "licensing-agreements",
    displayName: "Licensing agreements",
    team: "finance",
    archetype: "source_aligned",
    status: "active",
    version: "1.1.0",
    daysAgo: 23,
    description:
      "Our licensing agreements with labels, publishers and podcast networks: who holds the rights to which catalogue, in which territories, at what rate.",
    purpose: "Lets royalty calculation and content planning use the contractual terms without reading contracts.",
    limitations: "Rates are the contractual ones; minimum guarantees and advances are not modelled.",
    usage: "Join on `rights_holder_id`; the terms are restricted, ask finance before requesting access.",
    tags: ["finance", "royalties", "licensing", "contracts"],
    inputs: [{ system: "finance-royalties/rights-and-licensing-db", description: "Contract terms." }],
    outputPorts: [
      {
        name: "agreements",
        displayName: "Agreements",
        description: "One row per agreement and territory.",
        kind: "table",
        format: "postgres",
        server: postgres("finance", "royalties", "licensing_agreements"),
        maxGrantDays: 90,
        fields: [
          key("agreement_id", "uuid", "Unique id of the agreement."),
          key("territory", "string", "ISO 3166-1 alpha-2 code or `WW`."),
          field("rights_holder_id", "uuid", "The label, publisher or network.", { required: true }),
          field("rights_holder_name", "string", "Its name.", { required: true }),
          field("content_scope", "string", "`music-recordings`, `music-publishing` or `podcasts`.", { required: true }),
          field("revenue_share_pct", "decimal(5,2)", "Share of the revenue pool.", { classification: "restricted" }),
          field("per_stream_rate_eur", "decimal(10,6)", "Minimum per-stream rate.", { classification: "restricted" }),
          field("valid_from", "date", "Start of the agreement.", { required: true }),
          field("valid_to", "date", "End of the agreement; null while open-ended."),
        ],
        slos: [freshness(24, "hours", "Signed agreements are present the next day.")],
      },
    ],
  },
  {
    domain: "finance-royalties",
    name: "artist-royalty-statements",
    displayName: "Artist royalty statements",
    team: "finance",
    archetype: "consumer_aligned",
    status: "active",
    version: "1.0.0",
    daysAgo: 9,
    description:
      "Monthly royalty statements per rights holder and artist: royalty-bearing streams, the share of the revenue pool and the amount owed, as sent to labels and distributors.",
    purpose: "Produces the statements finance pays out every month and that artists see in their dashboard.",
    limitations:
      "A month's statement becomes final on the 10th of the next month; earlier versions are estimates (`final` = false).",
    usage: "Use only final statements for payouts and disputes.",
    tags: ["finance", "royalties", "artists", "payouts"],
    inputs: [
      { port: "playback/play-events#play-events-daily", description: "Royalty-bearing plays (30 seconds or more)." },
      { port: "artists/track-catalogue#track-snapshots", description: "Track ownership as of each day." },
      { port: "finance-royalties/licensing-agreements#agreements", description: "Rates and revenue shares." },
      { port: "finance-billing/subscription-payments#payments", description: "The month's revenue pool." },
    ],
    outputPorts: [
      {
        name: "statements",
        displayName: "Statements",
        description: "One row per month, rights holder and artist.",
        kind: "table",
        format: "postgres",
        server: postgres("finance", "royalties", "artist_statements"),
        fields: [
          key("statement_id", "uuid", "Unique id of the statement line."),
          field("month", "date", "First day of the month.", { required: true }),
          field("rights_holder_id", "uuid", "The label or distributor paid.", { required: true }),
          artist("The artist (artist polyseme)."),
          field("streams", "bigint", "Royalty-bearing streams.", { required: true }),
          field("amount_eur", "decimal(14,2)", "Amount owed in euros.", {
            required: true,
            classification: "confidential",
          }),
          field("final", "boolean", "True once the month is closed.", { required: true }),
        ],
        slos: [
          freshness(24, "hours", "Estimates are updated daily."),
          completeness(100, "Every rights holder with streams has a statement.", 99.9),
        ],
      },
      {
        name: "statement-files",
        displayName: "Statement files",
        description: "One CSV per rights holder and month, in the layout labels import.",
        kind: "files",
        format: "csv",
        server: s3("s3://mesh-finance/royalty-statements/", "csv"),
        fields: [
          field("rights_holder_id", "uuid", "The label or distributor.", { required: true }),
          field("month", "date", "First day of the month.", { required: true }),
          field("isrc", "string", "Recording code of the track.", { required: true }),
          field("streams", "bigint", "Royalty-bearing streams.", { required: true }),
          field("amount_eur", "decimal(14,2)", "Amount owed in euros.", {
            required: true,
            classification: "confidential",
          }),
        ],
        slos: [freshness(12, "days", "A month's files are delivered by the 12th of the next month.")],
      },
    ],
  },
  {
    domain: "finance",
    name: "revenue-forecast",
    displayName: "Revenue forecast",
    team: "finance",
    archetype: "consumer_aligned",
    status: "draft",
    version: "0.2.0",
    daysAgo: 5,
    description:
      "A twelve-month revenue forecast per country and plan with confidence intervals, for finance planning.",
    purpose: "Will replace the spreadsheet forecast in the quarterly planning cycle.",
    limitations: "Draft: the model is not yet back-tested on last year's data.",
    usage: "For finance planning only.",
    tags: ["finance", "forecast", "planning"],
    inputs: [
      { port: "finance-billing/monthly-recurring-revenue#mrr", description: "Revenue history." },
      { port: "users/active-users-daily#daily-active-users", description: "Engagement as a leading indicator." },
    ],
    outputPorts: [
      {
        name: "forecast",
        displayName: "Forecast",
        description: "One row per forecast month, country and plan.",
        kind: "table",
        format: "postgres",
        server: postgres("finance", "public", "revenue_forecast"),
        fields: [
          key("forecast_month", "date", "Month forecast."),
          key("country", "string", "ISO 3166-1 alpha-2 country code."),
          key("plan", "string", "Subscription plan."),
          field("mrr_eur_p50", "decimal(14,2)", "Median forecast MRR.", {
            required: true,
            classification: "confidential",
          }),
          field("mrr_eur_p10", "decimal(14,2)", "10th percentile.", { classification: "confidential" }),
          field("mrr_eur_p90", "decimal(14,2)", "90th percentile.", { classification: "confidential" }),
          field("model_version", "string", "Forecast model version.", { required: true }),
        ],
        slos: [freshness(7, "days", "Refreshed every Monday.")],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Access requests and notifications
// ---------------------------------------------------------------------------------------------------------

export const ACCESS_REQUESTS: SeedAccessRequest[] = [
  {
    port: "users/user-sign-ups#sign-ups",
    requester: "consumer@hexmesh.local",
    consumerTeam: "marketing-analytics",
    purpose: "Acquisition dashboard: sign-ups per channel and campaign, until we move it to user-updates.",
    use: "analytics",
    daysAgo: 25,
    durationDays: 60,
    outcome: { status: "approved", by: "users@hexmesh.local", daysAgo: 24.6 },
  },
  {
    port: "playback/play-events#play-events-daily",
    requester: "hannah.berg@hexmesh.local",
    consumerTeam: "finance",
    purpose: "Royalty calculation: monthly royalty-bearing streams per track for artist royalty statements.",
    use: "operational_reporting",
    daysAgo: 22,
    durationDays: 365,
    outcome: {
      status: "approved",
      by: "marta.kowalski@hexmesh.local",
      daysAgo: 21.5,
      reason: "Approved for the royalty process.",
    },
  },
  {
    port: "playback/play-events#play-events-daily",
    requester: "sofia.rossi@hexmesh.local",
    consumerTeam: "artists",
    purpose: "Artist audience insights: daily streams and listeners per artist for the artist dashboard.",
    use: "operational_reporting",
    daysAgo: 20,
    durationDays: 365,
    outcome: { status: "approved", by: "marta.kowalski@hexmesh.local", daysAgo: 19.8 },
  },
  {
    port: "users/user-updates#user-profiles",
    requester: "amara.osei@hexmesh.local",
    consumerTeam: "recommendations",
    purpose: "Cold-start taste profiles: country and birth year of listeners with fewer than 10 plays.",
    use: "data_science",
    daysAgo: 17,
    durationDays: 180,
    outcome: {
      status: "approved",
      by: "users@hexmesh.local",
      daysAgo: 16.2,
      reason: "Approved. Do not copy the email column into taste profiles.",
    },
  },
  {
    port: "podcasts/podcast-listeners-demographic#listeners-demographic-files",
    requester: "noah.schmidt@hexmesh.local",
    consumerTeam: "recommendations",
    purpose: "Train the podcast recommendation model on audience composition per podcast.",
    use: "data_science",
    daysAgo: 13,
    durationDays: 180,
    outcome: { status: "approved", by: "podcasts@hexmesh.local", daysAgo: 12.4 },
  },
  {
    port: "finance-billing/subscription-payments#payments",
    requester: "consumer@hexmesh.local",
    consumerTeam: "marketing-analytics",
    purpose: "Analyse failed payments by card country to target win-back campaigns.",
    use: "analytics",
    daysAgo: 11,
    durationDays: 90,
    outcome: {
      status: "rejected",
      by: "hannah.berg@hexmesh.local",
      daysAgo: 10.3,
      reason:
        "Payment records are restricted to finance and the royalty process. Churn by country and plan is in finance-billing/monthly-recurring-revenue; ask us if you need another aggregate.",
    },
  },
  {
    port: "users/active-users-daily#daily-active-users",
    requester: "consumer@hexmesh.local",
    consumerTeam: "marketing-analytics",
    purpose: "Campaign reporting: daily active users per country before and after campaigns.",
    use: "analytics",
    daysAgo: 9,
    durationDays: 365,
    outcome: {
      status: "approved",
      by: null,
      daysAgo: 9,
      reason: "Approved automatically: this output port allows automatic approval.",
    },
  },
  {
    port: "podcasts/podcast-episode-downloads#downloads",
    requester: "jonas.weber@hexmesh.local",
    consumerTeam: "marketing-analytics",
    purpose: "Measure podcast campaign reach including third-party podcast apps.",
    use: "analytics",
    daysAgo: 8,
    durationDays: 90,
    outcome: { status: "withdrawn", daysAgo: 6.5 },
  },
  {
    port: "users/user-updates#user-update-events",
    requester: "noah.schmidt@hexmesh.local",
    consumerTeam: "recommendations",
    purpose:
      "Update taste profiles minutes after a subscription tier change instead of nightly, for the premium upsell experiment.",
    use: "data_science",
    daysAgo: 2,
    durationDays: 180,
  },
  {
    port: "podcasts/released-podcast-episodes#episodes",
    requester: "consumer@hexmesh.local",
    consumerTeam: "marketing-analytics",
    purpose:
      "Attribute podcast launch campaigns: join release times with the campaign calendar to measure launch promotions.",
    use: "analytics",
    daysAgo: 1,
    durationDays: 90,
  },
  {
    port: "finance-billing/monthly-recurring-revenue#mrr",
    requester: "lena.mueller@hexmesh.local",
    consumerTeam: "marketing-analytics",
    purpose: "Weekly subscription campaign report: MRR by plan and country before and after each campaign.",
    use: "operational_reporting",
    daysAgo: 0.2,
    durationDays: 365,
  },
];

export const NOTIFICATIONS: SeedNotification[] = [
  {
    user: "podcasts@hexmesh.local",
    kind: "access-request.created",
    title: "Carl Consumer asks for access to Released podcast episodes",
    body: "Marketing Analytics asks to read the episodes port for 90 days: attribute podcast launch campaigns.",
    link: "/products/podcasts/released-podcast-episodes",
    daysAgo: 1,
    read: false,
  },
  {
    user: "users@hexmesh.local",
    kind: "access-request.created",
    title: "Noah Schmidt asks for access to User updates",
    body: "Recommendations asks to read the user-update-events port for 180 days: real-time taste profile updates.",
    link: "/products/users/user-updates",
    daysAgo: 2,
    read: false,
  },
  {
    user: "hannah.berg@hexmesh.local",
    kind: "access-request.created",
    title: "Lena Müller asks for access to Monthly recurring revenue",
    body: "Marketing Analytics asks to read the mrr port for 365 days: weekly subscription campaign report.",
    link: "/products/finance-billing/monthly-recurring-revenue",
    daysAgo: 0.2,
    read: false,
  },
  {
    user: "consumer@hexmesh.local",
    kind: "access-request.rejected",
    title: "Your request for Subscription payments was rejected",
    body: "Hannah Berg: payment records are restricted to finance. Use finance-billing/monthly-recurring-revenue instead.",
    link: "/products/finance-billing/subscription-payments",
    daysAgo: 10.3,
    read: true,
  },
  {
    user: "consumer@hexmesh.local",
    kind: "access-request.approved",
    title: "Access to Active users daily granted",
    body: "Marketing Analytics can read the daily-active-users port for 365 days.",
    link: "/products/users/active-users-daily",
    daysAgo: 9,
    read: true,
  },
  {
    user: "consumer@hexmesh.local",
    kind: "product.deprecated",
    title: "User sign-ups is deprecated",
    body: "A product your team consumes will be retired in 45 days. Move to users/user-updates.",
    link: "/products/users/user-sign-ups",
    daysAgo: 9,
    read: false,
  },
  {
    user: "noah.schmidt@hexmesh.local",
    kind: "access-request.approved",
    title: "Access to Podcast listeners demographic granted",
    body: "Recommendations can read the listeners-demographic-files port for 180 days.",
    link: "/products/podcasts/podcast-listeners-demographic",
    daysAgo: 12.4,
    read: true,
  },
  {
    user: "governance@hexmesh.local",
    kind: "product.proposed",
    title: "New product proposed: Podcast ad impressions",
    body: "The podcasts team proposes a source-aligned product with a device-level field; review its classification.",
    link: "/products/podcasts/podcast-ad-impressions",
    daysAgo: 3,
    read: false,
  },
];
