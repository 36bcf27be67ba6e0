export { getSession, requireSession, authorize, type Denied } from "./session";
export { hasRole } from "./roles";
export type { Session, SessionUser } from "./types";
