"use server";
import { revalidatePath } from "next/cache";
import { failure, type ActionResult } from "../action-result";
import { requireActor } from "../authz";
import { createWebhook, deleteWebhook, rotateWebhookSecret, sendTestEvent, setWebhookEnabled } from "./mutations";
import type { WebhookChangeDto, WebhookSecretDto } from "./schemas";

// Thin wrappers for the forms of /teams/<name>/webhooks (useActionState): the mutations validate and authorize.

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

const webhooksPath = (teamName: string) => `/teams/${encodeURIComponent(teamName)}/webhooks`;

const versioned = (formData: FormData) => ({
  webhookId: field(formData, "webhookId"),
  version: field(formData, "version"),
});

export async function createWebhookAction(
  teamName: string,
  _previous: ActionResult<WebhookSecretDto> | null,
  formData: FormData,
): Promise<ActionResult<WebhookSecretDto>> {
  try {
    const created = await createWebhook(await requireActor(), teamName, {
      url: field(formData, "url"),
      description: field(formData, "description"),
    });
    revalidatePath(webhooksPath(teamName));
    return { ok: true, data: created, message: "Webhook created." };
  } catch (error) {
    return failure(error);
  }
}

export async function rotateWebhookSecretAction(
  teamName: string,
  _previous: ActionResult<WebhookSecretDto> | null,
  formData: FormData,
): Promise<ActionResult<WebhookSecretDto>> {
  try {
    const rotated = await rotateWebhookSecret(await requireActor(), teamName, versioned(formData));
    revalidatePath(webhooksPath(teamName));
    return { ok: true, data: rotated, message: "New secret generated; the old one no longer signs." };
  } catch (error) {
    return failure(error);
  }
}

export async function setWebhookEnabledAction(
  teamName: string,
  _previous: ActionResult<WebhookChangeDto> | null,
  formData: FormData,
): Promise<ActionResult<WebhookChangeDto>> {
  try {
    const enabled = field(formData, "enabled");
    const changed = await setWebhookEnabled(await requireActor(), teamName, { ...versioned(formData), enabled });
    revalidatePath(webhooksPath(teamName));
    return { ok: true, data: changed, message: enabled === "true" ? "Webhook enabled." : "Webhook disabled." };
  } catch (error) {
    return failure(error);
  }
}

export async function deleteWebhookAction(
  teamName: string,
  _previous: ActionResult<WebhookChangeDto> | null,
  formData: FormData,
): Promise<ActionResult<WebhookChangeDto>> {
  try {
    const deleted = await deleteWebhook(await requireActor(), teamName, versioned(formData));
    revalidatePath(webhooksPath(teamName));
    return { ok: true, data: deleted, message: "Webhook deleted." };
  } catch (error) {
    return failure(error);
  }
}

export async function sendTestEventAction(
  teamName: string,
  _previous: ActionResult<{ deliveryId: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ deliveryId: string }>> {
  try {
    const sent = await sendTestEvent(await requireActor(), teamName, { webhookId: field(formData, "webhookId") });
    revalidatePath(webhooksPath(teamName));
    return { ok: true, data: sent, message: "Test event queued; its delivery shows in the log below." };
  } catch (error) {
    return failure(error);
  }
}
