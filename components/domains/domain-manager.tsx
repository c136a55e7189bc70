"use client";
import { errorsFor, Field, FormOutcome, useFormAction } from "@/components/ui/form-parts";
import { cn } from "@/components/ui/cn";
import { buttonClasses, cardClasses } from "@/components/ui/styles";
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
  const { state, pending, disabled, onSubmit } = useFormAction(updateDomainDescriptionAction.bind(null, domain), {
    resetOnSuccess: false,
  });
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
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={disabled} className={buttonClasses("primary", "sm")}>
          {pending ? "Saving…" : "Save description"}
        </button>
        <FormOutcome state={state} id="edit-description-outcome" />
      </div>
    </form>
  );
}

function SourceSystemForm({ domain }: { domain: string }) {
  const { state, pending, disabled, onSubmit } = useFormAction(createSourceSystemAction.bind(null, domain));
  return (
    <form onSubmit={onSubmit} aria-labelledby="new-source-heading" className={formClasses} noValidate>
      <h3 id="new-source-heading" className="text-base font-semibold text-foreground">
        Register a source system
      </h3>
      <Field
        id="source-display-name"
        name="displayName"
        label="Display name"
        required
        maxLength={120}
        errors={errorsFor(state, "displayName")}
      />
      <Field
        id="source-name"
        name="name"
        label="URL name"
        required
        maxLength={63}
        autoComplete="off"
        hint="Lowercase letters, digits and hyphens, unique in this domain."
        errors={errorsFor(state, "name")}
      />
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
      <Field
        id="source-description"
        name="description"
        label="Description"
        multiline
        maxLength={2000}
        errors={errorsFor(state, "description")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={disabled} className={buttonClasses("primary", "sm")}>
          {pending ? "Registering…" : "Register source system"}
        </button>
        <FormOutcome state={state} id="new-source-outcome" />
      </div>
    </form>
  );
}

function SubDomainForm({ domain, displayName }: { domain: string; displayName: string }) {
  const { state, pending, disabled, onSubmit } = useFormAction(createSubDomainAction.bind(null, domain));
  return (
    <form onSubmit={onSubmit} aria-labelledby="new-subdomain-heading" className={formClasses} noValidate>
      <h3 id="new-subdomain-heading" className="text-base font-semibold text-foreground">
        Create a sub-domain of {displayName}
      </h3>
      <Field
        id="subdomain-display-name"
        name="displayName"
        label="Display name"
        required
        maxLength={120}
        errors={errorsFor(state, "displayName")}
      />
      <Field
        id="subdomain-name"
        name="name"
        label="URL name"
        required
        maxLength={63}
        autoComplete="off"
        hint="Unique across all domains, e.g. finance-billing."
        errors={errorsFor(state, "name")}
      />
      <Field
        id="subdomain-description"
        name="description"
        label="Description"
        multiline
        maxLength={2000}
        errors={errorsFor(state, "description")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={disabled} className={buttonClasses("primary", "sm")}>
          {pending ? "Creating…" : "Create sub-domain"}
        </button>
        <FormOutcome state={state} id="new-subdomain-outcome" />
      </div>
    </form>
  );
}
