import { Select, Textarea } from "@/components/ui/controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm } from "../action-form";
import { addNoteAction, appointmentOutcomeAction, assignAction, completeTaskAction } from "../actions";
import type { TeamMember } from "./lead-card";

/** Managers pick any active team member; a rep sees who has the lead and may take an unassigned one. */
export function AssignForm({ leadId, assigned, team, canAssignOthers, viewerId }: {
  leadId: string; assigned: { id: string; name: string } | null; team: TeamMember[]; canAssignOthers: boolean; viewerId: string;
}) {
  if (!canAssignOthers) {
    return (
      <div className="flex items-center justify-between gap-2 text-sm">
        <p className="text-ink">{assigned ? (assigned.id === viewerId ? "You" : assigned.name) : "Nobody yet"}</p>
        {!assigned ? (
          <ActionForm action={assignAction} label="Assign to me">
            <input type="hidden" name="leadId" value={leadId} />
            <input type="hidden" name="userId" value={viewerId} />
            <SubmitButton size="sm" variant="secondary" pendingText="Assigning…">Assign to me</SubmitButton>
          </ActionForm>
        ) : null}
      </div>
    );
  }
  return (
    <ActionForm action={assignAction} label="Assign the lead" success="Assigned." className="flex items-end gap-2">
      <input type="hidden" name="leadId" value={leadId} />
      <div className="min-w-0 flex-1">
        <label htmlFor={`assign-${leadId}`} className="sr-only">Assigned rep</label>
        <Select id={`assign-${leadId}`} name="userId" defaultValue={assigned?.id ?? ""}>
          <option value="">Unassigned</option>
          {team.map((m) => <option key={m.id} value={m.id}>{m.name}{m.role === "sales" ? "" : ` (${m.role})`}</option>)}
        </Select>
      </div>
      <SubmitButton size="sm" variant="secondary" className="h-10" pendingText="Saving…">Assign</SubmitButton>
    </ActionForm>
  );
}

export function NoteForm({ leadId }: { leadId: string }) {
  return (
    <ActionForm action={addNoteAction} resetOnSuccess label="Add a note" success="Note added." className="space-y-2">
      <input type="hidden" name="leadId" value={leadId} />
      <label htmlFor={`note-${leadId}`} className="sr-only">New note</label>
      <Textarea id={`note-${leadId}`} name="text" rows={2} required maxLength={2000} placeholder="Add a note for the team…" />
      <SubmitButton size="sm" variant="secondary" pendingText="Saving…">Add note</SubmitButton>
    </ActionForm>
  );
}

/** Once a booked test drive or visit has started: did the shopper come? A no-show starts the no-show follow-up. */
export function AppointmentOutcomeForm({ appointmentId, label }: { appointmentId: string; label: string }) {
  return (
    <ActionForm action={appointmentOutcomeAction} label={`How did the ${label} go?`} success="Saved." className="flex basis-full flex-wrap items-center gap-2 pt-1">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <SubmitButton size="sm" variant="secondary" name="outcome" value="completed" pendingText="Saving…">Done</SubmitButton>
      <SubmitButton size="sm" variant="secondary" name="outcome" value="no_show" pendingText="Saving…">No-show</SubmitButton>
    </ActionForm>
  );
}

/** Ticks a task off the viewer's list on Today. */
export function TaskDoneForm({ taskId, title }: { taskId: string; title: string }) {
  return (
    <ActionForm action={completeTaskAction} label={`Mark done: ${title}`}>
      <input type="hidden" name="taskId" value={taskId} />
      <SubmitButton size="sm" variant="secondary" pendingText="Saving…">Done</SubmitButton>
    </ActionForm>
  );
}
