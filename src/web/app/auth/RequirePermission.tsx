import type { ReactNode } from 'react';
import { Forbidden } from '../../components/Forbidden';
import type { Action } from '../api/types';
import { useCan } from './session';

/** Hides a page from those who may not use it; the server refuses them anyway. */
export function RequirePermission({ permission, children }: { permission: Action; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? children : <Forbidden />;
}
