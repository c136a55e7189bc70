"use server";
import { AuthError } from "next-auth";
import { invalid, type ActionResult } from "../action-result";
import { oidcConfigured } from "../env";
import { signIn, signOut, SignInInput } from "./config";

/** Only same-site paths: never send a user to another site after sign-in. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

const MESSAGES: Record<string, string> = {
  "wrong-credentials": "The email or password is not correct.",
  "account-disabled": "This account is disabled. Ask a platform admin to enable it.",
  "too-many-attempts": "Too many failed attempts. Wait a few minutes, then try again.",
};

export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = SignInInput.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return invalid(parsed.error, "Enter your email and password.");
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallback(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "";
      return { ok: false, message: MESSAGES[code] ?? MESSAGES["wrong-credentials"], fieldErrors: {} };
    }
    throw error; // the redirect after a successful sign-in
  }
  return { ok: true, data: undefined };
}

export async function ssoSignInAction(formData: FormData): Promise<void> {
  if (!oidcConfigured()) return;
  await signIn("oidc", { redirectTo: safeCallback(formData.get("callbackUrl")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}
