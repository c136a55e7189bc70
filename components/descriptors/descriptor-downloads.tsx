import { buttonClasses } from "@/components/ui/styles";

/**
 * Download buttons for a product's descriptors: ODPS for the product, ODCS for each output port's contract. Plain
 * links to the v1 API (same origin, the session authenticates them).
 */
export function DescriptorDownloads({ domain, name, ports }: { domain: string; name: string; ports: string[] }) {
  const base = `/api/v1/products/${encodeURIComponent(domain)}/${encodeURIComponent(name)}`;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Download descriptors">
      <a href={`${base}/odps`} download={`${domain}-${name}.odps.yaml`} className={buttonClasses("secondary", "sm")}>
        Download ODPS
      </a>
      {ports.map((port) => (
        <a
          key={port}
          href={`${base}/ports/${encodeURIComponent(port)}/contract`}
          download={`${domain}-${name}-${port}.odcs.yaml`}
          className={buttonClasses("secondary", "sm")}
          aria-label={`ODCS: ${port}, download the output port's contract`}
        >
          ODCS: {port}
        </a>
      ))}
    </div>
  );
}
