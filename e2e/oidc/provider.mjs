// A real OpenID Provider for the end-to-end SSO test: `node e2e/oidc/provider.mjs` (Playwright's webServer starts
// it). Built on `oidc-provider`, a certified OpenID Provider, with its development login and consent pages: sign
// in with any login name that is an email address, e.g. `sso.user@hexmesh.local`, and any password; the ID token
// then carries that email, email_verified and a name made from it.
//
// Settings (all optional): OIDC_TEST_PORT (3901), OIDC_TEST_ISSUER (http://localhost:<port>), OIDC_TEST_CLIENT_ID
// (hexmesh), OIDC_TEST_CLIENT_SECRET (hexmesh-oidc-secret), OIDC_TEST_REDIRECT_URI
// (http://localhost:3100/api/auth/callback/oidc).
import crypto from "node:crypto";
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_TEST_PORT ?? 3901);
const issuer = process.env.OIDC_TEST_ISSUER ?? `http://localhost:${port}`;
const clientId = process.env.OIDC_TEST_CLIENT_ID ?? "hexmesh";
const clientSecret = process.env.OIDC_TEST_CLIENT_SECRET ?? "hexmesh-oidc-secret";
const redirectUri = process.env.OIDC_TEST_REDIRECT_URI ?? "http://localhost:3100/api/auth/callback/oidc";

/** `sso.user@hexmesh.local` -> `Sso User`. */
function nameFrom(email) {
  return email
    .split("@")[0]
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(" ");
}

// A fresh signing key per start: the relying party reads it from the JWKS endpoint.
const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "e2e-signing-key", use: "sig", alg: "RS256" };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  // The login name is the account id and, being an email address, the account's email.
  async findAccount(_ctx, accountId) {
    const email = accountId.trim().toLowerCase();
    return {
      accountId,
      async claims() {
        return { sub: accountId, email, email_verified: true, name: nameFrom(email) };
      },
    };
  },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // Put the scopes' claims (email, name) into the ID token, which is all Auth.js reads for `type: "oidc"`.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => false },
  cookies: { keys: [crypto.randomBytes(32).toString("hex")] },
  jwks: { keys: [signingKey] },
  ttl: {
    AccessToken: 10 * 60,
    AuthorizationCode: 60,
    IdToken: 10 * 60,
    Interaction: 10 * 60,
    Session: 60 * 60,
    Grant: 60 * 60,
  },
});

provider.on("server_error", (_ctx, error) => console.error("[oidc] server error:", error));

const server = provider.listen(port, () => {
  console.log(`[oidc] OpenID Provider for e2e tests at ${issuer} (client ${clientId})`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
