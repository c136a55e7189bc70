"use client";
import { cn } from "@/components/ui/cn";
import { buttonClasses, cardClasses } from "@/components/ui/styles";
import { createTeamAction } from "@/lib/teams/actions";
import { errorsFor, Field, FormOutcome, useFormAction } from "@/components/ui/form-parts";

/** A new team (platform admins): on success the action opens the team's page. */
export function CreateTeamForm() {
  const { state, pending, disabled, onSubmit } = useFormAction(createTeamAction, { resetOnSuccess: false });
  return (
    <form onSubmit={onSubmit} aria-label="New team" noValidate className={cn(cardClasses, "max-w-2xl space-y-4 p-6")}>
      <Field
        id="team-display-name"
        name="displayName"
        label="Display name"
        required
        maxLength={120}
        errors={errorsFor(state, "displayName")}
      />
      <Field
        id="team-name"
        name="name"
        label="URL name"
        required
        maxLength={63}
        autoComplete="off"
        hint="Lowercase letters, digits and hyphens, e.g. listener-insights: the team's page is /teams/<URL name>."
        errors={errorsFor(state, "name")}
      />
      <Field
        id="team-description"
        name="description"
        label="Description"
        multiline
        maxLength={2000}
        errors={errorsFor(state, "description")}
      />
      <Field
        id="team-owner"
        name="ownerEmail"
        type="email"
        label="First owner's email"
        required
        autoComplete="off"
        hint="An existing user; they can then add the other members."
        errors={errorsFor(state, "ownerEmail")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={disabled} className={buttonClasses("primary", "md")}>
          {pending ? "Creating…" : "Create team"}
        </button>
        <FormOutcome state={state} id="create-team-outcome" />
      </div>
    </form>
  );
}
