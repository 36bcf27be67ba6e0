import { defineFunction } from "../define";
import { prepareVariants } from "@/lib/media";

// A new vehicle photo is resized to every width the site uses in the background, not on its first visitor's request;
// one photo at a time per dealer, so a batch of uploads never crowds out replies and pages.
export const preparePhotoSizes = defineFunction(
  { id: "prepare-photo-sizes", triggers: [{ event: "media/photo.added" }], retries: 3, concurrency: { key: "event.data.tenantId", limit: 1 } },
  async ({ event, step }) => {
    const { tenantId, mediaId } = event.data as { tenantId: string; mediaId: string };
    return step.run("resize", async () => ({ widths: await prepareVariants(tenantId, mediaId) }));
  },
);
