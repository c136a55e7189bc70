"use client";
import { errorsFor, Field, NamingFields, SubmitRow, useFormAction } from "@/components/ui/form-parts";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import { createSourceSystemAction, createSubDomainAction, updateDomainDescriptionAction } from "@/lib/domains/actions";

interface Props {
  domain: string;
  displayName: string;
  description: string;
  /** The domain's version as the page shows it: an edit from a stale page is refused. */
  version: number;
}

/** What the owners of a domain (and platform admins) may do on its page; rendered only for them. */
export function DomainManager(props: Props) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {/* Re-keyed on each new version so the field shows what was saved. */}
      <DescriptionForm key={props.version} {...props} />
      <SourceSystemForm domain={props.domain} />
      <SubDomainForm domain={props.domain} displayName={props.displayName} />
    </div>
  );
}

const formClasses = cn(cardClasses, "space-y-3 p-5");

function DescriptionForm({ domain, description, version }: Props) {
  const form = useFormAction(updateDomainDescriptionAction.bind(null, domain), {
    resetOnSuccess: false,
  });
  const { state, onSubmit } = form;
  return (
    <form onSubmit={onSubmit} aria-labelledby="edit-description-heading" className={formClasses} noValidate>
      <h3 id="edit-description-heading" className="text-base font-semibold text-foreground">
        Edit the description
      </h3>
      <input type="hidden" name="version" value={version} />
      <Field
        id="domain-description"
        name="description"
        label="Description"
        multiline
        maxLength={2000}
        defaultValue={description}
        errors={errorsFor(state, "description")}
      />
      <SubmitRow
        label="Save description"
        busyLabel="Saving…"
        form={form}
        outcomeId="edit-description-outcome"
        size="sm"
      />
    </form>
  );
}

function SourceSystemForm({ domain }: { domain: string }) {
  const form = useFormAction(createSourceSystemAction.bind(null, domain));
  const { state, onSubmit } = form;
  return (
    <form onSubmit={onSubmit} aria-labelledby="new-source-heading" className={formClasses} noValidate>
      <h3 id="new-source-heading" className="text-base font-semibold text-foreground">
        Register a source system
      </h3>
      <NamingFields
        prefix="source"
        state={state}
        nameHint="Lowercase letters, digits and hyphens, unique in this domain."
      >
        <Field
          id="source-kind"
          name="kind"
          label="Kind"
          required
          maxLength={40}
          defaultValue="service"
          hint="In your words: service, database, SaaS…"
          errors={errorsFor(state, "kind")}
        />
      </NamingFields>
      <SubmitRow
        label="Register source system"
        busyLabel="Registering…"
        form={form}
        outcomeId="new-source-outcome"
        size="sm"
      />
    </form>
  );
}

function SubDomainForm({ domain, displayName }: { domain: string; displayName: string }) {
  const form = useFormAction(createSubDomainAction.bind(null, domain));
  const { state, onSubmit } = form;
  return (
    <form onSubmit={onSubmit} aria-labelledby="new-subdomain-heading" className={formClasses} noValidate>
      <h3 id="new-subdomain-heading" className="text-base font-semibold text-foreground">
        Create a sub-domain of {displayName}
      </h3>
      <NamingFields prefix="subdomain" state={state} nameHint="Unique across all domains, e.g. finance-billing." />
      <SubmitRow
        label="Create sub-domain"
        busyLabel="Creating…"
        form={form}
        outcomeId="new-subdomain-outcome"
        size="sm"
      />
    </form>
  );
}
