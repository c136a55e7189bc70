"use client";
import { SecretOnce } from "@/components/ui/secret-once";

/** A signing secret in clear, shown once after creation or rotation, with a copy button. */
export function WebhookSecret({ secret, id, heading }: { secret: string; id: string; heading: string }) {
  return (
    <SecretOnce
      id={id}
      secret={secret}
      label="Signing secret"
      message={`${heading} Copy the signing secret now: Hexmesh stores it encrypted and will not show it again.`}
      hint={
        <>
          Verify the <code className="font-mono">webhook-signature</code> header of each request with it (Standard
          Webhooks: HMAC-SHA256 of <code className="font-mono">id.timestamp.body</code>).
        </>
      }
    />
  );
}
