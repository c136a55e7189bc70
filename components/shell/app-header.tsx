import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { HexagonMark } from "@/components/ui/hexagon-mark";
import { NavLinks, type NavItem } from "./nav-links";
import { UserMenu, type UserMenuProps } from "./user-menu";

/** The bar at the top of every signed-in page: product, sections that exist for this user, account. */
export function AppHeader({ user, showAdmin }: { user: UserMenuProps; showAdmin: boolean }) {
  const items: NavItem[] = [
    { href: "/", label: "Home" },
    { href: "/products", label: "Data products" },
    { href: "/domains", label: "Domains" },
    { href: "/glossary", label: "Glossary" },
    { href: "/mesh", label: "Mesh" },
    { href: "/access", label: "Access" },
    ...(showAdmin ? [{ href: "/admin", label: "Admin" }] : []),
  ];
  return (
    <header className="sticky top-0 z-40 border-b border-line bg-background/85 backdrop-blur supports-[backdrop-filter]:bg-background/70">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6 lg:px-8">
        <Link href="/" className="flex items-center gap-2 rounded-md text-[15px] font-semibold tracking-tight">
          <HexagonMark className="size-7" />
          <span>Hexmesh</span>
        </Link>
        <nav aria-label="Main" className="min-w-0 flex-1">
          <NavLinks items={items} />
        </nav>
        <div className="flex items-center gap-1">
          <NotificationBell />
          <UserMenu {...user} />
        </div>
      </div>
    </header>
  );
}
