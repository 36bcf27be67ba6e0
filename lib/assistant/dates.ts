// Calendar helpers live with the understanding that needs them; other domains import them from here.
export { addDaysIso, extractDate, extractTime, localToday } from "./understand/dates";
