"use client";
import { useActionState, useState } from "react";
import { buttonClasses } from "@/components/ui/styles";
import {
  deleteWebhookAction,
  rotateWebhookSecretAction,
  sendTestEventAction,
  setWebhookEnabledAction,
} from "@/lib/webhooks/actions";
import { WebhookSecret } from "./webhook-secret";

interface Props {
  team: string;
  webhookId: string;
  version: number;
  enabled: boolean;
  url: string;
}

function Outcome({ state }: { state: { ok: boolean; message?: string } | null }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="text-xs text-success">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="text-xs text-danger">
      {state.message}
    </p>
  );
}

function Hidden({ webhookId, version }: { webhookId: string; version: number }) {
  return (
    <>
      <input type="hidden" name="webhookId" value={webhookId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/** The buttons of one webhook: send a test event, enable/disable, rotate the secret, delete (confirmed). */
export function WebhookControls({ team, webhookId, version, enabled, url }: Props) {
  const [testState, sendTest, testing] = useActionState(sendTestEventAction.bind(null, team), null);
  const [enableState, toggle, toggling] = useActionState(setWebhookEnabledAction.bind(null, team), null);
  const [rotateState, rotate, rotating] = useActionState(rotateWebhookSecretAction.bind(null, team), null);
  const [deleteState, remove, deleting] = useActionState(deleteWebhookAction.bind(null, team), null);
  const [confirming, setConfirming] = useState(false);

  return (
    <div className="space-y-3">
      {rotateState?.ok && (
        <WebhookSecret
          key={rotateState.data.secret}
          id={`secret-${webhookId}`}
          secret={rotateState.data.secret}
          heading="New secret generated; the old one no longer signs."
        />
      )}
      <div className="flex flex-wrap items-center gap-2">
        <form action={sendTest}>
          <input type="hidden" name="webhookId" value={webhookId} />
          <button type="submit" disabled={testing || !enabled} className={buttonClasses("secondary", "sm")}>
            {testing ? "Sending…" : "Send a test event"}
          </button>
        </form>
        <form action={toggle}>
          <Hidden webhookId={webhookId} version={version} />
          <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
          <button type="submit" disabled={toggling} className={buttonClasses("secondary", "sm")}>
            {enabled ? "Disable" : "Enable"}
          </button>
        </form>
        <form action={rotate}>
          <Hidden webhookId={webhookId} version={version} />
          <button type="submit" disabled={rotating} className={buttonClasses("secondary", "sm")}>
            {rotating ? "Rotating…" : "Rotate secret"}
          </button>
        </form>
        {confirming ? (
          <form action={remove} className="flex flex-wrap items-center gap-2">
            <Hidden webhookId={webhookId} version={version} />
            <span id={`delete-${webhookId}-question`} className="text-xs text-muted">
              Deletes the webhook and its delivery log.
            </span>
            <button
              type="submit"
              disabled={deleting}
              aria-describedby={`delete-${webhookId}-question`}
              className={buttonClasses("danger", "sm")}
            >
              {deleting ? "Deleting…" : "Confirm delete"}
            </button>
            <button type="button" className={buttonClasses("ghost", "sm")} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <button
            type="button"
            aria-label={`Delete webhook ${url}`}
            className={buttonClasses("danger", "sm")}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        )}
      </div>
      <Outcome state={testState} />
      <Outcome state={enableState} />
      {rotateState && !rotateState.ok && <Outcome state={rotateState} />}
      {deleteState && !deleteState.ok && <Outcome state={deleteState} />}
    </div>
  );
}
