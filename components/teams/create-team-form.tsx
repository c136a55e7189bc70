"use client";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import { createTeamAction } from "@/lib/teams/actions";
import { errorsFor, Field, NamingFields, SubmitRow, useFormAction } from "@/components/ui/form-parts";

/** A new team (platform admins): on success the action opens the team's page. */
export function CreateTeamForm() {
  const form = useFormAction(createTeamAction, { resetOnSuccess: false });
  const { state, onSubmit } = form;
  return (
    <form onSubmit={onSubmit} aria-label="New team" noValidate className={cn(cardClasses, "max-w-2xl space-y-4 p-6")}>
      <NamingFields
        prefix="team"
        state={state}
        nameHint="Lowercase letters, digits and hyphens, e.g. listener-insights: the team's page is /teams/<URL name>."
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
      <SubmitRow label="Create team" busyLabel="Creating…" form={form} outcomeId="create-team-outcome" />
    </form>
  );
}
