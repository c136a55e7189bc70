"use client";
import { errorsFor, NamingFields, SelectField, SubmitRow, useFormAction } from "@/components/ui/form-parts";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import { createDomainAction } from "@/lib/domains/actions";

interface Option {
  name: string;
  displayName: string;
}

/** A new domain (platform admins): on success the action opens the domain's page. */
export function CreateDomainForm({ teams, domains }: { teams: Option[]; domains: Option[] }) {
  const form = useFormAction(createDomainAction, { resetOnSuccess: false });
  const { state, onSubmit } = form;
  return (
    <form onSubmit={onSubmit} aria-label="New domain" noValidate className={cn(cardClasses, "max-w-2xl space-y-4 p-6")}>
      <NamingFields
        prefix="domain"
        state={state}
        nameHint="Lowercase letters, digits and hyphens, unique across all domains, e.g. finance-billing."
      />
      <SelectField
        id="domain-owning-team"
        name="owningTeam"
        label="Owning team"
        required
        defaultValue=""
        options={[
          { value: "", label: "Choose a team…" },
          ...teams.map((team) => ({ value: team.name, label: `${team.displayName} (${team.name})` })),
        ]}
        errors={errorsFor(state, "owningTeam")}
      />
      <SelectField
        id="domain-parent"
        name="parent"
        label="Parent domain (optional)"
        defaultValue=""
        options={[
          { value: "", label: "None: a top-level domain" },
          ...domains.map((domain) => ({ value: domain.name, label: `${domain.displayName} (${domain.name})` })),
        ]}
        errors={errorsFor(state, "parent")}
      />
      <SubmitRow label="Create domain" busyLabel="Creating…" form={form} outcomeId="create-domain-outcome" />
    </form>
  );
}
