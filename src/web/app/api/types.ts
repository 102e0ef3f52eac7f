/** Shapes of the server's answers, as the console reads them. */
import type { Role } from '../../../kernel/actor';
import type { Action } from '../../../kernel/policy';

export type { Action, Role };

export interface SessionGrant {
  role: Role;
  roleLabel: string;
  regionCode: string;
  regionName: string | null;
  unitId: string | null;
  unitName: string | null;
}

/** GET /api/auth/me and POST /api/auth/login. */
export interface Session {
  user: { id: string; username: string; displayName: string };
  grants: SessionGrant[];
  permissions: Action[];
  csrfToken: string;
}

export interface Region {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  source: string;
  childCount?: number;
}

export interface Unit {
  id: string;
  regionCode: string;
  regionName: string;
  name: string;
  kind: string;
  shortName: string | null;
}

export interface UserGrant {
  role: Role;
  regionCode: string;
  unitId?: string | null;
  regionName: string | null;
  unitName: string | null;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  active: boolean;
  locked: boolean;
  createdAt: string;
  grants: UserGrant[];
}

export interface PlanYear {
  id: string;
  regionCode: string;
  regionName?: string | null;
  year: number;
  title: string | null;
  stage: string;
  stageLabel: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  tableName: string;
  recordId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditVerdict {
  ok: boolean;
  checked: number;
  message: string;
  brokenAt?: number;
}

export interface Items<T> {
  items: T[];
}
