import type { CarMention, ChatLines } from "./market";
import type { Random } from "./random";
import { minutesAfter } from "./schedule";
import type { DemoLead, DemoMessage, DemoStaff } from "./types";

export type ChatScript = {
  chat: ChatLines;
  r: Random;
  stage: DemoLead["stage"];
  start: Date;
  car: CarMention;
  alternatives: CarMention[];
  budget: string;
  rep: DemoStaff;
  customerFirstName: string;
  offerPrice: string;
  closedAt: Date | null;
  slots: [booked: string, alternative: string] | null;
};

/** The WhatsApp thread a lead at this stage would have: shopper, assistant, staff and system events in order. */
export function scriptConversation(s: ChatScript): DemoMessage[] {
  const { chat, r } = s;
  const messages: DemoMessage[] = [];
  let at = s.start;
  const say = (sender: DemoMessage["sender"], text: string, afterMinutes: number) => {
    at = minutesAfter(at, afterMinutes);
    messages.push({ sender, text, at, staffEmail: sender === "staff" ? s.rep.email : null });
  };
  const sayAt = (sender: DemoMessage["sender"], text: string, when: Date | null) => {
    at = when && when > at ? when : minutesAfter(at, 60);
    messages.push({ sender, text, at, staffEmail: sender === "staff" ? s.rep.email : null });
  };
  const repFirstName = s.rep.name.split(" ")[0];

  say("customer", r.pick(chat.opener(s.car)), 0);
  say("assistant", chat.offer(s.car), 1);

  if (s.stage === "contacted" || s.stage === "lost") {
    say("customer", r.pick(chat.askDetails), r.int(3, 25));
    say("assistant", chat.details(s.car), 1);
  }
  if (s.stage === "lost") {
    sayAt("customer", r.pick(chat.declines), s.closedAt);
    say("assistant", chat.afterLost, 1);
  }
  if (s.stage === "qualified") {
    say("customer", r.pick(chat.statesBudget(s.budget)), r.int(5, 40));
    say("assistant", chat.suggest(s.alternatives), 1);
    say("customer", r.pick(chat.thinking), r.int(10, 90));
  }
  if (s.stage === "test_drive" && s.slots) {
    const [booked, alternative] = s.slots;
    say("customer", r.pick(chat.askTestDrive), r.int(3, 30));
    say("assistant", chat.offerSlots([booked, alternative]), 1);
    say("customer", chat.pickSlot(booked), r.int(2, 20));
    say("system", chat.bookedEvent(booked, s.rep.name), 0.5);
    say("assistant", chat.booked(booked), 0.1);
  }
  if (s.stage === "negotiation" || s.stage === "won") {
    say("customer", r.pick(chat.askDiscount), r.int(5, 60));
    say("assistant", chat.handover(repFirstName), 1);
    say("system", chat.handoverEvent(s.rep.name), 0.5);
    say("staff", chat.staffOffer(s.car, s.offerPrice), r.int(15, 60));
  }
  if (s.stage === "won") {
    say("customer", r.pick(chat.accepts), r.int(30, 240));
    sayAt("staff", chat.staffWon(s.customerFirstName), s.closedAt);
  }
  return messages;
}
