import { Input } from "@/components/ui/controls";

const days = [["mon", "Monday"], ["tue", "Tuesday"], ["wed", "Wednesday"], ["thu", "Thursday"], ["fri", "Friday"], ["sat", "Saturday"], ["sun", "Sunday"]] as const;

/** One opening interval a day as `{day}Open` / `{day}Close` time inputs (see lib/scheduling/hours-form). */
export function OpeningHoursFields({ values, errors, legend }: { values: Record<string, string>; errors: Record<string, string>; legend: string }) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="grid gap-2">
        {days.map(([d, label]) => {
          const problem = errors[`${d}Open`] ?? errors[`${d}Close`];
          return (
            <div key={d} className="grid grid-cols-[minmax(0,6.5rem)_minmax(0,1fr)_minmax(0,1fr)] items-center gap-2 text-sm">
              <span>{label}</span>
              <Input aria-label={`${label} opens`} name={`${d}Open`} type="time" defaultValue={values[`${d}Open`] ?? ""} aria-invalid={Boolean(errors[`${d}Open`])} />
              <Input aria-label={`${label} closes`} name={`${d}Close`} type="time" defaultValue={values[`${d}Close`] ?? ""} aria-invalid={Boolean(errors[`${d}Close`])} />
              {problem ? <p className="col-span-3 text-sm text-red-700" role="alert">{label}: {problem}</p> : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
