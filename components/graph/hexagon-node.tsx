"use client";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import Link from "next/link";
import { domainTone } from "@/components/catalog/labels";
import { cn } from "@/components/ui/cn";

export const HEX_WIDTH = 168;
export const HEX_HEIGHT = 84;

export type HexagonNodeData = {
  label: string;
  caption: string;
  rootDomain: string;
  dimmed: boolean;
  selected: boolean;
  /** Larger hexagon for a domain in the overview. */
  large?: boolean;
  /** Dashed outline: not a data product (a source system). */
  dashed?: boolean;
  /** Makes the whole hexagon a link, named "<label> (<caption>)". */
  href?: string;
};
export type HexagonNode = Node<HexagonNodeData, "hexagon">;

/** A data product (or a domain in the overview) drawn as a flat-topped hexagon in its domain's colour. */
export function HexagonNodeView({ data }: NodeProps<HexagonNode>) {
  const tone = domainTone(data.rootDomain);
  const width = data.large ? HEX_WIDTH + 32 : HEX_WIDTH;
  const height = data.large ? HEX_HEIGHT + 16 : HEX_HEIGHT;
  const inset = height / 2.6;
  const points = `${inset},1 ${width - inset},1 ${width - 1},${height / 2} ${width - inset},${height - 1} ${inset},${height - 1} 1,${height / 2}`;
  return (
    <div
      className={cn("relative transition-opacity", tone.text, data.dimmed && "opacity-20")}
      style={{ width, height }}
    >
      <Handle type="target" position={Position.Left} className="!size-1.5 !border-0 !bg-current" />
      <svg width={width} height={height} className="absolute inset-0" aria-hidden="true">
        <polygon
          points={points}
          fill="currentColor"
          fillOpacity={data.selected ? 0.3 : 0.12}
          stroke="currentColor"
          strokeWidth={data.selected ? 3 : 1.5}
          strokeDasharray={data.dashed ? "5 4" : undefined}
        />
      </svg>
      <div className="absolute inset-0 flex flex-col items-center justify-center px-9 text-center">
        {data.href ? (
          <Link
            href={data.href}
            aria-label={`${data.label}, ${data.caption}`}
            // Nodes that are neither selectable nor draggable take no pointer events in React Flow: the link does.
            className="pointer-events-auto line-clamp-2 rounded text-xs leading-tight font-semibold text-foreground underline-offset-2 after:absolute after:inset-0 hover:underline"
          >
            {data.label}
          </Link>
        ) : (
          <span className="line-clamp-2 text-xs leading-tight font-semibold text-foreground">{data.label}</span>
        )}{" "}
        {/* The space keeps label and caption two words for assistive technology (flex layout ignores it). */}
        <span className="mt-0.5 max-w-full truncate text-[10px] text-muted">{data.caption}</span>
      </div>
      <Handle type="source" position={Position.Right} className="!size-1.5 !border-0 !bg-current" />
    </div>
  );
}

export type DomainGroupData = { label: string; rootDomain: string };
export type DomainGroupNode = Node<DomainGroupData, "domainGroup">;

/** The box around one domain's products. */
export function DomainGroupView({ data }: NodeProps<DomainGroupNode>) {
  const tone = domainTone(data.rootDomain);
  return (
    <div className="size-full rounded-xl border border-dashed border-line-strong bg-subtle/30">
      <span className={cn("absolute top-2 left-3 text-xs font-semibold tracking-wide uppercase", tone.text)}>
        {data.label}
      </span>
    </div>
  );
}
