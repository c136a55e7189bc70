"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page every few seconds while `pending`, so that the delivery log shows how a new delivery went. */
export function RefreshWhilePending({ pending, intervalMs = 5_000 }: { pending: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const timer = window.setInterval(() => router.refresh(), intervalMs);
    return () => window.clearInterval(timer);
  }, [pending, intervalMs, router]);
  return null;
}
