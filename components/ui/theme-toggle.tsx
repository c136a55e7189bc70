"use client";
import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";
import { cn } from "./cn";
import { MonitorIcon, MoonIcon, SunIcon } from "./icons";

const OPTIONS = [
  { value: "light", label: "Light", Icon: SunIcon },
  { value: "dark", label: "Dark", Icon: MoonIcon },
  { value: "system", label: "System", Icon: MonitorIcon },
] as const;

const subscribe = () => () => {};

/** Light / dark / system as a group of radio buttons (arrow keys move between them, as in any radio group). */
export function ThemeToggle({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  // The stored theme is only known in the browser: render no selection on the server to avoid a mismatch.
  const mounted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const current = mounted ? (theme ?? "system") : undefined;
  return (
    <fieldset className={cn("min-w-0", className)}>
      <legend className="sr-only">Theme</legend>
      <div className="grid grid-cols-3 gap-1 rounded-lg border border-line bg-subtle p-0.5">
        {OPTIONS.map(({ value, label, Icon }) => (
          <label
            key={value}
            className={cn(
              "flex cursor-pointer items-center justify-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-muted transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-ring hover:text-foreground",
              current === value &&
                "bg-surface-raised text-foreground shadow-card ring-1 ring-line-strong dark:bg-line-strong",
            )}
          >
            <input
              type="radio"
              name="theme"
              value={value}
              checked={current === value}
              onChange={() => setTheme(value)}
              className="sr-only"
            />
            <Icon className="size-3.5" />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
