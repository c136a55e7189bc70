"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { signOutAction } from "@/lib/auth/actions";
import { ChevronDownIcon, LogOutIcon } from "@/components/ui/icons";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { ROLE_LABELS } from "./labels";

export interface UserMenuProps {
  name: string;
  email: string;
  role: keyof typeof ROLE_LABELS;
  teams: { name: string; displayName: string; role: "owner" | "member" }[];
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase();
}

/** The signed-in user: who they are, their role and teams, the theme, and sign out. A disclosure (<details>). */
export function UserMenu({ name, email, role, teams }: UserMenuProps) {
  const details = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const close = (focusSummary: boolean) => {
      const element = details.current;
      if (!element?.open) return;
      element.open = false;
      if (focusSummary) element.querySelector("summary")?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (details.current && !details.current.contains(event.target as Node)) close(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") close(true);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, []);

  return (
    <details ref={details} className="group relative">
      <summary
        className="flex h-9 cursor-pointer items-center gap-2 rounded-lg py-1 pr-2 pl-1 text-sm text-foreground transition-colors select-none hover:bg-subtle"
        aria-label={`Account menu for ${name}`}
      >
        {/* The initials are drawn by CSS, not written as text: the menu's name must contain all of its visible
            text (WCAG 2.5.3), and "AA Ada Admin" is not in "Account menu for Ada Admin". */}
        <span
          aria-hidden
          data-initials={initials(name)}
          className="grid size-7 place-items-center rounded-full bg-gradient-to-br from-brand to-violet-700 text-[11px] font-semibold text-white before:content-[attr(data-initials)]"
        />
        <span className="hidden max-w-40 truncate font-medium md:inline">{name}</span>
        <ChevronDownIcon className="size-4 text-muted transition-transform group-open:rotate-180" />
      </summary>

      <div className="absolute right-0 z-50 mt-2 w-80 overflow-hidden rounded-xl border border-line bg-surface-raised shadow-pop">
        <div className="border-b border-line px-4 py-3">
          <p className="truncate text-sm font-semibold text-foreground">{name}</p>
          <p className="truncate text-sm text-muted">{email}</p>
        </div>
        <dl className="space-y-3 border-b border-line px-4 py-3 text-sm">
          <div className="flex items-center justify-between gap-3">
            <dt className="text-muted">Global role</dt>
            <dd className="font-medium text-foreground">{ROLE_LABELS[role]}</dd>
          </div>
          <div>
            <dt className="mb-1.5 text-muted">Teams</dt>
            <dd>
              {teams.length === 0 ? (
                <p className="text-faint">Not a member of any team.</p>
              ) : (
                <ul className="space-y-1">
                  {teams.map((team) => (
                    <li key={team.name} className="flex items-center justify-between gap-3">
                      <span className="truncate text-foreground">{team.displayName}</span>
                      <span className="shrink-0 rounded bg-subtle px-1.5 py-0.5 text-xs text-muted">
                        {team.role === "owner" ? "Owner" : "Member"}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
        <nav aria-label="Account" className="border-b border-line p-1.5">
          <Link
            href="/settings/tokens"
            onClick={() => details.current?.removeAttribute("open")}
            className="flex w-full items-center rounded-lg px-2.5 py-2 text-sm font-medium text-foreground transition-colors hover:bg-subtle"
          >
            API tokens
          </Link>
          <Link
            href="/api-docs"
            onClick={() => details.current?.removeAttribute("open")}
            className="flex w-full items-center rounded-lg px-2.5 py-2 text-sm font-medium text-foreground transition-colors hover:bg-subtle"
          >
            API documentation
          </Link>
        </nav>
        <div className="border-b border-line px-4 py-3">
          <p className="mb-2 text-sm text-muted" aria-hidden>
            Theme
          </p>
          <ThemeToggle />
        </div>
        <form action={signOutAction} className="p-1.5">
          <button
            type="submit"
            className="flex w-full items-center gap-2 rounded-lg px-2.5 py-2 text-sm font-medium text-foreground transition-colors hover:bg-subtle"
          >
            <LogOutIcon className="size-4 text-muted" />
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
