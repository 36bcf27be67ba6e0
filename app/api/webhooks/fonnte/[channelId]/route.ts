import { receiveChannelWebhook } from "@/lib/channels/channel-webhook";
import { fonnte } from "@/lib/channels/fonnte";

export async function POST(request: Request, { params }: { params: Promise<{ channelId: string }> }) {
  return receiveChannelWebhook(request, (await params).channelId, fonnte);
}
