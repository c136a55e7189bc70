import { useId } from "react";

/** The Hexmesh mark: a hexagon holding a small mesh of three nodes around a hub. Decorative unless labelled. */
export function HexagonMark({ className = "size-7", title }: { className?: string; title?: string }) {
  const gradient = useId();
  return (
    <svg
      viewBox="0 0 32 32"
      fill="none"
      className={className}
      role={title ? "img" : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
    >
      <defs>
        <linearGradient id={gradient} x1="4" y1="2" x2="28" y2="30" gradientUnits="userSpaceOnUse">
          <stop stopColor="#7c6cf2" />
          <stop offset="1" stopColor="#4338ca" />
        </linearGradient>
      </defs>
      <path
        d="M14 1.7a4 4 0 0 1 4 0l9.9 5.7a4 4 0 0 1 2 3.5v11.4a4 4 0 0 1-2 3.5L18 30.3a4 4 0 0 1-4 0l-9.9-5.7a4 4 0 0 1-2-3.5V10.9a4 4 0 0 1 2-3.5z"
        fill={`url(#${gradient})`}
      />
      <path d="M16 16V7.5M16 16l7.4 4.3M16 16l-7.4 4.3" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="16" cy="7.5" r="2" fill="#fff" />
      <circle cx="23.4" cy="20.3" r="2" fill="#fff" />
      <circle cx="8.6" cy="20.3" r="2" fill="#fff" />
      <circle cx="16" cy="16" r="2.6" fill="#fff" />
    </svg>
  );
}
