"use client";
import { useActionState } from "react";
import { cn } from "@/components/ui/cn";
import { ChevronDownIcon } from "@/components/ui/icons";
import { buttonClasses, inputClasses } from "@/components/ui/styles";
import type { ActionResult } from "@/lib/action-result";
import { changeUserRoleAction, setUserDisabledAction } from "@/lib/users/actions";
import type { UserChangeDto } from "@/lib/users/schemas";

const ROLE_OPTIONS = [
  { value: "admin", label: "Platform admin" },
  { value: "governance", label: "Governance" },
  { value: "member", label: "Member" },
] as const;

function Outcome({ state, id }: { state: ActionResult<UserChangeDto> | null; id: string }) {
  return (
    <>
      <p id={`${id}-status`} role="status" className="text-xs text-success empty:hidden">
        {state?.ok ? state.message : ""}
      </p>
      {state && !state.ok && (
        <p id={`${id}-error`} role="alert" className="text-xs text-danger">
          {state.message}
          {Object.values(state.fieldErrors).flat().filter(Boolean).length > 0 &&
            ` ${Object.values(state.fieldErrors).flat().filter(Boolean).join(" ")}`}
        </p>
      )}
    </>
  );
}

interface ControlProps {
  userId: string;
  userName: string;
  version: number;
  /** Why the controls are disabled (the admin's own row), or null when they may be used. */
  lockedReason: string | null;
}

/** The global role of one user: a labelled select and a save button. */
export function RoleForm({ userId, userName, version, role, lockedReason }: ControlProps & { role: string }) {
  const [state, formAction, pending] = useActionState(changeUserRoleAction, null);
  const id = `role-${userId}`;
  const describedBy = [lockedReason ? `${id}-locked` : null, state && !state.ok ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="space-y-1">
      {/* Re-keyed on each new version so the select shows the saved role after the page refreshes. */}
      <form key={version} action={formAction} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="version" value={version} />
        <label htmlFor={id} className="sr-only">
          Global role of {userName}
        </label>
        <div className="relative">
          <select
            id={id}
            name="role"
            defaultValue={role}
            disabled={Boolean(lockedReason) || pending}
            aria-describedby={describedBy || undefined}
            aria-invalid={state && !state.ok ? true : undefined}
            className={cn(
              inputClasses,
              "h-8 w-40 appearance-none pr-8 disabled:cursor-not-allowed disabled:opacity-60",
            )}
          >
            {ROLE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted" />
        </div>
        <button
          type="submit"
          disabled={Boolean(lockedReason) || pending}
          className={buttonClasses("secondary", "sm")}
          aria-label={`Save the role of ${userName}`}
        >
          {pending ? "Saving…" : "Save"}
        </button>
      </form>
      {lockedReason && (
        <p id={`${id}-locked`} className="text-xs text-muted">
          {lockedReason}
        </p>
      )}
      <Outcome state={state} id={id} />
    </div>
  );
}

/** Disable (ends the user's sessions) or enable a user. */
export function StatusForm({
  userId,
  userName,
  version,
  disabled,
  lockedReason,
}: ControlProps & { disabled: boolean }) {
  const [state, formAction, pending] = useActionState(setUserDisabledAction, null);
  const id = `status-${userId}`;
  const label = disabled ? "Enable" : "Disable";
  return (
    <div className="flex flex-col items-end space-y-1">
      <form key={version} action={formAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
        <button
          type="submit"
          disabled={Boolean(lockedReason) || pending}
          aria-describedby={lockedReason ? `role-${userId}-locked` : undefined}
          aria-label={`${label} ${userName}`}
          className={buttonClasses(disabled ? "secondary" : "danger", "sm", "w-24")}
        >
          {pending ? (disabled ? "Enabling…" : "Disabling…") : label}
        </button>
      </form>
      <div className="text-right">
        <Outcome state={state} id={id} />
      </div>
    </div>
  );
}
