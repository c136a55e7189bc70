"use client";
// The forms of the Access page: decide a request, withdraw one, revoke or give up a grant, ask for a renewal. Each
// sends the version the page shows, so a decision made meanwhile by someone else is refused (409) with its reason.
import { useId } from "react";
import { errorsFor, Field, FormOutcome, useFormAction } from "@/components/ui/form-parts";
import { buttonClasses } from "@/components/ui/styles";
import {
  approveAccessRequestAction,
  rejectAccessRequestAction,
  relinquishGrantAction,
  requestRenewalAction,
  revokeGrantAction,
  withdrawAccessRequestAction,
} from "@/lib/access/actions";

interface RequestRef {
  id: string;
  version: number;
  /** `2026-12-01`: the end asked for. */
  endsAt: string;
  startsAt: string;
  label: string;
}

/** Approve (optionally with an earlier end and a note) or reject (with a reason) a pending request. */
export function DecideRequestForms({ request }: { request: RequestRef }) {
  const approve = useFormAction(approveAccessRequestAction.bind(null, request.id), { resetOnSuccess: false });
  const reject = useFormAction(rejectAccessRequestAction.bind(null, request.id), { resetOnSuccess: false });
  const id = useId();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form onSubmit={approve.onSubmit} noValidate className="space-y-3" aria-label={`Approve ${request.label}`}>
        <input type="hidden" name="version" value={request.version} />
        <Field
          id={`${id}-ends`}
          name="endsAt"
          label="Grant until"
          type="date"
          min={request.startsAt}
          max={request.endsAt}
          defaultValue={request.endsAt}
          hint="Choose an earlier day to shorten the period."
          errors={errorsFor(approve.state, "endsAt")}
        />
        <Field
          id={`${id}-note`}
          name="reason"
          label="Note to the requester (optional)"
          maxLength={2000}
          errors={errorsFor(approve.state, "reason")}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={approve.disabled} className={buttonClasses("primary", "sm")}>
            Approve
          </button>
          <FormOutcome state={approve.state} id={`${id}-approve`} />
        </div>
      </form>
      <form onSubmit={reject.onSubmit} noValidate className="space-y-3" aria-label={`Reject ${request.label}`}>
        <input type="hidden" name="version" value={request.version} />
        <Field
          id={`${id}-reason`}
          name="reason"
          label="Reason for rejecting"
          multiline
          maxLength={2000}
          errors={errorsFor(reject.state, "reason")}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={reject.disabled} className={buttonClasses("danger", "sm")}>
            Reject
          </button>
          <FormOutcome state={reject.state} id={`${id}-reject`} />
        </div>
      </form>
    </div>
  );
}

export function WithdrawRequestButton({ request }: { request: RequestRef }) {
  const withdraw = useFormAction(withdrawAccessRequestAction.bind(null, request.id), { resetOnSuccess: false });
  const id = useId();
  return (
    <form onSubmit={withdraw.onSubmit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="version" value={request.version} />
      <button
        type="submit"
        disabled={withdraw.disabled}
        aria-label={`Withdraw ${request.label}`}
        className={buttonClasses("secondary", "sm")}
      >
        Withdraw
      </button>
      <FormOutcome state={withdraw.state} id={`${id}-withdraw`} />
    </form>
  );
}

interface GrantRef {
  id: string;
  version: number;
  label: string;
}

/** The owning team's revocation, with a reason the consumer team is told. */
export function RevokeGrantForm({ grant }: { grant: GrantRef }) {
  const revoke = useFormAction(revokeGrantAction.bind(null, grant.id), { resetOnSuccess: false });
  const id = useId();
  return (
    <form onSubmit={revoke.onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="version" value={grant.version} />
      <Field
        id={`${id}-reason`}
        name="reason"
        label={`Reason for revoking ${grant.label}`}
        maxLength={2000}
        className="min-w-64 flex-1"
        errors={errorsFor(revoke.state, "reason")}
      />
      <button type="submit" disabled={revoke.disabled} className={buttonClasses("danger", "sm", "mb-0.5")}>
        Revoke
      </button>
      <FormOutcome state={revoke.state} id={`${id}-revoke`} />
    </form>
  );
}

/** The consumer team gives a grant up, or asks for a renewal. */
export function HeldGrantControls({ grant, canRenew }: { grant: GrantRef; canRenew: boolean }) {
  const relinquish = useFormAction(relinquishGrantAction.bind(null, grant.id), { resetOnSuccess: false });
  const renew = useFormAction(requestRenewalAction.bind(null, grant.id), { resetOnSuccess: false });
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-3">
      {canRenew && (
        <form onSubmit={renew.onSubmit}>
          <button
            type="submit"
            disabled={renew.disabled}
            aria-label={`Request renewal of ${grant.label}`}
            className={buttonClasses("secondary", "sm")}
          >
            Request renewal
          </button>
        </form>
      )}
      <form onSubmit={relinquish.onSubmit}>
        <input type="hidden" name="version" value={grant.version} />
        <button
          type="submit"
          disabled={relinquish.disabled}
          aria-label={`Give up access to ${grant.label}`}
          className={buttonClasses("ghost", "sm")}
        >
          Give up access
        </button>
      </form>
      <FormOutcome state={renew.state} id={`${id}-renew`} />
      <FormOutcome state={relinquish.state} id={`${id}-relinquish`} />
    </div>
  );
}

/** The one-click renewal of the expiry reminder's link. */
export function RenewGrantButton({ grantId, label }: { grantId: string; label: string }) {
  const renew = useFormAction(requestRenewalAction.bind(null, grantId), { resetOnSuccess: false });
  const id = useId();
  return (
    <form onSubmit={renew.onSubmit} className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={renew.disabled} className={buttonClasses("primary")}>
        Request renewal of {label}
      </button>
      <FormOutcome state={renew.state} id={`${id}-renew`} />
    </form>
  );
}
