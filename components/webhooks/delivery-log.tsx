import { Badge, type Tone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { WebhookDeliveryDto, WebhookDeliveryStatus } from "@/lib/webhooks/schemas";

const STATUS_TONES: Record<WebhookDeliveryStatus, Tone> = { pending: "amber", delivered: "green", failed: "red" };

/** The latest deliveries of one webhook: when, what, how it went. */
export function DeliveryLog({ deliveries, caption }: { deliveries: WebhookDeliveryDto[]; caption: string }) {
  if (deliveries.length === 0) return <p className="text-sm text-muted">No deliveries yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Time
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Event type
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Status
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Attempts
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Response
            </th>
            <th scope="col" className="py-2 font-medium">
              Error
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <td className="py-2 pr-4 whitespace-nowrap text-muted">
                <Time date={delivery.createdAt} format="datetime" />
              </td>
              <td className="py-2 pr-4 font-mono text-xs">{delivery.eventType}</td>
              <td className="py-2 pr-4">
                <Badge tone={STATUS_TONES[delivery.status]} dot>
                  {delivery.status}
                </Badge>
              </td>
              <td className="py-2 pr-4 tabular-nums">{delivery.attempts}</td>
              <td className="py-2 pr-4 tabular-nums">{delivery.responseStatus ?? "—"}</td>
              <td className="py-2 text-xs break-words text-muted">{delivery.lastError ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
