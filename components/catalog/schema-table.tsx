"use client";
import { Badge } from "@/components/ui/badge";
import { ProseText } from "@/components/ui/prose-text";
import type { SchemaFieldDto } from "@/lib/products/schemas";
import { CLASSIFICATION_TONES } from "./labels";

/**
 * The fields of a port in order. A port may have hundreds, so each row is kept to a few plain cells: the row number
 * is a CSS counter, the primary key and PII marks are badges beside required and the classification, and the styles
 * are the `data-table` and `schema-table` classes of app/globals.css.
 *
 * A client component although nothing in it is interactive: its HTML is rendered on the server all the same, but the
 * page's RSC payload then carries the fields as data instead of a tree of elements, which took a third off the
 * server time of a product page at 100,000 products (bench/README.md, "What keeps the pages fast").
 */
export function SchemaTable({ fields, caption }: { fields: SchemaFieldDto[]; caption: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="data-table schema-table min-w-[760px]">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-subtle/60">
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col" className="w-full">
              Description
            </th>
            <th scope="col">Required</th>
            <th scope="col">Classification</th>
            <th scope="col">Polyseme</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field.name}>
              <th scope="row" className="code">
                {field.name}
              </th>
              <td className="code">{field.type}</td>
              {field.description ? (
                <td className="prose">
                  <ProseText>{field.description}</ProseText>
                </td>
              ) : (
                <td className="none">–</td>
              )}
              <td className={field.required ? "whitespace-nowrap" : "none"}>
                {field.required ? "Yes" : "No"}
                {field.primaryKey && (
                  <>
                    {" "}
                    <Badge tone="neutral" title="Primary key">
                      PK
                    </Badge>
                  </>
                )}
              </td>
              <td className="whitespace-nowrap">
                <Badge tone={CLASSIFICATION_TONES[field.classification]} className="capitalize">
                  {field.classification}
                </Badge>
                {field.pii && (
                  <>
                    {" "}
                    <Badge tone="rose" title="Personally identifiable information">
                      PII
                    </Badge>
                  </>
                )}
              </td>
              {field.polyseme ? (
                <td>
                  <a href={`/glossary/${encodeURIComponent(field.polyseme.name)}`} className="hover:underline">
                    <Badge tone="brand" title={`Polyseme ${field.polyseme.name}: an identifier shared across domains`}>
                      {field.polyseme.displayName}
                    </Badge>
                  </a>
                </td>
              ) : (
                <td className="none">–</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
