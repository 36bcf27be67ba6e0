"use client";

import type { MouseEvent, ReactNode } from "react";

/**
 * The thumbnails are links to #photo-n, so they work without JavaScript and an address ending in #photo-3 opens on that
 * photo. With JavaScript, a thumbnail scrolls the strip to its photo and replaces the address's fragment instead of
 * adding a history entry: Back leaves the car rather than walking back through the photos looked at.
 */
export function GalleryThumbnails({ children }: { children: ReactNode }) {
  const showPhoto = (e: MouseEvent<HTMLUListElement>) => {
    const link = (e.target as Element).closest<HTMLAnchorElement>('a[href^="#photo-"]');
    // A modified click (new tab, new window) keeps the link's own behaviour.
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const photo = document.getElementById(link.hash.slice(1));
    if (!photo) return;
    e.preventDefault();
    photo.scrollIntoView({ block: "nearest", inline: "start" });
    history.replaceState(history.state, "", link.hash);
  };
  return <ul className="mt-2 flex gap-2 overflow-x-auto" onClick={showPhoto}>{children}</ul>;
}
