import { receiveChannelWebhook } from "@/lib/channels/channel-webhook";
import { waha } from "@/lib/channels/waha";

export async function POST(request: Request, { params }: { params: Promise<{ channelId: string }> }) {
  return receiveChannelWebhook(request, (await params).channelId, waha);
}
