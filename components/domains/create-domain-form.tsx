"use client";
import { errorsFor, Field, FormOutcome, SelectField, useFormAction } from "@/components/ui/form-parts";
import { cn } from "@/components/ui/cn";
import { buttonClasses, cardClasses } from "@/components/ui/styles";
import { createDomainAction } from "@/lib/domains/actions";

interface Option {
  name: string;
  displayName: string;
}

/** A new domain (platform admins): on success the action opens the domain's page. */
export function CreateDomainForm({ teams, domains }: { teams: Option[]; domains: Option[] }) {
  const { state, pending, disabled, onSubmit } = useFormAction(createDomainAction, { resetOnSuccess: false });
  return (
    <form onSubmit={onSubmit} aria-label="New domain" noValidate className={cn(cardClasses, "max-w-2xl space-y-4 p-6")}>
      <Field
        id="domain-display-name"
        name="displayName"
        label="Display name"
        required
        maxLength={120}
        errors={errorsFor(state, "displayName")}
      />
      <Field
        id="domain-name"
        name="name"
        label="URL name"
        required
        maxLength={63}
        autoComplete="off"
        hint="Lowercase letters, digits and hyphens, unique across all domains, e.g. finance-billing."
        errors={errorsFor(state, "name")}
      />
      <Field
        id="domain-description"
        name="description"
        label="Description"
        multiline
        maxLength={2000}
        errors={errorsFor(state, "description")}
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
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={disabled} className={buttonClasses("primary", "md")}>
          {pending ? "Creating…" : "Create domain"}
        </button>
        <FormOutcome state={state} id="create-domain-outcome" />
      </div>
    </form>
  );
}
