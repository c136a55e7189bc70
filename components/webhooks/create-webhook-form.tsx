"use client";
import { errorsFor, Field, FormOutcome, useFormAction } from "@/components/ui/form-parts";
import { buttonClasses } from "@/components/ui/styles";
import { createWebhookAction } from "@/lib/webhooks/actions";
import { WEBHOOK_DESCRIPTION_MAX } from "@/lib/webhooks/schemas";
import { WebhookSecret } from "./webhook-secret";

/** Adds a webhook to the team: its URL and a description; the secret is generated and shown once. */
export function CreateWebhookForm({ team }: { team: string }) {
  const { state, disabled, onSubmit } = useFormAction(createWebhookAction.bind(null, team));
  return (
    <div className="space-y-4">
      {state?.ok && (
        <WebhookSecret
          key={state.data.secret}
          id="new-webhook-secret"
          secret={state.data.secret}
          heading="Webhook created."
        />
      )}
      <form onSubmit={onSubmit} noValidate aria-label="New webhook" className="space-y-4">
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            id="webhook-url"
            name="url"
            type="url"
            label="Payload URL"
            required
            maxLength={2000}
            placeholder="https://example.com/hooks/hexmesh"
            hint="Hexmesh POSTs each event here as a signed CloudEvent (application/cloudevents+json)."
            errors={errorsFor(state, "url")}
          />
          <Field
            id="webhook-description"
            name="description"
            label="Description"
            maxLength={WEBHOOK_DESCRIPTION_MAX}
            placeholder="e.g. Slack relay for access requests"
            errors={errorsFor(state, "description")}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={disabled} className={buttonClasses("primary", "md")}>
            Create webhook
          </button>
          {!state?.ok && <FormOutcome state={state} id="create-webhook" />}
        </div>
      </form>
    </div>
  );
}
