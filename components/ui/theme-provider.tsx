"use client";
import { ThemeProvider as NextThemesProvider } from "next-themes";
import type { ReactNode } from "react";

// next-themes renders an inline <script> that sets the theme class before first paint. It only has to run from the
// server's HTML; when React renders it again in the browser (client navigations, not-found pages) React 19 warns
// about script tags. Marking the client-side copy as a data block keeps it inert and silent (its own hydration
// mismatch is suppressed by next-themes).
const scriptProps = typeof window === "undefined" ? undefined : ({ type: "application/json" } as const);

/** Light, dark or the system's theme, stored in localStorage and applied as a class on <html>. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      scriptProps={scriptProps}
    >
      {children}
    </NextThemesProvider>
  );
}
