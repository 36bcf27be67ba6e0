// The in-process runner's notion of time; tests move it forward to run sleeping steps.
let offsetMs = 0;
let fixed: Date | null = null;

export const clock = {
  now: (): Date => (fixed ? new Date(fixed) : new Date(Date.now() + offsetMs)),
};

export function setClock(at: Date | null) {
  fixed = at;
}

export function advanceClock(ms: number) {
  if (fixed) fixed = new Date(fixed.getTime() + ms);
  else offsetMs += ms;
}

export function resetClock() {
  fixed = null;
  offsetMs = 0;
}
