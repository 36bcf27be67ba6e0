import type { Body } from "./types";

// Side profile of a car facing right on an 800×600 canvas whose ground line is y=470 (y grows downwards).
export type CarShape = {
  rear: number; front: number; rearAxle: number; frontAxle: number; wheelR: number;
  sill: number; shoulder: number; roof: number; hood: number; deck: number;
  tailTop: number; roofRear: number; roofFront: number; cowl: number;
  // side glass starts here at the beltline; the B-pillar sits at `pillar` (0: none)
  glassRear: number; pillar: number;
  fourDoor: boolean;
  open?: boolean;
  bedAt?: number;
};

const hatchback: CarShape = {
  rear: 150, front: 660, rearAxle: 255, frontAxle: 555, wheelR: 47, sill: 430, shoulder: 330, roof: 226, hood: 338, deck: 296,
  tailTop: 162, roofRear: 214, roofFront: 430, cowl: 505, glassRear: 220, pillar: 360, fourDoor: true,
};

export const carShapes: Record<Body, CarShape> = {
  hatchback,
  other: hatchback,
  sedan: {
    rear: 110, front: 690, rearAxle: 235, frontAxle: 575, wheelR: 48, sill: 432, shoulder: 326, roof: 232, hood: 336, deck: 314,
    tailTop: 190, roofRear: 290, roofFront: 455, cowl: 540, glassRear: 280, pillar: 400, fourDoor: true,
  },
  estate: {
    rear: 110, front: 690, rearAxle: 235, frontAxle: 575, wheelR: 48, sill: 432, shoulder: 326, roof: 228, hood: 336, deck: 294,
    tailTop: 122, roofRear: 162, roofFront: 455, cowl: 540, glassRear: 172, pillar: 380, fourDoor: true,
  },
  suv: {
    rear: 120, front: 680, rearAxle: 240, frontAxle: 565, wheelR: 56, sill: 418, shoulder: 310, roof: 196, hood: 318, deck: 278,
    tailTop: 130, roofRear: 170, roofFront: 440, cowl: 522, glassRear: 172, pillar: 360, fourDoor: true,
  },
  mpv: {
    rear: 115, front: 685, rearAxle: 235, frontAxle: 570, wheelR: 50, sill: 426, shoulder: 316, roof: 190, hood: 340, deck: 272,
    tailTop: 122, roofRear: 150, roofFront: 470, cowl: 560, glassRear: 152, pillar: 352, fourDoor: true,
  },
  coupe: {
    rear: 120, front: 690, rearAxle: 240, frontAxle: 580, wheelR: 48, sill: 434, shoulder: 334, roof: 248, hood: 344, deck: 318,
    tailTop: 170, roofRear: 330, roofFront: 440, cowl: 540, glassRear: 330, pillar: 0, fourDoor: false,
  },
  convertible: {
    rear: 140, front: 680, rearAxle: 250, frontAxle: 575, wheelR: 47, sill: 434, shoulder: 336, roof: 334, hood: 344, deck: 330,
    tailTop: 170, roofRear: 420, roofFront: 430, cowl: 500, glassRear: 0, pillar: 400, fourDoor: false, open: true,
  },
  van: {
    rear: 110, front: 690, rearAxle: 220, frontAxle: 585, wheelR: 48, sill: 426, shoulder: 300, roof: 150, hood: 330, deck: 162,
    tailTop: 112, roofRear: 126, roofFront: 580, cowl: 642, glassRear: 525, pillar: 0, fourDoor: false,
  },
  pickup: {
    rear: 100, front: 700, rearAxle: 225, frontAxle: 585, wheelR: 56, sill: 416, shoulder: 312, roof: 206, hood: 320, deck: 312,
    tailTop: 365, roofRear: 380, roofFront: 485, cowl: 560, glassRear: 385, pillar: 440, fourDoor: false, bedAt: 362,
  },
};
