import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { cardClasses } from "@/components/ui/styles";
import { Time } from "@/components/ui/time";
import type { ManagedUserDto } from "@/lib/users/schemas";
import { RoleForm, StatusForm } from "./user-controls";

const SELF = "This is you: ask another platform admin to change your role or disable you.";

/** Users with their role, teams and status, and per row the controls to change the role or disable/enable. */
export function UserTable({ users }: { users: ManagedUserDto[] }) {
  return (
    <div className={cn(cardClasses, "relative overflow-x-auto")}>
      <table className="w-full min-w-[960px] text-left text-sm">
        <caption className="sr-only">Users of Hexmesh</caption>
        <thead>
          <tr className="border-b border-line text-xs text-muted">
            <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
              User
            </th>
            <th scope="col" className="w-64 px-3 py-2.5 font-medium">
              Global role
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Teams
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2.5 font-medium">
              Last sign-in
            </th>
            <th scope="col" className="py-2.5 pr-5 pl-3 text-right font-medium">
              <span className="sr-only">Enable or disable</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {users.map((user) => {
            const locked = user.manageable ? null : user.isSelf ? SELF : "You may not change this user.";
            return (
              <tr key={user.id} className={cn("align-top", user.disabled && "bg-subtle/40")}>
                <th scope="row" className="py-3 pr-3 pl-5 text-left font-normal">
                  <div className="flex items-center gap-2">
                    <span className={cn("font-medium", user.disabled ? "text-muted" : "text-foreground")}>
                      {user.name}
                    </span>
                    {user.isSelf && <Badge tone="brand">You</Badge>}
                  </div>
                  <div className="text-[13px] text-muted">{user.email}</div>
                </th>
                <td className="px-3 py-3">
                  <RoleForm
                    userId={user.id}
                    userName={user.name}
                    version={user.version}
                    role={user.role}
                    lockedReason={locked}
                  />
                </td>
                <td className="px-3 py-3">
                  {user.teams.length === 0 ? (
                    <span className="text-faint">No team</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {user.teams.map((team) => (
                        <li key={team.name} className="whitespace-nowrap">
                          <span className="text-foreground">{team.displayName}</span>{" "}
                          <span className="text-xs text-muted">{team.role === "owner" ? "owner" : "member"}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="px-3 py-3">
                  {user.disabled ? (
                    <Badge tone="red" dot>
                      Disabled
                    </Badge>
                  ) : (
                    <Badge tone="green" dot>
                      Enabled
                    </Badge>
                  )}
                </td>
                <td className="px-3 py-3 whitespace-nowrap text-muted">
                  {user.lastSignInAt ? (
                    <Time date={user.lastSignInAt} format="datetime" />
                  ) : (
                    <span className="text-faint">Never</span>
                  )}
                </td>
                <td className="py-3 pr-5 pl-3">
                  <StatusForm
                    userId={user.id}
                    userName={user.name}
                    version={user.version}
                    disabled={user.disabled}
                    lockedReason={locked}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
