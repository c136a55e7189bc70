import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env, oidcConfigured } from "../env";
import { findOrCreateSsoUser, recordSignIn, userForPasswordSignIn } from "./users";
import { verifyPassword } from "./password";
import { clearFailedSignIns, recordFailedSignIn, signInBlockedFor } from "./throttle";

export const SignInInput = z.object({
  email: z.email("Enter your email address.").trim().toLowerCase(),
  password: z.string().min(1, "Enter your password."),
});

export class WrongCredentials extends CredentialsSignin {
  code = "wrong-credentials";
}
export class AccountDisabled extends CredentialsSignin {
  code = "account-disabled";
}
export class TooManyAttempts extends CredentialsSignin {
  code = "too-many-attempts";
}

/** The client's address, known only behind a proxy that sets X-Forwarded-For (TRUST_PROXY=true). */
function clientAddress(request: Request): string | null {
  if (!env().TRUST_PROXY) return null;
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
}

function config(): NextAuthConfig {
  const e = env();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      id: "credentials",
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = SignInInput.safeParse(raw);
        if (!parsed.success) throw new WrongCredentials();
        const { email, password } = parsed.data;
        const address = clientAddress(request);
        if ((await signInBlockedFor(email, address)) > 0) throw new TooManyAttempts();
        const user = await userForPasswordSignIn(email);
        const valid = await verifyPassword(user?.passwordHash ?? null, password);
        if (!user || !valid) {
          await recordFailedSignIn(email, address);
          throw new WrongCredentials();
        }
        if (user.disabledAt) throw new AccountDisabled();
        await clearFailedSignIns(email);
        await recordSignIn(user.id, "password");
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ];
  if (oidcConfigured()) {
    providers.push({
      id: "oidc",
      name: e.OIDC_DISPLAY_NAME,
      type: "oidc",
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
    });
  }
  return {
    secret: e.AUTH_SECRET,
    trustHost: e.AUTH_TRUST_HOST === "true" || e.AUTH_TRUST_HOST === "1" || undefined,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    logger: {
      // A wrong password is an expected outcome, answered on the form; log only real failures.
      error(error) {
        if ((error as { type?: string }).type !== "CredentialsSignin") console.error("[auth]", error);
      },
    },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const user = await findOrCreateSsoUser({
          provider: "oidc",
          subject: String(profile?.sub ?? account.providerAccountId),
          email: typeof profile?.email === "string" ? profile.email : null,
          name: typeof profile?.name === "string" ? profile.name : null,
        });
        if (!user) return "/signin?error=sso-no-email";
        if (user.disabledAt) return "/signin?error=account-disabled";
        await recordSignIn(user.id, "oidc");
        return true;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc") {
          const linked = await findOrCreateSsoUser({
            provider: "oidc",
            subject: String(profile?.sub ?? account.providerAccountId),
            email: typeof profile?.email === "string" ? profile.email : null,
            name: null,
          });
          if (linked) token.uid = linked.id;
        } else if (user?.id) {
          token.uid = user.id;
        }
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") session.user.id = token.uid;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
