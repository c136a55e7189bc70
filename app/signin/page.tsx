import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/signin-form";
import { HexagonMark } from "@/components/ui/hexagon-mark";
import { AlertIcon, KeyIcon } from "@/components/ui/icons";
import { buttonClasses, cardClasses } from "@/components/ui/styles";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { cn } from "@/components/ui/cn";
import { ssoSignInAction } from "@/lib/auth/actions";
import { getActor } from "@/lib/authz";
import { env, oidcConfigured } from "@/lib/env";
import { firstParam } from "@/lib/url-segment";

export const metadata: Metadata = { title: "Sign in" };

/** Messages for `?error=`: Hexmesh's own codes, then Auth.js' codes. */
const ERRORS: Record<string, string> = {
  "account-disabled": "This account is disabled. Ask a platform admin to enable it.",
  "sso-no-email":
    "Your single sign-on provider did not share an email address, so Hexmesh cannot tell who you are. Ask your identity team to release the email claim.",
  CredentialsSignin: "The email or password is not correct.",
  AccessDenied: "You may not sign in to Hexmesh with this account.",
  Configuration: "Sign-in is not configured correctly on the server. Tell a platform admin.",
  Verification: "The sign-in link is no longer valid. Sign in again.",
  OAuthSignin: "Single sign-on could not start. Try again in a moment.",
  OAuthCallback: "Single sign-on did not complete. Try again.",
  OAuthCallbackError: "Single sign-on did not complete. Try again.",
  CallbackRouteError: "Single sign-on did not complete. Try again.",
  OAuthAccountNotLinked: "This email is already linked to another sign-in method.",
  SessionRequired: "Sign in to continue.",
};
const UNKNOWN_ERROR = "Sign-in did not complete. Try again.";

const DEMO_ACCOUNTS = [
  ["admin@hexmesh.local", "Platform admin"],
  ["governance@hexmesh.local", "Governance"],
  ["podcasts@hexmesh.local", "Owner, podcasts team"],
  ["users@hexmesh.local", "Owner, users team"],
  ["consumer@hexmesh.local", "Member, marketing analytics"],
] as const;

/** Only same-site paths; anything else signs in to the home page. */
function safeCallback(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallback(firstParam(params.callbackUrl));
  if (await getActor()) redirect(callbackUrl);

  const errorCode = firstParam(params.error);
  const error = errorCode ? (ERRORS[errorCode] ?? UNKNOWN_ERROR) : null;
  const sso = oidcConfigured() ? env().OIDC_DISPLAY_NAME : null;
  const showDemo = env().NODE_ENV !== "production";

  return (
    <div className="relative flex min-h-dvh flex-col">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-0 top-0 h-80 bg-gradient-to-b from-brand/10 to-transparent"
      />
      <div className="relative flex justify-end p-4">
        <ThemeToggle className="w-64" />
      </div>
      <main id="main" className="relative flex flex-1 items-start justify-center px-4 pt-[8vh] pb-16">
        <div className="w-full max-w-sm">
          <div className="mb-8 flex flex-col items-center text-center">
            <HexagonMark className="size-12" />
            <h1 className="mt-4 text-2xl font-semibold tracking-tight text-foreground">Sign in to Hexmesh</h1>
            <p className="mt-1.5 text-sm text-muted">
              Discover, understand and use the data products of your organisation.
            </p>
          </div>

          <div className={cn(cardClasses, "p-6")}>
            {error && (
              <div
                role="alert"
                className="mb-4 flex gap-2.5 rounded-lg border border-danger/30 bg-danger-soft px-3 py-2.5 text-sm text-foreground"
              >
                <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
                <p>{error}</p>
              </div>
            )}
            {sso && (
              <>
                <form action={ssoSignInAction}>
                  <input type="hidden" name="callbackUrl" value={callbackUrl} />
                  <button type="submit" className={buttonClasses("secondary", "lg", "w-full")}>
                    <KeyIcon className="size-4 text-muted" />
                    Sign in with {sso}
                  </button>
                </form>
                <div className="my-5 flex items-center gap-3 text-xs text-faint">
                  <span className="h-px flex-1 bg-line" />
                  or with your email
                  <span className="h-px flex-1 bg-line" />
                </div>
              </>
            )}
            <SignInForm callbackUrl={callbackUrl} />
          </div>

          {showDemo && (
            <aside
              aria-labelledby="demo-heading"
              className="mt-6 rounded-xl border border-dashed border-line-strong px-4 py-3 text-sm"
            >
              <h2 id="demo-heading" className="font-medium text-foreground">
                Demo accounts
              </h2>
              <p className="mt-0.5 text-xs text-muted">
                Password <code className="rounded bg-subtle px-1 py-0.5 font-mono text-foreground">hexmesh-demo</code>{" "}
                for all. Shown outside production only.
              </p>
              <ul className="mt-2 space-y-1">
                {DEMO_ACCOUNTS.map(([email, role]) => (
                  <li key={email} className="flex items-baseline justify-between gap-3">
                    <code className="font-mono text-xs text-foreground">{email}</code>
                    <span className="text-xs text-muted">{role}</span>
                  </li>
                ))}
              </ul>
            </aside>
          )}
        </div>
      </main>
    </div>
  );
}
