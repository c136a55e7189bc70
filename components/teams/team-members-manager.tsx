"use client";
import { buttonClasses } from "@/components/ui/styles";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import { addTeamMemberAction, changeTeamMemberRoleAction, removeTeamMemberAction } from "@/lib/teams/actions";
import type { TeamMemberDto } from "@/lib/teams/schemas";
import { errorsFor, Field, FormOutcome, SelectField, SubmitRow, useFormAction } from "@/components/ui/form-parts";

const ROLE_OPTIONS = [
  { value: "member", label: "Member" },
  { value: "owner", label: "Owner" },
] as const;

interface Props {
  team: string;
  /** The team's version as the page shows it: a change from a stale page is refused. */
  version: number;
  members: TeamMemberDto[];
}

/** The members management of a team page, rendered only for those who may manage the team. */
export function TeamMembersManager({ team, version, members }: Props) {
  return (
    <div className="space-y-4">
      <ul aria-label="Member roles" className={cn(cardClasses, "divide-y divide-line")}>
        {members.map((member) => (
          // Re-keyed on each new version so the controls show what was saved.
          <MemberControls key={`${member.userId}-${version}`} team={team} version={version} member={member} />
        ))}
      </ul>
      <AddMemberForm team={team} />
    </div>
  );
}

function MemberControls({ team, version, member }: { team: string; version: number; member: TeamMemberDto }) {
  const role = useFormAction(changeTeamMemberRoleAction.bind(null, team), { resetOnSuccess: false });
  const remove = useFormAction(removeTeamMemberAction.bind(null, team), { resetOnSuccess: false });
  const id = `member-${member.userId}`;
  return (
    <li className="space-y-2 px-5 py-3 text-sm">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <span>
          <span className="font-medium text-foreground">{member.name}</span>{" "}
          <span className="text-muted">{member.email}</span>
        </span>
        <div className="flex flex-wrap items-end gap-2">
          <form onSubmit={role.onSubmit} className="flex items-end gap-2">
            <input type="hidden" name="userId" value={member.userId} />
            <input type="hidden" name="version" value={version} />
            <SelectField
              id={`${id}-role`}
              name="role"
              label={<span className="sr-only">Role of {member.email}</span>}
              options={ROLE_OPTIONS}
              defaultValue={member.role}
              errors={errorsFor(role.state, "role")}
              className="w-32"
            />
            <button
              type="submit"
              disabled={role.disabled}
              className={buttonClasses("secondary", "sm", "h-9")}
              aria-label={`Save role of ${member.email}`}
            >
              {role.pending ? "Saving…" : "Save role"}
            </button>
          </form>
          <form onSubmit={remove.onSubmit}>
            <input type="hidden" name="userId" value={member.userId} />
            <input type="hidden" name="version" value={version} />
            <button
              type="submit"
              disabled={remove.disabled}
              className={buttonClasses("danger", "sm", "h-9")}
              aria-label={`Remove ${member.email} from the team`}
              aria-describedby={errorsFor(remove.state, "userId") ? `${id}-remove-error` : undefined}
            >
              {remove.pending ? "Removing…" : "Remove"}
            </button>
          </form>
        </div>
      </div>
      <FormOutcome state={role.state} id={`${id}-role-outcome`} />
      {remove.state && !remove.state.ok && (
        <p id={`${id}-remove-error`} role="alert" className="text-sm text-danger">
          {remove.state.message}
        </p>
      )}
    </li>
  );
}

function AddMemberForm({ team }: { team: string }) {
  const form = useFormAction(addTeamMemberAction.bind(null, team));
  const { state, onSubmit } = form;
  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby="add-member-heading"
      className={cn(cardClasses, "space-y-3 p-5")}
      noValidate
    >
      <h3 id="add-member-heading" className="text-base font-semibold text-foreground">
        Add a member
      </h3>
      <div className="flex flex-wrap items-start gap-3">
        <Field
          id="add-member-email"
          name="email"
          type="email"
          label="Email"
          autoComplete="off"
          required
          hint="Someone who has signed in to Hexmesh once."
          errors={errorsFor(state, "email")}
          className="min-w-64 flex-1"
        />
        <SelectField
          id="add-member-role"
          name="role"
          label="Role"
          options={ROLE_OPTIONS}
          defaultValue="member"
          errors={errorsFor(state, "role")}
          className="w-36"
        />
      </div>
      <SubmitRow label="Add member" busyLabel="Adding…" form={form} outcomeId="add-member-outcome" />
    </form>
  );
}
