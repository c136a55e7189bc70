import "server-only";
import { db } from "../db";
import { writeAudit } from "../audit";

// The user records that sign-in needs. Sign-in runs before there is an actor, so these are the only queries
// that do not go through lib/authz.

export function userForPasswordSignIn(email: string) {
  return db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
}

export async function recordSignIn(userId: string, method: "password" | "oidc"): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { id: userId },
      data: { lastSignInAt: new Date() },
      select: { id: true, email: true },
    });
    await writeAudit(tx, { actor: user, action: "user.signed_in", entityRef: `user:${user.email}`, after: { method } });
  });
}

/**
 * The user behind an SSO identity: linked by the provider's subject, else matched by email (and linked), else
 * created as a member. Null when the provider sent no email.
 */
export async function findOrCreateSsoUser(identity: {
  provider: string;
  subject: string;
  email: string | null;
  name: string | null;
}) {
  const select = { id: true, email: true, disabledAt: true } as const;
  const linked = await db.ssoAccount.findUnique({
    where: { provider_subject: { provider: identity.provider, subject: identity.subject } },
    select: { user: { select } },
  });
  if (linked) return linked.user;
  if (!identity.email) return null;
  const email = identity.email.toLowerCase();
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email }, select });
    if (!user) {
      user = await tx.user.create({
        data: { email, name: identity.name?.trim() || email.split("@")[0] },
        select,
      });
      await writeAudit(tx, {
        actor: null,
        action: "user.created",
        entityRef: `user:${email}`,
        after: { email, role: "member", via: identity.provider },
      });
    }
    await tx.ssoAccount.create({ data: { userId: user.id, provider: identity.provider, subject: identity.subject } });
    await writeAudit(tx, {
      actor: null,
      action: "user.sso_linked",
      entityRef: `user:${email}`,
      after: { provider: identity.provider, subject: identity.subject },
    });
    return user;
  });
}
