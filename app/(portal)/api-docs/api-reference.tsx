"use client";
import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";
import "./swagger-ui-contrast.css";

// Swagger UI's prebuilt bundle (swagger-ui-dist), bundled with the app: no CDN, works offline. The prebuilt bundle
// is used rather than swagger-ui-react, whose OpenAPI 3.1 code path fails when bundled by Turbopack.

/** The interactive reference of the REST API; "Try it out" calls the API with the browser's session. */
export function ApiReference({ url }: { url: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "shown" | "failed">("loading");
  useEffect(() => {
    let cancelled = false;
    import("swagger-ui-dist/swagger-ui-bundle.js")
      .then(({ default: SwaggerUIBundle }) => {
        if (cancelled || !container.current) return;
        SwaggerUIBundle({
          url,
          domNode: container.current,
          docExpansion: "list",
          defaultModelsExpandDepth: 0,
          // Swagger UI wraps the server list in an empty <label>: name it.
          onComplete: () => container.current?.querySelector("#servers")?.setAttribute("aria-label", "Server"),
        });
        setState("shown");
      })
      .catch((error: unknown) => {
        console.error(error);
        setState("failed");
      });
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <div className="overflow-hidden rounded-xl border border-line bg-white text-black shadow-card">
      {state === "failed" && (
        <p role="alert" className="p-6 text-sm">
          The API reference could not be loaded. The OpenAPI document is at <a href={url}>{url}</a>.
        </p>
      )}
      {state === "loading" && <p className="p-6 text-sm text-gray-600">Loading the API reference…</p>}
      {/* Swagger UI renders into this element by itself: React gives it no children. */}
      <div ref={container} />
    </div>
  );
}
