"use client";
import { errorsFor, Field, FormOutcome, SelectField, useFormAction } from "@/components/ui/form-parts";
import { cn } from "@/components/ui/cn";
import { buttonClasses, cardClasses } from "@/components/ui/styles";
import { requestAccessAction } from "@/lib/access/actions";
import type { RequestFormDto } from "@/lib/access/queries";
import { ACCESS_USE_LABELS } from "@/lib/access/schemas";

/** The access request form: on whose behalf, why, how, which level, for how long. */
export function RequestAccessForm({ form }: { form: RequestFormDto }) {
  const { state, disabled, onSubmit } = useFormAction(requestAccessAction, { resetOnSuccess: false });
  const useErrors = errorsFor(state, "use");
  const defaultTeam = form.teams.find((team) => !team.owning) ?? form.teams[0];
  return (
    <form onSubmit={onSubmit} noValidate className={cn(cardClasses, "space-y-5 px-5 py-5")}>
      <input type="hidden" name="product" value={form.product.ref} />
      <input type="hidden" name="port" value={form.port.name} />
      <SelectField
        id="request-team"
        name="consumerTeam"
        label="On behalf of"
        required
        defaultValue={defaultTeam?.name}
        options={form.teams.map((team) => ({
          value: team.name,
          label:
            team.displayName +
            (team.owning ? " (owns this product: approved at once)" : "") +
            (team.pendingRequestId ? " (has an open request)" : "") +
            (team.activeGrantEndsAt ? ` (has access until ${team.activeGrantEndsAt.slice(0, 10)})` : ""),
        }))}
        errors={errorsFor(state, "consumerTeam")}
      />
      <Field
        id="request-purpose"
        name="purpose"
        label="Purpose"
        multiline
        required
        maxLength={2000}
        hint="What you will do with the data; the owners decide on this."
        errors={errorsFor(state, "purpose")}
      />
      <fieldset
        role="radiogroup"
        aria-invalid={useErrors ? true : undefined}
        aria-describedby={useErrors ? "request-use-error" : undefined}
        className="space-y-2"
      >
        <legend className="text-sm font-medium text-foreground">Use</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {Object.entries(ACCESS_USE_LABELS).map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-2 text-sm text-foreground">
              <input
                type="radio"
                name="use"
                value={value}
                defaultChecked={value === "analytics"}
                className="size-4 accent-[var(--color-brand)]"
              />
              {label}
            </label>
          ))}
        </div>
        {useErrors && (
          <p id="request-use-error" className="text-xs text-danger">
            {useErrors.join(" ")}
          </p>
        )}
      </fieldset>
      <SelectField
        id="request-level"
        name="accessLevel"
        label="Access level"
        defaultValue={form.port.levels[0]?.level}
        options={form.port.levels.map(({ level, description }) => ({
          value: level,
          label: description ? `${level} — ${description}` : level,
        }))}
        errors={errorsFor(state, "accessLevel")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="request-starts"
          name="startsAt"
          label="From"
          type="date"
          required
          min={form.defaults.startsAt}
          defaultValue={form.defaults.startsAt}
          errors={errorsFor(state, "startsAt")}
        />
        <Field
          id="request-ends"
          name="endsAt"
          label="Until"
          type="date"
          required
          min={form.defaults.startsAt}
          defaultValue={form.defaults.endsAt}
          hint={`At most ${form.port.maxGrantDays} days after the start.`}
          errors={errorsFor(state, "endsAt")}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={disabled} className={buttonClasses("primary")}>
          Send request
        </button>
        <FormOutcome state={state} id="request" />
      </div>
    </form>
  );
}
