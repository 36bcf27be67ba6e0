import { preload } from "react-dom";
import type { VehicleImage } from "@/db/schema";
import type { SiteText } from "@/lib/catalog/i18n";
import { responsiveImage } from "@/lib/catalog/images";
import { GalleryThumbnails } from "./gallery-thumbnails";

/** Swipe with CSS scroll snap and jump with thumbnail links to #photo-n: a gallery that needs no JavaScript. */
export function Gallery({ images, alt, t }: { images: VehicleImage[]; alt: string; t: SiteText }) {
  if (!images.length) return <div className="aspect-[4/3] rounded-lg bg-canvas" />;
  const sizes = "(min-width: 1024px) 640px, 100vw";
  const first = responsiveImage(images[0], alt);
  // The first photo is the page's largest paint: announce it in <head>, ahead of the scripts that compete for bandwidth.
  preload(first.src, { as: "image", imageSrcSet: first.srcSet, imageSizes: sizes, fetchPriority: "high" });
  return (
    <section aria-label={alt}>
      <ul className="flex snap-x snap-mandatory overflow-x-auto rounded-lg bg-canvas [scrollbar-width:none]" data-testid="gallery">
        {images.map((img, i) => {
          const r = responsiveImage(img, `${alt} – ${t.photo(i + 1, images.length)}`);
          return (
            <li key={i} id={`photo-${i + 1}`} className="w-full shrink-0 snap-center">
              <img
                src={r.src} srcSet={r.srcSet} sizes={sizes} width={r.width} height={r.height} alt={r.alt}
                loading={i === 0 ? "eager" : "lazy"} fetchPriority={i === 0 ? "high" : undefined} decoding="async" className="aspect-[4/3] w-full object-cover"
              />
            </li>
          );
        })}
      </ul>
      {images.length > 1 ? (
        <GalleryThumbnails>
          {images.map((img, i) => {
            const r = responsiveImage(img, t.photo(i + 1, images.length), [160], 160);
            return (
              <li key={i} className="shrink-0">
                <a href={`#photo-${i + 1}`} className="block overflow-hidden rounded border border-line">
                  <img src={r.src} width={80} height={60} alt={r.alt} loading="lazy" decoding="async" className="h-[60px] w-20 object-cover" />
                </a>
              </li>
            );
          })}
        </GalleryThumbnails>
      ) : null}
    </section>
  );
}
