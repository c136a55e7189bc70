import type { Metadata } from "next";
import Link from "next/link";
import { HexagonMark } from "@/components/ui/hexagon-mark";
import { NotFoundMessage } from "@/components/ui/not-found-message";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-line">
        <div className="mx-auto flex h-14 max-w-7xl items-center px-4 sm:px-6 lg:px-8">
          <Link href="/" className="flex items-center gap-2 rounded-md text-[15px] font-semibold tracking-tight">
            <HexagonMark className="size-7" />
            Hexmesh
          </Link>
        </div>
      </header>
      <main id="main" className="flex-1 px-4">
        <NotFoundMessage />
      </main>
    </div>
  );
}
